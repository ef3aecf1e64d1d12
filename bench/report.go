package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"
)

type sizeResult struct {
	n    int
	imp  map[string]importResult
	disk map[string]int64 // after import
	// diskServed is the size after serving, once obsolete files are gone
	diskServed map[string]int64
	serve      map[string][]serveResult
	dropped    bool
	profiles   map[string]string
	capped     *cappedResult // the largest size only
}

type report struct {
	machine           string
	started, finished time.Time
	loadEnd           string
	opts              options
	sizes             []sizeResult
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:3], " ")
}

func describeMachine() string {
	model := "unknown CPU"
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		s := bufio.NewScanner(f)
		for s.Scan() {
			if k, v, ok := strings.Cut(s.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	mem := "?"
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "MemTotal:"); ok {
				var kb int
				fmt.Sscan(strings.TrimSpace(v), &kb)
				mem = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
			}
		}
	}
	kernel, _ := os.ReadFile("/proc/sys/kernel/osrelease")
	return fmt.Sprintf("%s, %d logical CPUs (GOMAXPROCS %d), %s RAM, Linux %s, %s %s/%s; load average at start %s",
		model, runtime.NumCPU(), runtime.GOMAXPROCS(0), mem, strings.TrimSpace(string(kernel)),
		runtime.Version(), runtime.GOOS, runtime.GOARCH, loadAvg())
}

// pct returns the p-th percentile (nearest rank) of sorted v.
func pct(v []float64, p float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	i := int(math.Ceil(p/100*float64(len(v)))) - 1
	return v[max(0, min(i, len(v)-1))]
}

// latencies pools an engine's steady-state timings of kind over its
// rounds, sorted.
func (sr sizeResult) latencies(e, kind string) []float64 {
	return sr.pooled(e, func(r serveResult) []float64 { return r.Lat[kind] })
}

// firstLatencies pools the timings of kind in the first pass after each
// cold start, sorted.
func (sr sizeResult) firstLatencies(e, kind string) []float64 {
	return sr.pooled(e, func(r serveResult) []float64 { return r.First[kind] })
}

func (sr sizeResult) pooled(e string, lat func(serveResult) []float64) []float64 {
	var all []float64
	for _, r := range sr.serve[e] {
		all = append(all, lat(r)...)
	}
	slices.Sort(all)
	return all
}

func (sr sizeResult) maxRSS(e string) int {
	m := 0
	for _, r := range sr.serve[e] {
		m = max(m, r.HWMKB)
	}
	return m
}

func (sr sizeResult) maxAnon(e string) int {
	m := 0
	for _, r := range sr.serve[e] {
		m = max(m, r.AnonKB)
	}
	return m
}

func (sr sizeResult) colds(e string) []float64 {
	var c []float64
	for _, r := range sr.serve[e] {
		c = append(c, r.ColdMS)
	}
	return c
}

func (sr sizeResult) rate(e string) float64 {
	ir := sr.imp[e]
	return float64(ir.Quotes) / ir.Seconds
}

func ms(v float64) string {
	switch {
	case math.IsNaN(v):
		return "—"
	case v < 1:
		return fmt.Sprintf("%.2f", v)
	case v < 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.0f", v)
}

func ratio(a, b float64) string {
	if b == 0 || math.IsNaN(a) || math.IsNaN(b) {
		return "—"
	}
	return fmt.Sprintf("%.2f", a/b)
}

func mb(kb int) string { return fmt.Sprintf("%d", kb>>10) }

func (rep report) markdown() []byte {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# quotebot against SQLite FTS5\n\n")
	w("Written by `make bench` (`cd bench && go run . -out RESULTS.md`), %s to %s UTC (%s).\n",
		rep.started.UTC().Format("2006-01-02 15:04"), rep.finished.UTC().Format("15:04"),
		rep.finished.Sub(rep.started).Round(time.Second))
	w("How the corpus, the queries and each engine are built: [README.md](README.md).\n\n")
	w("**Machine:** %s; load average at the end %s. ", rep.machine, rep.loadEnd)
	w("The machine is shared with other test runs, so tail latencies move with its load.\n")
	dropped := len(rep.sizes) > 0 && rep.sizes[0].dropped
	if dropped {
		w("The page cache was dropped (`echo 3 > /proc/sys/vm/drop_caches`) before every serving process.\n\n")
	} else {
		w("The page cache could **not** be dropped (not root): cold starts are warm-cache figures.\n\n")
	}
	w("Settings: %d serving rounds per engine per size, engines alternating (child processes), %s per query kind "+
		"per pass, 10 untimed warm-up queries per kind after the cold start. Each round times two passes: the first "+
		"right after the cold start, reading the index from disk as it goes; then the process reads its index's files "+
		"once (into the page cache, as on a server that has been answering for a while) and times the second, the "+
		"steady state, in another order. The targets and the main tables are the steady state.\n\n", rep.opts.rounds, rep.opts.budget)

	if len(rep.sizes) > 0 {
		rep.targets(&b, rep.sizes[len(rep.sizes)-1])
	}
	for _, sr := range rep.sizes {
		rep.sizeTable(&b, sr)
		rep.cappedTable(&b, sr)
	}
	// What bounds the misses is written by hand, from the profiles below,
	// and kept beside the generator so a new run keeps it.
	if notes, err := os.ReadFile("ANALYSIS.md"); err == nil {
		b.Write(notes)
		w("\n")
	}
	for _, sr := range rep.sizes {
		if len(sr.profiles) == 0 {
			continue
		}
		w("## CPU profiles of quotebot at %s quotes\n\n", human(sr.n))
		w("Round 1, one profile per query kind and one of the import (`go tool pprof -top`, top 14 by flat time).\n\n")
		names := make([]string, 0, len(sr.profiles))
		for k := range sr.profiles {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			w("<details><summary>%s</summary>\n\n```\n%s```\n</details>\n\n", k, trimPprof(sr.profiles[k]))
		}
	}
	return []byte(b.String())
}

// trimPprof drops pprof's header lines that name the binary and file.
func trimPprof(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "File:") || strings.HasPrefix(l, "Build ID:") || strings.HasPrefix(l, "Time:") {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

func human(n int) string {
	switch {
	case n >= 1e6 && n%1e6 == 0:
		return fmt.Sprintf("%dM", n/1e6)
	case n >= 1e3 && n%1e3 == 0:
		return fmt.Sprintf("%dk", n/1e3)
	}
	return fmt.Sprint(n)
}

func (rep report) sizeTable(b *strings.Builder, sr sizeResult) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	q, f := "quotebot", "fts5"
	w("## %s quotes\n\n", human(sr.n))
	w("| | quotebot | FTS5 | quotebot/FTS5 |\n|---|---|---|---|\n")
	w("| bulk import, quotes/s | %.0f | %.0f | %s (time) |\n", sr.rate(q), sr.rate(f), ratio(sr.rate(f), sr.rate(q)))
	w("| quotes imported | %d | %d | |\n", sr.imp[q].Quotes, sr.imp[f].Quotes)
	w("| import CPU time (user + system), s | %.1f | %.1f | %s |\n", sr.imp[q].CPU, sr.imp[f].CPU, ratio(sr.imp[q].CPU, sr.imp[f].CPU))
	w("| on disk after import, MB | %d | %d | %s |\n", sr.disk[q]>>20, sr.disk[f]>>20, ratio(float64(sr.disk[q]), float64(sr.disk[f])))
	w("| on disk after serving, MB | %d | %d | %s |\n", sr.diskServed[q]>>20, sr.diskServed[f]>>20, ratio(float64(sr.diskServed[q]), float64(sr.diskServed[f])))
	w("| peak RSS import, MB | %s | %s | %s |\n", mb(sr.imp[q].HWMKB), mb(sr.imp[f].HWMKB), ratio(float64(sr.imp[q].HWMKB), float64(sr.imp[f].HWMKB)))
	w("| peak RSS serving, MB | %s | %s | %s |\n", mb(sr.maxRSS(q)), mb(sr.maxRSS(f)), ratio(float64(sr.maxRSS(q)), float64(sr.maxRSS(f))))
	w("| of which anonymous (heap, not file pages), import / serving, MB | %s / %s | %s / %s | |\n",
		mb(sr.imp[q].AnonKB), mb(sr.maxAnon(q)), mb(sr.imp[f].AnonKB), mb(sr.maxAnon(f)))
	cs := func(e string) string {
		var parts []string
		for _, c := range sr.colds(e) {
			parts = append(parts, ms(c))
		}
		return strings.Join(parts, ", ")
	}
	w("| cold start (open + first who-said), ms, each round | %s | %s | %s |\n", cs(q), cs(f),
		ratio(slices.Max(append(sr.colds(q), 0)), slices.Max(append(sr.colds(f), 0))))
	w("\n| query kind | quotebot p50 / p99 ms | FTS5 p50 / p99 ms | ratio p50 / p99 | queries timed (each) | no answer (quotebot / FTS5) |\n")
	w("|---|---|---|---|---|---|\n")
	for _, k := range kinds {
		lq, lf := sr.latencies(q, k), sr.latencies(f, k)
		w("| %s | %s | %d / %d | %d / %d |\n", k, latencyCells(lq, lf), len(lq), len(lf), sr.empty(q, k), sr.empty(f, k))
	}
	right := func(e string) string {
		r, a := 0, 0
		for _, s := range sr.serve[e] {
			r += s.Right
			a += s.Asked
		}
		if a == 0 {
			return "—"
		}
		return fmt.Sprintf("%d / %d (%.0f %%)", r, a, 100*float64(r)/float64(a))
	}
	w("\nWho-said, right speaker first: quotebot %s, FTS5 %s.\n\n", right(q), right(f))
	w("The first pass after each cold start, reading the index from disk as it goes:\n\n")
	w("| query kind | quotebot p50 / p99 ms | FTS5 p50 / p99 ms | ratio p50 / p99 | queries timed (each) |\n")
	w("|---|---|---|---|---|\n")
	for _, k := range kinds {
		lq, lf := sr.firstLatencies(q, k), sr.firstLatencies(f, k)
		w("| %s | %s | %d / %d |\n", k, latencyCells(lq, lf), len(lq), len(lf))
	}
	w("\n")
}

func (sr sizeResult) empty(e, kind string) int {
	n := 0
	for _, r := range sr.serve[e] {
		n += r.Empty[kind]
	}
	return n
}

// limits are issue 5's p99 targets per query kind, in ms.
var limits = map[string]float64{kindWhoSaid: 15, kindWords: 15, kindPhrase: 15, kindTypo: 15, kindSpeaker: 10, kindSuggest: 5}

// targets checks issue 5's targets at the largest size.
func (rep report) targets(b *strings.Builder, sr sizeResult) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	q, f := "quotebot", "fts5"
	w("## Targets at %s quotes\n\n| target | measured | |\n|---|---|---|\n", human(sr.n))
	check := func(name string, got, limit float64, unit string, lower bool) {
		ok := got <= limit
		if !lower {
			ok = got >= limit
		}
		verdict := "met"
		if !ok {
			if lower {
				verdict = fmt.Sprintf("**missed** by %s %s (%.1fx)", ms(got-limit), unit, got/limit)
			} else {
				verdict = fmt.Sprintf("**missed** by %.0f %s (%.0f %% of target)", limit-got, unit, 100*got/limit)
			}
		}
		w("| %s | %s %s | %s |\n", name, ms(got), unit, verdict)
	}
	for _, k := range kinds {
		check(fmt.Sprintf("%s p99 ≤ %.0f ms", k, limits[k]), pct(sr.latencies(q, k), 99), limits[k], "ms", true)
	}
	check("bulk import ≥ 15k quotes/s", sr.rate(q), 15000, "quotes/s", false)
	check("cold start ≤ 300 ms (worst round)", slices.Max(append(sr.colds(q), 0)), 300, "ms", true)
	check("peak RSS import ≤ 1024 MB", float64(sr.imp[q].HWMKB>>10), 1024, "MB", true)
	check("peak RSS serving ≤ 300 MB", float64(sr.maxRSS(q)>>10), 300, "MB", true)
	if cr := sr.capped; cr != nil && cr.skipped == "" {
		w("| import within a %d MiB memory limit | %s | %s |\n", cr.impLimit, cr.importSummary(), finished(cr.impErr))
		w("| serving within a %d MiB memory limit | %s | %s |\n", cr.serveLimit, cr.serveSummary(limits), finished(cr.serveErr))
	}
	for _, k := range kinds {
		check(fmt.Sprintf("ratio p99 %s ≤ 0.2", k), pct(sr.latencies(q, k), 99)/pct(sr.latencies(f, k), 99), 0.2, "", true)
	}
	check("ratio import time ≤ 1", sr.rate(f)/sr.rate(q), 1, "", true)
	w("\n")
}

// latencyCells are the table cells of one query kind's sorted timings in
// both engines: quotebot's p50 / p99, FTS5's, and their ratios.
func latencyCells(lq, lf []float64) string {
	return fmt.Sprintf("%s / %s | %s / %s | %s / %s",
		ms(pct(lq, 50)), ms(pct(lq, 99)), ms(pct(lf, 50)), ms(pct(lf, 99)),
		ratio(pct(lq, 50), pct(lf, 50)), ratio(pct(lq, 99), pct(lf, 99)))
}

func finished(err string) string {
	if err != "" {
		return "**did not finish**"
	}
	return "finished"
}

func (cr *cappedResult) importSummary() string {
	if cr.impErr != "" {
		return cr.impErr
	}
	return fmt.Sprintf("%.0f quotes/s, %.0f s CPU, peak RSS %s MB", float64(cr.imp.Quotes)/cr.imp.Seconds, cr.imp.CPU, mb(cr.imp.HWMKB))
}

// serveSummary names the query kinds whose p99 under the limit is over its
// target.
func (cr *cappedResult) serveSummary(limits map[string]float64) string {
	if cr.serveErr != "" {
		return cr.serveErr
	}
	var over []string
	for _, k := range kinds {
		if p := pct(sorted(cr.serve.Lat[k]), 99); p > limits[k] {
			over = append(over, fmt.Sprintf("%s %s ms", k, ms(p)))
		}
	}
	s := "every p99 target met"
	if len(over) > 0 {
		s = "p99 over target: " + strings.Join(over, ", ")
	}
	return fmt.Sprintf("peak RSS %s MB; %s", mb(cr.serve.HWMKB), s)
}

func sorted(v []float64) []float64 {
	v = slices.Clone(v)
	slices.Sort(v)
	return v
}

// cappedTable sets quotebot under the memory limits beside the same work
// without them: the import, and serving round 0 (the same queries).
func (rep report) cappedTable(b *strings.Builder, sr sizeResult) {
	cr := sr.capped
	if cr == nil {
		return
	}
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("## quotebot within memory limits at %s quotes\n\n", human(sr.n))
	w("Peak RSS counts every page of the index's memory-mapped files that the process touched: clean page cache, " +
		"which the kernel drops when memory is wanted and reads again when it is next needed. To see what the memory " +
		"targets cost, quotebot ran once more in a cgroup with the target as its memory limit (`memory.max`, or " +
		"`memory.limit_in_bytes` in cgroup v1), as in a container of that size: the cgroup is charged for the " +
		"page cache the process brings in as well as its own memory, and the kernel reclaims file pages to stay " +
		"under the limit, or kills the process if its own memory does not fit.\n\n")
	if cr.skipped != "" {
		w("Not measured: %s.\n\n", cr.skipped)
		return
	}
	q := "quotebot"
	var free serveResult
	if len(sr.serve[q]) > 0 {
		free = sr.serve[q][0]
	}
	w("| | no limit | within the limit |\n|---|---|---|\n")
	w("| **import**, memory limit | — | %d MiB |\n", cr.impLimit)
	if cr.impErr != "" {
		w("| result | finished | did not finish: %s |\n", cr.impErr)
	} else {
		ir := sr.imp[q]
		w("| quotes/s | %.0f | %.0f |\n", sr.rate(q), float64(cr.imp.Quotes)/cr.imp.Seconds)
		w("| CPU time (user + system), s | %.1f | %.1f |\n", ir.CPU, cr.imp.CPU)
		w("| peak RSS, MB | %s | %s |\n", mb(ir.HWMKB), mb(cr.imp.HWMKB))
		w("| peak anonymous memory, MB | %s | %s |\n", mb(ir.AnonKB), mb(cr.imp.AnonKB))
	}
	w("| peak charged to the cgroup (own memory and page cache), MB | — | %d |\n", cr.impPeakMB)
	w("| **serving** (round 1's queries), memory limit | — | %d MiB |\n", cr.serveLimit)
	if cr.serveErr != "" {
		w("| result | finished | did not finish: %s |\n\n", cr.serveErr)
		return
	}
	w("| cold start, ms | %s | %s |\n", ms(free.ColdMS), ms(cr.serve.ColdMS))
	w("| peak RSS, MB | %s | %s |\n", mb(free.HWMKB), mb(cr.serve.HWMKB))
	w("| peak charged to the cgroup, MB | — | %d |\n", cr.servePeakMB)
	for _, k := range kinds {
		a, c := sorted(free.Lat[k]), sorted(cr.serve.Lat[k])
		w("| %s p50 / p99 ms (steady state) | %s / %s | %s / %s |\n", k, ms(pct(a, 50)), ms(pct(a, 99)), ms(pct(c, 50)), ms(pct(c, 99)))
	}
	w("| who-said, right speaker first | %d / %d | %d / %d |\n\n", free.Right, free.Asked, cr.serve.Right, cr.serve.Asked)
	w("Within the limit, the steady state is no longer the whole index in the page cache: the process reads the " +
		"index's files once, as in the other rounds, but only what fits under the limit stays.\n\n")
}
