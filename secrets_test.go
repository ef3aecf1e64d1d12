package main

import (
	"context"
	"errors"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The secrets of TestSecretsNeverLogged: each distinctive, so a search for
// it cannot miss.
const (
	secretToken = "MTE4MDIxMTM4NDc0NTUzNzYwNg.GxSeCrT.bot-token-that-must-never-be-logged"
	secretOps   = "ops-token-a41c9e-that-must-never-be-logged"
)

// secretsEnv is an environment holding every secret quotebot reads, debug
// logging on, and HTTPS_PROXY pointing at a closed port, so that nothing
// reaches Discord: its REST calls fail at once, on the error path.
func secretsEnv(t *testing.T, pub string) map[string]string {
	return map[string]string{
		"QUOTEBOT_DATA":      t.TempDir(),
		"DISCORD_TOKEN":      secretToken,
		"DISCORD_APP_ID":     "1180211384745537606",
		"DISCORD_PUBLIC_KEY": pub,
		"QUOTEBOT_OPS_TOKEN": secretOps,
		"QUOTEBOT_LOG_LEVEL": "debug",
		"HTTPS_PROXY":        "http://127.0.0.1:1",
		"HTTP_PROXY":         "http://127.0.0.1:1",
	}
}

// TestSecretsNeverLogged captures everything quotebot writes in full runs
// with every secret set (the gateway and the HTTP endpoint failing to reach
// Discord, the HTTP endpoint serving signed and forged interactions and ops
// requests with right and wrong tokens, the console, imports that work and
// fail, a configuration error, a goroutine dump on SIGQUIT) and looks for the
// bot token and the ops token in it.
func TestSecretsNeverLogged(t *testing.T) {
	bin := quotebotBinary(t)
	pub, _ := newKey(t)
	var logs []string
	check := func(name, out string) {
		t.Helper()
		logs = append(logs, out)
		for _, s := range []string{secretToken, secretOps, secretToken[:24], secretOps[:20]} {
			if strings.Contains(out, s) {
				t.Errorf("%s wrote a secret (%.12s…):\n%s", name, s, out)
			}
		}
	}

	// The gateway, as a process: registering the commands fails.
	for _, args := range [][]string{{"serve"}, {"serve", "--http", "127.0.0.1:0"}, {}} {
		env := secretsEnv(t, pub)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Env = childEnv(env)
		out, err := cmd.CombinedOutput()
		cancel()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitFailure {
			t.Errorf("quotebot %v with Discord unreachable: %v, want exit 1:\n%s", args, err, out)
		}
		check(strings.Join(append([]string{"quotebot"}, args...), " "), string(out))
	}

	// The HTTP endpoint in this process, answering; without an app id it
	// does not try to register (HTTPS_PROXY reaches the children only).
	env := secretsEnv(t, pub)
	delete(env, "DISCORD_TOKEN")
	delete(env, "DISCORD_APP_ID")
	env["DISCORD_TOKEN_FILE"] = writeFile(t, "token", secretToken+"\n")
	s := serveInProcess(t, env)
	env["DISCORD_PUBLIC_KEY"] = pub // serveInProcess set its own key pair
	key := s.key
	for n, body := range [][]byte{
		interaction(1, "1180211384745537700", "1180211384745538001", false, "quote", option("query", "knowledge", false)),
		interaction(2, "1180211384745537700", "1180211384745538001", false, "quote", option("query", secretToken, false)),
		interaction(3, "1180211384745537700", "1180211384745538001", true, "quote", option("query", "know", true)),
		interaction(4, "1180211384745537700", "1180211384745538001", false, "quotes",
			subcommand("add", option("text", "Secrets stay out of logs.", false), option("speaker", "Ops", false))),
		interaction(5, "1180211384745537700", "1180211384745538001", false, "nonsense"),
		[]byte(`{"type": 2, "id": "1", "token": "x"}`),
	} {
		if status, _ := ask(t, http.DefaultClient, s.interactions, key, body); status != http.StatusOK && n < 5 {
			t.Errorf("interaction %d: status %d", n+1, status)
		}
	}
	forged := signedRequest(t, s.interactions, key, []byte(`{"type":1}`))
	forged.Header.Set("X-Signature-Ed25519", strings.Repeat("0", 128))
	if resp, err := http.DefaultClient.Do(forged); err == nil {
		resp.Body.Close()
	}
	for _, tok := range []string{secretOps, "wrong-" + secretOps, ""} {
		req, _ := http.NewRequest(http.MethodPost, s.ops+"/import?name=x.jsonl", strings.NewReader(`{"text": "Imported with a token.", "speaker": "Ops"}`+"\n{broken\n"))
		req.Header.Set("Authorization", "Bearer "+tok)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}
	for _, path := range []string{"/healthz", "/metrics"} {
		if resp, err := http.Get(s.ops + path); err == nil {
			resp.Body.Close()
		}
	}
	s.stop()
	check("serve --http", s.logs.String())

	// The console, imports, a failing import, a remote import refused.
	for _, c := range []struct {
		stdin string
		args  []string
	}{
		{"/quote knowledge\n/who-said knowledge is power\n/quotes add text:Hello speaker:Me\n/nonsense\n", []string{"console"}},
		{"", []string{"import", writeFile(t, "q.jsonl", `{"text": "A quote.", "speaker": "Someone"}`+"\n{bad json\n")}},
		{"", []string{"import", "/no/such/file.jsonl"}},
		{"", []string{"import", "--remote", "http://127.0.0.1:1", writeFile(t, "r.jsonl", `{"text": "Remote.", "speaker": "R"}`+"\n")}},
		{"", []string{"quote", "--index", "/proc/self/no-such-index", "knowledge"}},
	} {
		_, out, errs := quotebot(t, env, c.stdin, c.args...)
		check("quotebot "+c.args[0], out+errs)
	}
	// A configuration error names the file, not what is in it.
	bad := map[string]string{"DISCORD_TOKEN_FILE": filepath.Join(t.TempDir(), "missing"), "QUOTEBOT_DATA": t.TempDir()}
	_, out, errs := quotebot(t, bad, "", "serve")
	check("config error", out+errs)

	// A goroutine dump of a running bot (what a panic prints too) holds
	// pointers, not the strings they point to.
	env = secretsEnv(t, pub)
	delete(env, "DISCORD_TOKEN")
	delete(env, "DISCORD_APP_ID")
	env["DISCORD_TOKEN_FILE"] = writeFile(t, "token", secretToken)
	dump := &syncBuffer{}
	srv := startProcess(t, bin, env, dump, dump, "serve", "--http", "127.0.0.1:0", "--ops", "127.0.0.1:0")
	waitListening(t, dump, srv.exited, "interactions", "ops")
	srv.cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case <-srv.exited:
	case <-time.After(time.Minute):
		t.Error("no exit a minute after SIGQUIT")
	}
	if !strings.Contains(dump.String(), "goroutine ") {
		t.Errorf("SIGQUIT printed no goroutine dump:\n%.2000s", dump.String())
	}
	check("goroutine dump", dump.String())

	// The search has teeth: the secrets were really in play.
	all := strings.Join(logs, "\n")
	for _, want := range []string{"interaction", "remote import", "listening", "DISCORD_TOKEN_FILE"} {
		if !strings.Contains(all, want) {
			t.Errorf("the captured logs never mention %q: the runs did less than intended", want)
		}
	}
}
