// Command bench measures quotebot's index against SQLite FTS5 on a corpus
// grown from ../shared/data to 10k, 100k and 1M quotes, and writes the
// figures to RESULTS.md. Each engine runs in a child process of its own (this
// binary re-executed with the import or serve subcommand), engines
// alternating. See README.md.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/quotebot/quotebot/quotes"
)

func main() {
	if len(os.Args) > 1 {
		var err error
		switch os.Args[1] {
		case "import":
			err = childImport(os.Args[2:])
		case "serve":
			err = childServe(os.Args[2:])
		default:
			err = run(os.Args[1:])
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(nil); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type options struct {
	out, data, work, engines string
	sizes                    []int
	rounds                   int
	budget                   time.Duration
	profile                  bool
	limits                   bool
}

func run(args []string) error {
	fl := flag.NewFlagSet("bench", flag.ExitOnError)
	var o options
	sizes := fl.String("sizes", "10000,100000,1000000", "corpus sizes, comma-separated")
	fl.StringVar(&o.out, "out", "RESULTS.md", "write the report here")
	fl.StringVar(&o.data, "data", filepath.Join("..", "..", "shared", "data"), "the shared collections")
	fl.StringVar(&o.work, "work", ".data", "corpora, query sets and indexes (large; not committed)")
	fl.StringVar(&o.engines, "engines", "quotebot,fts5", "engines, in the order of the first size")
	fl.IntVar(&o.rounds, "rounds", 2, "serving rounds per engine (child processes, engines alternating)")
	fl.DurationVar(&o.budget, "budget", 15*time.Second, "time per query kind per round")
	fl.BoolVar(&o.profile, "profile", true, "CPU profiles of quotebot at the largest size")
	fl.BoolVar(&o.limits, "limits", true, "at the largest size, import and serve quotebot again under the memory targets (needs root and cgroups)")
	fl.Parse(args)
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("-sizes: %w", err)
		}
		o.sizes = append(o.sizes, n)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	qbin, err := buildQuotebot(o.work)
	if err != nil {
		return err
	}
	rep := report{machine: describeMachine(), started: time.Now(), opts: o}
	var real []quotes.Quote
	for si, n := range o.sizes {
		corpus := filepath.Join(o.work, fmt.Sprintf("corpus-%d.jsonl", n))
		qfile := filepath.Join(o.work, fmt.Sprintf("queries-%d.json", n))
		if _, err := os.Stat(qfile); err != nil {
			if real == nil {
				if real, err = readShared(o.data); err != nil {
					return err
				}
			}
			logf("growing a corpus of %d quotes", n)
			qs := growCorpus(real, n)
			if err := writeCorpus(corpus, qs); err != nil {
				return err
			}
			js, err := json.MarshalIndent(buildQueries(qs), "", " ")
			if err != nil {
				return err
			}
			if err := os.WriteFile(qfile, js, 0o644); err != nil {
				return err
			}
		}
		engines := strings.Split(o.engines, ",")
		if si%2 == 1 {
			engines[0], engines[len(engines)-1] = engines[len(engines)-1], engines[0]
		}
		sr := sizeResult{n: n, imp: map[string]importResult{}, disk: map[string]int64{}, diskServed: map[string]int64{}, serve: map[string][]serveResult{}}
		profDir := ""
		if o.profile && si == len(o.sizes)-1 {
			profDir, _ = filepath.Abs(filepath.Join(o.work, "profiles"))
			os.MkdirAll(profDir, 0o755)
		}
		for _, e := range engines {
			dir := filepath.Join(o.work, fmt.Sprint(n), e)
			if err := os.RemoveAll(dir); err != nil {
				return err
			}
			os.MkdirAll(filepath.Dir(dir), 0o755)
			logf("%d: import %s", n, e)
			var ir importResult
			if e == "quotebot" {
				prof := ""
				if profDir != "" {
					prof = filepath.Join(profDir, "quotebot-import.prof")
				}
				if ir, err = importCLI(nil, qbin, dir, corpus, prof); err != nil {
					return err
				}
			} else if err := child(nil, self, &ir, "import", "-engine", e, "-dir", dir, "-corpus", corpus); err != nil {
				return err
			}
			sr.imp[e] = ir
			sr.disk[e] = dirSize(dir)
			logf("%d: %s imported %d in %.1fs (%.0f/s), %d MB, peak RSS %d MB", n, e, ir.Quotes, ir.Seconds,
				float64(ir.Quotes)/ir.Seconds, sr.disk[e]>>20, ir.HWMKB>>10)
		}
		for r := range o.rounds {
			order := engines
			if r%2 == 1 {
				order = []string{engines[1], engines[0]}
			}
			for _, e := range order {
				sr.dropped = dropCaches()
				dir := filepath.Join(o.work, fmt.Sprint(n), e)
				cargs := serveArgs(o, e, dir, qfile, r)
				if profDir != "" && r == 0 && e == "quotebot" {
					cargs = append(cargs, "-profiledir", profDir)
				}
				var res serveResult
				if err := child(nil, self, &res, cargs...); err != nil {
					return err
				}
				sr.serve[e] = append(sr.serve[e], res)
				logf("%d: %s round %d: cold %.0f ms, RSS %d MB", n, e, r, res.ColdMS, res.HWMKB>>10)
			}
		}
		if o.limits && si == len(o.sizes)-1 {
			sr.capped = measureCapped(self, qbin, o, n, corpus, qfile)
		}
		for _, e := range engines {
			// Files a merge made obsolete are removed when the index
			// is next opened: this is the size a server lives with.
			sr.diskServed[e] = dirSize(filepath.Join(o.work, fmt.Sprint(n), e))
		}
		if profDir != "" {
			sr.profiles = summarizeProfiles(profDir)
		}
		rep.sizes = append(rep.sizes, sr)
		rep.finished = time.Now()
		rep.loadEnd = loadAvg()
		if err := os.WriteFile(o.out, rep.markdown(), 0o644); err != nil {
			return err
		}
		logf("wrote %s", o.out)
	}
	return nil
}

// serveArgs are the arguments of a serving child of engine e, round r: the
// same for the rounds and for the round within a memory limit, which is set
// beside round r without one.
func serveArgs(o options, e, dir, qfile string, r int) []string {
	return []string{"serve", "-engine", e, "-dir", dir, "-queries", qfile,
		"-round", fmt.Sprint(r), "-rounds", fmt.Sprint(o.rounds), "-budget", o.budget.String()}
}

// Issue 5's memory targets, as limits for measureCapped.
const (
	importLimitMB = 1024
	serveLimitMB  = 300
)

// cappedResult is quotebot served and imported once more, each under a
// memory limit (see memCap).
type cappedResult struct {
	skipped string // why nothing was measured

	serve                serveResult
	serveErr             string // why serving did not finish
	servePeakMB          int    // charged to the cgroup, page cache included
	imp                  importResult
	impErr               string
	impPeakMB            int
	serveLimit, impLimit int // MiB
}

// measureCapped serves round 0 of quotebot's queries on the index the
// rounds used, under a limit of serveLimitMB, and imports the corpus into a
// new index under importLimitMB (the index is deleted after). A process the
// limit kills is a result, not an error.
func measureCapped(self, qbin string, o options, n int, corpus, qfile string) *cappedResult {
	cr := &cappedResult{serveLimit: serveLimitMB, impLimit: importLimitMB}
	mc, err := newMemCap("quotebot-bench-serve", serveLimitMB<<20)
	if err != nil {
		cr.skipped = err.Error()
		logf("%d: %v", n, err)
		return cr
	}
	dir := filepath.Join(o.work, fmt.Sprint(n), "quotebot")
	dropCaches()
	logf("%d: quotebot serving within %d MiB", n, serveLimitMB)
	if err := child(mc, self, &cr.serve, serveArgs(o, "quotebot", dir, qfile, 0)...); err != nil {
		cr.serveErr = err.Error()
	}
	cr.servePeakMB = mc.peakMB()
	mc.close()

	if mc, err = newMemCap("quotebot-bench-import", importLimitMB<<20); err != nil {
		cr.impErr = err.Error()
		return cr
	}
	defer mc.close()
	dir = filepath.Join(o.work, fmt.Sprint(n), "quotebot-limited")
	os.RemoveAll(dir)
	defer os.RemoveAll(dir)
	dropCaches()
	logf("%d: quotebot import within %d MiB", n, importLimitMB)
	if cr.imp, err = importCLI(mc, qbin, dir, corpus, ""); err != nil {
		cr.impErr = err.Error()
	}
	cr.impPeakMB = mc.peakMB()
	logf("%d: within limits: serving peak %d MiB (%s), import %.0f/s, peak %d MiB (%s)", n,
		cr.servePeakMB, cr.serveErr, float64(cr.imp.Quotes)/cr.imp.Seconds, cr.impPeakMB, cr.impErr)
	return cr
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, time.Now().Format("15:04:05 ")+format+"\n", args...)
}

// child runs this binary with args, under mc's memory limit if mc is not
// nil, and decodes its JSON answer into v.
func child(mc *memCap, self string, v any, args ...string) error {
	cmd := mc.command(self, args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w", strings.Join(args[:3], " "), err)
	}
	return json.Unmarshal(out.Bytes(), v)
}

// dropCaches empties the kernel's page cache, so the next open is cold. It
// needs root; it reports whether it worked.
func dropCaches() bool {
	exec.Command("sync").Run()
	return os.WriteFile("/proc/sys/vm/drop_caches", []byte("3\n"), 0o200) == nil
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if info, err := d.Info(); err == nil && !d.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

// summarizeProfiles renders the top functions of each CPU profile.
func summarizeProfiles(dir string) map[string]string {
	out := map[string]string{}
	files, _ := filepath.Glob(filepath.Join(dir, "*.prof"))
	for _, f := range files {
		cmd := exec.Command("go", "tool", "pprof", "-top", "-nodecount=14", f)
		b, err := cmd.Output()
		if err != nil {
			if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
				logf("pprof %s: %s", f, ee.Stderr)
			}
			continue
		}
		out[strings.TrimSuffix(filepath.Base(f), ".prof")] = string(b)
	}
	return out
}
