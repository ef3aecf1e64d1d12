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
		d, err := ix.b.FieldDictPrefix(fieldSpkKey, []byte(g+keySep+prefix))
		if err != nil {
			return nil, fmt.Errorf("index: speakers: %w", err)
		}
		for n := 0; n < maxDictScan; n++ {
			e, err := d.Next()
			if err != nil {
				d.Close()
				return nil, fmt.Errorf("index: speakers: %w", err)
			}
			if e == nil {
				break
			}
			parts := strings.SplitN(e.Term, keySep, 3)
			if len(parts) != 3 {
				continue
			}
			name := parts[2]
			if prefix == "" && strings.ToLower(name) != parts[1] {
				continue // list each speaker once, by the key of the whole name
			}
			count[name] += e.Count
			if strings.HasPrefix(parts[1], prefix) && strings.ToLower(name) == parts[1] {
				starts[name] = true
			}
		}
		d.Close()
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
