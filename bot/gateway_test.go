package bot_test

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/quotebot/quotebot/bot"
	"github.com/quotebot/quotebot/quotes"
)

const testToken = "MTE4MDIxMTM4NDc0NTUzNzYwNg.fake.token-that-must-never-be-logged"

// interactionEvent is the INTERACTION_CREATE payload of a captured interaction.
func interactionEvent(t *testing.T, name string, edit ...func(map[string]any)) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(loadJSON(t, name, edit...), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// response decodes an interaction callback the bot sent.
func response(t *testing.T, cb callback) *discordgo.InteractionResponse {
	t.Helper()
	// discordgo cannot decode components (an interface), so they stay raw.
	var wire struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data *struct {
			Content         string                                      `json:"content"`
			Flags           discordgo.MessageFlags                      `json:"flags"`
			Embeds          []*discordgo.MessageEmbed                   `json:"embeds"`
			Choices         []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
			AllowedMentions *discordgo.MessageAllowedMentions           `json:"allowed_mentions"`
			Components      json.RawMessage                             `json:"components"`
		} `json:"data"`
	}
	if err := json.Unmarshal(cb.body, &wire); err != nil {
		t.Fatalf("callback %s: %v", cb.body, err)
	}
	resp := discordgo.InteractionResponse{Type: wire.Type}
	if d := wire.Data; d != nil {
		resp.Data = &discordgo.InteractionResponseData{Content: d.Content, Flags: d.Flags, Embeds: d.Embeds,
			Choices: d.Choices, AllowedMentions: d.AllowedMentions}
	}
	if !strings.Contains(string(cb.body), `"allowed_mentions":{"parse":[]`) {
		t.Errorf("callback %s parses mentions", cb.body)
	}
	return &resp
}

// TestGateway runs the gateway transport against a fake Discord: commands
// registered once, a /quote round trip, a button press, autocomplete, a save,
// a dropped connection that resumes, shutdown, and a restart that does not
// register again. Not parallel: it takes a few seconds of discordgo's own
// sleeps and shares nothing, but keeps timing simple.
func TestGateway(t *testing.T) {
	fd := newFakeDiscord(t)
	ix := newIndex(t)
	b, logs := newBot(t, ix, bot.Options{})
	opts := bot.GatewayOptions{Token: testToken, AppID: "1180211384745537606", GuildID: guildA, Client: fd.client()}
	// discordgo writes its own lines through the standard logger: capture
	// them too (the dropped connection below makes it write some).
	std := &syncBuffer{}
	log.SetOutput(std)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })

	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- b.RunGateway(ctx, opts) }()

	opened := next(t, fd.hellos, "identify")
	if opened.op != 2 || opened.token != "Bot "+testToken {
		t.Fatalf("gateway opened with op %d token %q, want identify with the bot token", opened.op, opened.token)
	}
	conn := next(t, fd.conns, "READY")
	fd.mu.Lock()
	registered := fd.commands["/api/v9/applications/"+opts.AppID+"/guilds/"+guildA+"/commands"]
	if fd.overwrite != 1 || len(registered) != len(bot.Commands()) {
		t.Errorf("%d bulk overwrites registering %d commands, want 1 of %d in the guild", fd.overwrite, len(registered), len(bot.Commands()))
	}
	for _, a := range fd.auth {
		if a != "Bot "+testToken {
			t.Errorf("REST Authorization = %q", a)
		}
	}
	fd.mu.Unlock()

	// /quote round trip.
	if err := conn.send("INTERACTION_CREATE", interactionEvent(t, "quote.json")); err != nil {
		t.Fatal(err)
	}
	cb := next(t, fd.callbacks, "/quote response")
	if !strings.Contains(cb.path, "/interactions/1180300000000000001/") {
		t.Errorf("callback to %s, want the interaction's id", cb.path)
	}
	resp := response(t, cb)
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || len(resp.Data.Embeds) != 1 ||
		!strings.Contains(resp.Data.Embeds[0].Description, "**Imagination**") {
		t.Errorf("/quote answered %s", cb.body)
	}

	// A button press updates the message.
	conn.send("INTERACTION_CREATE", interactionEvent(t, "button_next.json"))
	if resp := response(t, next(t, fd.callbacks, "button response")); resp.Type != discordgo.InteractionResponseUpdateMessage {
		t.Errorf("button answered with type %d, want an update", resp.Type)
	}

	// Autocomplete.
	conn.send("INTERACTION_CREATE", interactionEvent(t, "quote_autocomplete_speaker.json"))
	resp = response(t, next(t, fd.callbacks, "autocomplete response"))
	if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(resp.Data.Choices) != 1 ||
		resp.Data.Choices[0].Value != "Ada Lovelace" {
		t.Errorf("autocomplete answered %+v", resp.Data)
	}

	// Save as quote.
	conn.send("INTERACTION_CREATE", interactionEvent(t, "save_message.json"))
	response(t, next(t, fd.callbacks, "save response"))
	text := "It's easier to ask forgiveness than it is to get permission."
	if _, err := ix.Get(context.Background(), guildA, quotes.NewID(guildA, "Grace", text)); err != nil {
		t.Errorf("saved quote not in the index: %v", err)
	}

	// A dropped connection: discordgo reconnects and resumes the session.
	conn.drop()
	opened = next(t, fd.hellos, "resume")
	if opened.op != 6 || opened.sessionID != "fake-session-1" {
		t.Fatalf("reconnected with op %d session %q, want a resume of fake-session-1", opened.op, opened.sessionID)
	}
	conn = next(t, fd.conns, "RESUMED")
	conn.send("INTERACTION_CREATE", interactionEvent(t, "who_said.json"))
	if resp := response(t, next(t, fd.callbacks, "who-said after resume")); len(resp.Data.Embeds) != 1 {
		t.Errorf("who-said after resume answered %+v", resp.Data)
	}

	cancel()
	if err := next(t, errc, "RunGateway to return"); err != nil {
		t.Errorf("RunGateway = %v", err)
	}

	// A restart with unchanged definitions registers nothing.
	ctx2, cancel2 := context.WithCancel(context.Background())
	go func() { errc <- b.RunGateway(ctx2, opts) }()
	next(t, fd.hellos, "identify after restart")
	next(t, fd.conns, "READY after restart")
	fd.mu.Lock()
	if fd.overwrite != 1 {
		t.Errorf("%d bulk overwrites after a restart, want still 1", fd.overwrite)
	}
	fd.mu.Unlock()
	cancel2()
	if err := next(t, errc, "RunGateway to return"); err != nil {
		t.Errorf("RunGateway = %v", err)
	}
	for _, l := range []string{logs.String(), std.String()} {
		if strings.Contains(l, testToken) || strings.Contains(l, "fake.token") {
			t.Errorf("the token is in the logs:\n%s", l)
		}
	}
}

// TestGatewayFinishesInFlight cancels while an interaction is being answered
// and checks that its answer still goes out before RunGateway returns.
func TestGatewayFinishesInFlight(t *testing.T) {
	fd := newFakeDiscord(t)
	gate := make(chan struct{})
	store := &gatedStore{Store: newIndex(t), gate: gate}
	b, _ := newBot(t, store, bot.Options{DeferAfter: 50 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		errc <- b.RunGateway(ctx, bot.GatewayOptions{Token: testToken, AppID: "1180211384745537606", Client: fd.client()})
	}()
	conn := next(t, fd.conns, "READY")
	conn.send("INTERACTION_CREATE", interactionEvent(t, "quote.json"))
	deferred := response(t, next(t, fd.callbacks, "deferral"))
	if deferred.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("slow answer: first callback type %d, want a deferral", deferred.Type)
	}
	cancel()
	time.Sleep(50 * time.Millisecond)
	select {
	case err := <-errc:
		t.Fatalf("RunGateway returned (%v) with an interaction in flight", err)
	default:
	}
	// New interactions during shutdown are told, not dropped. Until the
	// gateway has seen the cancellation they are still answered normally.
	told := false
	for range 100 {
		conn.send("INTERACTION_CREATE", interactionEvent(t, "who_said.json"))
		if late := response(t, next(t, fd.callbacks, "reply during shutdown")); strings.Contains(late.Data.Content, "restarting") {
			told = true
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !told {
		t.Error("interactions during shutdown were not told the bot is restarting")
	}
	close(gate)
	edit := next(t, fd.edits, "edit of the deferred reply")
	if !strings.Contains(string(edit.body), "Imagination") || !strings.Contains(string(edit.body), `"allowed_mentions":{"parse":[]`) {
		t.Errorf("edit = %s", edit.body)
	}
	if err := next(t, errc, "RunGateway to return"); err != nil {
		t.Errorf("RunGateway = %v", err)
	}
	fd.mu.Lock()
	defer fd.mu.Unlock()
	if _, ok := fd.commands["/api/v9/applications/1180211384745537606/commands"]; !ok {
		t.Errorf("without a guild, commands were not registered globally: %v", fd.commands)
	}
}

// TestGatewayCutsOffAtDrainTimeout: an interaction that outlasts
// DrainTimeout after shutdown begins is given up on, and RunGateway says
// so (serve turns it into exit status 3), instead of waiting without end.
func TestGatewayCutsOffAtDrainTimeout(t *testing.T) {
	fd := newFakeDiscord(t)
	gate := make(chan struct{})
	defer close(gate)
	store := &gatedStore{Store: newIndex(t), gate: gate}
	b, _ := newBot(t, store, bot.Options{DeferAfter: 50 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		errc <- b.RunGateway(ctx, bot.GatewayOptions{Token: testToken, AppID: "1180211384745537606",
			Client: fd.client(), DrainTimeout: 100 * time.Millisecond})
	}()
	conn := next(t, fd.conns, "READY")
	conn.send("INTERACTION_CREATE", interactionEvent(t, "quote.json"))
	next(t, fd.callbacks, "deferral") // the interaction is in flight
	cancel()
	if err := next(t, errc, "RunGateway to give up"); !errors.Is(err, bot.ErrCutOff) {
		t.Errorf("RunGateway with an interaction outlasting DrainTimeout = %v, want ErrCutOff", err)
	}
}

// gatedStore holds every search until gate is closed.
type gatedStore struct {
	bot.Store
	gate chan struct{}
}

func (g *gatedStore) Search(ctx context.Context, q quotes.Query) (quotes.Results, error) {
	select {
	case <-g.gate:
	case <-ctx.Done():
		return quotes.Results{}, ctx.Err()
	}
	return g.Store.Search(ctx, q)
}
