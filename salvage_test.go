package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/quotebot/quotebot/quotes"
)

// TestDamagedIndexWayOut damages an index the way a lost file does and
// follows the way out the error gives: every command refuses it with exit
// status 4 and the same advice, `salvage` reads what is left, and importing
// that into a new directory gives a working index.
func TestDamagedIndexWayOut(t *testing.T) {
	env := testEnv(t)
	dir := filepath.Join(env["QUOTEBOT_DATA"], "index")
	for i := range 3 {
		var b strings.Builder
		for j := range 200 {
			b.WriteString(`{"text": "Batch ` + string(rune('A'+i)) + ` quote ` + strings.Repeat("x", j%7) + ` number ` + strconv.Itoa(j) + `.", "speaker": "Keeper"}` + "\n")
		}
		// The first part is imported (and so compacted into one segment);
		// the others are saved one by one, a segment each, as members do.
		args := []string{"import", writeFile(t, "part.jsonl", b.String())}
		stdin := ""
		if i > 0 {
			args, stdin = []string{"add", "--batch"}, b.String()
		}
		if code, _, errs := quotebot(t, env, stdin, args...); code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
	}
	segs, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if len(segs) < 2 {
		t.Fatalf("want several segments, have %v", segs)
	}
	// Which files the newest snapshot uses depends on the merger's timing,
	// so every segment but the oldest goes: the snapshot surely used one.
	for _, seg := range segs[1:] {
		if err := os.Remove(seg); err != nil {
			t.Fatal(err)
		}
	}

	for _, args := range [][]string{{"quote", "keeper"}, {"export"}, {"import", writeFile(t, "x.jsonl", `{"text": "t", "speaker": "s"}`)}} {
		code, out, errs := quotebot(t, env, "", args...)
		if code != exitDamaged || !strings.Contains(errs, "damaged") || !strings.Contains(errs, "quotebot salvage") || out != "" {
			t.Errorf("%v on a damaged index: exit %d, stdout %q, stderr %q; want %d and the way out", args, code, out, errs, exitDamaged)
		}
	}

	code, salvaged, errs := quotebot(t, env, "", "salvage", "--index", dir)
	if code != 0 || !strings.Contains(errs, "salvaged") {
		t.Fatalf("salvage: exit %d: %s", code, errs)
	}
	ids := map[string]bool{}
	for q, err := range quotes.ReadJSONL(strings.NewReader(salvaged), "salvaged") {
		if err != nil || ids[q.ID] {
			t.Fatalf("salvage wrote a bad or repeated record: %+v, %v", q, err)
		}
		ids[q.ID] = true
	}
	if len(ids) == 0 || len(ids) > 605 {
		t.Errorf("salvaged %d quotes, want some and at most the 605 written", len(ids))
	}
	t.Logf("salvaged %d of 605 quotes", len(ids))
	fresh := testEnv(t)
	code, out, errs := quotebot(t, fresh, "", "import", "--json", writeFile(t, "salvaged.jsonl", salvaged))
	if code != 0 || !strings.Contains(out, `"skipped":0`) {
		t.Fatalf("import of the salvage: exit %d %s %s", code, out, errs)
	}
	code, out, errs = quotebot(t, fresh, "", "export")
	if code != 0 {
		t.Fatalf("export of the rebuilt index: exit %d %s", code, errs)
	}
	for id := range ids {
		if !strings.Contains(out, `"id":"`+id+`"`) {
			t.Errorf("the rebuilt index lacks salvaged quote %s", id)
			break
		}
	}
	if code, _, _ := quotebot(t, env, "", "salvage", "--index", filepath.Join(t.TempDir(), "nothing")); code != 1 {
		t.Errorf("salvage of a missing directory: exit %d, want 1", code)
	}
}
