package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// A field that holds a list of terms (a quote's word pairs, its speaker keys,
// its Random buckets) is indexed as one string, the terms one per line, and
// split by linesTokenizer. Given a []string, bleve makes a field of each
// element, and each field costs its own analysis, token map and array
// positions: as arrays, the word pairs alone (about 18 a quote) took a fifth
// of bulk import time. The terms, their frequencies and field lengths are the
// same either way, so searches and scores are too.
//
// No term holds a line break: word pairs are tokens of the exact analyzer,
// and speakers, guilds and IDs are single-line (quotes.Validate).
const (
	tokenizerLines = "quotebot_lines"
	analyzerLines  = "quotebot_lines"
)

func init() {
	registry.RegisterTokenizer(tokenizerLines, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return linesTokenizer{}, nil
	})
}

// linesTokenizer makes each non-empty line of its input a token.
type linesTokenizer struct{}

func (linesTokenizer) Tokenize(input []byte) analysis.TokenStream {
	var out analysis.TokenStream
	for start := 0; start < len(input); {
		end := start
		for end < len(input) && input[end] != '\n' {
			end++
		}
		if end > start {
			out = append(out, &analysis.Token{
				Term:     input[start:end],
				Start:    start,
				End:      end,
				Position: len(out) + 1,
				Type:     analysis.AlphaNumeric,
			})
		}
		start = end + 1
	}
	return out
}

// lines joins terms for a field analysed by linesTokenizer.
func lines(terms []string) string { return strings.Join(terms, "\n") }
