package index_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/quotebot/quotebot/quotes"
)

// TestGuildIsolationProperty fills an index with the shared test corpus and
// the quotes of eight guilds, each with words and speakers of its own, then
// for random pairs of guilds (A, B) and random queries aimed at B's quotes
// (B's words, misspelt, as prefixes, B's speakers, B's quote ids) checks
// that no method answering guild A returns, counts or suggests anything of
// B's. TestGuildIsolation covers one guild by hand; this covers the pairs.
func TestGuildIsolationProperty(t *testing.T) {
	ctx := context.Background()
	ix := newTestIndex(t, loadTestQuotes(t))
	words := []string{"walrus", "tangerine", "harpsichord", "nebula", "quokka", "zeppelin", "marzipan", "obsidian"}
	type guild struct {
		id, word, speaker string
		ids               []string
	}
	var guilds []*guild
	for n, w := range words {
		g := &guild{id: fmt.Sprint(1180211384745550000 + n), word: w, speaker: "Keeper " + strings.ToUpper(w[:1]) + w[1:]}
		for k := range 5 {
			q := quotes.Quote{Text: fmt.Sprintf("The %s sings of knowledge at midnight, verse %d.", w, k), Speaker: g.speaker, Guild: g.id}
			if _, err := ix.Add(ctx, q); err != nil {
				t.Fatal(err)
			}
			q.Normalize()
			g.ids = append(g.ids, q.ID)
		}
		guilds = append(guilds, g)
	}
	owner := map[string]*guild{}
	for _, g := range guilds {
		for _, id := range g.ids {
			owner[id] = g
		}
	}
	// leak fails t if q belongs to a guild other than a.
	leak := func(a *guild, what string, q quotes.Quote) {
		t.Helper()
		if q.Guild != "" && q.Guild != a.id {
			t.Fatalf("guild %s: %s returned %q of guild %s", a.id, what, q.Text, q.Guild)
		}
	}
	// mentions fails t if s names another guild's word or speaker.
	mentions := func(a *guild, what, s string) {
		t.Helper()
		low := strings.ToLower(s)
		for _, g := range guilds {
			if g != a && (strings.Contains(low, g.word) || strings.Contains(low, strings.ToLower(g.speaker))) {
				t.Fatalf("guild %s: %s = %q names guild %s's %q", a.id, what, s, g.id, g.word)
			}
		}
	}

	rng := rand.New(rand.NewPCG(6, 7))
	for range 150 {
		a, b := guilds[rng.IntN(len(guilds))], guilds[rng.IntN(len(guilds))]
		if a == b {
			continue
		}
		typo := b.word[:2] + b.word[3:] // one letter dropped
		queries := []string{b.word, typo, b.word[:4], "knowledge " + b.word, "sings " + typo, b.speaker, "midnight verse"}
		q := queries[rng.IntN(len(queries))]

		res, err := ix.Search(ctx, quotes.Query{Guild: a.id, Text: q, Limit: 25})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range res.Matches {
			leak(a, "Search "+q, m.Quote)
		}
		mentions(a, "the suggestion for "+q, res.Suggestion)
		if res.Total > 5*len(words)+20 {
			t.Fatalf("guild %s: Search %q counts %d, more than it can see", a.id, q, res.Total)
		}
		res, err = ix.Search(ctx, quotes.Query{Guild: a.id, Speaker: q, Limit: 25})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range res.Matches {
			leak(a, "Search by speaker "+q, m.Quote)
		}
		mentions(a, "the suggestion for speaker "+q, res.Suggestion)
		who, err := ix.WhoSaid(ctx, a.id, q, 5)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range who {
			leak(a, "WhoSaid "+q, w.Quote.Quote)
			mentions(a, "WhoSaid "+q, w.Speaker)
		}
		sug, err := ix.Suggest(ctx, a.id, q, 25)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range sug {
			leak(a, "Suggest "+q, m.Quote)
		}
		names, err := ix.Speakers(ctx, a.id, q[:min(len(q), 6)], 25)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			mentions(a, "Speakers "+q, n)
		}
		for _, sp := range []string{"", b.speaker} {
			r, err := ix.Random(ctx, a.id, sp)
			if err != nil && !errors.Is(err, quotes.ErrNotFound) {
				t.Fatal(err)
			}
			if err == nil {
				leak(a, "Random by "+sp, r)
			}
		}
		id := b.ids[rng.IntN(len(b.ids))]
		if got, err := ix.Get(ctx, a.id, id); !errors.Is(err, quotes.ErrNotFound) {
			t.Fatalf("guild %s: Get(%s) of guild %s = %q, %v", a.id, id, b.id, got.Text, err)
		}
		if err := ix.Delete(ctx, a.id, id); !errors.Is(err, quotes.ErrNotFound) {
			t.Fatalf("guild %s: Delete(%s) of guild %s = %v", a.id, id, b.id, err)
		}
	}

	// Counts: each guild sees the shared corpus and its own five.
	shared, err := ix.Count(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range guilds {
		if n, err := ix.Count(ctx, g.id); err != nil || n != shared+5 {
			t.Errorf("Count(%s) = %d, %v; want %d", g.id, n, err, shared+5)
		}
		// And the property has teeth: its own quotes are found.
		res, err := ix.Search(ctx, quotes.Query{Guild: g.id, Text: g.word})
		if err != nil || res.Total != 5 {
			t.Errorf("guild %s: Search %q = %d, %v; want its 5", g.id, g.word, res.Total, err)
		}
	}
}
