package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json and ../../corpus/seed.jsonl from the extractor's output")

func readArticle(t testing.TB, path string) Article {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a := Article{Text: string(b), Date: LeadingDate(string(b))}
	if strings.HasSuffix(path, "headline.txt") {
		// The one case whose first line is the article's title.
		a.Title, _, _ = strings.Cut(a.Text, "\n")
	}
	if strings.HasSuffix(path, "byline.txt") {
		// The one case whose author its byline names.
		a.Author = Author(LeadingByline(a.Text))
	}
	if strings.HasSuffix(path, "deck.txt") {
		// A title stored as headline and deck, the text's first two lines.
		lines := strings.SplitN(a.Text, "\n", 3)
		a.Title = strings.TrimSpace(lines[0]) + " " + strings.TrimSpace(lines[1])
	}
	return a
}

// TestGolden runs every testdata/*.txt article and compares all its
// quotations, attributed or not, with testdata/*.golden.json.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata articles: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			a := readArticle(t, f)
			got := []Quotation{}
			for _, q := range Quotations(a) {
				if a.Text[q.Start:q.End] != q.Text {
					t.Errorf("Text %q is not Text[%d:%d] %q", q.Text, q.Start, q.End, a.Text[q.Start:q.End])
				}
				got = append(got, q)
			}
			b, err := json.MarshalIndent(got, "", "\t")
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, '\n')
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, b, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(b, want) {
				t.Errorf("Quotations(%s) =\n%s\nwant\n%s", f, b, want)
			}
		})
	}
}

// TestSeed checks the seed article against its gold in ../shared: the same
// attributed quotations, text, offsets and cue exact, the speaker the gold's
// or one of its aliases.
func TestSeed(t *testing.T) {
	goldPath := filepath.Join("..", "..", "..", "shared", "eval", "seed", "000_aa55dcdee6668dad.gold.jsonl")
	gb, err := os.ReadFile(goldPath)
	if err != nil {
		t.Skipf("seed gold not found at %s (it lives beside the repository in ../shared): %v", goldPath, err)
	}
	type gold struct {
		Text    string   `json:"text"`
		Speaker string   `json:"speaker"`
		Aliases []string `json:"speaker_aliases"`
		Cue     string   `json:"cue"`
		Start   int      `json:"start"`
		End     int      `json:"end"`
	}
	var want []gold
	for _, line := range strings.Split(strings.TrimSpace(string(gb)), "\n") {
		var g gold
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			t.Fatal(err)
		}
		want = append(want, g)
	}
	a := readArticle(t, filepath.Join("testdata", "seed.txt"))
	var got []Quotation
	for _, q := range Quotations(a) {
		if q.Speaker != "" {
			got = append(got, q)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("seed: %d attributed quotations, want %d: %+v", len(got), len(want), got)
	}
	for i, g := range want {
		q := got[i]
		if q.Text != g.Text || q.Start != g.Start || q.End != g.End || q.Cue != g.Cue {
			t.Errorf("quotation %d = %q [%d:%d] cue %q, want %q [%d:%d] cue %q", i, q.Text, q.Start, q.End, q.Cue, g.Text, g.Start, g.End, g.Cue)
		}
		ok := q.Speaker == g.Speaker
		for _, a := range g.Aliases {
			ok = ok || q.Speaker == a
		}
		if !ok {
			t.Errorf("quotation %d speaker = %q, want %q or one of %q", i, q.Speaker, g.Speaker, g.Aliases)
		}
	}
	// What the product must answer.
	if got[0].Speaker != "Dmitry Peskov" || got[0].Role != "Kremlin spokesman" {
		t.Errorf("Peskov = %q, %q; want \"Dmitry Peskov\", \"Kremlin spokesman\"", got[0].Speaker, got[0].Role)
	}
	if got[3].Speaker != "Iranian foreign ministry spokesman" {
		t.Errorf("spokesman = %q, want \"Iranian foreign ministry spokesman\"", got[3].Speaker)
	}
}

// TestSeedCorpus keeps ../../corpus/seed.jsonl, the corpus the binary embeds,
// equal to what Extract makes of the seed article; -update rewrites it.
func TestSeedCorpus(t *testing.T) {
	a := readArticle(t, filepath.Join("testdata", "seed.txt"))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	qs := Extract(a)
	if len(qs) == 0 {
		t.Fatal("Extract(seed) found nothing")
	}
	for _, q := range qs {
		if err := q.Validate(); err != nil {
			t.Errorf("Extract(seed) made an invalid quote %+v: %v", q, err)
		}
		if q.Source.Date != "2025-03-04" {
			t.Errorf("quote source date = %q, want the article's leading date 2025-03-04", q.Source.Date)
		}
		if err := enc.Encode(q); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join("..", "..", "corpus", "seed.jsonl")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./quotes/extract -run TestSeedCorpus -update)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("corpus/seed.jsonl has drifted from Extract(seed):\ngot\n%s\nwant\n%s\n(run go test ./quotes/extract -run TestSeedCorpus -update)", buf.Bytes(), want)
	}
}

func TestExtractSource(t *testing.T) {
	a := Article{
		Text:      `"We will win," Maria Lopez said. The film "Midnight" opened.`,
		Title:     "Election night",
		Publisher: "Springfield Herald",
		URL:       "https://example.com/a",
		Date:      "2024-11-05",
	}
	qs := Extract(a)
	if len(qs) != 1 {
		t.Fatalf("Extract = %+v, want one quote", qs)
	}
	q := qs[0]
	if q.Text != "We will win," || q.Speaker != "Maria Lopez" || q.ID == "" {
		t.Errorf("Extract = %+v, want \"We will win,\" by Maria Lopez with an ID", q)
	}
	if want := (struct{ Title, Publisher, URL, Date string }{a.Title, a.Publisher, a.URL, a.Date}); q.Source.Title != want.Title ||
		q.Source.Publisher != want.Publisher || q.Source.URL != want.URL || q.Source.Date != want.Date {
		t.Errorf("Source = %+v, want %+v", q.Source, want)
	}
	if got := Extract(Article{Text: `"It will rain," a source said.`}); got != nil {
		t.Errorf("Extract(anonymous source) = %+v, want nil", got)
	}
	for speaker, want := range map[string]bool{"source": true, "sweeping question": true, "sound system": true,
		"senior administration official": false, "editorial board": false, "protesters": true, "Ada Brooks": false, "longtime GOP data expert": false} {
		if got := anonymous(speaker); got != want {
			t.Errorf("anonymous(%q) = %v, want %v", speaker, got, want)
		}
	}
	if got := Extract(Article{Text: "No quotations here."}); got != nil {
		t.Errorf("Extract(no quotations) = %+v, want nil", got)
	}
}

func TestLeadingDate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{" date 2025-03-04 A very unexpected", "2025-03-04"},
		{"date 2025-03-04\nText", "2025-03-04"},
		{"Date: 2024-01-31\n", "2024-01-31"},
		{"The date 2025-03-04 was a Tuesday", ""},
		{" date 2025-13-40 nonsense", ""},
		{"", ""},
	} {
		if got := LeadingDate(c.in); got != c.want {
			t.Errorf("LeadingDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAuthor(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"By Mira Castell", "Mira Castell"},
		{"  by Mira Castell, political editor ", "Mira Castell"},
		{"BY MIRA CASTELL", "Mira Castell"},
		{"Mira Castell | The Gazette", "Mira Castell"},
		{"By Ann Lee and Tom Ash", ""},
		{"By Ann Lee & Tom Ash", ""},
		{"Ann Lee,Tom Ash", ""},
		{"Ann Lee, and Tom Ash, USA TODAY", ""},
		{"Mira Castell, USA TODAY", "Mira Castell"},
		{"Mira Castell, The Cincinnati Courier", "Mira Castell"},
		{"Staff reporter", ""},
		{"By Reuters", ""},
		{"", ""},
	} {
		if got := Author(c.in); got != c.want {
			t.Errorf("Author(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := LeadingByline("Headline\n\nBy Mira Castell\n\nText"); got != "By Mira Castell" {
		t.Errorf("LeadingByline = %q", got)
	}
	if got := LeadingByline("Headline\n\nBy the river, the town waits.\n"); Author(got) != "" {
		t.Errorf("LeadingByline read a sentence as a byline: %q", got)
	}
}

func TestLeadingTitle(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Senator warns of 'lost decade' for rural towns\n\nSenator Ruth Okafor told …", "Senator warns of 'lost decade' for rural towns"},
		{"\n  Floods leave hundreds homeless \r\n\r\nText", "Floods leave hundreds homeless"},
		{"Is this the end of the high street?\n\nText", "Is this the end of the high street?"},
		{" date 2025-03-04 A very unexpected and unlikely development is being reported Tuesday.\n\nTrump …", ""},
		{"A headline with no blank line after it\nText", ""},
		{"One paragraph and no more", ""},
		{"Dockworkers voted on Thursday to extend their strike,\n\nrejecting", ""},
		{"", ""},
	} {
		if got := LeadingTitle(c.in); got != c.want {
			t.Errorf("LeadingTitle(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// pathological inputs that a naive scanner would make quadratic.
var pathological = []string{
	`"`, `“`, `'`, `''`, `"a`, `“a”`, `said "`, `, he said, adding that "`,
	`He said: "`, `"x," he said. "`, "\"a\n\n\"b\n\n\"c", `Mr. Mr. Mr. "Mr.`,
	"Q: a\nQ: b\nA: c", "Q. a\nQ. b\nLena Marsh: \"c\"\nd\nA. e", "AB: x\nCD: (y)\nAB: z\nw",
}

// TestLinear checks that the cost of pathological inputs grows linearly:
// sixteen times the input may take at most eighty times as long (caches
// and the collector blur the ratio; a quadratic cost would take 256 times).
// linearPatterns are inputs that would go quadratic in a careless
// extractor: many cues, unclosed and nested marks, repeated names.
var linearPatterns = []string{"John Smith said \"a.\" Smith said \"b.\" He said \"c.\" ", "the spokesman said \"x\" ", "“‘«\"'", "he said \"", "\"a\n\n\"b", " Mr. Smith said, \"", "”a “", `, he said, adding that "`, `He said: "`,
	"Q: Why?\nMarsh: I said \"no.\"\nMore.\n", "Q: x\nA: I y\n", "ROSS: a\nNIA ROSS: b\n", "“a claim “b” c,” Ross wrote. ", "“a “b "}

// TestLinear checks that the extractor's cost grows linearly with its input,
// measured in bytes allocated (deterministic, unlike time): 16 times the
// input may allocate at most 24 times as much. BenchmarkLinear reports the
// same in time.
func TestLinear(t *testing.T) {
	for _, p := range linearPatterns {
		small := strings.Repeat(p, 16000/len(p)+1)
		large := strings.Repeat(p, 256000/len(p)+1)
		as, al := allocExtract(small), allocExtract(large)
		if al > 24*as+1<<20 {
			t.Errorf("pattern %q: %d bytes allocated %d, %d bytes allocated %d: not linear", p, len(small), as, len(large), al)
		}
	}
}

// allocExtract returns the bytes Quotations allocates for s.
func allocExtract(s string) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	Quotations(Article{Text: s})
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// BenchmarkLinear times the linearity patterns at 16 kB and 256 kB; ns/op
// of the large should stay near 16 times the small.
func BenchmarkLinear(b *testing.B) {
	for _, size := range []int{16000, 256000} {
		b.Run(strconv.Itoa(size), func(b *testing.B) {
			var inputs []string
			for _, p := range linearPatterns {
				inputs = append(inputs, strings.Repeat(p, size/len(p)+1))
			}
			b.SetBytes(int64(size * len(inputs)))
			for b.Loop() {
				for _, in := range inputs {
					Quotations(Article{Text: in})
				}
			}
		})
	}
}

func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, p := range pathological {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := Article{Text: s}
		for _, q := range Quotations(a) {
			if q.Start < 0 || q.End < q.Start || q.End > len(s) || s[q.Start:q.End] != q.Text {
				t.Fatalf("quotation %q at [%d:%d] is not the input's bytes there", q.Text, q.Start, q.End)
			}
		}
		for _, q := range Extract(a) {
			if err := q.Validate(); err != nil && utf8.ValidString(s) {
				t.Fatalf("Extract made an invalid quote %+v: %v", q, err)
			}
		}
	})
}

// BenchmarkExtract measures throughput on the testdata articles, and on the
// PolNeAR dev split when ../shared is present.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	var sb strings.Builder
	for _, f := range files {
		a := readArticle(b, f)
		sb.WriteString(a.Text)
		sb.WriteString("\n\n")
	}
	b.Run("testdata", func(b *testing.B) { benchText(b, []string{sb.String()}) })
	dev := filepath.Join("..", "..", "..", "shared", "eval", "polnear", "dev.jsonl")
	if data, err := os.ReadFile(dev); err == nil {
		var texts []string
		for _, line := range bytes.Split(data, []byte("\n")) {
			var a struct{ Text string }
			if json.Unmarshal(line, &a) == nil && a.Text != "" {
				texts = append(texts, a.Text)
			}
		}
		b.Run("polnear-dev", func(b *testing.B) { benchText(b, texts) })
	}
}

func benchText(b *testing.B, texts []string) {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Extract(Article{Text: t})
		}
	}
}
