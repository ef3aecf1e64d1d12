package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord  tokKind = iota
	tPunct         // one punctuation rune
	tQuote         // a whole quotation, marks included
	tPara          // a line break
)

// A token is a word, a punctuation mark, a whole quotation or a line break of
// the text outside quotation marks. Words inside quotations are not tokens:
// nothing inside a quotation is a cue or a speaker.
type token struct {
	kind       tokKind
	start, end int
	text       string // the article's bytes, no copy
	low        string // text lowercased (the same string when already lower)
	q          int    // index into the spans, for tQuote
	sent       int    // sentence number, rising through the text
}

func (t *token) is(words ...string) bool {
	for _, w := range words {
		if t.low == w {
			return true
		}
	}
	return false
}

func (t *token) punct(r rune) bool {
	if t.kind != tPunct {
		return false
	}
	c, _ := utf8.DecodeRuneInString(t.text)
	return c == r
}

// capital reports whether the word starts with an upper-case letter.
func (t *token) capital() bool {
	if t.kind != tWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// tokenize splits text into tokens, turning each span into one tQuote token,
// and numbers sentences. It is linear in len(text).
func tokenize(text string, spans []span) []token {
	toks := make([]token, 0, len(text)/5+len(spans)+1)
	si := 0
	for i := 0; i < len(text); {
		if len(toks) == cap(toks) {
			// More tokens than the guess from the length: count the rest
			// and grow once (testdata of one-letter words and marks,
			// TestLinear).
			toks = slices.Grow(toks, countTokens(text, spans[si:], i))
		}
		if si < len(spans) && i >= spans[si].open {
			s := spans[si]
			toks = append(toks, token{kind: tQuote, start: s.open, end: s.close, text: text[s.open:s.close], q: si})
			si++
			if s.close > i {
				i = s.close
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			toks = append(toks, token{kind: tPara, start: i, end: i + w, text: text[i : i+w]})
			i += w
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '@' || r == '#':
			j := wordEnd(text, i, spans, si)
			word := text[i:j]
			toks = append(toks, token{kind: tWord, start: i, end: j, text: word, low: lower(word)})
			i = j
		default:
			toks = append(toks, token{kind: tPunct, start: i, end: i + w, text: text[i : i+w]})
			i += w
		}
	}
	numberSentences(toks, spans, text)
	return toks
}

// countTokens returns at least as many tokens as tokenize will make of text
// from byte from on, and seldom many more, so that their slice grows once: a
// guess from the length alone grew it over and over on text of one-letter
// words and marks ("“a “b “a …"), which made the cost grow faster than the
// text (TestLinear).
func countTokens(text string, spans []span, from int) int {
	n := len(spans) + 1
	si := 0
	inWord := false
	for i := from; i < len(text); {
		if si < len(spans) && i >= spans[si].open {
			i = max(i, spans[si].close)
			si++
			inWord = false
			continue
		}
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII, most of any article, without decoding.
			switch {
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '@' || c == '#':
				if !inWord {
					n++
					inWord = true
				}
			case c == ' ' || c == '\t' || c == '\r':
				inWord = false
			default:
				n++
				inWord = false
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		switch word := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '@' || r == '#'; {
		case word && !inWord:
			n++
			inWord = true
		case word:
		case unicode.IsSpace(r) && r != '\n':
			inWord = false
		default:
			n++ // a mark or a line break, or a rune that joins a word (it is counted as its own)
			inWord = false
		}
		i += w
	}
	return n
}

// wordEnd returns the end of the word starting at i: letters and digits,
// joined by apostrophes, hyphens, periods, ampersands and slashes when a
// letter or digit follows them (U.S, R-Texas, Clinton's, AT&T, the "Ã1⁄4" of
// a garbled ü), and a final period when the word is an abbreviation (Mr.,
// Sen., U.S., J.).
func wordEnd(text string, i int, spans []span, si int) int {
	limit := len(text)
	if si < len(spans) && spans[si].open < limit {
		limit = spans[si].open
	}
	j := i
	for j < limit {
		r, w := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '@' || r == '#' || r == '_' {
			j += w
			continue
		}
		if n := mojibake(text[:limit], i, j); n > 0 {
			j += n
			continue
		}
		if (r == '\'' || r == '’' || r == '-' || r == '.' || r == '&' || r == '/' || r == '⁄' || r == ',') && j+w < limit {
			n, _ := utf8.DecodeRuneInString(text[j+w:])
			if r == ',' {
				// 1,000 stays one word; "said,Trump" does not.
				p, _ := utf8.DecodeLastRuneInString(text[i:j])
				if unicode.IsDigit(p) && unicode.IsDigit(n) {
					j += w
					continue
				}
				break
			}
			if r == '.' && unicode.IsUpper(n) && utf8.RuneCountInString(text[i:j]) > 1 && !strings.Contains(text[i:j], ".") {
				break // a missing space: "said.Trump" is two words
			}
			if unicode.IsLetter(n) || unicode.IsDigit(n) {
				j += w
				continue
			}
		}
		break
	}
	if j < limit && text[j] == '.' && (isAbbrev(text[i:j]) || j+1 < limit && text[j+1] == ',' && stateAbbrevs[lower(text[i:j])]) {
		j++ // Allentown, Pa., said (testdata/roles.txt)
	} else if j > i && j < limit && (text[j-1] == 's' || text[j-1] == 'S') {
		// An owner in the plural keeps its apostrophe: Sanders’ campaign
		// manager (testdata/roles.txt).
		if r, w := utf8.DecodeRuneInString(text[j:]); r == '\'' || r == '’' {
			if n, _ := utf8.DecodeRuneInString(text[j+w:]); j+w == len(text) || unicode.IsSpace(n) {
				j += w
			}
		}
	}
	return j
}

// mojibake returns the width of the rest of a letter at j that UTF-8 read
// as Latin-1 split in two, inside the word that starts at i, or 0: "Ã§" is
// the ç of "FranÃ§ois", "ÃÂ§" the same garbled twice (either may come
// decomposed, A and a combining mark), "Ã ̈" an è whose
// second half became a space and a combining mark (testdata/names.txt). A
// combining mark belongs to its letter's word anywhere.
func mojibake(text string, i, j int) int {
	r, w := utf8.DecodeRuneInString(text[j:])
	if unicode.Is(unicode.Mn, r) {
		return w
	}
	if j == i {
		return 0
	}
	p, pw := utf8.DecodeLastRuneInString(text[i:j])
	if p >= 0x80 && p <= 0x9F && r == ' ' && j+1 < len(text) && unicode.IsLower(rune(text[j+1])) {
		// A control character never ends a word: the half of a letter
		// whose other half became a space, "KÃ\u0083 rner" (testdata/names.txt).
		return 1
	}
	if (p == '\u0303' || p == '\u0302') && j-pw > i && text[j-pw-1] == 'A' {
		p = 'Ã' // the same, decomposed: A and a combining tilde
	}
	if p != 'Ã' && p != 'Â' {
		return 0
	}
	if r >= 0x80 && r <= 0xBF {
		return w
	}
	if r == ' ' && j+1 < len(text) {
		if m, mw := utf8.DecodeRuneInString(text[j+1:]); unicode.Is(unicode.Mn, m) {
			return 1 + mw
		}
	}
	return 0
}

// isAbbrev reports whether w followed by a period is an abbreviation rather
// than the end of a sentence.
func isAbbrev(w string) bool {
	if strings.Contains(w, ".") { // U.S, a.m
		return true
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 && len(w)-i-1 <= 4 {
		// A party and a state: Glenn Thompson, R-Pa., said
		r, _ := utf8.DecodeRuneInString(w[i+1:])
		return unicode.IsUpper(r) && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I')
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) // an initial
	}
	return abbreviations[lower(w)]
}

// lower is strings.ToLower, which returns its argument unchanged, without
// allocating, when there is nothing to lower.
func lower(s string) string { return strings.ToLower(s) }

// numberSentences gives every token its sentence number. A sentence ends at
// a line break, or at . ? ! followed by a capitalised word, a quotation or the
// end; a quotation whose words end with . ? ! ends one when a capitalised
// word or another quotation follows it.
func numberSentences(toks []token, spans []span, text string) {
	n := 0
	for i := range toks {
		toks[i].sent = n
		t := &toks[i]
		switch t.kind {
		case tPara:
			n++
		case tPunct:
			if (t.text == "." || t.text == "?" || t.text == "!" || t.text == "…") && startsSentence(toks, i+1) && !datelineState(toks, i) {
				n++
			}
		case tQuote:
			s := spans[t.q]
			if endsSentence(text[s.start:s.end]) && startsSentence(toks, i+1) {
				n++
			}
		}
	}
}

// datelineState reports whether the period at token i closes the state of
// a dateline before its dash, "DECATUR, Ill. —", which opens the sentence
// rather than ending one.
func datelineState(toks []token, i int) bool {
	if i < 3 || i+1 >= len(toks) || toks[i].text != "." || toks[i+1].kind != tPunct || toks[i+1].text != "—" && toks[i+1].text != "–" {
		return false
	}
	state, comma, city := &toks[i-1], &toks[i-2], &toks[i-3]
	return state.kind == tWord && state.capital() && len(state.text) <= 5 && comma.kind == tPunct && comma.text == "," &&
		city.kind == tWord && len(city.text) > 1 && city.text == strings.ToUpper(city.text)
}

func startsSentence(toks []token, i int) bool {
	if i >= len(toks) {
		return true
	}
	t := &toks[i]
	switch t.kind {
	case tQuote, tPara:
		return true
	case tWord:
		r, _ := utf8.DecodeRuneInString(t.text)
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	case tPunct:
		return t.text == "(" || t.text == "[" || t.text == "—"
	}
	return false
}

// endsSentence reports whether quoted words end a sentence of their own.
func endsSentence(q string) bool {
	q = strings.TrimRight(q, "'’\")] ")
	if q == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(q)
	return r == '.' || r == '?' || r == '!' || r == '…'
}

// lastRune returns the final rune of s ignoring closing single marks and
// brackets, or 0.
func lastRune(s string) rune {
	s = strings.TrimRight(s, "'’\")] ")
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}
