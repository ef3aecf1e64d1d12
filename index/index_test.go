package index_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/quotebot/quotebot/index"
	"github.com/quotebot/quotebot/quotes"
)

// loadTestQuotes reads testdata/quotes.jsonl, a small corpus of quotes in
// quotebot's own JSON form.
func loadTestQuotes(t testing.TB) []quotes.Quote {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "quotes.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []quotes.Quote
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q quotes.Quote
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("testdata/quotes.jsonl: %v", err)
		}
		qs = append(qs, q)
	}
	return qs
}

// newTestIndex returns an in-memory index holding qs.
func newTestIndex(t testing.TB, qs []quotes.Quote) *index.Index {
	t.Helper()
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.AddBatch(context.Background(), qs); err != nil {
		t.Fatalf("AddBatch: %v", err)
	}
	return ix
}

func speakersOf(ms []quotes.Match) []string {
	out := []string{}
	for _, m := range ms {
		if !slices.Contains(out, m.Quote.Speaker) {
			out = append(out, m.Quote.Speaker)
		}
	}
	return out
}

// TestSearches runs the cases of testdata/searches.json: each names the
// speakers whose quotes must come back, best first (a prefix of the result).
func TestSearches(t *testing.T) {
	ix := newTestIndex(t, loadTestQuotes(t))
	b, err := os.ReadFile(filepath.Join("testdata", "searches.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name    string   `json:"name"`
		Query   string   `json:"query"`
		Speaker string   `json:"speaker"`
		Want    []string `json:"want"`
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), quotes.Query{Text: c.Query, Speaker: c.Speaker, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			got := speakersOf(res.Matches)
			if len(c.Want) == 0 {
				if len(got) != 0 {
					t.Errorf("Search(%q) = %v, want nothing", c.Query, got)
				}
				return
			}
			if len(got) < len(c.Want) || !slices.Equal(got[:len(c.Want)], c.Want) {
				t.Errorf("Search(%q, speaker %q) = %v, want first %v", c.Query, c.Speaker, got, c.Want)
			}
		})
	}
}

func TestWhoSaidSeed(t *testing.T) {
	ix := newTestIndex(t, loadTestQuotes(t))
	for _, c := range []struct{ phrase, want string }{
		{"ready to do everything in its power", "Dmitry Peskov"},
		{"natural", "Iranian foreign ministry spokesman"},
		{"only thing we have to fear", "Franklin D. Roosevelt"},
		{"imagination is more importnat than knowledge", "Albert Einstein"},
	} {
		best, ok := whoSaidFirst(t, ix, c.phrase, c.want)
		if ok && (best.Confidence <= 0 || best.Confidence > 1) {
			t.Errorf("WhoSaid(%q) confidence = %v, want in (0,1]", c.phrase, best.Confidence)
		}
	}
}

// whoSaidFirst asks ix who said phrase and reports an error unless want
// comes first; it returns the first answer and whether it was want.
func whoSaidFirst(t *testing.T, ix *index.Index, phrase, want string) (quotes.Attribution, bool) {
	t.Helper()
	got, err := ix.WhoSaid(context.Background(), "", phrase, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || got[0].Speaker != want {
		t.Errorf("WhoSaid(%q) = %v, want %q first", phrase, got, want)
		return quotes.Attribution{}, false
	}
	return got[0], true
}

// TestWhoSaidContractions asks with a contraction written out, or written
// out where the quote contracts it: as typed, these find nobody.
func TestWhoSaidContractions(t *testing.T) {
	qs := append(loadTestQuotes(t),
		quotes.Quote{Text: "God doesn't play dice with the universe.", Speaker: "Albert Einstein"},
		quotes.Quote{Text: "People have got to know whether or not their president is a crook. Well, I am not a crook.", Speaker: "Richard Nixon"},
	)
	ix := newTestIndex(t, qs)
	for _, c := range []struct{ phrase, want string }{
		{"god does not play dice", "Albert Einstein"},
		{"I'm not a crook", "Richard Nixon"},
	} {
		whoSaidFirst(t, ix, c.phrase, c.want)
	}
}

func TestWhoSaidNobody(t *testing.T) {
	ix := newTestIndex(t, loadTestQuotes(t))
	for _, phrase := range []string{"zebra helicopter", "the", "", "purple elephants dancing in the"} {
		got, err := ix.WhoSaid(context.Background(), "", phrase, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("WhoSaid(%q) = %v, want nobody", phrase, got)
		}
	}
}

func TestAddIdempotent(t *testing.T) {
	qs := loadTestQuotes(t)
	ix := newTestIndex(t, qs)
	ctx := context.Background()
	st, err := ix.AddBatch(ctx, qs)
	if err != nil {
		t.Fatal(err)
	}
	if st.Added != 0 || st.Unchanged != len(qs) {
		t.Errorf("second AddBatch = %+v, want 0 added, %d unchanged", st, len(qs))
	}
	n, err := ix.Count(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if n != len(qs) {
		t.Errorf("Count = %d, want %d", n, len(qs))
	}
}

func TestAddRejectsInvalid(t *testing.T) {
	ix := newTestIndex(t, nil)
	ctx := context.Background()
	for _, q := range []quotes.Quote{
		{Text: "", Speaker: "x"},
		{Text: "bad \x00 byte", Speaker: "x"},
		{Text: "bad utf8 \xff", Speaker: "x"},
	} {
		if _, err := ix.Add(ctx, q); !errors.Is(err, quotes.ErrInvalid) {
			t.Errorf("Add(%q) error = %v, want ErrInvalid", q.Text, err)
		}
	}
	good := quotes.Quote{Text: "fine", Speaker: "x"}
	st, err := ix.AddBatch(ctx, []quotes.Quote{{Text: ""}, good})
	var be *index.BatchError
	if !errors.As(err, &be) || len(be.Rejected) != 1 || be.Rejected[0].Pos != 0 {
		t.Fatalf("AddBatch error = %v, want one rejection at 0", err)
	}
	if st.Added != 1 {
		t.Errorf("AddBatch added %d, want the valid quote added", st.Added)
	}
}

func TestGuildIsolation(t *testing.T) {
	ctx := context.Background()
	ix := newTestIndex(t, loadTestQuotes(t))
	secret := quotes.Quote{Text: "the purple walrus sings at midnight", Speaker: "Alice Secret", Guild: "111"}
	if _, err := ix.Add(ctx, secret); err != nil {
		t.Fatal(err)
	}
	secret.Normalize()

	res, err := ix.Search(ctx, quotes.Query{Guild: "111", Text: "purple walrus"})
	if err != nil || res.Total != 1 {
		t.Fatalf("owner guild search = %+v, %v; want the quote", res, err)
	}
	for _, g := range []string{"", "222"} {
		res, err := ix.Search(ctx, quotes.Query{Guild: g, Text: "purple walrus", Speaker: "alice"})
		if err != nil || res.Total != 0 {
			t.Errorf("guild %q Search = %d hits, %v; want none", g, res.Total, err)
		}
		if res.Suggestion != "" && res.Suggestion != "purple walrus" {
			// A suggestion must not leak the other guild's speaker either.
			if res.Suggestion == "Alice Secret" {
				t.Errorf("guild %q suggestion leaks %q", g, res.Suggestion)
			}
		}
		who, err := ix.WhoSaid(ctx, g, "purple walrus sings", 3)
		if err != nil || len(who) != 0 {
			t.Errorf("guild %q WhoSaid = %v, %v; want nobody", g, who, err)
		}
		if _, err := ix.Get(ctx, g, secret.ID); !errors.Is(err, quotes.ErrNotFound) {
			t.Errorf("guild %q Get = %v, want ErrNotFound", g, err)
		}
		if err := ix.Delete(ctx, g, secret.ID); !errors.Is(err, quotes.ErrNotFound) {
			t.Errorf("guild %q Delete = %v, want ErrNotFound", g, err)
		}
		names, err := ix.Speakers(ctx, g, "ali", 25)
		if err != nil || slices.Contains(names, "Alice Secret") {
			t.Errorf("guild %q Speakers = %v, %v; must not list Alice Secret", g, names, err)
		}
		sug, err := ix.Suggest(ctx, g, "purple wal", 25)
		if err != nil || len(sug) != 0 {
			t.Errorf("guild %q Suggest = %v, %v; want none", g, sug, err)
		}
		for range 20 {
			q, err := ix.Random(ctx, g, "")
			if err != nil || q.Guild != "" {
				t.Fatalf("guild %q Random = %+v, %v; want a shared quote", g, q, err)
			}
		}
	}
	if _, err := ix.Random(ctx, "222", "alice secret"); !errors.Is(err, quotes.ErrNotFound) {
		t.Errorf("Random by another guild's speaker = %v, want ErrNotFound", err)
	}
	if q, err := ix.Random(ctx, "111", "alice secret"); err != nil || q.ID != secret.ID {
		t.Errorf("owner Random by speaker = %v, %v", q.ID, err)
	}
	if err := ix.Delete(ctx, "111", secret.ID); err != nil {
		t.Errorf("owner Delete = %v", err)
	}
	if _, err := ix.Get(ctx, "111", secret.ID); !errors.Is(err, quotes.ErrNotFound) {
		t.Errorf("Get after Delete = %v, want ErrNotFound", err)
	}
}

func TestSpeakers(t *testing.T) {
	ix := newTestIndex(t, loadTestQuotes(t))
	ctx := context.Background()
	for _, c := range []struct {
		prefix string
		want   string
	}{
		{"pesk", "Dmitry Peskov"},
		{"dmitry p", "Dmitry Peskov"},
		{"EINSTEIN", "Albert Einstein"},
		{"", "Albert Einstein"}, // most quotes first
	} {
		got, err := ix.Speakers(ctx, "", c.prefix, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("Speakers(%q) = %v, want %q first", c.prefix, got, c.want)
		}
	}
}

// TestSpeakersOnDisk ranks speakers by their quotes in a merged index on
// disk, where zapx v17.2.5 miscounts dictionary entries: after a term held by
// one quote, every later term on the same iterator reads as held by one
// (blevesearch/zapx#445).
func TestSpeakersOnDisk(t *testing.T) {
	ix, err := index.Open(filepath.Join(t.TempDir(), "idx"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	// Two batches, two segments; Compact merges them, and the merge writes
	// a term held by one quote in the 1-hit encoding.
	var first, second []quotes.Quote
	for i := range 6 {
		first = append(first, quotes.Quote{Text: fmt.Sprintf("Relativity note number %d.", i), Speaker: "Albert Einstein"})
	}
	second = append(second,
		quotes.Quote{Text: "One note only.", Speaker: "A. Einstein"},
		quotes.Quote{Text: "Another single note.", Speaker: "Aaron Abel"},
		quotes.Quote{Text: "A third note.", Speaker: "Ada Lovelace"},
		quotes.Quote{Text: "A fourth note.", Speaker: "Ada Lovelace"},
	)
	for _, batch := range [][]quotes.Quote{first, second} {
		if _, err := ix.AddBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Compact(ctx, 0); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		prefix string
		want   []string
	}{
		{"einstein", []string{"Albert Einstein", "A. Einstein"}},
		{"a", []string{"Albert Einstein", "Ada Lovelace", "A. Einstein", "Aaron Abel"}},
	} {
		got, err := ix.Speakers(ctx, "", c.prefix, 5)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Speakers(%q) = %q, want %q", c.prefix, got, c.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	ix := newTestIndex(t, loadTestQuotes(t))
	for _, c := range []struct{ prefix, want string }{
		{"ready to do ev", "Dmitry Peskov"},
		{"imag", "Albert Einstein"},
		{"gutter ", "Oscar Wilde"},
	} {
		got, err := ix.Suggest(context.Background(), "", c.prefix, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 || got[0].Quote.Speaker != c.want {
			t.Errorf("Suggest(%q) = %v, want %q first", c.prefix, speakersOf(got), c.want)
		}
	}
}

func TestHighlights(t *testing.T) {
	ix := newTestIndex(t, loadTestQuotes(t))
	res, err := ix.Search(context.Background(), quotes.Query{Text: "ready to do everything"})
	if err != nil || len(res.Matches) == 0 {
		t.Fatalf("Search = %v, %v", res, err)
	}
	m := res.Matches[0]
	got := quotes.Mark(m.Quote.Text, m.Highlights, "[", "]")
	// "to" stands alone before "achieve": common words are marked only
	// beside another matched word.
	want := "is [ready to do everything] in its power to achieve this."
	if got != want {
		t.Errorf("highlighted = %q, want %q", got, want)
	}
}

// TestWhoSaidHighlights marks the words that hold the phrase, not every
// word of the quote the phrase also has: the "to" after "power" is not the
// phrase's.
func TestWhoSaidHighlights(t *testing.T) {
	ix := newTestIndex(t, loadTestQuotes(t))
	got, err := ix.WhoSaid(context.Background(), "", "ready to do everything in its powr", 1)
	if err != nil || len(got) == 0 {
		t.Fatalf("WhoSaid = %v, %v", got, err)
	}
	m := got[0].Quote
	if marked, want := quotes.Mark(m.Quote.Text, m.Highlights, "[", "]"), "is [ready to do everything in its power] to achieve this."; marked != want {
		t.Errorf("highlighted = %q, want %q", marked, want)
	}
}

func TestSuggestionOnNoMatch(t *testing.T) {
	ix := newTestIndex(t, loadTestQuotes(t))
	ctx := context.Background()
	res, err := ix.Search(ctx, quotes.Query{Text: "imagination", Speaker: "einstien"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 || res.Suggestion != "Albert Einstein" {
		t.Errorf("Search by misspelt speaker = %d hits, suggestion %q; want 0 and Albert Einstein", res.Total, res.Suggestion)
	}
	// A speaker with quotes and words no quote of theirs holds: the words
	// are wrong, not the speaker.
	res, err = ix.Search(ctx, quotes.Query{Text: "zzyzx", Speaker: "einstein"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 || res.Suggestion != "" {
		t.Errorf("Search by a right speaker for unknown words = %d hits, suggestion %q; want 0 and none", res.Total, res.Suggestion)
	}
}

func TestOpenOnDisk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	ctx := context.Background()
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	q := quotes.Quote{Text: "persist me", Speaker: "Disk"}
	if _, err := ix.Add(ctx, q); err != nil {
		t.Fatal(err)
	}
	if _, err := index.Open(dir); !errors.Is(err, index.ErrLocked) {
		t.Errorf("second Open = %v, want ErrLocked", err)
	}
	ix = reopen(t, ix, dir)
	q.Normalize()
	got, err := ix.Get(ctx, "", q.ID)
	if err != nil || got.Text != "persist me" {
		t.Errorf("Get after reopen = %+v, %v", got, err)
	}
}

func TestAllStreamsEverything(t *testing.T) {
	qs := loadTestQuotes(t)
	ix := newTestIndex(t, qs)
	n := 0
	for q, err := range ix.All(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		if q.ID == "" || q.Text == "" {
			t.Errorf("All yielded %+v", q)
		}
		n++
	}
	if n != len(qs) {
		t.Errorf("All yielded %d quotes, want %d", n, len(qs))
	}
}

// TestAddBulkKeptByClose checks the bulk path's promise: quotes AddBulk
// took in are searchable at once and on disk once Close returns (bleve,
// in unsafe_batch mode, would drop the batches it had not yet persisted).
func TestAddBulkKeptByClose(t *testing.T) {
	ctx := context.Background()
	dir, ix := openTemp(t)
	qs := numbered(5000, "Bulk quote number %d is kept.")
	for chunk := range slices.Chunk(qs, 500) {
		st, err := ix.AddBulk(ctx, chunk)
		if err != nil || st.Added != len(chunk) {
			t.Fatalf("AddBulk = %+v, %v", st, err)
		}
	}
	if n, err := ix.Count(ctx, ""); err != nil || n != len(qs) {
		t.Fatalf("Count before Close = %d, %v; want %d (searchable at once)", n, err, len(qs))
	}
	ix = reopen(t, ix, dir)
	if n, err := ix.Count(ctx, ""); err != nil || n != len(qs) {
		t.Errorf("Count after reopening = %d, %v; want %d", n, err, len(qs))
	}
}

// TestLargeBatchInParts checks a bulk write large enough to be split in
// parts that bleve takes in at once: each quote lands once, counted once,
// whether new or already stored.
func TestLargeBatchInParts(t *testing.T) {
	ctx := context.Background()
	dir, ix := openTemp(t)
	qs := numbered(1000, "Quote %d of a large batch.")
	var old []quotes.Quote // every third quote is stored first
	for i := 0; i < len(qs); i += 3 {
		old = append(old, qs[i])
	}
	if st, err := ix.AddBatch(ctx, old); err != nil || st.Added != len(old) {
		t.Fatalf("first AddBatch = %+v, %v; want %d added", st, err, len(old))
	}
	st, err := ix.AddBulk(ctx, append(qs, qs[:10]...))
	if err != nil || st.Added != len(qs)-len(old) || st.Unchanged != len(old)+10 {
		t.Fatalf("AddBulk = %+v, %v; want %d added, %d unchanged", st, err, len(qs)-len(old), len(old)+10)
	}
	cp := reopen(t, ix, dir)
	if n, err := cp.Count(ctx, ""); err != nil || n != len(qs) {
		t.Errorf("Count after reopening = %d, %v; want %d", n, err, len(qs))
	}
	for _, i := range []int{0, 1, 499, 500, 998, 999} {
		if _, err := cp.Get(ctx, "", qs[i].ID); err != nil {
			t.Errorf("Get(quote %d): %v", i, err)
		}
	}
}

// TestConcurrentWritesCountOnce has writers race to store the same quotes,
// in bulk and one batch at a time: each quote is stored once, and counted
// added by exactly one of them.
func TestConcurrentWritesCountOnce(t *testing.T) {
	ctx := context.Background()
	_, ix := openTemp(t)
	defer ix.Close()
	qs := numbered(600, "Contested quote %d.")
	var mu sync.Mutex
	var added, unchanged int
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			mine := slices.Clone(qs)
			rand.New(rand.NewPCG(uint64(w), 1)).Shuffle(len(mine), func(i, j int) { mine[i], mine[j] = mine[j], mine[i] })
			for chunk := range slices.Chunk(mine, 300) {
				add := ix.AddBatch
				if w%2 == 0 {
					add = ix.AddBulk
				}
				st, err := add(ctx, chunk)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				added += st.Added
				unchanged += st.Unchanged
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if added != len(qs) || unchanged != 3*len(qs) {
		t.Errorf("added %d, unchanged %d; want %d and %d", added, unchanged, len(qs), 3*len(qs))
	}
	if n, err := ix.Count(ctx, ""); err != nil || n != len(qs) {
		t.Errorf("Count = %d, %v; want %d", n, err, len(qs))
	}
}

// openTemp opens a new index in a temporary directory; reopen closes it.
func openTemp(t *testing.T) (string, *index.Index) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, ix
}

// numbered is n normalised quotes whose texts are format with 0 … n-1,
// shared among a few speakers.
func numbered(n int, format string) []quotes.Quote {
	qs := make([]quotes.Quote, n)
	for i := range qs {
		qs[i] = quotes.Quote{Text: fmt.Sprintf(format, i), Speaker: fmt.Sprintf("Speaker %d", i%7)}
		qs[i].Normalize()
	}
	return qs
}

// reopen closes ix and opens dir again, as the next process would; the
// test closes the new index at its end.
func reopen(t *testing.T, ix *index.Index, dir string) *index.Index {
	t.Helper()
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}
