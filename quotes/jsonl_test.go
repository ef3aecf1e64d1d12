package quotes

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestReadJSONLGood(t *testing.T) {
	f := openTestdata(t, "good.jsonl")
	c := collect(t, ReadJSONL(f, "good.jsonl"))
	if len(c.errs) != 0 {
		t.Fatalf("errors = %v, want none", c.errs)
	}
	want := []Quote{
		{
			Text:    "In the depth of winter, I finally learned that there was within me an invincible summer.",
			Speaker: "Albert Camus",
			Tags:    []string{"Famous Quotes", "Inspirational"},
		},
		{
			Text:    "The abundant fruits of another year have blessed our country with plenty.",
			Speaker: "George Washington",
			Source:  Source{Title: "State of the Union Address, 1790", Date: "1790"},
		},
		{
			Text:    "We are ready to do everything in our power.",
			Speaker: "Dmitry Peskov",
			Role:    "Kremlin spokesman",
			Source:  Source{Title: "Talks", Publisher: "Reuters", URL: "https://example.com/a", Date: "2025-03-04"},
		},
		{
			Text:    "Natural.",
			Speaker: "Esmaeil Baqaei",
			Source:  Source{URL: "https://example.com/b", Date: "2025-03-04"},
			Tags:    []string{"Iran", "diplomacy", "news"},
		},
		{
			ID:         "k3f9x2ab7c",
			Text:       "Line one\nline two",
			Speaker:    "Ann",
			Source:     Source{Title: "Chat"},
			Guild:      "123",
			AddedBy:    "456",
			AddedAt:    time.Date(2025, 1, 2, 3, 4, 5, 123456789, time.UTC),
			MessageURL: "https://discord.com/channels/1/2/3",
			Tags:       []string{"a", "b"},
		},
	}
	checkQuotes(t, c.quotes, want)
	// quotable's upstream ID is not ours: the ID is derived instead.
	if got, want := c.quotes[0].ID, NewID("", "Albert Camus", c.quotes[0].Text); got != want {
		t.Errorf("ID of a quote with a foreign id = %q, want derived %q", got, want)
	}
}

func TestReadJSONLBOMAndCRLF(t *testing.T) {
	f := openTestdata(t, "bom-crlf.jsonl")
	c := collect(t, ReadJSONL(f, "bom-crlf.jsonl"))
	if len(c.errs) != 0 || len(c.quotes) != 2 {
		t.Fatalf("got %d quotes, errors %v; want 2 quotes, no errors", len(c.quotes), c.errs)
	}
	if c.quotes[0].Speaker != "Bo" || c.quotes[1].Text != "CRLF too." {
		t.Errorf("quotes = %+v", c.quotes)
	}
}

func TestReadJSONLBroken(t *testing.T) {
	f := openTestdata(t, "broken.jsonl")
	c := collect(t, ReadJSONL(f, "broken.jsonl"))
	if got, want := c.speakers(), "A,H"; got != want {
		t.Errorf("speakers read = %s, want %s", got, want)
	}
	wantErrs := []wantRecordError{
		{2, ErrInvalid, "malformed JSON"},
		{3, ErrInvalid, `field "text" is a JSON number, want a string`},
		{4, ErrNoSpeaker, "no speaker"},
		{5, ErrInvalid, "empty text"},
		{6, ErrInvalid, "source date"},
		{7, ErrInvalid, "source is a number, want a string or an object"},
		{8, ErrInvalid, "the record is a JSON array, want an object"},
		{9, ErrInvalid, "21 tags"},
	}
	checkRecordErrors(t, c.errs, "broken.jsonl", wantErrs)
}

func TestReadJSONLLongLine(t *testing.T) {
	long := `{"text": "` + strings.Repeat("x", maxLine) + `", "speaker": "Big"}`
	in := `{"text": "Before.", "speaker": "A"}` + "\n" + long + "\n" + `{"text": "After.", "speaker": "B"}`
	c := collect(t, ReadJSONL(strings.NewReader(in), "long.jsonl"))
	if len(c.quotes) != 2 {
		t.Errorf("got %d quotes, want 2", len(c.quotes))
	}
	checkRecordErrors(t, c.errs, "long.jsonl", []wantRecordError{{2, ErrInvalid, "line longer than 1048576 bytes"}})
}

// TestReadJSONLArray reads collections published as one JSON array, pretty
// or on one line: each element is a record, reported at the line it starts
// on.
func TestReadJSONLArray(t *testing.T) {
	pretty := "\uFEFF[\n" +
		"  {\"quote\": \"Stay hungry.\", \"author\": \"Steve Jobs\"},\n" +
		"  {\"quote\": \"No speaker.\"},\n" +
		"  {\n    \"content\": \"Less is more.\",\n    \"author\": \"Ludwig Mies\"\n  },\n" +
		"  42\n" +
		"]\n"
	c := collect(t, ReadJSONL(strings.NewReader(pretty), "quotes.json"))
	checkQuotes(t, c.quotes, []Quote{
		{Text: "Stay hungry.", Speaker: "Steve Jobs"},
		{Text: "Less is more.", Speaker: "Ludwig Mies"},
	})
	var lines []int
	for _, err := range c.errs {
		var re *RecordError
		if !errors.As(err, &re) {
			t.Fatalf("error %v, want *RecordError", err)
		}
		lines = append(lines, re.Line)
	}
	if got := fmt.Sprint(lines); got != "[3 8]" {
		t.Errorf("bad records at lines %s, want [3 8]", got)
	}

	oneLine := `[{"text":"A.","speaker":"B"},{"text":"C.","speaker":"D"}]`
	if c := collect(t, ReadJSONL(strings.NewReader(oneLine), "min.json")); len(c.quotes) != 2 || len(c.errs) != 0 {
		t.Errorf("one-line array: %d quotes, errors %v; want 2 quotes", len(c.quotes), c.errs)
	}
}

// TestReadJSONLArrayBroken cuts arrays short and overfills an element: what
// came before is read, then one error that ends reading, naming the line.
func TestReadJSONLArrayBroken(t *testing.T) {
	good := `{"text":"A.","speaker":"B"},` + "\n"
	for _, tt := range []struct{ name, in, want string }{
		{"cut short", "[\n" + good + `{"text":"C`, "cut.json:2: element 2"},
		{"no end", "[\n" + good + `{"text":"C.","speaker":"D"}` + "\n", "cut.json:3: the end of the array"},
		{"not JSON", "[\n" + good + "{text: 1}]", "cut.json:2: element 2"},
		{"more after it", "[\n" + good + `{"text":"C.","speaker":"D"}]` + "\n" + good, "cut.json:4: more after the JSON array"},
		{"huge element", "[\n" + good + `{"text":"` + strings.Repeat("x", 2*maxLine) + `"}]`, "over 1048576 bytes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := collect(t, ReadJSONL(strings.NewReader(tt.in), "cut.json"))
			if len(c.quotes) < 1 || len(c.errs) != 1 {
				t.Fatalf("got %d quotes, errors %v; want the first quote, then one error", len(c.quotes), c.errs)
			}
			var re *RecordError
			if errors.As(c.errs[0], &re) || !strings.Contains(c.errs[0].Error(), tt.want) {
				t.Errorf("error = %v, want a fatal error saying %q", c.errs[0], tt.want)
			}
		})
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	quotes := []Quote{
		{
			Text:      "Line one\nline two, with <html> & \"quotes\"",
			Speaker:   "Ann Example",
			SpeakerID: "80351110224678912",
			Role:      "Kremlin spokesman",
			Source:    Source{Title: "Talks", Publisher: "Reuters", URL: "https://example.com/a?b=c&d", Date: "2025-03"},
			Guild:     "1234567890",
			AddedBy:   "42",
			// A zone other than UTC: the instant survives, as RFC 3339 keeps it.
			AddedAt:    time.Date(2025, 1, 2, 3, 4, 5, 123456789, time.FixedZone("CET", 3600)),
			MessageURL: "https://discord.com/channels/1/2/3",
			Tags:       []string{"politics", "Russia"},
		},
		{Text: "Plain.", Speaker: "Bob"},
		// A collection's record like this one is split (see
		// TestReadJSONLSplitsAttributed); an export is not.
		{Text: "To be.\n\t\t-- Shakespeare\nTo do.", Speaker: "Sinatra"},
		{Text: "Shared corpus, no source.", Speaker: "Cy", AddedAt: time.Date(2024, 12, 31, 23, 59, 59, 0, time.UTC)},
		{Text: "Unicode \u2028 is not allowed, but é and 😀 are.", Speaker: "Zoë"},
	}
	quotes[4].Text = "Unicode é and 😀 and \t tabs."
	// The first quote sets every field, so a field the reader forgets to
	// read back fails the round trip.
	full := reflect.ValueOf(quotes[0])
	for i := 0; i < full.NumField(); i++ {
		if full.Field(i).IsZero() && full.Type().Field(i).Name != "ID" {
			t.Fatalf("round-trip fixture leaves Quote.%s unset", full.Type().Field(i).Name)
		}
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	for i := range quotes {
		quotes[i].Normalize()
		if err := WriteJSONL(w, quotes[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(buf.Bytes(), []byte("\n")); n != len(quotes) {
		t.Fatalf("WriteJSONL wrote %d lines for %d quotes:\n%s", n, len(quotes), buf.Bytes())
	}
	c := collect(t, ReadJSONL(&buf, "export.jsonl"))
	if len(c.errs) != 0 || len(c.quotes) != len(quotes) {
		t.Fatalf("read back %d quotes, errors %v; want %d quotes", len(c.quotes), c.errs, len(quotes))
	}
	for i := range quotes {
		if !equalQuotes(c.quotes[i], quotes[i]) {
			t.Errorf("quote %d after round trip:\n got %+v\nwant %+v", i, c.quotes[i], quotes[i])
		}
	}
}

func TestWriteJSONLShape(t *testing.T) {
	var buf bytes.Buffer
	q := Quote{Text: "a <b>", Speaker: "S", Source: Source{Title: "T"}}
	q.Normalize()
	if err := WriteJSONL(&buf, q); err != nil {
		t.Fatal(err)
	}
	want := `{"id":"` + q.ID + `","text":"a <b>","speaker":"S","source":{"title":"T"}}` + "\n"
	if got := buf.String(); got != want {
		t.Errorf("WriteJSONL wrote %s, want %s", got, want)
	}
}

func TestReadJSONLSplitsAttributed(t *testing.T) {
	in := `{"text": "To be.\n\t\t-- Shakespeare, Hamlet\nTo do.", "speaker": "Sinatra", "tags": ["be"]}`
	c := collect(t, ReadJSONL(strings.NewReader(in), "two.jsonl"))
	want := []Quote{
		{Text: "To be.", Speaker: "Shakespeare", Source: Source{Title: "Hamlet"}, Tags: []string{"be"}},
		{Text: "To do.", Speaker: "Sinatra", Tags: []string{"be"}},
	}
	if len(c.errs) != 0 {
		t.Fatalf("errors %v", c.errs)
	}
	checkQuotes(t, c.quotes, want)
}

// TestReadSharedJSONL imports every collection in ../shared/data and counts
// the quotes: every line is a good quote, and 92 of the fortunes' 8,518
// records hold several attributed quotes each ("To be or not to be.\n\t\t--
// Shakespeare\nTo do is to be.\n\t\t-- Nietzsche…"), 258 in all.
func TestReadSharedJSONL(t *testing.T) {
	for _, tt := range []struct {
		dir  string
		want int
	}{
		{"quotable", 2127},
		{"fortunes", 8518 - 92 + 258},
		{"sotu", 60802},
	} {
		t.Run(tt.dir, func(t *testing.T) {
			f := openShared(t, tt.dir+"/quotes.jsonl")
			n := 0
			for q, err := range ReadJSONL(f, tt.dir+"/quotes.jsonl") {
				if err != nil {
					t.Errorf("%v", err)
					continue
				}
				if q.Speaker == "" || q.ID == "" {
					t.Errorf("quote without speaker or ID: %+v", q)
				}
				n++
			}
			if n != tt.want {
				t.Errorf("read %d quotes from %s, want %d", n, tt.dir, tt.want)
			}
		})
	}
}

func BenchmarkReadJSONLSotu(b *testing.B) {
	data, err := os.ReadFile(sharedData + "/sotu/quotes.jsonl")
	if err != nil {
		b.Skipf("skipping: %v (the shared corpora live in ../shared)", err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := 0
		for _, err := range ReadJSONL(bytes.NewReader(data), "sotu") {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 60802 {
			b.Fatalf("read %d quotes, want 60802", n)
		}
	}
}

func FuzzReadJSONL(f *testing.F) {
	addSeeds(f, "good.jsonl", "broken.jsonl", "bom-crlf.jsonl")
	f.Add([]byte(`{"text":"a","speaker":"b","source":null,"tags":null,"year":-1,"id":7}`))
	f.Add([]byte("[1]\n{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		collect(t, ReadJSONL(bytes.NewReader(data), "fuzz.jsonl"))
	})
}
