package index

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenRefusesOtherVersion checks that an index built with another
// mapping version is refused, untouched, with the ways out in the message.
func TestOpenRefusesOtherVersion(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	batch := ix.b.NewBatch()
	batch.SetInternal([]byte(versionKey), []byte("3"))
	if err := ix.commit(batch); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	for range 2 { // refused again: the first refusal changed nothing
		_, err = Open(dir)
		if !errors.Is(err, ErrVersion) {
			t.Fatalf("Open: %v, want ErrVersion", err)
		}
	}
	for _, want := range []string{`version "3"`, `needs "` + mappingVersion + `"`, "quotebot salvage --index " + dir, "into a new directory"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error %q does not say %q", err, want)
		}
	}
}
