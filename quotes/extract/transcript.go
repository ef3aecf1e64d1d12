package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// turn is one turn of an interview or a debate printed as a transcript:
// the words of a paragraph after its label, text[start:end].
type turn struct {
	label      string // "Q", "A", "Answer" or a name: "Marsh", "LENA MARSH"; "" for a paragraph with none
	start, end int
}

// maxLabelBytes bounds a speaker's label: a name of up to three words.
const maxLabelBytes = 40

// transcriptTurns finds the turns of an interview or a debate printed as a
// transcript, which carry no quotation marks (testdata/transcript.txt):
//   - questions and answers: paragraphs opened by "Q:" (or "Question:") for the
//     interviewer, and by "A:" (or "Answer:") or the speaker's name for the
//     answers, which are the turns; at least two questions;
//   - a debate: paragraphs opened by speakers' names in capitals ("HOLT:",
//     "CLINTON:"), each a turn; at least three, by at least two speakers.
//
// So a line such as "Warning: …" or "UPDATE: …" in other news is never a
// turn. A paragraph with no label between a turn and the next labelled one
// goes on with that turn; after the last (an editor's note, the end of the
// page) nothing is a turn.
func transcriptTurns(text string) []turn {
	var lines []turn // every paragraph: its label, if any, and the words after it
	questions, capitals := 0, map[string]int{}
	for lo := 0; lo < len(text); {
		hi := strings.IndexByte(text[lo:], '\n')
		if hi < 0 {
			hi = len(text)
		} else {
			hi += lo
		}
		start := lo + len(text[lo:hi]) - len(strings.TrimLeft(text[lo:hi], " \t"))
		end := lo + len(strings.TrimRight(text[lo:hi], " \t\r"))
		lo = hi + 1
		if start >= end {
			continue
		}
		label, body := lineLabel(text[start:end])
		switch {
		case label == "Q" || label == "Question":
			questions++
		case len(label) > 1 && label == strings.ToUpper(label):
			capitals[label]++
		}
		lines = append(lines, turn{label: label, start: end - len(body), end: end})
	}
	debate := 0
	for _, n := range capitals {
		debate += n
	}
	if questions < 2 && (debate < 3 || len(capitals) < 2) {
		return nil
	}
	var turns, pending []turn
	speaking, asked := "", false // the label of the turn under way; whether a question came
	for _, l := range lines {
		switch {
		case l.label == "Q" || l.label == "Question":
			turns = append(turns, pending...)
			speaking, pending, asked = "", nil, true
		case l.label != "" && (questions >= 2 && asked || capitals[l.label] > 0):
			turns = append(turns, pending...)
			turns = append(turns, l)
			speaking, pending = l.label, nil
		case l.label == "" && speaking != "":
			pending = append(pending, turn{label: speaking, start: l.start, end: l.end})
		}
	}
	return turns
}

// lineLabel splits a paragraph into the label that opens it and the words
// after it: "Q: Will you meet him?" → "Q", "Will you meet him?";
// "Marsh: My door is open." → "Marsh", "My door is open." It returns "" and
// the line when none opens it. "Q" and "A" may end in a full stop ("Q.").
func lineLabel(line string) (label, body string) {
	colon := strings.IndexAny(line, ":.")
	if colon <= 0 || colon > maxLabelBytes || colon+1 >= len(line) || line[colon+1] != ' ' {
		return "", line
	}
	label = line[:colon]
	body = strings.TrimLeft(line[colon+1:], " ")
	if body == "" {
		return "", line
	}
	if line[colon] == '.' {
		if label == "Q" || label == "A" {
			return label, body
		}
		return "", line // a sentence, or an initial: "Mr. Biden said …"
	}
	words := strings.Fields(label)
	if len(words) > 3 || strings.Join(words, " ") != label {
		return "", line
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || sentenceWords[strings.ToLower(w)] && len(words) == 1 && w != "A" {
			return "", line // not a name: "However: …", "Note: …" stays prose
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '\'' && c != '’' && c != '-' && c != '.' {
				return "", line
			}
		}
	}
	return label, body
}

// interviewCues are words before the first answer, or after the last,
// that tell an interview from an explainer in questions and answers, whose
// "A:" is the writer's: "Q: Who pays? A: Anyone earning over …".
var interviewCues = []string{"interview", "spoke with", "spoke to", "talked with", "talked to", "sat down with",
	"conversation", "q&a", "transcript", "edited for length", "edited for clarity", "condensed"}

// withPhrases come before the interviewee in an interview's introduction:
// Michael Grunwald spoke with Joe Biden.
var withPhrases = []string{"interview with ", "spoke with ", "spoke to ", "talked with ", "talked to ", "sat down with ",
	"conversation with ", "q&a with ", "interviewed "}

// interviewLike reports whether the article presents its questions and
// answers as an interview: an interview cue outside the turns, or answers
// in the first person, as an interviewee speaks and an explainer does not.
func interviewLike(text string, turns []turn) bool {
	outside := strings.ToLower(text[:turns[0].start] + " " + text[turns[len(turns)-1].end:])
	for _, c := range interviewCues {
		if strings.Contains(outside, c) {
			return true
		}
	}
	first := 0
	for _, t := range turns {
		for _, w := range strings.FieldsFunc(text[t.start:t.end], func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
			if w == "I" || w == "we" || w == "We" || w == "my" || w == "My" || w == "our" || w == "Our" {
				first++
				break
			}
		}
	}
	return 2*first >= len(turns)
}

// answers resolves each turn's speaker and adds the turns to qs, in text
// order. An "A:" answers for the interviewee: the person named first after
// "spoke with", "Q&A with" … in the introduction, or else the first person
// it names (Q&A with Vice President Joe Biden); none in an explainer. A name
// label for the person of that name in the article ("Marsh:" → Lena Marsh),
// or in an earlier label ("ROSS:" after "NIA ROSS:"). Stage directions
// ("(CROSSTALK)") are no one's words.
// A turn whose label names no person is left out. Quoted words inside an
// answer are the answer's: the turn replaces them.
func (x *extractor) answers(qs []Quotation, turns []turn) []Quotation {
	if len(turns) == 0 {
		return qs
	}
	interviewee, role, found := "", "", false
	if interviewLike(x.text, turns) { // an explainer's "A:" is no one's
		from, first := 0, len(x.text) // where the interviewee is named: after the first "spoke with", if the intro says it
		intro := strings.ToLower(x.text[:turns[0].start])
		for _, p := range withPhrases {
			if i := strings.Index(intro, p); i >= 0 && i < first {
				from, first = i+len(p), i
			}
		}
		for _, m := range x.ents.mentions {
			if m.pos >= turns[0].start {
				break
			}
			if m.pos >= from && m.person && !m.org && !m.possessive && m.name != "" {
				interviewee, role, found = x.ents.canonical(m, m.pos)
				break
			}
		}
	}
	var as []Quotation
	named := make(map[string]*Quotation) // a last name in lower case → a turn by the full name
	for _, t := range turns {
		q := Quotation{Text: x.text[t.start:t.end], Start: t.start, End: t.end, Cue: t.label}
		if stageDirection(q.Text) {
			continue // (BEGIN VIDEO CLIP.), (CROSSTALK), …
		}
		switch {
		case t.label == "A" || t.label == "Answer":
			if !found {
				continue
			}
			q.Speaker, q.Role = interviewee, role
		case named[strings.ToLower(t.label)] != nil:
			// ROSS: after NIA ROSS, the name the transcript gave in full.
			q.Speaker, q.Role = named[strings.ToLower(t.label)].Speaker, named[strings.ToLower(t.label)].Role
		default:
			// MARSH: the name as the article writes it elsewhere.
			m := x.ents.makeMention(strings.Fields(titleCased(t.label)), nil)
			if m.name == "" || m.org || !m.person && len(x.ents.surnames[m.last]) == 0 {
				continue
			}
			s, r, ok := x.ents.canonical(m, t.start)
			if !ok {
				continue
			}
			q.Speaker, q.Role = s, r
			if f := strings.Fields(q.Speaker); len(f) > 1 {
				named[strings.ToLower(f[len(f)-1])] = &q
			}
		}
		as = append(as, q)
	}
	out := make([]Quotation, 0, len(qs)+len(as))
	i := 0
	for _, a := range as {
		for i < len(qs) && qs[i].Start < a.Start {
			out = append(out, qs[i])
			i++
		}
		for i < len(qs) && qs[i].Start < a.End {
			i++ // quoted inside the answer
		}
		out = append(out, a)
	}
	return append(out, qs[i:]...)
}

// stageDirection reports whether a turn is no one's words: a transcript's
// note in parentheses or brackets, or no letters at all ("…").
func stageDirection(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") || strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		return true
	}
	return strings.IndexFunc(s, unicode.IsLetter) < 0
}

// titleCased writes a name a transcript's label gives in capitals as names
// are written: "JAKE TAPPER" → "Jake Tapper". Other names are left alone.
func titleCased(name string) string {
	if name != strings.ToUpper(name) {
		return name
	}
	words := strings.Fields(name)
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(r) + strings.ToLower(w[n:])
	}
	return strings.Join(words, " ")
}
