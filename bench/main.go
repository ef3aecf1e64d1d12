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
				if ir, err = importCLI(qbin, dir, corpus, prof); err != nil {
					return err
				}
			} else if err := child(self, &ir, "import", "-engine", e, "-dir", dir, "-corpus", corpus); err != nil {
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
				cargs := []string{"serve", "-engine", e, "-dir", dir, "-queries", qfile,
					"-round", fmt.Sprint(r), "-rounds", fmt.Sprint(o.rounds), "-budget", o.budget.String()}
				if profDir != "" && r == 0 && e == "quotebot" {
					cargs = append(cargs, "-profiledir", profDir)
				}
				var res serveResult
				if err := child(self, &res, cargs...); err != nil {
					return err
				}
				sr.serve[e] = append(sr.serve[e], res)
				logf("%d: %s round %d: cold %.0f ms, RSS %d MB", n, e, r, res.ColdMS, res.HWMKB>>10)
			}
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

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, time.Now().Format("15:04:05 ")+format+"\n", args...)
}

// child runs this binary with args and decodes its JSON answer into v.
func child(self string, v any, args ...string) error {
	cmd := exec.Command(self, args...)
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
