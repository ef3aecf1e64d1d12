package index_test

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/quotebot/quotebot/index"
	"github.com/quotebot/quotebot/quotes"
)

// FuzzSearch feeds arbitrary user text to every read that takes it: none may
// fail, panic or return more than it was asked for, and bleve query syntax
// must stay plain text.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{
		"", "*", "?", "/.*e.*/", "text:foo", "+a -b", "~2", "\"unclosed", "a\x00b", "\xff\xfe",
		"ready to do everything", "imagniation", "((((((((((", "speaker:\"x\"^10", "a AND b OR NOT c",
	} {
		f.Add(s)
	}
	ix, err := index.OpenMem()
	if err != nil {
		f.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	if _, err := ix.AddBatch(ctx, loadTestQuotes(f)); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		res, err := ix.Search(ctx, quotes.Query{Text: s, Speaker: s, Limit: 5})
		if err != nil {
			t.Fatalf("Search(%q): %v", s, err)
		}
		if len(res.Matches) > 5 {
			t.Fatalf("Search(%q) returned %d matches, limit 5", s, len(res.Matches))
		}
		for _, m := range res.Matches {
			for _, sp := range m.Highlights {
				if sp.Start < 0 || sp.End > len(m.Quote.Text) || sp.Start >= sp.End {
					t.Fatalf("Search(%q): highlight %v outside %q", s, sp, m.Quote.Text)
				}
			}
		}
		if _, err := ix.WhoSaid(ctx, "", s, 3); err != nil {
			t.Fatalf("WhoSaid(%q): %v", s, err)
		}
		if _, err := ix.Suggest(ctx, "", s, 5); err != nil {
			t.Fatalf("Suggest(%q): %v", s, err)
		}
		names, err := ix.Speakers(ctx, "", s, 5)
		if err != nil {
			t.Fatalf("Speakers(%q): %v", s, err)
		}
		for _, n := range names {
			if !utf8.ValidString(n) {
				t.Fatalf("Speakers(%q) returned invalid UTF-8 %q", s, n)
			}
		}
	})
}
