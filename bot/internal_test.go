package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/quotebot/quotebot/quotes"
)

const testGuild = "1180211384745537700"

// decodeFile decodes a captured interaction from testdata.
func decodeFile(t testing.TB, name string) *discordgo.Interaction {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	i, err := DecodeInteraction(raw)
	if err != nil {
		t.Fatalf("DecodeInteraction(%s): %v", name, err)
	}
	return i
}

// withOption returns a copy of command interaction i with option name set.
func withOption(i *discordgo.Interaction, name, value string) *discordgo.Interaction {
	c := *i
	d := c.Data.(discordgo.ApplicationCommandInteractionData)
	d.Options = []*discordgo.ApplicationCommandInteractionDataOption{{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value}}
	c.Data = d
	return &c
}

// clock is a settable time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func TestInternalErrorApology(t *testing.T) {
	var logs bytes.Buffer
	secretErr := errors.New("disk on fire at /var/lib/secret-path")
	b := New(&fakeStore{err: secretErr}, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	resp := b.Respond(context.Background(), decodeFile(t, "quote.json"))
	msg := resp.Data.Content
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.HasPrefix(msg, "Sorry") {
		t.Fatalf("reply = %+v, want an ephemeral apology", resp.Data)
	}
	if strings.Contains(msg, "fire") {
		t.Errorf("apology %q shows the internal error", msg)
	}
	ref := msg[strings.LastIndex(msg, "ref ")+4 : len(msg)-1]
	if len(ref) != 8 || !strings.Contains(logs.String(), "ref="+ref) || !strings.Contains(logs.String(), "disk on fire") {
		t.Errorf("ref %q not in logs with the error:\n%s", ref, logs.String())
	}
}

func TestPanicIsContained(t *testing.T) {
	b := New(&fakeStore{panics: true}, Options{})
	resp := b.Respond(context.Background(), decodeFile(t, "who_said.json"))
	if !strings.HasPrefix(resp.Data.Content, "Sorry") {
		t.Errorf("reply after a panic = %q, want the apology", resp.Data.Content)
	}
	ac := b.Respond(context.Background(), decodeFile(t, "quote_autocomplete_query.json"))
	if ac.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(ac.Data.Choices) != 0 {
		t.Errorf("autocomplete after a panic = %+v, want no choices", ac)
	}
}

func TestRateLimits(t *testing.T) {
	clk := &clock{t: time.Unix(1_700_000_000, 0)}
	f := newFake(quotes.Quote{Text: "Imagination is more important than knowledge.", Speaker: "Albert Einstein"})
	b := New(f, Options{Now: clk.now})
	cmd := decodeFile(t, "quote.json")
	limited := func(i *discordgo.Interaction) bool {
		resp := b.Respond(context.Background(), i)
		if resp.Type == discordgo.InteractionApplicationCommandAutocompleteResult {
			return false
		}
		return strings.HasPrefix(resp.Data.Content, "Easy there")
	}
	for n := range 5 {
		if limited(cmd) {
			t.Fatalf("command %d of a burst of 5 was limited", n+1)
		}
	}
	if !limited(cmd) {
		t.Fatal("command 6 of a burst was not limited")
	}
	// Autocomplete is counted apart and is not refused while commands are.
	ac := decodeFile(t, "quote_autocomplete_query.json")
	for n := range 20 {
		resp := b.Respond(context.Background(), ac)
		if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
			t.Fatalf("autocomplete %d: type %d", n+1, resp.Type)
		}
	}
	clk.add(time.Second)
	if limited(cmd) {
		t.Error("a command one second after the burst was limited")
	}
	if !limited(cmd) {
		t.Error("a second command in the same second was not limited")
	}
	// Another member of the same guild is not held back by the first.
	other := *cmd
	other.Member = &discordgo.Member{User: &discordgo.User{ID: "42", Username: "other"}}
	if limited(&other) {
		t.Error("another member was limited by the first one's burst")
	}
	// A guild as a whole may send dozens a second, from many members.
	clk.add(time.Minute)
	sent, refused := 0, 0
	for n := range 150 {
		m := *cmd
		m.Member = &discordgo.Member{User: &discordgo.User{ID: strings.Repeat("9", 1+n%60) + "1", Username: "m"}}
		if limited(&m) {
			refused++
		} else {
			sent++
		}
	}
	if sent < 60 || refused == 0 {
		t.Errorf("guild burst of 150 from 60 members: %d answered, %d refused; want dozens answered and a limit", sent, refused)
	}
}

func TestLimiterForgetsIdleMembers(t *testing.T) {
	clk := &clock{t: time.Unix(1_700_000_000, 0)}
	l := newLimiter(DefaultLimits())
	for n := range 1000 {
		l.allow([]limitKey{{'m', strings.Repeat("1", n%100) + string(rune('a'+n%26))}}, clk.now())
	}
	clk.add(10 * time.Minute)
	l.allow([]limitKey{{'m', "x"}}, clk.now())
	if len(l.buckets) != 1 {
		t.Errorf("%d buckets after ten idle minutes, want 1", len(l.buckets))
	}
}

// recorder records what answer sends, edits and follows up with.
type recorder struct {
	mu        sync.Mutex
	sent      []*discordgo.InteractionResponse
	edits     []*discordgo.WebhookEdit
	followups []*discordgo.InteractionResponseData
}

// waitSent waits until n responses were sent: the deferral is sent only
// while the store holds the answer back, so its arrival proves deferral.
func (r *recorder) waitSent(t *testing.T, n int) {
	t.Helper()
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(5 * time.Millisecond) {
		r.mu.Lock()
		got := len(r.sent)
		r.mu.Unlock()
		if got >= n {
			return
		}
	}
	t.Fatalf("no deferral sent within 10 s")
}

func (r *recorder) replier() replier {
	return replier{send: r.send, edit: r.edit, followup: r.followup}
}

func (r *recorder) followup(d *discordgo.InteractionResponseData) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.followups = append(r.followups, d)
	return nil
}

func (r *recorder) send(resp *discordgo.InteractionResponse) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, resp)
	return nil
}

func (r *recorder) edit(d *discordgo.InteractionResponseData) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.edits = append(r.edits, webhookEdit(d))
	return nil
}

func TestSlowAnswerIsDeferred(t *testing.T) {
	f := newFake(quotes.Quote{Text: "Imagination is more important than knowledge.", Speaker: "Albert Einstein"},
		quotes.Quote{Text: "Knowledge is power.", Speaker: "Francis Bacon"})
	f.gate = make(chan struct{})
	b := New(f, Options{DeferAfter: 20 * time.Millisecond})
	for _, c := range []struct {
		file string
		want discordgo.InteractionResponseType
	}{
		{"quote.json", discordgo.InteractionResponseDeferredChannelMessageWithSource},
		{"button_next.json", discordgo.InteractionResponseDeferredMessageUpdate},
	} {
		var r recorder
		done := make(chan error)
		go func() { done <- b.answer(context.Background(), decodeFile(t, c.file), r.replier()) }()
		r.waitSent(t, 1)
		r.mu.Lock()
		if len(r.sent) != 1 || r.sent[0].Type != c.want {
			t.Errorf("%s: sent %+v before the answer, want a deferral of type %d", c.file, r.sent, c.want)
		}
		r.mu.Unlock()
		f.gate <- struct{}{}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if len(r.edits) != 1 {
			t.Fatalf("%s: %d edits, want 1", c.file, len(r.edits))
		}
		checkMentionsNone(t, r.edits[0].AllowedMentions)
	}
	// A slow button press whose answer is for its presser alone ("no more
	// matches") goes out as an ephemeral followup, leaving the message be.
	var r2 recorder
	past := decodeFile(t, "button_next.json")
	pd := past.Data.(discordgo.MessageComponentInteractionData)
	pd.CustomID = "p9|0|knowledge"
	past.Data = pd
	done := make(chan error)
	go func() { done <- b.answer(context.Background(), past, r2.replier()) }()
	r2.waitSent(t, 1)
	f.gate <- struct{}{}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if len(r2.edits) != 0 || len(r2.followups) != 1 || r2.followups[0].Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("slow ephemeral answer to a button: %d edits, followups %+v; want one ephemeral followup", len(r2.edits), r2.followups)
	}

	// A quick answer is sent at once, not deferred.
	f.gate = nil
	var r recorder
	if err := b.answer(context.Background(), decodeFile(t, "quote.json"), r.replier()); err != nil {
		t.Fatal(err)
	}
	if len(r.sent) != 1 || r.sent[0].Type != discordgo.InteractionResponseChannelMessageWithSource || len(r.edits) != 0 {
		t.Errorf("quick answer: sent %+v, edits %d", r.sent, len(r.edits))
	}
}

func checkMentionsNone(t *testing.T, am *discordgo.MessageAllowedMentions) {
	t.Helper()
	raw, _ := json.Marshal(am)
	if string(raw) != `{"parse":[],"replied_user":false}` {
		t.Errorf("allowed_mentions = %s, want parse []", raw)
	}
}

// TestAllowedMentionsEveryReplyKind answers one interaction of every kind
// of reply the bot makes and checks that none parses a mention.
func TestAllowedMentionsEveryReplyKind(t *testing.T) {
	ping := "@everyone <@&1180211384745537901> <@1180211384745538001> said it"
	seedQ := quotes.Quote{Text: ping, Speaker: "@here", Guild: testGuild, AddedBy: "1180211384745538001"}
	seedQ.Normalize()
	newB := func(f *fakeStore) *Bot {
		return New(f, Options{Limits: Limits{Member: Rate{1000, 1000}, Autocomplete: Rate{1000, 1000}, Guild: Rate{1000, 1000}}})
	}
	b := newB(newFake(seedQ))
	f := newFake(seedQ)
	f.suggest = []quotes.Match{{Quote: seedQ}}
	withSuggest := newB(f)
	failing := newB(&fakeStore{err: errors.New("boom")})
	limited := New(newFake(seedQ), Options{Limits: Limits{Member: Rate{1, 0.001}, Autocomplete: Rate{1, 0.001}, Guild: Rate{1, 0.001}}})
	limited.Respond(context.Background(), decodeFile(t, "quote.json"))

	quote := withOption(decodeFile(t, "quote.json"), optQuery, "everyone")
	addI := decodeFile(t, "quotes_add.json")
	showI := decodeFile(t, "quotes_show.json")
	sd := showI.Data.(discordgo.ApplicationCommandInteractionData)
	sd.Options[0].Options[0].Value = seedQ.ID
	removeI := decodeFile(t, "quotes_remove.json")
	rd := removeI.Data.(discordgo.ApplicationCommandInteractionData)
	rd.Options[0].Options[0].Value = seedQ.ID
	btn := decodeFile(t, "button_next.json")
	bd := btn.Data.(discordgo.MessageComponentInteractionData)
	bd.CustomID = "p0|0|everyone"
	btn.Data = bd
	rnd := decodeFile(t, "button_next.json")
	rd2 := rnd.Data.(discordgo.MessageComponentInteractionData)
	rd2.CustomID = "r|0|"
	rnd.Data = rd2

	cases := []struct {
		name string
		b    *Bot
		i    *discordgo.Interaction
	}{
		{"quote embed", b, quote},
		{"random quote", b, decodeFile(t, "quote_random.json")},
		{"page button", b, btn},
		{"random button", b, rnd},
		{"who-said", b, withOption(decodeFile(t, "who_said.json"), optPhrase, "everyone said")},
		{"who-said nobody", b, withOption(decodeFile(t, "who_said.json"), optPhrase, "@everyone zzz")},
		{"add", b, addI},
		{"save message", b, decodeFile(t, "save_message.json")},
		{"show", b, showI},
		{"remove", b, removeI},
		{"user error", b, withOption(decodeFile(t, "quote.json"), optQuery, "@everyone nothing matches this")},
		{"internal error", failing, quote},
		{"rate limited", limited, decodeFile(t, "quote.json")},
		{"autocomplete", withSuggest, decodeFile(t, "quote_autocomplete_query.json")},
		{"autocomplete speakers", withSuggest, decodeFile(t, "quote_autocomplete_speaker.json")},
		{"dm refusal", b, decodeFile(t, "dm_quotes_add.json")},
	}
	kinds := map[discordgo.InteractionResponseType]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := c.b.Respond(context.Background(), c.i)
			kinds[resp.Type] = true
			if resp.Data == nil {
				t.Fatalf("type %d without data", resp.Type)
			}
			checkMentionsNone(t, resp.Data.AllowedMentions)
		})
	}
	// The deferral, and the edit that replaces it.
	checkMentionsNone(t, deferred(quote).Data.AllowedMentions)
	checkMentionsNone(t, webhookEdit(&discordgo.InteractionResponseData{Content: ping}).AllowedMentions)
	for _, k := range []discordgo.InteractionResponseType{
		discordgo.InteractionResponseChannelMessageWithSource,
		discordgo.InteractionResponseUpdateMessage,
		discordgo.InteractionApplicationCommandAutocompleteResult,
	} {
		if !kinds[k] {
			t.Errorf("no case produced a reply of type %d", k)
		}
	}
}

func TestEmbedLimits(t *testing.T) {
	// Every character of this text needs escaping, so the marked text is
	// twice the 4,000 a quote may hold.
	text := strings.Repeat("*_", quotes.MaxTextLen/2)
	spans := []quotes.Span{{Start: 10, End: 20}, {Start: 7000, End: 7990}}
	q := quotes.Quote{ID: "0123456789", Text: text, Speaker: strings.Repeat("S", 200), Role: strings.Repeat("R", 200),
		Source: quotes.Source{Title: strings.Repeat("T", 2000), Publisher: strings.Repeat("P", 2000), URL: "https://example.org/x"}}
	resp := message(quoteEmbed(quotes.Match{Quote: q, Highlights: spans}, "1 of 2 matches"), nil)
	finish(resp)
	e := resp.Data.Embeds[0]
	if n := utf8.RuneCountInString(e.Description); n > maxEmbedDesc {
		t.Errorf("description has %d characters, over %d", n, maxEmbedDesc)
	}
	if n := embedLen(e); n > maxEmbedTotal {
		t.Errorf("embed has %d characters, over %d", n, maxEmbedTotal)
	}
	if strings.Count(e.Description, "**")%2 != 0 || !strings.HasSuffix(e.Description, "…") {
		t.Errorf("description ends %q: want balanced bold and an ellipsis", e.Description[len(e.Description)-20:])
	}
	for _, f := range e.Fields {
		if utf8.RuneCountInString(f.Value) > maxFieldValue {
			t.Errorf("field %s has %d characters", f.Name, utf8.RuneCountInString(f.Value))
		}
	}
	many := &discordgo.MessageEmbed{}
	for range 30 {
		many.Fields = append(many.Fields, &discordgo.MessageEmbedField{Name: "n", Value: "v"})
	}
	fitEmbed(many)
	if len(many.Fields) != maxEmbedFields {
		t.Errorf("%d fields, want %d", len(many.Fields), maxEmbedFields)
	}
}

func TestAutocompleteLimits(t *testing.T) {
	f := &fakeStore{}
	for n := range 40 {
		f.suggest = append(f.suggest, quotes.Match{Quote: quotes.Quote{
			Speaker: string(rune('A'+n)) + strings.Repeat(" Speaker", 20),
			Text:    string(rune('A'+n)) + strings.Repeat(" wörd", 60),
		}})
	}
	b := New(f, Options{})
	for _, file := range []string{"quote_autocomplete_query.json", "quote_autocomplete_speaker.json"} {
		resp := b.Respond(context.Background(), decodeFile(t, file))
		cs := resp.Data.Choices
		if len(cs) != maxChoices {
			t.Errorf("%s: %d choices, want %d", file, len(cs), maxChoices)
		}
		for _, c := range cs {
			v := c.Value.(string)
			if utf8.RuneCountInString(c.Name) > maxChoiceLen || utf8.RuneCountInString(v) > maxChoiceLen || v == "" {
				t.Errorf("%s: choice %q = %q over %d characters", file, c.Name, v, maxChoiceLen)
			}
		}
	}
}

func TestCustomIDs(t *testing.T) {
	cases := []buttonState{
		{offset: 0, query: "knowledge"},
		{offset: 500, speaker: "Ada Lovelace", query: "engine weaves"},
		{offset: 3, speaker: "Zoë", query: strings.Repeat("ünïcödé wörds ", 20)},
		{random: true, speaker: "Grace Hopper"},
		{random: true},
		{offset: 1, query: "a|b|c 12|3"},
	}
	for _, s := range cases {
		id, ok := s.encode()
		if !ok || len(id) > maxCustomID {
			t.Fatalf("encode(%+v) = %q, %v", s, id, ok)
		}
		got, ok := decodeButton(id)
		if !ok {
			t.Fatalf("decodeButton(%q) failed", id)
		}
		if got.random != s.random || got.offset != s.offset || got.speaker != s.speaker || !strings.HasPrefix(s.query, got.query) {
			t.Errorf("decodeButton(%q) = %+v, want %+v", id, got, s)
		}
		if !utf8.ValidString(got.query) || strings.HasSuffix(got.query, " ") {
			t.Errorf("query cut badly: %q", got.query)
		}
	}
	if _, ok := (buttonState{speaker: strings.Repeat("x", 100)}).encode(); ok {
		t.Error("a speaker too long for a custom_id encoded")
	}
}

func TestTruncateRunes(t *testing.T) {
	cases := []struct{ in, want string }{
		{"short", "short"},
		{"héllo wörld", "héllo…"},
		{"a **bold words** here", "a…"},
		{`ends \* with escape`, `ends…`},
		{`x \\y zzzzzz`, `x \\y…`},
	}
	for _, c := range cases {
		n := utf8.RuneCountInString(c.want)
		if c.in == c.want {
			n = 100
		}
		if got := truncateRunes(c.in, n); got != c.want {
			t.Errorf("truncateRunes(%q, %d) = %q, want %q", c.in, n, got, c.want)
		}
	}
	for n := range 40 {
		s := `**a** \*b\* **cc dd** \\ ** é **`
		got := truncateRunes(s, n)
		if utf8.RuneCountInString(got) > n || strings.Count(got, "**")%2 != 0 || !utf8.ValidString(got) {
			t.Errorf("truncateRunes(%q, %d) = %q", s, n, got)
		}
	}
}

func TestCommandDefinitions(t *testing.T) {
	names := map[string][]string{}
	var walk func(prefix string, opts []*discordgo.ApplicationCommandOption)
	walk = func(prefix string, opts []*discordgo.ApplicationCommandOption) {
		for _, o := range opts {
			if len(o.Description) > 100 || len(o.Name) > 32 {
				t.Errorf("%s %s: name or description too long", prefix, o.Name)
			}
			if o.Type == discordgo.ApplicationCommandOptionSubCommand {
				walk(prefix+" "+o.Name, o.Options)
				continue
			}
			names[prefix] = append(names[prefix], o.Name)
		}
	}
	for _, c := range Commands() {
		if c.Type == discordgo.ChatApplicationCommand && (len(c.Description) > 100 || c.Description == "") {
			t.Errorf("/%s: description %q", c.Name, c.Description)
		}
		walk(c.Name, c.Options)
		if c.Type == discordgo.MessageApplicationCommand {
			names[c.Name] = nil
		}
	}
	want := map[string]string{
		"quote": "query speaker", "who-said": "phrase", "quotes add": "text speaker source",
		"quotes show": "id", "quotes remove": "id", "Save as quote": "",
	}
	if len(names) != len(want) {
		t.Errorf("commands %v, want %v", names, want)
	}
	for cmd, opts := range want {
		if got := strings.Join(names[cmd], " "); got != opts {
			t.Errorf("/%s options = %q, want %q", cmd, got, opts)
		}
	}
	if !sameCommands(Commands(), Commands()) {
		t.Error("Commands() differs from itself")
	}
	changed := Commands()
	changed[0].Options[0].Description = "other"
	if sameCommands(Commands(), changed) {
		t.Error("a changed description compares equal")
	}
}

// FuzzDecodeInteraction feeds arbitrary bytes to the decoder and whatever it
// accepts to the bot: nothing may panic, and every reply keeps the rules.
func FuzzDecodeInteraction(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte(`{"type":2,"id":"1","token":"t","user":{"id":"1"},"data":{"name":"quote","options":[{"name":"query","type":3,"value":7}]}}`))
	f.Add([]byte(`{"type":3,"id":"1","token":"t","member":{"user":null},"data":{"custom_id":"p9|99|x"}}`))
	f.Add([]byte(`{"type":4,"id":"1","token":"t","user":{"id":"1"},"data":{"name":"quote","options":[{"name":"speaker","focused":true,"value":null}]}}`))
	f.Add([]byte(`{"type":2,"id":"1","token":"t","guild_id":"1","member":{"user":{"id":"2"},"permissions":"8"},"data":{"name":"quotes","options":[{"name":"remove","type":1,"options":null}]}}`))
	store := newFake(quotes.Quote{Text: "Imagination is more important than knowledge.", Speaker: "Albert Einstein"})
	store.suggest = []quotes.Match{{Quote: store.quotes[0]}}
	b := New(store, Options{Limits: Limits{Member: Rate{1e9, 1e9}, Autocomplete: Rate{1e9, 1e9}, Guild: Rate{1e9, 1e9}}})
	f.Fuzz(func(t *testing.T, raw []byte) {
		i, err := DecodeInteraction(raw)
		if err != nil {
			return
		}
		resp := b.Respond(context.Background(), i)
		if resp == nil {
			t.Fatal("nil response")
		}
		if resp.Type == discordgo.InteractionResponsePong {
			return
		}
		checkMentionsNone(t, resp.Data.AllowedMentions)
		if utf8.RuneCountInString(resp.Data.Content) > maxContent {
			t.Errorf("content of %d characters", utf8.RuneCountInString(resp.Data.Content))
		}
		for _, e := range resp.Data.Embeds {
			if embedLen(e) > maxEmbedTotal {
				t.Errorf("embed of %d characters", embedLen(e))
			}
		}
		for _, row := range resp.Data.Components {
			for _, c := range row.(discordgo.ActionsRow).Components {
				if id := c.(discordgo.Button).CustomID; len(id) > maxCustomID {
					t.Errorf("custom_id of %d bytes", len(id))
				}
			}
		}
	})
}

func TestWhoSaidRunnersUp(t *testing.T) {
	f := newFake(
		quotes.Quote{Text: "Knowledge is power.", Speaker: "Francis Bacon"},
		quotes.Quote{Text: "Knowledge speaks, but wisdom listens.", Speaker: "Jimi Hendrix"},
		quotes.Quote{Text: "The only source of knowledge is experience.", Speaker: "Albert Einstein"},
		quotes.Quote{Text: "Knowledge is a treasure.", Speaker: "Proverb"},
	)
	b := New(f, Options{})
	resp := b.Respond(context.Background(), withOption(decodeFile(t, "who_said.json"), optPhrase, "knowledge"))
	e := resp.Data.Embeds[0]
	if e.Author.Name != "Most likely Francis Bacon (50%)" {
		t.Errorf("author = %q", e.Author.Name)
	}
	if len(e.Fields) == 0 || e.Fields[0].Name != "Runners-up" || e.Fields[0].Value != "Jimi Hendrix (50%)\nAlbert Einstein (50%)" {
		t.Errorf("fields = %+v, want the two runners-up", e.Fields)
	}
}

// FuzzButtonCustomID checks that the custom_id decoder accepts only what the
// encoder could have made: whatever it accepts encodes back to itself.
func FuzzButtonCustomID(f *testing.F) {
	for _, id := range []string{"p0|0|knowledge", "p12|12|Ada Lovelaceengine", "r|0|", "r|5|Grace", "p500|0|x", "p1|3|abc"} {
		f.Add(id)
	}
	f.Fuzz(func(t *testing.T, id string) {
		s, ok := decodeButton(id)
		if !ok {
			return
		}
		if s.offset < 0 || s.offset > maxPage {
			t.Fatalf("decodeButton(%q) offset %d", id, s.offset)
		}
		again, ok := s.encode()
		if !ok || again != id {
			t.Fatalf("decodeButton(%q) = %+v, which encodes to %q", id, s, again)
		}
	})
}
