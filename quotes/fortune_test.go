package quotes

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestReadFortuneShared reads every raw fortune file of ../shared/data and
// compares the attributed entries with the collection's quotes.jsonl, which
// an independent parser made from the same files. That parser keeps an
// entry of several attributed quotes whole, so its records are split as
// ReadFortune splits entries (splitAttributed) before they are compared.
// Run it with -v to see every disagreement.
func TestReadFortuneShared(t *testing.T) {
	ref := openShared(t, "fortunes/quotes.jsonl")
	type key struct{ file, text string }
	want := map[key][]string{} // speakers of the entries with this text
	total := 0
	dec := json.NewDecoder(ref)
	for dec.More() {
		var rec struct{ Text, Speaker, Collection string }
		if err := dec.Decode(&rec); err != nil {
			t.Fatal(err)
		}
		for _, part := range splitAttributed(Quote{Text: rec.Text, Speaker: rec.Speaker}) {
			k := key{strings.TrimPrefix(rec.Collection, "debian/"), textKey(part.Text)}
			want[k] = append(want[k], part.Speaker)
			total++
		}
	}

	root := filepath.Join(sharedData, "fortunes/raw")
	var got, agree, extra int
	explained := map[string]int{}
	var unexplained []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "COPYRIGHT.debian" {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		for q, err := range ReadFortune(f, rel) {
			if errors.Is(err, ErrNoSpeaker) {
				continue
			}
			if err != nil {
				t.Errorf("%v", err)
				continue
			}
			got++
			k := key{rel, textKey(q.Text)}
			speakers := want[k]
			if len(speakers) == 0 {
				extra++
				t.Logf("only here: %s: %q: %.60q", rel, q.Speaker, q.Text)
				continue
			}
			want[k] = speakers[1:]
			if speakers[0] == q.Speaker {
				agree++
			} else if why := explainSpeaker(q.Speaker, speakers[0]); why != "" {
				explained[why]++
				t.Logf("differ (%s): %s: got %q, reference %q", why, rel, q.Speaker, speakers[0])
			} else {
				unexplained = append(unexplained, fmt.Sprintf("%s: got %q, reference %q", rel, q.Speaker, speakers[0]))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	missing := 0
	for k, speakers := range want {
		for _, s := range speakers {
			missing++
			t.Logf("only in the reference: %s: %q: %.60q", k.file, s, k.text)
		}
	}
	for _, u := range unexplained {
		t.Logf("differ: %s", u)
	}
	nExplained := 0
	for why, n := range explained {
		nExplained += n
		t.Logf("%d differ: %s", n, why)
	}
	t.Logf("read %d attributed entries, reference %d: %d same speaker (%.2f%%), %d differ explained (%.2f%% with them), %d differ otherwise, %d only in the reference, %d only here",
		got, total, agree, 100*float64(agree)/float64(total), nExplained, 100*float64(agree+nExplained)/float64(total), len(unexplained), missing, extra)
	// Measured: 8,386 same speaker (98.45%), 127 more explained (99.94%);
	// the entries only here have attributions wrapped onto several lines.
	if agree < total*98/100 || agree+nExplained < total*99/100 {
		t.Errorf("speakers agree on %d of %d entries, %d with explained differences; want at least 98%% and 99%%", agree, total, agree+nExplained)
	}
	if missing > total/100 || extra > total/100 {
		t.Errorf("%d entries only in the reference and %d only here; want at most 1%% each", missing, extra)
	}
}

// explainSpeaker names a known reason why the reference's speaker differs
// from ours, or returns "".
func explainSpeaker(got, ref string) string {
	switch {
	case cleanTerminal(ref) == got:
		return "the reference keeps backspace overstrikes (Poincar'\\be), we compose them"
	case (strings.HasSuffix(got, ")") || strings.HasSuffix(got, "]")) && strings.TrimRight(got, ".)]") == ref:
		return "the reference drops a closing bracket: (Horace"
	case strings.HasPrefix(got, ref) && strings.Count(ref, "(")+strings.Count(ref, "[") > strings.Count(ref, ")")+strings.Count(ref, "]"):
		return "the reference cuts at a comma inside brackets"
	}
	return ""
}

// textKey identifies a fortune's text across parsers: its ASCII letters and
// digits, after the terminal overstrikes the reference kept raw are
// resolved. (The reference decoded some files as Latin-1.)
func textKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(cleanTerminal(s)) {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestReadFortuneGood(t *testing.T) {
	c := collect(t, ReadFortune(openTestdata(t, "good.fortune"), "good.fortune"))
	want := []Quote{
		{Text: "Always do right.  This will gratify some people and astonish the rest.", Speaker: "Mark Twain"},
		{Text: "Men seldom make passes\nAt girls who wear glasses.", Speaker: "Dorothy Parker", Source: Source{Title: `"Enough Rope"`}},
		{Text: "It is easier to port a shell than a shell script.", Speaker: "Larry Wall", Source: Source{Title: "<8538@jpl-devvax.JPL.NASA.GOV>"}},
		{Text: "Stay hungry, stay foolish.", Speaker: "Steve Jobs", Source: Source{Title: "Stanford commencement, 2005"}},
		{Text: "The journey of a thousand miles begins with a single step.", Speaker: "Lao Tse"},
		{Text: "Another day, another dollar.", Speaker: "Vincent J. Fuller", Source: Source{Title: "defense lawyer for John Hinckley, upon Hinckley's acquittal for shooting President Ronald Reagan."}},
		{Text: "First stanza, line one,\n\tline two indented.\n\nSecond stanza.", Speaker: "Anonymous poet"},
		{Text: "Whisky is for drinking; water is for fighting over.", Speaker: "Scottish proverb"},
		{Text: "We are what we pretend to be.", Speaker: "Kurt Vonnegut Jr."},
		{Text: `"Hello," she said -- and left.`, Speaker: "Quentin Dialogue"},
		{Text: "Famous last words:\nNobody shot me.", Speaker: "Frank Ace", Source: Source{Title: "when asked who had shot him"}},
		{Text: "Only one man kills like that.", Speaker: "Bugs Bee", Source: Source{Title: "on the massacre"}},
	}
	checkQuotes(t, c.quotes, want)
	// Unattributed entries are reported at their first line; the empty
	// entry between two "%" lines is not reported at all.
	var lines []int
	for _, err := range c.errs {
		var re *RecordError
		if !errors.As(err, &re) || !errors.Is(err, ErrNoSpeaker) {
			t.Errorf("error %v, want a *RecordError wrapping ErrNoSpeaker", err)
			continue
		}
		lines = append(lines, re.Line)
	}
	if got, want := fmt.Sprint(lines), "[31 39]"; got != want {
		t.Errorf("lines of unattributed entries = %s, want %s", got, want)
	}
}

func TestReadFortuneOverstrike(t *testing.T) {
	c := collect(t, ReadFortune(openTestdata(t, "overstrike.fortune"), "overstrike.fortune"))
	if len(c.errs) != 0 {
		t.Fatalf("errors = %v, want none", c.errs)
	}
	var got []string
	for _, q := range c.quotes {
		got = append(got, q.Text+" / "+q.Speaker)
	}
	want := []string{
		"It's a very *UN*lucky week. / Churchy La Femme",
		"Mathematics is the queen of the sciences. / H. Poincaré",
		"At the tone leave a message. / Jim Rockford",
	}
	if !slices.Equal(got, want) {
		t.Errorf("quotes = %q, want %q", got, want)
	}
}

func TestReadFortuneCRLF(t *testing.T) {
	in := "One.\r\n\t\t-- A\r\n%\r\nTwo,\r\nlines.\r\n\t\t-- B, Work\r\n"
	c := collect(t, ReadFortune(strings.NewReader(in), "crlf"))
	if len(c.errs) != 0 || len(c.quotes) != 2 {
		t.Fatalf("got %d quotes, errors %v; want 2 quotes", len(c.quotes), c.errs)
	}
	if q := c.quotes[1]; q.Text != "Two,\nlines." || q.Speaker != "B" || q.Source.Title != "Work" {
		t.Errorf("second quote = %+v", q)
	}
}

func TestReadFortuneTooBig(t *testing.T) {
	for _, tt := range []struct {
		name  string
		entry string
	}{
		{"many lines", strings.Repeat("A line of a very long fortune.\n", 4000) + "\t-- Bore\n"},
		{"one long line", strings.Repeat("x", 2*maxLine) + "\n\t-- Bore\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := "Short.\n\t-- A\n%\n" + tt.entry + "%\nAfter.\n\t-- B\n"
			c := collect(t, ReadFortune(strings.NewReader(in), "big"))
			if len(c.quotes) != 2 || len(c.errs) != 1 {
				t.Fatalf("got %d quotes, errors %v; want 2 quotes and 1 error", len(c.quotes), c.errs)
			}
			var re *RecordError
			if !errors.As(c.errs[0], &re) || re.Line != 4 || !errors.Is(re, ErrInvalid) {
				t.Errorf("error = %v, want a *RecordError at big:4 wrapping ErrInvalid", c.errs[0])
			}
		})
	}
}

func TestSplitAttribution(t *testing.T) {
	tests := []struct {
		in, speaker, source string
	}{
		{"Mark Twain", "Mark Twain", ""},
		{`Dorothy Parker, "Enough Rope"`, "Dorothy Parker", `"Enough Rope"`},
		{"Larry Wall in <1992Jul3.191825.14435@netlabs.com>", "Larry Wall", "<1992Jul3.191825.14435@netlabs.com>"},
		{"Larry Wall in <1991Nov7.200504.25280@netlabs.com>1", "Larry Wall", "<1991Nov7.200504.25280@netlabs.com>1"},
		{"Larry Wall to Dan Bernstein in <10187@jpl-devvax.JPL.NASA.GOV>", "Larry Wall to Dan Bernstein", "<10187@jpl-devvax.JPL.NASA.GOV>"},
		{"Dennis Ritchie (1941-2011), creator of the C programming language", "Dennis Ritchie", "creator of the C programming language"},
		{"attr. Thomas J. Watson (Chairman of the Board, IBM), 1943", "attr. Thomas J. Watson (Chairman of the Board, IBM)", "1943"},
		{"Quintus Horatius Flaccus (Horace)", "Quintus Horatius Flaccus (Horace)", ""},
		{"Unattributed song title.", "Unattributed song title", ""},
		{"Frederick Brooks Jr.", "Frederick Brooks Jr.", ""},
		{"H.A.R.L.I.E.", "H.A.R.L.I.E.", ""},
		{"Bruce Schneier, in _CRYPTO-GRAM_, May 15, 2005.", "Bruce Schneier", "in _CRYPTO-GRAM_, May 15, 2005."},
		{", nobody", "", "nobody"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			speaker, source := splitAttribution(tt.in)
			if speaker != tt.speaker || source != tt.source {
				t.Errorf("splitAttribution(%q) = %q, %q, want %q, %q", tt.in, speaker, source, tt.speaker, tt.source)
			}
		})
	}
}

func FuzzReadFortune(f *testing.F) {
	addSeeds(f, "good.fortune", "overstrike.fortune")
	f.Add([]byte("%\n%\n-- \n%\n\t--\n%\nx\n---\n%\n_\b\b\bx\n-- ,\n"))
	f.Add([]byte("a\n\t-- B (1900-2000) in <x>, c\n\t   d\n\t   e\n\t   f\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		collect(t, ReadFortune(bytes.NewReader(data), "fuzz"))
	})
}

func TestSplitAttributed(t *testing.T) {
	type part struct{ text, speaker, title string }
	tests := []struct {
		name string
		in   Quote
		want []part
	}{
		{"several attributed quotes",
			Quote{Text: "To be or not to be.\n\t\t-- Shakespeare\nTo do is to be.\n\t\t-- Nietzsche, Works\nDo be do be do.", Speaker: "Sinatra", Source: Source{Title: "Songs"}, Tags: []string{"be"}},
			[]part{{"To be or not to be.", "Shakespeare", ""}, {"To do is to be.", "Nietzsche", "Works"}, {"Do be do be do.", "Sinatra", "Songs"}}},
		{"an attribution wrapped onto the next line, then a blank line",
			Quote{Text: "Nobody shot me.\n\t\t-- Frank Ace, his last words, when asked\n\t\twho had shot him\n\nOnly one man kills like that.", Speaker: "Bugs Bee"},
			[]part{{"Nobody shot me.", "Frank Ace", "his last words, when asked who had shot him"}, {"Only one man kills like that.", "Bugs Bee", ""}}},
		{"by before the name",
			Quote{Text: "A Tale LITE(tm)\n\t-- by Charles Dickens\n\n\tA man loses his head.", Speaker: "Editor"},
			[]part{{"A Tale LITE(tm)", "Charles Dickens", ""}, {"\tA man loses his head.", "Editor", ""}}},
		{"a dash at the left margin is prose",
			Quote{Text: "Which Shakespeare possessed so enormously\n-- I mean negative capability, that is\nwhen a man is capable.", Speaker: "John Keats"},
			nil},
		{"an indented list of dashed lines",
			Quote{Text: "I'd love to, but...\n\t-- I have to floss my cat.\n\t-- My crayons all melted together.\nMaybe next week.", Speaker: "Anon"},
			nil},
		{"an attribution with nothing after it",
			Quote{Text: "Stay hungry.\n\t\t-- Steve Jobs\n\n", Speaker: "Steve Jobs"},
			nil},
		{"nothing before the attribution",
			Quote{Text: "\n\t\t-- Nobody\nText.", Speaker: "A"},
			nil},
		{"an export, which carries its ID",
			Quote{ID: "t6dff0vfx4", Text: "To be.\n\t\t-- Shakespeare\nTo do.", Speaker: "Sinatra"},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitAttributed(tt.in)
			if tt.want == nil {
				if len(got) != 1 || !equalQuotes(got[0], tt.in) {
					t.Fatalf("split into %+v, want it kept whole", got)
				}
				return
			}
			if len(got) != len(tt.want) {
				t.Fatalf("split into %d parts, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				g := got[i]
				g.Normalize()
				if g.Text != cleanText(w.text) || g.Speaker != w.speaker || g.Source.Title != w.title || !slices.Equal(g.Tags, tt.in.Tags) {
					t.Errorf("part %d = %q by %q (%q, tags %q), want %q by %q (%q)", i, g.Text, g.Speaker, g.Source.Title, g.Tags, w.text, w.speaker, w.title)
				}
			}
		})
	}
}

// FuzzSplitAttributed checks that splitting invents no text: the parts are
// runs of the input's lines, in order, and the last keeps the speaker.
func FuzzSplitAttributed(f *testing.F) {
	f.Add("To be.\n\t\t-- Shakespeare\nTo do.\n\t\t-- Nietzsche\nDo be.")
	f.Add("a\n\t-- b\n\t  c\n\n\t-- d\ne\n\t--\nf")
	f.Add("x\n\t-- by Y (1900-2000) in <m>, z\n\t-- w\nv")
	f.Fuzz(func(t *testing.T, text string) {
		parts := splitAttributed(Quote{Text: text, Speaker: "S"})
		if len(parts) == 1 {
			return
		}
		cursor := 0
		for i, p := range parts {
			// The part's first occurrence after the last part that
			// starts a line.
			at := cursor
			for {
				j := strings.Index(text[at:], p.Text)
				if j < 0 {
					t.Fatalf("part %d %q is not a run of lines of %q after byte %d", i, p.Text, text, cursor)
				}
				if at += j; at == 0 || text[at-1] == '\n' {
					break
				}
				at++
			}
			cursor = at + len(p.Text)
			if p.Speaker == "" {
				t.Fatalf("part %d %q has no speaker", i, p.Text)
			}
		}
		if parts[len(parts)-1].Speaker != "S" {
			t.Fatalf("the last part's speaker is %q, want the quote's", parts[len(parts)-1].Speaker)
		}
	})
}
