package index

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/quotebot/quotebot/quotes"
)

// Random returns a quote chosen at random among those guild can see, by a
// speaker whose name matches speaker when it is set. It returns an error
// wrapping quotes.ErrNotFound when there is none. Each quote carries a fixed
// random number; Random draws a number and takes the next quote after it, so
// a pick costs one range query however large the index.
func (ix *Index) Random(ctx context.Context, guild, speaker string) (quotes.Quote, error) {
	x := rand.Float64()
	incl, excl := true, false
	ranges := []*query.NumericRangeQuery{
		query.NewNumericRangeInclusiveQuery(&x, nil, &incl, nil),
		query.NewNumericRangeInclusiveQuery(nil, &x, nil, &excl),
	}
	for _, r := range ranges {
		r.SetField(fieldRand)
		req := bleve.NewSearchRequestOptions(ix.filtered(guild, speaker, r), 1, 0, false)
		req.Fields = []string{fieldStored}
		req.SortBy([]string{fieldRand})
		req.Score = "none"
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return quotes.Quote{}, fmt.Errorf("index: random: %w", err)
		}
		if len(res.Hits) > 0 {
			return decodeHit(res.Hits[0])
		}
	}
	return quotes.Quote{}, fmt.Errorf("index: random quote: %w", quotes.ErrNotFound)
}
