package index

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// maxCompactRounds bounds Compact's merge rounds; each merges up to ten
// segments into one, so three take a bulk import's segments down to one.
const maxCompactRounds = 3

// Compact merges the segments a bulk import of n quotes left behind into
// one, with any other segment no larger than the import; a segment holding
// more quotes than that is left as it is, so adding a few quotes to a large
// collection rewrites a small segment, not the whole index (adding 2 quotes
// to a million rewrote its 2 GB in 23 s). n <= 0 merges every segment.
//
// Left alone, bleve merges an import's tens of segments in the background
// of the next process that opens the index, which then serves its first
// minutes with a busy CPU and with the old and new segments both mapped (at
// a million quotes: cold starts over a second and 2.5 GB resident). Call it
// after a bulk import; it blocks until the merges are done or ctx ends. It
// does nothing for an in-memory index.
func (ix *Index) Compact(ctx context.Context, n int) error {
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
	opts := mergeplan.SingleSegmentMergePlanOptions
	if n > 0 {
		// bleve merges the segments of fewer than half this many quotes,
		// into segments of fewer than this many.
		opts.MaxSegmentSize = min(opts.MaxSegmentSize, 2*int64(n)+2)
	}
	// Merging reads whole segments in order: let the kernel read ahead.
	ix.adviseReadahead(true)
	for range maxCompactRounds {
		before := ix.segments(s)
		if before <= 1 {
			break
		}
		if err := s.ForceMerge(ctx, &opts); err != nil {
			return fmt.Errorf("index: compact: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if ix.segments(s) >= before {
			break // nothing left that may be merged
		}
	}
	return ix.settle(ctx, s)
}

// settleTimeout bounds how long Compact waits for bleve to delete the
// segment files its merges replaced.
const settleTimeout = 30 * time.Second

// settle waits until the store holds no segment file but the live ones.
// bleve deletes the files merges replaced when its persister next idles,
// or when the index is next opened: a process that closes the index right
// after Compact would leave them (at a million quotes, twice the index's
// size) for the bot's next start to delete, which cost that cold start
// 0.6 s. Each round commits a small write, which the persister persists
// and then idles.
func (ix *Index) settle(ctx context.Context, s *scorch.Scorch) error {
	deadline := time.Now().Add(settleTimeout)
	for round := 0; ; round++ {
		zaps, err := filepath.Glob(filepath.Join(ix.path, "store", "*.zap"))
		if err != nil {
			return fmt.Errorf("index: compact: %w", err)
		}
		if uint64(len(zaps)) <= ix.segments(s) || time.Now().After(deadline) {
			return nil
		}
		ix.writeMu.Lock()
		batch := ix.b.NewBatch()
		batch.SetInternal([]byte(compactedKey), []byte(strconv.Itoa(round)))
		err = ix.commit(batch)
		ix.writeMu.Unlock()
		if err == nil {
			err = ix.Sync()
		}
		if err != nil {
			return fmt.Errorf("index: compact: %w", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// compactedKey is an internal key settle writes to wake bleve's persister.
const compactedKey = "quotebot_compacted"

// segments is the number of file segments in the index's current snapshot.
func (ix *Index) segments(s *scorch.Scorch) uint64 {
	st, ok := s.StatsMap()["num_root_filesegments"].(uint64)
	if !ok {
		return 2 // unknown: let ForceMerge decide
	}
	return st
}
