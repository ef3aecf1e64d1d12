package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/quotebot/quotebot/index"
)

// emptyIndex creates an index in a temp dir holding nothing (not even the
// bundled corpus) and returns its path.
func emptyIndex(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// indexContents opens dir, as the next run would, and returns its quotes'
// texts; it fails t unless the index opens (it was closed cleanly or at
// least left whole).
func indexContents(t *testing.T, dir string) map[string]bool {
	t.Helper()
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatalf("index after the process ended: %v", err)
	}
	defer ix.Close()
	texts := map[string]bool{}
	for q, err := range ix.All(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		texts[q.Text] = true
	}
	return texts
}

// waitFor waits until the text s appears in buf or the process exits.
func waitFor(t *testing.T, buf *syncBuffer, exited <-chan struct{}, s string) {
	t.Helper()
	deadline := time.After(time.Minute)
	for !strings.Contains(buf.String(), s) {
		select {
		case <-exited:
			t.Fatalf("exited before %q:\n%s", s, buf.String())
		case <-deadline:
			t.Fatalf("no %q within a minute:\n%s", s, buf.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// TestSIGTERMDuringImport stops an import with SIGTERM once it has written
// a batch: it finishes the batch in hand, prints what it added, closes the
// index and exits 3; the index holds exactly what the summary says.
func TestSIGTERMDuringImport(t *testing.T) {
	bin := quotebotBinary(t)
	dir := emptyIndex(t)
	var b strings.Builder
	const n = 10_000
	for i := range n {
		fmt.Fprintf(&b, `{"text": "Quote %d of an import stopped halfway.", "speaker": "Speaker %d"}`+"\n", i, i%100)
	}
	file := writeFile(t, "big.jsonl", b.String())

	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	imp := startProcess(t, bin, map[string]string{"QUOTEBOT_LOG_LEVEL": "debug"}, stdout, stderr, "import", "--json", "--index", dir, file)
	waitFor(t, stderr, imp.exited, "import batch written")
	imp.cmd.Process.Signal(syscall.SIGTERM)
	<-imp.exited

	var ee *exec.ExitError
	if !errors.As(imp.err, &ee) || ee.ExitCode() != exitInterrupted {
		t.Fatalf("import after SIGTERM: %v, want exit %d; stderr:\n%s", imp.err, exitInterrupted, stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted") || !strings.Contains(stderr.String(), "run it again") {
		t.Errorf("stderr %q does not say the import was interrupted and how to go on", stderr.String())
	}
	var sum importSummary
	if err := json.Unmarshal([]byte(stdout.String()), &sum); err != nil {
		t.Fatalf("summary %q: %v", stdout.String(), err)
	}
	if sum.Added == 0 || sum.Added >= n || sum.Added%importBatch != 0 {
		t.Errorf("summary says %d added; want whole batches of %d, and not all %d", sum.Added, importBatch, n)
	}
	if got := len(indexContents(t, dir)); got != sum.Added {
		t.Errorf("the index holds %d quotes, the summary says %d were added", got, sum.Added)
	}

	// Run again: the rest goes in, nothing twice.
	out, err := exec.Command(bin, "import", "--json", "--index", dir, file).Output()
	var again importSummary
	json.Unmarshal(out, &again)
	if err != nil || again.Added != n-sum.Added || again.Unchanged != sum.Added {
		t.Errorf("second import: %v, %+v; want %d added, %d unchanged", err, again, n-sum.Added, sum.Added)
	}
}

// TestSIGTERMDuringInteractions sends SIGTERM to `quotebot serve --http`
// during a burst of commands and saves. Every request is answered in full
// or refused before it is read; every save the bot acknowledged is in the
// index; serve closes the index and exits 0.
func TestSIGTERMDuringInteractions(t *testing.T) {
	bin := quotebotBinary(t)
	dir := emptyIndex(t)
	pub, key := newKey(t)
	logs := &syncBuffer{}
	srv := startProcess(t, bin, map[string]string{"DISCORD_PUBLIC_KEY": pub}, logs, logs, "serve", "--http", "127.0.0.1:0", "--index", dir)
	url := "http://" + waitListening(t, logs, srv.exited, "interactions")["interactions"] + "/interactions"

	var (
		mu       sync.Mutex
		answered int
		refused  int
		saved    []string // texts the bot said it saved
		problems []string
	)
	answeredSome := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	for w := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Timeout: 30 * time.Second}
			for i := 0; ; i++ {
				// A member of its own for each request keeps the rate
				// limits out of the way; guilds have room for this.
				member := fmt.Sprint(1180211384745600000 + w*10_000 + i)
				guild := fmt.Sprint(1180211384745537700 + w)
				var body []byte
				text := ""
				if i%2 == 0 {
					text = fmt.Sprintf("Saved by worker %d, request %d, before the restart.", w, i)
					body = interaction(w*10_000+i, guild, member, false, "quotes",
						subcommand("add", option("text", text, false), option("speaker", "Shutdown Tester", false)))
				} else {
					body = interaction(w*10_000+i, guild, member, false, "quote", option("query", "restart", false))
				}
				resp, err := client.Do(signedRequest(t, url, key, body))
				if err != nil {
					// Refused: no answer, and (a POST not retried)
					// not read by a server shutting down.
					mu.Lock()
					refused++
					mu.Unlock()
					select {
					case <-srv.exited:
						return
					case <-time.After(time.Millisecond):
					}
					continue
				}
				var r reply
				decodeErr := json.NewDecoder(resp.Body).Decode(&r)
				resp.Body.Close()
				mu.Lock()
				switch {
				case resp.StatusCode != http.StatusOK || decodeErr != nil:
					problems = append(problems, fmt.Sprintf("status %d, %v", resp.StatusCode, decodeErr))
				case strings.Contains(r.String(), "went wrong"):
					problems = append(problems, r.String())
				default:
					answered++
					if text != "" && strings.Contains(r.String(), "Quote saved") {
						saved = append(saved, text)
					}
				}
				if answered == 100 {
					once.Do(func() { close(answeredSome) })
				}
				mu.Unlock()
			}
		}()
	}
	select {
	case <-answeredSome:
	case <-time.After(time.Minute):
		t.Fatalf("fewer than 100 answers in a minute:\n%s", logs.String())
	}
	srv.cmd.Process.Signal(syscall.SIGTERM)
	<-srv.exited
	wg.Wait()

	if srv.err != nil {
		t.Errorf("serve after SIGTERM: %v, want exit 0; log:\n%s", srv.err, logs.String())
	}
	for _, p := range problems {
		t.Errorf("a request got %s", p)
	}
	texts := indexContents(t, dir)
	for _, s := range saved {
		if !texts[s] {
			t.Errorf("acknowledged save %q is not in the index", s)
		}
	}
	t.Logf("%d answered (%d saves acknowledged), %d refused while stopping", answered, len(saved), refused)
	if _, err := os.Stat(filepath.Join(dir, "store", "root.bolt")); err != nil {
		t.Error(err)
	}
}

// TestStopCutsOffLateRequests stops a server while a request is still being
// answered past the shutdown timeout: stop says the work was cut short
// (exit status 3), and with nothing in flight it says nothing.
func TestStopCutsOffLateRequests(t *testing.T) {
	logs := &syncBuffer{}
	env := &Env{Log: slog.New(slog.NewTextHandler(logs, nil))}
	started, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	var once sync.Once
	stop, err := serveHTTP(env, "slow", "127.0.0.1:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			once.Do(func() { close(started) })
			<-release
		}
	}), 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + waitListening(t, logs, nil, "slow")["slow"]
	if resp, err := http.Get(base + "/quick"); err == nil {
		resp.Body.Close()
	}
	go http.Get(base + "/slow")
	<-started
	if err := stop(); !errors.Is(err, errInterrupted) {
		t.Errorf("stop with a request in flight = %v, want errInterrupted", err)
	}

	stop, err = serveHTTP(env, "idle", "127.0.0.1:0", http.NotFoundHandler(), 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Errorf("stop with nothing in flight = %v", err)
	}
}
