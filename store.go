package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/quotebot/quotebot/corpus"
	"github.com/quotebot/quotebot/index"
	"github.com/quotebot/quotebot/quotes"
)

// openIndex opens the index in dir. On first use, when dir does not exist
// yet, it creates the index and fills it with the bundled corpus, so a fresh
// clone answers questions at once.
func openIndex(ctx context.Context, env *Env, dir string) (*index.Index, error) {
	_, statErr := os.Stat(dir)
	fresh := errors.Is(statErr, os.ErrNotExist)
	ix, err := index.Open(dir)
	if err != nil {
		return nil, err
	}
	if fresh {
		n, err := loadSeed(ctx, ix)
		if err != nil {
			ix.Close()
			return nil, fmt.Errorf("load the bundled corpus: %w", err)
		}
		env.Log.Info("created index with the bundled corpus", "dir", dir, "quotes", n)
	}
	return ix, nil
}

// loadSeed adds the bundled corpus to ix and returns how many quotes it holds.
func loadSeed(ctx context.Context, ix *index.Index) (int, error) {
	var qs []quotes.Quote
	for q, err := range quotes.ReadJSONL(bytes.NewReader(corpus.Seed), "corpus/seed.jsonl") {
		if err != nil {
			return 0, err
		}
		qs = append(qs, q)
	}
	if _, err := ix.AddBatch(ctx, qs); err != nil {
		return 0, err
	}
	return len(qs), nil
}
