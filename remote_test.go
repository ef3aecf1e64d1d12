package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/quotebot/quotebot/index"
)

const opsToken = "ops-token-7f3a9c1e5b2d4068-must-never-be-logged"

// collection is a JSON Lines file of n quotes whose text holds word, with
// one bad record (no speaker) on line 2.
func collection(t *testing.T, n int, word string) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"text": "Remote quote number %d about %s and other things.", "speaker": "Speaker %d"}`+"\n", i, word, i%50)
		if i == 0 {
			b.WriteString(`{"text": "Nobody said this."}` + "\n")
		}
	}
	return writeFile(t, word+".jsonl", b.String())
}

// TestRemoteImport imports into a running bot through its ops address, and
// the bot answers from the new quotes at once, each guild its own.
func TestRemoteImport(t *testing.T) {
	env := testEnv(t)
	env["QUOTEBOT_OPS_TOKEN"] = opsToken
	s := serveInProcess(t, env)
	client := map[string]string{"QUOTEBOT_OPS_TOKEN": opsToken}

	shared := collection(t, 2500, "zebras")
	code, out, errs := quotebot(t, client, "", "import", "--json", "--remote", s.ops, shared)
	if code != 0 {
		t.Fatalf("import --remote: exit %d: %s", code, errs)
	}
	var sum importSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("import --remote --json printed %q: %v", out, err)
	}
	if sum.Added != 2500 || sum.Skipped != 1 || sum.Reasons["no attribution"] != 1 {
		t.Errorf("remote import summary = %+v, want 2500 added and 1 skipped for no attribution", sum)
	}
	if !strings.Contains(errs, "zebras.jsonl:2:") {
		t.Errorf("import stderr = %q, want the bad record's file and line", errs)
	}

	const guildA, guildB = "1180211384745537700", "1180211384745537777"
	own := collection(t, 10, "aardvarks")
	if code, _, errs := quotebot(t, client, "", "import", "--guild", guildA, "--remote", s.ops+"/", own); code != 0 {
		t.Fatalf("import --guild --remote: exit %d: %s", code, errs)
	}

	// The running bot answers from what was just imported.
	for _, c := range []struct {
		guild, query string
		found        bool
	}{
		{guildA, "zebras", true},
		{guildB, "zebras", true},
		{guildA, "aardvarks", true},
		{guildB, "aardvarks", false},
	} {
		status, r := ask(t, http.DefaultClient, s.interactions, s.key,
			interaction(1, c.guild, "1180211384745538001", false, "quote", option("query", c.query, false)))
		if got := strings.Contains(r.String(), "Remote quote number"); status != 200 || got != c.found {
			t.Errorf("/quote %s in guild %s: %d %q; found %v, want %v", c.query, c.guild, status, r.String(), got, c.found)
		}
	}

	// Again: nothing new.
	_, out, _ = quotebot(t, client, "", "import", "--json", "--remote", s.ops, shared)
	sum = importSummary{}
	json.Unmarshal([]byte(out), &sum)
	if sum.Added != 0 || sum.Unchanged != 2500 {
		t.Errorf("second remote import = %+v, want 0 added, 2500 unchanged", sum)
	}

	for _, c := range []struct {
		name  string
		env   map[string]string
		args  []string
		code  int
		wants string
	}{
		{"wrong token", map[string]string{"QUOTEBOT_OPS_TOKEN": "guess"}, []string{s.ops}, 1, "wrong or missing bearer token"},
		{"no token", map[string]string{}, []string{s.ops}, 2, "set QUOTEBOT_OPS_TOKEN"},
		{"not a URL", client, []string{"127.0.0.1:1"}, 2, "not an http(s) URL"},
		{"nobody listening", client, []string{"http://127.0.0.1:1"}, 1, "connection refused"},
	} {
		code, _, errs := quotebot(t, c.env, "", append([]string{"import", "--remote"}, append(c.args, shared)...)...)
		if code != c.code || !strings.Contains(errs, c.wants) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", c.name, code, errs, c.code, c.wants)
		}
	}
	if code := s.stop(); code != 0 {
		t.Errorf("serve exited %d after its context ended, want 0:\n%s", code, s.logs.String())
	}
	if strings.Contains(s.logs.String(), opsToken) {
		t.Errorf("serve logged the ops token")
	}

	// The index holds every imported quote once.
	_, out, _ = quotebot(t, env, "", "quote", "--json", "--limit", "1", "zebras")
	var qr quoteResult
	json.Unmarshal([]byte(out), &qr)
	if qr.Total != 2500 {
		t.Errorf("after the bot stopped, quote zebras finds %d, want 2500", qr.Total)
	}
}

// TestRemoteImportRefused checks the ops endpoint's refusals: no token
// configured, a body over the limit.
func TestRemoteImportRefused(t *testing.T) {
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	env := &Env{Log: discardLogger()}
	file := ""
	for i := range 3 {
		file += fmt.Sprintf(`{"text": "Bounded bodies keep the bot alive, %d.", "speaker": "Ops"}`+"\n", i)
	}
	for _, c := range []struct {
		name   string
		token  Secret
		limit  int64
		status int
		wants  string
		read   int // quotes added or found already there
	}{
		{"no token configured", "", 1 << 20, http.StatusForbidden, "remote import is off", 0},
		{"over the limit", opsToken, int64(len(file)) - 10, http.StatusRequestEntityTooLarge, "larger than", 2},
		{"within the limit", opsToken, int64(len(file)), http.StatusOK, "", 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(importHandler(context.Background(), env, ix, c.token, c.limit))
			defer srv.Close()
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"?name=x.jsonl", strings.NewReader(file))
			req.Header.Set("Authorization", "Bearer "+opsToken)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var sum importSummary
			json.NewDecoder(resp.Body).Decode(&sum)
			if resp.StatusCode != c.status || !strings.Contains(sum.Failure, c.wants) || sum.Added+sum.Unchanged != c.read {
				t.Errorf("POST /import = %d %+v; want %d, %q, %d added or unchanged", resp.StatusCode, sum, c.status, c.wants, c.read)
			}
		})
	}
}

func TestBearerOK(t *testing.T) {
	for _, c := range []struct {
		header string
		want   bool
	}{
		{"Bearer " + opsToken, true},
		{"Bearer " + opsToken + "x", false},
		{"Bearer " + opsToken[:len(opsToken)-1], false},
		{"bearer " + opsToken, false},
		{opsToken, false},
		{"", false},
		{"Bearer ", false},
	} {
		if got := bearerOK(c.header, opsToken); got != c.want {
			t.Errorf("bearerOK(%q) = %v, want %v", c.header, got, c.want)
		}
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
