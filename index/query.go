package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/quotebot/quotebot/quotes"
)

// Bounds on what one query may cost. User text longer than MaxQueryLen is cut
// (at a word boundary); words past MaxQueryWords are ignored.
const (
	MaxQueryLen   = 300 // bytes of query text considered
	MaxQueryWords = 16  // distinct words considered
	MaxLimit      = 25  // matches one search returns
	MaxOffset     = 500 // deepest page a search reaches
)

// word is one distinct word of the user's query.
type word struct {
	exact string // lower case, as typed
	stem  string // English stem, as the text field indexes it
	fuzzy int    // edits allowed when matching exact; 0 if the word is known
	// near are the known words within fuzzy edits of an unknown word.
	near []knownTerm
	// alts are known words one swap of neighbouring letters away from an
	// unknown word ("vioce" → "voice"): a swap is two edits to bleve's
	// Levenshtein automaton, too loose to allow for every word.
	alts []knownTerm
	stop bool // a very common word: weak evidence on its own
	// stems and exacts are how many quotes hold stem in the text field and
	// exact in the exact field.
	stems, exacts uint64
}

// knownTerm is a term of the index (a spelling of a misspelt word, a word
// pair, a completion), how many quotes hold it, and, for a spelling, how
// many edits away from the typed word it is (0 for a swap).
type knownTerm struct {
	term  string
	count uint64
	edits int
}

// parsed is the user's text taken apart into words. Nothing in it is
// interpreted: `*`, `/re/`, `+`, `-` and `field:` are plain characters that
// the analyzers drop or keep as part of a word.
type parsed struct {
	words []word
	seq   []int // the query's words in typed order, as indexes into words
	// pairs are the text's pairs of neighbouring words that the index
	// holds as terms (see commonPairs), each with how many quotes hold it.
	pairs []knownTerm
	// commonAbove is how many quotes must hold a term for it to be common
	// (see common).
	commonAbove uint64
	// formsOnly leaves the exact-wording phrase out of the ranking, for
	// who-said, which judges the wording itself (see weigh): reading the
	// exact field's positions as well cost who-said a sixth of the index
	// pages it reads.
	formsOnly bool
}

// parse analyses text with the index's own analyzers and marks the words the
// index has never seen, so only those are matched with typos allowed.
func (ix *Index) parse(ctx context.Context, text string) (parsed, error) {
	text = clip(text, MaxQueryLen)
	var p parsed
	docs, err := ix.b.DocCount()
	if err != nil {
		return p, fmt.Errorf("index: count: %w", err)
	}
	p.commonAbove = max(minCommon, docs*commonPercent/100)
	exact := ix.analyze(analyzerExact, text)
	stems := ix.analyze(analyzerText, text)
	if len(exact) != len(stems) {
		// The analyzers share a tokenizer and neither drops tokens; this
		// cannot happen, but a silent misalignment would be worse than none.
		return p, fmt.Errorf("index: analyzers disagree on %q", text)
	}
	seen := make(map[string]int)
	for i := range exact {
		w := word{exact: string(exact[i].Term), stem: string(stems[i].Term)}
		if wi, ok := seen[w.stem]; ok {
			p.seq = append(p.seq, wi)
			continue
		}
		if len(p.words) == MaxQueryWords {
			break
		}
		seen[w.stem] = len(p.words)
		p.seq = append(p.seq, len(p.words))
		w.stop = stopWords[w.exact]
		p.words = append(p.words, w)
	}
	for i := range p.words {
		w := &p.words[i]
		if w.stems, err = ix.termCount(fieldText, w.stem); err != nil {
			return p, err
		}
		if w.exacts, err = ix.termCount(fieldExact, w.exact); err != nil {
			return p, err
		}
		n := utf8.RuneCountInString(w.exact)
		if n < 4 || w.stop || w.exacts > 0 {
			continue
		}
		w.fuzzy = 1
		if n >= 8 {
			w.fuzzy = 2
		}
		if w.near, err = ix.spellings(fieldExact, w.exact, w.fuzzy); err != nil {
			return p, err
		}
		r := []rune(w.exact)
		for j := 0; j+1 < len(r); j++ {
			if r[j] == r[j+1] {
				continue
			}
			r[j], r[j+1] = r[j+1], r[j]
			a := string(r)
			r[j], r[j+1] = r[j+1], r[j]
			n, err := ix.termCount(fieldExact, a)
			if err != nil {
				return p, err
			}
			if n > 0 {
				w.alts = append(w.alts, knownTerm{term: a, count: n})
			}
		}
	}
	seenPair := make(map[string]bool)
	for _, pair := range ix.commonPairs(text) {
		if seenPair[pair] || len(p.pairs) == maxPairs {
			continue
		}
		seenPair[pair] = true
		n, err := ix.termCount(fieldPairs, pair)
		if err != nil {
			return p, err
		}
		p.pairs = append(p.pairs, knownTerm{term: pair, count: n})
	}
	return p, nil
}

// analyze runs a named analyzer of the mapping over text.
func (ix *Index) analyze(name, text string) analysis.TokenStream {
	a := ix.b.Mapping().AnalyzerNamed(name)
	if a == nil {
		return nil
	}
	return a.Analyze([]byte(text))
}

// Terms held by more than commonPercent per cent of the quotes, and by more
// than minCommon, are common. In a scored clause a common term is only
// asked whether a quote holds it (see presenceQuery), and a phrase skips
// over it: a scored term query reads every one of its postings. The floor
// keeps small collections, where reading them all costs nothing, scored in
// full.
const (
	commonPercent = 2
	minCommon     = 5000
)

// common reports whether count quotes make a term common.
func (p parsed) common(count uint64) bool {
	return count > p.commonAbove
}

// termClause matches term in field, held by count quotes: a term query, or
// a presenceQuery when the term is common.
func (p parsed) termClause(field, term string, count uint64, boost float64) query.Query {
	if p.common(count) {
		return presenceQuery{field: field, term: term, boost: boost}
	}
	t := termQuery(field, term)
	t.SetBoost(boost)
	return t
}

// minContentWords is how many uncommon words a query needs before its
// common words are left out of its term clauses.
const minContentWords = 3

// textQuery scores a quote for a search or who-said: phrase matches first
// (exact wording above English word forms), then as many of the words as
// possible, each by its stem or, for a word the index does not know, by the
// nearest spellings.
func textQuery(p parsed) query.Query {
	words := wordClauses(p)
	if len(words) == 0 {
		return query.NewMatchNoneQuery()
	}
	return query.NewDisjunctionQuery(append([]query.Query{query.NewDisjunctionQuery(words)}, phraseClauses(p)...))
}

// rankQuery scores the quotes that a plan selects: as textQuery does, and by
// the text's word pairs. The pairs give back what a phrase's gaps leave out
// ("the union", "i estimate"), and BM25 over them favours the shorter of two
// quotes that hold them, which presence alone cannot. They only rank: as a
// clause of its own, "of the" would select half the collection.
func rankQuery(p parsed) query.Query {
	t := textQuery(p)
	d, ok := t.(*query.DisjunctionQuery)
	if pairs := pairClauses(p); ok && len(pairs) > 0 {
		d.AddQuery(query.NewDisjunctionQuery(pairs))
	}
	return t
}

// pairClauses match the text's pairs of neighbouring words that the index
// holds (see commonPairs). A pair no quote holds (one with a misspelt word)
// is left out, so that a typo does not empty a plan that needs them all.
func pairClauses(p parsed) []query.Query {
	var out []query.Query
	for _, pair := range p.pairs {
		if pair.count > 0 {
			out = append(out, p.termClause(fieldPairs, pair.term, pair.count, 1))
		}
	}
	return out
}

// planQuery matches the quotes that sel and every clause of within match,
// ranked by rank. The selection is one unscored conjunction, so that a
// speaker or a sample (within) narrows it as a bitmap operation before any
// quote is ranked: as clauses of their own they would be joined quote by
// quote, at a few microseconds each for tens of thousands of quotes.
func planQuery(sel, rank query.Query, within []query.Query) query.Query {
	must := unscored(query.NewConjunctionQuery(append([]query.Query{sel}, within...)))
	return query.NewBooleanQuery([]query.Query{must}, []query.Query{rank}, nil)
}

// broadAbove is how many quotes must hold even the rarest word of a query
// before it counts as broad: then the quotes holding every word are too many
// to rank quickly (tens of milliseconds at a million quotes), and those
// holding the words as typed, side by side, are tried first.
const broadAbove = 1000

// textPlans are the queries for p to try in turn until one matches, each
// limited to the quotes that every clause of within match: for a broad
// query, the plans that need the words as typed side by side (every pair of
// neighbouring words that the index holds; then all of those pairs but
// one); then the rest: every word, then any word. A one-word query needs
// only the last. A conjunction is driven by its rarest term, so at a
// million quotes every word costs a few thousand postings where any word
// costs hundreds of thousands.
func (ix *Index) textPlans(p parsed, within ...query.Query) (side, rest []query.Query) {
	words := wordClauses(p)
	switch len(words) {
	case 0:
		return nil, []query.Query{query.NewMatchNoneQuery()}
	case 1:
		return nil, []query.Query{planQuery(words[0], textQuery(p), within)}
	}
	rest = []query.Query{
		planQuery(query.NewConjunctionQuery(words), rankQuery(p), within),
		anyWordsQuery(p, within),
	}
	if _, _, n := rarest(p, nil, 0); n <= broadAbove {
		return nil, rest
	}
	pairs := pairClauses(p)
	if len(pairs) == 0 {
		return nil, rest
	}
	side = []query.Query{planQuery(query.NewConjunctionQuery(append(pairs, wordClauses(p)...)), rankQuery(p), within)}
	if len(pairs) > 1 {
		// A dropped word breaks the pair around it ("made for the of"):
		// at a million quotes, ranking every quote holding such words
		// took 50 ms where those holding all pairs but one are a few.
		butOne := make([]query.Query, 0, len(pairs))
		for i := range pairs {
			butOne = append(butOne, query.NewConjunctionQuery(slices.Concat(pairs[:i], pairs[i+1:])))
		}
		sel := append([]query.Query{query.NewDisjunctionQuery(butOne)}, wordClauses(p)...)
		side = append(side, planQuery(query.NewConjunctionQuery(sel), rankQuery(p), within))
	}
	return side, rest
}

// maxPairs bounds the word pairs one query asks for.
const maxPairs = MaxQueryWords

// commonPairs returns the pairs of neighbouring words of text (lower case,
// as the exact field has them) in which at least one word is a stop word:
// "of the", "the congress". They make a phrase of common words cheap to
// find, as a conjunction is driven by its rarest term and "the congress" is
// far rarer than "the". Pairs of two uncommon words are left out (the words
// alone are rare enough), which keeps the dictionary small.
func (ix *Index) commonPairs(text string) []string {
	toks := ix.analyze(analyzerExact, text)
	var out []string
	for i := 1; i < len(toks); i++ {
		a, b := string(toks[i-1].Term), string(toks[i].Term)
		if toks[i].Position != toks[i-1].Position+1 || !(stopWords[a] || stopWords[b]) {
			continue
		}
		out = append(out, a+" "+b)
	}
	return out
}

// anyWordsQuery is the last resort of textPlans: the quotes holding any
// uncommon word of the query (any word, when all are common), ranked as
// textQuery ranks them, except that stop words count only inside the
// phrases as soon as the query has one other word. A quote that shares
// only common words with the query is no match anyway, and selecting by
// them would rank most of the collection: at a million quotes, "government
// … do" read 300,000 quotes.
func anyWordsQuery(p parsed, within []query.Query) query.Query {
	content := p
	content.words = nil
	for _, w := range p.words {
		if !w.stop {
			content.words = append(content.words, w)
		}
	}
	rank := textQuery(p)
	if len(content.words) > 0 && len(content.words) < len(p.words) {
		rank = query.NewDisjunctionQuery(append([]query.Query{query.NewDisjunctionQuery(wordClauses(content))}, phraseClauses(p)...))
	} else {
		content.words = p.words
	}
	var sel []query.Query
	for _, w := range content.words {
		if !p.common(w.holders()) {
			sel = append(sel, p.wordClause(w))
		}
	}
	if len(sel) == 0 {
		sel = wordClauses(content)
	}
	return planQuery(query.NewDisjunctionQuery(sel), rank, within)
}

// wordClauses are the query's word matches (see wordClause). Each call
// builds new clauses.
func wordClauses(p parsed) []query.Query {
	// Common words match half the collection each: as terms they cost much
	// and say little beside three or more rarer words, so then they count
	// only inside the phrase queries. A fragment made mostly of them ("you
	// have to go there") needs them as terms too.
	content := 0
	for _, w := range p.words {
		if !w.stop {
			content++
		}
	}
	var words []query.Query
	for _, w := range p.words {
		if w.stop && content >= minContentWords {
			continue
		}
		words = append(words, p.wordClause(w))
	}
	return words
}

// wordClause matches w by its stem or, for a word the index does not know,
// by its known spellings.
func (p parsed) wordClause(w word) query.Query {
	q := p.termClause(fieldText, w.stem, w.stems, 1)
	if w.fuzzy == 0 {
		return q
	}
	// As bleve's fuzzy query scores its expansions, a spelling n edits
	// away counts 1/(n+1); but each is a term of its own, so a common one
	// ("even" for "elven") is not read in full.
	alts := []query.Query{q}
	if len(w.near) > 0 {
		near := make([]query.Query, 0, len(w.near))
		for _, a := range w.near {
			near = append(near, p.termClause(fieldExact, a.term, a.count, 0.8/float64(a.edits+1)))
		}
		alts = append(alts, query.NewDisjunctionQuery(near))
	}
	for _, a := range w.alts {
		alts = append(alts, p.termClause(fieldExact, a.term, a.count, 0.8))
	}
	return query.NewDisjunctionQuery(alts)
}

// holders is how many quotes hold w in a form its clause matches (for a
// misspelt word, the sum over its spellings: at most that many).
func (w word) holders() uint64 {
	n := w.stems
	for _, a := range append(slices.Clip(w.near), w.alts...) {
		n += a.count
	}
	return n
}

// phraseClauses match the query's words as typed, side by side, exact
// wording counting twice English word forms; none for a one-word query.
// A common word, or one the index does not know, is a gap in the phrase
// (any word matches there): a phrase query reads every posting of its terms
// with their positions, and the rarer words in their places are nearly all
// the evidence a phrase gives (BM25 gives the common ones little weight).
func phraseClauses(p parsed) []query.Query {
	if len(p.words) < 2 {
		return nil
	}
	exact := make([]string, len(p.seq))
	stems := make([]string, len(p.seq))
	for i, wi := range p.seq {
		w := p.words[wi]
		if w.exacts > 0 && !p.common(w.exacts) {
			exact[i] = w.exact
		}
		if w.stems > 0 && !p.common(w.stems) {
			stems[i] = w.stem
		}
	}
	if p.formsOnly {
		return gappedPhrase(fieldText, stems, 1)
	}
	return append(gappedPhrase(fieldExact, exact, 2), gappedPhrase(fieldText, stems, 1)...)
}

// gappedPhrase matches terms in field at their positions, "" matching any
// word; none when fewer than two terms are left, as one term alone is no
// phrase (and is scored as a word already).
func gappedPhrase(field string, terms []string, boost float64) []query.Query {
	first, last, n := -1, -1, 0
	for i, t := range terms {
		if t == "" {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
		n++
	}
	if n < 2 {
		return nil
	}
	terms = terms[first : last+1]
	q := query.NewPhraseQuery(terms, field)
	q.SetBoost(boost)
	return []query.Query{q}
}

// clip cuts s to at most n bytes, at a word boundary when there is one, and
// never inside a UTF-8 sequence.
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexAny(s[:cut], " \t\n"); sp > n/2 {
		cut = sp
	}
	return s[:cut]
}

// matchInfo is what a hit's text shares with the query.
type matchInfo struct {
	spans    []quotes.Span
	coverage float64 // weighted share of the query's words found, in [0,1]
	align    float64 // how verbatim the text holds the query, in [0,1]; see align
	// phrase is the text's words that hold the query in order (align's
	// chain), for a who-said answer's highlights: the phrase remembered,
	// not every other word of the quote that the phrase also has.
	phrase []quotes.Span
}

// inspect finds the query's words in text, for highlights and for judging
// how well a quote matches. Stop words count a fifth of other words.
func (ix *Index) inspect(p parsed, text string) matchInfo {
	var mi matchInfo
	if len(p.words) == 0 {
		return mi
	}
	exact := ix.analyze(analyzerExact, text)
	stems := ix.analyze(analyzerText, text)
	if len(exact) != len(stems) {
		return mi
	}
	byStem := make(map[string]int, len(p.words))
	for i, w := range p.words {
		byStem[w.stem] = i
	}
	found := make([]bool, len(p.words))
	hit := make([]int, len(exact)) // word index+1, or 0
	for i := range exact {
		if wi, ok := byStem[string(stems[i].Term)]; ok {
			hit[i] = wi + 1
			continue
		}
		for wi, w := range p.words {
			if w.fuzzy > 0 && (withinEdits(w.exact, string(exact[i].Term), w.fuzzy) || slices.ContainsFunc(w.alts, func(a knownTerm) bool { return a.term == string(exact[i].Term) })) {
				hit[i] = wi + 1
				break
			}
		}
	}
	for i, h := range hit {
		if h == 0 {
			continue
		}
		w := p.words[h-1]
		found[h-1] = true
		// A stop word is highlighted only beside another matched word, so
		// "ready **to do everything**" but not every "the" in the quote.
		if w.stop && !(i > 0 && hit[i-1] != 0) && !(i+1 < len(hit) && hit[i+1] != 0) {
			continue
		}
		mi.spans = append(mi.spans, quotes.Span{Start: exact[i].Start, End: exact[i].End})
	}
	var got, all float64
	for i, w := range p.words {
		all += w.weight()
		if found[i] {
			got += w.weight()
		}
	}
	mi.coverage = got / all
	var chain []int
	mi.align, chain = align(hit, p)
	for _, i := range chain {
		mi.phrase = append(mi.phrase, quotes.Span{Start: exact[i].Start, End: exact[i].End})
	}
	return mi
}

// weight is how much a word counts as evidence: a common word a fifth.
func (w word) weight() float64 {
	if w.stop {
		return 0.2
	}
	return 1
}

// align measures how closely a text holds the query as a remembered
// fragment: the weight of the longest chain of text tokens that match the
// query's words in typed order, where each step may skip one word of the
// text, of the query, or of both (an added, a dropped or a changed word:
// "imagination matters more than" for "imagination is more important
// than"), as a share of the query's weight. It is 1 when the text holds the
// query verbatim. It also returns the chain's tokens, in text order.
func align(hit []int, p parsed) (float64, []int) {
	var total float64
	for _, wi := range p.seq {
		total += p.words[wi].weight()
	}
	if total == 0 {
		return 0, nil
	}
	type cell struct{ i, j int }
	best := make(map[cell]float64)
	from := make(map[cell]cell) // each cell's predecessor in its best chain
	var top float64
	var end cell
	for i, h := range hit {
		if h == 0 {
			continue
		}
		for j, wi := range p.seq {
			if wi != h-1 {
				continue
			}
			var prev float64
			var pc cell
			linked := false
			for _, di := range []int{1, 2} {
				for _, dj := range []int{1, 2} {
					c := cell{i - di, j - dj}
					if v, ok := best[c]; ok && v > prev {
						prev, pc, linked = v, c, true
					}
				}
			}
			c := cell{i, j}
			v := prev + p.words[wi].weight()
			best[c] = v
			if linked {
				from[c] = pc
			}
			if v > top {
				top, end = v, c
			}
		}
	}
	if top == 0 {
		return 0, nil
	}
	var chain []int
	for c, ok := end, true; ok; c, ok = from[c] {
		chain = append(chain, c.i)
	}
	slices.Reverse(chain)
	return min(top/total, 1), chain
}

// withinEdits reports whether a and b are at most k edits apart
// (insertions, deletions, substitutions), in O(len·k) time.
func withinEdits(a, b string, k int) bool {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > k || -d > k {
		return false
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > k {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= k
}

// stopWords are English words too common to count as evidence on their own.
var stopWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`a an and are as at be but by for from had has have he her his i if in into is it
its me my no not of on or our she so than that the their them then there these they this to was we were what when
which who will with would you your`) {
		m[w] = true
	}
	return m
}()
