package main

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"

	"github.com/quotebot/quotebot/quotes"
)

// Query kinds, in report order.
const (
	kindWhoSaid   = "who-said"         // a remembered fragment: who said it?
	kindWords     = "search 2-3 words" // a few words of a quote, not adjacent
	kindPhrase    = "exact phrase"     // 3-6 consecutive words, in quotation marks
	kindTypo      = "phrase, typo"     // the same with one typing mistake
	kindSpeaker   = "speaker filter"   // 1-2 words and the speaker's last name
	kindSuggest   = "autocomplete"     // 1..12 characters typed of a fragment
	perKindQuotes = 400                // source quotes drawn per kind
)

var kinds = []string{kindWhoSaid, kindWords, kindPhrase, kindTypo, kindSpeaker, kindSuggest}

// benchQuery is one query of the set, the same for both engines.
type benchQuery struct {
	Kind    string `json:"kind"`
	Text    string `json:"text"`
	Speaker string `json:"speaker,omitempty"` // the filter, for kindSpeaker
	Want    string `json:"want,omitempty"`    // who said it, for kindWhoSaid
}

// buildQueries draws the query set from the corpus with a fixed seed. Each
// query comes from one quote of the corpus, so every query has an answer.
func buildQueries(qs []quotes.Quote) []benchQuery {
	rng := rand.New(rand.NewPCG(corpusSeed, 2))
	var out []benchQuery
	pick := func() (quotes.Quote, []string) {
		for {
			q := qs[rng.IntN(len(qs))]
			w := plainWords(q.Text)
			if len(w) >= 6 {
				return q, w
			}
		}
	}
	for _, kind := range kinds {
		n := perKindQuotes
		if kind == kindSuggest {
			n = perKindQuotes / 12 // each gives 12 prefixes
		}
		for got := 0; got < n; {
			q, words := pick()
			switch kind {
			case kindWhoSaid:
				size := min(len(words), 5+rng.IntN(5))
				start := rng.IntN(len(words) - size + 1)
				frag := append([]string(nil), words[start:start+size]...)
				switch rng.IntN(4) {
				case 1: // a dropped word
					i := 1 + rng.IntN(size-2)
					frag = append(frag[:i], frag[i+1:]...)
				case 2: // a typo
					if i, ok := contentWord(rng, frag); ok {
						frag[i] = typo(rng, frag[i])
					}
				}
				out = append(out, benchQuery{Kind: kind, Text: strings.Join(frag, " "), Want: q.Speaker})
			case kindWords:
				picked, ok := someWords(rng, words, 2+rng.IntN(2))
				if !ok {
					continue
				}
				out = append(out, benchQuery{Kind: kind, Text: picked})
			case kindPhrase, kindTypo:
				size := 3 + rng.IntN(4)
				if len(words) < size {
					continue
				}
				start := rng.IntN(len(words) - size + 1)
				frag := append([]string(nil), words[start:start+size]...)
				if kind == kindTypo {
					i, ok := contentWord(rng, frag)
					if !ok {
						continue
					}
					frag[i] = typo(rng, frag[i])
				}
				out = append(out, benchQuery{Kind: kind, Text: `"` + strings.Join(frag, " ") + `"`})
			case kindSpeaker:
				names := strings.Fields(q.Speaker)
				if len(names) == 0 {
					continue
				}
				picked, ok := someWords(rng, words, 1+rng.IntN(2))
				if !ok {
					continue
				}
				out = append(out, benchQuery{Kind: kind, Text: picked, Speaker: names[len(names)-1]})
			case kindSuggest:
				start := rng.IntN(len(words) - 2)
				text := strings.Join(words[start:], " ")
				for n := 1; n <= 12 && n <= len(text); n++ {
					out = append(out, benchQuery{Kind: kind, Text: text[:n]})
				}
			}
			got++
		}
	}
	return out
}

// plainWords lowercases text and splits it into words of letters and digits.
func plainWords(text string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" || strings.IndexFunc(w, func(r rune) bool { return r > unicode.MaxASCII }) >= 0 {
			continue
		}
		out = append(out, w)
	}
	return out
}

// someWords picks k distinct words of 4+ letters that are not stop words,
// in random order.
func someWords(rng *rand.Rand, words []string, k int) (string, bool) {
	var content []string
	for _, w := range words {
		if len(w) >= 4 && !isStop(w) && !slices.Contains(content, w) {
			content = append(content, w)
		}
	}
	if len(content) < k {
		return "", false
	}
	var picked []string
	for _, i := range rng.Perm(len(content))[:k] {
		picked = append(picked, content[i])
	}
	return strings.Join(picked, " "), true
}

// contentWord picks an alphabetic word of five letters or more.
func contentWord(rng *rand.Rand, words []string) (int, bool) {
	var cands []int
	for i, w := range words {
		if len(w) >= 5 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return 0, false
	}
	return cands[rng.IntN(len(cands))], true
}

// typo makes one typing mistake: a letter replaced, dropped, doubled or
// swapped with its neighbour. A copy of index/quality_test.go's typo, which
// another module cannot import, so both query sets err alike.
func typo(rng *rand.Rand, w string) string {
	b := []byte(w)
	i := 1 + rng.IntN(len(b)-2)
	switch rng.IntN(4) {
	case 0:
		c := byte('a' + rng.IntN(26))
		for c == b[i] {
			c = byte('a' + rng.IntN(26))
		}
		b[i] = c
	case 1:
		b = append(b[:i], b[i+1:]...)
	case 2:
		b = append(b[:i+1], b[i:]...)
	default:
		b[i], b[i+1] = b[i+1], b[i]
	}
	return string(b)
}

var stop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and are as at be but by for from had has have he her his i if in into is it
its me my no not of on or our she so than that the their them then there these they this to was we were what when
which who will with would you your`) {
		stop[w] = true
	}
}

func isStop(w string) bool { return stop[w] }
