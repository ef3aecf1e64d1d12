package quotes

import (
	"regexp"
	"sort"
	"strings"
)

// Query asks for quotes. The index, the bot and the command line all speak it.
type Query struct {
	// Guild scopes the search: the shared corpus plus this guild's own quotes.
	// The empty guild sees the shared corpus only.
	Guild string
	// Text is what the user typed, taken as plain words: no operator or field
	// syntax is interpreted.
	Text string
	// Speaker, when set, keeps only quotes by a speaker whose name matches.
	Speaker string
	// Limit caps the matches returned (the index clamps it to its own maximum);
	// Offset skips that many of the best matches, for paging.
	Limit, Offset int
}

// Match is one quote found by a search, with its relevance and the byte
// ranges of Quote.Text that matched the query.
type Match struct {
	Quote      Quote   `json:"quote"`
	Score      float64 `json:"score"`
	Highlights []Span  `json:"highlights,omitempty"`
}

// Span is a half-open byte range [Start, End) of a string.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Results is the answer to a Query.
type Results struct {
	// Total counts every matching quote, not only those returned.
	Total   int     `json:"total"`
	Matches []Match `json:"matches"`
	// Suggestion, set only when nothing matched, is a nearby spelling of the
	// query built from words and speakers the collection knows ("" if none).
	Suggestion string `json:"suggestion,omitempty"`
}

// Attribution is one candidate answer to "who said this?": a speaker, the
// quote of theirs that best matches, and how sure the index is.
type Attribution struct {
	Speaker string  `json:"speaker"`
	Score   float64 `json:"score"`
	// Confidence is in [0, 1]: the share of the evidence that points at this
	// speaker, discounted when even the best quote matches the phrase weakly.
	Confidence float64 `json:"confidence"`
	Quote      Match   `json:"quote"`
}

// Standalone returns a quote's text as it reads quoted on its own: a comma
// that ends it, left where the writer's attribution followed ("…through
// negotiations," he said), becomes a full stop. The text keeps its length,
// so highlight spans still fit it; the quote itself is stored as written.
func Standalone(text string) string {
	if t, ok := strings.CutSuffix(text, ","); ok {
		return t + "."
	}
	return text
}

// Mark returns text with every span wrapped in open and close, as in
// Mark(t, spans, "**", "**") for Markdown bold. Spans are sorted and merged
// first, with those only spaces apart: "**ready to do**", not "**ready**
// **to** **do**". Spans outside text are ignored, so a stale highlight
// never panics.
func Mark(text string, spans []Span, open, close string) string {
	if len(spans) == 0 {
		return text
	}
	s := append([]Span(nil), spans...)
	sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	// spaced reports whether only spaces and tabs lie from a to b.
	spaced := func(a, b int) bool {
		return 0 <= a && a <= b && b <= len(text) && strings.Trim(text[a:b], " \t") == ""
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		sp := s[i]
		for i+1 < len(s) && (s[i+1].Start <= sp.End || spaced(sp.End, s[i+1].Start)) {
			if s[i+1].End > sp.End {
				sp.End = s[i+1].End
			}
			i++
		}
		if sp.Start < last || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		b.WriteString(text[last:sp.Start])
		b.WriteString(open)
		b.WriteString(text[sp.Start:sp.End])
		b.WriteString(close)
		last = sp.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// questionRE matches the question a member may type around a phrase:
// "who said", "who wrote", "who once said" and the like, then a colon or
// a comma.
var questionRE = regexp.MustCompile(`(?i)^who\s+(?:(?:first|once|really|actually)\s+)?(?:said|says|say|wrote|writes|sang|sings|tweeted|coined)\b\s*[:,]?\s*`)

// RememberedPhrase is the phrase a member asks who-said about, without
// the question they may have typed around it: "who said “to be or not to
// be”?" asks about "to be or not to be". The words of the question would
// otherwise count as words of the phrase. A phrase that is nothing but the
// question ("who said") is kept as it is.
func RememberedPhrase(s string) string {
	s = strings.TrimSpace(s)
	rest := questionRE.ReplaceAllString(s, "")
	asked := rest != s
	if asked {
		rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "?"))
	}
	// Marks around the whole phrase, and a question mark after them.
	for _, m := range [][2]string{{`"`, `"`}, {"“", "”"}, {"'", "'"}, {"‘", "’"}, {"«", "»"}} {
		inner, ok := strings.CutPrefix(rest, m[0])
		if !ok {
			continue
		}
		inner = strings.TrimSuffix(inner, "?")
		if inner, ok = strings.CutSuffix(inner, m[1]); ok && !strings.Contains(inner, m[1]) {
			rest = strings.TrimSpace(inner)
		}
		break
	}
	if strings.Trim(rest, " ?!.,;:\"'“”‘’«»") == "" {
		return s
	}
	return rest
}
