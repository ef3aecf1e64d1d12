package index_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/quotebot/quotebot/quotes"
)

// sharedData is where ../shared/data lies, seen from this package.
var sharedData = filepath.Join("..", "..", "shared", "data")

// loadShared reads ../shared/data/NAME/quotes.jsonl, skipping the test when
// the folder is absent (a clone without ../shared beside it).
func loadShared(t testing.TB, names ...string) []quotes.Quote {
	t.Helper()
	var qs []quotes.Quote
	for _, name := range names {
		path := filepath.Join(sharedData, name, "quotes.jsonl")
		f, err := os.Open(path)
		if os.IsNotExist(err) {
			t.Skipf("skipping: %s is absent (the shared collections lie in ../shared beside the repository)", path)
		}
		if err != nil {
			t.Fatal(err)
		}
		bad := 0
		for q, err := range quotes.ReadJSONL(f, path) {
			var rerr *quotes.RecordError
			if errors.As(err, &rerr) {
				bad++ // e.g. fortunes with backspace overstrikes: rejected, as import does
				continue
			}
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			qs = append(qs, q)
		}
		f.Close()
		if bad > 0 {
			t.Logf("%s: %d records rejected by validation", path, bad)
		}
	}
	return qs
}

// fragment is a remembered piece of a quote and the speaker who said it.
type fragment struct {
	kind, text, speaker, source string
}

// fragmentKinds are the ways people misremember a quote: exact words, lower
// case without punctuation, a dropped word, a changed word form, a typo.
var fragmentKinds = []string{"exact", "lowercase", "dropped word", "word form", "typo"}

// rememberedFragments draws n fragments of each kind from qs with a fixed
// seed. A fragment is 5 to 9 consecutive words of one quote whose words occur
// in that order in quotes of no other speaker, so the right answer is
// unambiguous; then the kind's change is applied.
func rememberedFragments(qs []quotes.Quote, n int) []fragment {
	rng := rand.New(rand.NewPCG(2026, 11))
	norm := make([]string, len(qs))
	for i, q := range qs {
		norm[i] = " " + strings.Join(plainWords(q.Text), " ") + " "
	}
	unique := func(words []string, speaker string) bool {
		needle := " " + strings.Join(words, " ") + " "
		for i, s := range norm {
			if qs[i].Speaker != speaker && strings.Contains(s, needle) {
				return false
			}
		}
		return true
	}
	var out []fragment
	for _, kind := range fragmentKinds {
		for got := 0; got < n; {
			q := qs[rng.IntN(len(qs))]
			words := strings.Fields(q.Text)
			plain := plainWords(q.Text)
			if len(words) < 5 || len(words) != len(plain) {
				continue
			}
			size := min(len(words), 5+rng.IntN(5))
			start := rng.IntN(len(words) - size + 1)
			if !unique(plain[start:start+size], q.Speaker) {
				continue
			}
			frag := append([]string(nil), words[start:start+size]...)
			switch kind {
			case "lowercase":
				frag = append([]string(nil), plain[start:start+size]...)
			case "dropped word":
				if size < 6 {
					continue
				}
				i := 1 + rng.IntN(size-2)
				frag = append(frag[:i], frag[i+1:]...)
			case "word form":
				i, ok := pickContentWord(rng, frag)
				if !ok {
					continue
				}
				frag[i] = changeForm(frag[i])
			case "typo":
				i, ok := pickContentWord(rng, frag)
				if !ok {
					continue
				}
				frag[i] = typo(rng, frag[i])
			}
			out = append(out, fragment{kind: kind, text: strings.Join(frag, " "), speaker: q.Speaker, source: q.Text})
			got++
		}
	}
	return out
}

// plainWords lowercases text and splits it into words without punctuation.
func plainWords(text string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" {
			w = "-"
		}
		out = append(out, w)
	}
	return out
}

// pickContentWord picks a purely alphabetic word of five letters or more.
func pickContentWord(rng *rand.Rand, words []string) (int, bool) {
	var cands []int
	for i, w := range words {
		if len(w) >= 5 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) || r > unicode.MaxASCII }) < 0 {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return 0, false
	}
	return cands[rng.IntN(len(cands))], true
}

// changeForm swaps a word for another form of it, as memory does:
// "believes" → "believe", "walked" → "walk", "dream" → "dreams".
func changeForm(w string) string {
	switch {
	case strings.HasSuffix(w, "ing"):
		return strings.TrimSuffix(w, "ing") + "ed"
	case strings.HasSuffix(w, "ed"):
		return strings.TrimSuffix(w, "ed") + "ing"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return strings.TrimSuffix(w, "s")
	}
	return w + "s"
}

// typo makes one typing mistake in w: a letter replaced, dropped, doubled or
// swapped with its neighbour.
func typo(rng *rand.Rand, w string) string {
	b := []byte(w)
	i := 1 + rng.IntN(len(b)-2)
	switch rng.IntN(4) {
	case 0:
		c := byte('a' + rng.IntN(26))
		for c == b[i] {
			c = byte('a' + rng.IntN(26))
		}
		b[i] = c
	case 1:
		b = append(b[:i], b[i+1:]...)
	case 2:
		b = append(b[:i+1], b[i:]...)
	default:
		b[i], b[i+1] = b[i+1], b[i]
	}
	return string(b)
}

// TestWhoSaidQuality measures who-said on remembered fragments of the quotable
// and fortunes collections (about 10.6k quotes): the right speaker must come
// first for at least 98 in 100 fragments without typos and 95 in 100 with one.
func TestWhoSaidQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: builds an index of 10.6k quotes")
	}
	qs := loadShared(t, "quotable", "fortunes")
	ix := newTestIndex(t, qs)
	ctx := context.Background()
	right := map[string]int{}
	total := map[string]int{}
	for _, f := range rememberedFragments(qs, 100) {
		got, err := ix.WhoSaid(ctx, "", f.text, 3)
		if err != nil {
			t.Fatal(err)
		}
		total[f.kind]++
		if len(got) > 0 && got[0].Speaker == f.speaker {
			right[f.kind]++
			continue
		}
		var first string
		if len(got) > 0 {
			first = got[0].Speaker
		}
		if testing.Verbose() {
			t.Logf("miss [%s] %q: got %q, want %q (from %q)", f.kind, f.text, first, f.speaker, f.source)
		}
	}
	var plainRight, plainTotal int
	for _, k := range fragmentKinds {
		t.Logf("%-12s %3d / %d right speaker first", k, right[k], total[k])
		if k != "typo" {
			plainRight += right[k]
			plainTotal += total[k]
		}
	}
	if got := float64(plainRight) / float64(plainTotal); got < 0.98 {
		t.Errorf("who-said without typos: %d / %d = %.3f right, want ≥ 0.98", plainRight, plainTotal, got)
	}
	if got := float64(right["typo"]) / float64(total["typo"]); got < 0.95 {
		t.Errorf("who-said with a typo: %d / %d = %.3f right, want ≥ 0.95", right["typo"], total["typo"], got)
	}
}

// TestWhoSaidNobodyOutside asks who said fragments of State of the Union
// addresses, which are not in quotable or fortunes: the answer should be
// nobody, not a guess, for at least 90 in 100.
func TestWhoSaidNobodyOutside(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: builds an index of 10.6k quotes")
	}
	ix := newTestIndex(t, loadShared(t, "quotable", "fortunes"))
	sotu := loadShared(t, "sotu")
	ctx := context.Background()
	frags := rememberedFragments(sotu[:20000], 20)
	nobody := 0
	for _, f := range frags {
		got, err := ix.WhoSaid(ctx, "", f.text, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 {
			nobody++
		} else if testing.Verbose() {
			t.Logf("guessed %q for [%s] %q", got[0].Speaker, f.kind, f.text)
		}
	}
	t.Logf("nobody for %d / %d fragments from outside the collection", nobody, len(frags))
	if float64(nobody) < 0.9*float64(len(frags)) {
		t.Errorf("who-said answered nobody for %d / %d outside fragments, want ≥ 90%%", nobody, len(frags))
	}
}
