package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A span is one stretch of text between quotation marks, in byte offsets of
// the article: open is the opening mark, [start, end) the quoted words with
// surrounding white space trimmed, close the byte after the closing mark (or
// the end of the paragraph when the quotation is left open there).
type span struct {
	open, start, end, close int
	// cont is set on every paragraph of a multi-paragraph quotation after
	// the first: it carries on the quotation of the span before it.
	cont bool
	// single is set when the marks are single quotation marks.
	single bool
}

// maxQuoteBytes bounds one quotation. A longer run between marks is an
// unbalanced mark, not a quotation, and bounding it keeps the later
// per-quotation work proportional to the input.
const maxQuoteBytes = 16 << 10

// isOpenDouble and friends classify quotation marks. Straight marks are
// both; the scanner decides by state and context.
func isOpenDouble(r rune) bool {
	return r == '"' || r == '“' || r == '„' || r == '«' || r == '‟'
}
func isCloseDouble(r rune) bool { return r == '"' || r == '”' || r == '»' }
func isSingleMark(r rune) bool {
	return r == '\'' || r == '‘' || r == '’' || r == '‚' || r == '‛'
}

// findSpans returns the quotations of text in order. It is one pass over the
// text with a constant amount of state, so nesting or unbalanced marks cannot
// make it quadratic.
//
// Rules:
//   - Double marks, straight or curly, open and close quotations; single marks
//     inside them are part of the quoted words (testdata/nested.txt), and so
//     are curly double marks opened mid-sentence and closed before the
//     quotation's own closing mark (testdata/nested.txt).
//   - A paragraph that ends inside a quotation and is followed by a paragraph
//     opening with a mark continues the quotation (testdata/multipara.txt);
//     otherwise the quotation ends with its paragraph.
//   - Single marks quote only outside double ones, when the opening mark
//     starts a word and the closing one ends a word, within one paragraph
//     (testdata/scare.txt); apostrophes (Clinton's, '80s) never close one.
func findSpans(text string) []span {
	var spans []span
	inDouble := false
	nested := false    // inside curly marks nested in curly marks: “… claim that the deal “has to do with Israel” makes clear …,”
	nestTried := false // one look ahead for nesting per quotation keeps the scan linear
	var cur span
	singleOpen := -1 // byte offset of a pending single opening mark
	prev := rune(' ')
	emit := func(closeAt, endAt int) {
		nested, nestTried = false, false
		cur.close = closeAt
		cur.end = endAt
		trim(text, &cur)
		if cur.start < cur.end {
			spans = append(spans, cur)
		}
	}
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r == '\'' && i+1 < len(text) && text[i+1] == '\'' {
			if inDouble && i+2 < len(text) && text[i+2] == '\'' {
				// Three apostrophes close a single quotation and then the
				// double one: ''… 'old-school,''' (testdata/marks.txt).
				prev = r
				i++
				continue
			}
			// Two apostrophes are a straight double mark (testdata/marks.txt).
			r, w = '"', 2
		}
		orphan := 0
		if !inDouble && r == '”' && (prev == '.' || prev == '!' || prev == '?') {
			orphan = orphanStart(text, i)
		}
		switch {
		case r == '\n':
			if inDouble {
				// Look past white space for the next paragraph's first rune.
				j := i
				for j < len(text) {
					c, cw := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsSpace(c) {
						break
					}
					j += cw
				}
				continues := false
				if j < len(text) {
					c, _ := utf8.DecodeRuneInString(text[j:])
					continues = isOpenDouble(c) && c != '»' || c == '\'' && j+1 < len(text) && text[j+1] == '\''
				}
				if c := unclosedCue(text[cur.start:i]); c > 0 && !continues {
					// A quotation its writer forgot to close before its
					// cue: "There wasn't a lot of education, said Kessel,
					// … (testdata/marks.txt).
					emit(cur.start+c, cur.start+c)
				} else {
					emit(i, i)
				}
				inDouble = false
				if j < len(text) {
					c, cw := utf8.DecodeRuneInString(text[j:])
					if c == '\'' && j+1 < len(text) && text[j+1] == '\'' {
						c, cw = '"', 2
					}
					if isOpenDouble(c) && c != '»' {
						// The quotation carries on in the next paragraph.
						cur = span{open: j, start: j + cw, cont: true}
						inDouble = true
						i = j + cw
						prev = c
						singleOpen = -1
						continue
					}
				}
			}
			singleOpen = -1
		case inDouble && isCloseDouble(r) && unicode.IsDigit(prev) && feetBefore(text, i):
			// An inch mark inside the quotation closes nothing: he's
			// like 6’2”,” Rubio said (testdata/marks.txt).
		case inDouble && r == '“' && strings.HasPrefix(text[cur.open:], "“") && unicode.IsSpace(prev) && nextIsLetter(text, i+w) && !nested && !nestTried && func() bool {
			nestTried = true
			return nestedOpen(text, cur.start, i)
		}():
			// Curly marks inside curly marks, the inner quotation opening
			// mid-sentence, close twice (testdata/nested.txt).
			nested = true
		case inDouble && nested && r == '”':
			nested = false
		case inDouble && (isCloseDouble(r) || r == '“' && !unicode.IsSpace(prev) && !nextIsLetter(text, i+w)):
			// A left mark typed as a closing one ends the quotation too:
			// “It's unusual,“ said Noble.
			emit(i+w, i)
			inDouble = false
		case inDouble && i-cur.start > maxQuoteBytes:
			// Unbalanced: give up on this quotation at this point.
			inDouble = false
		case !inDouble && isOpenDouble(r) && r != '»':
			if r == '"' && !opensHere(text, i, w, prev) {
				break // a stray closing straight mark
			}
			cur = span{open: i, start: i + w}
			inDouble = true
			singleOpen = -1
		case !inDouble && r == '”' && prev == ',' && i+w+1 < len(text) && text[i+w] == ' ' && nextIsLetter(text, i+w+1) && cueWordBefore(text, i-1):
			// A right mark typed as an opening one after a cue and its
			// comma: He says,” there are … (testdata/marks.txt).
			cur = span{open: i, start: i + w}
			inDouble = true
			singleOpen = -1
		case !inDouble && r == '”' && unicode.IsSpace(prev) && (nextIsLetter(text, i+w) || prev == '\n' || i == 0):
			// A right mark typed as an opening one.
			cur = span{open: i, start: i + w}
			inDouble = true
			singleOpen = -1
		case orphan > 0:
			// A closing mark whose opening one the writer left out, after
			// a cue and its comma: she added, Trump is a failure.”
			// (testdata/marks.txt).
			cur = span{open: orphan, start: orphan}
			emit(i+w, i)
			singleOpen = -1
		case !inDouble && isSingleMark(r):
			nextLetter := nextIsLetter(text, i+w)
			wordBefore := unicode.IsLetter(prev) || unicode.IsDigit(prev)
			switch {
			case singleOpen < 0 && !wordBefore && nextLetter && !isDigitAt(text, i+w) && r != '’':
				singleOpen = i
			case singleOpen >= 0 && !nextLetter && !unicode.IsSpace(prev) && (r == '\'' || r == '’'):
				_, ow := utf8.DecodeRuneInString(text[singleOpen:])
				cur = span{open: singleOpen, start: singleOpen + ow, single: true}
				emit(i+w, i)
				singleOpen = -1
			}
		}
		if !unicode.Is(unicode.Cf, r) {
			// An invisible format character (a direction mark, a
			// zero-width space) leaves the rune before it in place: a
			// paragraph that opens with U+202A and a right mark opens a
			// quotation (testdata/marks.txt).
			prev = r
		}
		i += w
	}
	if inDouble {
		emit(len(text), len(text))
	}
	return spans
}

// nestedOpen reports whether a curly opening mark at i, inside a quotation
// whose words start at start, opens a quotation within it: the words before
// it in the same sentence end in a lower-case word, and a closing mark
// follows it in its paragraph, then more words and another closing mark.
func nestedOpen(text string, start, i int) bool {
	before := strings.TrimRight(text[start:i], " ")
	if before == "" {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(before); !unicode.IsLower(r) {
		return false
	}
	end := strings.IndexByte(text[i:min(len(text), i+maxQuoteBytes)], '\n')
	if end < 0 {
		end = min(len(text), i+maxQuoteBytes) - i
	}
	para := text[i : i+end]
	first := strings.Index(para, "”")
	if first < 0 {
		return false
	}
	rest := para[first+len("”"):]
	second := strings.Index(rest, "”")
	return second > 0 && !strings.Contains(rest[:second], "“")
}

// opensHere reports whether a straight double mark at i opens a quotation:
// it must not sit right after a letter or digit unless a letter follows it
// too (an inch mark, 5'11", closes nothing and opens nothing).
func opensHere(text string, i, w int, prev rune) bool {
	if i+w >= len(text) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+w:])
	if unicode.IsSpace(next) {
		return false
	}
	if unicode.IsDigit(prev) {
		return false
	}
	return true
}

// feetBefore reports whether a height in feet and inches ends at i: the
// 6’2 of 6’2”.
func feetBefore(text string, i int) bool {
	j := i
	for j > 0 && text[j-1] >= '0' && text[j-1] <= '9' && i-j < 2 {
		j--
	}
	if j == i {
		return false
	}
	r, w := utf8.DecodeLastRuneInString(text[:j])
	if r != '’' && r != '\'' {
		return false
	}
	return j-w > 0 && text[j-w-1] >= '0' && text[j-w-1] <= '9'
}

// unclosedCue returns the end of the words of a quotation left open to the
// end of its paragraph when a cue clause follows them inside it (", said
// Kessel", ", he said"), just after the comma; or 0.
func unclosedCue(q string) int {
	best := 0
	for _, cue := range []string{", said ", ", says ", ", he said", ", she said", ", they said"} {
		if c := strings.Index(q, cue); c > 0 && (best == 0 || c+1 < best) {
			best = c + 1
		}
	}
	return best
}

// orphanStart returns where the words end at byte offset i began, for a
// closing mark with no opening one: right after a cue and its comma earlier
// in the paragraph ("she added, "), with no other mark between; or 0. It
// looks back 400 bytes at most.
func orphanStart(text string, i int) int {
	for j := i - 1; j > 1 && i-j < 400; j-- {
		switch c := text[j]; {
		case c == '\n' || c == '"':
			return 0
		case c == ',' && text[j+1] == ' ' && cueWordBefore(text, j):
			return j + 2
		case c >= 0x80 && strings.HasPrefix(text[j:], "“"), c >= 0x80 && strings.HasPrefix(text[j:], "”"):
			return 0
		}
	}
	return 0
}

// cueWordBefore reports whether a reporting word ("says", "said") ends
// right before byte offset end.
func cueWordBefore(text string, end int) bool {
	b := end
	for b > 0 && end-b < 8 && text[b-1] >= 'a' && text[b-1] <= 'z' {
		b--
	}
	switch text[b:end] {
	case "says", "said", "adds", "added", "asks", "asked", "tells", "told", "writes", "wrote":
		return b == 0 || text[b-1] == ' '
	}
	return false
}

func nextIsLetter(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isDigitAt(text string, i int) bool {
	return i < len(text) && text[i] >= '0' && text[i] <= '9'
}

// trim narrows [start, end) of s to exclude surrounding white space.
func trim(text string, s *span) {
	for s.start < s.end {
		r, w := utf8.DecodeRuneInString(text[s.start:])
		if !unicode.IsSpace(r) {
			break
		}
		s.start += w
	}
	for s.end > s.start {
		r, w := utf8.DecodeLastRuneInString(text[s.start:s.end])
		if !unicode.IsSpace(r) {
			break
		}
		s.end -= w
	}
}
