package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/quotebot/quotebot/quotes"
	"github.com/quotebot/quotebot/quotes/extract"
)

// seedArticle is the news article the project started from; it lies in
// ../shared/seed beside the repository.
var seedArticle = filepath.Join("..", "shared", "seed", "000_aa55dcdee6668dad.txt")

func TestExtractJSONOffsets(t *testing.T) {
	raw, err := os.ReadFile(seedArticle)
	if os.IsNotExist(err) {
		t.Skipf("skipping: %s is absent", seedArticle)
	}
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := quotebot(t, testEnv(t), "", "extract", "--json", seedArticle)
	if code != 0 {
		t.Fatalf("extract: exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Errorf("extract printed %d quotations, want the seed's 5:\n%s", len(lines), out)
	}
	speakers := map[string]bool{}
	for _, l := range lines {
		var q struct {
			Text, Speaker, Role, Cue string
			Start, End               int
		}
		if err := json.Unmarshal([]byte(l), &q); err != nil {
			t.Fatalf("extract --json line %q: %v", l, err)
		}
		if q.Start < 0 || q.End > len(raw) || string(raw[q.Start:q.End]) != q.Text {
			t.Errorf("quotation %q: file bytes [%d:%d] do not hold it", q.Text, q.Start, q.End)
		}
		speakers[q.Speaker] = true
	}
	for _, s := range []string{"Dmitry Peskov", "Iranian foreign ministry spokesman"} {
		if !speakers[s] {
			t.Errorf("extract found no quotation by %s; speakers %v", s, speakers)
		}
	}
}

const htmlArticle = `<!doctype html><html><head><title>Mayor backs the bridge | Springfield Gazette</title>
<meta property="og:site_name" content="Springfield Gazette">
<link rel="canonical" href="https://gazette.example/2026/mayor-backs-the-bridge"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> "Subscribe now," said nobody.</nav>
<article><h1>Mayor backs the bridge</h1>
<p>The mayor of Springfield, Joan Quimby, defended the new bridge on Tuesday before a crowd of residents who had
gathered outside the town hall to hear her plans for the river crossing.</p>
<p>"This bridge will carry our town into the next century," Quimby said. "We have waited long enough for it."</p>
<p>Her opponent, the councillor Abe Simpson, was unconvinced by the plans and the cost estimates that came with them.</p>
<p>"Nobody asked the people who live by the river," Simpson told reporters after the meeting had ended.</p>
</article><footer>Copyright Springfield Gazette</footer></body></html>`

func TestIngestHTML(t *testing.T) {
	env := testEnv(t)
	file := writeFile(t, "bridge.html", htmlArticle)
	code, out, errs := quotebot(t, env, "", "ingest", "--json", file)
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("ingest --json printed %q: %v", out, err)
	}
	if sum.Added < 3 {
		t.Errorf("ingest = %+v, want the article's 3 quotations added", sum)
	}
	code, out, _ = quotebot(t, env, "", "who-said", "--json", "nobody asked the people who live by the river")
	var res whoSaidResult
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil {
		t.Fatalf("who-said: %d %v", code, err)
	}
	if len(res.Speakers) == 0 || !strings.Contains(res.Speakers[0].Speaker, "Simpson") {
		t.Fatalf("who-said after ingest = %+v, want Abe Simpson", res.Speakers)
	}
	// The page's title without the site's name, the site, and the address
	// the page gives for itself.
	want := quotes.Source{Title: "Mayor backs the bridge", Publisher: "Springfield Gazette", URL: "https://gazette.example/2026/mayor-backs-the-bridge"}
	if got := res.Speakers[0].Quote.Source; got != want {
		t.Errorf("source = %+v, want %+v", got, want)
	}
	// The navigation's quotation is not article text and must not be kept.
	_, out, _ = quotebot(t, env, "", "quote", "--json", "subscribe now")
	var qr quoteResult
	json.Unmarshal([]byte(out), &qr)
	if qr.Total != 0 {
		t.Errorf("navigation text was ingested: %+v", qr.Quotes)
	}
	// Ingesting again adds nothing.
	_, out, _ = quotebot(t, env, "", "ingest", "--json", file)
	json.Unmarshal([]byte(out), &sum)
	if sum.Added != 0 {
		t.Errorf("second ingest added %d, want 0", sum.Added)
	}
}

// TestIngestPlainTextHeadline: a plain-text article's first line, a
// headline, names the article in each quote's source, and its quotation is
// the editor's, not the senator's.
func TestIngestPlainTextHeadline(t *testing.T) {
	env := testEnv(t)
	file := writeFile(t, "okafor.txt", "Senator warns of 'lost decade' for rural towns\n\n"+
		"Senator Ruth Okafor told a farm conference on Thursday that rural towns faced \"a lost decade\" without broadband.\n\n"+
		"\"Give them a reason to stay,\" Okafor said.\n")
	code, out, errs := quotebot(t, env, "", "extract", "--json", file)
	if code != 0 {
		t.Fatalf("extract: exit %d: %s", code, errs)
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var q struct{ Text, Speaker string }
		if err := json.Unmarshal([]byte(l), &q); err != nil {
			t.Fatal(err)
		}
		if q.Text == "lost decade" {
			t.Errorf("the headline's quotation was given to %q", q.Speaker)
		}
	}
	if code, _, errs := quotebot(t, env, "", "ingest", file); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	_, out, _ = quotebot(t, env, "", "who-said", "--json", "give them a reason to stay")
	var res whoSaidResult
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Speakers) == 0 {
		t.Fatalf("who-said: %q %v", out, err)
	}
	if got := res.Speakers[0].Quote.Source.Title; got != "Senator warns of 'lost decade' for rural towns" {
		t.Errorf("source title = %q, want the headline", got)
	}
}

// TestExtractByline: the writer a plain-text article's byline names is its
// "I", in an HTML page's byline too.
func TestExtractByline(t *testing.T) {
	env := testEnv(t)
	text := "My day in court\n\nBy Dinah Sorel\n\n\"Your Honor,\" I said, \"I would like to answer.\"\n"
	page := "<html><head><title>My day in court</title></head><body><article><h1>My day in court</h1>" +
		"<p class=\"byline\">By Dinah Sorel</p><p>I had prepared a short statement for the court that morning, " +
		"but when the judge looked up from his papers I put it away and spoke instead.</p>" +
		"<p>\"Your Honor,\" I said, \"I would like to answer the question you raised about my conduct.\"</p></article></body></html>"
	for _, f := range []string{writeFile(t, "court.txt", text), writeFile(t, "court.html", page)} {
		code, out, errs := quotebot(t, env, "", "extract", "--json", f)
		if code != 0 {
			t.Fatalf("extract %s: exit %d: %s", f, code, errs)
		}
		if !strings.Contains(out, `"speaker":"Dinah Sorel"`) {
			t.Errorf("extract %s: no quotation by the byline's writer:\n%s", filepath.Base(f), out)
		}
	}
}

// TestConsoleThroughRun is the README's first command without credentials:
// the console on the bundled corpus, fed from stdin.
func TestConsoleThroughRun(t *testing.T) {
	env := testEnv(t)
	// More commands than a Discord member's burst: the console's only
	// member is the operator, who is never rate limited.
	in := "/who-said phrase: ready to do everything in its power\n/who-said natural\n/quote query:negotiations\n" +
		strings.Repeat("/quote\n", 8) + "quit\n"
	code, out, errs := quotebot(t, env, in)
	if code != 0 {
		t.Fatalf("console: exit %d: %s", code, errs)
	}
	if strings.Contains(out, "Too many requests") {
		t.Errorf("the console rate-limited its operator:\n%s", out)
	}
	for _, want := range []string{"Dmitry Peskov", "Iranian foreign ministry spokesman", "**negotiations**"} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ head, want string }{
		{`<link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y">`, "https://a.example/x"},
		{`<link rel="Canonical" href="/relative"><meta property="og:url" content="https://b.example/y">`, "https://b.example/y"},
		{`<link rel="canonical" href="javascript:alert(1)">`, ""},
		{`<meta property="og:url" content="">`, ""},
		{``, ""},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader("<html><head>" + tt.head + "</head><body><link rel=canonical href=https://body.example/></body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if u := canonicalURL(doc); u != nil {
			got = u.String()
		}
		if got != tt.want {
			t.Errorf("canonicalURL(%s) = %q, want %q", tt.head, got, tt.want)
		}
	}
}

func TestWithoutSiteName(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"Mayor backs the bridge | Springfield Gazette", "Springfield Gazette", "Mayor backs the bridge"},
		{"Mayor backs the bridge - springfield gazette", "Springfield Gazette", "Mayor backs the bridge"},
		{"Mayor backs the bridge | Local news", "Springfield Gazette", "Mayor backs the bridge | Local news"},
		{"Left - right - centre", "", "Left - right - centre"},
		{" | Springfield Gazette", "Springfield Gazette", " | Springfield Gazette"},
	}
	for _, tt := range tests {
		if got := withoutSiteName(tt.title, tt.site); got != tt.want {
			t.Errorf("withoutSiteName(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
		}
	}
}

// TestIngestHTMLCharset reads a page in Windows-1252, whose curly quotation
// marks are single bytes that are not UTF-8.
func TestIngestHTMLCharset(t *testing.T) {
	page := "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 vote</title></head><body><article>" +
		"<p>The owner of the caf\xe9 on the square spoke to the council on Monday evening about the plans.</p>" +
		"<p>\x93We will stay open whatever the council decides,\x94 Marie Dupont said after the vote.</p>" +
		"<p>The council will meet again next month to decide on the future of the square and its caf\xe9s.</p>" +
		"</article></body></html>"
	a, err := readArticle(writeFile(t, "cafe.html", page))
	if err != nil {
		t.Fatal(err)
	}
	qs := extract.Extract(a)
	if len(qs) != 1 || qs[0].Text != "We will stay open whatever the council decides," || qs[0].Speaker != "Marie Dupont" {
		t.Errorf("quotes = %+v, want Marie Dupont's one quotation", qs)
	}
	if a.Title != "Caf\u00e9 vote" {
		t.Errorf("title = %q, want %q", a.Title, "Caf\u00e9 vote")
	}
}
