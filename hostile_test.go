package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// allocated runs f and returns how many bytes it allocated: a bound on the
// work and memory an input costs that does not depend on the machine's
// speed. Tests in this package do not run in parallel, so the count is f's.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// bigFile writes content repeated until it holds at least size bytes.
func bigFile(t *testing.T, name, content string, size int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(strings.Repeat(content, size/len(content)+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestHostileCLI feeds the command line what a stranger might: each input
// gets a clear error or a bounded answer (checked by its output and by what
// it allocated, not by the clock), never a panic, and no quote already in
// the index is lost.
func TestHostileCLI(t *testing.T) {
	env := testEnv(t)
	const guildA, guildB = "1180211384745537700", "1180211384745537777"
	secret := writeFile(t, "secret.jsonl", `{"text": "The walrus of guild B sings at midnight.", "speaker": "Mallory"}`+"\n")
	if code, _, errs := quotebot(t, env, "", "import", "--guild", guildB, secret); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	count := func() int {
		_, out, _ := quotebot(t, env, "", "export")
		return strings.Count(out, "\n")
	}
	before := count()

	const mb = 1 << 20
	long := strings.Repeat("knowledge ", 10_000)
	cases := []struct {
		name     string
		stdin    string
		args     []string
		code     int    // exit status
		stderr   string // in the error, when code != 0
		maxOut   int    // bytes of stdout at most
		maxAlloc uint64 // bytes allocated at most
	}{
		{"quote of 100k characters", "", []string{"quote", long}, 1, "at most 1000", 0, 4 * mb},
		{"who-said of 100k characters", "", []string{"who-said", long}, 1, "at most 1000", 0, 4 * mb},
		{"invalid UTF-8", "", []string{"quote", "kno\xffwledge"}, 1, "not valid UTF-8", 0, mb},
		{"control characters", "", []string{"who-said", "know\x00ledge\x1b[2J"}, 1, "control character", 0, mb},
		{"bleve query syntax", "", []string{"quote", "--json", "--guild", guildA, `+speaker:Mallory guild:` + guildB + ` walrus~2 /.*/ ^5 *a*`}, 0, "", 4096, 16 * mb},
		{"bleve syntax in who-said", "", []string{"who-said", "--json", "--guild", guildA, `_id:* +text:walrus speaker:/.*/`}, 0, "", 4096, 16 * mb},
		{"regular-expression bomb", "", []string{"quote", "--json", "(a+)+$ (.*a){20} " + strings.Repeat("a", 200)}, 0, "", 4096, 128 * mb},
		{"nested quotation marks", "", []string{"who-said", "--json", strings.Repeat(`"“‘«„`, 190)}, 0, "", 4096, 16 * mb},
		{"batch of hostile lines", strings.Repeat(long+"\nkno\xffw\n\x00\n(a+)+$\n", 50), []string{"who-said", "--batch"}, 0, "", 64 << 10, 64 * mb},
		{"10 MB article", "", []string{"extract", "--json", bigFile(t, "news.txt",
			`The minister said "we will not back down, whatever happens" on Tuesday. "It is a good start," said Ann Kerr, the former secretary of state. `, 10*mb)}, 0, "", 40 * mb, 1500 * mb},
		{"10 MB of nested quotation marks", "", []string{"extract", bigFile(t, "nested.txt", `"“‘«„‹ « “ ‘ he said `, 10*mb)}, 0, "", 40 * mb, 1500 * mb},
		{"10 MB of one letter", "", []string{"ingest", bigFile(t, "aaa.txt", "a", 10*mb)}, 0, "", 200, 200 * mb},
		{"article over 32 MB", "", []string{"extract", bigFile(t, "huge.txt", strings.Repeat("x", 4096), 33*mb)}, 1, "not a news article", 0, mb},
		{"CSV with a million columns", "", []string{"import", writeFile(t, "wide.csv",
			"text,speaker"+strings.Repeat(",x", 1_000_000)+"\nHello there,Obi-Wan\n")}, 1, "header has over", 200, 64 * mb},
		{"CSV rows with a million columns", "", []string{"import", writeFile(t, "wide-rows.csv",
			"text,speaker\nThe good row survives.,Somebody\n"+"A million cells,Nobody"+strings.Repeat(",x", 1_000_000)+"\n")}, 1, "line 2", 200, 64 * mb},
		{"JSON nested a million deep", "", []string{"import", writeFile(t, "deep.jsonl",
			`{"text": `+strings.Repeat("[", 1_000_000)+"\n"+`{"text": "After the deep one.", "speaker": "Survivor"}`+"\n")}, 0, "", 200, 64 * mb},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var code int
			var out, errs string
			alloc := allocated(func() { code, out, errs = quotebot(t, env, c.stdin, c.args...) })
			t.Logf("exit %d, %d bytes out, %.1f MB allocated", code, len(out), float64(alloc)/mb)
			if code != c.code {
				t.Fatalf("exit %d, want %d; stderr %.500q", code, c.code, errs)
			}
			if c.code != 0 && !strings.Contains(errs, c.stderr) {
				t.Errorf("stderr %.500q, want %q", errs, c.stderr)
			}
			if len(out) > c.maxOut {
				t.Errorf("stdout has %d bytes, want at most %d: %.300q", len(out), c.maxOut, out)
			}
			if alloc > c.maxAlloc {
				t.Errorf("allocated %d MB, want at most %d MB", alloc/mb, c.maxAlloc/mb)
			}
			if strings.Contains(out, "walrus of guild B") {
				t.Errorf("guild B's quote shown: %.300q", out)
			}
			if strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine ") {
				t.Errorf("stderr shows a panic: %.500q", errs)
			}
		})
	}

	// Nothing was lost, and the good records beside the bad ones came in.
	_, out, _ := quotebot(t, env, "", "export")
	for _, want := range []string{"walrus of guild B", "The good row survives.", "After the deep one."} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	if after := count(); after < before+2 {
		t.Errorf("%d quotes after the hostile inputs, want at least %d", after, before+2)
	}
	// --batch answers each line, bad ones with their error.
	_, out, _ = quotebot(t, env, "knowledge\nkno\xffw\n", "quote", "--batch")
	var first quoteResult
	var second queryError
	parts := strings.SplitN(strings.TrimSpace(out), "\n", 2)
	if len(parts) != 2 || json.Unmarshal([]byte(parts[0]), &first) != nil || json.Unmarshal([]byte(parts[1]), &second) != nil ||
		second.Error == "" {
		t.Errorf("quote --batch answered %q; want a result, then an error", out)
	}
}
