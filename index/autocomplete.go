package index

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
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
	headP := p
	var plans []query.Query
	var completed []string // the completions' words
	var postings uint64    // … and how many postings they have in all
	if len(completions) > 0 {
		alts := make([]query.Query, 0, len(completions))
		for _, c := range completions {
			alts = append(alts, p.termClause(fieldExact, c.term, c.count, 1))
			completed = append(completed, c.term)
			postings += c.count
			stems := ix.analyze(analyzerText, c.term)
			if len(stems) == 1 {
				p.words = append(p.words, word{exact: c.term, stem: string(stems[0].Term), stop: stopWords[c.term]})
			}
		}
		done := query.NewDisjunctionQuery(alts)
		if len(headP.words) == 0 {
			plans = append(plans, done)
		} else {
			// Every word typed so far, then (when none holds them all)
			// any of them, as Search does; the completed word must match.
			all := unscored(query.NewConjunctionQuery(wordClauses(headP)))
			plans = append(plans,
				query.NewBooleanQuery([]query.Query{all, done}, []query.Query{textQuery(headP)}, nil),
				query.NewBooleanQuery([]query.Query{done}, []query.Query{textQuery(headP)}, nil))
		}
	} else if lastTok != "" {
		return []quotes.Match{}, nil // nothing known starts that way
	} else if len(p.words) > 0 {
		side, rest := ix.textPlans(p)
		plans = append(side, rest...)
	} else {
		return []quotes.Match{}, nil
	}
	// Words typed so far that most quotes hold ("it is a", or one
	// unfinished word of a few letters) match so many quotes that ranking
	// them all costs tens of milliseconds at a million quotes, and says
	// little. Then a sample is ranked first: the first quotes, in index
	// order, that hold the query's rarest word.
	field, lead, count := rarest(headP, completed, postings)
	if count > sampleAbove {
		ids, err := ix.sample(ctx, field, lead, sampleSize)
		if err != nil {
			return nil, err
		}
		sampled := query.NewConjunctionQuery([]query.Query{query.NewDocIDQuery(ids), plans[0]})
		plans = append([]query.Query{sampled}, plans...)
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

// completionCache keeps the completions of short prefixes, which read
// thousands of dictionary entries (each with its postings, for the count):
// about 10 ms for one letter at 100k quotes. Any write empties it.
type completionCache struct {
	mu     sync.Mutex
	writes uint64 // Index.writes when the entries were read
	m      map[string][]knownTerm
}

// maxCachedPrefix is the longest prefix, in bytes, whose completions are
// cached: longer ones read few dictionary entries.
const maxCachedPrefix = 3

// complete returns the most frequent known words that start with prefix,
// each with how many quotes hold it.
func (ix *Index) complete(prefix string) ([]knownTerm, error) {
	if prefix == "" {
		return nil, nil
	}
	if len(prefix) > maxCachedPrefix {
		return ix.readCompletions(prefix)
	}
	c := &ix.comp
	writes := ix.writes.Load()
	c.mu.Lock()
	if c.writes != writes || c.m == nil {
		c.writes, c.m = writes, make(map[string][]knownTerm)
	}
	e, ok := c.m[prefix]
	c.mu.Unlock()
	if ok {
		return e, nil
	}
	e, err := ix.readCompletions(prefix)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.writes == writes {
		c.m[prefix] = e
	}
	c.mu.Unlock()
	return e, nil
}

// readCompletions reads complete's answer from the dictionary.
func (ix *Index) readCompletions(prefix string) ([]knownTerm, error) {
	d, err := ix.b.FieldDictPrefix(fieldExact, []byte(prefix))
	if err != nil {
		return nil, fmt.Errorf("index: complete: %w", err)
	}
	defer d.Close()
	var all []knownTerm
	for n := 0; n < maxDictScan; n++ {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("index: complete: %w", err)
		}
		if e == nil {
			break
		}
		all = append(all, knownTerm{term: e.Term, count: e.Count})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].count != all[j].count {
			return all[i].count > all[j].count
		}
		return all[i].term < all[j].term
	})
	return slices.Clone(all[:min(maxCompletions, len(all))]), nil
}

// Sampling bounds the cost of a search as you type whose words are all
// common: above sampleAbove postings for its rarest word, Suggest ranks
// sampleSize quotes holding that word before (if none is visible to the
// guild) ranking them all.
const (
	sampleAbove = 2000
	sampleSize  = 256
)

// rarest returns the word of p, or the completions of the unfinished word,
// that the fewest quotes hold, and how many do. A misspelt word counts the
// quotes holding any of its known spellings.
func rarest(p parsed, completions []string, postings uint64) (field string, terms []string, count uint64) {
	field, terms, count = fieldExact, completions, postings
	if len(completions) == 0 {
		count = ^uint64(0)
	}
	content := 0
	for _, w := range p.words {
		if !w.stop {
			content++
		}
	}
	for _, w := range p.words {
		if w.stop && content >= minContentWords {
			continue // not a clause of the query (see wordClauses)
		}
		if w.fuzzy > 0 {
			// Every known spelling of a misspelt word matches: the
			// exact field's terms are what a sample is drawn from.
			if n := w.holders(); n < count {
				field, terms, count = fieldExact, nil, n
				for _, a := range append(slices.Clip(w.near), w.alts...) {
					terms = append(terms, a.term)
				}
			}
			continue
		}
		if w.stems < count {
			field, terms, count = fieldText, []string{w.stem}, w.stems
		}
	}
	return field, terms, count
}

// sample returns the IDs of the first n quotes (in index order) holding
// any of terms in field, read straight from the postings.
func (ix *Index) sample(ctx context.Context, field string, terms []string, n int) ([]string, error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, fmt.Errorf("index: sample: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("index: sample: %w", err)
	}
	defer r.Close()
	var ids []string
	per := max(1, n/max(1, len(terms)))
	for _, t := range terms {
		tfr, err := r.TermFieldReader(ctx, []byte(t), field, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("index: sample: %w", err)
		}
		for range per {
			d, err := tfr.Next(nil)
			if err != nil {
				tfr.Close()
				return nil, fmt.Errorf("index: sample: %w", err)
			}
			if d == nil {
				break
			}
			id, err := r.ExternalID(d.ID)
			if err != nil {
				tfr.Close()
				return nil, fmt.Errorf("index: sample: %w", err)
			}
			ids = append(ids, id)
		}
		tfr.Close()
	}
	return ids, nil
}
