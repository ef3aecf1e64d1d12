package index

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/quotebot/quotebot/quotes"
)

// maxCompletions is how many known words the unfinished last word of a
// search-as-you-type query expands to.
const maxCompletions = 8

// Suggest is search as you type: it returns up to limit quotes guild can see
// that match prefix, the words typed so far, taking the last word as
// unfinished ("ready to do ev" finds "ready to do everything"). It completes
// that word from the index's dictionary, which is much cheaper than a prefix
// query. It returns an empty slice when nothing matches.
func (ix *Index) Suggest(ctx context.Context, guild, prefix string, limit int) ([]quotes.Match, error) {
	limit = clampInt(limit, 1, MaxLimit, 10)
	prefix = clip(prefix, MaxQueryLen)
	head, last := prefix, ""
	if i := strings.LastIndexFunc(prefix, unicode.IsSpace); i < len(prefix)-1 {
		head, last = prefix[:i+1], prefix[i+1:]
	}
	p, err := ix.parse(ctx, head)
	if err != nil {
		return nil, err
	}
	var lastTok string
	if toks := ix.analyze(analyzerExact, last); len(toks) > 0 {
		lastTok = string(toks[len(toks)-1].Term)
	}
	completions, err := ix.complete(lastTok)
	if err != nil {
		return nil, err
	}
	headP := parsed{text: head, words: p.words}
	var plans []query.Query
	if len(completions) > 0 {
		alts := make([]query.Query, 0, len(completions))
		for _, c := range completions {
			alts = append(alts, termQuery(fieldExact, c))
			stems := ix.analyze(analyzerText, c)
			if len(stems) == 1 {
				p.words = append(p.words, word{exact: c, stem: string(stems[0].Term), stop: stopWords[c]})
			}
		}
		done := query.NewDisjunctionQuery(alts)
		if len(headP.words) == 0 {
			plans = append(plans, done)
		} else {
			// Every word typed so far, then (when none holds them all)
			// any of them, as Search does; the completed word must match.
			all := wordClauses(headP)
			for _, w := range all {
				unscored(w)
			}
			plans = append(plans,
				query.NewBooleanQuery(append(all, done), []query.Query{textQuery(headP)}, nil),
				query.NewBooleanQuery([]query.Query{done}, []query.Query{textQuery(headP)}, nil))
		}
	} else if lastTok != "" {
		return []quotes.Match{}, nil // nothing known starts that way
	} else if len(p.words) > 0 {
		plans = textPlans(p)
	} else {
		return []quotes.Match{}, nil
	}
	var res *bleve.SearchResult
	for _, bq := range plans {
		req := bleve.NewSearchRequestOptions(ix.filtered(guild, "", bq), limit, 0, false)
		req.Fields = []string{fieldStored}
		res, err = ix.b.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("index: suggest: %w", err)
		}
		if res.Total > 0 {
			break
		}
	}
	out := make([]quotes.Match, 0, len(res.Hits))
	for _, h := range res.Hits {
		q, err := decodeHit(h)
		if err != nil {
			return nil, err
		}
		out = append(out, quotes.Match{Quote: q, Score: h.Score, Highlights: ix.inspect(p, q.Text).spans})
	}
	return out, nil
}

// complete returns the most frequent known words that start with prefix.
func (ix *Index) complete(prefix string) ([]string, error) {
	if prefix == "" {
		return nil, nil
	}
	d, err := ix.b.FieldDictPrefix(fieldExact, []byte(prefix))
	if err != nil {
		return nil, fmt.Errorf("index: complete: %w", err)
	}
	defer d.Close()
	type entry struct {
		term  string
		count uint64
	}
	var all []entry
	for n := 0; n < maxDictScan; n++ {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("index: complete: %w", err)
		}
		if e == nil {
			break
		}
		all = append(all, entry{e.Term, e.Count})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].count != all[j].count {
			return all[i].count > all[j].count
		}
		return all[i].term < all[j].term
	})
	out := make([]string, 0, maxCompletions)
	for _, e := range all[:min(maxCompletions, len(all))] {
		out = append(out, e.term)
	}
	return out, nil
}
