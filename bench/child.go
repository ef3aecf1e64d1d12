package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// The children: each engine is measured in a process of its own, so that
// peak RSS (VmHWM) is that engine's alone.

type importResult struct {
	Quotes  int     `json:"quotes"`
	Seconds float64 `json:"seconds"`
	CPU     float64 `json:"cpu_seconds"` // user + system time of the process
	HWMKB   int     `json:"hwm_kb"`
	AnonKB  int     `json:"anon_kb"` // peak anonymous memory (see anonPeak)
}

type serveResult struct {
	ColdMS  float64              `json:"cold_ms"`
	HWMKB   int                  `json:"hwm_kb"`
	AnonKB  int                  `json:"anon_kb"`
	Lat     map[string][]float64 `json:"lat"`     // kind → ms per query, steady state
	First   map[string][]float64 `json:"first"`   // kind → ms per query, first pass after the cold start
	Empty   map[string]int       `json:"empty"`   // kind → queries with no answer
	Right   int                  `json:"right"`   // who-said: right speaker first
	Asked   int                  `json:"asked"`   // who-said queries timed
	Skipped map[string]int       `json:"skipped"` // kind → queries left when the budget ran out
}

// vmHWM reads the process's peak resident set size, in KiB. It counts the
// pages of memory-mapped index files the process touched (bleve's segments),
// which the kernel may reclaim, as well as its own memory.
func vmHWM() int { return procStatus("self", "VmHWM:") }

// procStatus reads a size in KiB from /proc/PID/status ("self": this
// process's); -1 if it cannot.
func procStatus(pid, key string) int {
	f, err := os.Open("/proc/" + pid + "/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), key); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return kb
		}
	}
	return -1
}

// anonPeak samples the anonymous resident memory (RssAnon: heap and
// stacks, not file pages) of process pid ("self": this one) every 20 ms
// until stop is called, which returns the peak in KiB. The kernel keeps no
// high-water mark of it.
func anonPeak(pid string) (stop func() int) {
	var peak atomic.Int64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			if kb := int64(procStatus(pid, "RssAnon:")); kb > peak.Load() {
				peak.Store(kb)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() int {
		close(done)
		<-finished
		return int(peak.Load())
	}
}

// cpuSeconds is the CPU time the process has used so far, less sensitive to
// other load on a shared machine than wall time.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return -1
	}
	return cpuTime(&ru)
}

// cpuTime is the user and system time in ru, in seconds.
func cpuTime(ru *syscall.Rusage) float64 {
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

func writeJSON(v any) error {
	return json.NewEncoder(os.Stdout).Encode(v)
}

func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		f.Close()
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}

// childImport: bench import -engine fts5 -dir D -corpus F [-cpuprofile P].
// quotebot is imported with its own command (importCLI).
func childImport(args []string) error {
	fs := flag.NewFlagSet("import", flag.ExitOnError)
	eng := fs.String("engine", "", "quotebot or fts5")
	dir := fs.String("dir", "", "index directory (created)")
	corpus := fs.String("corpus", "", "JSON Lines corpus")
	prof := fs.String("cpuprofile", "", "write a CPU profile here")
	fs.Parse(args)
	// The collector as `quotebot import` sets it for itself (bulkGC in
	// ../import.go): 400 % heap growth, up to a soft limit of 768 MiB.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(768 << 20)
	stop := startProfile(*prof)
	anon := anonPeak("self")
	start := time.Now()
	n, err := importInto(context.Background(), *eng, *dir, *corpus)
	secs := time.Since(start).Seconds()
	stop()
	if err != nil {
		return err
	}
	return writeJSON(importResult{Quotes: n, Seconds: secs, CPU: cpuSeconds(), HWMKB: vmHWM(), AnonKB: anon()})
}

// childServe: bench serve -engine E -dir D -queries F -round R -rounds N
// [-budget 20s] [-profiledir P]. It opens the index, answers its first
// who-said query (the cold start), warms up on a few queries of each kind
// untimed, then times its share of each kind until the kind's budget is
// spent.
func childServe(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	eng := fs.String("engine", "", "quotebot or fts5")
	dir := fs.String("dir", "", "index directory")
	qfile := fs.String("queries", "", "query set (JSON)")
	round := fs.Int("round", 0, "this round")
	rounds := fs.Int("rounds", 1, "rounds in all")
	budget := fs.Duration("budget", 20*time.Second, "time per kind")
	warm := fs.Int("warmup", 10, "untimed queries per kind first")
	profDir := fs.String("profiledir", "", "write a CPU profile per kind here")
	slow := fs.Duration("slow", 0, "list queries slower than this on stderr")
	repeat := fs.Int("repeat", 1, "run each query this many times and keep the fastest (for comparing changes on a loaded machine)")
	fs.Parse(args)

	raw, err := os.ReadFile(*qfile)
	if err != nil {
		return err
	}
	var all []benchQuery
	if err := json.Unmarshal(raw, &all); err != nil {
		return err
	}
	byKind := map[string][]benchQuery{}
	for i, q := range all {
		if i%*rounds == *round {
			byKind[q.Kind] = append(byKind[q.Kind], q)
		}
	}
	ctx := context.Background()

	anon := anonPeak("self")
	start := time.Now()
	e, err := openEngine(*eng, *dir)
	if err != nil {
		return err
	}
	defer e.close()
	if _, _, err := e.query(ctx, byKind[kindWhoSaid][0]); err != nil {
		return err
	}
	res := serveResult{ColdMS: float64(time.Since(start).Microseconds()) / 1000}
	for _, k := range kinds {
		for _, q := range byKind[k][:min(*warm, len(byKind[k]))] {
			if _, _, err := e.query(ctx, q); err != nil {
				return err
			}
		}
	}
	t := timer{e: e, name: *eng, budget: *budget, repeat: *repeat, slow: *slow}
	// The first pass, right after the cold start, reads the index from disk
	// as it goes. Then the index's files are read once, as a server that
	// has been answering for a while holds them in the page cache, and the
	// second pass (the steady state, the figures the report leads with)
	// asks the same queries in another order.
	first := t.pass(ctx, byKind, rand.New(rand.NewPCG(corpusSeed, uint64(*round))), "")
	res.First = first.Lat
	if err := first.err; err != nil {
		return err
	}
	if err := readFiles(*dir); err != nil {
		return err
	}
	steady := t.pass(ctx, byKind, rand.New(rand.NewPCG(corpusSeed+1, uint64(*round))), *profDir)
	if err := steady.err; err != nil {
		return err
	}
	res.Lat, res.Empty, res.Skipped, res.Right, res.Asked = steady.Lat, steady.Empty, steady.Skipped, steady.Right, steady.Asked
	res.HWMKB = vmHWM()
	res.AnonKB = anon()
	return writeJSON(res)
}

// timer times queries of one engine.
type timer struct {
	e      engine
	name   string
	budget time.Duration // per kind
	repeat int           // runs per query; the fastest counts
	slow   time.Duration // list queries slower than this on stderr (0: none)
}

// passResult is one timed pass over the query kinds.
type passResult struct {
	Lat     map[string][]float64
	Empty   map[string]int
	Skipped map[string]int
	Right   int
	Asked   int
	err     error
}

// pass times each kind in turn, its queries shuffled by rng (autocomplete
// keeps its keystroke order), until the kind's budget is spent. With
// profDir it writes a CPU profile per kind there.
func (t timer) pass(ctx context.Context, byKind map[string][]benchQuery, rng *rand.Rand, profDir string) passResult {
	res := passResult{Lat: map[string][]float64{}, Empty: map[string]int{}, Skipped: map[string]int{}}
	for _, k := range kinds {
		qs := slices.Clone(byKind[k])
		if k != kindSuggest { // keep the keystrokes of one member in order
			rng.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
		}
		stop := func() {}
		if profDir != "" {
			stop = startProfile(filepath.Join(profDir, t.name+"-"+strings.ReplaceAll(k, " ", "_")+".prof"))
		}
		begin := time.Now()
		for i, q := range qs {
			if time.Since(begin) > t.budget {
				res.Skipped[k] = len(qs) - i
				break
			}
			var n int
			var top string
			var err error
			d := time.Duration(1 << 62)
			for range max(1, t.repeat) {
				start := time.Now()
				n, top, err = t.e.query(ctx, q)
				d = min(d, time.Since(start))
				if err != nil {
					stop()
					res.err = err
					return res
				}
			}
			if t.slow > 0 && d > t.slow {
				fmt.Fprintf(os.Stderr, "slow %s %s %q %q\n", d.Round(time.Microsecond), k, q.Text, q.Speaker)
			}
			res.Lat[k] = append(res.Lat[k], float64(d.Nanoseconds())/1e6)
			if n == 0 {
				res.Empty[k]++
			}
			if k == kindWhoSaid {
				res.Asked++
				if strings.EqualFold(top, q.Want) {
					res.Right++
				}
			}
		}
		stop()
	}
	return res
}

// readFiles reads every file under dir once, so that the index is in the
// page cache.
func readFiles(dir string) error {
	return filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(io.Discard, f)
		return err
	})
}
