package quotes

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
)

// maxCSVRecord bounds the bytes of one CSV record (and of the header). A
// valid quote's fields come to well under 64 KiB even when every character
// is four bytes and every quotation mark is doubled, so a larger record is
// a broken file, most often an unclosed quote swallowing what follows.
const maxCSVRecord = 256 << 10

// maxCSVColumns bounds the header; a real collection has a dozen columns.
const maxCSVColumns = 1000

// csvColumns maps the header names ReadCSV knows, lowercased, to the
// field they fill. The first name of each field is its own.
var csvColumns = map[string]string{
	"text":      "text",
	"quote":     "text",
	"speaker":   "speaker",
	"author":    "speaker",
	"source":    "source",
	"title":     "source",
	"publisher": "publisher",
	"url":       "url",
	"date":      "date",
	"tags":      "tags",
	"role":      "role",
}

// maxCSVCommas bounds the commas in one record. encoding/csv keeps three
// slices of per-field bookkeeping, so a budget of bytes alone would let
// 256 Ki one-byte columns cost tens of megabytes. A valid quote has far fewer
// commas, even quoted ones inside its text.
const maxCSVCommas = 32 << 10

// Errors of budgetReader, when a record outgrows its bounds.
var (
	errRecordTooBig  = errors.New("record too big")
	errTooManyCommas = errors.New("too many commas")
)

// budgetReader passes bytes through until its budget of bytes or of commas
// is spent, then fails. ReadCSV refills the budget before every record, so
// encoding/csv never holds more than one budget (plus its 4 KiB read-ahead)
// of one record.
type budgetReader struct {
	r      io.Reader
	left   int  // bytes
	commas int  // separators, in fact: the file's comma, semicolon or tab
	comma  byte // the separator
}

func (b *budgetReader) refill() { b.left, b.commas = maxCSVRecord, maxCSVCommas }

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, errRecordTooBig
	}
	if b.commas < 0 {
		return 0, errTooManyCommas
	}
	if len(p) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= n
	b.commas -= bytes.Count(p[:n], []byte{b.comma})
	return n, err
}

// ReadCSV reads comma-separated values with a header row, as Read does;
// name is used in errors only. The header row also tells the separator: a
// comma, or else the semicolon or tab it holds more of (a spreadsheet saved
// in a language that writes decimal commas separates by semicolons, and
// .tsv files by tabs).
//
// Columns are matched by name, ignoring case and surrounding space: text
// (or quote) and speaker (or author) are required, and a header without
// them is an error that ends reading; source (or title), publisher, url,
// date, tags (separated by ";" or "|") and role are optional; other
// columns are ignored. When both a name and its alias are present, the
// first column wins. Fields must be quoted as RFC 4180 says (leading
// spaces before a quote are allowed). A record with the wrong number of
// fields or a malformed quote is a bad record. A record over 256 KiB or
// with over 32,768 separators ends reading, since the reader cannot tell where
// it would end; so memory stays bounded whatever the file holds.
func ReadCSV(r io.Reader, name string) iter.Seq2[Quote, error] {
	return func(yield func(Quote, error) bool) {
		br := bufio.NewReader(r)
		// A byte order mark before a quoted header name would be a bare quote.
		if b, _ := br.Peek(len(bom)); string(b) == bom {
			br.Discard(len(bom))
		}
		head, _ := br.Peek(br.Size())
		comma := csvSeparator(head)
		budget := &budgetReader{r: br, comma: comma}
		budget.refill()
		cr := csv.NewReader(budget)
		cr.Comma = rune(comma)
		cr.TrimLeadingSpace = true
		cr.ReuseRecord = true

		header, err := cr.Read()
		if err != nil {
			yield(Quote{}, csvFatal(name, 0, err, "header"))
			return
		}
		cols, err := csvHeader(header, comma)
		if err != nil {
			yield(Quote{}, fmt.Errorf("quotes: %s:1: %w", name, err))
			return
		}
		cr.FieldsPerRecord = len(header)
		prev := 1 // the line on which the last record started
		for {
			budget.refill()
			rec, err := cr.Read()
			if err == io.EOF {
				return
			}
			var perr *csv.ParseError
			if errors.As(err, &perr) {
				prev = perr.StartLine
				reason := perr.Err
				if errors.Is(reason, csv.ErrFieldCount) {
					reason = fmt.Errorf("%d fields, but the header has %d", len(rec), len(header))
				}
				if !yield(Quote{}, &RecordError{File: name, Line: perr.StartLine, Err: fmt.Errorf("%w: %v", ErrInvalid, reason)}) {
					return
				}
				continue
			}
			if err != nil {
				yield(Quote{}, csvFatal(name, prev, err, "record"))
				return
			}
			prev, _ = cr.FieldPos(0)
			if !yieldParts(yield, cols.quote(rec), name, prev) {
				return
			}
		}
	}
}

// csvFatal describes an error that ends reading a CSV file after line
// prev (0 before the header).
func csvFatal(name string, prev int, err error, what string) error {
	switch {
	case errors.Is(err, errRecordTooBig) && prev == 0:
		return fmt.Errorf("quotes: %s: the header is over %d KiB", name, maxCSVRecord>>10)
	case errors.Is(err, errRecordTooBig):
		return fmt.Errorf("quotes: %s: the record after the one at line %d is over %d KiB (an unclosed quote?)", name, prev, maxCSVRecord>>10)
	case errors.Is(err, errTooManyCommas) && prev == 0:
		return fmt.Errorf("quotes: %s: the header has over %d separators", name, maxCSVCommas)
	case errors.Is(err, errTooManyCommas):
		return fmt.Errorf("quotes: %s: the record after the one at line %d has over %d separators", name, prev, maxCSVCommas)
	case err == io.EOF:
		return fmt.Errorf("quotes: %s: empty file, want a header row naming the columns (text, speaker, …)", name)
	}
	var perr *csv.ParseError
	if errors.As(err, &perr) {
		return fmt.Errorf("quotes: %s:%d: %s: %v", name, perr.StartLine, what, perr.Err)
	}
	return fmt.Errorf("quotes: read %s: %w", name, err)
}

// csvLayout says which column holds which field; -1 is absent.
type csvLayout map[string]int

// csvSeparator is the separator of the CSV file that starts with head: a
// comma when its first line holds one outside quotes, else a semicolon or a
// tab, whichever it holds more of, else a comma.
func csvSeparator(head []byte) byte {
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	var n [256]int
	quoted := false
	for _, c := range head {
		if c == '"' {
			quoted = !quoted
		} else if !quoted {
			n[c]++
		}
	}
	switch {
	case n[','] > 0:
		return ','
	case n[';'] == 0 && n['\t'] == 0:
		return ','
	case n[';'] >= n['\t']:
		return ';'
	}
	return '\t'
}

// csvHeader maps a header row to the fields ReadCSV knows.
func csvHeader(header []string, comma byte) (csvLayout, error) {
	if len(header) > maxCSVColumns {
		return nil, fmt.Errorf("header has %d columns, at most %d", len(header), maxCSVColumns)
	}
	cols := csvLayout{}
	for i, h := range header {
		field, ok := csvColumns[strings.ToLower(strings.TrimSpace(h))]
		if _, seen := cols[field]; ok && !seen {
			cols[field] = i
		}
	}
	for _, need := range []string{"text", "speaker"} {
		if _, ok := cols[need]; !ok {
			return nil, fmt.Errorf("header %q has no %q column", strings.Join(header, string(comma)), need)
		}
	}
	return cols, nil
}

// quote builds a Quote, not yet normalized, from one record.
func (cols csvLayout) quote(rec []string) Quote {
	get := func(field string) string {
		if i, ok := cols[field]; ok {
			return rec[i]
		}
		return ""
	}
	return Quote{
		Text:    get("text"),
		Speaker: get("speaker"),
		Role:    get("role"),
		Source: Source{
			Title:     get("source"),
			Publisher: get("publisher"),
			URL:       get("url"),
			Date:      calendarDate(get("date")),
		},
		Tags: splitTags(get("tags")),
	}
}
