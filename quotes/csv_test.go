package quotes

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestReadCSVGood(t *testing.T) {
	c := collect(t, ReadCSV(openTestdata(t, "good.csv"), "good.csv"))
	if len(c.errs) != 0 {
		t.Fatalf("errors = %v, want none", c.errs)
	}
	want := []Quote{
		{
			Text:    "We are ready to do everything in our power.",
			Speaker: "Dmitry Peskov",
			Role:    "Kremlin spokesman",
			Source:  Source{Title: "Talks", Publisher: "Reuters", URL: "https://example.com/a", Date: "2025-03-04"},
			Tags:    []string{"politics", "Russia"},
		},
		{Text: "Multi\nline \"quoted\" text", Speaker: "Ann Example", Tags: []string{"a", "b"}},
		{Text: "Plain text", Speaker: "Bob", Source: Source{Date: "2025"}},
	}
	checkQuotes(t, c.quotes, want)
}

func TestReadCSVBOM(t *testing.T) {
	c := collect(t, ReadCSV(openTestdata(t, "bom.csv"), "bom.csv"))
	if len(c.errs) != 0 || len(c.quotes) != 1 || c.quotes[0].Speaker != "Bo" {
		t.Fatalf("got %+v, errors %v; want one quote by Bo", c.quotes, c.errs)
	}
}

func TestReadCSVBroken(t *testing.T) {
	c := collect(t, ReadCSV(openTestdata(t, "broken.csv"), "broken.csv"))
	if got, want := c.speakers(), "A,E"; got != want {
		t.Errorf("speakers read = %s, want %s", got, want)
	}
	wantErrs := []wantRecordError{
		{3, ErrInvalid, "4 fields, but the header has 3"},
		{4, ErrInvalid, `bare " in non-quoted-field`},
		{5, ErrInvalid, "empty text"},
		{6, ErrNoSpeaker, "no speaker"},
		{7, ErrInvalid, "source date"},
		{10, ErrInvalid, `extraneous or missing "`},
	}
	checkRecordErrors(t, c.errs, "broken.csv", wantErrs)
}

// TestReadCSVSeparators reads the same collection separated by semicolons,
// as spreadsheets save it where a comma is the decimal mark, and by tabs.
func TestReadCSVSeparators(t *testing.T) {
	want := []Quote{
		{Text: "Less is more; more or less.", Speaker: "Ann Example", Tags: []string{"art", "design"}},
		{Text: "Commas, in a quote, stay.", Speaker: "Bob"},
	}
	for _, tt := range []struct{ name, in string }{
		{"semicolons", "Quote;Author;Tags\n\"Less is more; more or less.\";Ann Example;art|design\nCommas, in a quote, stay.;Bob;\n"},
		{"tabs", "text\tspeaker\ttags\nLess is more; more or less.\tAnn Example\tart;design\nCommas, in a quote, stay.\tBob\t\n"},
		{"a comma wins", "text,speaker,tags,notes;more\n\"Less is more; more or less.\",Ann Example,art;design,\n\"Commas, in a quote, stay.\",Bob,,\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := collect(t, ReadCSV(strings.NewReader(tt.in), tt.name+".csv"))
			if len(c.errs) != 0 {
				t.Fatalf("errors %v", c.errs)
			}
			checkQuotes(t, c.quotes, slices.Clone(want))
		})
	}
}

func TestReadCSVHeader(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "empty file, want a header row"},
		{"no speaker", "text,source\nx,y\n", `header "text,source" has no "speaker" column`},
		{"no text", "Author,Quote Text\nx,y\n", `header "Author,Quote Text" has no "text" column`},
		{"bad quote", "\"text,speaker\nx,y\n", "header"},
		{"too many columns", "text,speaker" + strings.Repeat(",x", maxCSVColumns) + "\n", "columns, at most"},
		{"huge header", "text,speaker," + strings.Repeat("x", 2*maxCSVRecord) + "\n", "the header is over"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := collect(t, ReadCSV(strings.NewReader(tt.in), "h.csv"))
			if len(c.quotes) != 0 || len(c.errs) != 1 {
				t.Fatalf("got %d quotes, errors %v; want one fatal error", len(c.quotes), c.errs)
			}
			var re *RecordError
			if err := c.errs[0]; errors.As(err, &re) || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "quotes: h.csv") {
				t.Errorf("error = %q, want a fatal error naming h.csv and saying %q", err, tt.want)
			}
		})
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// endless is an io.Reader of the same byte forever.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// TestReadCSVBounded feeds records no quote could fill: a 100 MB field
// (endless, in fact) and a million columns. Each must end reading with a
// clear error after reading little more than one record's budget, holding
// little memory.
func TestReadCSVBounded(t *testing.T) {
	const tooBig = "big.csv: the record after the one at line 2 is over 256 KiB"
	tests := []struct {
		name string
		in   io.Reader
		want string
	}{
		{"endless quoted field", io.MultiReader(strings.NewReader("text,speaker\nok,A\n\""), endless('a')), tooBig},
		{"endless unquoted field", io.MultiReader(strings.NewReader("text,speaker\nok,A\n"), endless('a')), tooBig},
		{"100 MB field", io.MultiReader(strings.NewReader("text,speaker\nok,A\n"), io.LimitReader(endless('a'), 100<<20), strings.NewReader(",B\n")), tooBig},
		{"a million columns", io.MultiReader(strings.NewReader("text,speaker\nok,A\nx"), io.LimitReader(endless(','), 1e6), strings.NewReader("\n")),
			"big.csv: the record after the one at line 2 has over 32768 separators"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cr := &countingReader{r: tt.in}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			c := collect(t, ReadCSV(cr, "big.csv"))
			runtime.ReadMemStats(&after)
			if len(c.quotes) != 1 || len(c.errs) != 1 {
				t.Fatalf("got %d quotes, errors %v; want 1 quote, then one error", len(c.quotes), c.errs)
			}
			var re *RecordError
			if err := c.errs[0]; errors.As(err, &re) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want a fatal error saying %q", err, tt.want)
			}
			if limit := int64(maxCSVRecord + 64<<10); cr.n > limit {
				t.Errorf("read %d bytes, want at most %d", cr.n, limit)
			}
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("read %d bytes, allocated %d", cr.n, alloc)
			if alloc > 8<<20 {
				t.Errorf("allocated %d bytes, want at most 8 MiB", alloc)
			}
		})
	}
}

// TestReadCSVWideRecord checks that a record with too many fields, but
// within the size bound, is one bad record and reading goes on.
func TestReadCSVWideRecord(t *testing.T) {
	in := "text,speaker\n" + strings.Repeat(",", 20_000) + "\nafter,B\n"
	c := collect(t, ReadCSV(strings.NewReader(in), "wide.csv"))
	if len(c.quotes) != 1 {
		t.Errorf("got %d quotes, want 1", len(c.quotes))
	}
	checkRecordErrors(t, c.errs, "wide.csv", []wantRecordError{{2, ErrInvalid, "20001 fields, but the header has 2"}})
}

func FuzzReadCSV(f *testing.F) {
	addSeeds(f, "good.csv", "broken.csv", "bom.csv")
	f.Add([]byte("author,quote,tags\n\"a\",\"b\",\"|;|\"\n"))
	f.Add([]byte("TEXT,SPEAKER,TEXT,date\na,b,c,2025-13-01\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		collect(t, ReadCSV(bytes.NewReader(data), "fuzz.csv"))
	})
}
