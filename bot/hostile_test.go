package bot_test

import (
	"context"
	"runtime"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/quotebot/quotebot/bot"
)

// TestHostileEveryInput sends what strangers may type into every text a
// member controls: query, speaker, phrase, autocomplete, the text, speaker
// and source of a save, the id of show and remove, a button's custom_id.
// Each gets a reply that keeps the rules (checkReply), never an internal
// error, nothing of guild B's, and costs a bounded amount of memory
// (allocations, not the clock); no stored quote is lost.
func TestHostileEveryInput(t *testing.T) {
	ix := newIndex(t)
	b, _ := newBot(t, ix, bot.Options{Limits: roomy})
	ctx := context.Background()
	before, err := ix.Count(ctx, guildA)
	if err != nil {
		t.Fatal(err)
	}
	hostile := map[string]string{
		"100k characters":        strings.Repeat("knowledge ", 10_000),
		"invalid UTF-8":          "kno\xffwl\xc3edge",
		"control characters":     "know\x00ledge\x1b[2J\u2028",
		"bleve syntax":           `+speaker:Mallory guild:` + guildB + ` -"x" secret~2 /.*/ ^5 _id:* *a*`,
		"regexp bomb":            "(a+)+$ (.*a){20} " + strings.Repeat("a", 90),
		"nested quotation marks": strings.Repeat(`"“'‘«`, 20),
		"mentions":               "@everyone <@&1180211384745537901> <@1180211384745538001>",
		"empty":                  "",
		"only spaces":            "   \t  ",
	}
	inputs := map[string]func(s string) *discordgo.Interaction{
		"/quote query": func(s string) *discordgo.Interaction { return load(t, "quote.json", setOption("query", s)) },
		"/quote speaker": func(s string) *discordgo.Interaction {
			return load(t, "quote.json", withOptions(strOption("speaker", s, false)))
		},
		"/who-said": func(s string) *discordgo.Interaction { return load(t, "who_said.json", setOption("phrase", s)) },
		"autocomplete query": func(s string) *discordgo.Interaction {
			return load(t, "quote_autocomplete_query.json", setOption("query", s))
		},
		"autocomplete speaker": func(s string) *discordgo.Interaction {
			return load(t, "quote_autocomplete_speaker.json", setOption("speaker", s))
		},
		"/quotes add text":    func(s string) *discordgo.Interaction { return load(t, "quotes_add.json", setOption("text", s)) },
		"/quotes add speaker": func(s string) *discordgo.Interaction { return load(t, "quotes_add.json", setOption("speaker", s)) },
		"/quotes add source":  func(s string) *discordgo.Interaction { return load(t, "quotes_add.json", setOption("source", s)) },
		"/quotes show id":     func(s string) *discordgo.Interaction { return load(t, "quotes_show.json", setOption("id", s)) },
		"button custom_id":    func(s string) *discordgo.Interaction { return press(t, discordgo.Button{CustomID: s}) },
	}
	const maxAlloc = 32 << 20
	for in, build := range inputs {
		for name, s := range hostile {
			t.Run(in+"/"+name, func(t *testing.T) {
				i := build(s)
				var resp *discordgo.InteractionResponse
				var ms0, ms1 runtime.MemStats
				runtime.ReadMemStats(&ms0)
				resp = respond(t, b, i)
				runtime.ReadMemStats(&ms1)
				if alloc := ms1.TotalAlloc - ms0.TotalAlloc; alloc > maxAlloc {
					t.Errorf("allocated %d MB, want at most %d MB", alloc>>20, maxAlloc>>20)
				}
				text := visibleText(resp)
				if strings.Contains(text, "went wrong") {
					t.Errorf("internal error for hostile input: %s", text)
				}
				if strings.Contains(text, "Guild B keeps its") {
					t.Errorf("guild B's quote shown: %s", text)
				}
				if len(text) > 16<<10 {
					t.Errorf("reply of %d bytes", len(text))
				}
			})
		}
	}
	after, err := ix.Count(ctx, guildA)
	if err != nil || after < before {
		t.Errorf("guild A sees %d quotes after the hostile inputs, %d before (%v)", after, before, err)
	}
	for q, err := range ix.All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(q.Text+q.Speaker, "\x00\x1b\u2028") || strings.Contains(q.Text, "\xff") {
			t.Errorf("a hostile save was stored: %+q", q.Text)
		}
	}
}
