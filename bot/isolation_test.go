package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/quotebot/quotebot/bot"
)

// withOptions replaces the command's options.
func withOptions(opts ...map[string]any) func(map[string]any) {
	return func(m map[string]any) {
		list := make([]any, len(opts))
		for i, o := range opts {
			list[i] = o
		}
		m["data"].(map[string]any)["options"] = list
	}
}

func strOption(name, value string, focused bool) map[string]any {
	o := map[string]any{"name": name, "type": 3, "value": value}
	if focused {
		o["focused"] = true
	}
	return o
}

// visibleText is what a member reads in resp: content, embeds and choices,
// but not custom_ids, which echo the member's own query.
func visibleText(resp *discordgo.InteractionResponse) string {
	if resp.Data == nil {
		return ""
	}
	b, _ := json.Marshal(struct {
		C string
		E []*discordgo.MessageEmbed
		O []*discordgo.ApplicationCommandOptionChoice
	}{resp.Data.Content, resp.Data.Embeds, resp.Data.Choices})
	return string(b)
}

// TestGuildIsolationProperty saves quotes in six guilds through /quotes add,
// then for random pairs of guilds (A, B) and random queries built to find
// B's quotes (its secret words, its speakers, their prefixes, B's quote
// ids), checks that nothing guild A can do shows them: /quote by text and by
// speaker, every page of its buttons, random picks, autocomplete of query
// and speaker, /who-said and /quotes show.
func TestGuildIsolationProperty(t *testing.T) {
	ix := newIndex(t)
	b, _ := newBot(t, ix, bot.Options{Limits: roomy})
	ctx := context.Background()
	type guild struct {
		id      string
		secrets []string // words in this guild's quotes only
		ids     []string
	}
	names := []string{"zqalpha", "zqbravo", "zqcharlie", "zqdelta", "zqecho", "zqfoxtrot"}
	var guilds []*guild
	for n, name := range names {
		g := &guild{id: fmt.Sprint(1180211384745540000 + n), secrets: []string{name, "Speaker" + name[2:]}}
		for k := range 6 {
			text := fmt.Sprintf("Knowledge and imagination meet the river %s number %d.", name, k)
			resp := respond(t, b, load(t, "quotes_add.json", inGuild(g.id), asMember(fmt.Sprint(1180211384745538100+n), 0),
				setOption("text", text), setOption("speaker", "Speaker"+name[2:]+" Jones"), setOption("source", "")))
			if !strings.Contains(visibleText(resp), "saved") {
				t.Fatalf("save in guild %s: %s", g.id, visibleText(resp))
			}
		}
		guilds = append(guilds, g)
	}
	// The seed's guild B quote joins in as a seventh secret.
	guilds = append(guilds, &guild{id: guildB, secrets: []string{"Mallory", "secret"}})
	for q, err := range ix.All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range guilds {
			if q.Guild == g.id {
				g.ids = append(g.ids, q.ID)
			}
		}
	}

	rng := rand.New(rand.NewPCG(6, 6))
	checks := 0
	for range 60 {
		a, other := guilds[rng.IntN(len(guilds))], guilds[rng.IntN(len(guilds))]
		if a == other {
			continue
		}
		secret := other.secrets[rng.IntN(len(other.secrets))]
		queries := []string{secret, secret[:3], "knowledge " + secret, "river " + secret[:len(secret)-1] + "~1", "imagination"}
		// check fails t if resp shows another guild's secret word or quote
		// id. The reply may echo the query itself ("No quote matches …"),
		// so that is cut out first; a leaked quote still shows itself by
		// its other secret (text or speaker) and its id.
		check := func(what, query string, resp *discordgo.InteractionResponse) {
			t.Helper()
			checks++
			text := strings.ToLower(visibleText(resp))
			if query != "" {
				text = strings.ReplaceAll(text, strings.ToLower(query), "")
			}
			for _, g := range guilds {
				if g == a {
					continue
				}
				for _, s := range g.secrets {
					if strings.Contains(text, strings.ToLower(s)) {
						t.Fatalf("in guild %s, %s shows %q of guild %s: %s", a.id, what, s, g.id, text)
					}
				}
				for _, id := range g.ids {
					if strings.Contains(text, id) {
						t.Fatalf("in guild %s, %s shows id %s of guild %s", a.id, what, id, g.id)
					}
				}
			}
		}
		for _, q := range queries {
			resp := respond(t, b, load(t, "quote.json", inGuild(a.id), setOption("query", q)))
			check("/quote "+q, q, resp)
			for page := 0; resp.Data != nil && len(resp.Data.Components) > 0 && page < 8; page++ {
				next := buttons(resp)[len(buttons(resp))-1]
				if next.Disabled {
					break
				}
				resp = respond(t, b, press(t, next, inGuild(a.id)))
				check(fmt.Sprintf("page %d of /quote %s", page+2, q), q, resp)
			}
			check("/quote speaker:"+q, q, respond(t, b, load(t, "quote.json", inGuild(a.id), withOptions(strOption("speaker", q, false)))))
			check("autocomplete query "+q, q, respond(t, b, load(t, "quote_autocomplete_query.json", inGuild(a.id), setOption("query", q))))
			check("autocomplete speaker "+q, q, respond(t, b, load(t, "quote_autocomplete_speaker.json", inGuild(a.id), setOption("speaker", q))))
			check("/who-said "+q, q, respond(t, b, load(t, "who_said.json", inGuild(a.id), setOption("phrase", q))))
		}
		for range 3 {
			check("/quote (random)", "", respond(t, b, load(t, "quote_random.json", inGuild(a.id))))
		}
		by := other.secrets[len(other.secrets)-1]
		check("/quote random by "+by, by,
			respond(t, b, load(t, "quote_random.json", inGuild(a.id), withOptions(strOption("speaker", by, false)))))
		for _, id := range other.ids {
			check("/quotes show "+id, id, respond(t, b, load(t, "quotes_show.json", inGuild(a.id), setOption("id", id))))
		}
	}
	t.Logf("%d replies checked", checks)

	// The property has teeth: in its own guild, each secret is found.
	for _, g := range guilds[:len(names)] {
		text := visibleText(respond(t, b, load(t, "quote.json", inGuild(g.id), setOption("query", g.secrets[0]))))
		if !strings.Contains(text, g.secrets[0]) {
			t.Errorf("guild %s cannot find its own %q: %s", g.id, g.secrets[0], text)
		}
	}
}
