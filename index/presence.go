package index

import (
	"context"
	"math"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// presenceQuery matches the quotes holding term in field and scores each
// as BM25 scores a quote of average length holding it once. It stands in
// for a term query on a common term (see parsed.common): a scored term
// query walks every posting of its term up to the last match (zapx reads
// frequencies and norms one posting at a time), which for "the" or
// "government" is hundreds of thousands at a million quotes, where a
// presence query skips ahead in the postings bitmap. What it gives up,
// how often and in how long a quote the term occurs, says little about a
// term that common: BM25 gives it a small idf anyway.
type presenceQuery struct {
	field, term string
	boost       float64
}

// Searcher is a term searcher read without frequencies, whose matches carry
// the fixed score.
func (q presenceQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	if options.Score == "none" {
		return searcher.NewTermSearcher(ctx, r, q.term, q.field, q.boost, options)
	}
	s, err := searcher.NewTermSearcher(ctx, r, q.term, q.field, q.boost, search.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	docs, err := r.DocCount()
	if err != nil {
		s.Close()
		return nil, err
	}
	n := float64(s.Count())
	idf := math.Log(1 + (float64(docs)-n+0.5)/(n+0.5))
	return &presenceSearcher{Searcher: s, idf: idf, boost: q.boost, queryWeight: 1}, nil
}

// presenceSearcher scores its term searcher's matches as TermQueryScorer
// scores a match with frequency 1 in a field of average length: idf times
// BM25's saturation at tf 1, times the query weight, which (as for a term)
// is boost·idf·norm once the parent has set the query norm, and 1 before.
type presenceSearcher struct {
	search.Searcher
	idf, boost, queryWeight float64
}

func (s *presenceSearcher) Weight() float64 {
	w := s.boost * s.idf
	return w * w
}

func (s *presenceSearcher) SetQueryNorm(norm float64) {
	s.queryWeight = s.boost * s.idf * norm
}

func (s *presenceSearcher) score(d *search.DocumentMatch) *search.DocumentMatch {
	if d != nil {
		d.Score = s.idf * search.BM25_k1 / (1 + search.BM25_k1) * s.queryWeight
	}
	return d
}

func (s *presenceSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	return s.score(d), err
}

func (s *presenceSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	return s.score(d), err
}
