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
// wrapping quotes.ErrNotFound when there is none.
//
// Each quote is in two buckets named by the start of its ID (1 of 32, then 1
// of 1,024; IDs are hashes). Random picks a random bucket of the finer level
// and a random quote in it; when the bucket is empty (few quotes match), it
// tries a coarse bucket, then all matching quotes, which are then few. So a
// pick reads about a thousandth of a large index, and never pages deep.
func (ix *Index) Random(ctx context.Context, guild, speaker string) (quotes.Quote, error) {
	c1 := idAlphabet[rand.IntN(len(idAlphabet))]
	c2 := idAlphabet[rand.IntN(len(idAlphabet))]
	for _, bucket := range []query.Query{
		termQuery(fieldRand, string([]byte{c1, c2})),
		termQuery(fieldRand, string([]byte{c1})),
		query.NewMatchAllQuery(),
	} {
		q := ix.filtered(guild, speaker, bucket)
		count := bleve.NewSearchRequestOptions(q, 0, 0, false)
		count.Score = "none"
		res, err := ix.b.SearchInContext(ctx, count)
		if err != nil {
			return quotes.Quote{}, fmt.Errorf("index: random: %w", err)
		}
		if res.Total == 0 {
			continue
		}
		req := bleve.NewSearchRequestOptions(q, 1, rand.IntN(int(min(res.Total, maxRandomOffset))), false)
		req.Fields = []string{fieldStored}
		req.SortBy([]string{"_id"})
		req.Score = "none"
		if res, err = ix.b.SearchInContext(ctx, req); err != nil {
			return quotes.Quote{}, fmt.Errorf("index: random: %w", err)
		}
		if len(res.Hits) > 0 {
			return decodeHit(res.Hits[0])
		}
	}
	return quotes.Quote{}, fmt.Errorf("index: random quote: %w", quotes.ErrNotFound)
}

// maxRandomOffset bounds how deep Random pages, in the unlikely case that a
// fine and a coarse bucket are both empty yet many quotes match.
const maxRandomOffset = 10000

// idAlphabet is the alphabet of quote IDs (see quotes.NewID).
const idAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"
