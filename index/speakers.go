package index

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// keySep separates the parts of a speaker key. It is a control character, so
// it cannot occur in a valid speaker name or guild ID.
const keySep = "\x1f"

// speakerKeys returns the dictionary terms that make speaker findable by
// guild and by the start of any word of the name: for "Dmitry Peskov" in the
// shared corpus, "_␟dmitry peskov␟Dmitry Peskov" and "_␟peskov␟Dmitry Peskov".
// The guild prefix keeps one guild's speakers out of another's suggestions.
func speakerKeys(guild, speaker string) []string {
	if speaker == "" {
		return nil
	}
	g := guildTerm(guild)
	lower := strings.ToLower(speaker)
	var keys []string
	for i := 0; i < len(lower); i++ {
		if i == 0 || lower[i-1] == ' ' {
			keys = append(keys, g+keySep+lower[i:]+keySep+speaker)
		}
	}
	return keys
}

// maxDictScan bounds how many dictionary entries one suggestion reads.
const maxDictScan = 2000

// Speakers returns up to limit names of speakers guild can see whose name,
// or a word of it, starts with prefix (case-insensitive): names that start
// with it first, then by number of quotes. An empty prefix lists the speakers
// with the most quotes. It returns an empty slice when none match.
func (ix *Index) Speakers(ctx context.Context, guild, prefix string, limit int) ([]string, error) {
	limit = clampInt(limit, 1, MaxLimit, 10)
	prefix = strings.ToLower(strings.Join(strings.Fields(clip(prefix, 200)), " "))
	count := make(map[string]uint64)
	starts := make(map[string]bool)
	for _, g := range guildTerms(guild) {
		// Each key of a name counts the name's quotes, so a name two of
		// whose words start with prefix counts them once per guild.
		inGuild := make(map[string]uint64)
		err := ix.dictPrefix(ctx, fieldSpkKey, g+keySep+prefix, maxDictScan, func(term string, n uint64) {
			parts := strings.SplitN(term, keySep, 3)
			if len(parts) != 3 {
				return
			}
			name := parts[2]
			if prefix == "" && strings.ToLower(name) != parts[1] {
				return // list each speaker once, by the key of the whole name
			}
			inGuild[name] = max(inGuild[name], n)
			if strings.HasPrefix(parts[1], prefix) && strings.ToLower(name) == parts[1] {
				starts[name] = true
			}
		})
		if err != nil {
			return nil, fmt.Errorf("index: speakers: %w", err)
		}
		for name, n := range inGuild {
			count[name] += n
		}
	}
	names := make([]string, 0, len(count))
	for n := range count {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		if starts[a] != starts[b] {
			return starts[a]
		}
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return a < b
	})
	return names[:min(limit, len(names))], nil
}

func guildTerms(guild string) []string {
	if guild == "" {
		return []string{sharedGuild}
	}
	return []string{sharedGuild, guild}
}

// SpeakerLike returns the speaker guild can see that a member most likely
// meant by name, for "did you mean": one whose name, or a word of it, starts
// with name, else one a word of whose name is within two edits of a word of
// name; "" when there is none, or when it is name itself.
func (ix *Index) SpeakerLike(ctx context.Context, guild, name string) (string, error) {
	names, err := ix.Speakers(ctx, guild, name, 1)
	if err != nil {
		return "", err
	}
	if len(names) == 0 {
		if names, err = ix.nearestSpeakers(ctx, guild, name, 1); err != nil {
			return "", err
		}
	}
	if len(names) == 0 || strings.EqualFold(names[0], strings.TrimSpace(name)) {
		return "", nil
	}
	return names[0], nil
}

// nearestSpeakers finds speakers whose name has a word within two edits of a
// word of name, for "did you mean" when a speaker filter matched nobody.
func (ix *Index) nearestSpeakers(ctx context.Context, guild, name string, limit int) ([]string, error) {
	for _, part := range strings.Fields(strings.ToLower(clip(name, 200))) {
		if len(part) < 3 {
			continue
		}
		near, err := ix.nearestTerm(fieldSpeaker, part, 2)
		if err != nil {
			return nil, err
		}
		if near == "" {
			continue
		}
		names, err := ix.Speakers(ctx, guild, near, limit)
		if err != nil || len(names) > 0 {
			return names, err
		}
	}
	return []string{}, nil
}

// dictPrefix calls visit with each term of field that starts with prefix, in
// order, and the number of quotes that hold it, for up to limit terms.
//
// zapx v17.2.5 reads these numbers wrongly once a dictionary iterator over a
// merged segment has read a term held by a single quote, in a field without
// term vectors such as the speaker keys: every later term then reads as held
// by one (blevesearch/zapx#445, open). So every term after the first count
// of 1 is counted again from its postings.
func (ix *Index) dictPrefix(ctx context.Context, field, prefix string, limit int, visit func(term string, count uint64)) error {
	adv, err := ix.b.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	d, err := r.FieldDictPrefix(field, []byte(prefix))
	if err != nil {
		return err
	}
	defer d.Close()
	stale := false // whether the counts d reads are wrong from here on
	for range limit {
		e, err := d.Next()
		if err != nil || e == nil {
			return err
		}
		n := e.Count
		if stale {
			tfr, err := r.TermFieldReader(ctx, []byte(e.Term), field, false, false, false)
			if err != nil {
				return err
			}
			n = tfr.Count()
			tfr.Close()
		}
		stale = stale || e.Count == 1
		visit(e.Term, n)
	}
	return nil
}
