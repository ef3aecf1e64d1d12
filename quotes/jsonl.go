package quotes

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"
)

// ReadJSONL reads JSON Lines, one quote per line, as Read does; name is used
// in errors only.
//
// It reads what WriteJSONL writes, so export → import loses nothing, and the
// shapes of other collections: "text" (or "quote", or "content");
// "speaker" (or "author"); "source" as
// a string (the title) or as an object {title, publisher, url, date}; and at
// the top level "date" (or an integer "year"), "url", "publisher", "role",
// "tags" (an array, or one string separated by ";" or "|"). The source
// object's fields win over the top-level ones. An "id" is kept only if
// ValidID accepts it (other collections' IDs are not ours); otherwise the ID
// is derived. Unknown fields are ignored, blank lines skipped, and a line
// over 1 MiB is a bad record.
//
// A file that is one JSON array of such objects, as many collections are
// published, is read element by element (see readJSONArray).
func ReadJSONL(r io.Reader, name string) iter.Seq2[Quote, error] {
	return func(yield func(Quote, error) bool) {
		br := bufio.NewReaderSize(r, 16<<10)
		if isJSONArray(br) {
			readJSONArray(br, name, yield)
			return
		}
		lr := newLineReader(br, name)
		for {
			line, long, err := lr.next()
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(Quote{}, err)
				return
			}
			if long {
				err := &RecordError{File: name, Line: lr.n, Err: fmt.Errorf("%w: line longer than %d bytes", ErrInvalid, maxLine)}
				if !yield(Quote{}, err) {
					return
				}
				continue
			}
			line = bytes.TrimSpace(line)
			if len(line) == 0 {
				continue
			}
			q, err := decodeJSONL(line)
			if err != nil {
				if !yield(Quote{}, &RecordError{File: name, Line: lr.n, Err: err}) {
					return
				}
				continue
			}
			if !yieldParts(yield, q, name, lr.n) {
				return
			}
		}
	}
}

// isJSONArray reports whether br, after a byte order mark and white space,
// starts with '['. It consumes the byte order mark, which JSON does not allow.
func isJSONArray(br *bufio.Reader) bool {
	if b, _ := br.Peek(len(bom)); string(b) == bom {
		br.Discard(len(bom))
	}
	for n := 1; n <= br.Size(); n++ {
		b, _ := br.Peek(n)
		if len(b) < n {
			return false
		}
		switch c := b[n-1]; c {
		case ' ', '\t', '\r', '\n':
		default:
			return c == '['
		}
	}
	return false
}

// readJSONArray reads a file that is one JSON array of quote objects, as
// ReadJSONL reads lines: each element is a record, bounded like a line
// (maxLine), and reported at the line it starts on. An element that is not
// JSON, is over the bound, or an array cut short, ends reading with an
// error, as the array's next element cannot be found after it; the quotes
// of the elements before it are yielded first.
func readJSONArray(br *bufio.Reader, name string, yield func(Quote, error) bool) {
	lines := &lineTracker{r: br}
	budget := &byteBudget{r: lines}
	dec := json.NewDecoder(budget)
	fatal := func(what string, err error) {
		if errors.Is(err, errRecordTooBig) {
			err = fmt.Errorf("over %d bytes", maxLine)
		}
		yield(Quote{}, fmt.Errorf("quotes: %s:%d: %s: %v", name, lines.lineAt(dec.InputOffset()), what, err))
	}
	budget.left = maxLine
	if _, err := dec.Token(); err != nil { // the '['
		fatal("the array", err)
		return
	}
	for n := 1; dec.More(); n++ {
		budget.left = maxLine
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			fatal(fmt.Sprintf("element %d", n), err)
			return
		}
		line := lines.lineAt(dec.InputOffset() - int64(len(raw)))
		q, err := decodeJSONL(raw)
		if err != nil {
			if !yield(Quote{}, &RecordError{File: name, Line: line, Err: err}) {
				return
			}
			continue
		}
		if !yieldParts(yield, q, name, line) {
			return
		}
	}
	if _, err := dec.Token(); err != nil { // the ']'
		fatal("the end of the array", err)
		return
	}
	// JSON Lines whose first record is an array would end here, the rest
	// of the file unread: say so rather than drop it.
	budget.left = maxLine
	if _, err := dec.Token(); err != io.EOF {
		yield(Quote{}, fmt.Errorf("quotes: %s:%d: more after the JSON array that the file starts with (one array of quotes, or JSON Lines: one object a line)", name, lines.lineAt(dec.InputOffset())))
	}
}

// byteBudget passes bytes through until left is spent, then fails with
// errRecordTooBig.
type byteBudget struct {
	r    io.Reader
	left int
}

func (b *byteBudget) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, errRecordTooBig
	}
	if len(p) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= n
	return n, err
}

// lineTracker passes bytes through and tells on which line an offset into
// them lies. It keeps only what was read past the last offset asked about,
// which a JSON decoder's read-ahead bounds.
type lineTracker struct {
	r      io.Reader
	read   int64    // bytes read so far
	chunks [][]byte // what was read after offset start
	start  int64
	line   int // the line at offset start, from 1
}

func (t *lineTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if n > 0 {
		t.chunks = append(t.chunks, bytes.Clone(p[:n]))
		t.read += int64(n)
	}
	return n, err
}

// lineAt returns the line of offset off. Offsets asked about must not
// decrease.
func (t *lineTracker) lineAt(off int64) int {
	if t.line == 0 {
		t.line = 1
	}
	for len(t.chunks) > 0 && off > t.start {
		c := t.chunks[0]
		if take := off - t.start; take < int64(len(c)) {
			t.line += bytes.Count(c[:take], []byte{'\n'})
			t.chunks[0] = c[take:]
			t.start = off
			break
		}
		t.line += bytes.Count(c, []byte{'\n'})
		t.start += int64(len(c))
		t.chunks = t.chunks[1:]
	}
	return t.line
}

// jsonlRecord is every shape of a JSONL record that ReadJSONL accepts.
// The fields that come in more than one JSON type are kept raw.
type jsonlRecord struct {
	ID         json.RawMessage `json:"id"`
	Text       string          `json:"text"`
	Quote      string          `json:"quote"`
	Content    string          `json:"content"`
	Speaker    string          `json:"speaker"`
	Author     string          `json:"author"`
	Role       string          `json:"role"`
	Source     json.RawMessage `json:"source"`
	Date       json.RawMessage `json:"date"`
	Year       json.RawMessage `json:"year"`
	URL        string          `json:"url"`
	Publisher  string          `json:"publisher"`
	Tags       json.RawMessage `json:"tags"`
	SpeakerID  string          `json:"speaker_id"`
	Guild      string          `json:"guild"`
	AddedBy    string          `json:"added_by"`
	AddedAt    time.Time       `json:"added_at"`
	MessageURL string          `json:"message_url"`
}

// decodeJSONL turns one JSON object into a Quote, not yet normalized. Its
// errors wrap ErrInvalid.
func decodeJSONL(line []byte) (Quote, error) {
	var rec jsonlRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return Quote{}, fmt.Errorf("%w: %s", ErrInvalid, describeJSONError(err))
	}
	q := Quote{
		Text:       rec.Text,
		Speaker:    rec.Speaker,
		SpeakerID:  rec.SpeakerID,
		Role:       rec.Role,
		Guild:      rec.Guild,
		AddedBy:    rec.AddedBy,
		AddedAt:    rec.AddedAt,
		MessageURL: rec.MessageURL,
	}
	if q.Speaker == "" {
		q.Speaker = rec.Author
	}
	if q.Text == "" {
		q.Text = cmp.Or(rec.Quote, rec.Content)
	}
	id, err := looseString("id", rec.ID)
	if err != nil {
		return Quote{}, err
	}
	if ValidID(id) {
		q.ID = id
	}
	if q.Source, err = decodeSource(rec.Source); err != nil {
		return Quote{}, err
	}
	if q.Source.URL == "" {
		q.Source.URL = rec.URL
	}
	if q.Source.Publisher == "" {
		q.Source.Publisher = rec.Publisher
	}
	if q.Source.Date == "" {
		date, err := looseString("date", rec.Date)
		if err != nil {
			return Quote{}, err
		}
		if date == "" {
			if date, err = looseString("year", rec.Year); err != nil {
				return Quote{}, err
			}
		}
		q.Source.Date = date
	}
	q.Source.Date = calendarDate(q.Source.Date)
	if q.Tags, err = decodeTags(rec.Tags); err != nil {
		return Quote{}, err
	}
	return q, nil
}

// decodeSource accepts a source given as its title or as an object.
func decodeSource(raw json.RawMessage) (Source, error) {
	var s Source
	switch {
	case isNull(raw):
	case raw[0] == '"':
		if err := json.Unmarshal(raw, &s.Title); err != nil {
			return Source{}, fmt.Errorf("%w: source: %s", ErrInvalid, describeJSONError(err))
		}
	case raw[0] == '{':
		if err := json.Unmarshal(raw, &s); err != nil {
			return Source{}, fmt.Errorf("%w: source: %s", ErrInvalid, describeJSONError(err))
		}
	default:
		return Source{}, fmt.Errorf("%w: source is %s, want a string or an object", ErrInvalid, jsonKind(raw))
	}
	return s, nil
}

// decodeTags accepts an array of strings, or one string of tags separated
// by ";" or "|" as in a CSV cell.
func decodeTags(raw json.RawMessage) ([]string, error) {
	switch {
	case isNull(raw):
		return nil, nil
	case raw[0] == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, fmt.Errorf("%w: tags: %s", ErrInvalid, describeJSONError(err))
		}
		return splitTags(s), nil
	}
	var tags []string
	if err := json.Unmarshal(raw, &tags); err != nil {
		return nil, fmt.Errorf("%w: tags are %s, want an array of strings", ErrInvalid, jsonKind(raw))
	}
	return tags, nil
}

// splitTags splits a list of tags written in one string: "a; b|c".
func splitTags(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' })
}

// looseString accepts a JSON string or an integer (sotu's "year": 1790) as a
// string; null and absence are "".
func looseString(field string, raw json.RawMessage) (string, error) {
	if isNull(raw) {
		return "", nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("%w: %s: %s", ErrInvalid, field, describeJSONError(err))
		}
		return s, nil
	}
	n, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
		return "", fmt.Errorf("%w: %s is %s, want a string or an integer", ErrInvalid, field, jsonKind(raw))
	}
	if field == "year" && n >= 0 && n <= 9999 {
		return fmt.Sprintf("%04d", n), nil
	}
	return strconv.FormatInt(n, 10), nil
}

// calendarDate cuts a full RFC 3339 timestamp down to its date, the
// precision Source.Date keeps; anything else is returned as it is for
// Validate to judge.
func calendarDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > len("2006-01-02") {
		if _, err := time.Parse(time.RFC3339, s); err == nil {
			return s[:len("2006-01-02")]
		}
	}
	return s
}

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

// jsonKind names the JSON type of a raw value, for error messages.
func jsonKind(raw json.RawMessage) string {
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	}
	return "a number"
}

// describeJSONError rewords encoding/json's errors for people who wrote the
// file, without the names of this package's Go types.
func describeJSONError(err error) string {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		if typeErr.Field == "" {
			return fmt.Sprintf("the record is a JSON %s, want an object", typeErr.Value)
		}
		return fmt.Sprintf("field %q is a JSON %s, want %s", typeErr.Field, typeErr.Value, jsonTypeName(typeErr.Type.Kind().String()))
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		return fmt.Sprintf("malformed JSON at byte %d: %v", syntaxErr.Offset, err)
	}
	return "malformed JSON: " + err.Error()
}

func jsonTypeName(goKind string) string {
	switch goKind {
	case "string":
		return "a string"
	case "struct":
		return "an object"
	case "slice":
		return "an array"
	}
	return goKind
}

// WriteJSONL writes q to w as one line of JSON: the Quote's own encoding,
// with the source as an object, which ReadJSONL reads back unchanged. It
// makes one Write call per quote, so wrap w in a bufio.Writer when writing
// many. It does not validate q; HTML characters are not escaped.
func WriteJSONL(w io.Writer, q Quote) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(q); err != nil {
		return fmt.Errorf("quotes: encode quote %s: %w", q.ID, err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("quotes: write quote %s: %w", q.ID, err)
	}
	return nil
}
