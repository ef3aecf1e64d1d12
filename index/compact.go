package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// maxCompactRounds bounds Compact's merge rounds; each merges up to ten
// segments into one, so three take a bulk import's segments down to one.
const maxCompactRounds = 3

// Compact merges the index's segments into one. A bulk import leaves tens
// of segments behind; left alone, bleve merges them in the background of the
// next process that opens the index, which then serves its first minutes
// with a busy CPU and with the old and new segments both mapped (at a
// million quotes: cold starts over a second and 2.5 GB resident). Call it
// after a bulk import; it blocks until the merges are done or ctx ends. It
// does nothing for an in-memory index.
func (ix *Index) Compact(ctx context.Context) error {
	adv, err := ix.b.Advanced()
	if err != nil {
		return fmt.Errorf("index: compact: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok || ix.path == "" {
		return nil
	}
	if err := ix.Sync(); err != nil {
		return err
	}
	// Merging reads whole segments in order: let the kernel read ahead.
	ix.adviseReadahead(true)
	for range maxCompactRounds {
		if n := ix.segments(s); n <= 1 {
			return nil
		}
		if err := s.ForceMerge(ctx, &mergeplan.SingleSegmentMergePlanOptions); err != nil {
			return fmt.Errorf("index: compact: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// segments is the number of file segments in the index's current snapshot.
func (ix *Index) segments(s *scorch.Scorch) uint64 {
	st, ok := s.StatsMap()["num_root_filesegments"].(uint64)
	if !ok {
		return 2 // unknown: let ForceMerge decide
	}
	return st
}

// Tidy opens and closes the index in dir. bleve deletes the segment files
// that merges made obsolete when it opens an index, not when it closes one:
// after a bulk import and Compact, the old segments (at a million quotes,
// twice the index's size) would otherwise stay on disk until the bot's next
// start, which would pay for deleting them (0.6 s at a million quotes).
func Tidy(dir string) error {
	ix, err := Open(dir)
	if err != nil {
		return err
	}
	return ix.Close()
}
