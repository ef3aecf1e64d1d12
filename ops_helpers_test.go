package main

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quotebot/quotebot/bot/bottest"
)

// The helpers of the operations tests: a quotebot binary built once, a
// serve process (in this process or a child), and signed interactions.

var binary struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// TestMain removes the binary the operations tests built, if any.
func TestMain(m *testing.M) {
	code := m.Run()
	if binary.dir != "" {
		os.RemoveAll(binary.dir)
	}
	os.Exit(code)
}

// quotebotBinary builds the quotebot command once per test run and returns
// its path: tests that kill, signal or measure a process need a real one.
func quotebotBinary(t testing.TB) string {
	t.Helper()
	binary.once.Do(func() {
		binary.dir, binary.err = os.MkdirTemp("", "quotebot-bin-")
		if binary.err != nil {
			return
		}
		binary.path = binary.dir + "/quotebot"
		out, err := exec.Command("go", "build", "-o", binary.path, ".").CombinedOutput()
		if err != nil {
			binary.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binary.err != nil {
		t.Fatal(binary.err)
	}
	return binary.path
}

// childEnv is the environment of a quotebot child process: just what it
// needs, and nothing of the test's own.
func childEnv(env map[string]string) []string {
	out := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	for k, v := range env {
		out = append(out, k+"="+v)
	}
	return out
}

// syncBuffer is a bytes.Buffer that a process or logger and a test share.
type syncBuffer = bottest.SyncBuffer

var listeningRE = regexp.MustCompile(`msg=listening server=(\w+) addr=(\S+)`)

// waitListening waits until the log in buf names the address of every
// server in names, and returns them by name.
func waitListening(t testing.TB, buf *syncBuffer, exited <-chan struct{}, names ...string) map[string]string {
	t.Helper()
	deadline := time.After(60 * time.Second)
	for {
		addrs := map[string]string{}
		for _, m := range listeningRE.FindAllStringSubmatch(buf.String(), -1) {
			addrs[m[1]] = m[2]
		}
		ok := true
		for _, n := range names {
			ok = ok && addrs[n] != ""
		}
		if ok {
			return addrs
		}
		select {
		case <-exited:
			t.Fatalf("serve exited before listening:\n%s", buf.String())
		case <-deadline:
			t.Fatalf("serve did not listen on %v within a minute:\n%s", names, buf.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// served is a `quotebot serve --http` running in this process.
type served struct {
	interactions, ops string // base URLs
	key               ed25519.PrivateKey
	logs              *syncBuffer
	stop              func() int // cancels serve and returns its exit status
}

// newKey returns a fresh application key pair, the public half in hex as
// DISCORD_PUBLIC_KEY holds it.
func newKey(t testing.TB) (string, ed25519.PrivateKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(pub), priv
}

// serveInProcess runs `quotebot serve --http 127.0.0.1:0 --ops 127.0.0.1:0`
// through run, as main would, with env (DISCORD_PUBLIC_KEY is added).
func serveInProcess(t *testing.T, env map[string]string, args ...string) *served {
	t.Helper()
	pub, priv := newKey(t)
	env["DISCORD_PUBLIC_KEY"] = pub
	s := &served{key: priv, logs: &syncBuffer{}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	code := 0
	go func() {
		defer close(done)
		code = run(ctx, append([]string{"quotebot", "serve", "--http", "127.0.0.1:0", "--ops", "127.0.0.1:0"}, args...),
			func(k string) string { return env[k] }, strings.NewReader(""), io.Discard, s.logs)
	}()
	var once sync.Once
	s.stop = func() int {
		once.Do(func() { cancel(); <-done })
		return code
	}
	t.Cleanup(func() { s.stop() })
	addrs := waitListening(t, s.logs, done, "interactions", "ops")
	s.interactions, s.ops = "http://"+addrs["interactions"]+"/interactions", "http://"+addrs["ops"]
	return s
}

// interaction is the JSON of an interaction as Discord sends it: a command
// (or, with autocomplete, its autocomplete) in guild from member.
func interaction(id int, guild, member string, autocomplete bool, command string, options ...any) []byte {
	typ := 2
	if autocomplete {
		typ = 4
	}
	m := map[string]any{
		"type": typ, "id": strconv.Itoa(1180300000000000000 + id), "application_id": "1180211384745537606",
		"token": fmt.Sprintf("interaction-token-%d", id), "version": 1,
		"guild_id": guild, "channel_id": "1180211384745537811",
		"member": map[string]any{
			"user":        map[string]any{"id": member, "username": "member" + member, "discriminator": "0"},
			"permissions": "1126999418470209", "roles": []string{},
		},
		"data": map[string]any{"id": "1180211384745537650", "name": command, "type": 1, "options": options},
	}
	b, _ := json.Marshal(m)
	return b
}

// option is a command option; focused marks the one autocomplete completes.
func option(name string, value any, focused bool) map[string]any {
	o := map[string]any{"name": name, "type": 3, "value": value}
	if focused {
		o["focused"] = true
	}
	return o
}

// subcommand is a subcommand option holding options.
func subcommand(name string, options ...any) map[string]any {
	return map[string]any{"name": name, "type": 1, "options": options}
}

// signedRequest is a POST of body to url signed with key as Discord signs.
func signedRequest(t testing.TB, url string, key ed25519.PrivateKey, body []byte) *http.Request {
	t.Helper()
	req, err := bottest.SignedRequest(url, key, time.Now(), body)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// reply is the part of an interaction response the tests read.
type reply struct {
	Type int `json:"type"`
	Data struct {
		Content string `json:"content"`
		Flags   int    `json:"flags"`
		Embeds  []struct {
			Title       string `json:"title"`
			Description string `json:"description"`
			Footer      *struct {
				Text string `json:"text"`
			} `json:"footer"`
			Fields []struct {
				Name, Value string
			} `json:"fields"`
		} `json:"embeds"`
		Choices []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"choices"`
	} `json:"data"`
}

// String is everything a person would read in the reply.
func (r reply) String() string {
	var b strings.Builder
	b.WriteString(r.Data.Content)
	for _, e := range r.Data.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description)
		if e.Footer != nil {
			b.WriteString("\n" + e.Footer.Text)
		}
		for _, f := range e.Fields {
			b.WriteString("\n" + f.Name + ": " + f.Value)
		}
	}
	for _, c := range r.Data.Choices {
		fmt.Fprintf(&b, "\n%s", c.Name)
	}
	return b.String()
}

// ask sends one signed interaction and decodes the reply.
func ask(t testing.TB, client *http.Client, url string, key ed25519.PrivateKey, body []byte) (int, reply) {
	t.Helper()
	resp, err := client.Do(signedRequest(t, url, key, body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r reply
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(raw, &r); err != nil {
			t.Fatalf("reply %s: %v", raw, err)
		}
	}
	return resp.StatusCode, r
}

// lines feeds each line r yields to ch, then closes it.
func lines(r io.Reader, ch chan<- string) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		ch <- sc.Text()
	}
	close(ch)
}

// child is a quotebot process the test started.
type child struct {
	cmd    *exec.Cmd
	exited chan struct{} // closed once it has exited; err is set then
	err    error         // what Wait returned
}

// startProcess starts bin with args and env, its output going to stdout and
// stderr, and kills it when the test ends if it is still running.
func startProcess(t *testing.T, bin string, env map[string]string, stdout, stderr io.Writer, args ...string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(bin, args...), exited: make(chan struct{})}
	c.cmd.Env = childEnv(env)
	c.cmd.Stdout, c.cmd.Stderr = stdout, stderr
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { c.err = c.cmd.Wait(); close(c.exited) }()
	t.Cleanup(func() {
		c.cmd.Process.Kill()
		<-c.exited
	})
	return c
}
