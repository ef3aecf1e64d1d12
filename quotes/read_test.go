package quotes

import (
	"errors"
	"io"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// sharedData is the shared corpora directory, ../shared/data from the
// repository root.
const sharedData = "../../shared/data"

// collected is what a reader yielded: its quotes, and its errors in order.
type collected struct {
	quotes []Quote
	errs   []error
}

// speakers lists the speakers of the quotes, separated by commas.
func (c collected) speakers() string {
	var s []string
	for _, q := range c.quotes {
		s = append(s, q.Speaker)
	}
	return strings.Join(s, ",")
}

// collect drains seq, checking the contract every reader keeps: a quote
// comes with a nil error and is normalized and valid; an error comes with a
// zero Quote; nothing follows an error that is not a *RecordError.
func collect(t testing.TB, seq iter.Seq2[Quote, error]) collected {
	t.Helper()
	var c collected
	fatal := false
	for q, err := range seq {
		if fatal {
			t.Fatalf("reader yielded (%q, %v) after a fatal error", q.Text, err)
		}
		if err != nil {
			if q.ID != "" || q.Text != "" {
				t.Errorf("error %v came with a non-zero quote %+v", err, q)
			}
			var re *RecordError
			fatal = !errors.As(err, &re)
			c.errs = append(c.errs, err)
			continue
		}
		checkQuote(t, q)
		c.quotes = append(c.quotes, q)
	}
	return c
}

// checkQuote fails unless q is valid, attributed and unchanged by Normalize.
func checkQuote(t testing.TB, q Quote) {
	t.Helper()
	if err := q.Validate(); err != nil {
		t.Errorf("yielded quote does not validate: %v: %+v", err, q)
	}
	if q.Speaker == "" || q.ID == "" {
		t.Errorf("yielded quote without speaker or ID: %+v", q)
	}
	n := q
	n.Tags = append([]string(nil), q.Tags...)
	n.Normalize()
	if !equalQuotes(n, q) {
		t.Errorf("yielded quote is not normalized:\n got %+v\nwant %+v", q, n)
	}
}

// checkQuotes compares quotes read with the quotes wanted, once normalized.
func checkQuotes(t *testing.T, got, want []Quote) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d quotes, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		want[i].Normalize()
		if !equalQuotes(got[i], want[i]) {
			t.Errorf("quote %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

// equalQuotes compares quotes field by field, times by instant.
func equalQuotes(a, b Quote) bool {
	if !a.AddedAt.Equal(b.AddedAt) {
		return false
	}
	if !slices.Equal(a.Tags, b.Tags) {
		return false
	}
	a.AddedAt, a.Tags = b.AddedAt, b.Tags
	return reflect.DeepEqual(a, b)
}

// openTestdata opens a file in testdata, closing it when the test ends.
func openTestdata(t testing.TB, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// addSeeds adds files of testdata to a fuzz test's seed corpus.
func addSeeds(f *testing.F, names ...string) {
	f.Helper()
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// wantRecordError describes an expected *RecordError: its line, the
// sentinel it wraps and words of its message.
type wantRecordError struct {
	line   int
	is     error
	reason string
}

// checkRecordErrors compares errs, read from file, with want.
func checkRecordErrors(t *testing.T, errs []error, file string, want []wantRecordError) {
	t.Helper()
	if len(errs) != len(want) {
		t.Fatalf("errors = %q, want %d", errs, len(want))
	}
	for i, w := range want {
		err := errs[i]
		var re *RecordError
		if !errors.As(err, &re) || re.File != file || re.Line != w.line {
			t.Errorf("error %d = %v, want a *RecordError at %s:%d", i, err, file, w.line)
			continue
		}
		if !errors.Is(err, w.is) || !strings.Contains(err.Error(), w.reason) {
			t.Errorf("error %d = %q, want one wrapping %v and saying %q", i, err, w.is, w.reason)
		}
	}
}

// openShared opens a file under ../shared/data, skipping the test when the
// shared corpora are not there (they are in CI).
func openShared(t testing.TB, rel string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedData, rel))
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("skipping: %s not found (the shared corpora live in ../shared, next to the repository)", rel)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name string
		head string
		want Format
	}{
		{"quotes.jsonl", "", FormatJSONL},
		{"dump.NDJSON", "text,speaker\n", FormatJSONL},
		{"quotes.json", "", FormatJSONL},
		{"sheet.csv", "{", FormatCSV},
		{"people", "Quote one.\n\t-- A\n%\nQuote two.\n", FormatFortune},
		{"people", "%\r\nQuote.\r\n", FormatFortune},
		{"-", "  \n{\"text\": \"x\"}\n", FormatJSONL},
		{"-", "\uFEFF{\"text\": \"x\"}\n", FormatJSONL},
		{"dataset", "\n[\n  {\"quote\": \"x\"}\n]\n", FormatJSONL},
		{"export", "Speaker,Text\nA,b\n", FormatCSV},
		{"excel", "Quote;Author\nA;b\n", FormatCSV},
		{"sheet.tsv", "", FormatCSV},
		{"tabbed", "author\tquote\nA\tb\n", FormatCSV},
		{"semicolons-no-text", "a;b\n", FormatUnknown},
		{"notes.txt", "just some words\n", FormatUnknown},
		{"empty", "", FormatUnknown},
		{"percent-in-text", "100%\nsure\n", FormatUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectFormat(tt.name, []byte(tt.head)); got != tt.want {
				t.Errorf("DetectFormat(%q, %q) = %v, want %v", tt.name, tt.head, got, tt.want)
			}
		})
	}
}

func TestReadUnknownFormat(t *testing.T) {
	c := collect(t, Read(strings.NewReader("x"), "f", FormatUnknown))
	if len(c.quotes) != 0 || len(c.errs) != 1 {
		t.Fatalf("Read(FormatUnknown) = %d quotes, errors %v; want one error", len(c.quotes), c.errs)
	}
}

func TestRecordError(t *testing.T) {
	err := error(&RecordError{File: "a.jsonl", Line: 7, Err: ErrNoSpeaker})
	if got, want := err.Error(), "a.jsonl:7: no speaker"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, ErrNoSpeaker) {
		t.Errorf("errors.Is(%v, ErrNoSpeaker) = false, want true", err)
	}
}

// TestReadStopsEarly checks that every reader honours a loop that breaks.
func TestReadStopsEarly(t *testing.T) {
	inputs := map[Format]string{
		FormatJSONL:   "{\"text\":\"a\",\"speaker\":\"A\"}\n{\"text\":\"b\",\"speaker\":\"B\"}\n",
		FormatCSV:     "text,speaker\na,A\nb,B\n",
		FormatFortune: "a\n-- A\n%\nb\n-- B\n",
	}
	for f, in := range inputs {
		t.Run(f.String(), func(t *testing.T) {
			n := 0
			for range Read(strings.NewReader(in), "f", f) {
				n++
				break
			}
			if n != 1 {
				t.Errorf("loop ran %d times after break, want 1", n)
			}
		})
	}
}

// errReader fails after its data, as a broken disk or network would.
type errReader struct {
	data string
	err  error
}

func (r *errReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestReadIOError(t *testing.T) {
	inputs := map[Format]string{
		FormatJSONL:   "{\"text\":\"a\",\"speaker\":\"A\"}\n",
		FormatCSV:     "text,speaker\na,A\n",
		FormatFortune: "a\n-- A\n%\n",
	}
	boom := errors.New("boom")
	for f, in := range inputs {
		t.Run(f.String(), func(t *testing.T) {
			c := collect(t, Read(&errReader{data: in, err: boom}, "f", f))
			if len(c.errs) == 0 || !errors.Is(c.errs[len(c.errs)-1], boom) {
				t.Fatalf("errors = %v, want the reader's error last", c.errs)
			}
			var re *RecordError
			if errors.As(c.errs[len(c.errs)-1], &re) {
				t.Errorf("I/O error %v is a *RecordError, want a fatal error", re)
			}
		})
	}
}

var _ io.Reader = (*errReader)(nil)
