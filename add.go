package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/quotebot/quotebot/index"
	"github.com/quotebot/quotebot/quotes"
)

// addAck is what `quotebot add` prints for each quote, once the index has
// persisted it (or found it already there, or refused it).
type addAck struct {
	ID    string `json:"id,omitempty"`
	Added bool   `json:"added"`
	Line  int    `json:"line,omitempty"` // --batch: the stdin line of a refused record
	Error string `json:"error,omitempty"`
}

// runAdd is `quotebot add [--guild G] --speaker S [--source SRC] TEXT`: it
// saves one quote, as /quotes add does on Discord. With --batch it reads one
// JSON quote a line from stdin and saves each on its own, printing one
// acknowledgement line per quote (flushed) only after the index has
// persisted it: a line printed is a quote that survives a crash.
func runAdd(ctx context.Context, env *Env, args []string) error {
	fl := newFlags(env, "add")
	speaker := fl.fs.String("speaker", "", "who said it")
	source := fl.fs.String("source", "", "where it was said: a title or an http(s) URL")
	guild := fl.fs.String("guild", "", "save into this Discord guild instead of the shared corpus")
	batch := fl.fs.Bool("batch", false, "read one JSON quote a line from stdin; print one JSON acknowledgement a line")
	if err := fl.parse(args); err != nil {
		return err
	}
	text := joinArgs(fl.fs.Args())
	if !*batch && (text == "" || strings.TrimSpace(*speaker) == "") {
		return fmt.Errorf("%w: add: give the quote's text and --speaker (or --batch)", errUsage)
	}
	ix, err := openIndex(ctx, env, fl.indexDir)
	if err != nil {
		return err
	}
	defer ix.Close()

	if !*batch {
		q := quotes.Quote{Text: text, Speaker: *speaker, Guild: *guild, AddedAt: time.Now().UTC()}
		if strings.HasPrefix(*source, "https://") || strings.HasPrefix(*source, "http://") {
			q.Source.URL = *source
		} else {
			q.Source.Title = *source
		}
		ack, err := addOne(ctx, ix, q)
		if err != nil {
			return err
		}
		if fl.json {
			return json.NewEncoder(env.Stdout).Encode(ack)
		}
		if ack.Error != "" {
			return fmt.Errorf("add: %s", ack.Error)
		}
		verb := "added"
		if !ack.Added {
			verb = "already there"
		}
		fmt.Fprintf(env.Stdout, "%s %s\n", verb, ack.ID)
		return nil
	}

	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	n := 0
	for q, err := range quotes.ReadJSONL(env.Stdin, "stdin") {
		n++
		var ack addAck
		var rerr *quotes.RecordError
		switch {
		case errors.As(err, &rerr):
			ack = addAck{Line: rerr.Line, Error: rerr.Err.Error()}
		case err != nil:
			return fmt.Errorf("add --batch: %w", err)
		default:
			if *guild != "" {
				q.Guild, q.ID = *guild, ""
			}
			if ack, err = addOne(ctx, ix, q); err != nil {
				return err
			}
		}
		if err := enc.Encode(ack); err != nil {
			return err
		}
		if err := out.Flush(); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("add --batch: %w (%v) after %d records: every acknowledged quote is saved", errInterrupted, err, n)
		}
	}
	return nil
}

// addOne saves q and says what happened; a quote the index refuses is an
// acknowledgement with an error, not a failure. A save begun is finished,
// signal or not.
func addOne(ctx context.Context, ix *index.Index, q quotes.Quote) (addAck, error) {
	added, err := ix.Add(context.WithoutCancel(ctx), q)
	q.Normalize()
	switch {
	case errors.Is(err, quotes.ErrInvalid):
		return addAck{Error: err.Error()}, nil
	case err != nil:
		return addAck{}, err
	}
	return addAck{ID: q.ID, Added: added}, nil
}

// runSalvage is `quotebot salvage [--index DIR]`: every quote still readable
// in the segment files of an index that may not open, as JSON Lines on
// stdout, for `quotebot import` into a new directory. It changes nothing.
func runSalvage(ctx context.Context, env *Env, args []string) error {
	fl := newFlags(env, "salvage")
	if err := fl.parse(args); err != nil {
		return err
	}
	if fl.fs.NArg() > 0 {
		return fmt.Errorf("%w: salvage takes no arguments; it writes JSON Lines to stdout", errUsage)
	}
	if _, err := os.Stat(fl.indexDir); err != nil {
		return fmt.Errorf("salvage: %w", err)
	}
	w := bufio.NewWriter(env.Stdout)
	n, bad := 0, 0
	for q, err := range index.Salvage(fl.indexDir) {
		if err != nil {
			bad++
			env.Log.Warn("salvage: unreadable", "err", err)
			continue
		}
		if err := quotes.WriteJSONL(w, q); err != nil {
			return fmt.Errorf("salvage: %w", err)
		}
		n++
		if n%1000 == 0 && ctx.Err() != nil {
			w.Flush()
			return fmt.Errorf("salvage: %w", errInterrupted)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("salvage: %w", err)
	}
	fmt.Fprintf(env.Stderr, "salvaged %d quotes; %d unreadable parts. Quotes deleted after they were written may be back.\n", n, bad)
	if n == 0 {
		return errors.New("salvage: nothing readable")
	}
	return nil
}
