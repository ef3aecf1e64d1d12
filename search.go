package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotebot/quotebot/index"
	"github.com/quotebot/quotebot/quotes"
)

// jsonQuote is a quote as `quote --json` and `who-said --json` print it.
type jsonQuote struct {
	ID        string        `json:"id"`
	Text      string        `json:"text"`
	Speaker   string        `json:"speaker"`
	Role      string        `json:"role"`
	Source    quotes.Source `json:"source"`
	Score     float64       `json:"score"`
	Highlight string        `json:"highlight"` // Text with matched words in **bold**

	spans []quotes.Span
}

func toJSONQuote(m quotes.Match) jsonQuote {
	return jsonQuote{
		ID: m.Quote.ID, Text: m.Quote.Text, Speaker: m.Quote.Speaker, Role: m.Quote.Role,
		Source: m.Quote.Source, Score: m.Score,
		Highlight: quotes.Mark(m.Quote.Text, m.Highlights, "**", "**"),
		spans:     m.Highlights,
	}
}

type quoteResult struct {
	Query      string      `json:"query"`
	Total      int         `json:"total"`
	Quotes     []jsonQuote `json:"quotes"`
	Suggestion string      `json:"suggestion,omitempty"`
}

type whoSaidResult struct {
	Query    string           `json:"query"`
	Speakers []jsonAttributed `json:"speakers"`
}

type jsonAttributed struct {
	Speaker    string    `json:"speaker"`
	Score      float64   `json:"score"`
	Confidence float64   `json:"confidence"`
	Quote      jsonQuote `json:"quote"`
}

// queryCommand is the shape `quote` and `who-said` share: one query from the
// arguments, or (--batch) one a line from stdin, answered in one process.
type queryCommand struct {
	name   string
	answer func(ctx context.Context, ix *index.Index, q string) (any, error)
	render func(w io.Writer, result any, color bool)
}

func runQueryCommand(ctx context.Context, env *Env, fl *commonFlags, args []string, cmd queryCommand) error {
	batch := fl.fs.Bool("batch", false, "read one query a line from stdin, write one JSON object a line")
	if err := fl.parse(args); err != nil {
		return err
	}
	text := joinArgs(fl.fs.Args())
	if !*batch && text == "" {
		return fmt.Errorf("%w: %s: say what to look for", errUsage, cmd.name)
	}
	if !*batch {
		if err := checkQuery(text); err != nil {
			return fmt.Errorf("%s: %w", cmd.name, err)
		}
	}
	ix, err := openIndex(ctx, env, fl.indexDir)
	if err != nil {
		return err
	}
	defer ix.Close()

	if !*batch {
		res, err := cmd.answer(ctx, ix, text)
		if err != nil {
			return err
		}
		if fl.json {
			return json.NewEncoder(env.Stdout).Encode(res)
		}
		cmd.render(env.Stdout, res, isTerminal(env.Stdout))
		return nil
	}
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	sc := bufio.NewScanner(env.Stdin)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if err := checkQuery(line); err != nil {
			// One bad line is answered with its error; the rest go on.
			if err := enc.Encode(queryError{Query: truncate(line, 80), Error: err.Error()}); err != nil {
				return err
			}
			continue
		}
		res, err := cmd.answer(ctx, ix, line)
		if err != nil {
			return err
		}
		if err := enc.Encode(res); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s --batch: reading stdin: %w", cmd.name, err)
	}
	return nil
}

func runQuote(ctx context.Context, env *Env, args []string) error {
	fl := newFlags(env, "quote")
	speaker := fl.fs.String("speaker", "", "only quotes by this speaker")
	limit := fl.fs.Int("limit", 5, fmt.Sprintf("how many quotes to show (1–%d)", index.MaxLimit))
	guild := fl.fs.String("guild", "", "search as this Discord guild (its quotes and the shared corpus)")
	return runQueryCommand(ctx, env, fl, args, queryCommand{
		name: "quote",
		answer: func(ctx context.Context, ix *index.Index, text string) (any, error) {
			if *limit < 1 || *limit > index.MaxLimit {
				return nil, fmt.Errorf("%w: quote: --limit must be 1 to %d", errUsage, index.MaxLimit)
			}
			res, err := ix.Search(ctx, quotes.Query{Guild: *guild, Text: text, Speaker: *speaker, Limit: *limit})
			if err != nil {
				return nil, err
			}
			out := quoteResult{Query: text, Total: res.Total, Quotes: []jsonQuote{}, Suggestion: res.Suggestion}
			for _, m := range res.Matches {
				out.Quotes = append(out.Quotes, toJSONQuote(m))
			}
			return out, nil
		},
		render: func(w io.Writer, v any, color bool) {
			res := v.(quoteResult)
			if res.Total == 0 {
				fmt.Fprintf(w, "No quote matches %q.\n", res.Query)
				if res.Suggestion != "" {
					fmt.Fprintf(w, "Did you mean %q?\n", res.Suggestion)
				}
				return
			}
			for i, q := range res.Quotes {
				if i > 0 {
					fmt.Fprintln(w)
				}
				renderQuote(w, q, color)
			}
			if res.Total > len(res.Quotes) {
				fmt.Fprintf(w, "\n(%d of %d matches)\n", len(res.Quotes), res.Total)
			}
		},
	})
}

func runWhoSaid(ctx context.Context, env *Env, args []string) error {
	fl := newFlags(env, "who-said")
	guild := fl.fs.String("guild", "", "ask as this Discord guild (its quotes and the shared corpus)")
	return runQueryCommand(ctx, env, fl, args, queryCommand{
		name: "who-said",
		answer: func(ctx context.Context, ix *index.Index, text string) (any, error) {
			text = quotes.RememberedPhrase(text)
			got, err := ix.WhoSaid(ctx, *guild, text, 3)
			if err != nil {
				return nil, err
			}
			out := whoSaidResult{Query: text, Speakers: []jsonAttributed{}}
			for _, a := range got {
				out.Speakers = append(out.Speakers, jsonAttributed{
					Speaker: a.Speaker, Score: a.Score, Confidence: a.Confidence, Quote: toJSONQuote(a.Quote),
				})
			}
			return out, nil
		},
		render: func(w io.Writer, v any, color bool) {
			res := v.(whoSaidResult)
			if len(res.Speakers) == 0 {
				fmt.Fprintf(w, "Nobody in this collection said %q.\n", res.Query)
				return
			}
			first := res.Speakers[0]
			fmt.Fprintf(w, "%s (%.0f%% sure)\n", first.Speaker, 100*first.Confidence)
			renderQuote(w, first.Quote, color)
			if len(res.Speakers) > 1 {
				fmt.Fprintln(w, "\nAlso possible:")
				for _, a := range res.Speakers[1:] {
					fmt.Fprintf(w, "  %s (%.0f%%)\n", a.Speaker, 100*a.Confidence)
				}
			}
		},
	})
}

// renderQuote prints a quote for a terminal: the text with matched words in
// bold (when color is on), then who said it, where, and its ID.
func renderQuote(w io.Writer, q jsonQuote, color bool) {
	text := quotes.Standalone(q.Text)
	if color {
		text = quotes.Mark(text, q.spans, "\x1b[1m", "\x1b[0m")
	}
	fmt.Fprintf(w, "“%s”\n", text)
	who := "— " + q.Speaker
	if q.Role != "" {
		who += ", " + q.Role
	}
	if src := q.Source.String(); src != "" {
		who += " (" + src + ")"
	}
	fmt.Fprintf(w, "  %s  [%s]\n", who, q.ID)
}

// maxCLIQuery bounds a query on the command line, in characters: the index
// reads only the first few hundred bytes of one anyway.
const maxCLIQuery = 1000

// checkQuery refuses what cannot be a query someone meant: invalid UTF-8,
// control characters other than tabs, more than maxCLIQuery characters.
func checkQuery(s string) error {
	if !utf8.ValidString(s) {
		return errors.New("the query is not valid UTF-8 text")
	}
	for _, r := range s {
		if r != '\t' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029') {
			return fmt.Errorf("the query contains control character %U", r)
		}
	}
	if n := utf8.RuneCountInString(s); n > maxCLIQuery {
		return fmt.Errorf("the query has %d characters; at most %d", n, maxCLIQuery)
	}
	return nil
}

// queryError is the --batch answer to a line that is not a query.
type queryError struct {
	Query string `json:"query"`
	Error string `json:"error"`
}

// truncate cuts s to at most n runes, marking the cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
