package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/quotebot/quotebot/index"
	"github.com/quotebot/quotebot/quotes"
)

// crashKills is how many times TestCrashSafety kills a writer.
const crashKills = 24

// TestCrashSafety runs `quotebot import`, a stream of single saves
// (`quotebot add --batch`) and the bot itself (saves from members while a
// remote import runs) as child processes and kills them with SIGKILL at
// random moments. After every kill the index must open cleanly and hold
// every write that was acknowledged (a single save's ack line, an import's
// summary, the bot's "Quote saved"), each once. The seed is logged with every kill point, and
// QUOTEBOT_CRASH_SEED replays a run.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes for about half a minute; skipped with -short")
	}
	bin := quotebotBinary(t)
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("QUOTEBOT_CRASH_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("QUOTEBOT_CRASH_SEED=%q: %v", s, err)
		}
	}
	t.Logf("seed %d; replay with QUOTEBOT_CRASH_SEED=%d go test -run TestCrashSafety .", seed, seed)
	rng := rand.New(rand.NewPCG(seed, seed>>1))
	dir := filepath.Join(t.TempDir(), "index")
	acked := map[string]bool{} // IDs of acknowledged writes
	saves := 0                 // single saves sent so far, for unique texts

	kills := 0
	for round := 1; kills < crashKills; round++ {
		var what string
		var killed bool
		switch rng.IntN(4) {
		case 0:
			// An import of a fresh file, killed within about its run time.
			after := time.Duration(rng.IntN(1200)) * time.Millisecond
			what = fmt.Sprintf("import of 6000 quotes, kill after %v", after)
			killed = crashImport(t, bin, dir, round, after, acked)
		case 1:
			// The bot, saving quotes members send while a remote import
			// runs, killed once it has answered.
			after := time.Duration(rng.IntN(800)) * time.Millisecond
			what = fmt.Sprintf("the bot saving during a remote import, kill %v after it listens", after)
			killed = crashServe(t, bin, dir, round, after, acked)
		default:
			after := time.Duration(rng.IntN(700)) * time.Millisecond
			what = fmt.Sprintf("single saves, kill after %v", after)
			saves, killed = crashSaves(t, bin, dir, saves, after, acked)
		}
		if killed {
			kills++
			what += " (killed)"
		} else {
			what += " (finished first)"
		}
		t.Logf("round %d: %s; %d writes acknowledged so far", round, what, len(acked))
		if !checkAcked(t, dir, acked) {
			t.Fatalf("after round %d (%s): see above; replay with QUOTEBOT_CRASH_SEED=%d", round, what, seed)
		}
	}
}

var savedIDRE = regexp.MustCompile(`\bid ([0-9a-z]{10}) ·`)

// crashServe runs `quotebot serve --http` on dir, with four members saving
// quotes one after another and `quotebot import --remote` adding a fresh
// file, and kills the bot with SIGKILL d after it listens. Every save the
// bot answered "Quote saved" is acknowledged, by the id in its reply.
func crashServe(t *testing.T, bin, dir string, round int, d time.Duration, acked map[string]bool) bool {
	t.Helper()
	pub, key := newKey(t)
	logs := &syncBuffer{}
	srv := startProcess(t, bin, map[string]string{"DISCORD_PUBLIC_KEY": pub, "QUOTEBOT_OPS_TOKEN": opsToken}, logs, logs,
		"serve", "--http", "127.0.0.1:0", "--ops", "127.0.0.1:0", "--index", dir)
	addrs := waitListening(t, logs, srv.exited, "interactions", "ops")
	url, ops := "http://"+addrs["interactions"]+"/interactions", "http://"+addrs["ops"]

	var b strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&b, `{"text": "Remote bulk quote %d of round %d outlives the bot.", "speaker": "Remote %d"}`+"\n", i, round, i%30)
	}
	file := writeFile(t, "remote.jsonl", b.String())
	go quotebot(t, map[string]string{"QUOTEBOT_OPS_TOKEN": opsToken}, "", "import", "--remote", ops, file)

	var mu sync.Mutex
	var ids []string
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 10 * time.Second}
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				text := fmt.Sprintf("Saved on Discord in round %d by member %d, save %d.", round, w, i)
				body := interaction(round*100_000+w*10_000+i, fmt.Sprint(1180211384745537700+w%3), fmt.Sprint(1180211384745538100+w), false,
					"quotes", subcommand("add", option("text", text, false), option("speaker", "Member "+strconv.Itoa(w), false)))
				resp, err := client.Do(signedRequest(t, url, key, body))
				if err != nil {
					return // killed
				}
				var r reply
				json.NewDecoder(resp.Body).Decode(&r)
				resp.Body.Close()
				if m := savedIDRE.FindStringSubmatch(r.String()); m != nil && strings.Contains(r.String(), "Quote saved") {
					mu.Lock()
					ids = append(ids, m[1])
					mu.Unlock()
				}
			}
		}()
	}
	killed := killAfter(srv.cmd, srv.exited, d)
	<-srv.exited
	wg.Wait()
	for _, id := range ids {
		acked[id] = true
	}
	if !killed {
		t.Fatalf("the bot exited by itself: %v\n%s", srv.err, logs.String())
	}
	return killed
}

// startChild starts bin with args and returns the command and its stdout.
func startChild(t *testing.T, bin string, stdin io.Reader, args ...string) (*exec.Cmd, io.ReadCloser, *syncBuffer) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = childEnv(nil)
	cmd.Stdin = stdin
	stderr := &syncBuffer{}
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, out, stderr
}

// killAfter sends SIGKILL to cmd after d unless it has exited, and reports
// whether it did.
func killAfter(cmd *exec.Cmd, exited <-chan struct{}, d time.Duration) bool {
	select {
	case <-exited:
		return false
	case <-time.After(d):
		cmd.Process.Signal(syscall.SIGKILL)
		return true
	}
}

// crashImport imports a file of 6000 new quotes and kills the import after
// d, and reports whether it did. A summary printed means every quote of the
// file is acknowledged.
func crashImport(t *testing.T, bin, dir string, round int, d time.Duration, acked map[string]bool) bool {
	t.Helper()
	var b strings.Builder
	var ids []string
	for i := range 6000 {
		q := quotes.Quote{Text: fmt.Sprintf("Bulk quote %d of import round %d survives a crash.", i, round), Speaker: fmt.Sprintf("Importer %d", i%40)}
		js, _ := json.Marshal(q)
		b.Write(append(js, '\n'))
		q.Normalize()
		ids = append(ids, q.ID)
	}
	file := filepath.Join(t.TempDir(), "bulk.jsonl")
	os.WriteFile(file, []byte(b.String()), 0o644)
	cmd, out, stderr := startChild(t, bin, nil, "import", "--json", "--index", dir, file)
	exited := make(chan struct{})
	var summary []byte
	go func() {
		summary, _ = io.ReadAll(out)
		cmd.Wait()
		close(exited)
	}()
	killed := killAfter(cmd, exited, d)
	<-exited
	var sum importSummary
	if json.Unmarshal(summary, &sum) == nil && sum.Added+sum.Unchanged == len(ids) {
		for _, id := range ids {
			acked[id] = true
		}
	} else if !killed {
		t.Fatalf("import exited %v without a summary: %s", cmd.ProcessState, stderr.String())
	}
	return killed
}

// crashSaves streams single saves to `quotebot add --batch` and kills it
// after d; every ack line read is a save that must survive. It returns the
// number of saves sent, so the next round's texts are new, and whether it
// killed the child.
func crashSaves(t *testing.T, bin, dir string, sent int, d time.Duration, acked map[string]bool) (int, bool) {
	t.Helper()
	pr, pw := io.Pipe()
	cmd, out, stderr := startChild(t, bin, pr, "add", "--batch", "--index", dir)
	go func() {
		// Write until the child is gone; the pipe then fails.
		for i := sent; ; i++ {
			q := quotes.Quote{Text: fmt.Sprintf("Single save %d is acknowledged only when it is on disk.", i),
				Speaker: "Saver", Guild: strconv.Itoa(1180211384745537700 + i%3)}
			js, _ := json.Marshal(q)
			if _, err := pw.Write(append(js, '\n')); err != nil {
				return
			}
		}
	}()
	acks := make(chan string, 1024)
	go lines(out, acks)
	exited := make(chan struct{})
	var got []addAck
	done := make(chan struct{})
	go func() {
		defer close(done)
		for l := range acks {
			var a addAck
			if json.Unmarshal([]byte(l), &a) == nil {
				got = append(got, a)
			}
		}
	}()
	go func() {
		<-done // stdout closed: the child exited or was killed
		cmd.Wait()
		pr.Close()
		close(exited)
	}()
	killed := killAfter(cmd, exited, d)
	<-exited
	for n, a := range got {
		q := quotes.Quote{Text: fmt.Sprintf("Single save %d is acknowledged only when it is on disk.", sent+n),
			Speaker: "Saver", Guild: strconv.Itoa(1180211384745537700 + (sent+n)%3)}
		q.Normalize()
		if a.Error != "" || a.ID != q.ID {
			t.Fatalf("ack %d = %+v, want %s (stderr %s)", n, a, q.ID, stderr.String())
		}
		acked[a.ID] = true
	}
	// The quotes written but not acknowledged were sent, and their texts
	// are never reused: skip past everything the writer could have sent.
	return sent + len(got) + 100_000, killed
}

// checkAcked opens the index as a restarted bot would and checks that it
// opens, holds every acknowledged write, and holds each quote once.
func checkAcked(t *testing.T, dir string, acked map[string]bool) bool {
	t.Helper()
	ctx := context.Background()
	ix, err := index.Open(dir)
	if err != nil {
		t.Errorf("Open after a kill: %v", err)
		return false
	}
	defer ix.Close()
	seen := map[string]bool{}
	for q, err := range ix.All(ctx) {
		if err != nil {
			t.Errorf("All: %v", err)
			return false
		}
		if seen[q.ID] {
			t.Errorf("quote %s is in the index twice", q.ID)
		}
		seen[q.ID] = true
	}
	missing := 0
	for id := range acked {
		if !seen[id] {
			missing++
			if missing <= 5 {
				t.Errorf("acknowledged quote %s is missing", id)
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d acknowledged quotes missing", missing, len(acked))
	}
	// Count agrees with All: the shared quotes, plus each guild's own.
	shared, err := ix.Count(ctx, "")
	if err != nil {
		t.Errorf("Count: %v", err)
	}
	total := shared
	for g := range 3 {
		n, err := ix.Count(ctx, strconv.Itoa(1180211384745537700+g))
		if err != nil {
			t.Errorf("Count: %v", err)
		}
		total += n - shared
	}
	if total != len(seen) {
		t.Errorf("Count adds up to %d quotes, All yields %d", total, len(seen))
	}
	return !t.Failed()
}

// TestSecondProcessIsRefused opens an index that a running process holds:
// the second gets a clear "in use" error and exit status 5, not a hang.
func TestSecondProcessIsRefused(t *testing.T) {
	bin := quotebotBinary(t)
	dir := filepath.Join(t.TempDir(), "index")
	pr, pw := io.Pipe()
	holder, out, stderr := startChild(t, bin, pr, "add", "--batch", "--index", dir)
	defer func() {
		pw.Close()
		holder.Wait()
	}()
	// Once the holder acknowledges a save, it has the index open.
	pw.Write([]byte(`{"text": "I hold the index.", "speaker": "Holder"}` + "\n"))
	acks := make(chan string, 1)
	go lines(out, acks)
	select {
	case l, ok := <-acks:
		if !ok {
			t.Fatalf("holder exited: %s", stderr.String())
		}
		t.Logf("holder: %s", l)
	case <-time.After(time.Minute):
		t.Fatalf("holder did not acknowledge within a minute: %s", stderr.String())
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	second := exec.CommandContext(ctx, bin, "quote", "--index", dir, "hold")
	second.Env = childEnv(nil)
	msg, err := second.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("the second process hung: %s", msg)
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitLocked || !strings.Contains(string(msg), "in use by another process") {
		t.Errorf("second process: %v, %q; want exit %d and \"in use by another process\"", err, msg, exitLocked)
	}
}
