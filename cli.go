package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/mattn/go-isatty"

	"github.com/quotebot/quotebot/index"
)

const usage = `quotebot finds quotes by what they say, and who said a phrase.

Usage:
  quotebot                      serve Discord if credentials are set, else the console
  quotebot console              type /quote and /who-said, see what Discord would show
  quotebot serve [--http ADDR]  run the Discord bot (gateway, or HTTP interactions endpoint)
  quotebot quote [--speaker S] [--limit N] QUERY
  quotebot who-said PHRASE
  quotebot import [--strict] FILE...   JSON Lines, CSV or fortune files
  quotebot import --remote URL FILE... into a running bot, through its ops address
  quotebot add --speaker S TEXT        save one quote; --batch: one JSON quote a line on stdin
  quotebot export                      every quote as JSON Lines on stdout
  quotebot salvage                     what is readable of a damaged index, as JSON Lines
  quotebot extract [--json] FILE...    quotations found in news articles
  quotebot ingest FILE...              extract from articles and add to the index

Every command takes --index DIR (default $QUOTEBOT_DATA/index); quote, who-said
and import take --json; quote and who-said take --batch (one query a line on stdin).

Exit status: 0 done, 1 failed, 2 usage, 3 interrupted (SIGINT or SIGTERM; what
was acknowledged stays), 4 the index is damaged, 5 the index is in use by
another process.
`

// Env is what every subcommand gets from run: the configuration, the standard
// streams and a logger writing to stderr.
type Env struct {
	Config Config
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Log    *slog.Logger
	// Getenv is kept for child processes; reading configuration through it
	// anywhere but loadConfig is a bug.
	Getenv func(string) string
}

// Exit statuses, as the usage text lists them.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitInterrupted = 3
	exitDamaged     = 4
	exitLocked      = 5
)

// errInterrupted marks work stopped by a signal before it finished; run
// exits with exitInterrupted.
var errInterrupted = errors.New("interrupted")

// run is main without the process: it parses args, runs the subcommand and
// returns the exit status (see the exit* constants).
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, err := loadConfig(getenv)
	if err != nil {
		fmt.Fprintln(stderr, "quotebot:", err)
		return 1
	}
	env := &Env{
		Config: cfg,
		Stdin:  stdin, Stdout: stdout, Stderr: stderr,
		Log:    slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: cfg.LogLevel})),
		Getenv: getenv,
	}
	err = dispatch(ctx, env, args[1:])
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "quotebot:", err)
		fmt.Fprint(stderr, "\n", usage)
		return exitUsage
	}
	fmt.Fprintln(stderr, "quotebot:", err)
	switch {
	case errors.Is(err, errInterrupted):
		return exitInterrupted
	case errors.Is(err, index.ErrDamaged):
		return exitDamaged
	case errors.Is(err, index.ErrLocked):
		return exitLocked
	}
	return exitFailure
}

func dispatch(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return runDefault(ctx, env)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "quote":
		return runQuote(ctx, env, rest)
	case "who-said":
		return runWhoSaid(ctx, env, rest)
	case "import":
		return runImport(ctx, env, rest)
	case "export":
		return runExport(ctx, env, rest)
	case "add":
		return runAdd(ctx, env, rest)
	case "salvage":
		return runSalvage(ctx, env, rest)
	case "extract":
		return runExtract(ctx, env, rest)
	case "ingest":
		return runIngest(ctx, env, rest)
	case "serve":
		return runServe(ctx, env, rest)
	case "console":
		return runConsole(ctx, env, rest)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(env.Stdout, usage)
		return nil
	}
	return fmt.Errorf("%w: unknown command %q", errUsage, cmd)
}

// runDefault is what `go run .` does: the Discord bot when credentials are
// set, the console otherwise. With a public key and no token, it serves the
// HTTP interactions endpoint on :8080.
func runDefault(ctx context.Context, env *Env) error {
	switch {
	case !env.Config.HasDiscord():
		return runConsole(ctx, env, nil)
	case env.Config.Token == "":
		return runServe(ctx, env, []string{"--http", ":8080"})
	}
	return runServe(ctx, env, nil)
}

// commonFlags is the flag set every index command shares.
type commonFlags struct {
	fs       *flag.FlagSet
	indexDir string
	json     bool
}

func newFlags(env *Env, name string) *commonFlags {
	c := &commonFlags{fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	c.fs.SetOutput(env.Stderr)
	c.fs.StringVar(&c.indexDir, "index", env.Config.IndexDir, "index directory")
	c.fs.BoolVar(&c.json, "json", false, "print JSON for scripts")
	return c
}

// parse parses args and wraps flag errors as usage errors.
func (c *commonFlags) parse(args []string) error {
	if err := c.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %s: %v", errUsage, c.fs.Name(), err)
	}
	return nil
}

// isTerminal reports whether w is a terminal, for progress bars and colour.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// joinArgs turns the remaining arguments into one query.
func joinArgs(args []string) string { return strings.TrimSpace(strings.Join(args, " ")) }
