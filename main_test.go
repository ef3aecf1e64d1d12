package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/quotebot/quotebot/quotes"
)

// quotebot runs the command line in-process, as main would, with an
// environment of its own, and returns the exit status and both streams.
func quotebot(t *testing.T, env map[string]string, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string { return env[k] }
	code = run(context.Background(), append([]string{"quotebot"}, args...), getenv, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// testEnv is an environment whose index lives in a fresh temp dir.
func testEnv(t *testing.T) map[string]string {
	t.Helper()
	return map[string]string{"QUOTEBOT_DATA": t.TempDir()}
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestFirstRun is the README's promise: on a fresh machine the bundled
// corpus answers the seed article's questions.
func TestFirstRun(t *testing.T) {
	env := testEnv(t)
	for _, c := range []struct{ phrase, want string }{
		{"ready to do everything in its power", "Dmitry Peskov"},
		{"natural", "Iranian foreign ministry spokesman"},
	} {
		code, out, errs := quotebot(t, env, "", "who-said", "--json", c.phrase)
		if code != 0 {
			t.Fatalf("who-said %q: exit %d, stderr %s", c.phrase, code, errs)
		}
		var res whoSaidResult
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("who-said --json printed %q: %v", out, err)
		}
		if len(res.Speakers) == 0 || res.Speakers[0].Speaker != c.want {
			t.Errorf("who-said %q = %+v, want %s first", c.phrase, res.Speakers, c.want)
		}
	}
	code, out, _ := quotebot(t, env, "", "who-said", "natural")
	if code != 0 || !strings.Contains(out, "Iranian foreign ministry spokesman") {
		t.Errorf("who-said natural (text) = %d %q", code, out)
	}
}

const sampleJSONL = `{"text": "Imagination is more important than knowledge.", "speaker": "Albert Einstein", "source": "", "tags": ["Wisdom"]}
{"text": "Be yourself; everyone else is already taken.", "speaker": "Oscar Wilde", "source": {"title": "Attributed", "date": "1890"}}
{"text": "", "speaker": "Nobody"}
{"text": "We are all in the gutter, but some of us are looking at the stars.", "speaker": "Oscar Wilde", "source": "Lady Windermere's Fan"}
`

func TestImportSearchExportRoundTrip(t *testing.T) {
	env := testEnv(t)
	file := writeFile(t, "sample.jsonl", sampleJSONL)

	code, out, errs := quotebot(t, env, "", "import", "--json", file)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	var sum importSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Added != 3 || sum.Skipped != 1 {
		t.Errorf("import summary = %+v, want 3 added, 1 skipped", sum)
	}
	if !strings.Contains(errs, "sample.jsonl:3:") {
		t.Errorf("import stderr = %q, want the bad record's file and line", errs)
	}

	// Importing again adds nothing.
	_, out, _ = quotebot(t, env, "", "import", "--json", file)
	json.Unmarshal([]byte(out), &sum)
	if sum.Added != 0 || sum.Unchanged != 3 {
		t.Errorf("second import = %+v, want 0 added, 3 unchanged", sum)
	}

	code, out, _ = quotebot(t, env, "", "quote", "--json", "--speaker", "wilde", "gutter stars")
	var qr quoteResult
	if err := json.Unmarshal([]byte(out), &qr); code != 0 || err != nil {
		t.Fatalf("quote: exit %d, %v, %q", code, err, out)
	}
	if qr.Total != 1 || qr.Quotes[0].Speaker != "Oscar Wilde" || !strings.Contains(qr.Quotes[0].Highlight, "**gutter**") {
		t.Errorf("quote = %+v", qr)
	}

	// export → import into a new index gives the same quotes.
	code, exported, errs := quotebot(t, env, "", "export")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	env2 := testEnv(t)
	file2 := writeFile(t, "export.jsonl", exported)
	if code, _, errs := quotebot(t, env2, "", "import", file2); code != 0 {
		t.Fatalf("re-import: exit %d: %s", code, errs)
	}
	_, exported2, _ := quotebot(t, env2, "", "export")
	if exported != exported2 {
		t.Errorf("export after round trip differs:\n%s\nwant\n%s", exported2, exported)
	}
	var n int
	for q, err := range quotes.ReadJSONL(strings.NewReader(exported), "export") {
		if err != nil {
			t.Fatal(err)
		}
		if q.Speaker == "Albert Einstein" && !slices.Equal(q.Tags, []string{"Wisdom"}) {
			t.Errorf("exported tags = %v, want [Wisdom]", q.Tags)
		}
		n++
	}
	if n != 3+5 { // the sample's three and the bundled corpus's five
		t.Errorf("exported %d quotes, want 8", n)
	}
}

// TestImportLeavesOneSegment: a bulk import compacts the index into one
// segment file and deletes the files compacting replaced, rather than
// leaving them (at a million quotes, twice the index's size) for the bot's
// next start to delete.
func TestImportLeavesOneSegment(t *testing.T) {
	env := testEnv(t)
	var b strings.Builder
	for i := range 5000 { // five of import's batches, so several segments
		fmt.Fprintf(&b, "{\"text\": \"Segment test quote number %d.\", \"speaker\": \"Speaker %d\"}\n", i, i%13)
	}
	code, _, errs := quotebot(t, env, "", "import", writeFile(t, "many.jsonl", b.String()))
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	zaps, err := filepath.Glob(filepath.Join(env["QUOTEBOT_DATA"], "index", "store", "*.zap"))
	if err != nil || len(zaps) != 1 {
		t.Errorf("segment files after the import = %v (%v), want one; stderr: %s", zaps, err, errs)
	}
}

// TestImportCPUProfile checks that import --cpuprofile writes a profile
// `go tool pprof` reads: gzip-compressed, as runtime/pprof writes it.
func TestImportCPUProfile(t *testing.T) {
	env := testEnv(t)
	prof := filepath.Join(t.TempDir(), "import.prof")
	code, out, errs := quotebot(t, env, "", "import", "--cpuprofile", prof, writeFile(t, "sample.jsonl", sampleJSONL))
	if code != 0 || !strings.Contains(out, "added 3") {
		t.Fatalf("import --cpuprofile = %d, %q, %q", code, out, errs)
	}
	b, err := os.ReadFile(prof)
	if err != nil || len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		t.Errorf("profile %s: %d bytes (%v), want a gzip stream", prof, len(b), err)
	}
}

// TestSmallImportKeepsLargeSegment checks that a small import compacts its
// own segments, not the whole index: the large segment of an earlier import
// stays as it was, and two small imports end in one small segment.
func TestSmallImportKeepsLargeSegment(t *testing.T) {
	env := testEnv(t)
	var b strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&b, "{\"text\": \"Large import quote number %d.\", \"speaker\": \"Speaker %d\"}\n", i, i%13)
	}
	store := filepath.Join(env["QUOTEBOT_DATA"], "index", "store", "*.zap")
	if code, _, errs := quotebot(t, env, "", "import", writeFile(t, "large.jsonl", b.String())); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	large, _ := filepath.Glob(store)
	if len(large) != 1 {
		t.Fatalf("segment files after the large import = %v, want one", large)
	}
	for round := range 2 {
		small := fmt.Sprintf("{\"text\": \"A small addition, round %d.\", \"speaker\": \"Someone\"}\n{\"text\": \"Another small addition, round %d.\", \"speaker\": \"Someone\"}\n", round, round)
		if code, out, errs := quotebot(t, env, "", "import", writeFile(t, "small.jsonl", small)); code != 0 || !strings.Contains(out, "added 2") {
			t.Fatalf("small import: exit %d: %s %s", code, out, errs)
		}
		zaps, _ := filepath.Glob(store)
		if len(zaps) != 2 || !slices.Contains(zaps, large[0]) {
			t.Errorf("segment files after small import %d = %v, want %s and one more", round+1, zaps, large[0])
		}
	}
	_, out, _ := quotebot(t, env, "", "quote", "--json", "small addition round 0")
	if !strings.Contains(out, "round 0") {
		t.Errorf("the first small import's quote is not found: %s", out)
	}
}

// TestImportMissingFile names a file that is not there after one that is:
// nothing is imported, and the error names the missing file.
func TestImportMissingFile(t *testing.T) {
	env := testEnv(t)
	good := writeFile(t, "good.jsonl", `{"text":"Present and correct.","speaker":"Ann"}`+"\n")
	code, out, errs := quotebot(t, env, "", "import", good, filepath.Join(t.TempDir(), "missing.jsonl"))
	if code != 1 || !strings.Contains(errs, "missing.jsonl") || !strings.Contains(errs, "nothing imported") {
		t.Fatalf("import: exit %d, stdout %q, stderr %q; want exit 1 naming missing.jsonl", code, out, errs)
	}
	_, out, _ = quotebot(t, env, "", "export")
	if strings.Contains(out, "Present and correct.") {
		t.Errorf("the first file was imported before the missing one failed the import")
	}
}

func TestImportStrict(t *testing.T) {
	env := testEnv(t)
	file := writeFile(t, "sample.jsonl", sampleJSONL)
	code, _, errs := quotebot(t, env, "", "import", "--strict", file)
	if code != 1 || !strings.Contains(errs, "nothing imported") {
		t.Errorf("import --strict of a file with a bad record = %d, %q; want failure", code, errs)
	}
	_, out, _ := quotebot(t, env, "", "quote", "--json", "imagination")
	if strings.Contains(out, "Einstein") {
		t.Errorf("--strict import wrote quotes: %s", out)
	}
}

func TestBatch(t *testing.T) {
	env := testEnv(t)
	code, out, errs := quotebot(t, env, "natural\n\nready to do everything\nzebra helicopter\n", "who-said", "--batch")
	if code != 0 {
		t.Fatalf("who-said --batch: exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("who-said --batch printed %d lines, want 3: %q", len(lines), out)
	}
	var want = []string{"Iranian foreign ministry spokesman", "Dmitry Peskov", ""}
	for i, l := range lines {
		var r whoSaidResult
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(r.Speakers) > 0 {
			got = r.Speakers[0].Speaker
		}
		if got != want[i] {
			t.Errorf("line %d (%q): speaker %q, want %q", i, r.Query, got, want[i])
		}
	}
}

func TestUsageErrors(t *testing.T) {
	env := testEnv(t)
	for _, args := range [][]string{
		{"frobnicate"},
		{"quote"},
		{"who-said"},
		{"import"},
		{"quote", "--limit", "x", "a"},
		{"export", "extra"},
		{"import", "--remote", "http://127.0.0.1:1", "--cpuprofile", "import.prof", "x.jsonl"},
	} {
		code, _, errs := quotebot(t, env, "", args...)
		if code != 2 || errs == "" {
			t.Errorf("quotebot %v: exit %d, stderr %q; want 2 with a message", args, code, errs)
		}
	}
	if code, _, errs := quotebot(t, env, "", "import", "/no/such/file.jsonl"); code != 1 || !strings.Contains(errs, "no such file") {
		t.Errorf("import of a missing file: %d %q", code, errs)
	}
}

func TestQuoteNoMatchSuggests(t *testing.T) {
	env := testEnv(t)
	_, out, _ := quotebot(t, env, "", "quote", "--speaker", "peskof", "negotiations")
	if !strings.Contains(out, "No quote matches") || !strings.Contains(out, "Dmitry Peskov") {
		t.Errorf("quote by a misspelt speaker printed %q, want no match and a suggestion", out)
	}
}

// TestQuoteStandaloneCLI prints the bundled corpus's quote that the article
// cut at its attribution ("…through negotiations," Peskov said) with a full
// stop; --json keeps the stored text.
func TestQuoteStandaloneCLI(t *testing.T) {
	env := testEnv(t)
	_, out, _ := quotebot(t, env, "", "quote", "--speaker", "peskov", "negotiations")
	if !strings.Contains(out, "through negotiations.”") {
		t.Errorf("quote printed %q, want the quote ending “…through negotiations.”", out)
	}
	_, out, _ = quotebot(t, env, "", "quote", "--json", "--speaker", "peskov", "negotiations")
	if !strings.Contains(out, `through negotiations,"`) {
		t.Errorf("quote --json printed %q, want the stored text, with its comma", out)
	}
}

func TestSecretNeverPrints(t *testing.T) {
	s := Secret("hunter2-token")
	for _, got := range []string{s.String(), s.GoString()} {
		if strings.Contains(got, "hunter2") {
			t.Errorf("Secret printed as %q", got)
		}
	}
	var b bytes.Buffer
	json.NewEncoder(&b).Encode(map[string]Secret{"t": s})
	if strings.Contains(b.String(), "hunter2") {
		t.Errorf("Secret in JSON: %s", b.String())
	}
}
