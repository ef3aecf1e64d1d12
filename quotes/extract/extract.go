package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotebot/quotebot/quotes"
)

// Article is a news article to extract quotations from. Only Text is
// required; Title, Publisher, URL and Date flow into each quote's Source,
// and Author is who the article's "I" is.
type Article struct {
	Text      string
	Title     string
	Publisher string
	URL       string
	// Date is the publication date, "2006-01-02", or "".
	Date string
	// Author is the one person the byline names, or "" (see Author): the
	// "I" of the article, in a column's "I told him, '…'".
	Author string
}

// Quotation is one stretch of quoted words in an article and, when the
// article says, who said them. Its JSON form is what `quotebot extract
// --json` prints, one object a line.
type Quotation struct {
	// Text is the quoted words without their quotation marks:
	// Article.Text[Start:End] == Text.
	Text string `json:"text"`
	// Speaker is the person or organisation the article attributes the
	// words to, resolved as a reader would (pronouns, descriptions and last
	// names to the name the article gives); "" when the words are not
	// attributed, as scare quotes and titles are not.
	Speaker string `json:"speaker"`
	// Role is the speaker's office or function as the article gives it
	// ("Kremlin spokesman"), or "".
	Role string `json:"role"`
	// Cue is the reporting word that attributes the words ("said",
	// "adding", "according to"), as written; "" when the quotation carries
	// on the previous one's without a cue of its own.
	Cue string `json:"cue"`
	// Start and End are byte offsets into Article.Text.
	Start int `json:"start"`
	End   int `json:"end"`
}

// maxWindow bounds the words looked at on either side of a quotation for its
// cue, so that the work per quotation is constant.
const maxWindow = 60

// Quotations returns every quotation in a.Text in text order, attributed or
// not, and the social posts pasted into it ("text — Name (@handle) Date",
// Cue "posted"). It returns nil when the text has none. Its cost is linear
// in len(a.Text).
func Quotations(a Article) []Quotation {
	text := a.Text
	spans := findSpans(text)
	posts := socialPosts(text)
	turns := transcriptTurns(text)
	if len(spans) == 0 && len(turns) == 0 {
		return posts
	}
	toks := tokenize(text, spans)
	author := a.Author
	if author == "" {
		author = excerptAuthor(text)
	}
	x := &extractor{text: text, spans: spans, toks: toks, headlineEnd: headlineEnd(text, a.Title), author: author}
	x.qtok = make([]int, len(spans))
	for i := range toks {
		if toks[i].kind == tQuote {
			x.qtok[toks[i].q] = i
		}
	}
	x.sentFirst = make([]int, 0, len(toks)/16+1)
	for i := range toks {
		if toks[i].sent == len(x.sentFirst) {
			x.sentFirst = append(x.sentFirst, i)
		}
	}
	x.ents = collectMentions(toks, cueSubjects(toks), x.headlineEnd, bylineSpan(text))
	out := make([]Quotation, len(spans))
	for i, s := range spans {
		out[i] = Quotation{Text: text[s.start:s.end], Start: s.start, End: s.end}
	}
	x.attribute(out)
	return mergePosts(x.answers(out, turns), posts)
}

// appositionOf returns the role an apposition between commas gives the
// mention m ("Clara Harlow, the chief executive, wants …"), or "".
func (x *extractor) appositionOf(m mention) string {
	toks := x.toks
	i := sort.Search(len(toks), func(i int) bool { return toks[i].start >= m.pos })
	b := i // the name's first token
	for n := 0; i < len(toks) && toks[i].start < m.pos+len(m.name) && n < maxNP; n++ {
		i++
	}
	if i >= len(toks) || !toks[i].punct(',') {
		return ""
	}
	if b > 1 && toks[b-1].punct(',') {
		// Or the description before it: The winner, Ana Velez, arrived
		// (testdata/roles.txt).
		lo := x.sentFirst[toks[b].sent]
		if d := walkBack(toks, b-2, lo); d.kind == npNominal && d.det == "the" && d.lo <= lo+1 && knownNoun(d.headWord()) {
			return strings.Join(d.words, " ")
		}
	}
	e := i + 1
	for e < len(toks) && e-i <= maxAppo && toks[e].kind == tWord && toks[e].sent == toks[i].sent {
		e++
	}
	if e >= len(toks) || !toks[e].punct(',') || e == i+1 {
		return ""
	}
	return appositionRole(toks[i+1 : e])
}

// mergePosts adds the posts that hold no quotation to qs, in text order.
func mergePosts(qs, posts []Quotation) []Quotation {
	if len(posts) == 0 {
		return qs
	}
	out := make([]Quotation, 0, len(qs)+len(posts))
	i := 0
	for _, p := range posts {
		for i < len(qs) && qs[i].End <= p.Start {
			out = append(out, qs[i])
			i++
		}
		if i < len(qs) && qs[i].Start < p.End {
			continue // quoted words inside the post speak for themselves
		}
		out = append(out, p)
	}
	return append(out, qs[i:]...)
}

// Extract returns the attributed quotations of a as quotes, with a's
// metadata as their Source, normalised and valid. Quotations without a
// speaker, those whose speaker is one bare common noun ("source",
// "statement": no one a member could ask about), and any that fail
// quotes.Quote.Validate (too long, say) are left out. It returns nil when
// nothing is attributed.
func Extract(a Article) []quotes.Quote {
	var out []quotes.Quote
	for _, q := range Quotations(a) {
		if q.Speaker == "" || anonymous(q.Speaker) {
			continue
		}
		qt := quotes.Quote{
			Text:    q.Text,
			Speaker: q.Speaker,
			Role:    q.Role,
			Source:  quotes.Source{Title: a.Title, Publisher: a.Publisher, URL: a.URL, Date: a.Date},
		}
		qt.Normalize()
		if qt.Validate() != nil {
			continue
		}
		out = append(out, qt)
	}
	return out
}

// anonymous reports whether a speaker names no one a member could ask
// about: a single lower-case word ("source", "statement"), or a description
// in lower case whose head is not a person or a body ("sweeping question",
// "sound system"; but "senior administration official" and "editorial
// board" stay).
func anonymous(speaker string) bool {
	for _, r := range speaker {
		if unicode.IsUpper(r) {
			return false
		}
	}
	words := strings.Fields(speaker)
	if len(words) < 2 {
		return true
	}
	head := stripPossessive(words[len(words)-1])
	return !speakerNoun(head) && !personNouns[head] && !bodies(head) && !organisationWords[head] && !personSuffix(head) &&
		!(strings.HasSuffix(head, "s") && personNouns[strings.TrimSuffix(head, "s")])
}

type extractor struct {
	text  string
	spans []span
	toks  []token
	qtok  []int // token index of each span
	// sentFirst is the index of each sentence's first token.
	sentFirst []int
	// headlineEnd is where the title the text opens with ends, or 0.
	headlineEnd int
	// attrs holds the attributions made so far, found which are set.
	attrs []attribution
	found []bool
	// skip marks the spans that are not quotations (titles, scare quotes).
	skip []bool
	ents *entities
	// author is the article's writer, the speaker of "I said", or "".
	author string
	// labels counts the quotations that open with each label in capitals
	// ("WALLACE:"), once labelCount needs them.
	labels map[string]int
	// words holds, for a transcript's line quoted whole ("PENCE: Well,
	// …"), where its words start after the label; 0 elsewhere.
	words []int
}

// An attribution is a speaker found for a quotation.
type attribution struct {
	speaker, role, cue string
	// owned is set on words read as an owner's claim inside someone else's
	// sentence (claimOwner): a participle after them is not the owner's.
	owned bool
}

func (x *extractor) attribute(out []Quotation) {
	x.attrs = make([]attribution, len(x.spans))
	x.found = make([]bool, len(x.spans))
	attrs, found := x.attrs, x.found
	x.skip = make([]bool, len(x.spans))
	for i := range x.spans {
		x.skip[i] = x.notQuotation(i)
	}
	settled := make([]bool, len(x.spans)) // a transcript's labelled lines
	for i := range x.spans {
		if x.skip[i] {
			continue
		}
		k := x.qtok[i]
		var a attribution
		ok := false
		if k > 0 && x.toks[k-1].sent == x.toks[k].sent && namingVerbs[x.toks[k-1].low] {
			// The quotation is the label the verb right before it gives,
			// and a cue after it in the sentence is another clause's:
			// under what Ed Hedge called "the old model," the club
			// charged … (testdata/cues.txt).
			a, ok = x.beforeCue(k)
		}
		if !ok {
			a, ok = x.afterCue(k)
		}
		labelled := false
		if !ok {
			a, ok, labelled = x.transcriptLabel(i)
		}
		if !ok && !labelled {
			a, ok = x.beforeCue(k)
			if ok && a.cue == "" && geographic(a.speaker) {
				// Words with no cue belong to a sentence's subject only
				// when it can speak: the South China Sea has become a
				// flashpoint under Obama's "pivot" (testdata/scare.txt).
				a, ok = attribution{}, false
			}
		}
		if labelled {
			// A transcript's line speaks for its label alone, and no
			// earlier paragraph shares its speaker.
			settled[i] = true
			if ok && a.speaker != "" {
				attrs[i], found[i] = a, true
			}
			continue
		}
		if !ok {
			// Before the rules that carry a speaker on: the sentence
			// after names this quotation's own.
			a, ok = x.thatWasHow(k)
		}
		if !ok && x.spans[i].cont && i > 0 && found[i-1] {
			// The next paragraph of a quotation (testdata/multipara.txt).
			a, ok = attribution{speaker: attrs[i-1].speaker, role: attrs[i-1].role}, true
		}
		if !ok {
			a, ok = x.continuation(i, attrs, found)
		}
		if !ok {
			a, ok = x.afterReport(k)
		}
		if !ok {
			a, ok = x.pullQuoteSignature(k)
		}
		if !ok {
			a, ok = x.resumed(i, attrs, found)
		}
		if !ok {
			// After resumed: a beat about "he" that follows a cued
			// quotation is mostly that speaker's, whose role resumed
			// keeps (testdata/continuation.txt).
			a, ok = x.beat(k)
		}
		if !ok && i > 0 && found[i-1] && x.cuedRun(i-1) && x.toks[x.qtok[i-1]].sent == x.toks[k].sent &&
			!namedTitle(x.text[x.spans[i].start:x.spans[i].end]) {
			// Later words quoted in the sentence of an attributed quotation,
			// with no cue of their own, are the same speaker's: Cross called
			// it "…" and likened it to … "…" (testdata/continuation.txt).
			a, ok = attribution{speaker: attrs[i-1].speaker, role: attrs[i-1].role}, true
		}
		if ok && a.speaker != "" {
			attrs[i], found[i] = a, true
			// Earlier paragraphs of the same quotation share its speaker.
			for j := i; j > 0 && x.spans[j].cont && !found[j-1] && !settled[j-1]; j-- {
				attrs[j-1] = attribution{speaker: a.speaker, role: a.role}
				found[j-1] = true
			}
		}
	}
	// A speaker keeps the role the article gave them wherever it quotes
	// them again without it: Orlov said, after "The Kremlin's spokesman,
	// Dmitri Orlov, said" (testdata/roles.txt).
	// "Doctor", from "Dr.", gives way to an office: Mette Lund is the lead
	// author throughout (testdata/roles.txt).
	roles := make(map[string]string)
	for i := range attrs {
		if r := roles[attrs[i].speaker]; found[i] && attrs[i].role != "" && (r == "" || r == "doctor") {
			roles[attrs[i].speaker] = attrs[i].role
		}
	}
	// Or the role an apposition gives the name where the article
	// introduces them without quoting them: Clara Harlow, the chief
	// executive, wants … (testdata/roles.txt).
	var firstMention map[string]int
	for i := range attrs {
		if sp := attrs[i].speaker; found[i] && roles[sp] == "" && strings.Contains(sp, " ") {
			if firstMention == nil {
				firstMention = make(map[string]int)
				for k := len(x.ents.mentions) - 1; k >= 0; k-- {
					firstMention[x.ents.mentions[k].name] = k
				}
			}
			if k, ok := firstMention[sp]; ok {
				delete(firstMention, sp) // once a speaker
				if r := x.appositionOf(x.ents.mentions[k]); r != "" {
					roles[sp] = r
				}
			}
		}
	}
	// A role written once with the capital of a sentence's first word and
	// once without is the same role: "council leader" (testdata/roles.txt).
	// So is one whose first word the article writes in lower case
	// elsewhere: Shop owner Martin Harlow is a shop owner.
	lowerFirst := func(r string) string {
		f, rest, ok := strings.Cut(r, " ")
		if lr := strings.ToLower(r); !ok && (roleOpeners[lr] || personNouns[lr] || titles[lr] || personSuffix(lr)) && r != strings.ToUpper(r) &&
			!partyWords[lr] && !demonymWords[lr] && demonyms[lr] == "" {
			return lr // Substitute Joel Mensah, Shopkeeper Jane Pohl
		}
		if !ok || f == strings.ToLower(f) || rest == "" || rest[0] < 'a' || rest[0] > 'z' {
			return r
		}
		lf := strings.ToLower(f)
		if roleOpeners[lf] || portfolios[lf] {
			return lf + " " + rest // Neighbour Jim Dowd, Town clerk Helen Oyelaran
		}
		if partyWords[lf] || demonymWords[lf] || demonyms[lf] != "" || places[lf] || organisationWords[lf] {
			return r
		}
		if x.ents.lowers[lf] {
			return lf + " " + rest
		}
		return r
	}
	lowered := make(map[string]string)
	for i := range attrs {
		if r := attrs[i].role; found[i] && r != "" && r[0] >= 'a' && r[0] <= 'z' {
			lowered[strings.ToLower(r)] = r
		}
	}
	for i := range out {
		if x.words != nil && x.words[i] > out[i].Start && x.words[i] < out[i].End {
			out[i].Start = x.words[i]
			out[i].Text = x.text[out[i].Start:out[i].End]
		}
		if found[i] && attrs[i].cue == "" && x.cry(i) {
			// A crowd's cry on a line of its own answers the speaker
			// before it and is not theirs, though the speaker's turn runs
			// on past it: "…?" Clinton asked. "Nooooo!" "Or do we …?"
			// (testdata/continuation.txt).
			continue
		}
		if found[i] {
			role := attrs[i].role
			if r := roles[attrs[i].speaker]; role == "" || role == "doctor" || len(r) > len(role) && strings.HasSuffix(strings.ToLower(r), " "+strings.ToLower(role)) {
				// The role in full wherever a shorter form of it stands:
				// "state senator" for Moss after "state Senator Lia Moss"
				// (testdata/roles.txt).
				role = r
			}
			if l, ok := lowered[strings.ToLower(role)]; ok {
				role = l
			}
			role = lowerFirst(role)
			out[i].Speaker, out[i].Role, out[i].Cue = commonNoun(attrs[i].speaker, x.ents.lowers), role, attrs[i].cue
		}
	}
}

// cry reports whether quotation i is one word with a letter drawn out, on a
// line of its own: "Nooooo!", "Yesssss!".
func (x *extractor) cry(i int) bool {
	k := x.qtok[i]
	if k > 0 && x.toks[k-1].kind != tPara || k+1 < len(x.toks) && x.toks[k+1].kind != tPara {
		return false
	}
	w := strings.TrimRight(x.text[x.spans[i].start:x.spans[i].end], "!?.,")
	if w == "" || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) {
		return false
	}
	run, last := 0, rune(0)
	for _, r := range strings.ToLower(w) {
		if r != last {
			run, last = 0, r
		}
		if run++; run >= 3 {
			return true
		}
	}
	return false
}

// thatWasHow attributes a quotation that ends its sentence, and often its
// paragraph, to the person the next sentence names as its speaker: "We lost
// everything." That was how Greta Holm described the night; So said Holm;
// Those were the words of Holm (testdata/continuation.txt); That quote from
// Tom Krebs appeared … (testdata/cues.txt).
func (x *extractor) thatWasHow(k int) (attribution, bool) {
	toks := x.toks
	s := x.spans[toks[k].q]
	if last := lastRune(x.text[s.start:s.end]); last != '.' && last != '!' && last != '?' {
		return attribution{}, false
	}
	i := k + 1
	for i < len(toks) && toks[i].kind == tPara {
		i++
	}
	if i+3 >= len(toks) || toks[i].kind != tWord || toks[i].text == toks[i].low {
		return attribution{}, false // the words go on: … "no." that was how …
	}
	hi := i
	for hi < len(toks) && toks[hi].sent == toks[i].sent && hi-i < maxWindow {
		hi++
	}
	w := func(j int, words ...string) bool { return j < hi && toks[j].kind == tWord && toks[j].is(words...) }
	var at int
	switch {
	case w(i, "that") && w(i+1, "was", "is") && w(i+2, "how"):
		at = i + 3
	case w(i, "that's", "that’s") && w(i+1, "how"):
		at = i + 2
	case w(i, "so") && w(i+1, "said", "says"):
		at = i + 2
	case w(i, "those", "such") && w(i+1, "were") && w(i+2, "the") && w(i+3, "words") && w(i+4, "of"):
		at = i + 5
	case w(i, "that", "the", "this") && w(i+1, "quote", "quotation", "line", "remark", "comment", "sentence", "warning") && w(i+2, "from", "by"):
		at = i + 3
	default:
		return attribution{}, false
	}
	subj := forwardNP(toks, at, hi)
	if subj.kind == npNone || subj.kind == npPronoun {
		return attribution{}, false
	}
	return x.resolve(subj, nil)
}

// mainCueBefore reports whether the cue of attributed quotation j stands
// before it in its sentence as the verb of a main clause: Holm said …; not
// Although Ann Hale praised it as "…", nor a film that Lee called "…",
// after which the main clause has a subject of its own
// (testdata/continuation.txt). Words attributed with no cue of their own
// take any cue verb before them: Rubio said that by refusing to say the
// words "…," Democrats are "…" (testdata/continuation.txt).
func (x *extractor) mainCueBefore(j int) bool {
	toks := x.toks
	k := x.qtok[j]
	cue := x.attrs[j].cue
	for c := k - 1; c >= 0 && k-c <= 2*maxWindow && toks[c].sent == toks[k].sent && toks[c].kind != tPara; c-- {
		if cue != "" && toks[c].text != cue || cue == "" && (!cueVerbs[toks[c].low] || toks[c].text != toks[c].low) {
			continue
		}
		main := true
		for i := c - 1; i >= 0 && c-i <= 8 && toks[i].sent == toks[c].sent && toks[i].kind == tWord; i-- {
			if subordinators[toks[i].low] || toks[i].is("while", "when", "whereas", "that", "which", "as", "after", "before", "since") {
				main = false
				break
			}
		}
		if main || cue != "" {
			return main
		}
	}
	return false
}

// cuedRun reports whether the attributed quotation j has a cue of its own or
// carries on, through quotations of the same sentence and speaker with no
// cue, one that has: Oake said the plan was "late," "costly" and "doomed."
// gives all three to Oake (testdata/continuation.txt). Words read as an
// owner's claim start no run.
func (x *extractor) cuedRun(j int) bool {
	a := x.attrs[j]
	sent := x.toks[x.qtok[j]].sent
	for ; j >= 0 && x.found[j] && !x.attrs[j].owned && x.attrs[j].speaker == a.speaker && x.toks[x.qtok[j]].sent == sent; j-- {
		if x.attrs[j].cue != "" {
			return true
		}
	}
	return false
}

// pullQuoteSignature reads the line that signs a pull quote: the quoted
// words, a line break, and "Name, affiliation." before the closing mark
// ("…\nDan Brook, Center for Budget Research.\"") (testdata/colon.txt).
func (x *extractor) pullQuoteSignature(k int) (attribution, bool) {
	toks := x.toks
	j := k + 1
	if j+2 >= len(toks) || toks[j].kind != tPara || toks[j+1].kind != tWord || !toks[j+1].capital() {
		return attribution{}, false
	}
	line := x.text[toks[j+1].start:]
	if e := strings.IndexByte(line, '\n'); e >= 0 {
		line = line[:e]
	}
	line = strings.TrimRight(line, " ")
	if len(line) > 120 || !(strings.HasSuffix(line, ".\"") || strings.HasSuffix(line, ".”")) {
		return attribution{}, false
	}
	hi := j + 1
	for hi < len(toks) && toks[hi].kind != tPara && toks[hi].start < toks[j+1].start+len(line) {
		hi++
	}
	subj := forwardNP(toks, j+1, hi)
	if subj.kind != npProper || subj.hi >= hi || !toks[subj.hi].punct(',') || !looksLikeName(subj.words) {
		return attribution{}, false
	}
	return x.resolve(subj, nil)
}

// transcriptLabel reads the speaker a line of a transcript names inside
// its quotation, before a colon: "RAMOS: Mayor, did you …" is Jorge Ramos's
// when the article names him (testdata/colon.txt). The line opens its
// paragraph, and the label is a name the article gives in full.
//
// labelled reports a line that opens with a label in capitals, "VIDEO:",
// whether or not it names someone: such a line has no other speaker.
func (x *extractor) transcriptLabel(i int) (a attribution, ok, labelled bool) {
	k := x.qtok[i]
	if k > 0 && x.toks[k-1].kind != tPara {
		return attribution{}, false, false
	}
	s := x.spans[i]
	q := x.text[s.start:s.end]
	c := strings.IndexByte(q, ':')
	if c <= 0 || c > 32 || c+1 >= len(q) || q[c+1] != ' ' {
		return attribution{}, false, false
	}
	words := strings.Fields(q[:c])
	if len(words) == 0 || len(words) > 3 {
		return attribution{}, false, false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' && r != '-' && r != '\'' }) >= 0 {
			return attribution{}, false, false
		}
	}
	label := q[:c]
	labelled = len(label) > 1 && strings.ToUpper(label) == label
	if labelled {
		if x.words == nil {
			x.words = make([]int, len(x.spans))
		}
		x.words[i] = s.start + c + 2 // the label is no part of the words (testdata/debate.txt)
	}
	last := strings.ToLower(words[len(words)-1])
	if len(x.ents.surnames[last]) == 0 {
		if labelled && len(words) == 1 && !nonSpeakerLabels[last] && x.labelCount(label) >= 2 {
			// A speaker the transcript names only by its label, as a
			// host often is: "WALLACE: …" twice or more (testdata/debate.txt).
			r, n := utf8.DecodeRuneInString(label)
			return attribution{speaker: string(r) + strings.ToLower(label[n:])}, true, true
		}
		return attribution{}, false, labelled // VIDEO: is no one
	}
	m, ok := x.ents.fullName(last, s.start)
	if !ok || !m.person || !strings.Contains(m.name, " ") {
		return attribution{}, false, labelled
	}
	return attribution{speaker: m.name, role: m.role}, true, true
}

// geographic reports whether a speaker names a place: a state, a sea, a
// mountain range.
func geographic(name string) bool {
	if isPlace(name) {
		return true
	}
	last := strings.ToLower(name[strings.LastIndexByte(name, ' ')+1:])
	return strings.Contains(name, " ") && geoWords[last]
}

// geoWords end the names of places.
var geoWords = set(`sea ocean river lake bay gulf strait mountains mountain valley island islands peninsula desert coast
canal channel sound delta plain plains`)

// textLabel reports whether the sentence from lo to its colon only
// introduces a text: "Transcript as follows:", "Partial transcript:", "Full
// text:".
func (x *extractor) textLabel(lo, colon int) bool {
	toks := x.toks
	i := lo
	if i < colon && toks[i].is("partial", "full", "the", "a") {
		i++
	}
	return i < colon && textLabels[toks[i].low] && colon-i <= 4
}

// textLabels introduce a text, and say nothing of who spoke it.
var textLabels = set(`transcript transcripts text excerpt excerpts`)

// lastSpeakerBefore returns the speaker of the last quotation attributed
// within the two paragraphs before token lo.
func (x *extractor) lastSpeakerBefore(lo int) (attribution, bool) {
	q, _ := x.foundQuoteBefore(lo, 2, 4*maxWindow)
	if q < 0 {
		return attribution{}, false
	}
	return attribution{speaker: x.attrs[q].speaker, role: x.attrs[q].role}, true
}

// commonNoun writes in lower case a speaker that is one common noun for
// people, capitalised only because it opened its sentence, as the article
// writes it elsewhere: Protesters chanted "…" is the protesters'.
func commonNoun(speaker string, lowers map[string]bool) string {
	if speaker == "" || strings.Contains(speaker, " ") {
		return speaker
	}
	l := strings.ToLower(speaker)
	if l == speaker || !lowers[l] || partyWords[l] || demonymWords[l] || demonyms[l] != "" {
		return speaker
	}
	if personNouns[l] || personNouns[strings.TrimSuffix(l, "s")] || bodies(l) || l == "people" || l == "police" {
		return l
	}
	return speaker
}

// nonSpeakerLabels open lines in capitals and are no one: VIDEO:, UPDATE:.
var nonSpeakerLabels = set(`video audio update updated note editor q a crosstalk laughter applause breaking watch read
related photo photos source sources correction clarification unidentified announcer male female voice transcript
end begin clip live background context editors disclaimer warning`)

// labelCount returns how many quotations open with the label in capitals
// and a colon.
func (x *extractor) labelCount(label string) int {
	if x.labels == nil {
		x.labels = make(map[string]int)
		for _, s := range x.spans {
			q := x.text[s.start:s.end]
			if c := strings.IndexByte(q, ':'); c > 1 && c <= 32 && strings.ToUpper(q[:c]) == q[:c] {
				x.labels[q[:c]]++
			}
		}
	}
	return x.labels[label]
}

// isCue reports whether the word at k is a reporting verb, and how many
// tokens the cue spans ("according to" is two).
func isCue(toks []token, k int) (int, bool) {
	t := &toks[k]
	if t.kind != tWord {
		return 0, false
	}
	if t.low == "according" && k+1 < len(toks) && toks[k+1].low == "to" {
		return 2, true // According to the Daily Caller, "…" (testdata/cues.txt)
	}
	if k+1 < len(toks) && toks[k+1].kind == tWord && (toks[k+1].low == "out" && pointVerbs[t.low] || toks[k+1].low == "on" && goVerbs[t.low] && clauseEnds(toks, k+2)) {
		return 2, true // as The Hill pointed out, "…"; "…," Trump went on (testdata/cues.txt)
	}
	if t.text != t.low {
		// Only an inverted cue opens a sentence capitalised: Said Poynter,
		// "…"; Stated Stone: "…". After an apposition's comma a capital is a
		// slip: Murphy, the head of the PAC, Tweeted …
		first := k == 0 || toks[k-1].sent != t.sent || toks[k-1].kind == tPara
		next := k+1 < len(toks) && (toks[k+1].capital() || determiners[toks[k+1].low])
		slip := k > 0 && toks[k-1].punct(',') && strings.HasSuffix(t.low, "ed")
		past := strings.HasSuffix(t.low, "ed") || irregularPast[t.low] || t.low == "said" || t.low == "says" // not Echo Point, a name (testdata/cues.txt)
		return 1, (first && next || slip) && cueVerbs[t.low] && !isParticiple(t.low) && past
	}
	if t.low == "shot" && k+1 < len(toks) && toks[k+1].low == "back" {
		return 2, true
	}
	if t.low == "read" && k > 0 && (toks[k-1].kind == tQuote && endsWithComma(toks[k-1].text) || toks[k-1].punct(',')) &&
		k+2 < len(toks) && determiners[toks[k+1].low] && (sourceNouns[toks[k+2].low] || k+3 < len(toks) && sourceNouns[toks[k+3].low]) {
		return 1, true // "…," read the statement (testdata/cues.txt)
	}
	if (t.low == "states" || t.low == "state") && k > 0 && toks[k-1].kind == tWord && toks[k-1].text == toks[k-1].low && speakerNoun(toks[k-1].low) &&
		k+1 < len(toks) && (toks[k+1].punct('.') || toks[k+1].punct(',') || toks[k+1].is("in", "that")) {
		return 1, true // "…," a voice-over in the ad states (testdata/cues.txt)
	}
	if t.low == "state" && k > 2 && toks[k-1].kind == tWord && toks[k-1].capital() && strings.HasSuffix(toks[k-1].low, "s") &&
		toks[k-2].low == "the" && toks[k-3].kind == tQuote && endsWithComma(toks[k-3].text) &&
		k+1 < len(toks) && (toks[k+1].punct('.') || toks[k+1].is("in")) {
		return 1, true // "…," the Veldans state. (testdata/cues.txt)
	}
	if t.low == "state" && k > 1 && toks[k-1].low == "to" && (toks[k-2].kind == tWord || toks[k-2].punct(',')) {
		return 1, true // prompted Velez (, who …,) to state, "…" (testdata/subjects.txt)
	}
	if (t.low == "brand" || t.low == "brands") && k+1 < len(toks) && toks[k+1].kind != tWord && toks[k+1].kind != tQuote {
		return 1, false // a noun: the Ivanka Trump brand - a business pitched as "…"
	}
	if (t.low == "began" || t.low == "begins") && k+1 < len(toks) && toks[k+1].is("to", "with", "a", "an", "the", "his", "her", "their", "its") &&
		!(k > 0 && toks[k-1].kind == tQuote && endsWithComma(toks[k-1].text)) { // but "…," begins a scripted message
		return 1, false // The bias begins to show; began a speech (testdata/cues.txt)
	}
	if t.low == "read" && k > 0 && (toks[k-1].is("it", "one", "another") || signNouns[toks[k-1].low]) {
		return 1, true // "…," it read (testdata/partial.txt)
	}
	if chantNouns[t.low] && k > 0 && (toks[k-1].is("with", "of", "amid", "by") || determiners[toks[k-1].low] || possessivePronouns[toks[k-1].low]) {
		return 1, false // a noun: greeted with chants of "…" (testdata/partial.txt)
	}
	if t.low == "warning" && k > 0 && (determiners[toks[k-1].low] || possessivePronouns[toks[k-1].low] ||
		k > 1 && toks[k-1].kind == tWord && toks[k-1].text == toks[k-1].low && (determiners[toks[k-2].low] || possessivePronouns[toks[k-2].low])) {
		return 1, false // a noun: a weather warning, his stern warning (testdata/pronoun.txt)
	}
	if t.low == "written" && k > 0 && toks[k-1].is("has", "had", "have") {
		return 1, true // as Lena Park had written, "…" (testdata/cues.txt)
	}
	if (t.low == "put" || t.low == "puts") && k+1 < len(toks) && toks[k+1].low == "it" {
		return 2, true // as Amar put it, "…"
	}
	if isParticiple(t.low) && k+1 < len(toks) && toks[k+1].is("can", "could", "will", "would", "should", "may", "might", "must", "is", "was", "has", "had") {
		return 1, false // a noun: Good reporting can still win out (testdata/continuation.txt)
	}
	return 1, cueVerbs[t.low]
}

// inOpeningClause reports whether the quotation at token k, ending in a
// comma, closes a clause that opens its sentence with "when", "as", "even
// as" and the like and that quotes it after a cue and "that": the words are
// that cue's, and the clause after the comma is the main one, no cue of
// theirs. Just as Holt assured the judges that "…," her rival Marsh
// announced … is Holt's (testdata/subjects.txt).
func (x *extractor) inOpeningClause(k int) bool {
	toks := x.toks
	if k < 3 || !endsWithComma(toks[k].text) || toks[k-1].low != "that" {
		return false
	}
	i := x.sentFirst[toks[k].sent]
	for i < k && toks[i].is("but", "and", "yet", "even", "just") {
		i++
	}
	if i >= k || !toks[i].is("when", "as", "while", "after", "although", "though", "because", "since", "once", "if") {
		return false
	}
	for v := k - 2; v > i && k-v <= 6; v-- {
		if toks[v].kind != tWord {
			return false
		}
		if n, ok := isCue(toks, v); ok && v+n <= k-1 && !isParticiple(toks[v].low) {
			return true
		}
	}
	return false
}

// clauseEnds reports whether nothing but punctuation, a quotation or "to"
// and a verb follows at i: "went on," but not "goes on recess" (testdata/cues.txt).
func clauseEnds(toks []token, i int) bool {
	return i >= len(toks) || toks[i].kind != tWord || toks[i].low == "to" || // goes on to slam …
		toks[i].low == "about" && i+1 < len(toks) && toks[i+1].kind == tQuote // went on about "…" (testdata/cues.txt)
}

// cueSubjects returns the last words of the proper nouns that stand as the
// subject of a reporting verb anywhere in the text: they are people or
// organisations even when no word list knows them.
func cueSubjects(toks []token) map[string]bool {
	m := make(map[string]bool)
	for k := range toks {
		if _, ok := isCue(toks, k); !ok {
			continue
		}
		s := k - 1
		if s > 0 && toks[s].kind == tWord && toks[s].text == toks[s].low && lyAdverb(toks[s].low) {
			s-- // Cruz openly admitted (testdata/antecedents.txt)
		}
		if s >= 0 && toks[s].capital() && !sentenceWords[toks[s].low] && !dayWords[toks[s].low] && !months[toks[s].low] {
			m[strings.ToLower(stripPossessive(toks[s].text))] = true
		}
		if k > 0 && (toks[k-1].punct(',') || toks[k-1].kind == tQuote) {
			// Inverted: "…," said Haines, 44. (testdata/antecedents.txt)
			j := k + 1
			for j < len(toks) && j-k <= 4 && toks[j].capital() {
				j++
			}
			if j > k+1 && (j >= len(toks) || toks[j].kind != tWord) && !sentenceWords[toks[j-1].low] && !dayWords[toks[j-1].low] {
				m[strings.ToLower(stripPossessive(toks[j-1].text))] = true
			}
		}
	}
	return m
}

// afterCue finds a cue that follows the quotation at token k: "…," he said;
// "…," said Peskov; "…," the White House said in a statement
// (testdata/cues.txt).
func (x *extractor) afterCue(k int) (attribution, bool) {
	toks := x.toks
	s := x.spans[toks[k].q]
	last := lastRune(x.text[s.start:s.end])
	if a, ok := x.dashSignature(k); ok {
		return a, true
	}
	if x.inOpeningClause(k) {
		return attribution{}, false
	}
	j := k + 1
	opens := k == 0 || toks[k-1].kind == tPara || toks[k-1].sent != toks[k].sent
	if j < len(toks) && (toks[j].punct(',') || toks[j].punct('—') || toks[j].punct('–')) {
		j++
	} else if last != ',' && last != '?' && last != '!' && last != '.' && last != '—' && last != '-' && last != '…' && !opens {
		// Words that run on into the sentence ("natural" for countries)
		// take their cue from before them.
		return attribution{}, false
	}
	if (last == '?' || last == '!' || last == '.') && j < len(toks) && toks[j].kind == tWord && toks[j].text != toks[j].low &&
		(determiners[toks[j].low] || possessivePronouns[toks[j].low]) {
		// A question or an exclamation ends its sentence when a
		// determiner opens the next: Ruiz answered: "Why now?" Her
		// critics cited it … names Ruiz (testdata/colon.txt).
		return attribution{}, false
	}
	if !opens && j < len(toks) && toks[j].is("and", "but", "while", "whereas") {
		// A new clause with its own subject and verb: Maher dismissed the
		// plan as "a joke," and the council later called it "…"
		// (testdata/subjects.txt).
		return attribution{}, false
	}
	hi := j
	depth := 0 // inside parentheses a period ends nothing: Marco Rubio (R-Fla.) said
	for hi < len(toks) && hi-j < maxWindow {
		t := &toks[hi]
		switch {
		case t.punct('('):
			depth++
		case t.punct(')'):
			depth--
		}
		if t.kind == tQuote && !x.skip[t.q] || t.kind == tPara || depth <= 0 && (t.punct('.') || t.punct('?') || t.punct('!') || t.punct(';') || t.punct(':')) {
			break
		}
		hi++
	}
	if a, ok := x.unknownVerbCue(k, j, hi, last); ok {
		return a, true
	}
	if a, ok := x.nameThenCue(j, hi); ok && last == ',' {
		return a, true
	}
	clauseEnd := j // a relative clause after the words: "…" that would answer the request, Ada Vale wrote
	if opens && j < hi && toks[j].is("that", "which") {
		for clauseEnd < hi && !toks[clauseEnd].punct(',') {
			clauseEnd++
		}
		if clauseEnd == hi {
			clauseEnd = j
		}
	}
	for v := j; v < hi; v++ {
		n, ok := isCue(toks, v)
		if !ok || v < clauseEnd {
			continue
		}
		if last == '.' && (hi-j > 8 || hi < len(toks) && !toks[hi].punct('.') || x.clauseAfterCue(v+n, hi) || cueBefore(toks, k)) {
			// "…." Trump said. — only a short clause that ends there, not
			// one whose cue reports words of its own: "…." Kettering said
			// she would ignore him (testdata/cues.txt); nor after a
			// quotation whose own sentence has its cue: Consumer groups
			// called the fine "…." Jorge Paz agreed.
			return attribution{}, false
		}
		if (last == '?' || last == '!') && toks[j].text != toks[j].low && pronouns[toks[j].low] && toks[j].low != "i" && hi-(v+n) > 2 {
			// A capitalised pronoun after a question or an exclamation
			// opens a new sentence when its clause runs on: "…!" She
			// replied to him that it was … (testdata/split.txt).
			return attribution{}, false
		}
		if (last == '?' || last == '!' || last == '.') && x.cueOpensQuote(v+n, hi) {
			// The cue introduces the next quotation, not this one, which
			// ended its sentence: Ruiz responds to Mills with, "Why
			// now?" Mills then writes back, "…" (testdata/split.txt).
			return attribution{}, false
		}
		if v > j && toks[v-1].is("was", "were", "is", "are", "been") && !isParticiple(toks[v].low) {
			// Passive, its agent after "by": "tax reform" was uttered
			// once, by Mr. Reyes (testdata/cues.txt).
			for b := v + n; b+1 < hi && b-v <= 4; b++ {
				if toks[b].low == "by" {
					if subj := forwardNP(toks, b+1, hi); subj.kind == npProper || subj.kind == npNominal && speakerNoun(subj.headWord()) {
						return x.resolve(subj, toks[v:v+n])
					}
					break
				}
			}
			return attribution{}, false
		}
		var subj np
		if x.onlySkippable(j, v) {
			if isParticiple(toks[v].low) && toks[v].low != "according" {
				// "…," adding that …: no speaker after it; but "…,"
				// according to CNN (testdata/cues.txt).
				return attribution{}, false
			}
			if !opens && toks[k-1].kind == tWord && isParticiple(toks[k-1].low) && toks[k-1].sent == toks[k].sent {
				// The quotation sits in a participle's phrase after the
				// subject: Mr. Manafort, citing “…,” said the candidate
				// could … (testdata/partial.txt).
				lo := x.sentFirst[toks[k].sent]
				if a, ok := x.sentenceSubject(lo, k-1, true); ok {
					a.cue = toks[v].text
					return a, true
				}
			}
			subj = forwardNP(toks, v+n, hi)
			if namingVerbs[toks[v].low] && subj.kind != npNone && subj.hi < hi && toks[subj.hi].low == "as" {
				// Not inverted: "…," described the loss as "…" names
				// what it describes, not a speaker (testdata/cues.txt).
				return attribution{}, false
			}
		} else {
			subj = backwardNP(toks, v, j)
			// "…" that would answer the request, counsel Ada Vale wrote:
			// the words and a relative clause of them, then the cue
			// (testdata/cues.txt).
			c := subj.lo - 1
			for c > j && subj.lo-c <= 3 && toks[c].kind == tWord && toks[c].text == toks[c].low {
				c-- // harbour counsel Ada Vale
			}
			relative := opens && toks[j].is("that", "which") && c > j && c == clauseEnd
			if subj.kind != npNone && subj.lo > j && !x.onlySkippable(j, subj.lo) && !x.premodifiers(j, subj.lo) && !relative &&
				!(toks[j].low == "as" && subj.lo == j+1) { // "…," as Cruz said on Monday (testdata/cues.txt)
				return attribution{}, false
			}
		}
		if subj.kind == npNone {
			return attribution{}, false
		}
		return x.resolve(subj, toks[v:v+n])
	}
	return attribution{}, false
}

// nameThenCue reads a name right after a quotation's comma and a cue after
// its apposition, however many commas the apposition holds: "…," Anne
// Rich, assistant secretary for population, refugees, and migration, said
// (testdata/roles.txt).
func (x *extractor) nameThenCue(j, hi int) (attribution, bool) {
	toks := x.toks
	if j >= hi || !nameAt(toks, j) {
		return attribution{}, false
	}
	name := forwardNP(toks, j, hi)
	if name.kind != npProper || name.hi >= hi || !toks[name.hi].punct(',') {
		return attribution{}, false
	}
	for v := name.hi + 1; v < hi; v++ {
		t := &toks[v]
		if t.kind != tWord && !t.punct(',') {
			return attribution{}, false
		}
		if n, ok := isCue(toks, v); ok {
			if !toks[v-1].punct(',') || isParticiple(t.low) || t.low == "according" {
				return attribution{}, false
			}
			a, ok := x.resolve(name, toks[v:v+n])
			var b strings.Builder
			for _, t := range toks[name.hi+1 : max(v-1, name.hi+1)] {
				if b.Len() > 0 && t.kind == tWord {
					b.WriteByte(' ')
				}
				b.WriteString(t.text)
			}
			if whole := strings.TrimPrefix(b.String(), "the "); ok && a.role != "" && strings.HasPrefix(whole, a.role) &&
				(strings.Contains(whole[len(a.role):], ", and ") || strings.Contains(whole[len(a.role):], ", or ")) {
				a.role = whole // the whole list: for ports, ferries, and harbours
			}
			return a, ok
		}
	}
	return attribution{}, false
}

// clauseAfterCue reports whether the tokens in [i, hi) after a cue verb
// report what was said: "said she would …", "said that …".
func (x *extractor) clauseAfterCue(i, hi int) bool {
	toks := x.toks
	if i >= hi || toks[i].kind != tWord {
		return false
	}
	return toks[i].low == "that" || pronouns[toks[i].low] && toks[i].low != "who" && i+1 < hi && toks[i+1].kind == tWord
}

// cueOpensQuote reports whether a cue ending at token e is followed, after
// "back" or "out" and a comma or a colon, by a quotation: the cue's own.
func (x *extractor) cueOpensQuote(e, hi int) bool {
	toks := x.toks
	for e < hi && toks[e].kind == tWord && toks[e].is("back", "out", "in", "up") {
		e++
	}
	return e+1 < len(toks) && e == hi && (toks[e].punct(',') || toks[e].punct(':')) && toks[e+1].kind == tQuote ||
		e+1 < len(toks) && e < hi && (toks[e].punct(',') || toks[e].punct(':')) && toks[e+1].kind == tQuote
}

// dashSignature reads a quotation signed after a dash, as collections of
// reactions and epigraphs are: “I'm so ashamed.” ― Jacklyn Ashley
// (testdata/cues.txt). The name must end the paragraph.
func (x *extractor) dashSignature(k int) (attribution, bool) {
	toks := x.toks
	j := k + 1
	paras := 0
	for j < len(toks) && toks[j].kind == tPara && paras < 2 {
		j++ // or on a line of its own: "…" / -Michelle Marks, Philadelphia
		paras++
	}
	whole := x.opensParagraph(k) // "…" — Name, on a line of its own, a bullet before it or not
	if j >= len(toks) || !(toks[j].punct('―') || toks[j].punct('—') || toks[j].punct('–') || (paras > 0 || whole) && toks[j].punct('-')) {
		return attribution{}, false
	}
	if paras > 0 && k > 0 && toks[k-1].kind != tPara && !(toks[k-1].kind == tQuote && toks[k-1].sent != toks[k].sent) {
		// A signature on a line of its own signs a quotation that is its
		// whole paragraph; after words quoted at the end of a sentence, "-
		// Reuters." credits the story (testdata/cues.txt).
		return attribution{}, false
	}
	e := j + 1
	for e < len(toks) && toks[e].capital() && e-j <= 5 {
		e++
	}
	if e == j+1 {
		return attribution{}, false
	}
	end := e
	if end < len(toks) && toks[end].punct('.') {
		end++
	}
	if (paras > 0 || whole) && end < len(toks) && toks[end].punct(',') {
		// "-Michelle Marks, Philadelphia"; "…" — Tom Reyes, lawyer for
		// the defendant: the name's line may go on (testdata/cues.txt).
		for end < len(toks) && toks[end].kind != tPara && end-e < 16 {
			end++
		}
	}
	if end < len(toks) && toks[end].kind != tPara {
		return attribution{}, false
	}
	n := np{kind: npProper, lo: j + 1, hi: e}
	for _, t := range toks[j+1 : e] {
		n.words = append(n.words, t.text)
	}
	if e < end && toks[e].punct(',') {
		n.role = appositionRole(toks[e+1 : end])
	}
	a, ok := x.resolve(n, nil)
	return a, ok
}

// opensParagraph reports whether the quotation at token k opens its
// paragraph, after a bullet or not: • "…" — Name.
func (x *extractor) opensParagraph(k int) bool {
	toks := x.toks
	b := k
	if b > 0 && toks[b-1].kind == tPunct && (toks[b-1].text == "•" || toks[b-1].text == "-" || toks[b-1].text == "*" || toks[b-1].text == "·") {
		b--
	}
	return b == 0 || toks[b-1].kind == tPara
}

// unknownVerbCue reads "…," he surmised. — a name or a pronoun and one verb
// the word lists do not know, closing the sentence right after a quotation
// that ends with a comma, a question or an exclamation (testdata/cues.txt).
func (x *extractor) unknownVerbCue(k, j, hi int, last rune) (attribution, bool) {
	toks := x.toks
	if last != ',' && last != '?' && last != '!' || hi >= len(toks) || hi-j < 2 {
		return attribution{}, false
	}
	if v := j; pastTense(&toks[v]) && (!toks[hi].punct('.') || hi-j > 8) {
		// A longer sentence when a name and its comma follow the verb:
		// “This is fantastic!” beamed Don Hartley of Dayton, Ohio, who …
		// (testdata/cues.txt).
		if _, ok := isCue(toks, v); !ok {
			if subj := forwardNP(toks, v+1, hi); subj.kind == npProper && subj.hi < hi && toks[subj.hi].punct(',') {
				return x.resolve(subj, toks[v:v+1])
			}
		}
		return attribution{}, false
	}
	if !toks[hi].punct('.') || hi-j > 8 {
		// A speaker and a verb the lexicon lacks, then the sentence goes
		// on: "…," the trust's director riffed on Hale's answer, drawing
		// applause (testdata/cues.txt).
		// The quotation opens its sentence: after "Although Hale praised
		// it as "…,"" the main clause has its own subject.
		subj := forwardNP(toks, j, hi)
		if v := subj.hi; x.sentFirst[toks[k].sent] == k && v < hi && pastTense(&toks[v]) && (subj.kind == npProper || subj.kind == npNominal && subj.det != "" && speakerNoun(subj.headWord())) {
			if _, ok := isCue(toks, v); !ok {
				return x.resolve(subj, toks[v:v+1])
			}
		}
		return attribution{}, false
	}
	if copulas[toks[j].low] {
		// The quoted words are the subject of a verb of being, spoken of:
		// "…," became a common phrase (testdata/cues.txt).
		return attribution{}, false
	}
	if v := j; pastTense(&toks[v]) {
		// Inverted: “This is fantastic!” beamed Donald Hartley.
		if _, ok := isCue(toks, v); !ok {
			if subj := forwardNP(toks, v+1, hi); subj.kind != npNone && (subj.kind == npProper || subj.kind == npNominal) {
				return x.resolve(subj, toks[v:v+1])
			}
		}
		return attribution{}, false
	}
	v := hi - 1
	if !pastTense(&toks[v]) {
		return attribution{}, false
	}
	if _, ok := isCue(toks, v); ok {
		return attribution{}, false // the lexicon's own path reads it
	}
	subj := backwardNP(toks, v, j)
	if subj.kind == npNone || subj.lo != j && !x.premodifiers(j, subj.lo) {
		return attribution{}, false // but "…," an angry Hollande retaliated (testdata/cues.txt)
	}
	return x.resolve(subj, toks[v:v+1])
}

// pastTense reports whether t looks like a verb in the past tense.
func pastTense(t *token) bool {
	return t.kind == tWord && t.text == t.low && !npStop[t.low] && (strings.HasSuffix(t.low, "ed") || irregularPast[t.low])
}

// onlySkippable reports whether the tokens in [a, b) are only words that may
// stand between a quotation and an inverted cue. A capitalised word is a
// name, not an adverb: "…," Will wrote (testdata/names.txt).
func (x *extractor) onlySkippable(a, b int) bool {
	for i := a; i < b; i++ {
		t := &x.toks[i]
		if t.kind == tWord && t.text == t.low && (adverbs[t.low] || t.low == "and") {
			continue
		}
		return false
	}
	return true
}

// premodifiers reports whether the tokens in [a, b) are words that stand
// before a speaker's title and name as part of the same noun phrase, which
// the name's own phrase leaves out: "…," election law expert Rick Hasen
// tweeted; "…," Fight for $15 organizing director Kendall Fells told
// (testdata/subjects.txt).
func (x *extractor) premodifiers(a, b int) bool {
	if b-a > 6 {
		return false
	}
	for i := a; i < b; i++ {
		t := &x.toks[i]
		switch {
		case t.punct('$'):
		case t.kind != tWord || cueVerbs[t.low] || pronouns[t.low] || contraction(t.low):
			return false
		case npStop[t.low]:
			if !(t.is("of", "for") && i > a && x.toks[i-1].capital()) {
				return false
			}
		}
	}
	return true
}

// beforeCue finds a cue before the quotation at token k in its sentence:
// Peskov said: "…"; adding that Moscow "…"; according to X, "…"; "I think,"
// Diaz said, "that …" (testdata/cues.txt, testdata/partial.txt,
// testdata/split.txt).
func (x *extractor) beforeCue(k int) (attribution, bool) {
	toks := x.toks
	lo := k
	for lo > 0 && k-lo < maxWindow && toks[lo-1].sent == toks[k].sent && toks[lo-1].kind != tPara &&
		(toks[lo-1].kind != tQuote || x.skip[toks[lo-1].q]) {
		lo--
	}
	// A label is nearer than any cue before it: Pollsters agree - Carl
	// Bialik: "…" (testdata/colon.txt).
	if a, ok := firstOf(lo, k, x.labelBefore, x.inWords, x.ownedAnswer, x.subjectless); ok {
		return a, true
	}
	if a, ok := x.claimOwner(lo, k); ok {
		a.owned = true
		return a, true
	}
	if a, ok := firstOf(lo, k, x.characterised, x.beforeCueIn); ok {
		return a, true
	}
	for v := lo; v < k && v-lo < 3; v++ {
		if isParticiple(toks[v].low) && (cueVerbs[toks[v].low] || v > lo && toks[v-1].is("after", "before", "while", "since", "by", "in", "upon")) && x.opensSentence(v) {
			if a, ok := x.mainSubjectAfter(k); ok {
				// In declaring the budget "…," the councillor …; or a
				// phrase of the subject's doing, no cue: After spending
				// the week bickering over whether the other is "…," Velez
				// … (testdata/openers.txt).
				a.cue = ""
				if cueVerbs[toks[v].low] {
					a.cue = toks[v].text
				}
				return a, true
			}
		}
	}
	if a, ok := x.finalCue(k); ok {
		return a, true
	}
	if a, ok := x.cueClauseAfter(k); ok {
		return a, true
	}
	if a, ok := x.asDescribedBy(k); ok {
		return a, true
	}
	// No cue word: the words belong to the subject of their sentence, when
	// they stand after it ("Trump identified the judge as “Spanish”",
	// testdata/partial.txt) or after a colon ("Cruz continued:",
	// testdata/colon.txt).
	if a, ok := firstOf(lo, k, x.agentAs, x.ownedRemark, x.ownedSpeechAct); ok {
		return a, true
	}
	if a, ok := x.afterAside(k); ok {
		return a, true
	}
	if k > lo {
		if a, ok := x.samePredicate(lo, k); ok {
			return a, true
		}
		if p := &toks[max(lo-1, 0)]; lo > 0 && p.kind == tQuote && p.sent == toks[k].sent && x.found[p.q] && !x.attrs[p.q].owned &&
			(x.attrs[p.q].cue != "" || !x.subjectBetween(lo, k) || x.mainCueBefore(p.q)) &&
			(!endsWithComma(p.text) || x.mainCueBefore(p.q)) && !namedTitle(x.text[x.spans[toks[k].q].start:x.spans[toks[k].q].end]) {
			// Words quoted later in a report run on with its speaker, not
			// with the subject of their clause: Brooks stated that the
			// debate was a “…” and the candidate “did well”
			// (testdata/continuation.txt). So after words ending in a
			// comma, when the report's cue stands before them in a main
			// clause: Holm said the ferry has been "…," and Islanders
			// would have to "…" (testdata/continuation.txt).
			return attribution{speaker: x.attrs[p.q].speaker, role: x.attrs[p.q].role}, true
		}
		if a, ok := firstOf(lo, k, x.labelBefore, x.mannerVerbBefore, x.withSubject, x.whileSubject); ok {
			return a, true
		}
		if a, ok := x.relativeSubject(lo, k); ok {
			return a, true
		}
		if a, ok := x.inWhichPronoun(lo, k); ok {
			return a, true
		}
		if c := x.innerClause(lo, k); c > lo && !titleCase(x.text[x.spans[toks[k].q].start:x.spans[toks[k].q].end]) {
			// The subject of the clause the quotation stands in: a
			// controversy in June when Hale assailed a judge for her "…"
			// (testdata/subjects.txt).
			if subj := forwardNP(toks, c+1, k); subj.kind == npProper {
				return x.resolve(subj, nil)
			}
		}
		if a, ok := x.sentenceSubject(lo, k, false); ok {
			return a, true
		}
		if a, ok := x.nameBeforeColon(lo, k); ok {
			return a, true
		}
		if a, ok := x.afterDash(lo, k); ok {
			return a, true
		}
		return x.verbSubject(lo, k)
	}
	if colon := x.colonBefore(k); colon >= 0 {
		lo := colon
		for lo > 0 && colon-lo < maxWindow && toks[lo-1].sent == toks[colon].sent && toks[lo-1].kind != tPara && toks[lo-1].kind != tQuote {
			lo--
		}
		if a, ok := x.beforeCueIn(lo, colon); ok {
			return a, true
		}
		if x.textLabel(lo, colon) {
			// Transcript as follows: the remarks of whom the article was
			// just quoting, not of a "Transcript" (testdata/colon.txt).
			return x.lastSpeakerBefore(lo)
		}
		return x.sentenceSubject(lo, colon, true)
	}
	return attribution{}, false
}

// subjectBetween reports whether a person or a body stands as a subject
// between tokens lo and k: Velez backs "…" and Councillor Hal Maher
// opposes "…" (testdata/continuation.txt).
func (x *extractor) subjectBetween(lo, k int) bool {
	e := x.ents
	for m := e.before(x.toks[lo].start); m < len(e.mentions) && e.mentions[m].pos < x.toks[k].start; m++ {
		mm := &e.mentions[m]
		if !mm.person && !mm.org {
			continue
		}
		i := sort.Search(len(x.toks), func(i int) bool { return x.toks[i].start >= mm.pos })
		for i < k && x.toks[i].capital() {
			i++
		}
		if mm.subject || i < k && (verbFollows(x.toks, i) || presentTense(&x.toks[i])) {
			return true
		}
	}
	return false
}

// samePredicate reads words quoted after a verb that shares the subject of
// the words quoted before it: Velez supports "…," opposes "…" and …; Velez
// backs "…" and opposes "…" (testdata/continuation.txt).
func (x *extractor) samePredicate(lo, k int) (attribution, bool) {
	toks := x.toks
	if lo == 0 || lo >= k {
		return attribution{}, false
	}
	p := &toks[lo-1]
	if p.kind != tQuote || p.sent != toks[k].sent || !x.found[p.q] || x.attrs[p.q].owned {
		return attribution{}, false
	}
	v := lo
	if toks[v].low == "and" {
		v++
	} else if !endsWithComma(p.text) {
		return attribution{}, false
	}
	if v >= k || !presentTense(&toks[v]) && !pastTense(&toks[v]) || cueVerbs[toks[v].low] {
		return attribution{}, false
	}
	for j := v + 1; j < k; j++ {
		if toks[j].kind != tWord || toks[j].capital() {
			return attribution{}, false // a new subject, or a name the verb is about
		}
	}
	a := x.attrs[p.q]
	return attribution{speaker: a.speaker, role: a.role, cue: a.cue}, true
}

// firstOf returns the first attribution that one of rules, tried in
// order, finds for the quotation at token k in the sentence from lo.
func firstOf(lo, k int, rules ...func(lo, k int) (attribution, bool)) (attribution, bool) {
	for _, rule := range rules {
		if a, ok := rule(lo, k); ok {
			return a, true
		}
	}
	return attribution{}, false
}

// agentAs reads the agent of a passive naming verb that names with "as":
// what came to be known by the crews as the "…" gives the words to the
// crews, not to the sentence's subject (testdata/cues.txt).
func (x *extractor) agentAs(lo, k int) (attribution, bool) {
	toks := x.toks
	j := k - 1
	if j > lo && toks[j].kind == tWord && determiners[toks[j].low] {
		j--
	}
	if j <= lo || toks[j].low != "as" {
		return attribution{}, false
	}
	for b := j - 2; b > lo && j-b <= maxNP; b-- {
		if toks[b].kind != tWord {
			return attribution{}, false
		}
		if toks[b].low != "by" {
			continue
		}
		if !namingVerbs[toks[b-1].low] {
			return attribution{}, false
		}
		subj := forwardNP(toks, b+1, j)
		if subj.hi != j || subj.kind != npProper && !(subj.kind == npNominal && (speakerNoun(subj.headWord()) || partyWords[subj.headWord()])) {
			return attribution{}, false
		}
		return x.resolve(subj, toks[b-1:b])
	}
	return attribution{}, false
}

// afterAside reads words quoted in lower case right after a dash that
// closes an aside, which carry on the quotation before the aside: He said,
// "Kane will build the wall" - at which point the crowd chanted "Build it!"
// - "and restore order." is his (testdata/continuation.txt).
func (x *extractor) afterAside(k int) (attribution, bool) {
	toks := x.toks
	s := x.spans[toks[k].q]
	r, _ := utf8.DecodeRuneInString(x.text[s.start:s.end])
	if k < 3 || !isDash(&toks[k-1]) || !unicode.IsLower(r) {
		return attribution{}, false
	}
	for b := k - 2; b > 0 && k-b <= 30 && toks[b].kind != tPara; b-- {
		if isDash(&toks[b]) {
			if p := &toks[b-1]; p.kind == tQuote && x.found[p.q] {
				a := x.attrs[p.q]
				return attribution{speaker: a.speaker, role: a.role}, true
			}
			break
		}
	}
	return attribution{}, false
}

func isDash(t *token) bool { return t.punct('-') || t.punct('—') || t.punct('–') }

// ownedRemark reads words quoted between an owner and a noun for words
// said as the owner's: Mitt Romney's “47 percent” comment, Obama's “if you
// like your plan, you can keep it” promise (testdata/partial.txt).
// ownedSpeechAct gives words quoted right after a named owner's act of
// speech to the owner: Clinton's broadside against "…"; Reyes's lyrical
// rejection of "…"; as for Carson's mangling of "…" (testdata/owners.txt).
func (x *extractor) ownedSpeechAct(lo, k int) (attribution, bool) {
	toks := x.toks
	n := k - 1
	if n > lo && toks[n].is("of", "against", "on", "about") {
		n--
	}
	if n-1 < lo || toks[n].kind != tWord || !speechActNouns[toks[n].low] {
		return attribution{}, false
	}
	o := n - 1
	for o > lo && n-o <= 3 && toks[o].kind == tWord && toks[o].text == toks[o].low && !isPossessive(toks[o].text) && !npStop[toks[o].low] {
		o-- // lyrical, repeated
	}
	if !isPossessive(toks[o].text) || !toks[o].capital() {
		return attribution{}, false
	}
	subj := walkBack(toks, o, lo)
	if subj.kind != npProper {
		return attribution{}, false
	}
	subj.words = append(subj.words[:len(subj.words)-1:len(subj.words)-1], stripPossessive(subj.words[len(subj.words)-1]))
	return x.resolve(subj, nil)
}

func (x *extractor) ownedRemark(lo, k int) (attribution, bool) {
	toks := x.toks
	if k-1 < lo || k+1 >= len(toks) || !isPossessive(toks[k-1].text) || !toks[k-1].capital() || toks[k+1].kind != tWord ||
		!remarkNouns[toks[k+1].low] {
		return attribution{}, false
	}
	subj := walkBack(toks, k-1, lo)
	if subj.kind != npProper {
		return attribution{}, false
	}
	return x.resolve(subj, nil)
}

// beforeCueIn finds the last cue in tokens [lo, k) and its speaker.
func (x *extractor) beforeCueIn(lo, k int) (attribution, bool) {
	toks := x.toks
	if c := x.innerClause(lo, k); c > lo {
		// The quotation stands in a clause of its own, "when Hale
		// assailed a judge for her "…"": a cue before it is another
		// clause's (testdata/subjects.txt).
		lo = c
	}
	for v := k - 1; v >= lo; v-- {
		n, ok := isCue(toks, v)
		if !ok || v+n > k {
			continue
		}
		if a, ok := x.namedByAgent(v, n, k); ok {
			return a, true
		}
		if a, ok := x.causedSpeaker(v, lo); ok {
			a.cue = toks[v].text
			return a, true
		}
		if v-2 >= lo && toks[v-1].low == "who" && toks[v-2].is("anybody", "anyone", "everybody", "everyone", "somebody", "someone", "nobody", "whoever", "those") {
			// Anyone who complains …: no one in particular, and the cue
			// before it speaks (testdata/partial.txt).
			continue
		}
		if c := x.commaBetween(v, k); c > 0 && nameAt(toks, c+1) && toks[lo].is("when", "after", "before", "while", "because", "although", "though", "once", "since", "if") {
			// The cue opens a clause before the main one: When Trump
			// suggested that …, Rubio fired back: "…" (testdata/colon.txt).
			if a, ok := x.sentenceSubject(lo, k, true); ok {
				return a, true
			}
		}
		if toks[v].low == "according" {
			if v > lo && toks[v-1].low == "that" {
				if a, ok := x.outerReport(lo, v); ok {
					// Inside what someone said, the source they cite is
					// theirs: Htein said that according to its analysis,
					// the party won, but "…" (testdata/cues.txt).
					return a, true
				}
			}
			subj := forwardNP(toks, v+2, k)
			if subj.kind == npNone && v+2 < k && indefinites[toks[v+2].low] {
				// According to some on Twitter, Kelly was "…"
				// (testdata/nobody.txt).
				subj = np{kind: npNominal, lo: v + 2, hi: v + 3, words: []string{toks[v+2].low}}
				if e := v + 5; e < k && toks[e-2].is("on", "in") && toks[e-1].capital() && toks[e].punct(',') {
					subj.words = append(subj.words, toks[e-2].text, toks[e-1].text)
				}
			}
			if subj.kind == npNone {
				return attribution{}, false
			}
			return x.resolve(subj, toks[v:v+2])
		}
		if a, ok := x.quotedAs(v, lo); ok {
			return a, true
		}
		if a, ok := x.remarkMaker(v, lo); ok && isParticiple(toks[v].low) {
			a.cue = toks[v].text
			return a, true
		}
		if isParticiple(toks[v].low) && (v == lo || toks[v-1].punct(',') || toks[v-1].kind == tQuote && endsWithComma(toks[v-1].text) ||
			v > lo && toks[v-1].is("by", "before", "after", "while", "when") && v+n < len(toks) && (toks[v+n].kind == tQuote || toks[v+n].punct(',') || toks[v+n].punct(':') || toks[v+n].low == "that" || isDash(&toks[v+n])) || // punctuated his list by saying "…" (testdata/partial.txt); by asserting — in one sentence — that (testdata/subjects.txt)
			v-2 >= lo && adverbs[toks[v-1].low] && toks[v-2].punct(',')) ||
			v > lo && (toks[v-1].is("and", "but") || toks[v-1].low == "then" && (v-1 == lo || toks[v-2].kind != tWord || toks[v-2].is("and", "but"))) {
			// "…," he said, adding that …; Lazar said … and added, "…": the
			// verb's subject is the clause's (testdata/partial.txt); so after
			// a title that ends in the comma: thanked the authors of the
			// "Plan," calling it … (testdata/title.txt). But
			// Mills then writes back, "…" has its own (testdata/split.txt).
			if a, ok := x.clauseSubject(k, v, lo); ok {
				a.cue = toks[v].text
				return a, true
			}
			sl := lo
			if lo > 0 && toks[lo-1].kind == tQuote && toks[lo-1].sent == toks[v].sent && (!x.found[toks[lo-1].q] || x.attrs[toks[lo-1].q].owned) &&
				v-x.sentFirst[toks[v].sent] < 2*maxWindow {
				// Words quoted earlier in the sentence with no speaker
				// of their own do not open it: Grayson's spokeswoman
				// challenged the claim that he had "attacked" Clinton, and
				// said he "…" (testdata/partial.txt).
				sl = x.sentFirst[toks[v].sent]
			}
			if a, ok := x.sentenceSubject(sl, v, true); ok {
				a.cue = toks[v].text
				return a, true
			}
			if a, ok := x.nearestClauseSubject(lo, v); ok && toks[v-1].punct(',') {
				a.cue = toks[v].text
				return a, true
			}
			return attribution{}, false
		}
		if c := x.commaBetween(v, k); (listenerVerbs[toks[v].low] || toks[v].is("warned", "urged", "cautioned", "advised", "briefed")) && v > lo && toks[v-1].is("is", "are", "was", "were", "be", "been", "being") &&
			(v+n >= k || toks[v+n].low != "by") && (c < 0 || c == k-1) {
			// Passive with no agent: Trump was asked, "…" quotes someone
			// who goes unnamed, never Trump, and no other rule may name
			// him (testdata/cues.txt). But not when a clause of its own
			// stands between: When Hale was asked about it, his response …
			// (testdata/pronoun.txt).
			return attribution{}, true
		}
		if v+n+1 < k && toks[v+n].low == "by" && !(toks[v+n+1].text == toks[v+n+1].low && isParticiple(toks[v+n+1].low)) {
			// Not "interjected by hitting Trump": a gerund is the manner.
			// Passive: Sanders was asked by host Bill Maher, "…"
			if subj := forwardNP(toks, v+n+1, k); subj.kind != npNone {
				return x.resolve(subj, toks[v:v+n])
			}
		}
		if v == lo {
			// Inverted: Said Dorothy Poynter, "…"
			subj := forwardNP(toks, v+n, k)
			if subj.kind == npNone {
				return attribution{}, false
			}
			if namingVerbs[toks[v].low] && subj.hi < k && toks[subj.hi].low == "as" {
				// Not inverted after a quotation: "…," described the
				// loss as "…" (testdata/cues.txt).
				break
			}
			if x.describesSpeaker(subj.hi, k) {
				x.skip[toks[k].q] = true // and no quotation the next one carries on
				// The words stand in what the writer says of the speaker
				// named after the cue: "…," said Ana Voss, whose new book
				// profiles "restless" people (testdata/cues.txt).
				return attribution{}, true
			}
			return x.resolve(subj, toks[v:v+n])
		}
		if toks[v-1].punct(',') && !isParticiple(toks[v].low) && !listenerVerbs[toks[v].low] {
			// Inverted after an opening word: But, said Solovey, "…"; In
			// other words, explained the moderator: "…" (testdata/cues.txt).
			// Never after "told": Dever, who …, told POLITICO, "…" names
			// the listener (testdata/cues.txt).
			subj := forwardNP(toks, v+n, k)
			if (subj.kind == npProper || subj.kind == npNominal) && subj.hi < k && (toks[subj.hi].punct(',') || toks[subj.hi].punct(':')) {
				return x.resolve(subj, toks[v:v+n])
			}
		}
		if isParticiple(toks[v].low) {
			if a, ok := x.textOwner(v, lo, k); ok {
				a.cue = toks[v].text
				return a, true
			}
		}
		subj := backwardNP(toks, v, lo)
		if subj.kind != npNone && subj.hi == v && isPossessive(toks[v-1].text) && subj.lo > lo && (namingVerbs[toks[subj.lo-1].low] || judgingVerbs[toks[subj.lo-1].low]) {
			// The remarks are what a naming verb names, not a verb: Clara
			// Harlow called her brother's remarks "…" (testdata/owners.txt).
			continue
		}
		if subj.kind == npNominal && subj.hi == v && isPossessive(toks[v-1].text) && subj.det != "" {
			// The mayor's reply was short: "…": the owner's, not someone
			// called "mayor's" (testdata/colon.txt).
			subj.words = append(subj.words[:len(subj.words)-1:len(subj.words)-1], stripPossessive(subj.words[len(subj.words)-1]))
			return x.resolve(subj, toks[v:v+n])
		}
		if subj.kind == npProper && subj.hi == v && isPossessive(toks[v-1].text) {
			// An owner before the word makes it a noun: treating Mrs.
			// Clinton's remark as a compliment (testdata/cues.txt).
			continue
		}
		if subj.kind == npNone || subj.kind == npNominal && namingVerbs[toks[v].low] && !speakerNoun(subj.headWord()) && !partyWords[subj.headWord()] && !indefinites[subj.headWord()] {
			// But a party's member names too: what one Latino
			// conservative has dubbed "…" (testdata/cues.txt).
			return attribution{}, false
		}
		if isParticiple(toks[v].low) && subj.lo > lo {
			// "… emailed supporters saying": the noun is the verb's object,
			// and the speaker the sentence's subject; "with a spokesman
			// saying" keeps its noun.
			// So is a noun after a preposition: Thiel wrote in a statement to
			// Wired explaining … (testdata/partial.txt).
			if b := &toks[subj.lo-1]; b.kind == tWord && b.text == b.low && !b.is("with", "and", "as") && (!npStop[b.low] || prepositions[b.low]) {
				if a, ok := x.sentenceSubject(lo, v, true); ok {
					a.cue = toks[v].text
					return a, true
				}
			}
		}
		if a, ok := x.outerReport(lo, subj.lo); ok {
			return a, true
		}
		if a, ok := x.issuer(subj, lo, toks[v:v+n]); ok {
			return a, true
		}
		return x.resolve(subj, toks[v:v+n])
	}
	return attribution{}, false
}

// causedSpeaker reads the object of a verb that brings someone to speak
// as the cue's subject: a win that led her to declare that …; the record
// prompted Velez to state, "…" (testdata/subjects.txt).
func (x *extractor) causedSpeaker(v, lo int) (attribution, bool) {
	toks := x.toks
	if v-3 < lo || toks[v-1].low != "to" {
		return attribution{}, false
	}
	o := v - 2
	if subject := objectPronoun[toks[o].low]; subject != "" && toks[o].text == toks[o].low {
		if !causeVerbs[toks[o-1].low] {
			return attribution{}, false
		}
		// The pronoun is most often the subject of its own clause, even a
		// clause the sentence puts second: Reyes won, while Velez dealt a
		// blow … with a win that led her to declare.
		want := pronounGender(subject)
		e := x.ents
		for m := e.before(toks[o].start) - 1; m >= 0 && e.mentions[m].sent == toks[o].sent; m-- {
			mm := &e.mentions[m]
			i := sort.Search(len(toks), func(i int) bool { return toks[i].start >= mm.pos })
			if i > 0 && prepositions[toks[i-1].low] || mm.possessive || mm.place {
				continue // a blow to Ed Maher
			}
			if e.compatible(*mm, subject, want, toks[o].start) {
				if n := forwardNP(toks, i, o); n.kind == npProper {
					return x.resolve(n, nil)
				}
				break
			}
		}
		return x.resolve(np{kind: npPronoun, lo: o, hi: o + 1, words: []string{subject}}, nil)
	}
	e := v - 2
	if toks[e].punct(',') {
		// Past a relative clause: prompted the Atlas of Elections, which
		// examines counties, to state (testdata/subjects.txt).
		for w := e - 1; w > lo+1 && e-w <= maxAppo && toks[w].sent == toks[e].sent; w-- {
			if toks[w].is("which", "who") && toks[w-1].punct(',') {
				e = w - 2
				break
			}
		}
	}
	obj := walkBack(toks, e, lo)
	if obj.kind != npProper || obj.lo-1 < lo {
		return attribution{}, false
	}
	b := obj.lo - 1
	for l := obj.lo; l < obj.hi; l++ {
		if toks[l].is("like", "including") && l > lo {
			// leading advisers like Tom Reyes to counter that …: Reyes
			// speaks, one of the advisers the verb leads.
			b = l - 1
			for b > lo && l-b <= 4 && toks[b].kind == tWord && !causeVerbs[toks[b].low] {
				b-- // back over the description to its verb
			}
			obj = forwardNP(toks, l+1, v-1)
			if obj.kind != npProper {
				return attribution{}, false
			}
			break
		}
	}
	if b < lo || !causeVerbs[toks[b].low] {
		return attribution{}, false
	}
	return x.resolve(obj, nil)
}

// causeVerbs bring their object to do what follows: led her to declare.
var causeVerbs = set(`leading prompting forcing led prompted forced pushed pressed drove moved spurred compelled inspired caused leads prompts forces pushes drives moves spurs compels inspires causes lead prompt force push drive spur compel inspire`)

// objectPronoun is the subject pronoun of an object one.
var objectPronoun = map[string]string{"him": "he", "her": "she", "them": "they"}

// inWords reads a source named as the owner of the words right after it:
// in Velez's words, "…"; in the words of a senior adviser, "…"; in his own
// words: "…" (testdata/cues.txt).
func (x *extractor) inWords(lo, k int) (attribution, bool) {
	toks := x.toks
	e := k - 1 // the comma or colon that closes the phrase
	if e-3 < lo || !toks[e].punct(',') && !toks[e].punct(':') {
		return attribution{}, false
	}
	if toks[e-1].low == "words" {
		o := e - 2
		if toks[o].low == "own" {
			o--
		}
		if o-1 < lo || toks[o-1].low != "in" {
			return attribution{}, false
		}
		if p := toks[o].low; possessivePronouns[p] {
			subject := ownerPronoun[p]
			if subject == "" {
				return attribution{}, false
			}
			return x.resolve(np{kind: npPronoun, lo: o, hi: o + 1, words: []string{subject}}, toks[o-1:e])
		}
		if !isPossessive(toks[o].text) || !toks[o].capital() {
			return attribution{}, false
		}
		b := o
		for b-1 > lo && toks[b-1].capital() {
			b-- // in Ana Velez's words
		}
		owner := walkBack(toks, o, b)
		if owner.kind != npProper {
			return attribution{}, false
		}
		return x.resolve(owner, toks[o-1:e])
	}
	for i := e - 1; i-3 >= lo && e-i <= maxNP; i-- {
		if toks[i].low != "of" || toks[i-1].low != "words" || toks[i-2].low != "the" || toks[i-3].low != "in" {
			continue
		}
		n := forwardNP(toks, i+1, e+1)
		if n.kind == npNone || n.hi != e {
			return attribution{}, false
		}
		return x.resolve(n, toks[i-3:i+1])
	}
	return attribution{}, false
}

// asDescribedBy reads the agent of an aside after the quotation in its
// sentence, "as described by X", "as X put it" set off by dashes or commas:
// her "extremely careless" handling of the records – as described by Chief
// Ann Cole – … (testdata/cues.txt).
func (x *extractor) asDescribedBy(k int) (attribution, bool) {
	toks := x.toks
	for i := k + 1; i+3 < len(toks) && i-k <= 12 && toks[i].sent == toks[k].sent && toks[i].kind != tQuote; i++ {
		if !isDash(&toks[i]) && !toks[i].punct(',') || toks[i+1].low != "as" {
			continue
		}
		v := i + 2
		if !pastTense(&toks[v]) && !cueVerbs[toks[v].low] || v+2 >= len(toks) || toks[v+1].low != "by" {
			return attribution{}, false
		}
		hi := v + 2
		for hi < len(toks) && hi-v < maxNP+2 && toks[hi].kind == tWord {
			hi++
		}
		if hi >= len(toks) || !isDash(&toks[hi]) && !toks[hi].punct(',') && !toks[hi].punct('.') {
			return attribution{}, false
		}
		subj := forwardNP(toks, v+2, hi)
		if subj.kind != npProper && !(subj.kind == npNominal && speakerNoun(subj.headWord())) {
			return attribution{}, false
		}
		return x.resolve(subj, toks[i+1:v+2])
	}
	return attribution{}, false
}

// relativeSubject gives words quoted in a relative clause on a named person
// to that person: … softer than that of Tomas Fenn, who criticized the board
// for "…" (testdata/subjects.txt); or on a named body, with which: profiled
// in the Harbour Gazette, which ran an article calling him the "…"
// (testdata/organisation.txt).
func (x *extractor) relativeSubject(lo, k int) (attribution, bool) {
	toks := x.toks
	for c := k - 2; c > lo+1; c-- {
		t := &toks[c]
		which := t.low == "which" && toks[c-1].punct(',')
		if t.kind == tQuote && !x.skip[t.q] || t.punct(';') || t.punct(':') || t.punct('(') || isDash(t) || t.is("whom", "that") || t.low == "which" && !which {
			break // the words stand in a clause of their own: …, who signed the bill, which prompted his wife to …
		}
		if t.low != "who" && !which || !toks[c-1].punct(',') {
			continue
		}
		v := c + 1
		for v < k && v-c <= 4 && toks[v].kind == tWord && (adverbs[toks[v].low] || lyAdverb(toks[v].low) || toks[v].low == "on" || dayWords[toks[v].low]) {
			v++ // who on Friday criticized
		}
		if v >= k || !pastTense(&toks[v]) && !presentTense(&toks[v]) && !cueVerbs[toks[v].low] {
			return attribution{}, false
		}
		ant := walkBack(toks, c-2, lo)
		if ant.kind != npProper || which == x.personName(ant) {
			return attribution{}, false // who for a person, which for a body: the Daily Beast, which ran …
		}
		return x.resolve(ant, nil)
	}
	return attribution{}, false
}

// inWhichPronoun gives words quoted in a clause opened by a preposition and
// "which" with he or she as its subject to whom the pronoun stands for:
// followed by one in which he took credit for "…" (testdata/pronoun.txt).
func (x *extractor) inWhichPronoun(lo, k int) (attribution, bool) {
	toks := x.toks
	for c := k - 3; c > lo; c-- {
		if toks[c].kind == tQuote && !x.skip[toks[c].q] || toks[c].punct(';') || toks[c].punct(':') {
			break
		}
		if toks[c].low != "which" || !prepositions[toks[c-1].low] || !toks[c+1].is("he", "she") || toks[c+1].text != toks[c+1].low {
			continue
		}
		if v := &toks[c+2]; (pastTense(v) || presentTense(v)) && !x.clauseEndsBefore(c+2, k) {
			return x.resolve(np{kind: npPronoun, lo: c + 1, hi: c + 2, words: []string{toks[c+1].low}}, nil)
		}
		break
	}
	return attribution{}, false
}

// innerClause returns the index of "when", "after", "because" and the like
// (or "which" after a preposition: an interview in which Strand expressed
// confidence that …, testdata/subjects.txt) that opens, inside the sentence
// from lo, a clause holding the quotation at k with a name for its subject
// and a verb in the past or the present after it, and no comma that ends the
// clause before the quotation; or -1.
func (x *extractor) innerClause(lo, k int) int {
	toks := x.toks
	for c := k - 2; c > lo; c-- {
		if toks[c].kind != tWord || toks[c].text != toks[c].low || !toks[c].is("when", "after", "because", "while", "since", "before", "until", "whereas") &&
			!(toks[c].low == "which" && prepositions[toks[c-1].low]) {
			continue
		}
		subj := forwardNP(toks, c+1, k)
		if subj.kind != npProper || subj.hi >= k || isPossessive(toks[subj.hi-1].text) || x.clauseEndsBefore(subj.hi, k) {
			return -1 // a pronoun's clause is too often misread
		}
		if v := &toks[subj.hi]; pastTense(v) || presentTense(v) {
			return c
		}
		return -1
	}
	return -1
}

// afterDash gives words quoted after a dash to the subject of the clause
// the dash breaks off: When Reyes finally wrapped up — "…" — the balloons
// fell; Reyes spent the evening praising his club — "…"
// (testdata/partial.txt).
func (x *extractor) afterDash(lo, k int) (attribution, bool) {
	toks := x.toks
	if k-2 < lo || !isDash(&toks[k-1]) || titleCase(x.text[x.spans[toks[k].q].start:x.spans[toks[k].q].end]) {
		return attribution{}, false
	}
	if toks[lo].is("when", "as", "after", "while", "before", "once") {
		if subj := forwardNP(toks, lo+1, k-1); (subj.kind == npProper || subj.kind == npPronoun) && subj.hi < k-1 && (verbFollows(toks, subj.hi) || presentTense(&toks[subj.hi])) {
			return x.resolve(subj, nil)
		}
		return attribution{}, false
	}
	return x.sentenceSubject(lo, k-1, true)
}

// nameBeforeColon gives words quoted after a colon to the person named
// right before it, as the object of the sentence's verb, when the sentence's
// subject is no speaker: The timing doesn't surprise pollster Dara Shaw:
// "…" (testdata/colon.txt). Not after a preposition: he turned to Reyes: "…"
func (x *extractor) nameBeforeColon(lo, k int) (attribution, bool) {
	toks := x.toks
	if k-2 < lo || !toks[k-1].punct(':') {
		return attribution{}, false
	}
	n := walkBack(toks, k-2, lo)
	if n.kind != npProper || n.lo-1 < lo {
		return attribution{}, false
	}
	b := &toks[n.lo-1]
	if b.kind != tWord || b.text != b.low || prepositions[b.low] || determiners[b.low] || npStop[b.low] && !b.is("surprise", "surprises", "surprised") {
		return attribution{}, false
	}
	m := x.ents.makeMention(append([]string(nil), n.words...), nil)
	if !m.person || m.org {
		return attribution{}, false
	}
	return x.resolve(n, nil)
}

// clauseEndsBefore reports whether a comma between tokens a and k ends the
// clause a stands in before the quotation at k: the quotation, a participle
// or a pronoun follows it, or a name and its verb. A name in commas is an
// apposition: a judge, Ana Cole, for her "…".
func (x *extractor) clauseEndsBefore(a, k int) bool {
	toks := x.toks
	for c := a; c < k; c++ {
		if !toks[c].punct(',') {
			continue
		}
		n := &toks[c+1]
		if c+1 == k || n.kind == tWord && n.text == n.low && (isParticiple(n.low) || pronouns[n.low]) {
			return true
		}
		subj := forwardNP(toks, c+1, k)
		v := subj.hi
		if v < k && toks[v].punct('(') {
			for v < k && !toks[v].punct(')') {
				v++ // Gov. Pat McCrory (R) blamed …
			}
			v++
		}
		if subj.kind == npProper && v < k && (pastTense(&toks[v]) || presentTense(&toks[v]) || cueVerbs[toks[v].low]) {
			return true
		}
	}
	return false
}

// opensSentence reports whether the participle at token v opens its
// sentence, after at most a conjunction and a preposition: "Conceding
// that …", "And in explaining why …", "But while denouncing …".
func (x *extractor) opensSentence(v int) bool {
	toks := x.toks
	first := x.sentFirst[toks[v].sent]
	for first < v && toks[first].kind == tPara {
		first++
	}
	if first < v && toks[first].is("and", "but", "yet", "so") {
		first++
	}
	if first < v && toks[first].is("in", "while", "after", "by", "when", "before", "since", "upon", "on") {
		first++
	}
	return first == v
}

// mainSubjectAfter reads the subject of the main clause that follows the
// quotation at token k when a participle clause opens the sentence: In
// declaring the budget "dead on arrival," the councillor showed …;
// Acknowledging that Hale "…," though, Maher did suggest …
// (testdata/subjects.txt).
func (x *extractor) mainSubjectAfter(k int) (attribution, bool) {
	toks := x.toks
	hi := k + 1
	for hi < len(toks) && toks[hi].sent == toks[k].sent && toks[hi].kind != tPara && hi-k < maxWindow {
		hi++
	}
	c := k + 1 // the subject's first word
	if !endsWithComma(toks[k].text) && !(c < hi && personPronoun(&toks[c])) {
		for c < hi && toks[c].kind == tWord && c-k <= maxNP {
			c++ // the rest of the participle's clause
		}
		if c >= hi || !toks[c].punct(',') {
			return attribution{}, false
		}
		c++
	}
	if c+1 < hi && toks[c].is("though", "however", "too") && toks[c+1].punct(',') {
		c += 2
	}
	subj := forwardNP(toks, c, hi)
	if subj.kind == npNone || subj.hi >= hi || toks[subj.hi].kind != tWord || toks[subj.hi].text != toks[subj.hi].low ||
		subj.kind == npNominal && !speakerNoun(subj.headWord()) {
		return attribution{}, false
	}
	return x.resolve(subj, nil)
}

// ownedAnswer reads the owner of a reply that a colon spells out: Maher's
// response was: "…"; Her answer: "…" (testdata/colon.txt).
func (x *extractor) ownedAnswer(lo, k int) (attribution, bool) {
	toks := x.toks
	j := k - 2
	slogan := k-2 > lo && toks[k-1].is("is", "was") && (remarkNouns[toks[k-2].low] || toks[k-2].is("motto", "message"))
	if j-1 < lo || !toks[k-1].punct(':') && toks[k-1].low != "that" && !slogan {
		return attribution{}, false // His answer: "…"; her answer was that "…"; her slogan is "…"
	}
	if toks[j].is("was", "is") {
		j--
	}
	if j-1 < lo || !answerNouns[toks[j].low] && !remarkNouns[toks[j].low] && !toks[j].is("message", "reaction", "verdict", "motto") {
		return attribution{}, false
	}
	o := j - 1
	if slogan && o-1 >= lo && toks[o].text == toks[o].low && !isPossessive(toks[o].text) && (isPossessive(toks[o-1].text) || ownerPronoun[toks[o-1].low] != "") {
		o-- // Tilda Brann's campaign slogan is "…" (testdata/colon.txt)
	}
	if p := ownerPronoun[toks[o].low]; p != "" {
		return x.resolve(np{kind: npPronoun, lo: o, hi: o + 1, words: []string{p}}, toks[j:j+1])
	}
	if !isPossessive(toks[o].text) {
		return attribution{}, false
	}
	owner := walkBack(toks, o, lo)
	if owner.kind == npNominal && speakerNoun(stripPossessive(owner.headWord())) {
		// The Florida senator's answer was that "…": the senator's
		// (testdata/colon.txt).
		owner.words = append(owner.words[:len(owner.words)-1:len(owner.words)-1], stripPossessive(owner.words[len(owner.words)-1]))
		return x.resolve(owner, toks[j:j+1])
	}
	if owner.kind != npProper || !toks[o].capital() {
		return attribution{}, false
	}
	return x.resolve(owner, toks[j:j+1])
}

// quotedAs reads the speaker of words that someone "quoted X as saying":
// X's, not the quoter's, who only reports them (testdata/cues.txt).
func (x *extractor) quotedAs(v, lo int) (attribution, bool) {
	toks := x.toks
	if !isParticiple(toks[v].low) || v-3 < lo || toks[v-1].low != "as" {
		return attribution{}, false
	}
	subj := walkBack(toks, v-2, lo)
	if subj.kind != npProper && subj.kind != npNominal || subj.lo-1 < lo ||
		!toks[subj.lo-1].is("quoted", "quoting", "quotes", "quote", "cited", "citing", "cites") {
		return attribution{}, false
	}
	return x.resolve(subj, toks[v:v+1])
}

// subjectless reads a sentence that opens with a cue in -ing and no
// subject of its own, the quotation right after it: "Adding, "…"" carries
// on the speaker of the quotation in the sentence before (testdata/cues.txt).
func (x *extractor) subjectless(v, k int) (attribution, bool) {
	toks := x.toks
	if !isParticiple(toks[v].low) || !cueVerbs[toks[v].low] || !toks[v].capital() || k > v+2 || k == v+2 && !toks[v+1].punct(',') && !toks[v+1].punct(':') ||
		v > 0 && toks[v-1].sent == toks[v].sent && toks[v-1].kind != tPara {
		return attribution{}, false
	}
	for j := v - 1; j >= 0 && toks[j].sent >= toks[v].sent-1; j-- {
		if toks[j].kind != tQuote || x.skip[toks[j].q] {
			continue
		}
		if !x.found[toks[j].q] {
			break
		}
		a := x.attrs[toks[j].q]
		return attribution{speaker: a.speaker, role: a.role, cue: toks[v].text}, true
	}
	return attribution{}, false
}

// textOwner reads the owner of remarks or a text that a participle cue at v
// quotes, named right before it: in "Brann shrugged off Oake's post
// branding her "…"", "his remarks calling the board "useless"" and "a letter from
// Oake saying …" the words are Oake's, not those of the sentence's subject
// (testdata/owners.txt). The quotation at k must still be inside the
// participle's clause: in "Oake's emails accusing her of waste are "cheap
// shots"" the words are the sentence's subject's.
func (x *extractor) textOwner(v, lo, k int) (attribution, bool) {
	toks := x.toks
	finite := 0
	for i := v + 1; i < k; i++ {
		if toks[i].kind == tWord && (toks[i].is("is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "should", "does", "did") || pastTense(&toks[i])) {
			finite++
		}
	}
	if finite > 1 || finite > 0 && !thatVerbs[toks[v].low] {
		return attribution{}, false
	}
	h := v - 1
	if h-1 < lo || toks[h].kind != tWord {
		return attribution{}, false
	}
	if textNouns[toks[h].low] {
		o := h - 1
		if o > lo && toks[o].kind == tWord && toks[o].text == toks[o].low && !possessivePronouns[toks[o].low] && !npStop[toks[o].low] &&
			!determiners[toks[o].low] && !cueVerbs[toks[o].low] {
			o-- // his recent remarks
		}
		switch toks[o].low {
		case "his", "her", "their":
			return x.possessiveOwner(lo, o)
		}
		if !isPossessive(toks[o].text) || !toks[o].capital() {
			return attribution{}, false
		}
		b := o
		for b > lo && toks[b-1].kind == tWord && toks[b-1].capital() && !isPossessive(toks[b-1].text) {
			b--
		}
		if subj := walkBack(toks, o, b); subj.kind == npProper {
			return x.resolve(subj, nil)
		}
		return attribution{}, false
	}
	// A letter from Oake saying …
	subj := walkBack(toks, h, lo)
	if subj.kind != npProper || subj.lo-2 < lo || !toks[subj.lo-1].is("from", "by") || !textNouns[toks[subj.lo-2].low] {
		return attribution{}, false
	}
	return x.resolve(subj, nil)
}

// issuer reads the maker of a document that a participle cue quotes: in
// "the harbor board issued a statement calling the plan "…"" the words are
// the board's, not the statement's (testdata/organisation.txt). subj is the
// document's noun phrase, right after the verb that issued it.
func (x *extractor) issuer(subj np, lo int, cue []token) (attribution, bool) {
	toks := x.toks
	if subj.kind != npNominal || !documentNouns[subj.headWord()] || subj.lo-1 <= lo || !issueVerbs[toks[subj.lo-1].low] {
		return attribution{}, false
	}
	maker := backwardNP(toks, subj.lo-1, lo)
	if maker.kind != npProper && !(maker.kind == npNominal && maker.det != "" && !documentNouns[maker.headWord()]) {
		return attribution{}, false
	}
	return x.resolve(maker, cue)
}

// claimOwner reads words quoted inside the clause that spells out an
// owner's claim, statement or pledge: in "critics doubted Brann's claim
// that the port "made money"" and "the union cited her pledge to be
// "fair"" the words are the owner's, not those of the sentence's subject
// (testdata/claims.txt). The clause runs from the noun's "that" (or a
// pledge's "to", a call's "for") to the quotation without a cue, another
// quotation or a comma of its own, and the quotation is still inside it:
// in "Brann's claim that the port made money is "a fairy tale"" and "… as
// "a fairy tale"" someone else judges the claim.
func (x *extractor) claimOwner(lo, k int) (attribution, bool) {
	toks := x.toks
	c := -1 // the "that", "to" or "for" after the noun
	finite := 0
	for i := k - 1; i > lo && k-i <= 14; i-- {
		t := &toks[i]
		if t.kind != tWord {
			if t.punct(',') && i-1 > lo && toks[i-1].low == "that" {
				continue // her comment that, "We are …"
			}
			return attribution{}, false
		}
		if _, ok := isCue(toks, i); ok {
			return attribution{}, false
		}
		if t.is("is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "should", "does", "did") {
			if finite++; finite > 1 {
				return attribution{}, false
			}
		}
		if t.is("as") {
			return attribution{}, false
		}
		if t.is("that", "to", "for") && claimAfter(toks, i, lo) >= 0 {
			c = i
			break
		}
		if t.is("that", "to") {
			if subj := claimAgent(toks, i, lo); subj.kind != npNone {
				return x.resolve(subj, nil)
			}
		}
	}
	if c < 0 {
		return attribution{}, false
	}
	noun := claimAfter(toks, c, lo)
	o := noun - 1
	for o > lo && noun-o <= 3 && toks[o].kind == tWord && !isPossessive(toks[o].text) && !possessivePronouns[toks[o].low] &&
		!npStop[toks[o].low] && !determiners[toks[o].low] && !cueVerbs[toks[o].low] {
		o-- // Brann's recent, oft-repeated claim; her March comment
	}
	if o < lo || toks[o].kind != tWord {
		return attribution{}, false
	}
	if o < noun-1 && strings.HasSuffix(toks[noun].low, "s") && !claimAdjectives[toks[noun-1].low] {
		// "Her new budget promises to …": a verb, not a claim.
		return attribution{}, false
	}
	switch toks[o].low {
	case "his", "her", "their":
		return x.possessiveOwner(lo, o)
	}
	if !isPossessive(toks[o].text) || !toks[o].capital() {
		return attribution{}, false
	}
	b := o // the owner's name, capitalised: not "the union doubts Brann's"
	for b > lo && toks[b-1].kind == tWord && toks[b-1].capital() && !isPossessive(toks[b-1].text) {
		b--
	}
	subj := walkBack(toks, o, b)
	if subj.kind != npProper {
		return attribution{}, false
	}
	return x.resolve(subj, nil)
}

// possessiveOwner resolves his, her or their at token o, which owns a
// claim: to the person who opens the sentence when the pronoun fits them
// (Solberg, the dock manager, raised eyebrows over her warning that …),
// else as a pronoun is, without making the owner the antecedent of the next
// "he said". After "him" in its clause the owner is whoever "him" is, which
// this does not know: pressing him on his claim that ….
func (x *extractor) possessiveOwner(lo, o int) (attribution, bool) {
	toks := x.toks
	p := "they"
	switch toks[o].low {
	case "his":
		p = "he"
	case "her":
		p = "she"
	}
	for i := lo; i < o; i++ {
		if toks[i].is("him", "them") {
			return attribution{}, false
		}
	}
	pos := toks[o].start
	first := x.sentFirst[toks[o].sent]
	for n := x.ents.before(toks[first].start); o-first < 2*maxWindow && n < len(x.ents.mentions) && x.ents.mentions[n].pos < pos; n++ {
		m := x.ents.mentions[n]
		if m.possessive || !m.person {
			continue
		}
		if x.ents.compatible(m, p, pronounGender(p), pos) {
			if a, ok := x.sentenceSubject(first, o, true); ok && strings.Contains(lower(a.speaker), m.last) {
				return a, true
			}
		}
		break
	}
	m, ok := x.ents.pronounCandidate(p, pronounGender(p), pos)
	if last, seen := x.ents.lastPronoun[p]; seen && (!ok || m.pos < last.at || !m.subject && m.pos > last.at) {
		m, ok = last.m, true
	}
	if !ok {
		return attribution{}, false
	}
	speaker, role, ok := x.ents.canonical(m, pos)
	if !ok || speaker == "" {
		return attribution{}, false
	}
	return attribution{speaker: speaker, role: role}, true
}

// characterised reads words quoted after "as" that a verb of judging or
// describing governs across its object: Brann refers to the councillor as
// "Ruby"; the accounts were kept in a fashion auditor Nils Pike derided as
// "slapdash"; Judge Vera Lind referring to herself as "a humble clerk"
// (testdata/characterised.txt). The speaker is the verb's subject: the name
// right before it, or for a participle after a comma the sentence's. A
// passive ("often labeled as … by") has none here.
func (x *extractor) characterised(lo, k int) (attribution, bool) {
	toks := x.toks
	a := k - 1
	if a > lo && toks[a].is("a", "an", "the") {
		a--
	}
	if a <= lo || toks[a].low != "as" {
		return attribution{}, false
	}
	b := a - 1
	for b > lo && a-b <= 2 && isDash(&toks[b]) {
		b-- // how he portrayed himself on the radio -- as a "…"
	}
	v := -1
	for i := b; i > lo && b-i < 10; i-- {
		t := &toks[i]
		if t.kind != tWord {
			return attribution{}, false
		}
		if judgingVerbs[t.low] || referVerbs[t.low] && i+1 < len(toks) && toks[i+1].low == "to" {
			v = i
			break
		}
		if t.is("as", "that", "which", "who", "and", "but") {
			return attribution{}, false
		}
	}
	if v < 0 || toks[v].text != toks[v].low {
		return attribution{}, false
	}
	u := v - 1
	if u >= lo && toks[u].low == "having" {
		u-- // having referred to him as a "…"
	}
	if u < lo {
		return attribution{}, false
	}
	if toks[u].is("is", "was", "are", "were", "be", "been", "being", "often", "widely", "commonly", "once") {
		return attribution{}, false
	}
	participle := isParticiple(toks[v].low) || u < v-1
	if participle && toks[u].punct(',') {
		return x.sentenceSubject(lo, u, true)
	}
	subj := backwardNP(toks, u+1, lo)
	if participle && (subj.kind != npProper || subj.lo > lo && prepositions[toks[subj.lo-1].low]) {
		// Not the object of a preposition: the visitors from Lisbon
		// referring to ….
		return attribution{}, false
	}
	if subj.kind == npNone || subj.kind == npNominal && !speakerNoun(subj.headWord()) {
		return attribution{}, false
	}
	return x.resolve(subj, toks[v:v+1])
}

// claimAgent returns the maker named after a claim noun by "by", "of" or
// "from" that the "that" or "to" at c completes: the contention of Mayor
// Tilda Brann that …; comments from the auditor that … (testdata/claims.txt).
func claimAgent(toks []token, c, lo int) np {
	for p := c - 2; p > lo && c-p <= 10; p-- {
		t := &toks[p]
		if t.kind != tWord {
			return np{}
		}
		if !t.is("by", "of", "from") {
			continue
		}
		n := &toks[p-1]
		if !claimNouns[n.low] || toks[c].low == "to" && !pledgeNouns[n.low] {
			continue // "secretary of state", not yet the claim
		}
		subj := forwardNP(toks, p+1, c)
		if subj.hi != c || !(subj.kind == npProper || subj.kind == npNominal && speakerNoun(subj.headWord())) {
			return np{}
		}
		return subj
	}
	return np{}
}

// claimAfter returns the index of the claim noun that the word at c ("that",
// "to", "for") completes, a date between them allowed ("his statement on
// Wednesday that"), or -1.
func claimAfter(toks []token, c, lo int) int {
	w := toks[c].low
	if w == "that" && c-2 > lo && toks[c-1].is("is", "was") {
		// The claim and what it is, after a verb of being, which an aside
		// in commas or a short phrase may hold off: Oake's boldest claim
		// is that …; his forecast, made on the radio, was that …
		// (testdata/claims.txt).
		i := c - 2
		if toks[i].punct(',') {
			// Past the aside: his forecast, made on the radio, was that …
			for i--; i > lo && c-i <= 10 && !toks[i].punct(','); i-- {
			}
			if !toks[i].punct(',') {
				return -1
			}
			i--
		}
		for ; i > lo && c-i <= 12; i-- {
			t := &toks[i]
			if t.kind != tWord && !t.punct(',') || t.kind == tWord && (cueVerbs[t.low] || copulas[t.low]) {
				return -1
			}
			if claimNouns[t.low] || statedNouns[t.low] {
				return i
			}
		}
		return -1
	}
	for i := c - 1; i > lo && c-i <= 4; i-- {
		t := &toks[i]
		if t.kind != tWord {
			return -1
		}
		if claimNouns[t.low] {
			if w == "that" || w == "to" && pledgeNouns[t.low] || w == "for" && t.low == "call" {
				return i
			}
			return -1
		}
		if !(dayWords[t.low] || months[t.low] || t.is("on", "last", "this", "earlier", "in") || unicode.IsDigit(rune(t.low[0]))) {
			return -1
		}
	}
	return -1
}

// describesSpeaker reports whether the words quoted at token k stand in an
// apposition that follows the speaker's name ending at h, after a comma or a
// parenthesis: a description ("a plaintiff who …", "one of the …", "whose
// book …", "of Dover, before the …"), after any age, with no cue, no verb of
// thought and no new clause ("but he …") before the words. They are what the
// writer says of the speaker, not the speaker's.
func (x *extractor) describesSpeaker(h, k int) bool {
	toks := x.toks
	if h+1 >= k || !toks[h].punct(',') && !toks[h].punct('(') {
		return false
	}
	j := h + 1
	for j < k && (toks[j].kind == tWord && toks[j].low[0] >= '0' && toks[j].low[0] <= '9' || toks[j].punct(',') || toks[j].punct(')') || toks[j].punct('(') ||
		toks[j].kind == tWord && len(toks[j].text) <= 10 && strings.Contains(toks[j].text, "-") && toks[j].capital()) {
		j++ // an age, a party and state: Leah Ross, 34, …; Dan Moss (D-Ore.), …
	}
	if j >= k || !toks[j].is("a", "an", "the", "one", "whose", "of", "his", "her", "their", "its", "who") {
		return false
	}
	for ; j < k; j++ {
		t := &toks[j]
		if t.kind == tPara || t.punct(':') || t.is("but", "while", "although", "though") || thoughtVerbs[t.low] ||
			t.low == "and" && j+1 < k && pronouns[toks[j+1].low] || t.punct(',') && j+1 < k && isParticiple(toks[j+1].low) {
			return false // a new clause: …, but he …; …, referring to …
		}
		if _, cue := isCue(toks, j); cue {
			return false
		}
	}
	return toks[k-1].kind == tWord && !strings.HasSuffix(toks[k-1].text, ".")
}

// thoughtVerbs report a view, whose words are the holder's: who thinks
// the board "…" (testdata/cues.txt).
var thoughtVerbs = set(`thinks think thought believes believe believed feels feel felt hopes hoped fears feared wants wanted`)

// remarkMaker reads the maker of remarks right before a participle cue at
// v: in "which reprinted a pledge Wick gave in 2009 saying he …" the
// participle tells what Wick's pledge said, so the words are Wick's, not
// those of the clause's subject (testdata/subjects.txt).
func (x *extractor) remarkMaker(v, lo int) (attribution, bool) {
	toks := x.toks
	for u := v - 1; u > lo && v-u <= 5; u-- {
		if toks[u].kind != tWord {
			return attribution{}, false
		}
		if !toks[u].is("made", "gave", "delivered", "offered") {
			continue
		}
		subj := backwardNP(toks, u, lo)
		if subj.kind != npProper || subj.hi != u || subj.lo <= lo || !remarkNouns[toks[subj.lo-1].low] {
			return attribution{}, false
		}
		return x.resolve(subj, nil)
	}
	return attribution{}, false
}

// namedByAgent reads the agent of a passive naming verb right before the
// quotation at token k, the cue at v spanning n tokens: the county, called
// the "Heart of the Valley" by the locals, … names the locals, not the
// sentence's subject; so does one that names with "as": the levy, often
// branded as a "land grab" by critics, … (testdata/cues.txt).
func (x *extractor) namedByAgent(v, n, k int) (attribution, bool) {
	toks := x.toks
	as := v+n < k && toks[v+n].low == "as" // labeled as a "…" by rivals
	if as {
		n++
	}
	if !namingVerbs[toks[v].low] || !(v+n == k || v+n+1 == k && determiners[toks[v+n].low]) ||
		k+2 >= len(toks) || toks[k+1].low != "by" || toks[k+1].sent != toks[k].sent {
		return attribution{}, false
	}
	e := k + 2
	for e < len(toks) && e-k < maxWindow && toks[e].sent == toks[k].sent && toks[e].kind != tQuote && toks[e].kind != tPara {
		e++
	}
	subj := forwardNP(toks, k+2, e)
	if h := subj.headWord; subj.kind != npProper && !(subj.kind == npNominal && (speakerNoun(h()) || strings.HasSuffix(h(), "s"))) {
		return attribution{}, false // by the locals, by critics; not by the end of the year
	}
	if as {
		n--
	}
	return x.resolve(subj, toks[v:v+n])
}

// commaBetween returns the last comma between tokens a and b, or -1.
func (x *extractor) commaBetween(a, b int) int {
	for i := b - 1; i > a; i-- {
		if x.toks[i].punct(',') {
			return i
		}
	}
	return -1
}

// outerReport finds the speaker whose report holds a nested one: in "Trump
// said Fox executives were calling “every 15 minutes”" the quoted words are
// Trump's. It looks for a cue before token e in the sentence from lo whose
// clause runs on to e, and returns that cue's named subject
// (testdata/partial.txt).
func (x *extractor) outerReport(lo, e int) (attribution, bool) {
	toks := x.toks
	for u := lo + 1; u < e; u++ {
		n, ok := isCue(toks, u)
		if !ok || isParticiple(toks[u].low) || toks[u].low == "according" || namingVerbs[toks[u].low] || quotingVerbs[toks[u].low] {
			continue
		}
		for w := u + n; w < e; w++ {
			if toks[w].kind != tWord || toks[w].is("and", "but", "while", "whereas", "after", "before", "when", "because", "since", "as") {
				// Axelrod tweeted after Clinton argued that "…": Clinton's
				// (testdata/partial.txt).
				return attribution{}, false
			}
		}
		subj := backwardNP(toks, u, lo)
		if subj.kind != npProper && subj.kind != npPronoun {
			return attribution{}, false
		}
		return x.resolve(subj, toks[u:u+n])
	}
	return attribution{}, false
}

// cueClauseAfter finds a cue clause between commas after words quoted
// inside a sentence, before a participle that carries the sentence on:
// Trump's "excesses" are sickening, Hollande said Tuesday in Paris, noting
// the nominee "…" (testdata/partial.txt).
func (x *extractor) cueClauseAfter(k int) (attribution, bool) {
	toks := x.toks
	q := strings.TrimRight(toks[k].text, "\"'”’")
	if strings.HasSuffix(q, ".") || strings.HasSuffix(q, "?") || strings.HasSuffix(q, "!") || strings.HasSuffix(q, ",") {
		return attribution{}, false
	}
	c := -1
	for e := k + 1; e < len(toks) && e-k <= 16 && toks[e].sent == toks[k].sent; e++ {
		if toks[e].punct(',') {
			c = e
			break
		}
		if _, ok := isCue(toks, e); ok || toks[e].kind != tWord {
			return attribution{}, false
		}
	}
	if c < 0 || c+1 >= len(toks) {
		return attribution{}, false
	}
	if n, ok := isCue(toks, c+1); ok && !isParticiple(toks[c+1].low) && toks[c+1].low != "according" {
		// Inverted, the speaker set off by commas: Any "cleareyed" reading
		// of it, said Mara Voss, an expert on …, would … (testdata/partial.txt).
		subj := forwardNP(toks, c+1+n, min(len(toks), c+1+n+maxNP+maxAppo))
		if subj.kind == npProper && subj.hi < len(toks) && (toks[subj.hi].punct(',') || toks[subj.hi].punct('.')) {
			return x.resolve(subj, toks[c+1:c+1+n])
		}
		return attribution{}, false
	}
	subj := forwardNP(toks, c+1, min(len(toks), c+1+maxNP))
	if subj.kind != npProper && subj.kind != npPronoun || subj.hi >= len(toks) {
		return attribution{}, false
	}
	v := subj.hi
	n, ok := isCue(toks, v)
	if !ok || isParticiple(toks[v].low) || toks[v].low == "according" {
		return attribution{}, false
	}
	for e := v + n; e < len(toks) && e-v <= 10 && toks[e].sent == toks[k].sent; e++ {
		if toks[e].punct(',') && e+1 < len(toks) && isParticiple(toks[e+1].low) && cueVerbs[toks[e+1].low] {
			return x.resolve(subj, toks[v:v+n])
		}
		if toks[e].kind != tWord {
			return attribution{}, false
		}
	}
	return attribution{}, false
}

// finalCue finds a cue clause that closes the sentence of the quotation at
// token k after more words of the writer's: "“There's a sense of stability
// now,” and donations began to pick up, Gilbert said." (testdata/cues.txt).
func (x *extractor) finalCue(k int) (attribution, bool) {
	toks := x.toks
	e := k + 1
	comma, inverted := -1, -1
	for e < len(toks) && e-k < 2*maxWindow && toks[e].sent == toks[k].sent && toks[e].kind != tPara && toks[e].kind != tQuote {
		if toks[e].punct(',') {
			comma = e
			if e+1 >= len(toks) {
				break
			}
			if _, ok := isCue(toks, e+1); ok && inverted < 0 && !isParticiple(toks[e+1].low) {
				inverted = e
			}
		}
		e++
	}
	if e == k+1 || !toks[e-1].punct('.') {
		return attribution{}, false
	}
	if inverted >= 0 && inverted-k < maxWindow {
		// An inverted cue after the writer's words, its speaker described
		// at length: "“…,” since so many cases were close, said Lee Ross,
		// who teaches law at Tulane." (testdata/cues.txt)
		v := inverted + 1
		n, _ := isCue(toks, v)
		if subj := forwardNP(toks, v+n, e); subj.kind == npProper || subj.kind == npNominal {
			return x.resolve(subj, toks[v:v+n])
		}
	}
	according := comma >= 0 && comma+1 < len(toks) && toks[comma+1].low == "according"
	if comma < 0 || e-comma > 12 && !((according || toks[comma+1].low == "as") && e-comma <= 16) || e-k > maxWindow {
		return attribution{}, false
	}
	for v := comma + 1; v < e; v++ {
		n, ok := isCue(toks, v)
		if !ok {
			continue
		}
		if isParticiple(toks[v].low) && toks[v].low != "according" {
			// "…, adding that": the participle's subject is the
			// sentence's; but "…, according to a study by X." names its
			// source (testdata/cues.txt).
			return attribution{}, false
		}
		var subj np
		if v == comma+1 {
			subj = forwardNP(toks, v+n, e)
			if b := v + n + 1; according && (subj.kind == npNone || subj.kind == npNominal && !speakerNoun(subj.headWord())) {
				// according to calculations by Amy Glasmeier: the author
				// of the work cited (testdata/cues.txt).
				for b < e && b-v < 9 && toks[b].low != "by" {
					b++
				}
				if b+1 < e && toks[b].low == "by" {
					if a := forwardNP(toks, b+1, e); a.kind == npProper || a.kind == npNominal && speakerNoun(a.headWord()) {
						subj = a
					}
				}
			}
		} else {
			subj = backwardNP(toks, v, comma+1)
			if subj.lo != comma+1 && !(subj.lo == comma+2 && toks[comma+1].low == "as" && !endsWithComma(toks[k].text)) { // a "…" candidate, as Reyes suggested after the vote (testdata/cues.txt)
				return attribution{}, false
			}
		}
		if subj.kind == npNone {
			return attribution{}, false
		}
		return x.resolve(subj, toks[v:v+n])
	}
	return attribution{}, false
}

// placeLike reports whether t is a state or a place in a dateline or an
// address: "N.H.", "Calif.", "Iowa".
func placeLike(t *token) bool {
	if t.kind != tWord || !t.capital() {
		return false
	}
	if titles[t.low] || honorifics[t.low] != unknownGender {
		return false // Mr. Carson, Sen. Cruz
	}
	return strings.HasSuffix(t.text, ".") && len(t.text) <= 6 || places[t.low] || placePrefixes[t.low]
}

// colonBefore returns the index of the colon that ends the paragraph before
// the quotation at token k, when k opens its paragraph, or -1.
func (x *extractor) colonBefore(k int) int {
	j := k - 1
	for j >= 0 && x.toks[j].kind == tPara {
		j--
	}
	if j >= 0 && j < k-1 && x.toks[j].punct(':') {
		return j
	}
	return -1
}

// sentenceSubject attributes the words at token k to the noun phrase that
// opens the sentence starting at lo, after any opening adverbial ("In a
// statement, …", "But …"). cued says a cue word stands between them, so that
// even "Clinton seemed …, telling the crowd" names the speaker.
func (x *extractor) sentenceSubject(lo, k int, cued bool) (attribution, bool) {
	subj, ok := x.openingSubject(lo, k, cued)
	if !ok {
		return attribution{}, false
	}
	return x.resolve(subj, nil)
}

// openingSubject returns the noun phrase that sentenceSubject attributes
// the words at token k to, unresolved.
func (x *extractor) openingSubject(lo, k int, cued bool) (np, bool) {
	toks := x.toks
	i := lo
	if i < k && toks[i].punct('(') {
		i++ // a sentence in parentheses: (Kane's spokeswoman … said …) (testdata/partial.txt)
	}
	for i < k && toks[i].kind == tWord && (toks[i].low == "but" || toks[i].low == "and" || toks[i].low == "so" || toks[i].low == "yet" || toks[i].low == "still") {
		i++
	}
	for c := i; c < k && c-i <= 2 && toks[c].kind == tWord && toks[c].is("for", "instance", "example", "in", "short", "sum", "plus", "also", "again", "first", "second", "third", "finally"); c++ {
		if c+1 < k && toks[c+1].punct(':') && c+2 < k && toks[c+2].kind == tWord {
			i = c + 2 // For instance: That Clinton also misjudged … (testdata/openers.txt)
			break
		}
	}
	if i+1 < k && toks[i].text == "That" && nameAt(toks, i+1) {
		i++ // That Clinton also misjudged Assad, having referred to him as a "…"
	}
	if i+1 < k && strings.ReplaceAll(toks[i].low, "’", "'") == "that's" && toks[i+1].is("why", "how") {
		i += 2 // That's why he wanted to "…" (testdata/openers.txt)
	} else if i+2 < k && toks[i].is("that", "this", "which") && toks[i+1].is("is", "was") && toks[i+2].is("why", "how") {
		i += 3
	}
	if d := agencyDateline(toks, i, k); d > i {
		i = d // Washington (AFP) – Democrat Hillary Clinton has … (testdata/subjects.txt)
	}
	if i < k && toks[i].kind == tWord && len(toks[i].text) > 1 && toks[i].text == strings.ToUpper(toks[i].text) && !strings.ContainsAny(toks[i].text, "0123456789") {
		// A dateline: JACKSON, Miss. — …
		for j := i; j < k && j-i < 16; j++ {
			if toks[j].punct('—') || toks[j].punct('–') || toks[j].punct('-') {
				i = j + 1
				break
			}
		}
	}
	if i+1 < k && toks[i].kind == tWord && toks[i+1].punct(',') && (openers[toks[i].low] || adverbLike(toks, i)) {
		i += 2 // First, …; Indeed, …
	}
	if i+1 < k && toks[i].kind == tWord && (openingAdverbs[toks[i].low] || adverbLike(toks, i)) && (nameAt(toks, i+1) || personPronoun(&toks[i+1])) {
		// One adverb before a name: And then Trump went on the attack,
		// saying … (testdata/subjects.txt); or before he or she: Then he
		// turned to "…" (testdata/openers.txt).
		i++
	}
	if j := datedPronoun(toks, i, k); j > i {
		i = j // In 2011 she spoke out for "…" (testdata/openers.txt)
	}
	if r := resultClause(toks, i, k); r > i {
		i = r
	} else if i < k && toks[i].kind == tWord && (npStop[toks[i].low] || openers[toks[i].low] || adverbLike(toks, i)) {
		// Skip an opening phrase up to its comma, which may close a
		// title in quotation marks: On KTV's "This Week," Ross said …
		// (testdata/partial.txt).
		comma := func(t *token) bool { return t.punct(',') || t.kind == tQuote && endsWithComma(t.text) }
		j := i
		for j < k && j-i < 20 && !comma(&toks[j]) {
			j++
		}
		if j+1 >= k || !comma(&toks[j]) {
			// No comma closes the phrase before the cue, or only the
			// one right before it: At the hearing he was blunt, saying …
			p := x.uncommaedSubject(i, k)
			if p < 0 {
				return np{}, false
			}
			j = p - 1
		}
		i = j + 1
		// The phrase may run on past more commas: "At a rally in
		// Portsmouth, N.H., on Tuesday, Senator Bernie Sanders …".
		for n := 0; n < 4 && i < k && (placeLike(&toks[i]) || toks[i].kind == tWord && (openers[toks[i].low] || npStop[toks[i].low])); n++ {
			j := i
			for j < k && j-i < 12 && !toks[j].punct(',') {
				j++
			}
			if j >= k || !toks[j].punct(',') || placeLike(&toks[i]) && j-i > 2 {
				// A place runs a word or two ("N.H.,"); more is the
				// subject: Before the convention, Cleveland Police Chief
				// Calvin Williams lobbied … (testdata/subjects.txt).
				break
			}
			i = j + 1
		}
	}
	if i+1 < k && toks[i].kind == tWord && strings.HasSuffix(toks[i].low, "-year-old") && nameAt(toks, i+1) {
		i++ // an age before the name: 76-year-old Morton Blackwell … (testdata/subjects.txt)
	}
	if i < k && numberWord(&toks[i]) {
		// A poll's share, cue or no cue: 73 percent of Americans accepted
		// that the outline was the "…" (testdata/nobody.txt).
		for v := i + 2; v < k && v-i <= 8 && toks[v].kind == tWord; v++ {
			if pastTense(&toks[v]) || presentTense(&toks[v]) {
				if n, ok := share(toks, v-1, i); ok && n.lo == i {
					return n, true
				}
				break
			}
		}
	}
	if i < k && toks[i].kind == tWord {
		// A sentence that opens with an adverb, a participle or a number has
		// no subject here: "Ironically, …", "Sitting down with …".
		w := toks[i].low
		if adverbLike(toks, i) || sentenceWords[w] && !determiners[w] && !pronouns[w] || w[0] >= '0' && w[0] <= '9' {
			return np{}, false
		}
	}
	// An opening phrase of time with no preposition ends at its comma: But a
	// few days later, Trump reversed himself, telling CBS …; Hours later, …
	// (testdata/subjects.txt).
	for j := i; j < k && j-i < 6 && toks[j].kind == tWord; j++ {
		if timeWords[toks[j].low] && j+2 < k && toks[j+1].kind == tWord && toks[j+1].is("later", "earlier", "ago") && toks[j+2].punct(',') {
			i = j + 3
			break
		}
	}
	if i+1 < k && toks[i].capital() && strings.HasSuffix(toks[i].low, "ed") && !isGivenName(toks[i].low) &&
		(toks[i+1].low == "by" || len(toks[i].low) > 5 && prepositions[toks[i+1].text]) {
		// Led by the council speaker, the rally denounced …; Preceded at the
		// lectern by …, Trump launched … (testdata/subjects.txt)
		j := i
		for j < k && j-i < 20 && !toks[j].punct(',') {
			j++
		}
		i = j + 1
	}
	subj := forwardNP(toks, i, k)
	if i+2 < k && toks[i].is("hundreds", "thousands", "dozens", "scores", "millions") && toks[i+1].low == "of" {
		// Hundreds of demonstrators marched, chanting "…": the
		// demonstrators, as many as the article says (testdata/partial.txt).
		if g := forwardNP(toks, i+2, k); g.kind == npNominal && speakerNoun(g.headWord()) {
			g.words = append([]string{toks[i].text, toks[i+1].text}, g.words...)
			g.lo, g.head = i, g.headWord()
			subj = g
		}
	}
	if h := subj.hi; subj.kind == npProper && subj.role == "" && h+2 < k && toks[h].low == "and" && nameAt(toks, h+1) {
		// Two names that open the sentence speak together: Kane and Ortiz
		// issued a statement calling … (testdata/subjects.txt).
		if s := forwardNP(toks, h+1, k); s.kind == npProper && s.role == "" && s.hi < k && toks[s.hi].kind == tWord && toks[s.hi].text == toks[s.hi].low &&
			(pastTense(&toks[s.hi]) || presentTense(&toks[s.hi]) || cueVerbs[toks[s.hi].low]) && x.personName(subj) && x.personName(s) {
			subj.and, subj.hi = &s, s.hi
		}
	}
	if subj.kind == npNone || subj.hi >= k {
		return np{}, false
	}
	if subj.kind == npNominal && !speakerNoun(subj.headWord()) {
		return np{}, false // "The timing of …", "his willingness …"
	}
	if h := subj.hi; subj.kind == npProper && len(subj.words) == 1 && h+1 < k && toks[h].punct(',') && pronouns[toks[h+1].low] && !x.ents.nameLike(subj.words[0]) {
		// A word the article never uses as a name, then a comma and a
		// pronoun, is an interjection: Wait, it gets better: "…"
		// (testdata/colon.txt).
		return np{}, false
	}
	if h := subj.hi; subj.kind == npProper && len(subj.words) == 1 && h < k && toks[h].kind == tWord && prepositions[toks[h].low] &&
		strings.HasSuffix(subj.words[0], "s") && !x.ents.nameLike(subj.words[0]) && len(x.ents.surnames[strings.ToLower(subj.words[0])]) == 0 {
		// A verb that opens a line of a list, its subject left out:
		// Preys on our worst fears, and calls people "…" (testdata/subjects.txt).
		return np{}, false
	}
	if subj.kind == npProper && !cued && len(subj.words) == 1 && !x.ents.nameLike(subj.words[0]) {
		// A capitalised word opening the sentence that the article never
		// capitalises elsewhere is a common noun: Audiences can expect …
		// (testdata/subjects.txt).
		return np{}, false
	}
	m := subj.hi + 1 // the word after a copula and its adverbs: is once again questioning
	for m < k && m-subj.hi <= 3 && toks[m].kind == tWord && (adverbs[toks[m].low] || lyAdverb(toks[m].low) || toks[m].is("once", "again", "still", "also", "now", "already")) {
		m++
	}
	if h := subj.hi; !cued && toks[h].kind == tWord && copulas[toks[h].low] &&
		!(m < k && toks[m].kind == tWord && (strings.HasSuffix(toks[m].low, "ing") || m == h+1 && strings.HasSuffix(toks[m].low, "ed"))) &&
		!(h+1 < k && stanceWords[toks[h+1].low] && toks[k-1].punct(':') && !(subj.kind == npNominal && sourceNouns[subj.headWord()])) {
		// "Trump is “a disaster”" is the writer's word, not Trump's; but
		// after a stance and a colon the words are the subject's: Moss is
		// sure the levy will fail: "…"; the board was blunt in its
		// ruling: "…". A text is no one: the message was clear: "…"
		// (testdata/colon.txt).
		return np{}, false
	}
	if h := subj.hi; h+2 < k && toks[h].kind == tWord && toks[h].is("was", "were") && pastTense(&toks[h+1]) && toks[h+2].low == "by" {
		// A passive's subject did not speak: Kane's speech was
		// interrupted by a protester wearing a shirt — "…"
		// (testdata/subjects.txt).
		return np{}, false
	}
	if !cued && x.inAside(subj.hi, k) {
		// Words quoted in an aside between dashes or in parentheses that
		// opens after the subject are the writer's: Kane and Ruiz — as well
		// as Ortiz at the earlier "kids' table" forum — did best
		// (testdata/subjects.txt).
		return np{}, false
	}
	if h := x.afterApposition(subj.hi, k); !cued && h+2 < k && toks[h].is("was", "were") && pastTense(&toks[h+1]) && toks[h+2].is("with", "by") {
		// Nor one greeted with chants of "…" or met by cries of "…": the
		// words are the greeters' (testdata/partial.txt).
		return np{}, false
	}
	if h := x.afterApposition(subj.hi, k); !cued && h+2 < k && toks[h].kind == tWord && (toks[h].is("has", "have", "had", "'s", "’s") && toks[h+1].low == "been" ||
		toks[h].is("been")) {
		if v := h + 1 + btoi(toks[h].low != "been"); v < k && pastTense(&toks[v]) {
			// Nor has one that has been named or charged by others:
			// Reade — a ferry captain — has been called a crank by rivals for
			// pushing "…"
			// (testdata/subjects.txt).
			return np{}, false
		}
	}
	return subj, true
}

// uncommaedSubject finds the subject after an opening phrase that starts at
// token i and runs into it with no comma: At the hearing he was blunt,
// saying …; When the court resumed Vane said … The subject is he, she,
// they or we, or a name the article uses, and a verb follows it. After a
// subordinating word it follows the clause's verb (the clause may have a
// subject of its own: When he returned he said); after a preposition, the
// phrase's noun. It returns -1 when there is none before k
// (testdata/subjects.txt).
func (x *extractor) uncommaedSubject(i, k int) int {
	toks := x.toks
	clause := toks[i].is("when", "after", "before", "while", "as", "since", "until", "once")
	seen := false
	for p := i + 1; p < k && p-i <= 12; p++ {
		t := &toks[p]
		if t.kind != tWord {
			return -1
		}
		q := p + 1 // after the subject
		switch {
		case t.text == t.low && t.is("he", "she", "they", "we"):
		case t.capital() && !sentenceWords[t.low]:
			for q < k && q-p < 4 && toks[q].kind == tWord && toks[q].capital() {
				q++
			}
			if last := toks[q-1].text; !x.ents.nameLike(last) || isPossessive(last) {
				return -1 // At the hearing Vane's lawyer …: the lawyer is no one named
			}
		default:
			continue
		}
		b := &toks[p-1]
		if weekdayAfter(toks, p-1) || b.text == b.low && (clause && (pastTense(b) || presentTense(b)) && !determiners[toks[p-2].low] ||
			!clause && !npStop[b.low] && !prepositions[b.low] && !determiners[b.low] && !possessivePronouns[b.low] ||
			b.is("that", "this") && p-2 >= i && prepositions[toks[p-2].low]) {
			// (After "with that" too: and with that Sollis broke off with a
			// dismissive, "…" (testdata/openers.txt).)
			if v := &toks[q]; q < k && v.kind == tWord && v.text == v.low && !determiners[v.low] && !possessivePronouns[v.low] &&
				(!npStop[v.low] || copulas[v.low] || auxiliaries[v.low] || adverbs[v.low]) {
				return p
			}
		}
		if !clause || seen {
			return -1
		}
		seen = true // the clause's own subject: When he returned he said
	}
	return -1
}

// afterApposition returns the token after an apposition in commas or dashes
// that opens at h, before k: the verb's place in "Voss — a pilot and a
// mayor — has …". It returns h when none opens there.
func (x *extractor) afterApposition(h, k int) int {
	toks := x.toks
	if h >= k || !toks[h].punct(',') && !isDash(&toks[h]) {
		return h
	}
	for j := h + 1; j < k && j-h <= 16; j++ {
		if toks[j].kind != tWord && toks[j].kind != tPunct {
			return h
		}
		if toks[j].punct(',') && toks[h].punct(',') || isDash(&toks[j]) && isDash(&toks[h]) {
			return j + 1
		}
	}
	return h
}

// inAside reports whether token k stands inside an aside in dashes that
// opens within a few words after h, the end of a subject ("Kane and Ruiz
// —", "Party elders —"), and closes after k in its sentence.
func (x *extractor) inAside(h, k int) bool {
	toks := x.toks
	open := -1
	for j := h; j < k && j <= h+4; j++ {
		if isDash(&toks[j]) {
			open = j
			break
		}
		if toks[j].kind != tWord {
			return false
		}
	}
	if open < 0 {
		return false
	}
	for j := open + 1; j < k; j++ {
		if isDash(&toks[j]) || toks[j].kind == tPara {
			return false
		}
	}
	for j := k + 1; j < len(toks) && j-k <= maxWindow && toks[j].sent == toks[k].sent && toks[j].kind != tPara; j++ {
		if isDash(&toks[j]) {
			return true
		}
	}
	return false
}

// btoi is 1 for true and 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// resultClause returns the first token of a name that opens a result clause
// ("such a fixture that", "so loud that") in tokens [i, k), or -1: the
// clause's subject does what the sentence tells, not the subject of the
// words before it. It grew so crowded at the dock that Brant in her speech
// praised the crew "…" is Brant's (testdata/subjects.txt).
func resultClause(toks []token, i, k int) int {
	for j := i; j < k; j++ {
		if toks[j].kind != tWord && toks[j].kind != tPunct || toks[j].punct(',') || toks[j].punct(';') {
			return -1
		}
		if !toks[j].is("such", "so") {
			continue
		}
		for t := j + 2; t < k && t-j <= 8 && toks[t].kind == tWord; t++ {
			if toks[t].low == "that" {
				if nameAt(toks, t+1) {
					return t + 1
				}
				return -1
			}
		}
	}
	return -1
}

// mannerVerbBefore reads a verb the word lists do not know, in the past
// tense, with its subject right before it and a comma right before the
// quotation: as Bo Strand hooted, "…" is Strand's, whoever the
// sentence is about (testdata/cues.txt).
func (x *extractor) mannerVerbBefore(lo, k int) (attribution, bool) {
	toks := x.toks
	v := k - 2
	if v <= lo || !toks[k-1].punct(',') || !pastTense(&toks[v]) || copulas[toks[v].low] || auxiliaries[toks[v].low] {
		return attribution{}, false
	}
	if _, cue := isCue(toks, v); cue {
		return attribution{}, false
	}
	subj := backwardNP(toks, v, lo)
	if subj.kind == npNone || subj.hi != v || subj.lo <= lo || !toks[subj.lo-1].is("as", "while", "when", "and") ||
		subj.kind == npNominal && !speakerNoun(subj.headWord()) {
		return attribution{}, false
	}
	return x.resolve(subj, nil)
}

// withSubject reads the subject of a clause that "with", a name and a
// participle open, when the words at token k stand in it: The campaign
// denied it, with Varga taking to Twitter to call Ruiz "…" is Varga's
// (testdata/subjects.txt).
func (x *extractor) withSubject(lo, k int) (attribution, bool) {
	toks := x.toks
	for w := k - 2; w >= lo; w-- {
		if toks[w].low != "with" || w == 0 || !toks[w-1].punct(',') {
			continue
		}
		subj := forwardNP(toks, w+1, k)
		if subj.kind != npProper || subj.hi >= k || !x.personName(subj) {
			return attribution{}, false
		}
		if p := &toks[subj.hi]; p.kind != tWord || p.text != p.low || !isParticiple(p.low) {
			return attribution{}, false
		}
		return x.resolve(subj, nil)
	}
	return attribution{}, false
}

// whileSubject reads the subject of a second clause opened by ", while",
// ", whereas" or ", but" (or a dash and but) when the words at token k
// stand in it after its verb: Sam Hill signed an order, while Joe Park, the
// former governor, proposed we "…" is Park's; Kane proposed a debate - but
// the Ortiz campaign rejected the idea as "…" is the campaign's
// (testdata/subjects.txt). A title is nobody's.
func (x *extractor) whileSubject(lo, k int) (attribution, bool) {
	toks := x.toks
	if s := x.spans[toks[k].q]; titleCase(x.text[s.start:s.end]) {
		return attribution{}, false // a title: but the network canceled "Minority Report"
	}
	w := k - 1
	for w > lo && !(toks[w].is("while", "whereas", "but") && (toks[w-1].punct(',') || toks[w-1].punct('-') || toks[w-1].punct('—') || toks[w-1].punct('–'))) {
		if toks[w].kind == tQuote {
			return attribution{}, false
		}
		w--
	}
	if w <= lo {
		return attribution{}, false
	}
	subj := forwardNP(toks, w+1, k)
	if subj.kind != npProper && !(subj.kind == npNominal && subj.det != "" && speakerNoun(subj.headWord())) || subj.hi >= k {
		return attribution{}, false
	}
	v := subj.hi
	if toks[v].punct(',') {
		// An apposition after the name: Joe Park, the former governor,
		for v++; v < k && !toks[v].punct(','); v++ {
		}
		v++
	}
	if v >= k || !pastTense(&toks[v]) && !presentTense(&toks[v]) {
		return attribution{}, false
	}
	for u := v + 1; u < k; u++ {
		if toks[u].kind != tWord || toks[u].is("while", "whereas", "but", "and") {
			return attribution{}, false
		}
	}
	return x.resolve(subj, nil)
}

// agencyDateline returns the index after a dateline with a news agency
// that opens a sentence at i, "New York (AFP) –", or i.
func agencyDateline(toks []token, i, k int) int {
	j := i
	for j < k && j-i < 4 && toks[j].capital() {
		j++
	}
	if j == i || j+3 >= k || !toks[j].punct('(') || !toks[j+1].capital() || !toks[j+2].punct(')') ||
		!(toks[j+3].punct('–') || toks[j+3].punct('—') || toks[j+3].punct('-')) {
		return i
	}
	return j + 4
}

// labelBefore reads a name set before a colon as a label, after a dash or
// "from": "… - HuffPollster: “…”", "More from Jones: “…”"
// (testdata/colon.txt).
func (x *extractor) labelBefore(lo, k int) (attribution, bool) {
	toks := x.toks
	if k-2 < lo || !toks[k-1].punct(':') {
		return attribution{}, false
	}
	subj := walkBack(toks, k-2, lo)
	if subj.kind == npNone || subj.lo <= lo {
		return attribution{}, false
	}
	more := toks[subj.lo-1].low == "from" && (subj.lo-2 >= lo && toks[subj.lo-2].is("more", "also", "again") ||
		toks[subj.lo-1].text == "From" && (subj.lo-1 == 0 || toks[subj.lo-2].sent != toks[subj.lo-1].sent || toks[subj.lo-2].kind == tPara))
	if subj.kind == npNominal && !(more && speakerNoun(subj.headWord())) {
		return attribution{}, false // but "More from the report:" (testdata/colon.txt)
	}
	if b := &toks[subj.lo-1]; !(b.punct('-') || b.punct('—') || b.punct('–') || more) {
		// "More from Jones:", but not "he suggested Curiel was from
		// Mexico:" (testdata/colon.txt).
		return attribution{}, false
	}
	return x.resolve(subj, nil)
}

// verbSubject attributes the words at token k to the name right before the
// last verb in the past tense ahead of them in their sentence, when the
// sentence opens with a phrase too long to skip: In his 2004 speech, a
// testimonial to John Kerry, Mr. Obama decried the "spin masters"
// (testdata/subjects.txt).
func (x *extractor) verbSubject(lo, k int) (attribution, bool) {
	toks := x.toks
	if q := x.text[x.spans[toks[k].q].start:x.spans[toks[k].q].end]; titleCase(q) || len(strings.Fields(q)) < 4 {
		return attribution{}, false // a title or a term, not words said
	}
	for v := k - 1; v > lo && k-v < maxWindow; v-- {
		if toks[v].kind == tQuote {
			return attribution{}, false
		}
		if !pastTense(&toks[v]) || copulas[toks[v].low] {
			continue
		}
		subj := backwardNP(toks, v, lo)
		if subj.kind != npProper && subj.kind != npPronoun || subj.lo > lo && toks[subj.lo-1].kind == tWord {
			return attribution{}, false
		}
		return x.resolve(subj, nil)
	}
	return attribution{}, false
}

// adverbLike reports whether the word at i reads as an adverb or a
// participle (Ironically, Speaking): it ends in -ly or -ing and is not a
// name, as Carly in "Carly Fiorina threw her support …" is
// (testdata/subjects.txt).
func adverbLike(toks []token, i int) bool {
	t := &toks[i]
	if t.kind != tWord || !strings.HasSuffix(t.low, "ly") && !strings.HasSuffix(t.low, "ing") {
		return false
	}
	if t.text == t.low {
		return true
	}
	if _, ok := givenNames[t.low]; ok {
		return false
	}
	return !nameAt(toks, i+1)
}

// nameAt reports whether the word at i can start or carry on a name: a
// capitalised word that is not a function word, a day or a month.
func nameAt(toks []token, i int) bool {
	if i >= len(toks) || !toks[i].capital() {
		return false
	}
	w := toks[i].low
	return !sentenceWords[w] && !dayWords[w] && !months[w]
}

// personPronoun reports whether t is he, she or they in lower case: a
// subject, never an object.
func personPronoun(t *token) bool {
	return t.kind == tWord && t.text == t.low && t.is("he", "she", "they")
}

// datedPronoun returns the index of the he, she or they that follows a short
// opening phrase of time with no comma, "In 2011 she", "On Monday he", "Last
// week they", or i when there is none.
func datedPronoun(toks []token, i, k int) int {
	if i >= k || !toks[i].is("in", "on", "at", "during", "last", "this", "earlier", "later") {
		return i
	}
	for j := i + 1; j < k && j-i <= 5 && toks[j].kind == tWord; j++ {
		if personPronoun(&toks[j]) {
			p := &toks[j-1]
			if j-1 > i && (unicode.IsDigit(rune(p.low[0])) || dayWords[p.low] || months[p.low] || timeWords[p.low]) {
				return j
			}
			return i
		}
	}
	return i
}

// clauseSubject finds the speaker of the clause a participle cue at v hangs
// on: an earlier cue in the window, or the quotation just before it.
func (x *extractor) clauseSubject(k, v, lo int) (attribution, bool) {
	toks := x.toks
	if toks[lo].is("as", "when", "while", "after", "before", "because", "although", "though", "once", "since", "if") {
		// A clause opening the sentence holds another subject: As the
		// crowd began to chant, Silverman … joked, "…" (testdata/subjects.txt).
		for c := lo + 1; c < v; c++ {
			if toks[c].punct(',') {
				if a, ok := x.sentenceSubject(c+1, v, true); ok {
					return a, true
				}
				break
			}
		}
	}
	for u := v - 1; u >= lo; u-- {
		if u+2 < v-1 && toks[u].punct(',') && toks[u+1].is("and", "but") && (determiners[toks[u+2].low] || nameAt(toks, u+2)) {
			// A cue before ", and" and a subject of its own is another
			// clause's: a group of pastors called for a boycott, and the
			// league denounced his words and said it would "…"
			// (testdata/subjects.txt).
			break
		}
		n, ok := isCue(toks, u)
		if !ok || namingVerbs[toks[u].low] && u+n < len(toks) && toks[u+n].kind == tQuote && u > 0 && toks[u-1].text == toks[u-1].low {
			continue // not a class called “Perception” (testdata/partial.txt)
		}
		if toks[u].low == "according" {
			// "according to their lawyers" names a source, not the
			// clause's subject (testdata/subjects.txt).
			continue
		}
		if subj := backwardNP(toks, u, lo); subj.kind != npNone {
			return x.resolve(subj, toks[u:u+n])
		}
	}
	if lo > 0 && toks[lo-1].kind == tQuote && toks[lo-1].sent == toks[v].sent {
		if q := toks[lo-1].q; x.found[q] && !x.attrs[q].owned {
			a := x.attrs[q]
			return attribution{speaker: a.speaker, role: a.role}, true
		}
		return x.afterCue(lo - 1)
	}
	if v > lo && toks[v-1].is("and", "but", "then") {
		// A verb in the past before "and": when Cruz knocked Rubio on trade
		// and called him a "moderate" (testdata/partial.txt).
		for u := v - 2; u > lo; u-- {
			if !pastTense(&toks[u]) || toks[u-1].is("who", "that", "which") {
				continue // not a relative clause's verb: He praised those who left but said …
			}
			if isPossessive(toks[u-1].text) || determiners[toks[u-1].low] {
				continue // an adjective: the Rosses' deceased son (testdata/subjects.txt)
			}
			if subj := backwardNP(toks, u, lo); subj.kind == npProper || subj.kind == npPronoun ||
				subj.kind == npNominal && speakerNoun(subj.headWord()) {
				return x.resolve(subj, nil)
			}
		}
	}
	return attribution{}, false
}

// nearestClauseSubject returns the subject of the clause nearest before a
// participle cue at v, when the sentence's own subject is no speaker: The
// first incident came when Reyes protesters interrupted her, shouting "…";
// I remember Mayor Reyes going on TV, declaring "…" (testdata/partial.txt).
func (x *extractor) nearestClauseSubject(lo, v int) (attribution, bool) {
	toks := x.toks
	for u := v - 2; u > lo && v-u <= maxWindow; u-- {
		t := &toks[u]
		if t.kind != tWord || t.text != t.low || toks[u-1].is("who", "that", "which") || isPossessive(toks[u-1].text) || determiners[toks[u-1].low] {
			continue
		}
		if !pastTense(t) && !(strings.HasSuffix(t.low, "ing") && toks[u-1].capital()) {
			continue
		}
		if subj := backwardNP(toks, u, lo); subj.kind == npProper || subj.kind == npNominal && speakerNoun(subj.headWord()) && !sourceNouns[subj.headWord()] {
			return x.resolve(subj, nil)
		}
		return attribution{}, false
	}
	return attribution{}, false
}

// continuation gives a quotation with no cue of its own the speaker of the
// quotation before it, when it opens a sentence and nothing but that
// quotation's cue stands between them (testdata/continuation.txt,
// testdata/split.txt: "…," she said. "…").
func (x *extractor) continuation(i int, attrs []attribution, found []bool) (attribution, bool) {
	prev := i - 1
	for prev >= 0 && x.skip[prev] {
		prev-- // a title in between: after she took the stage to "Eye of the Tiger." "…" (testdata/continuation.txt)
	}
	if prev < 0 || !found[prev] {
		return attribution{}, false
	}
	toks := x.toks
	k := x.qtok[i]
	if k > 0 && toks[k-1].sent == toks[k].sent && toks[k-1].kind != tPara {
		return attribution{}, false // mid-sentence: a scare quote or a title
	}
	if sp := x.spans[i]; k+1 < len(toks) && toks[k+1].sent == toks[k].sent && toks[k+1].kind == tWord && toks[k+1].text == toks[k+1].low &&
		!cueVerbs[toks[k+1].low] && len(strings.Fields(x.text[sp.start:sp.end])) <= 3 && !strings.ContainsAny(x.text[sp.end-1:sp.end], ",.!?") {
		// A word or two quoted at the head of a sentence that runs on
		// are the writer's: 'Stoic' driver identified on the Strip
		// (testdata/scare.txt).
		return attribution{}, false
	}
	if x.mentionedSubject(k) {
		return attribution{}, false
	}
	p := x.qtok[prev]
	paras := 0
	for j := p + 1; j < k; j++ {
		t := &toks[j]
		switch {
		case t.kind == tPara:
			paras++
			if paras > 1 && toks[j-1].kind != tPara {
				return attribution{}, false
			}
		case t.sent != toks[p].sent && !(t.kind == tQuote && x.skip[t.q]):
			return attribution{}, false
		}
	}
	return attribution{speaker: attrs[prev].speaker, role: attrs[prev].role}, true
}

// mentionedSubject reports whether the words quoted at token k, opening
// their sentence, are its subject, spoken of rather than spoken: a name, a
// term or a title with a verb of the writer's after it ("Slow Tide" is a
// remake of …; "Harbor fees" has been the board's word for …). Quoted
// words that end in a stop, a question or an exclamation are a sentence of
// their own (testdata/continuation.txt).
func (x *extractor) mentionedSubject(k int) bool {
	toks := x.toks
	q := strings.TrimRight(toks[k].text, "\"'”’")
	if strings.HasSuffix(q, ".") || strings.HasSuffix(q, "?") || strings.HasSuffix(q, "!") {
		return false
	}
	j := k + 1
	if j < len(toks) && toks[j].punct(',') {
		j++
	}
	if j >= len(toks) || toks[j].sent != toks[k].sent || toks[j].kind != tWord {
		return false
	}
	if strings.HasSuffix(toks[j].low, "ly") && toks[j].text == toks[j].low && j+1 < len(toks) && toks[j+1].sent == toks[k].sent {
		j++ // "Slow Tide" happily mocks …
		return pastTense(&toks[j]) || presentTense(&toks[j])
	}
	return copulas[toks[j].low] && toks[j].low != "'s" || toks[j].is("has", "have", "had", "will", "would", "can", "could", "may", "might")
}

// resumed gives a quotation that opens a sentence the speaker of the cued
// quotation earlier in its paragraph, when only a sentence or two about
// other things stands between them: no quotation, no cue, no other person
// or organisation as a subject. "…," said Ivo Brandt. He has run the mill
// for years. "…" is Brandt's; so is a quotation that fills the next
// paragraph on its own (testdata/continuation.txt).
func (x *extractor) resumed(i int, attrs []attribution, found []bool) (attribution, bool) {
	prev := i - 1
	if prev < 0 || !found[prev] || attrs[prev].cue == "" {
		return attribution{}, false
	}
	toks := x.toks
	k := x.qtok[i]
	if k == 0 {
		return attribution{}, false
	}
	p := x.qtok[prev]
	if k-p > 2*maxWindow || toks[k].sent == toks[p].sent {
		return attribution{}, false
	}
	start := k
	for start > p+1 && toks[start-1].kind == tPara {
		start--
	}
	if start < k && (x.spans[i].single || !x.paraEnds(i)) {
		return attribution{}, false
	}
	if start == k && toks[k-1].sent == toks[k].sent {
		start = x.leadIn(k, attrs[prev].speaker)
		if start < 0 {
			return attribution{}, false
		}
	}
	sents := 0
	for j := p + 1; j < start; j++ {
		t := &toks[j]
		if t.kind == tPara || t.kind == tQuote {
			return attribution{}, false
		}
		if t.sent == toks[p].sent {
			continue
		}
		if j == x.sentFirst[t.sent] {
			sents++
		}
		if _, cue := isCue(toks, j); cue {
			return attribution{}, false
		}
	}
	if sents == 0 && start == k || sents > 2 {
		return attribution{}, false
	}
	lo := x.sentFirst[toks[p].sent+1]
	for m := x.ents.before(toks[lo].start); m < len(x.ents.mentions) && x.ents.mentions[m].pos < toks[start].start; m++ {
		if mm := x.ents.mentions[m]; mm.subject && !sameSpeakerName(mm.name, attrs[prev].speaker) {
			return attribution{}, false
		}
	}
	return attribution{speaker: attrs[prev].speaker, role: attrs[prev].role}, true
}

// paraEnds reports whether the quotation at span i is the last thing in its
// paragraph.
func (x *extractor) paraEnds(i int) bool {
	k := x.qtok[i]
	return k+1 >= len(x.toks) || x.toks[k+1].kind == tPara
}

// leadIn returns the first token of the sentence of the quotation at k when
// a few words of the writer's lead into it and it runs to the sentence's
// end: "…," Brandt said. Even so, "…" (testdata/continuation.txt). The
// words hold no cue, no other quotation and no name but the speaker's. It
// returns -1 otherwise.
func (x *extractor) leadIn(k int, speaker string) int {
	toks := x.toks
	lo := x.sentFirst[toks[k].sent]
	if k-lo > 12 || k+1 < len(toks) && toks[k+1].sent == toks[k].sent && toks[k+1].kind != tPara &&
		!(toks[k+1].punct('.') && (k+2 >= len(toks) || toks[k+2].sent != toks[k].sent || toks[k+2].kind == tPara)) {
		return -1
	}
	for j := lo; j < k; j++ {
		t := &toks[j]
		if t.kind != tWord && !t.punct(',') {
			return -1
		}
		if _, cue := isCue(toks, j); cue {
			return -1
		}
	}
	for m := x.ents.before(toks[lo].start); m < len(x.ents.mentions) && x.ents.mentions[m].pos < toks[k].start; m++ {
		if mm := &x.ents.mentions[m]; mm.pos == toks[lo].start && !mm.person && !mm.org && !strings.Contains(mm.name, " ") && !x.ents.nameLike(mm.name) {
			continue // a word that takes a capital for opening the sentence: Good information …
		}
		if !sameSpeakerName(x.ents.mentions[m].name, speaker) {
			return -1
		}
	}
	return lo
}

// sameSpeakerName reports whether a mention's name is the speaker's, or a
// part of it: "Brandt" is Ivo Brandt.
func sameSpeakerName(name, speaker string) bool {
	return name == speaker || strings.HasSuffix(speaker, " "+stripPossessive(name)) || strings.HasPrefix(speaker, stripPossessive(name)+" ")
}

// afterReport gives a quotation that opens a sentence with no cue of its
// own the speaker of the sentence before it, in its paragraph or closing
// the one before, when that sentence reports speech and quotes nothing:
// Carter said that the region mattered. / "That's because …"
// (testdata/continuation.txt).
func (x *extractor) afterReport(k int) (attribution, bool) {
	toks := x.toks
	start := k
	if k > 0 && toks[k-1].kind != tPara && toks[k-1].sent == toks[k].sent {
		// A few words of the writer's may lead into words that end the
		// sentence: Oake has argued that the fund was doomed. As a result,
		// there is still "…" (testdata/continuation.txt).
		if start = x.leadIn(k, ""); start < 0 {
			return attribution{}, false
		}
	}
	if s := x.spans[toks[k].q]; s.single || x.text[s.start:s.end] == strings.ToUpper(x.text[s.start:s.end]) {
		return attribution{}, false // a subhead: “EVENTUALLY VOTERS MAKE GOOD DECISIONS”
	}
	p := start - 1
	for p >= 0 && toks[p].kind == tPara && k-p <= 2 {
		p--
	}
	if p < 0 || toks[p].kind == tPara || !(toks[p].punct('.') || toks[p].punct(':')) {
		return attribution{}, false
	}
	lo := x.sentFirst[toks[p].sent]
	if p-lo > 2*maxWindow {
		return attribution{}, false
	}
	for j := lo; j < p; j++ {
		if toks[j].kind == tQuote || toks[j].kind == tPara {
			return attribution{}, false
		}
	}
	for v := lo; v < p; v++ {
		n, ok := isCue(toks, v)
		if !ok || toks[v].low == "according" {
			continue
		}
		if isParticiple(toks[v].low) {
			if a, ok := x.sentenceSubject(lo, v, true); ok {
				a.cue = ""
				return a, true
			}
			return attribution{}, false
		}
		var subj np
		if v == lo {
			subj = forwardNP(toks, v+n, p)
		} else {
			subj = backwardNP(toks, v, lo)
		}
		if subj.kind == npNone {
			return attribution{}, false
		}
		a, ok := x.resolve(subj, nil)
		return a, ok
	}
	// No cue: the person the sentence is about, when it opens with a name
	// and a verb: Clinton touted her credentials. "We need …"
	// (testdata/continuation.txt). A short phrase may open the sentence
	// before the name: In a radio spot on Friday, Holm guessed that …
	if e := x.openingComma(lo, p); e > 0 {
		if x.cueFollows(k) {
			return attribution{}, false // "…," it still reads: its own cue, though no one to resolve
		}
		lo = e
	}
	subj := forwardNP(toks, lo, p)
	if subj.kind != npProper || subj.hi >= p || !beforeVerb(&toks[subj.hi]) && !presentTense(&toks[subj.hi]) ||
		len(subj.words) == 1 && !x.ents.nameLike(subj.words[0]) {
		return attribution{}, false
	}
	m := x.ents.makeMention(append([]string(nil), subj.words...), nil)
	if m.org || !m.person && len(x.ents.surnames[m.last]) == 0 {
		return attribution{}, false
	}
	if !x.endsOwnSentence(k) || x.textInBeat(subj.hi, p) {
		// As after a beat: the words must be a sentence of their own, not
		// a title the writer goes on about, and not a text's that the
		// sentence hands them to: Vennick pinned the memo to the door.
		// "…" (testdata/beat.txt).
		return attribution{}, false
	}
	return x.resolve(subj, nil)
}

// beat gives a quotation that opens a sentence with no cue of its own the
// person the sentence right before it, in its paragraph, is about: a name
// the article can place (a person's, or the last name of someone it named
// in full), or "he" or "she", as the subject of a verb, after any opening
// phrase. Feature writing sets the speaker up in a beat of the writer's and
// lets the words follow on their own: Asked whether the kettles would ever
// be cheap, Vennick laughed. "…" (testdata/beat.txt). A reader gives the
// words to whoever the beat is about only when nothing else claims them:
//   - the beat holds no quotation but a title and no cue but a denied one
//     (a cue is afterReport's to read): He would not say. "…";
//   - it ends with a stop, not a colon that makes the words its object,
//     and its verb's object is no text or body that may own them: Vennick
//     pinned the memo to the door. "…" is the memo's;
//   - the quotation runs to the end of its sentence, a sentence of its own,
//     not a title the writer goes on about ("Copper Dreams" is the name
//     of …), and is no subhead;
//   - an organisation, a place, a thing or a description as the subject
//     gives nothing: such a beat is seldom about a speaker.
//
// A headline's quotations are no one's (notQuotation), and a headline is a
// paragraph of its own.
func (x *extractor) beat(k int) (attribution, bool) {
	toks := x.toks
	if k < 2 || toks[k-1].kind == tPara || toks[k-1].sent == toks[k].sent {
		return attribution{}, false // the paragraph's first words, or mid-sentence
	}
	s := x.spans[toks[k].q]
	if q := x.text[s.start:s.end]; s.single || q == strings.ToUpper(q) || titleCase(q) {
		return attribution{}, false // a subhead or a title
	}
	if !x.endsOwnSentence(k) {
		return attribution{}, false
	}
	p := k - 1
	if !toks[p].punct('.') && !toks[p].punct('!') {
		return attribution{}, false
	}
	lo := x.sentFirst[toks[p].sent]
	if p-lo > 2*maxWindow {
		return attribution{}, false
	}
	for j := lo; j < p; j++ {
		if toks[j].kind == tQuote && !x.skip[toks[j].q] || toks[j].kind == tPara {
			return attribution{}, false // a title may stand in it: On "Tide Talk," Vell …
		}
		if _, cue := isCue(toks, j); cue && !(j > lo && (negated(&toks[j-1]) || toks[j-1].is("not", "never"))) {
			return attribution{}, false // but a cue denied is none: Vell would not say. "…"
		}
	}
	subj, ok := x.openingSubject(lo, p, false)
	if !ok || subj.and != nil {
		return attribution{}, false
	}
	switch subj.kind {
	case npPronoun:
		if w := subj.words[0]; w != "he" && w != "she" {
			return attribution{}, false
		}
	case npProper:
		m := x.ents.makeMention(append([]string(nil), subj.words...), nil)
		if m.org || isPossessive(subj.words[len(subj.words)-1]) || !m.person && len(x.ents.surnames[m.last]) == 0 {
			return attribution{}, false
		}
	case npNominal:
		// A person described, with "the": The judge interrupted me. "…"
		// (testdata/beat.txt).
		if subj.det != "the" || !personNouns[subj.headWord()] || strangerNouns[subj.headWord()] {
			return attribution{}, false
		}
		if _, ok := x.ents.description(subj.headWord(), "", x.toks[subj.lo].start); !ok {
			// No one named before holds the title: the description itself,
			// not the person the sentence before was about.
			return attribution{speaker: strings.Join(subj.words, " ")}, true
		}
	default:
		return attribution{}, false
	}
	h := subj.hi
	if h < p && toks[h].punct('(') {
		// A party and a state after the name: Vell (D-Ore.), who …, named …
		for h < p && h-subj.hi <= 6 && !toks[h].punct(')') {
			h++
		}
		if h >= p || !toks[h].punct(')') {
			return attribution{}, false
		}
		h++
	}
	if h = x.afterApposition(h, p); h >= p || !beforeVerb(&toks[h]) && !presentTense(&toks[h]) && !negated(&toks[h]) {
		return attribution{}, false // no verb: the beat is not about the name
	}
	if x.textInBeat(h, p) {
		return attribution{}, false
	}
	return x.resolve(subj, nil)
}

// endsOwnSentence reports whether the quotation at token k runs to the end
// of its sentence, nothing of the writer's after it but a stop: "Slack
// water" is the crews' word for … is not the quoted words' own sentence.
func (x *extractor) endsOwnSentence(k int) bool {
	toks := x.toks
	e := k + 1
	return e >= len(toks) || toks[e].kind == tPara || toks[e].sent != toks[k].sent ||
		toks[e].punct('.') && (e+1 >= len(toks) || toks[e+1].sent != toks[k].sent || toks[e+1].kind == tPara)
}

// textInBeat reports whether the object of the verb at h, the few words
// after it before a preposition or a clause, names a text or a body (a
// memo, a report, the council): quoted words after such a sentence may be
// the text's or the body's, not its subject's. Vell pinned the memo to the
// gate. "…" (testdata/beat.txt). A text further on is no object: Vell
// mentioned that her name was on the site.
func (x *extractor) textInBeat(h, p int) bool {
	for j := h + 1; j < p && j-h <= 4; j++ {
		t := &x.toks[j]
		if t.kind != tWord || t.text != t.low || prepositions[t.low] || t.low == "that" {
			return false
		}
		if sourceNouns[t.low] {
			return true
		}
	}
	return false
}

// cueFollows reports whether a cue follows the quotation at k in its
// sentence, after its comma: "…," it still reads.
func (x *extractor) cueFollows(k int) bool {
	toks := x.toks
	if k+1 >= len(toks) || toks[k+1].sent != toks[k].sent || !endsWithComma(toks[k].text) && !toks[k+1].punct(',') {
		return false
	}
	for j := k + 1; j < len(toks) && j-k <= 4 && toks[j].sent == toks[k].sent && toks[j].kind != tPara; j++ {
		if _, cue := isCue(toks, j); cue {
			return true
		}
	}
	return false
}

// openingComma returns the token after the comma that closes a short
// phrase opening the sentence at lo with a preposition or "during", "after"
// and the like (In a radio spot on Friday, …), or 0 when there is none before p.
func (x *extractor) openingComma(lo, p int) int {
	toks := x.toks
	if !toks[lo].capital() || !prepositions[toks[lo].low] && !toks[lo].is("during", "after", "before") {
		return 0
	}
	for j := lo + 1; j < p && j-lo <= 8; j++ {
		if toks[j].punct(',') {
			return j + 1
		}
		if toks[j].kind != tWord {
			return 0
		}
	}
	return 0
}

// presentTense reports whether t looks like a verb in the third person
// present: supports, touts.
func presentTense(t *token) bool {
	return t.kind == tWord && t.text == t.low && len(t.low) > 3 && strings.HasSuffix(t.low, "s") &&
		!strings.HasSuffix(t.low, "ss") && !npStop[t.low] && !personNouns[t.low]
}

// resolve turns a subject noun phrase and its cue into an attribution.
func (x *extractor) resolve(n np, cue []token) (attribution, bool) {
	if n.and != nil {
		// Two people speak together when both are people's names; else
		// the name next to the verb speaks: "…," Ana Ruiz and Tom Berg
		// wrote (testdata/subjects.txt).
		second := *n.and
		first := n
		first.and, first.hi = nil, second.lo-1
		b, ok := x.resolve(second, cue)
		if !ok || !x.personName(first) || !x.personName(second) {
			return b, ok
		}
		a, ok := x.resolve(first, cue)
		if !ok || a.speaker == b.speaker {
			return b, true
		}
		return attribution{speaker: a.speaker + " and " + b.speaker, cue: b.cue}, true
	}
	if n.kind == npPronoun && n.words[0] == "i" {
		// The writer of a column or a memoir: "Your Honor," I said
		// (testdata/byline.txt). Without a byline, no one.
		if x.author == "" {
			return attribution{}, false
		}
		return attribution{speaker: x.author, cue: joinTokens(cue)}, true
	}
	if n.kind == npPronoun && (n.words[0] == "he" || n.words[0] == "she") {
		if c, ok := x.cataphor(n.lo, n.words[0]); ok {
			a, ok := x.resolve(c, cue)
			if ok && a.speaker != "" {
				return a, true
			}
		}
	}
	if n.kind == npPronoun && n.words[0] == "they" {
		if a, ok := x.pluralSpeaker(n.lo); ok {
			a.cue = joinTokens(cue)
			return a, true
		}
		if a, ok := x.theyBefore(n.lo, cue); ok {
			return a, true
		}
	}
	if h := n.headWord(); n.kind == npNominal && possessivePronouns[n.det] && (textNouns[h] || remarkNouns[h] || answerNouns[h] || planNouns[h]) {
		// His response, her statement: the words are the owner's
		// (testdata/pronoun.txt).
		if p := ownerPronoun[n.det]; p != "" {
			return x.resolve(np{kind: npPronoun, lo: n.lo, hi: n.lo + 1, words: []string{p}}, cue)
		}
	}
	if h := n.headWord(); n.kind == npNominal && possessivePronouns[n.det] && ownerPronoun[n.det] != "" && personNouns[h] && len(n.words) <= 3 {
		// His lawyer, her family: the owner's, by name, when the article
		// has named them (testdata/pronoun.txt).
		if o, ok := x.resolve(np{kind: npPronoun, lo: n.lo, hi: n.lo + 1, words: []string{ownerPronoun[n.det]}}, nil); ok && o.speaker != "" && !strings.Contains(o.speaker, "'") {
			return attribution{speaker: o.speaker + "'s " + strings.Join(n.words, " "), cue: joinTokens(cue)}, true
		}
	}
	if h := n.headWord(); n.kind == npNominal && (textNouns[h] || sourceNouns[h]) && !personNouns[h] && !organisationWords[h] {
		// The Post's headline reads: "…": the owner's words, as the
		// owner's statement would be (testdata/organisation.txt).
		var owner []string
		for _, w := range n.words[:len(n.words)-1] {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) {
				break
			}
			owner = append(owner, w)
			if isPossessive(w) {
				owner[len(owner)-1] = stripPossessive(w)
				if m := x.ents.makeMention(owner, nil); m.name != "" {
					return x.resolve(np{kind: npProper, lo: n.lo, hi: n.lo + len(owner), words: owner}, cue)
				}
				break
			}
		}
	}
	if n.kind == npNominal && len(n.words) == 1 && n.words[0] == "another" {
		// Another of those just quoted: "…," one user wrote. Another said,
		// "…" is another user (testdata/nobody.txt).
		a := attribution{speaker: "another", cue: joinTokens(cue)}
		if b, ok := x.lastSpeakerBefore(n.lo); ok && description(b.speaker) {
			d := b.speaker
			if f, rest, ok := strings.Cut(d, " "); ok && (determiners[f] || f == "yet") {
				d = rest
			}
			a.speaker += " " + d
		}
		return a, true
	}
	if n.kind == npNominal && (n.det == "the" || n.det == "that" || n.det == "this") && len(n.words) == 1 && textNouns[n.words[0]] {
		if a, ok := x.textWriter(n.words[0], n.lo); ok {
			a.cue = joinTokens(cue)
			return a, true
		}
	}
	if n.kind == npPronoun && n.words[0] == "it" && len(cue) == 1 && cue[0].is("read", "reads", "said", "says") {
		if a, ok := x.signBearer(n.lo); ok {
			a.cue = joinTokens(cue)
			return a, true
		}
		for i := n.lo - 1; cue[0].is("read", "reads") && i >= 0 && x.toks[n.lo].sent-x.toks[i].sent <= 6; i-- {
			if textNouns[x.toks[i].low] && x.toks[i].sent < x.toks[n.lo].sent {
				// It is the text just named, its writer's: The email
				// includes a photo … At the bottom it reads, "…"
				// (testdata/organisation.txt).
				if a, ok := x.textWriter(x.toks[i].low, x.sentFirst[x.toks[i].sent+1]); ok && a.speaker != "" {
					a.cue = joinTokens(cue)
					return a, true
				}
				break
			}
		}
		if m, ok := x.ents.pronoun("it", x.toks[n.lo].start); cue[0].is("read", "reads") && (!ok || x.ents.sentencesBetween(m.pos, x.toks[n.lo].start) > 3) {
			// A text that reads is the text just named, not a body named
			// sentences ago: "…," it still reads, of a notice board
			// (testdata/continuation.txt).
			return attribution{}, true
		}
	}
	if n.kind == npPronoun && n.words[0] == "it" {
		if a, ok := x.bodySpeakerBefore(n.lo); ok {
			a.cue = joinTokens(cue)
			return a, true
		}
	}
	pos := x.toks[n.lo].start
	if n.kind == npProper {
		// A speaker is the likeliest antecedent of the next "he said".
		x.ents.markSubject(pos, x.toks[n.hi-1].end)
	}
	speaker, role, ok := x.ents.speakerOf(n, x.toks, pos, x.affiliation(n.lo))
	if n.kind == npPronoun && (n.words[0] == "he" || n.words[0] == "she") && len(cue) > 0 && (!ok || speaker == "") {
		// "…," he said, and the article has named no man he can be: the
		// words are his, whoever he is, not the last speaker's ("Go on,"
		// he said, of a judge it never names) (testdata/byline.txt).
		return attribution{}, true
	}
	if !ok || speaker == "" {
		return attribution{}, false
	}
	return attribution{speaker: speaker, role: role, cue: joinTokens(cue)}, true
}

// description reports whether a speaker is a description, not a name: "user",
// "New Hampshire Republican".
func description(speaker string) bool {
	last := lower(speaker[strings.LastIndexByte(speaker, ' ')+1:])
	return speaker[0] >= 'a' && speaker[0] <= 'z' || partyWords[last] || demonymWords[last] || personNouns[last]
}

// theyBefore resolves "they" near the start of its sentence, at token p, to
// whom the sentence before is about when no plural speaker came before:
// people described (Ferry workers gathered outside. Later they said …,
// testdata/pronoun.txt) or a body no list knows (Tidewatch did a fact-check
// … On Tuesday they published …, testdata/organisation.txt).
func (x *extractor) theyBefore(p int, cue []token) (attribution, bool) {
	toks := x.toks
	s := toks[p].sent
	if s == 0 || p-x.sentFirst[s] > 4 {
		return attribution{}, false
	}
	lo, hi := x.sentFirst[s-1], x.sentFirst[s]
	if subj, ok := x.openingSubject(lo, hi, false); ok && subj.kind == npNominal && subj.and == nil &&
		strings.HasSuffix(subj.headWord(), "s") && speakerNoun(subj.headWord()) {
		if a, ok := x.resolve(subj, cue); ok && a.speaker != "" {
			return a, true
		}
	}
	for j := lo; j+1 < hi; j++ {
		if !toks[j].capital() || isPossessive(toks[j].text) || !pastTense(&toks[j+1]) && !toks[j+1].is("did", "has", "had") {
			continue
		}
		b := j
		for b > lo+1 && toks[b-1].capital() && !isPossessive(toks[b-1].text) {
			b-- // the name's capitals, not an opening phrase's
		}
		subj := np{kind: npProper, lo: b, hi: j + 1}
		for _, t := range toks[b : j+1] {
			subj.words = append(subj.words, t.text)
		}
		if x.personName(subj) {
			break
		}
		if m := x.ents.makeMention(append([]string(nil), subj.words...), nil); m.name != "" && !m.person && !m.place {
			if a, ok := x.resolve(subj, cue); ok && a.speaker != "" {
				return a, true
			}
		}
		break
	}
	return attribution{}, false
}

// cataphor returns the name a pronoun at token p looks ahead to, when the
// pronoun stands in a clause that opens its sentence and the main clause
// after its comma has a person of the pronoun's gender as subject: Where he
// used to boast that …, on Tuesday night Mayor Reyes said … is Reyes
// (testdata/subjects.txt).
func (x *extractor) cataphor(p int, pronoun string) (np, bool) {
	toks := x.toks
	lo := x.sentFirst[toks[p].sent]
	if !toks[lo].is("where", "when", "while", "although", "though", "as", "after", "before", "if", "because", "since", "once", "whenever", "until") || p-lo > maxWindow {
		return np{}, false
	}
	c := -1
	for j := p + 1; j < len(toks) && j-p <= maxWindow && toks[j].sent == toks[p].sent; j++ {
		if toks[j].kind == tPara {
			return np{}, false
		}
		if toks[j].punct(',') || toks[j].kind == tQuote && endsWithComma(toks[j].text) {
			c = j
			break
		}
	}
	if c < 0 {
		return np{}, false
	}
	j := c + 1
	for j < len(toks) && j-c <= 8 && toks[j].kind == tWord && toks[j].sent == toks[p].sent &&
		(toks[j].text == toks[j].low || dayWords[toks[j].low] || months[toks[j].low]) {
		j++ // on Tuesday night
	}
	if j >= len(toks) || !toks[j].capital() || toks[j].sent != toks[p].sent {
		return np{}, false
	}
	n := forwardNP(toks, j, min(len(toks), j+maxWindow))
	if n.kind != npProper || n.hi >= len(toks) || !verbFollows(toks, n.hi) && !presentTense(&toks[n.hi]) {
		return np{}, false
	}
	m := x.ents.makeMention(append([]string(nil), n.words...), nil)
	if !m.person || m.org || m.g != unknownGender && m.g != pronounGender(pronoun) {
		return np{}, false
	}
	return n, true
}

// signBearer returns the person who holds up the sign, the banner or the
// shirt that "it" stands for at token p, "…," it read: the subject of the
// sentence before that names it (testdata/partial.txt).
func (x *extractor) signBearer(p int) (attribution, bool) {
	toks := x.toks
	for j := p - 1; j >= 0 && p-j <= 2*maxWindow && toks[p].sent-toks[j].sent <= 3; j-- {
		t := &toks[j]
		if t.kind == tQuote && !x.skip[t.q] {
			continue
		}
		if t.kind == tWord && signNouns[t.low] && t.text == t.low && toks[j].sent < toks[p].sent {
			return x.sentenceSubject(x.sentFirst[t.sent], j, true)
		}
	}
	return attribution{}, false
}

// signNouns are what people hold up or wear with words on them.
var signNouns = set(`sign signs banner banners placard placards poster posters shirt t-shirt shirts hat cap badge button`)

// bodySpeakerBefore returns the speaker of the quotation just before token
// p, in its paragraph or the one before, when that speaker is a body the
// article describes without naming it, and no name comes between: "…," the
// company wrote. It added, "…" (testdata/organisation.txt).
func (x *extractor) bodySpeakerBefore(p int) (attribution, bool) {
	q, named := x.foundQuoteBefore(p, 1, 2*maxWindow)
	if q < 0 || named {
		return attribution{}, false
	}
	a := x.attrs[q]
	if a.speaker == "" || a.speaker != strings.ToLower(a.speaker) || !organisationWords[a.speaker[strings.LastIndexByte(a.speaker, ' ')+1:]] {
		return attribution{}, false
	}
	return attribution{speaker: a.speaker, role: a.role}, true
}

// foundQuoteBefore returns the attributed quotation nearest before token p,
// within paras paragraph breaks and span tokens, or -1; and whether a name
// stands between (a capitalised word inside a sentence).
func (x *extractor) foundQuoteBefore(p, paras, span int) (q int, named bool) {
	toks := x.toks
	breaks := 0
	for j := p - 1; j >= 0 && p-j <= span; j-- {
		switch t := &toks[j]; {
		case t.kind == tPara && (j == 0 || toks[j-1].kind != tPara): // one break, however many lines
			if breaks++; breaks > paras {
				return -1, named
			}
		case t.kind == tQuote && !x.skip[t.q] && x.found[t.q]:
			return t.q, named
		case t.capital() && j > 0 && toks[j-1].sent == t.sent && toks[j-1].kind == tWord:
			named = true
		}
	}
	return -1, named
}

// roleOpeners are common words that open a role and take a capital only
// when they open the sentence: Neighbour Jim Dowd, Opposition leader Gwen
// Hollis, Substitute Joel Mensah.
var roleOpeners = set(`neighbour neighbor substitute opposition town city county village parish shop store club
team deputy assistant senior junior former acting interim chief head local party campaign union`)

// answerNouns are what someone says back.
var answerNouns = set(`response answer reply retort rejoinder`)

// ownerPronoun is the subject pronoun of a possessive one.
var ownerPronoun = map[string]string{"his": "he", "her": "she", "their": "they", "its": "it"}

// textWriter finds who wrote the text that "the statement" or "the letter"
// at token at stands for: the same word in one of the three sentences before
// (or its verb: emailed for the email), issued by someone (Novalink issued a
// statement; Cook provided a written statement; a statement issued by the
// campaign; a letter from Quill), owned (Quill's letter) or in a sentence
// that quotes it already (In a letter to staff, Quill wrote that …) or has
// its writer as subject (Abedin emailed supporters …) (testdata/organisation.txt).
func (x *extractor) textWriter(noun string, at int) (attribution, bool) {
	toks := x.toks
	sent := toks[at].sent
	for i := at - 1; i >= 0 && sent-toks[i].sent <= 3; i-- {
		t := &toks[i]
		if t.kind != tWord || t.sent == sent {
			continue
		}
		verb := t.low == noun+"ed" || t.low == noun+"d" || noun == "letter" && t.low == "wrote"
		if t.low != noun && !verb {
			continue
		}
		lo := x.sentFirst[t.sent]
		if verb {
			if subj := backwardNP(toks, i, lo); writes(subj) {
				return x.resolve(subj, nil)
			}
			return attribution{}, false
		}
		dets := []string{"a", "an", "the", "its", "his", "her", "their"}
		d := i - 1
		if d > lo && toks[d].text == toks[d].low && !toks[d].is(dets...) && toks[d-1].is(dets...) {
			d-- // a written statement
		}
		if d >= lo && toks[d].is(dets...) {
			d--
		}
		if d > lo && toks[d].text == toks[d].low && !writerVerbs[toks[d].low] && writerVerbs[toks[d-1].low] {
			d-- // sent out a statement
		}
		switch {
		case d >= lo && writerVerbs[toks[d].low]:
			if maker := backwardNP(toks, d, lo); writes(maker) {
				return x.resolve(maker, nil)
			}
		case d >= lo && isPossessive(toks[d].text) && toks[d].capital():
			b := d
			for b > lo && toks[b-1].kind == tWord && toks[b-1].capital() && !isPossessive(toks[b-1].text) {
				b--
			}
			if owner := walkBack(toks, d, b); owner.kind == npProper {
				return x.resolve(owner, nil)
			}
		case i+3 < len(toks) && writerVerbs[toks[i+1].low] && toks[i+2].low == "by" || i+2 < len(toks) && toks[i+1].is("from", "by"):
			a := i + 2 + btoi(toks[i+2].low == "by")
			if w := forwardNP(toks, a, min(len(toks), a+maxNP)); writes(w) {
				return x.resolve(w, nil)
			}
		default:
			// The text was sent, at whatever hour, by its writer: The email,
			// released by the trust, was sent at 7:19 p.m. by Ada Finch
			// (testdata/organisation.txt).
			for v := i + 1; v < len(toks) && toks[v].sent == t.sent; v++ {
				if !toks[v].is("sent", "written", "signed", "penned", "authored", "drafted") || toks[v].text != toks[v].low {
					continue
				}
				for b := v + 1; b+1 < len(toks) && b-v <= 8 && toks[b].sent == t.sent; b++ {
					if toks[b].low == "by" {
						if w := forwardNP(toks, b+1, min(len(toks), b+1+maxNP)); writes(w) {
							return x.resolve(w, nil)
						}
						break
					}
				}
				break
			}
			// The sentence quotes the text already: In a letter to staff,
			// Quill wrote that the company had "let people down."
			for v := i + 1; v < len(toks) && toks[v].sent == t.sent; v++ {
				if q := toks[v].q; toks[v].kind == tQuote && x.found[q] && !x.attrs[q].owned {
					return attribution{speaker: x.attrs[q].speaker, role: x.attrs[q].role}, true
				}
			}
		}
		return attribution{}, false
	}
	return attribution{}, false
}

// writes reports whether n can have written a text: a name, or people or a
// body described (the campaign), not another text.
func writes(n np) bool {
	return n.kind == npProper || n.kind == npNominal && speakerNoun(n.headWord()) && !textNouns[n.headWord()]
}

// writerVerbs put out a text: Novalink issued a statement; a letter sent by
// the board.
var writerVerbs = set(`issued released sent published posted distributed put provided gave wrote emailed
tweeted signed`)

// joinTokens returns the text of ts joined by spaces.
func joinTokens(ts []token) string {
	words := make([]string, len(ts))
	for i := range ts {
		words[i] = ts[i].text
	}
	return strings.Join(words, " ")
}

// pluralSpeaker reads "they" at token i as the people a plural noun named
// who spoke in the sentence before or in its own, unless an organisation is
// named in its own sentence: "…," the unions warn. They complain that Wolfe
// has yet to "…" is the unions', not the body named before them
// (testdata/pronoun.txt).
func (x *extractor) pluralSpeaker(i int) (attribution, bool) {
	q := -1
	for j := len(x.spans) - 1; j >= 0; j-- {
		if x.qtok[j] < i && x.found[j] {
			q = j
			break
		}
	}
	if q < 0 || x.toks[i].sent-x.toks[x.qtok[q]].sent > 1 {
		return attribution{}, false
	}
	a := x.attrs[q]
	w := a.speaker
	if strings.ContainsAny(w, " -") || w != strings.ToLower(w) || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") ||
		!speakerNoun(w) && !organisationWords[w[:len(w)-1]] {
		return attribution{}, false
	}
	if m, ok := x.ents.pronounCandidate("they", unknownGender, x.toks[i].start); ok && m.pos > x.spans[q].end && m.pos >= x.toks[x.sentFirst[x.toks[i].sent]].start {
		return attribution{}, false
	}
	return attribution{speaker: a.speaker, role: a.role}, true
}

// personName reports whether a proper noun phrase names a person: its words
// look like a person's name, or its last word is the last name of a person
// the article names in full.
func (x *extractor) personName(n np) bool {
	if n.kind != npProper || n.role != "" {
		return false
	}
	m := x.ents.makeMention(append([]string(nil), n.words...), nil)
	return !m.org && m.name != "" && (m.person || len(x.ents.surnames[m.last]) > 0)
}

// affiliation returns the demonym of the country a sentence opens with
// ("Iran has only offered very vague comments, with a foreign ministry
// spokesman saying …" → "Iranian"), or "".
func (x *extractor) affiliation(k int) string {
	toks := x.toks
	s := x.sentFirst[toks[k].sent]
	if s >= len(toks) || !toks[s].capital() {
		return ""
	}
	name := toks[s].low
	if s+1 < len(toks) && toks[s+1].capital() {
		if d, ok := demonyms[name+" "+toks[s+1].low]; ok {
			return d
		}
	}
	return demonyms[strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")]
}

// Author returns the one person a byline names: "By Mira Castell", "Mira
// Castell, political editor", "BY MIRA CASTELL". It returns "" for a byline
// of several people ("By Ann Lee and Tom Ash") or of none ("Staff
// reporter"), whose "I" is no one in particular.
func Author(byline string) string {
	b := strings.TrimSpace(byline)
	if len(b) > 3 && strings.EqualFold(b[:3], "by ") {
		b = strings.TrimSpace(b[3:])
	}
	if i := strings.IndexAny(b, ",|(\n"); i >= 0 {
		if coAuthor(b[i+1:]) {
			return "" // Abby Lee,David Park; Ann Lee, and Tom Ash, USA TODAY
		}
		b = strings.TrimSpace(b[:i])
	}
	words := strings.Fields(b)
	if len(words) < 2 || len(words) > 4 || len(b) > 60 {
		return ""
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.EqualFold(w, "and") || strings.Contains(w, "&") {
			return ""
		}
		if w == strings.ToUpper(w) && len(w) > 2 {
			words[i] = string(r) + strings.ToLower(w[utf8.RuneLen(r):]) // BY MIRA CASTELL
		}
	}
	name := strings.Join(words, " ")
	if !looksLikeName(words) {
		return ""
	}
	return name
}

// excerptFrom finds, near an article's start, the note that presents it as
// an excerpt of someone's book: "The following is an excerpt from Dana
// Holm's new book"; "Adapted from Dana Holm's memoir".
var excerptFrom = regexp.MustCompile(`(?i:excerpt(?:s|ed)?|adapted)\b[^.\n]{0,160}?\b((?:[A-Z][\p{L}'’.-]*\s+){1,3}[A-Z][\p{L}'’-]*?)['’]s\s+(?:[\p{L}-]+\s+){0,3}(?i:book|memoir|novel|biography)\b`)

// excerptAuthor returns the writer whose book the article is an excerpt of,
// as an editor's note in its first paragraphs names them, or "": the "I" of
// the excerpt is theirs (testdata/byline.txt).
func excerptAuthor(text string) string {
	head := text[:min(len(text), 1200)]
	if !strings.Contains(head, "xcerpt") && !strings.Contains(head, "dapted") && !strings.Contains(head, "XCERPT") && !strings.Contains(head, "DAPTED") {
		return "" // the cheap test first: most articles are no excerpt
	}
	m := excerptFrom.FindStringSubmatch(head)
	if m == nil {
		return ""
	}
	words := strings.Fields(m[1])
	if !looksLikeName(words) {
		return ""
	}
	return strings.Join(words, " ")
}

// coAuthor reports whether the rest of a byline, after its first name,
// names another person: "David Park" or "and Tom Ash" between its commas,
// not "USA TODAY", "political editor" or "The Courier".
func coAuthor(rest string) bool {
	for _, part := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == '|' || r == '(' || r == '\n' }) {
		words := strings.Fields(part)
		if len(words) > 0 && strings.EqualFold(words[0], "and") {
			words = words[1:]
		}
		if len(words) >= 2 && len(words) <= 4 && looksLikeName(words) {
			return true
		}
	}
	return false
}

// LeadingByline returns the byline a plain-text article gives on one of its
// first lines, "By Mira Castell", or "".
func LeadingByline(text string) string {
	b := bylineSpan(text)
	return strings.TrimSpace(text[b[0]:b[1]])
}

// bylineSpan returns where the byline among an article's first five lines
// is, a line "By …" naming one or more people; zeros if none. The writer
// the byline names is no one the article's pronouns stand for.
func bylineSpan(text string) [2]int {
	for i, at := 0, 0; i < 5 && at < len(text); i++ {
		e := strings.IndexByte(text[at:], '\n')
		if e < 0 {
			e = len(text) - at
		}
		l := strings.TrimSpace(text[at : at+e])
		if len(l) > 3 && strings.EqualFold(l[:3], "by ") && len(l) <= 120 {
			if r, _ := utf8.DecodeRuneInString(l[3:]); unicode.IsUpper(r) {
				return [2]int{at, at + e}
			}
		}
		if l == "" {
			i-- // blank lines do not count
		}
		at += e + 1
	}
	return [2]int{}
}

// LeadingTitle returns the headline a plain-text article opens with: its
// first line, when a blank line follows it and it reads as a headline, not
// as prose (at most maxTitleWords words, not ending in a full stop or a
// comma). It returns "" otherwise. Given as the Article's Title, it keeps
// the headline's quotations, the editor's condensation of the body's, from
// being attributed, and names the article in each quote's source.
func LeadingTitle(text string) string {
	s := strings.TrimLeft(text, " \t\r\n")
	line, rest, ok := strings.Cut(s, "\n")
	if !ok || strings.TrimSpace(strings.SplitN(rest, "\n", 2)[0]) != "" {
		return ""
	}
	line = strings.TrimSpace(line)
	if n := len(strings.Fields(line)); n == 0 || n > maxTitleWords || strings.HasSuffix(line, ".") || strings.HasSuffix(line, ",") {
		return ""
	}
	return line
}

// maxTitleWords bounds a headline.
const maxTitleWords = 25

// LeadingDate returns the publication date an article's text opens with, as
// scraped articles often do (" date 2025-03-04 A very unexpected …"), or ""
// when the text does not open with "date", an optional colon and a valid
// YYYY-MM-DD date. The text itself is left alone: quotation offsets count
// from its first byte.
func LeadingDate(text string) string {
	s := strings.TrimLeft(text, " \t\r\n")
	if len(s) < 4 || !strings.EqualFold(s[:4], "date") {
		return ""
	}
	s = strings.TrimLeft(strings.TrimPrefix(s[4:], ":"), " \t")
	if len(s) < 10 || len(s) > 10 && !strings.ContainsRune(" \t\r\n", rune(s[10])) {
		return ""
	}
	if d := s[:10]; d[4] == '-' && quotes.ValidDate(d) {
		return d
	}
	return ""
}
