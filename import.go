package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"

	"github.com/schollz/progressbar/v3"

	"github.com/quotebot/quotebot/quotes"
)

// importSummary is what `quotebot import` reports, for people and (--json)
// for scripts.
type importSummary struct {
	Added     int            `json:"added"`
	Unchanged int            `json:"unchanged"`
	Skipped   int            `json:"skipped"`
	Reasons   map[string]int `json:"skipped_reasons,omitempty"`
	Errors    []string       `json:"errors,omitempty"`  // the first few bad records, FILE:LINE: reason
	Failure   string         `json:"failure,omitempty"` // a remote import: why it stopped early
}

const maxReportedErrors = 20

func (s *importSummary) skip(err error) {
	s.Skipped++
	reason := "invalid"
	switch {
	case errors.Is(err, quotes.ErrNoSpeaker):
		reason = "no attribution"
	case errors.Is(err, quotes.ErrInvalid):
		// "invalid quote: text has 5000 characters, at most 4000" → the
		// reason without the numbers, so similar records count together.
		msg := err.Error()
		if i := strings.Index(msg, "invalid quote: "); i >= 0 {
			msg = msg[i+len("invalid quote: "):]
		}
		reason = "invalid: " + strings.TrimRight(strings.SplitN(msg, " has ", 2)[0], " ")
	}
	if s.Reasons == nil {
		s.Reasons = map[string]int{}
	}
	s.Reasons[reason]++
	if len(s.Errors) < maxReportedErrors {
		s.Errors = append(s.Errors, err.Error())
	}
}

// importBatch is how many quotes are handed to the index at once.
const importBatch = 1000

func runImport(ctx context.Context, env *Env, args []string) error {
	fl := newFlags(env, "import")
	strict := fl.fs.Bool("strict", false, "import nothing if any record is bad")
	guild := fl.fs.String("guild", "", "import into this Discord guild instead of the shared corpus")
	remote := fl.fs.String("remote", "", "import into the bot running with its ops address at `URL` (needs QUOTEBOT_OPS_TOKEN)")
	profile := fl.fs.String("cpuprofile", "", "write a CPU profile of a local import to `FILE` (for `go tool pprof`)")
	if err := fl.parse(args); err != nil {
		return err
	}
	files := fl.fs.Args()
	if len(files) == 0 {
		return fmt.Errorf("%w: import: name at least one file (JSON Lines, CSV or fortune)", errUsage)
	}
	if *remote != "" {
		if *strict || *profile != "" {
			return fmt.Errorf("%w: import: --strict and --cpuprofile work on a local index only", errUsage)
		}
		if err := checkFiles(files); err != nil {
			return err
		}
		var sum importSummary
		err := importRemote(ctx, env, *remote, files, *guild, &sum)
		printSummary(env, fl.json, sum)
		return err
	}
	if err := checkFiles(files); err != nil {
		return err
	}
	if *strict {
		// Read everything once without writing: one bad record anywhere
		// and the import fails whole, leaving the index as it was.
		var sum importSummary
		for _, f := range files {
			if err := readFile(ctx, env, f, nil, &sum, func([]quotes.Quote) error { return nil }); err != nil {
				return err
			}
		}
		if sum.Skipped > 0 {
			printSummary(env, fl.json, sum)
			return fmt.Errorf("import: --strict: %d bad records, nothing imported", sum.Skipped)
		}
	}
	ix, err := openIndex(ctx, env, fl.indexDir)
	if err != nil {
		return err
	}
	defer ix.Close()

	bulkGC()
	if *profile != "" {
		stop, err := startCPUProfile(*profile)
		if err != nil {
			return err
		}
		defer stop()
	}
	var sum importSummary
	for _, f := range files {
		err := readFile(ctx, env, f, guild, &sum, func(qs []quotes.Quote) error {
			// A signal stops the import between batches (readQuotes
			// checks ctx), never inside one.
			return addBatch(ctx, ix.AddBulk, qs, &sum)
		})
		if err != nil {
			// The summary says what was added: it must be on disk first.
			if serr := ix.Sync(); serr != nil {
				return serr
			}
			printSummary(env, fl.json, sum)
			return err
		}
	}
	if err := ix.Sync(); err != nil {
		return err
	}
	if sum.Added > 0 {
		// Merge the import's segments now rather than in the background of
		// the next process that opens the index (the bot's cold start). The
		// quotes are already durable: a failure here loses nothing.
		if isTerminal(env.Stderr) {
			fmt.Fprintln(env.Stderr, "compacting the index…")
		}
		if err := ix.Compact(ctx, sum.Added); err != nil {
			env.Log.Warn("compacting after import", "err", err)
		}
	}
	printSummary(env, fl.json, sum)
	return nil
}

// checkFiles fails when one of files cannot be imported at all, so that a
// misspelt name among several fails the import before anything is added,
// not after the files before it.
func checkFiles(files []string) error {
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil {
			return fmt.Errorf("import: %w; nothing imported", err)
		} else if fi.IsDir() {
			return fmt.Errorf("import: %s is a directory; name the files in it; nothing imported", f)
		}
	}
	return nil
}

// Garbage collection during a bulk import: bleve's segment building makes
// short-lived garbage fast, and the default GOGC=100 spent a quarter of the
// import's CPU collecting it. Collect at 400 % heap growth instead, up to a
// soft limit of importMemLimit, after which the collector works as hard as
// it must. An operator's own GOGC or GOMEMLIMIT is kept.
const (
	importGCPercent = 400
	importMemLimit  = 768 << 20
)

// bulkGC sets the import's collector, unless the operator set it.
func bulkGC() {
	if prev := debug.SetGCPercent(importGCPercent); prev != 100 {
		debug.SetGCPercent(prev) // GOGC was set
	}
	if debug.SetMemoryLimit(-1) == math.MaxInt64 { // GOMEMLIMIT was not set
		debug.SetMemoryLimit(importMemLimit)
	}
}

// startCPUProfile profiles the process's CPU into the file name until stop.
func startCPUProfile(name string) (stop func(), err error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, fmt.Errorf("import: --cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("import: --cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// readFile reads one collection file, hands its quotes to add in batches and
// counts its bad records in sum. A guild, when non-nil and set, is given to
// every quote.
func readFile(ctx context.Context, env *Env, name string, guild *string, sum *importSummary, add func([]quotes.Quote) error) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if isTerminal(env.Stderr) {
		if fi, err := f.Stat(); err == nil {
			bar := progressbar.NewOptions64(fi.Size(),
				progressbar.OptionSetWriter(env.Stderr),
				progressbar.OptionSetDescription(name),
				progressbar.OptionShowBytes(true),
				progressbar.OptionThrottle(100e6),
				progressbar.OptionClearOnFinish(),
			)
			defer bar.Finish()
			r = io.TeeReader(f, bar)
		}
	}
	return readQuotes(ctx, env, r, name, guild, importBatch, sum, add)
}

// readQuotes reads a collection from r, named name (for its format and for
// error messages), and hands its quotes to add in batches of up to size. It
// stops at a batch boundary, with an error wrapping errInterrupted, when ctx
// is done: every batch add accepted before stays written.
func readQuotes(ctx context.Context, env *Env, r io.Reader, name string, guild *string, size int, sum *importSummary, add func([]quotes.Quote) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(8 << 10)
	format := quotes.DetectFormat(name, head)
	if format == quotes.FormatUnknown {
		return fmt.Errorf("import: %s: %w", name, errUnknownFormat)
	}
	batch := make([]quotes.Quote, 0, size)
	flush := func() error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("import: %w (%v): what was added so far stays; run it again to add the rest", errInterrupted, err)
		}
		if err := add(batch); err != nil {
			return err
		}
		env.Log.Debug("import batch written", "file", name, "quotes", len(batch), "added", sum.Added)
		batch = batch[:0]
		return nil
	}
	for q, err := range quotes.Read(br, name, format) {
		var rerr *quotes.RecordError
		switch {
		case errors.As(err, &rerr):
			sum.skip(err)
			continue
		case err != nil:
			// The quotes read before a broken or cut-off stream are
			// good: write them, so the summary counts what is kept.
			if len(batch) > 0 {
				if ferr := flush(); ferr != nil {
					return ferr
				}
			}
			return fmt.Errorf("import: %w", err)
		}
		if guild != nil && *guild != "" {
			q.Guild, q.ID = *guild, ""
			q.Normalize()
		}
		batch = append(batch, q)
		if len(batch) == size {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if len(batch) > 0 {
		return flush()
	}
	return nil
}

// errUnknownFormat is a collection whose format neither its name nor its
// first bytes tell.
var errUnknownFormat = errors.New("cannot tell its format; name it .jsonl or .csv, or use the fortune format")

func printSummary(env *Env, asJSON bool, s importSummary) {
	for _, e := range s.Errors {
		fmt.Fprintln(env.Stderr, e)
	}
	if s.Skipped > len(s.Errors) {
		fmt.Fprintf(env.Stderr, "… and %d more bad records\n", s.Skipped-len(s.Errors))
	}
	if asJSON {
		json.NewEncoder(env.Stdout).Encode(s)
		return
	}
	fmt.Fprintf(env.Stdout, "added %d, unchanged %d, skipped %d\n", s.Added, s.Unchanged, s.Skipped)
	reasons := make([]string, 0, len(s.Reasons))
	for r := range s.Reasons {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		fmt.Fprintf(env.Stdout, "  skipped %d: %s\n", s.Reasons[r], r)
	}
}

func runExport(ctx context.Context, env *Env, args []string) error {
	fl := newFlags(env, "export")
	if err := fl.parse(args); err != nil {
		return err
	}
	if fl.fs.NArg() > 0 {
		return fmt.Errorf("%w: export takes no arguments; it writes JSON Lines to stdout", errUsage)
	}
	ix, err := openIndex(ctx, env, fl.indexDir)
	if err != nil {
		return err
	}
	defer ix.Close()
	w := bufio.NewWriter(env.Stdout)
	for q, err := range ix.All(ctx) {
		if err != nil {
			return err
		}
		if err := quotes.WriteJSONL(w, q); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
