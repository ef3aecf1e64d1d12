package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/quotebot/quotebot/bot"
	"github.com/quotebot/quotebot/bot/bottest"
	"github.com/quotebot/quotebot/index"
	"github.com/quotebot/quotebot/quotes"
)

// The guilds and members of the replayed interactions in testdata.
const (
	guildA    = "1180211384745537700"
	guildB    = "1180211384745537777"
	adaID     = "1180211384745538001"
	graceID   = "1180211384745538002"
	strangeID = "1180211384745538666"
)

var _ bot.Store = (*index.Index)(nil)

// seed is the collection every test starts from: a shared corpus, one quote
// of guild A's own and one of guild B's, which guild A must never see.
var seed = []quotes.Quote{
	{Text: "Imagination is more important than knowledge.", Speaker: "Albert Einstein", Role: "physicist",
		Source: quotes.Source{Title: "What Life Means to Einstein", Publisher: "The Saturday Evening Post", URL: "https://example.org/post/1929", Date: "1929-10-26"}},
	{Text: "Life is like riding a bicycle. To keep your balance you must keep moving.", Speaker: "Albert Einstein"},
	{Text: "Knowledge is power.", Speaker: "Francis Bacon"},
	{Text: "Knowledge speaks, but wisdom listens.", Speaker: "Jimi Hendrix"},
	{Text: "The only source of knowledge is experience.", Speaker: "Albert Einstein"},
	// Two more quotes holding both "imagination" and "knowledge", so a
	// search for the two words has pages to turn.
	{Text: "Knowledge without imagination is a map without a territory.", Speaker: "Mara Cartwright"},
	{Text: "Imagination and knowledge, like two oars, row the same small boat.", Speaker: "Otto Rowe"},
	{Text: "The Analytical Engine weaves algebraic patterns just as the Jacquard loom weaves flowers and leaves.", Speaker: "Ada Lovelace", Role: "mathematician"},
	{Text: "The most dangerous phrase in the language is: we've always done it this way.", Speaker: "Grace Hopper"},
	{Text: "@everyone the **deploy** is _done_, thanks <@&1180211384745537901>", Speaker: "ops-bot", Guild: guildA, AddedBy: adaID},
	{Text: "Guild B keeps its knowledge and imagination secret.", Speaker: "Mallory", Guild: guildB, AddedBy: strangeID},
}

// sharedSeed counts the quotes of seed in the shared corpus.
func sharedSeed() int {
	n := 0
	for _, q := range seed {
		if q.Guild == "" {
			n++
		}
	}
	return n
}

// newIndex returns an in-memory index holding seed.
func newIndex(t testing.TB) *index.Index {
	t.Helper()
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for _, q := range seed {
		if _, err := ix.Add(context.Background(), q); err != nil {
			t.Fatalf("Add(%q): %v", q.Text, err)
		}
	}
	return ix
}

// syncBuffer is a bytes.Buffer that a process or logger and a test share.
type syncBuffer = bottest.SyncBuffer

// newBot returns a bot on store whose logs go to the returned buffer.
func newBot(t *testing.T, store bot.Store, opts bot.Options) (*bot.Bot, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	opts.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	return bot.New(store, opts), logs
}

// load reads a captured interaction from testdata, lets edit change its
// JSON, and decodes it as the HTTP endpoint would.
func load(t testing.TB, name string, edit ...func(m map[string]any)) *discordgo.Interaction {
	t.Helper()
	i, err := bot.DecodeInteraction(loadJSON(t, name, edit...))
	if err != nil {
		t.Fatalf("DecodeInteraction(%s): %v", name, err)
	}
	return i
}

// loadJSON is load without the decoding.
func loadJSON(t testing.TB, name string, edit ...func(m map[string]any)) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, e := range edit {
		e(m)
	}
	raw, err = json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// setOption sets option name of the command (or of its subcommand) to v.
func setOption(name string, v any) func(map[string]any) {
	return func(m map[string]any) {
		opts := m["data"].(map[string]any)["options"].([]any)
		if len(opts) == 1 && opts[0].(map[string]any)["type"].(float64) == 1 {
			opts = opts[0].(map[string]any)["options"].([]any)
		}
		for _, o := range opts {
			if o := o.(map[string]any); o["name"] == name {
				o["value"] = v
				return
			}
		}
		panic("no option " + name)
	}
}

// asMember makes the interaction come from user id with permissions.
func asMember(id string, permissions int64) func(map[string]any) {
	return func(m map[string]any) {
		mem := m["member"].(map[string]any)
		u := mem["user"].(map[string]any)
		u["id"], u["username"], u["global_name"] = id, "member"+id[len(id)-3:], nil
		mem["permissions"] = strconv.FormatInt(permissions, 10)
	}
}

// inGuild moves the interaction to guild g.
func inGuild(g string) func(map[string]any) {
	return func(m map[string]any) { m["guild_id"] = g }
}

// respond answers i with b and checks the rules every reply keeps.
func respond(t *testing.T, b *bot.Bot, i *discordgo.Interaction) *discordgo.InteractionResponse {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	resp := b.Respond(ctx, i)
	checkReply(t, resp)
	return resp
}

// checkReply fails t unless resp parses no mentions and fits Discord's limits.
func checkReply(t *testing.T, resp *discordgo.InteractionResponse) {
	t.Helper()
	if resp == nil {
		t.Fatal("Respond returned nil")
	}
	if resp.Type == discordgo.InteractionResponsePong || resp.Type == discordgo.InteractionResponseDeferredMessageUpdate {
		return
	}
	if resp.Data == nil {
		t.Fatalf("response type %d has no data", resp.Type)
	}
	checkMentions(t, resp.Data.AllowedMentions)
	raw, _ := json.Marshal(resp)
	if !bytes.Contains(raw, []byte(`"allowed_mentions":{"parse":[]`)) {
		t.Errorf("response JSON %s: allowed_mentions does not parse nothing", raw)
	}
}

// checkMentions fails t unless am allows no mention of any kind.
func checkMentions(t *testing.T, am *discordgo.MessageAllowedMentions) {
	t.Helper()
	if am == nil || am.Parse == nil || len(am.Parse) != 0 || len(am.Roles) != 0 || len(am.Users) != 0 || am.RepliedUser {
		t.Errorf("allowed_mentions = %+v, want parse []", am)
	}
}

// embedOf returns the single embed of resp.
func embedOf(t *testing.T, resp *discordgo.InteractionResponse) *discordgo.MessageEmbed {
	t.Helper()
	if resp.Data == nil || len(resp.Data.Embeds) != 1 {
		t.Fatalf("response %+v: want one embed", resp.Data)
	}
	return resp.Data.Embeds[0]
}

// buttons returns the buttons of resp, in order.
func buttons(resp *discordgo.InteractionResponse) []discordgo.Button {
	var bs []discordgo.Button
	for _, row := range resp.Data.Components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			bs = append(bs, c.(discordgo.Button))
		}
	}
	return bs
}

// press builds the interaction of a press on btn, from the captured one.
func press(t *testing.T, btn discordgo.Button, edit ...func(map[string]any)) *discordgo.Interaction {
	t.Helper()
	return load(t, "button_next.json", append([]func(map[string]any){func(m map[string]any) {
		m["data"].(map[string]any)["custom_id"] = btn.CustomID
	}}, edit...)...)
}

// isEphemeral reports whether resp is shown to its user only.
func isEphemeral(resp *discordgo.InteractionResponse) bool {
	return resp.Data != nil && resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0
}
