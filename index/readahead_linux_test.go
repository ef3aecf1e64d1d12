package index_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotebot/quotebot/index"
	"github.com/quotebot/quotebot/quotes"
)

// TestOpenAdvisesRandomReads checks in /proc/self/smaps that the segments
// Open maps carry the kernel's random-read advice ("rr" in VmFlags), which
// keeps a cold first query from reading the disk's whole readahead window
// at every page fault.
func TestOpenAdvisesRandomReads(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var qs []quotes.Quote
	for i := range 200 {
		qs = append(qs, quotes.Quote{Text: fmt.Sprintf("Quote %d read at random.", i), Speaker: "Reader"})
	}
	if _, err := ix.AddBatch(context.Background(), qs); err != nil {
		t.Fatal(err)
	}
	ix = reopen(t, ix, dir)
	if _, err := ix.Count(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	segments, advised := 0, 0
	var inSegment bool
	for _, line := range strings.Split(string(smaps), "\n") {
		fields := strings.Fields(line)
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			// A mapping's header: address range, perms, offset, dev, inode, path.
			inSegment = len(fields) >= 6 && strings.HasPrefix(fields[5], dir) && strings.HasSuffix(fields[5], ".zap")
			if inSegment {
				segments++
			}
		case inSegment && len(fields) > 0 && fields[0] == "VmFlags:":
			for _, f := range fields[1:] {
				if f == "rr" {
					advised++
				}
			}
		}
	}
	if segments == 0 {
		t.Fatalf("no segment of %s is mapped", dir)
	}
	if advised != segments {
		t.Errorf("%d of %d mapped segments carry the random-read advice", advised, segments)
	}
}
