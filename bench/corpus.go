package main

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/quotebot/quotebot/quotes"
)

// corpusSeed makes the grown corpus and the query set reproducible.
const corpusSeed = 20261126

// collections are the real quotations the corpus is grown from.
var collections = []string{"sotu", "quotable", "fortunes"}

// readShared reads every valid quote of the shared collections with
// quotes.ReadJSONL, as `quotebot import` would; invalid records are skipped.
func readShared(dataDir string) ([]quotes.Quote, error) {
	var qs []quotes.Quote
	for _, name := range collections {
		path := filepath.Join(dataDir, name, "quotes.jsonl")
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		for q, err := range quotes.ReadJSONL(f, path) {
			var rerr *quotes.RecordError
			if errors.As(err, &rerr) {
				continue
			}
			if err != nil {
				f.Close()
				return nil, err
			}
			q.Normalize()
			if q.Validate() != nil {
				continue
			}
			qs = append(qs, q)
		}
		f.Close()
	}
	return qs, nil
}

// sentences splits text at sentence ends: '.', '!' or '?' (and a closing
// quotation mark) followed by a space and an upper-case letter.
func sentences(text string) []string {
	var out []string
	rs := []rune(text)
	start := 0
	for i := 0; i < len(rs); i++ {
		if rs[i] != '.' && rs[i] != '!' && rs[i] != '?' {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune(`"'”’)`, rs[j]) {
			j++
		}
		if j+1 < len(rs) && rs[j] == ' ' && unicode.IsUpper(rs[j+1]) {
			if s := strings.TrimSpace(string(rs[start:j])); s != "" {
				out = append(out, s)
			}
			start = j + 1
			i = j
		}
	}
	if s := strings.TrimSpace(string(rs[start:])); s != "" {
		out = append(out, s)
	}
	return out
}

// growCorpus returns n quotes: the real ones in a shuffled order, and after
// them, where n is larger, new quotes made of 1 to 3 real sentences of one
// speaker (its own sentences only, so attributions stay true), with that
// speaker's source. Speakers are drawn in proportion to their sentences.
// Texts repeat at most once per speaker (IDs derive from speaker and text).
// The order is shuffled again, so every prefix mixes both kinds.
func growCorpus(real []quotes.Quote, n int) []quotes.Quote {
	rng := rand.New(rand.NewPCG(corpusSeed, 1))
	type pool struct {
		speaker string
		source  quotes.Source
		sents   []string
	}
	bySpeaker := map[string]*pool{}
	var pools []*pool
	var weights []int // cumulative sentence counts
	total := 0
	for _, q := range real {
		p := bySpeaker[q.Speaker]
		if p == nil {
			p = &pool{speaker: q.Speaker, source: q.Source}
			bySpeaker[q.Speaker] = p
			pools = append(pools, p)
		}
		p.sents = append(p.sents, sentences(q.Text)...)
	}
	for _, p := range pools {
		total += len(p.sents)
		weights = append(weights, total)
	}
	seen := make(map[string]bool, n)
	out := make([]quotes.Quote, 0, n)
	add := func(q quotes.Quote) {
		if q.ID == "" {
			q.ID = quotes.NewID(q.Guild, q.Speaker, q.Text)
		}
		if seen[q.ID] || len(out) == n {
			return
		}
		seen[q.ID] = true
		out = append(out, q)
	}
	for _, i := range rng.Perm(len(real)) {
		add(real[i])
	}
	for misses := 0; len(out) < n && misses < 10*n; {
		x := rng.IntN(total)
		lo, hi := 0, len(weights)-1
		for lo < hi {
			mid := (lo + hi) / 2
			if weights[mid] > x {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		p := pools[lo]
		k := 1 + rng.IntN(3)
		parts := make([]string, 0, k)
		for range k {
			parts = append(parts, p.sents[rng.IntN(len(p.sents))])
		}
		text := strings.Join(parts, " ")
		if len([]rune(text)) > quotes.MaxTextLen {
			misses++
			continue
		}
		before := len(out)
		add(quotes.Quote{Text: text, Speaker: p.speaker, Source: p.source})
		if len(out) == before {
			misses++
		}
	}
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// writeCorpus writes qs as JSON Lines (quotes.WriteJSONL), the format
// `quotebot import` reads.
func writeCorpus(path string, qs []quotes.Quote) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for _, q := range qs {
		if err := quotes.WriteJSONL(w, q); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// readCorpus streams a corpus file in chunks of size, calling fn for each.
func readCorpus(path string, size int, fn func([]quotes.Quote) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	chunk := make([]quotes.Quote, 0, size)
	for q, err := range quotes.ReadJSONL(bufio.NewReaderSize(f, 1<<20), path) {
		if err != nil {
			return fmt.Errorf("read corpus: %w", err)
		}
		chunk = append(chunk, q)
		if len(chunk) == size {
			if err := fn(chunk); err != nil {
				return err
			}
			chunk = make([]quotes.Quote, 0, size)
		}
	}
	if len(chunk) > 0 {
		return fn(chunk)
	}
	return nil
}
