package index

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/quotebot/quotebot/quotes"
)

// Search finds the quotes guild can see that best match q.Text, optionally
// by a speaker whose name matches q.Speaker. Any word form matches ("believe"
// finds "believes"); exact phrases rank first; a word the index does not know
// is matched with up to one typo (two edits for words of eight letters or
// more). The matches are the quotes that hold every word of q.Text (common
// words aside when there are three others); only when there are none, the
// quotes that hold some of them. When even the rarest word is common (over
// a thousand quotes hold it), the quotes that hold the words side by side, as
// typed, come first: if there are any, they are the matches. When it is
// very common (over 20,000), the matches are those of a fixed sample of the
// quotes (1 in 32 or 1 in 1,024), and Total counts those. Matches carry highlight spans. When nothing matches, Results has a
// Suggestion built from known words and speakers.
//
// An empty q.Text lists the speaker's quotes (or all quotes) in index order.
//
// Without q.Speaker, words that open or end q.Text and read as a speaker's
// name are taken as one (see namedSpeaker): "einstein imagination" finds
// Albert Einstein's quotes that hold "imagination", "oscar wilde" lists
// Wilde's. Only when that finds nothing is the whole text searched.
func (ix *Index) Search(ctx context.Context, q quotes.Query) (quotes.Results, error) {
	if strings.TrimSpace(q.Speaker) == "" {
		name, rest, err := ix.namedSpeaker(q.Text)
		if err != nil {
			return quotes.Results{}, err
		}
		if name != "" {
			byName := q
			byName.Speaker, byName.Text = name, rest
			res, err := ix.search(ctx, byName)
			if err != nil || res.Total > 0 {
				return res, err
			}
		}
	}
	return ix.search(ctx, q)
}

// namedSpeaker splits text into a speaker's name and the rest when up to
// three of its words, at its start or at its end, read as a name: each is a
// word of some speaker's name that more quotes are by than hold it in their
// text ("einstein", "wilde"; not "love", which more quotes hold than are by
// anyone named Love, nor "the"). The longest such run wins, the start before the end. It
// returns "" when none does. The counts are the whole index's; the search
// that follows sees only the guild's quotes.
func (ix *Index) namedSpeaker(text string) (name, rest string, err error) {
	var words []string
	for _, t := range ix.analyze(analyzerExact, clip(text, MaxQueryLen)) {
		words = append(words, string(t.Term))
	}
	known := make(map[string]bool, len(words))
	isName := func(w string) (bool, error) {
		if ok, seen := known[w]; seen {
			return ok, nil
		}
		ok := false
		if !stopWords[w] {
			by, err := ix.termCount(fieldSpeaker, w)
			if err != nil {
				return false, err
			}
			if by > 0 {
				in, err := ix.termCount(fieldExact, w)
				if err != nil {
					return false, err
				}
				ok = by >= in
			}
		}
		known[w] = ok
		return ok, nil
	}
	run := func(ws []string) (bool, error) {
		for _, w := range ws {
			if ok, err := isName(w); !ok || err != nil {
				return false, err
			}
		}
		return true, nil
	}
	for n := min(3, len(words)); n > 0; n-- {
		if ok, err := run(words[:n]); err != nil || ok {
			return strings.Join(words[:n], " "), strings.Join(words[n:], " "), err
		}
		if ok, err := run(words[len(words)-n:]); err != nil || ok {
			return strings.Join(words[len(words)-n:], " "), strings.Join(words[:len(words)-n], " "), err
		}
	}
	return "", "", nil
}

// search is Search without reading a speaker's name out of q.Text.
func (ix *Index) search(ctx context.Context, q quotes.Query) (quotes.Results, error) {
	limit := clampInt(q.Limit, 1, MaxLimit, 5)
	offset := clampInt(q.Offset, 0, MaxOffset, 0)
	p, err := ix.parse(ctx, q.Text)
	if err != nil {
		return quotes.Results{}, err
	}
	plans := []query.Query{query.NewMatchAllQuery()}
	speaker := q.Speaker // what filtered still has to apply
	if strings.TrimSpace(q.Text) != "" {
		var within []query.Query
		if sc := speakerClause(q.Speaker); sc != nil {
			within, speaker = append(within, sc), ""
		}
		side, rest := ix.textPlans(p, within...)
		plans = append(side, rest...)
		if _, _, n := rarest(p, nil, 0); n > searchSampleAbove && n != math.MaxUint64 {
			// Ranking every match of such common words costs tens of
			// milliseconds at a million quotes: a sample of them is
			// searched first, the same one for the same words, so that
			// its pages stay put. Only an empty sample searches all.
			// The quotes holding the words side by side are the best
			// matches, and seldom many: each side plan's sample, then
			// all its matches, come before a sample of the rest.
			sSide, sRest := ix.textPlans(p, slices.Concat(within, []query.Query{sampleBucket(q.Text, n)})...)
			plans = nil
			for i := range side {
				plans = append(plans, sSide[i], side[i])
			}
			plans = slices.Concat(plans, sRest, rest)
		}
	}
	var res *bleve.SearchResult
	for _, bq := range plans {
		req := bleve.NewSearchRequestOptions(ix.filtered(q.Guild, speaker, bq), limit, offset, false)
		req.Fields = []string{fieldStored}
		res, err = ix.b.SearchInContext(ctx, req)
		if err != nil {
			return quotes.Results{}, fmt.Errorf("index: search: %w", err)
		}
		if res.Total > 0 {
			break
		}
	}
	out := quotes.Results{Total: int(res.Total), Matches: make([]quotes.Match, 0, len(res.Hits))}
	for _, h := range res.Hits {
		qt, err := decodeHit(h)
		if err != nil {
			return quotes.Results{}, err
		}
		out.Matches = append(out.Matches, quotes.Match{Quote: qt, Score: h.Score, Highlights: ix.inspect(p, qt.Text).spans})
	}
	if out.Total == 0 {
		out.Suggestion, err = ix.suggestion(ctx, q, p)
		if err != nil {
			return quotes.Results{}, err
		}
	}
	return out, nil
}

// searchSampleAbove is how many quotes must hold the rarest word of a search
// before Search ranks a sample of the matches: one of Random's 32 buckets,
// or one of its 1,024 when the words are commoner still.
const searchSampleAbove = 20000

// sampleBucket picks the bucket of Random (see randBuckets) that a search
// for text ranks: the same for the same text, and small enough that about
// a few thousand of the rarest word's count quotes are in it. It is a clause
// for textPlans' within, which selects without scoring.
func sampleBucket(text string, count uint64) query.Query {
	h := fnv.New32a()
	h.Write([]byte(strings.ToLower(strings.Join(strings.Fields(text), " "))))
	sum := h.Sum32()
	b := []byte{idAlphabet[sum%32], idAlphabet[(sum/32)%32]}
	if count/32 <= 4000 {
		b = b[:1]
	}
	return termQuery(fieldRand, string(b))
}

// filtered scopes bq to guild and, when speaker is set, to quotes whose
// speaker's name contains every word of it. Neither filter changes scores.
//
// The speaker's words join bq's conjunction, unscored, rather than filter its
// matches: one speaker's quotes are few, and a conjunction is driven by its
// rarest clause, where a filter is asked about every match of bq ("people"
// by Lincoln would read every quote holding "people").
func (ix *Index) filtered(guild, speaker string, bq query.Query) query.Query {
	must := []query.Query{bq}
	if sc := speakerClause(speaker); sc != nil {
		must = append(must, unscored(sc))
	}
	b := query.NewBooleanQuery(must, nil, nil)
	b.AddFilter(guildFilter(guild))
	return b
}

// speakerClause matches the quotes whose speaker's name contains every word
// of speaker; nil when speaker is blank.
func speakerClause(speaker string) query.Query {
	if speaker = strings.TrimSpace(clip(speaker, quotes.MaxSpeakerLen)); speaker == "" {
		return nil
	}
	m := query.NewMatchQuery(speaker)
	m.SetField(fieldSpeaker)
	m.SetOperator(query.MatchQueryOperatorAnd)
	return m
}

func guildFilter(guild string) query.Query {
	terms := []query.Query{termQuery(fieldGuild, sharedGuild)}
	if guild != "" {
		terms = append(terms, termQuery(fieldGuild, guild))
	}
	return query.NewDisjunctionQuery(terms)
}

// suggestion proposes, for a search that found nothing, the query with each
// unknown word replaced by the nearest known one, or the nearest speaker.
//
// The speaker is suggested only when the filter matches no quote guild can
// see: speaker:wilde with a query that matches nothing has the wrong words,
// not the wrong speaker, and offering "Oscar Wilde" would say otherwise.
func (ix *Index) suggestion(ctx context.Context, q quotes.Query, p parsed) (string, error) {
	if q.Speaker != "" {
		req := bleve.NewSearchRequestOptions(ix.filtered(q.Guild, q.Speaker, query.NewMatchAllQuery()), 0, 0, false)
		req.Score = "none"
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return "", fmt.Errorf("index: suggestion: %w", err)
		}
		if res.Total == 0 {
			return ix.SpeakerLike(ctx, q.Guild, q.Speaker)
		}
	}
	changed := false
	out := make([]string, 0, len(p.words))
	for _, w := range p.words {
		if w.fuzzy == 0 {
			out = append(out, w.exact)
			continue
		}
		near, err := ix.nearestTerm(fieldExact, w.exact, w.fuzzy)
		if err != nil {
			return "", err
		}
		if near != "" {
			// The term dictionary is every guild's: a word only another
			// guild's quotes hold must not be suggested, or it leaks.
			if ok, err := ix.visibleTerm(ctx, q.Guild, fieldExact, near); err != nil {
				return "", err
			} else if !ok {
				near = ""
			}
		}
		if near == "" {
			near = w.exact
		} else {
			changed = true
		}
		out = append(out, near)
	}
	if !changed {
		return "", nil
	}
	return strings.Join(out, " "), nil
}

// visibleTerm reports whether some quote guild can see holds term in field.
func (ix *Index) visibleTerm(ctx context.Context, guild, field, term string) (bool, error) {
	req := bleve.NewSearchRequestOptions(ix.filtered(guild, "", termQuery(field, term)), 0, 0, false)
	req.Score = "none"
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return false, fmt.Errorf("index: suggestion: %w", err)
	}
	return res.Total > 0, nil
}

// nearestTerm returns the known term of field closest to term (fewest edits,
// then most documents), or "".
func (ix *Index) nearestTerm(field, term string, fuzziness int) (string, error) {
	near, err := ix.spellings(field, term, fuzziness)
	if err != nil {
		return "", err
	}
	best := knownTerm{edits: fuzziness + 1}
	for _, a := range near {
		if a.edits < best.edits || (a.edits == best.edits && a.count > best.count) {
			best = a
		}
	}
	return best.term, nil
}

// maxSpellings bounds how many known spellings of one unknown word are read.
const maxSpellings = 64

// spellings returns the known terms of field within fuzziness edits of term
// (up to maxSpellings of them), each with its edits and how many documents
// hold it. bleve's fuzzy dictionary reports no counts (v2.6.3), so each is
// read from the dictionary itself.
func (ix *Index) spellings(field, term string, fuzziness int) ([]knownTerm, error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, fmt.Errorf("index: dictionary: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("index: dictionary: %w", err)
	}
	defer r.Close()
	fr, ok := r.(bindex.IndexReaderFuzzy)
	if !ok {
		return nil, nil
	}
	d, err := fr.FieldDictFuzzy(field, term, fuzziness, "")
	if err != nil {
		return nil, fmt.Errorf("index: dictionary: %w", err)
	}
	defer d.Close()
	var out []knownTerm
	for len(out) < maxSpellings {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("index: dictionary: %w", err)
		}
		if e == nil {
			break
		}
		a := knownTerm{term: e.Term, edits: 1}
		if !withinEdits(term, e.Term, 1) {
			a.edits = 2
		}
		if a.count, err = ix.termCount(field, e.Term); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// termCount is the number of documents that hold term in field.
func (ix *Index) termCount(field, term string) (uint64, error) {
	d, err := ix.b.FieldDictRange(field, []byte(term), []byte(term))
	if err != nil {
		return 0, fmt.Errorf("index: dictionary: %w", err)
	}
	defer d.Close()
	e, err := d.Next()
	if err != nil {
		return 0, fmt.Errorf("index: dictionary: %w", err)
	}
	// The range can yield a longer term ("wichita" for "wich").
	if e == nil || e.Term != term {
		return 0, nil
	}
	return e.Count, nil
}

func clampInt(v, lo, hi, def int) int {
	switch {
	case v == 0 && def != 0:
		return def
	case v < lo:
		return lo
	case v > hi:
		return hi
	}
	return v
}
