package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quotebot/quotebot/quotes"
)

// TestLoad drives `quotebot serve --http` (a child process) with signed
// interactions at a fixed rate: /quote, /who-said, autocomplete and saves,
// from 2,000 members in 50 guilds, while `quotebot import --remote` adds the
// State of the Union sentences to the running bot. It fails on any error,
// rate-limit reply or deferral, and reports latency and memory.
//
// QUOTEBOT_LOAD_SECONDS (default 5) and QUOTEBOT_LOAD_RPS (default 200) set
// the run; `make load` runs 30 s and also holds p99 to QUOTEBOT_LOAD_P99_MS.
// QUOTEBOT_LOAD_IMPORT=0 leaves the bulk import out, for comparison, and
// QUOTEBOT_LOAD_SLOW_MS=N lists the requests slower than N ms.
// Latency is measured from when each request was due, so a slow server
// cannot hide its backlog.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("sends load for several seconds; skipped with -short")
	}
	shared := filepath.Join("..", "shared", "data")
	base := []string{filepath.Join(shared, "quotable", "quotes.jsonl"), filepath.Join(shared, "fortunes", "quotes.jsonl")}
	bulk := filepath.Join(shared, "sotu", "quotes.jsonl")
	for _, f := range append(base, bulk) {
		if _, err := os.Stat(f); err != nil {
			t.Skipf("the load test needs ../shared/data (quotable, fortunes, sotu): %v", err)
		}
	}
	seconds, rps := envInt(t, "QUOTEBOT_LOAD_SECONDS", 5), envInt(t, "QUOTEBOT_LOAD_RPS", 200)
	p99Limit := time.Duration(envInt(t, "QUOTEBOT_LOAD_P99_MS", 0)) * time.Millisecond

	bin := quotebotBinary(t)
	dir := filepath.Join(t.TempDir(), "index")
	if out, err := exec.Command(bin, append([]string{"import", "--index", dir}, base...)...).CombinedOutput(); err != nil {
		t.Fatalf("import the base collection: %v\n%s", err, out)
	}
	// The bulk import: as many sentences as the run can take in, about.
	bulkFile := headLines(t, bulk, min(60_802, 2_500*seconds)*envInt(t, "QUOTEBOT_LOAD_IMPORT", 1))

	pub, key := newKey(t)
	logs := &syncBuffer{}
	srv := startProcess(t, bin, map[string]string{"DISCORD_PUBLIC_KEY": pub, "QUOTEBOT_OPS_TOKEN": opsToken}, logs, logs,
		"serve", "--http", "127.0.0.1:0", "--ops", "127.0.0.1:0", "--index", dir)
	addrs := waitListening(t, logs, srv.exited, "interactions", "ops")
	url, ops := "http://"+addrs["interactions"]+"/interactions", "http://"+addrs["ops"]

	gen := newLoadGen(t, base[0])
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}, Timeout: 30 * time.Second}
	// Warm up: the first answers open the segments.
	for i := range 50 {
		body, _ := gen.request(i)
		ask(t, client, url, key, body)
	}
	rssBefore, heapBefore := rss(t, srv.cmd.Process.Pid), heapInuse(t, ops)

	importDone := make(chan string, 1)
	go func() {
		start := time.Now()
		code, out, errs := quotebot(t, map[string]string{"QUOTEBOT_OPS_TOKEN": opsToken}, "", "import", "--remote", ops, bulkFile)
		importDone <- fmt.Sprintf("exit %d in %.1fs: %s%s", code, time.Since(start).Seconds(), strings.TrimSpace(out), errs)
	}()

	total := seconds * rps
	interval := time.Second / time.Duration(rps)
	type result struct {
		kind     string
		latency  time.Duration
		err      string
		deferred bool
	}
	results := make([]result, total)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range total {
		due := start.Add(time.Duration(i) * interval)
		time.Sleep(time.Until(due))
		body, kind := gen.request(1000 + i)
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := result{kind: kind}
			defer func() { res.latency = time.Since(due); results[i] = res }()
			resp, err := client.Do(signedRequest(t, url, key, body))
			if err != nil {
				res.err = err.Error()
				return
			}
			defer resp.Body.Close()
			var r reply
			raw, _ := io.ReadAll(resp.Body)
			switch err := json.Unmarshal(raw, &r); {
			case resp.StatusCode != http.StatusOK || err != nil:
				res.err = fmt.Sprintf("status %d: %.200s", resp.StatusCode, raw)
			case r.Type == 5:
				// Deferred: the answer took over 2 s and goes out as an
				// edit later. Correct for Discord, but slow: reported,
				// and an error when p99 is held.
				res.deferred = true
			case r.Type != 4 && r.Type != 8:
				res.err = fmt.Sprintf("reply type %d", r.Type)
			case strings.Contains(r.Data.Content, "went wrong") || strings.Contains(r.Data.Content, "Easy there"):
				res.err = r.Data.Content
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	rssAfter, heapAfter := rss(t, srv.cmd.Process.Pid), heapInuse(t, ops)
	var imported string
	select {
	case imported = <-importDone:
	default:
		imported = "still running when the load ended"
	}

	byKind := map[string][]time.Duration{}
	var all []time.Duration
	errs := map[string]int{}
	deferred := 0
	for _, r := range results {
		if r.deferred {
			deferred++
		}
		all = append(all, r.latency)
		byKind[r.kind] = append(byKind[r.kind], r.latency)
		if r.err != "" {
			errs[r.kind+": "+r.err]++
		}
	}
	var report strings.Builder
	fmt.Fprintf(&report, "%d requests in %.1fs (%d/s asked, %.0f/s sent), bulk import %s\n", total, elapsed.Seconds(), rps, float64(total)/elapsed.Seconds(), imported)
	fmt.Fprintf(&report, "| kind | n | p50 | p99 | max |\n|---|---|---|---|---|\n")
	for _, k := range append(slices.Sorted(func(yield func(string) bool) {
		for k := range byKind {
			if !yield(k) {
				return
			}
		}
	}), "all") {
		d := byKind[k]
		if k == "all" {
			d = all
		}
		p50, p99, mx := percentiles(d)
		fmt.Fprintf(&report, "| %s | %d | %s | %s | %s |\n", k, len(d), ms(p50), ms(p99), ms(mx))
	}
	fmt.Fprintf(&report, "RSS %d MB → %d MB; Go heap in use %d MB → %d MB; errors %d; deferred %d\n",
		rssBefore>>20, rssAfter>>20, heapBefore>>20, heapAfter>>20, len(errs), deferred)
	t.Log("\n" + report.String())
	if slow := time.Duration(envInt(t, "QUOTEBOT_LOAD_SLOW_MS", 0)) * time.Millisecond; slow > 0 {
		for i, r := range results {
			if r.latency > slow {
				t.Logf("slow %d at %v: %s %v", i, time.Duration(i)*interval, r.kind, r.latency)
			}
		}
	}
	for e, n := range errs {
		t.Errorf("%d× %s", n, e)
	}
	if _, p99, _ := percentiles(all); p99Limit > 0 && (p99 > p99Limit || deferred > 0) {
		t.Errorf("p99 %v over %v, or %d answers deferred", p99, p99Limit, deferred)
	}
	// Memory flat: the Go heap does not grow with the number of requests.
	// (RSS also counts the index's memory-mapped segments, which grow with
	// the import, so it is reported, not held.)
	if heapAfter > 2*heapBefore+64<<20 {
		t.Errorf("Go heap grew from %d MB to %d MB", heapBefore>>20, heapAfter>>20)
	}
}

// loadGen makes the requests of the load test: 40 % /quote, 20 % /who-said,
// 30 % autocomplete, 10 % saves, from 2,000 members of 50 guilds, with words
// from real quotes.
type loadGen struct {
	mu    sync.Mutex
	rng   *rand.Rand
	texts [][]string // the words of each quote
}

func newLoadGen(t *testing.T, file string) *loadGen {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g := &loadGen{rng: rand.New(rand.NewPCG(1, 2))}
	for q, err := range quotes.ReadJSONL(f, file) {
		if err != nil {
			continue
		}
		if w := strings.Fields(q.Text); len(w) >= 6 {
			g.texts = append(g.texts, w)
		}
	}
	return g
}

// request returns the n-th request's body and its kind.
func (g *loadGen) request(n int) ([]byte, string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	guild := strconv.Itoa(1180211384745537700 + g.rng.IntN(50))
	member := strconv.Itoa(1180211384745600000 + g.rng.IntN(2000))
	words := g.texts[g.rng.IntN(len(g.texts))]
	at := g.rng.IntN(len(words) - 5)
	switch r := g.rng.IntN(10); {
	case r < 4:
		return interaction(n, guild, member, false, "quote", option("query", strings.Join(words[at:at+2], " "), false)), "quote"
	case r < 6:
		return interaction(n, guild, member, false, "who-said", option("phrase", strings.Join(words[at:at+5], " "), false)), "who-said"
	case r < 9:
		typed := strings.Join(words[at:at+2], " ")
		typed = typed[:max(1, len(typed)-g.rng.IntN(3))]
		return interaction(n, guild, member, true, "quote", option("query", typed, true)), "autocomplete"
	}
	text := fmt.Sprintf("Load test save %d: %s", n, strings.Join(words, " "))
	return interaction(n, guild, member, false, "quotes",
		subcommand("add", option("text", text, false), option("speaker", "Member "+member[len(member)-4:], false))), "save"
}

func percentiles(d []time.Duration) (p50, p99, mx time.Duration) {
	if len(d) == 0 {
		return 0, 0, 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2], s[min(len(s)-1, len(s)*99/100)], s[len(s)-1]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		t.Fatalf("%s=%q: want a number", name, s)
	}
	return n
}

// headLines copies the first n lines of file to a temp file.
func headLines(t *testing.T, file string, n int) string {
	t.Helper()
	in, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out := filepath.Join(t.TempDir(), filepath.Base(filepath.Dir(file))+".jsonl")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	w := bufio.NewWriter(f)
	for i := 0; i < n && sc.Scan(); i++ {
		w.Write(sc.Bytes())
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return out
}

// rss is the resident set size of process pid, from /proc.
func rss(t *testing.T, pid int) int64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Logf("rss: %v", err)
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// heapInuse reads go_memstats_heap_inuse_bytes from the ops /metrics.
func heapInuse(t *testing.T, ops string) int64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ops+"/metrics", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("/metrics: %v", err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "go_memstats_heap_inuse_bytes "); ok {
			f, _ := strconv.ParseFloat(v, 64)
			return int64(f)
		}
	}
	t.Fatal("/metrics has no go_memstats_heap_inuse_bytes")
	return 0
}
