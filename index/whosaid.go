package index

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"

	"github.com/quotebot/quotebot/quotes"
)

// Who-said tuning. Each value was chosen on the quotable + fortunes fragment
// set in quality_test.go; change them only with that test's figures in hand.
const (
	whoSaidHits      = 40   // top quotes weighed as evidence
	minCoverage      = 0.6  // a quote must hold this weighted share of the phrase's words
	minAlign         = 0.6  // … and this share of them in the phrase's order (see align)
	otherQuoteWeight = 0.35 // each further matching quote adds this share of its score
	alignBoost       = 3.0  // weight of a verbatim match over scattered words (see align)
)

// WhoSaid ranks the speakers guild can see by the evidence that they said
// phrase: an exact phrase counts most, and several matching quotes by one
// speaker count more than one. Each Attribution carries the speaker's best
// matching quote and a confidence. It returns an empty slice, not an error,
// when the evidence is weak: no quote holds most of the phrase's words.
//
// A phrase that finds nobody as typed is asked again with its contractions
// respelled (see respell): "god does not play dice" finds "God doesn't play
// dice."
func (ix *Index) WhoSaid(ctx context.Context, guild, phrase string, limit int) ([]quotes.Attribution, error) {
	limit = clampInt(limit, 1, MaxLimit, 3)
	out, err := ix.whoSaid(ctx, guild, phrase, limit)
	if err != nil || len(out) > 0 {
		return out, err
	}
	if alt, ok := respell(clip(phrase, MaxQueryLen)); ok {
		return ix.whoSaid(ctx, guild, alt, limit)
	}
	return out, nil
}

// whoSaid is WhoSaid for the phrase as given.
func (ix *Index) whoSaid(ctx context.Context, guild, phrase string, limit int) ([]quotes.Attribution, error) {
	p, err := ix.parse(ctx, phrase)
	if err != nil {
		return nil, err
	}
	if len(p.words) == 0 {
		return []quotes.Attribution{}, nil
	}
	p.formsOnly = true
	// A phrase of only common words ("to be or not to be") is evidence
	// only where its words stand together, as a phrase.
	allStop := true
	for _, w := range p.words {
		allStop = allStop && w.stop
	}
	side, rest := ix.textPlans(p)
	plans := append(side, rest...)
	var order []*candidate
	// Quotes holding every word are searched first (for a phrase of common
	// words, quotes holding it side by side); only when none of them is good
	// evidence are quotes holding some of the words weighed.
	for _, bq := range plans {
		req := bleve.NewSearchRequestOptions(ix.filtered(guild, "", bq), whoSaidHits, 0, false)
		req.Fields = []string{fieldStored}
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("index: who said: %w", err)
		}
		if order, err = ix.weigh(p, allStop, res.Hits); err != nil {
			return nil, err
		}
		if len(order) > 0 {
			break
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].evidence > order[j].evidence })
	var total float64
	for _, c := range order {
		total += c.evidence
	}
	out := make([]quotes.Attribution, 0, min(limit, len(order)))
	for _, c := range order[:min(limit, len(order))] {
		c.Score = c.evidence
		c.Confidence = c.evidence / total * c.coverage
		out = append(out, c.Attribution)
	}
	return out, nil
}

// candidate is a speaker and the evidence that they said the phrase.
type candidate struct {
	quotes.Attribution
	evidence float64
	coverage float64
}

// weigh turns who-said hits into speakers, each with the evidence of their
// matching quotes, in the order they were first met. Quotes that hold too
// little of the phrase are no evidence.
func (ix *Index) weigh(p parsed, allStop bool, hits search.DocumentMatchCollection) ([]*candidate, error) {
	byKey := make(map[string]*candidate)
	var order []*candidate
	for _, h := range hits {
		q, err := decodeHit(h)
		if err != nil {
			return nil, err
		}
		if q.Speaker == "" {
			continue
		}
		mi := ix.inspect(p, q.Text)
		if mi.coverage < minCoverage || mi.align < minAlign || (allStop && (mi.align < 1 || len(p.seq) < 2)) {
			continue
		}
		// A quote that holds the phrase nearly verbatim is far better
		// evidence than one that shares its words scattered; BM25 alone
		// also favours short quotes over the long poem the phrase is from.
		score := h.Score * (1 + alignBoost*mi.align*mi.align)
		key := strings.ToLower(q.Speaker)
		c := byKey[key]
		if c == nil {
			c = &candidate{Attribution: quotes.Attribution{
				Speaker: q.Speaker,
				Quote:   quotes.Match{Quote: q, Score: h.Score, Highlights: mi.phrase},
			}, coverage: mi.coverage}
			c.evidence = score
			byKey[key] = c
			order = append(order, c)
			continue
		}
		c.evidence += otherQuoteWeight * score
	}
	return order, nil
}
