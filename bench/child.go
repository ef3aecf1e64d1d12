package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
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
	Lat     map[string][]float64 `json:"lat"`     // kind → ms per query
	Empty   map[string]int       `json:"empty"`   // kind → queries with no answer
	Right   int                  `json:"right"`   // who-said: right speaker first
	Asked   int                  `json:"asked"`   // who-said queries timed
	Skipped map[string]int       `json:"skipped"` // kind → queries left when the budget ran out
}

// vmHWM reads the process's peak resident set size, in KiB. It counts the
// pages of memory-mapped index files the process touched (bleve's segments),
// which the kernel may reclaim, as well as its own memory.
func vmHWM() int { return procStatus("VmHWM:") }

// procStatus reads a size in KiB from /proc/self/status; -1 if it cannot.
func procStatus(key string) int {
	f, err := os.Open("/proc/self/status")
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

// anonPeak samples the process's anonymous resident memory (RssAnon: its
// heap and stacks, not file pages) every 20 ms until stop is called, which
// returns the peak in KiB. The kernel keeps no high-water mark of it.
func anonPeak() (stop func() int) {
	var peak atomic.Int64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			if kb := int64(procStatus("RssAnon:")); kb > peak.Load() {
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

// childImport: bench import -engine E -dir D -corpus F [-cpuprofile P]
func childImport(args []string) error {
	fs := flag.NewFlagSet("import", flag.ExitOnError)
	eng := fs.String("engine", "", "quotebot or fts5")
	dir := fs.String("dir", "", "index directory (created)")
	corpus := fs.String("corpus", "", "JSON Lines corpus")
	prof := fs.String("cpuprofile", "", "write a CPU profile here")
	fs.Parse(args)
	// The collector as `quotebot import` sets it (bulkGC in ../import.go),
	// for both engines: 400 % heap growth, up to a soft limit of 768 MiB.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(768 << 20)
	stop := startProfile(*prof)
	anon := anonPeak()
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

	anon := anonPeak()
	start := time.Now()
	e, err := openEngine(*eng, *dir)
	if err != nil {
		return err
	}
	defer e.close()
	if _, _, err := e.query(ctx, byKind[kindWhoSaid][0]); err != nil {
		return err
	}
	res := serveResult{
		ColdMS:  float64(time.Since(start).Microseconds()) / 1000,
		Lat:     map[string][]float64{},
		Empty:   map[string]int{},
		Skipped: map[string]int{},
	}
	for _, k := range kinds {
		for _, q := range byKind[k][:min(*warm, len(byKind[k]))] {
			if _, _, err := e.query(ctx, q); err != nil {
				return err
			}
		}
	}
	rng := rand.New(rand.NewPCG(corpusSeed, uint64(*round)))
	for _, k := range kinds {
		qs := byKind[k]
		if k != kindSuggest { // keep the keystrokes of one member in order
			rng.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
		}
		var stop func()
		if *profDir != "" {
			stop = startProfile(filepath.Join(*profDir, *eng+"-"+strings.ReplaceAll(k, " ", "_")+".prof"))
		}
		begin := time.Now()
		for i, q := range qs {
			if time.Since(begin) > *budget {
				res.Skipped[k] = len(qs) - i
				break
			}
			var n int
			var top string
			d := time.Duration(1 << 62)
			for range max(1, *repeat) {
				t := time.Now()
				n, top, err = e.query(ctx, q)
				d = min(d, time.Since(t))
				if err != nil {
					return err
				}
			}
			if *slow > 0 && d > *slow {
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
		if stop != nil {
			stop()
		}
	}
	res.HWMKB = vmHWM()
	res.AnonKB = anon()
	return writeJSON(res)
}
