package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bleveindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"

	"github.com/quotebot/quotebot/quotes"
)

// ErrDamaged is returned by Open for an index whose files cannot be read
// whole. Open changes nothing in such a directory: Salvage reads what is
// left, and `quotebot import` rebuilds an index from it.
var ErrDamaged = errors.New("index: damaged")

// damaged wraps ErrDamaged with the cause and the way out.
func damaged(dir string, cause error) error {
	return fmt.Errorf("%w: %s: %v; nothing was changed. Move it aside, save what is readable with "+
		"`quotebot salvage --index DIR > quotes.jsonl`, then `quotebot import quotes.jsonl` (or import your last export)",
		ErrDamaged, dir, cause)
}

// errNeverWritten is an index whose creation was cut short: its files
// exist, but nothing was ever written to them.
var errNeverWritten = errors.New("index: never written")

// clearNeverWritten removes the files of an index whose creation was cut
// short, so that it can be created again, and reports whether it did. It
// removes nothing it does not know: any other file leaves the directory as
// it is.
func clearNeverWritten(dir string) bool {
	known := map[string]bool{"index_meta.json": true, "store": true}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !known[e.Name()] {
			return false
		}
	}
	store, err := os.ReadDir(filepath.Join(dir, "store"))
	if err != nil || len(store) != 1 || store[0].Name() != "root.bolt" {
		return false
	}
	return os.Remove(filepath.Join(dir, "store", "root.bolt")) == nil &&
		os.Remove(filepath.Join(dir, "store")) == nil &&
		os.Remove(filepath.Join(dir, "index_meta.json")) == nil
}

// checkSnapshot opens the index in dir read-only, without bleve's own open,
// and loads its newest snapshot. bleve, on a snapshot that fails to load (a
// segment missing or corrupt), logs a line, opens an older snapshot or none,
// and marks the newer one for removal: a read-write open would silently
// lose the quotes written since. Reading first keeps that from happening.
// It returns how many documents the newest snapshot holds, and
// errNeverWritten for an index that holds no snapshot and no segment.
func checkSnapshot(dir string) (uint64, error) {
	store := filepath.Join(dir, "store")
	if _, err := os.Stat(filepath.Join(store, "root.bolt")); err != nil {
		// A read-only bolt open would create the file; say what is missing.
		return 0, damaged(dir, fmt.Errorf("store/root.bolt: %w", err))
	}
	s, err := scorch.NewScorch(scorch.Name, map[string]any{
		"path": store, "read_only": true, "bolt_timeout": openTimeout.String(),
	}, bleveindex.NewAnalysisQueue(1))
	if err != nil {
		return 0, damaged(dir, err)
	}
	if err := s.Open(); err != nil {
		if strings.Contains(err.Error(), "timeout") {
			return 0, fmt.Errorf("%w: %s", ErrLocked, dir)
		}
		return 0, damaged(dir, err)
	}
	defer s.Close()
	sc := s.(*scorch.Scorch)
	epochs, err := sc.RootBoltSnapshotEpochs()
	if err != nil {
		return 0, damaged(dir, err)
	}
	if len(epochs) == 0 {
		if segs, _ := filepath.Glob(filepath.Join(store, "*.zap")); len(segs) == 0 {
			return 0, errNeverWritten
		}
		return 0, damaged(dir, errors.New("no snapshot in store/root.bolt"))
	}
	snap, err := sc.LoadSnapshot(epochs[0]) // newest first
	if err != nil {
		return 0, damaged(dir, err)
	}
	defer snap.DecRef()
	n, err := snap.DocCount()
	if err != nil {
		return 0, damaged(dir, err)
	}
	return n, nil
}

// Salvage yields every quote it can read from the segment files of the index
// in dir, whether or not the index opens, without changing anything. It
// reads the files directly, so a quote deleted after it was written may come
// back; a quote in several segments is yielded once. An unreadable segment
// is reported as an error in the sequence, and reading goes on with the next.
func Salvage(dir string) iter.Seq2[quotes.Quote, error] {
	return func(yield func(quotes.Quote, error) bool) {
		files, err := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
		if err != nil || len(files) == 0 {
			yield(quotes.Quote{}, fmt.Errorf("index: salvage %s: no segment files in store/", dir))
			return
		}
		sort.Strings(files)
		seen := map[string]bool{}
		var plugin zap.ZapPlugin
		for _, f := range files {
			seg, err := plugin.Open(f)
			if err != nil {
				if !yield(quotes.Quote{}, fmt.Errorf("index: salvage %s: %w", filepath.Base(f), err)) {
					return
				}
				continue
			}
			ok := salvageSegment(seg, f, seen, yield)
			seg.Close()
			if !ok {
				return
			}
		}
	}
}

// salvageSegment yields the quotes of one segment not in seen; false means
// the consumer stopped.
func salvageSegment(seg segment.Segment, name string, seen map[string]bool, yield func(quotes.Quote, error) bool) bool {
	for num := range seg.Count() {
		var body []byte
		err := seg.VisitStoredFields(num, func(field string, _ byte, value []byte, _ []uint64) bool {
			if field == fieldStored {
				body = append([]byte(nil), value...)
				return false
			}
			return true
		})
		if err == nil && body == nil {
			continue // not a quote: bleve's own internal documents
		}
		var q quotes.Quote
		if err == nil {
			err = json.Unmarshal(body, &q)
		}
		if err != nil {
			if !yield(quotes.Quote{}, fmt.Errorf("index: salvage %s document %d: %w", filepath.Base(name), num, err)) {
				return false
			}
			continue
		}
		if seen[q.ID] {
			continue
		}
		seen[q.ID] = true
		if !yield(q, nil) {
			return false
		}
	}
	return true
}
