package index_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/quotebot/quotebot/index"
	"github.com/quotebot/quotebot/quotes"
)

// writeIndex creates an index in dir holding n quotes written in three
// batches, so that it has several segments, and closes it.
func writeIndex(t *testing.T, dir string, n int) {
	t.Helper()
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for b := range 3 {
		var qs []quotes.Quote
		for i := b * n / 3; i < (b+1)*n/3; i++ {
			qs = append(qs, quotes.Quote{Text: fmt.Sprintf("salvage me, quote number %d", i), Speaker: "Disk"})
		}
		if _, err := ix.AddBatch(context.Background(), qs); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
}

// listing is every file under dir with its size and modification time.
func listing(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %d %v\n", p, fi.Size(), fi.ModTime().UnixNano())
		return nil
	})
	return b.String()
}

func segments(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if err != nil || len(m) < 2 {
		t.Fatalf("segments = %v, %v; want several", m, err)
	}
	return m
}

// TestOpenDamaged damages an index in the ways disks and people do: Open
// refuses with ErrDamaged, leaves every file as it was, and never answers
// from an empty or older index; Salvage reads what is left.
func TestOpenDamaged(t *testing.T) {
	const n = 90
	cases := []struct {
		name    string
		damage  func(t *testing.T, dir string)
		opens   bool // a harmless change: Open succeeds with every quote
		salvage int  // at least this many quotes salvaged
	}{
		{"intact", func(*testing.T, string) {}, true, n},
		{"stray file in store", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "store", "notes.txt"), []byte("hello"), 0o644)
		}, true, n},
		{"stray segment file", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "store", "00000000ffff.zap"), []byte("junk"), 0o644)
		}, true, n},
		{"corrupt root.bolt", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "store", "root.bolt"), []byte("garbage"), 0o644)
		}, false, n},
		{"truncated root.bolt", func(t *testing.T, dir string) {
			os.Truncate(filepath.Join(dir, "store", "root.bolt"), 100)
		}, false, n},
		{"empty root.bolt", func(t *testing.T, dir string) {
			os.Truncate(filepath.Join(dir, "store", "root.bolt"), 0)
		}, false, n},
		{"missing root.bolt", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "store", "root.bolt"))
		}, false, n},
		// The newest segment is one the newest snapshot uses; an older one
		// may be merged away already and only waiting for removal.
		// Which segment files the newest snapshot uses depends on the
		// merger's timing (a merged segment may not be introduced yet when
		// the index closes), so every segment but the oldest is damaged:
		// the snapshot surely uses one of them, and the oldest is left for
		// Salvage to read.
		{"missing segments", func(t *testing.T, dir string) {
			for _, seg := range segments(t, dir)[1:] {
				os.Remove(seg)
			}
		}, false, 1},
		{"corrupt segments", func(t *testing.T, dir string) {
			for _, seg := range segments(t, dir)[1:] {
				os.WriteFile(seg, []byte("junkjunkjunkjunk"), 0o644)
			}
		}, false, 1},
		{"missing index_meta.json", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "index_meta.json"))
		}, false, n},
		{"corrupt index_meta.json", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "index_meta.json"), []byte("{"), 0o644)
		}, false, n},
		{"missing store", func(t *testing.T, dir string) {
			os.RemoveAll(filepath.Join(dir, "store"))
		}, false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "idx")
			writeIndex(t, dir, n)
			c.damage(t, dir)
			before := listing(t, dir)
			ix, err := index.Open(dir)
			if c.opens {
				if err != nil {
					t.Fatalf("Open = %v, want it to open", err)
				}
				defer ix.Close()
				if got, err := ix.Count(context.Background(), ""); got != n || err != nil {
					t.Errorf("Count = %d, %v; want %d", got, err, n)
				}
				return
			}
			if err == nil {
				got, _ := ix.Count(context.Background(), "")
				ix.Close()
				t.Fatalf("Open succeeded with %d of %d quotes, want ErrDamaged", got, n)
			}
			if !errors.Is(err, index.ErrDamaged) || !strings.Contains(err.Error(), "quotebot salvage") || !strings.Contains(err.Error(), dir) {
				t.Errorf("Open = %v; want ErrDamaged naming the directory and the way out", err)
			}
			if after := listing(t, dir); after != before {
				t.Errorf("Open changed the damaged directory:\n%s\nwas\n%s", after, before)
			}
			// Opening again gives the same answer: nothing was repaired
			// into an empty index behind our back.
			if ix, err := index.Open(dir); !errors.Is(err, index.ErrDamaged) {
				if ix != nil {
					ix.Close()
				}
				t.Errorf("second Open = %v, want ErrDamaged", err)
			}
			seen := map[string]bool{}
			for q, err := range index.Salvage(dir) {
				if err != nil {
					continue // an unreadable segment: reported, and the rest read
				}
				if seen[q.ID] || !strings.HasPrefix(q.Text, "salvage me") {
					t.Errorf("Salvage yielded %+v twice or foreign", q)
				}
				seen[q.ID] = true
			}
			if len(seen) < c.salvage || len(seen) > n {
				t.Errorf("Salvage read %d quotes, want %d to %d", len(seen), c.salvage, n)
			}
		})
	}
}

// TestOpenAfterCreationCutShort opens an index whose first open was killed
// before it wrote anything: it holds no quote, so it is created again, not
// reported damaged. With a file of someone else's beside it, it is left be.
func TestOpenAfterCreationCutShort(t *testing.T) {
	for _, stray := range []bool{false, true} {
		dir := filepath.Join(t.TempDir(), "idx")
		writeIndex(t, dir, 3)
		meta, err := os.ReadFile(filepath.Join(dir, "index_meta.json"))
		if err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(dir)
		os.MkdirAll(filepath.Join(dir, "store"), 0o755)
		os.WriteFile(filepath.Join(dir, "index_meta.json"), meta, 0o644)
		db, err := bolt.Open(filepath.Join(dir, "store", "root.bolt"), 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		if stray {
			os.WriteFile(filepath.Join(dir, "README"), []byte("mine"), 0o644)
		}
		ix, err := index.Open(dir)
		if stray {
			if !errors.Is(err, index.ErrDamaged) {
				t.Errorf("Open beside a stray file = %v, want ErrDamaged", err)
			}
			if _, err := os.Stat(filepath.Join(dir, "README")); err != nil {
				t.Errorf("the stray file is gone: %v", err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("Open after creation cut short = %v, want a new index", err)
		}
		if _, err := ix.Add(context.Background(), quotes.Quote{Text: "a second start", Speaker: "Disk"}); err != nil {
			t.Error(err)
		}
		ix.Close()
	}
}
