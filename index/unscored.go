package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// unscoredQuery matches what its query matches and adds nothing to the
// score. Boost 0 would do the second, but not cheaply: bleve chooses per
// request whether postings are read with their frequencies and norms, and
// zapx advances such a postings iterator one posting at a time, so a boost-0
// clause on "the" still walks most of a million postings. Built unscored,
// its term searchers skip ahead in the postings bitmap, and a conjunction
// or disjunction of plain terms becomes one bitmap operation.
type unscoredQuery struct {
	q query.Query
}

// unscored wraps q so that it selects without scoring (see unscoredQuery).
func unscored(q query.Query) query.Query {
	return unscoredQuery{q}
}

// Searcher builds q's searcher without scores or term vectors.
func (u unscoredQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, _ search.SearcherOptions) (search.Searcher, error) {
	s, err := u.q.Searcher(ctx, r, m, search.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	return weightless{s}, nil
}

// weightless keeps an unscored searcher out of its parent's query norm, as
// boost 0 did: its leaves still report their idf as weight.
type weightless struct {
	search.Searcher
}

func (weightless) Weight() float64 { return 0 }

func (weightless) SetQueryNorm(float64) {}
