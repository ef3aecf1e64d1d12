package quotes

import (
	"fmt"
	"io"
	"iter"
	"regexp"
	"strings"
	"unicode"
)

// maxFortune bounds one fortune entry. A valid text has at most MaxTextLen
// characters, 16 KiB at four bytes each; a bigger entry is skipped without
// being kept.
const maxFortune = 64 << 10

// maxAttributionLines bounds how many lines an attribution may wrap onto
// ("-- Goodman Ace, letter to Groucho Marx, in The Groucho\n   Letters").
const maxAttributionLines = 3

// ReadFortune reads a classic fortune(6) file, as Read does; name is used
// in errors only.
//
// Entries are separated by lines holding only "%". An entry is a quote when
// it ends with an attribution: a line starting, after white space, with
// "--" or "—", possibly wrapped onto a few more indented lines. The
// attribution "Author, work" gives Speaker "Author" and Source.Title
// "work"; "Larry Wall in <msgid>" gives "Larry Wall" and the message ID;
// life dates such as "(1955-2011)" and a final period are dropped from the
// speaker. The text keeps its line breaks and loses the attribution.
// Terminal tricks are resolved as a terminal would show them, as Read
// does for every format: "_\bX" overstrikes become "X", "'\be" becomes
// "é", and other control characters (a bell) vanish.
//
// An entry without attribution yields a *RecordError wrapping ErrNoSpeaker;
// empty entries are skipped silently. Line is the entry's first non-blank
// line.
func ReadFortune(r io.Reader, name string) iter.Seq2[Quote, error] {
	return func(yield func(Quote, error) bool) {
		lr := newLineReader(r, name)
		var (
			lines  []string
			size   int
			start  int  // the entry's first non-blank line, 0 while blank
			tooBig bool // the entry outgrew maxFortune and is being skipped
		)
		// flush yields the entry read so far, if any, and starts the next.
		flush := func() bool {
			defer func() { lines, size, start, tooBig = lines[:0], 0, 0, false }()
			if start == 0 {
				return true
			}
			if tooBig {
				return yield(Quote{}, &RecordError{File: name, Line: start, Err: fmt.Errorf("%w: entry over %d KiB", ErrInvalid, maxFortune>>10)})
			}
			q, ok := parseFortune(lines)
			if !ok {
				return yield(Quote{}, &RecordError{File: name, Line: start, Err: ErrNoSpeaker})
			}
			return yieldParts(yield, q, name, start)
		}
		for {
			line, long, err := lr.next()
			if err == io.EOF {
				flush()
				return
			}
			if err != nil {
				yield(Quote{}, err) // the entry read so far may be cut short
				return
			}
			if !long && isFortuneSeparator(line) {
				if !flush() {
					return
				}
				continue
			}
			if start == 0 {
				if !long && len(strings.TrimSpace(string(line))) == 0 {
					continue
				}
				start = lr.n
			}
			if tooBig = tooBig || long || size+len(line) > maxFortune; tooBig {
				continue
			}
			lines = append(lines, string(line))
			size += len(line) + 1
		}
	}
}

// isFortuneSeparator reports whether line is a "%" separator line.
func isFortuneSeparator(line []byte) bool {
	return strings.TrimRight(string(line), " \t\r") == "%"
}

// parseFortune splits an entry's lines into text and attribution. It
// returns false when the entry has no attribution.
func parseFortune(lines []string) (Quote, bool) {
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	// The attribution is the last line starting with a dash, followed only
	// by indented continuation lines, and preceded by some text.
	for i := len(lines) - 1; i > 0 && i >= len(lines)-maxAttributionLines; i-- {
		rest, ok := attributionLine(lines[i])
		if !ok {
			if !isContinuation(lines[i]) {
				break
			}
			continue
		}
		if isDashList(lines[:i], lines[i]) {
			break
		}
		attribution := foldSpace(rest + " " + strings.Join(lines[i+1:], " "))
		speaker, source := splitAttribution(attribution)
		if speaker == "" {
			return Quote{}, false
		}
		return Quote{
			Text:    strings.Join(lines[:i], "\n"),
			Speaker: speaker,
			Source:  Source{Title: source},
		}, true
	}
	return Quote{}, false
}

// maxInnerAttribution bounds an attribution line inside a text, in bytes:
// longer, the line is more likely prose that starts with a dash.
const maxInnerAttribution = 120

// splitAttributed splits a text that holds several attributed quotes in the
// fortune style, each followed by an indented attribution line of its own,
// into one quote per attribution:
//
//	To be or not to be.
//			-- Shakespeare
//	To do is to be.
//			-- Nietzsche
//	Do be do be do.
//
// gives "To be or not to be." by Shakespeare, "To do is to be." by
// Nietzsche, and "Do be do be do." by q's speaker, with q's source; the
// other parts keep the work their attribution names, and every part keeps
// q's guild, tags and the rest. Kept whole, the text would answer "who
// said to be or not to be?" with the last speaker. An attribution line
// counts only when it is indented (at the left margin, "-- I mean …" is
// prose), short, names someone, and has text before it and after it.
//
// A quote that already has an ID is kept whole: it was exported by
// quotebot, and an export must import back as it was.
func splitAttributed(q Quote) []Quote {
	if q.ID != "" || !strings.Contains(q.Text, "\n") {
		return []Quote{q}
	}
	lines := strings.Split(q.Text, "\n")
	lastText := len(lines) - 1 // the last line that is not blank
	for lastText >= 0 && isBlank(lines[lastText]) {
		lastText--
	}
	var parts []Quote
	from := 0        // the first line of the part being read
	hasText := false // whether lines[from:i] has a line that is not blank
	for i := 0; i < len(lines)-1; i++ {
		line := lines[i]
		before := hasText
		hasText = hasText || !isBlank(line)
		rest, ok := attributionLine(line)
		if !ok || !startsWithSpace(line) || len(line) > maxInnerAttribution || !before {
			continue
		}
		if _, prevDash := attributionLine(lines[i-1]); prevDash {
			continue // an item of a list of dashed lines
		}
		// The attribution may wrap onto lines indented as far as it.
		end := i + 1
		lead := line[:len(line)-len(strings.TrimLeftFunc(line, unicode.IsSpace))]
		for end < len(lines) && end-i < maxAttributionLines && strings.HasPrefix(lines[end], lead) && strings.TrimSpace(lines[end]) != "" {
			if _, dash := attributionLine(lines[end]); dash {
				break
			}
			end++
		}
		if end < len(lines) {
			if _, nextDash := attributionLine(lines[end]); nextDash {
				continue // the first item of a list of dashed lines
			}
		}
		if end > lastText {
			break // nothing after it
		}
		speaker, source := splitAttribution(foldSpace(rest + " " + strings.Join(lines[i+1:end], " ")))
		if speaker == "" {
			continue
		}
		part := q
		part.Text, part.Speaker, part.Source = strings.Join(lines[from:i], "\n"), speaker, Source{Title: source}
		parts = append(parts, part)
		from, i, hasText = end, end-1, false
	}
	if parts == nil {
		return []Quote{q}
	}
	last := q
	last.Text = strings.Join(lines[from:], "\n")
	return append(parts, last)
}

// isBlank reports whether line is white space only.
func isBlank(line string) bool { return strings.TrimSpace(line) == "" }

// attributionLine reports whether line starts, after white space, with
// "--" or an em dash, and returns what follows. A line of three or more
// hyphens is a rule, not an attribution.
func attributionLine(line string) (rest string, ok bool) {
	line = strings.TrimLeftFunc(line, unicode.IsSpace)
	switch {
	case strings.HasPrefix(line, "---"):
		return "", false
	case strings.HasPrefix(line, "--"):
		return line[2:], true
	case strings.HasPrefix(line, "—"):
		return strings.TrimLeft(line, "—"), true
	}
	return "", false
}

// isDashList reports whether line is the last item of a list of lines
// starting with dashes at the left margin, as in fortunes/platitudes'
// "-- Neophyte's serendipity." entry, rather than an attribution. Indented
// dash lines are attributions even when there are several: a collection of
// song titles attributes each one (fortunes/songs-poems).
func isDashList(before []string, line string) bool {
	if startsWithSpace(line) {
		return false
	}
	for _, l := range before {
		if _, ok := attributionLine(l); ok && !startsWithSpace(l) {
			return true
		}
	}
	return false
}

func startsWithSpace(s string) bool {
	return s != "" && unicode.IsSpace(rune(s[0]))
}

// isContinuation reports whether line may continue an attribution: it is
// indented and not blank.
func isContinuation(line string) bool {
	return line != "" && (line[0] == ' ' || line[0] == '\t') && strings.TrimSpace(line) != ""
}

var (
	// msgidRE finds a Usenet message ID after "in": "Larry Wall in <1@x>".
	msgidRE = regexp.MustCompile(`^(.*?)\s+in\s+(<[^>]+>.*)$`)
	// lifeDatesRE finds life dates: "Steve Jobs (1955-2011)".
	lifeDatesRE = regexp.MustCompile(`\s*\(\s*\d{1,4}\s*[-–]\s*\d{1,4}\s*\)`)
)

// splitAttribution splits "Author, work" into speaker and source at the
// first comma outside brackets, so "Thomas J. Watson (Chairman, IBM), 1943"
// keeps its parenthesis whole.
func splitAttribution(a string) (speaker, source string) {
	speaker, source = a, ""
	if i := commaOutsideBrackets(a); i >= 0 {
		speaker, source = a[:i], a[i+1:]
	}
	if m := msgidRE.FindStringSubmatch(speaker); m != nil {
		speaker = m[1]
		if source = strings.TrimSpace(source); source != "" {
			source = m[2] + ", " + source
		} else {
			source = m[2]
		}
	}
	speaker = lifeDatesRE.ReplaceAllString(speaker, "")
	speaker = strings.TrimSpace(speaker)
	// "-- by Franz Kafka": the speaker is Franz Kafka.
	if byRE.MatchString(speaker) {
		speaker = speaker[3:]
	}
	// A sentence's final period goes ("Scottish proverb."), an
	// abbreviation's stays ("Kurt Vonnegut Jr.", "T. K.", "H.A.R.L.I.E.").
	if sentenceEndRE.MatchString(speaker) {
		speaker = speaker[:len(speaker)-1]
	}
	return speaker, strings.TrimSpace(source)
}

// commaOutsideBrackets returns the index of the first comma in s that is
// not inside parentheses or square brackets, or -1.
func commaOutsideBrackets(s string) int {
	depth := 0
	for i, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(depth-1, 0)
		case ',':
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// byRE matches "by" before a capitalised name.
var byRE = regexp.MustCompile(`^[Bb]y \p{Lu}`)

// sentenceEndRE matches a period after a lowercase word of three letters or more.
var sentenceEndRE = regexp.MustCompile(`\p{Ll}{3}\.$`)
