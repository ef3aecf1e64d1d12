package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	_ "modernc.org/sqlite"

	"github.com/quotebot/quotebot/index"
	"github.com/quotebot/quotebot/quotes"
)

// importChunk is how many quotes each engine receives at once, as
// `quotebot import` hands them to the index.
const importChunk = 1000

// engine is one search engine under test. top is the first answer's speaker
// (who-said) or quote ID, for a sanity check.
type engine interface {
	query(ctx context.Context, q benchQuery) (n int, top string, err error)
	close() error
}

func openEngine(name, dir string) (engine, error) {
	switch name {
	case "quotebot":
		ix, err := index.Open(dir)
		if err != nil {
			return nil, err
		}
		return &quotebotEngine{ix: ix}, nil
	case "fts5":
		return openFTS(dir)
	}
	return nil, fmt.Errorf("unknown engine %q", name)
}

// importInto bulk-imports the corpus file into a new index of the engine
// (quotebot's import is its own command: see importCLI).
func importInto(ctx context.Context, name, dir, corpus string) (int, error) {
	switch name {
	case "fts5":
		f, err := openFTS(dir)
		if err != nil {
			return 0, err
		}
		n := 0
		err = readCorpus(corpus, importChunk, func(qs []quotes.Quote) error {
			k, err := f.addBatch(ctx, qs)
			n += k
			return err
		})
		if cerr := f.close(); err == nil {
			err = cerr
		}
		return n, err
	}
	return 0, fmt.Errorf("unknown engine %q", name)
}

// quotebotEngine drives quotebot's real index package, as the bot does.
type quotebotEngine struct{ ix *index.Index }

func (e *quotebotEngine) query(ctx context.Context, q benchQuery) (int, string, error) {
	switch q.Kind {
	case kindWhoSaid:
		as, err := e.ix.WhoSaid(ctx, "", q.Text, 3)
		if err != nil || len(as) == 0 {
			return 0, "", err
		}
		return len(as), as[0].Speaker, nil
	case kindSuggest:
		ms, err := e.ix.Suggest(ctx, "", q.Text, 10)
		if err != nil || len(ms) == 0 {
			return 0, "", err
		}
		return len(ms), ms[0].Quote.ID, nil
	default:
		res, err := e.ix.Search(ctx, quotes.Query{Text: q.Text, Speaker: q.Speaker, Limit: 5})
		if err != nil || len(res.Matches) == 0 {
			return 0, "", err
		}
		return len(res.Matches), res.Matches[0].Quote.ID, nil
	}
}

func (e *quotebotEngine) close() error { return e.ix.Close() }

// ftsEngine is what a bot author would write on SQLite FTS5: a table of
// quotes (the store of record, unique by ID) and an external-content FTS5
// index over its text and speaker, kept in step by a trigger; porter
// stemming over unicode61, bm25 ranking, prefix indexes for 2 and 3
// characters; WAL with synchronous=FULL so each committed save is durable.
type ftsEngine struct {
	db *sql.DB
}

const ftsSchema = `
CREATE TABLE IF NOT EXISTS quotes (
	rowid   INTEGER PRIMARY KEY,
	id      TEXT NOT NULL UNIQUE,
	text    TEXT NOT NULL,
	speaker TEXT NOT NULL,
	body    TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
	text, speaker,
	content='quotes', content_rowid='rowid',
	tokenize='porter unicode61', prefix='2 3'
);
CREATE TRIGGER IF NOT EXISTS quotes_ai AFTER INSERT ON quotes BEGIN
	INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
END;
`

func openFTS(dir string) (*ftsEngine, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	dsn := "file:" + filepath.Join(dir, "quotes.db") +
		"?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(5000)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // one connection: SQLite serialises writers anyway
	if _, err := db.Exec(ftsSchema); err != nil {
		db.Close()
		return nil, fmt.Errorf("fts5 schema: %w", err)
	}
	return &ftsEngine{db: db}, nil
}

func (e *ftsEngine) close() error { return e.db.Close() }

// addBatch inserts qs in one transaction, skipping IDs already stored.
func (e *ftsEngine) addBatch(ctx context.Context, qs []quotes.Quote) (int, error) {
	tx, err := e.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO quotes(id, text, speaker, body) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, q := range qs {
		q.Normalize()
		if q.Validate() != nil {
			continue
		}
		body, err := json.Marshal(q)
		if err != nil {
			return n, err
		}
		res, err := st.ExecContext(ctx, q.ID, q.Text, q.Speaker, string(body))
		if err != nil {
			return n, err
		}
		if k, _ := res.RowsAffected(); k > 0 {
			n++
		}
	}
	return n, tx.Commit()
}

// ftsTerms splits user text into words and quotes each, so nothing the user
// types is FTS5 syntax.
func ftsTerms(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		out = append(out, `"`+w+`"`)
	}
	return out
}

const ftsTop = `SELECT q.id, q.speaker, q.body FROM quotes_fts f JOIN quotes q ON q.rowid = f.rowid
WHERE quotes_fts MATCH ? ORDER BY f.rank LIMIT ?`

// search returns the first limit quotes matching expr by bm25.
func (e *ftsEngine) search(ctx context.Context, expr string, limit int) (int, string, error) {
	rows, err := e.db.QueryContext(ctx, ftsTop, expr, limit)
	if err != nil {
		return 0, "", fmt.Errorf("fts5 %q: %w", expr, err)
	}
	defer rows.Close()
	n, top := 0, ""
	for rows.Next() {
		var id, speaker, body string
		if err := rows.Scan(&id, &speaker, &body); err != nil {
			return n, top, err
		}
		var q quotes.Quote
		if err := json.Unmarshal([]byte(body), &q); err != nil {
			return n, top, err
		}
		if n == 0 {
			top = id
		}
		n++
	}
	return n, top, rows.Err()
}

// firstOf runs each expression in turn until one matches: the usual way to
// fall back from all words (or the exact phrase) to any word.
func (e *ftsEngine) firstOf(ctx context.Context, limit int, exprs ...string) (int, string, error) {
	for _, x := range exprs {
		if x == "" {
			continue
		}
		n, top, err := e.search(ctx, x, limit)
		if err != nil || n > 0 {
			return n, top, err
		}
	}
	return 0, "", nil
}

func (e *ftsEngine) query(ctx context.Context, q benchQuery) (int, string, error) {
	terms := ftsTerms(q.Text)
	if len(terms) == 0 {
		return 0, "", nil
	}
	and := strings.Join(terms, " ")
	or := strings.Join(terms, " OR ")
	switch q.Kind {
	case kindWhoSaid:
		return e.whoSaid(ctx, and, or)
	case kindPhrase, kindTypo:
		phrase := `"` + strings.ReplaceAll(and, `"`, "") + `"`
		return e.firstOf(ctx, 5, phrase, or)
	case kindSpeaker:
		filter := "speaker : (" + strings.Join(ftsTerms(q.Speaker), " ") + ")"
		return e.firstOf(ctx, 5, filter+" AND ("+and+")", filter+" AND ("+or+")")
	case kindSuggest:
		// The last word is unfinished: a prefix query.
		terms[len(terms)-1] += "*"
		if strings.HasSuffix(q.Text, " ") {
			terms[len(terms)-1] = strings.TrimSuffix(terms[len(terms)-1], "*")
		}
		return e.search(ctx, strings.Join(terms, " "), 10)
	default:
		return e.firstOf(ctx, 5, and, or)
	}
}

// whoSaid takes the 40 best quotes by bm25 and ranks their speakers by the
// summed score, best first.
func (e *ftsEngine) whoSaid(ctx context.Context, and, or string) (int, string, error) {
	const q = `SELECT speaker, count(*), sum(r) AS s FROM (
	SELECT q.speaker AS speaker, f.rank AS r FROM quotes_fts f JOIN quotes q ON q.rowid = f.rowid
	WHERE quotes_fts MATCH ? ORDER BY f.rank LIMIT 40
) GROUP BY lower(speaker) ORDER BY s LIMIT 3`
	for _, expr := range []string{and, or} {
		rows, err := e.db.QueryContext(ctx, q, expr)
		if err != nil {
			return 0, "", fmt.Errorf("fts5 %q: %w", expr, err)
		}
		n, top := 0, ""
		for rows.Next() {
			var speaker string
			var count int
			var score float64
			if err := rows.Scan(&speaker, &count, &score); err != nil {
				rows.Close()
				return 0, "", err
			}
			if n == 0 {
				top = speaker
			}
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, "", err
		}
		if n > 0 {
			return n, top, nil
		}
	}
	return 0, "", nil
}
