package index_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quotebot/quotebot/index"
	"github.com/quotebot/quotebot/quotes"
)

// benchIndex builds an on-disk index of quotable + fortunes (about 10.6k
// quotes) in a temp dir, and the remembered fragments to ask it about.
func benchIndex(b *testing.B) (*index.Index, []fragment) {
	b.Helper()
	qs := loadShared(b, "quotable", "fortunes")
	ix, err := index.Open(filepath.Join(b.TempDir(), "idx"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	if _, err := ix.AddBatch(context.Background(), qs); err != nil {
		b.Fatal(err)
	}
	// As after `quotebot import`: one segment, no merging while measured.
	if err := ix.Compact(context.Background(), 0); err != nil {
		b.Fatal(err)
	}
	return ix, rememberedFragments(qs, 100)
}

// reportLatency adds p50 and p99 of the calls' durations to the benchmark.
func reportLatency(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(d[len(d)*99/100].Microseconds())/1000, "p99-ms")
}

// benchCalls runs call for input after input, round and round, and reports
// the p50 and p99 of the calls' durations.
func benchCalls(b *testing.B, inputs []string, call func(ctx context.Context, in string) error) {
	ctx := context.Background()
	var lat []time.Duration
	i := 0
	for b.Loop() {
		in := inputs[i%len(inputs)]
		i++
		start := time.Now()
		if err := call(ctx, in); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	reportLatency(b, lat)
}

func fragmentTexts(frags []fragment) []string {
	out := make([]string, len(frags))
	for i, f := range frags {
		out[i] = f.text
	}
	return out
}

// BenchmarkWhoSaid asks who said each remembered fragment (five kinds,
// typos among them) of quotable + fortunes. Target: p99 under 5 ms.
func BenchmarkWhoSaid(b *testing.B) {
	ix, frags := benchIndex(b)
	benchCalls(b, fragmentTexts(frags), func(ctx context.Context, in string) error {
		_, err := ix.WhoSaid(ctx, "", in, 3)
		return err
	})
}

// BenchmarkSearch runs /quote searches for the same fragments.
func BenchmarkSearch(b *testing.B) {
	ix, frags := benchIndex(b)
	benchCalls(b, fragmentTexts(frags), func(ctx context.Context, in string) error {
		_, err := ix.Search(ctx, quotes.Query{Text: in, Limit: 5})
		return err
	})
}

// BenchmarkSearchSpeaker runs /quote searches for the first two words of
// each fragment, filtered by the last word of its speaker's name.
func BenchmarkSearchSpeaker(b *testing.B) {
	ix, frags := benchIndex(b)
	speakerOf := make(map[string]string) // search text → speaker filter
	var texts []string
	for _, f := range frags {
		words, names := strings.Fields(f.text), strings.Fields(f.speaker)
		if len(words) < 2 || len(names) == 0 {
			continue
		}
		text := words[0] + " " + words[1]
		if _, ok := speakerOf[text]; !ok {
			texts = append(texts, text)
		}
		speakerOf[text] = names[len(names)-1]
	}
	benchCalls(b, texts, func(ctx context.Context, in string) error {
		_, err := ix.Search(ctx, quotes.Query{Text: in, Speaker: speakerOf[in], Limit: 5})
		return err
	})
}

// BenchmarkSearchName runs /quote searches that name the speaker in the
// text, as members type them: the last word of the speaker's name, then the
// first two words of each fragment ("wilde we are").
func BenchmarkSearchName(b *testing.B) {
	ix, frags := benchIndex(b)
	var texts []string
	for _, f := range frags {
		words, names := strings.Fields(f.text), strings.Fields(f.speaker)
		if len(words) < 2 || len(names) == 0 {
			continue
		}
		texts = append(texts, names[len(names)-1]+" "+words[0]+" "+words[1])
	}
	benchCalls(b, texts, func(ctx context.Context, in string) error {
		_, err := ix.Search(ctx, quotes.Query{Text: in, Limit: 5})
		return err
	})
}

// typed is what a member has typed of each of texts, a character at a time,
// up to limit characters.
func typed(texts []string, limit int) []string {
	var out []string
	for _, t := range texts {
		for n := 1; n <= min(limit, len(t)); n++ {
			out = append(out, t[:n])
		}
	}
	return out
}

// BenchmarkSuggest types each fragment a character at a time, as a member
// does in an autocomplete box.
func BenchmarkSuggest(b *testing.B) {
	ix, frags := benchIndex(b)
	benchCalls(b, typed(fragmentTexts(frags[:50]), 12), func(ctx context.Context, in string) error {
		_, err := ix.Suggest(ctx, "", in, 10)
		return err
	})
}

// BenchmarkSpeakers types speakers' names a character at a time into the
// speaker option's autocomplete.
func BenchmarkSpeakers(b *testing.B) {
	ix, frags := benchIndex(b)
	var names []string
	for _, f := range frags[:50] {
		names = append(names, f.speaker)
	}
	benchCalls(b, typed(names, 8), func(ctx context.Context, in string) error {
		_, err := ix.Speakers(ctx, "", in, 25)
		return err
	})
}

// BenchmarkAddBatch measures bulk import into an on-disk index.
func BenchmarkAddBatch(b *testing.B) {
	qs := loadShared(b, "quotable")
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		ix, err := index.Open(filepath.Join(b.TempDir(), "idx"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := ix.AddBatch(ctx, qs); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		ix.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(qs))*float64(b.N)/b.Elapsed().Seconds(), "quotes/s")
}
