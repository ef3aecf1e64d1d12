package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/quotebot/quotebot/bot"
	"github.com/quotebot/quotebot/quotes"
)

func TestQuoteBestMatch(t *testing.T) {
	b, _ := newBot(t, newIndex(t), bot.Options{})
	resp := respond(t, b, load(t, "quote.json"))
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || isEphemeral(resp) {
		t.Fatalf("type %d ephemeral %v, want a public message", resp.Type, isEphemeral(resp))
	}
	e := embedOf(t, resp)
	if want := "**Imagination** is more important than **knowledge**."; e.Description != want {
		t.Errorf("description = %q, want %q", e.Description, want)
	}
	if want := "— Albert Einstein, physicist"; e.Author.Name != want {
		t.Errorf("author = %q, want %q", e.Author.Name, want)
	}
	fields := map[string]string{}
	for _, f := range e.Fields {
		fields[f.Name] = f.Value
	}
	if want := "[What Life Means to Einstein](https://example.org/post/1929), The Saturday Evening Post"; fields["Source"] != want {
		t.Errorf("Source = %q, want %q", fields["Source"], want)
	}
	if fields["Date"] != "1929\\-10\\-26" {
		t.Errorf("Date = %q, want the escaped date", fields["Date"])
	}
	id := quotes.NewID("", "Albert Einstein", "Imagination is more important than knowledge.")
	if !strings.HasPrefix(e.Footer.Text, "id "+id+" · 1 of ") {
		t.Errorf("footer = %q, want id %s and the match count", e.Footer.Text, id)
	}
	bs := buttons(resp)
	if len(bs) != 3 || !bs[0].Disabled || bs[2].Label != "🎲 Random" {
		t.Fatalf("buttons = %+v, want Previous (disabled), Next, Random", bs)
	}
	for _, btn := range bs {
		if len(btn.CustomID) > 100 || strings.Contains(btn.CustomID, guildA) {
			t.Errorf("custom_id %q: over 100 or carries the guild", btn.CustomID)
		}
	}
}

// TestQuotePaging presses Next until it is disabled and checks that every
// page is a different quote of guild A's view, then presses Previous.
func TestQuotePaging(t *testing.T) {
	b, _ := newBot(t, newIndex(t), bot.Options{Limits: roomy})
	resp := respond(t, b, load(t, "quote.json", setOption("query", "knowledge")))
	seen := map[string]bool{embedOf(t, resp).Footer.Text: true}
	for n := 0; ; n++ {
		next := buttons(resp)[1]
		if next.Disabled {
			break
		}
		if n > 10 {
			t.Fatal("Next never disabled")
		}
		resp = respond(t, b, press(t, next))
		if resp.Type != discordgo.InteractionResponseUpdateMessage {
			t.Fatalf("page %d: type %d, want an update of the message", n+2, resp.Type)
		}
		e := embedOf(t, resp)
		if strings.Contains(e.Description, "secret") {
			t.Fatalf("page %d shows guild B's quote: %q", n+2, e.Description)
		}
		if seen[e.Footer.Text] {
			t.Fatalf("page %d repeats %q", n+2, e.Footer.Text)
		}
		seen[e.Footer.Text] = true
	}
	if len(seen) != 6 {
		t.Errorf("paged through %d quotes, want the 6 shared ones mentioning knowledge", len(seen))
	}
	prev := respond(t, b, press(t, buttons(resp)[0]))
	if !strings.Contains(embedOf(t, prev).Footer.Text, "5 of 6") {
		t.Errorf("Previous from the last page shows %q, want match 5 of 6", embedOf(t, prev).Footer.Text)
	}
}

func TestButtonReplayed(t *testing.T) {
	b, _ := newBot(t, newIndex(t), bot.Options{})
	resp := respond(t, b, load(t, "button_next.json"))
	if resp.Type != discordgo.InteractionResponseUpdateMessage {
		t.Fatalf("type %d, want update", resp.Type)
	}
	if f := embedOf(t, resp).Footer.Text; !strings.Contains(f, "2 of 6 matches") {
		t.Errorf("footer = %q, want match 2 of the 6 knowledge quotes", f)
	}
}

func TestForgedCustomIDs(t *testing.T) {
	b, _ := newBot(t, newIndex(t), bot.Options{Limits: roomy})
	for _, id := range []string{
		"", "x", "p|0|", "p-1|0|knowledge", "p501|0|knowledge", "p01|0|knowledge", "p1|9|abc",
		"r|0|x", "r|5|Mal", "p1|0|\x00", "g" + guildB + "|p1|0|knowledge",
		strings.Repeat("p", 101),
	} {
		resp := respond(t, b, press(t, discordgo.Button{CustomID: id}))
		if !isEphemeral(resp) || !strings.Contains(resp.Data.Content, "not one of mine") {
			t.Errorf("custom_id %q: got %+v, want the ephemeral refusal", id, resp.Data)
		}
	}
	// A well-formed custom_id naming another guild is only a query: the
	// guild still comes from the interaction.
	for _, id := range []string{"p0|0|" + guildB, "p0|0|secret", "p0|7|Mallory", "r|7|Mallory"} {
		resp := respond(t, b, press(t, discordgo.Button{CustomID: id}))
		for _, e := range resp.Data.Embeds {
			if strings.Contains(e.Description, "secret") {
				t.Errorf("custom_id %q in guild A shows guild B's quote", id)
			}
		}
	}
}

func TestQuoteRandom(t *testing.T) {
	b, _ := newBot(t, newIndex(t), bot.Options{Limits: roomy})
	for range 20 {
		resp := respond(t, b, load(t, "quote_random.json"))
		e := embedOf(t, resp)
		if strings.Contains(e.Description, "secret") {
			t.Fatalf("random quote in guild A is guild B's: %q", e.Description)
		}
		bs := buttons(resp)
		if len(bs) != 1 || bs[0].CustomID != "r|0|" {
			t.Fatalf("buttons = %+v, want one Another button", bs)
		}
	}
	resp := respond(t, b, load(t, "quote_random.json", func(m map[string]any) {
		m["data"].(map[string]any)["options"] = []any{map[string]any{"name": "speaker", "type": 3, "value": "Ada Lovelace"}}
	}))
	if a := embedOf(t, resp).Author.Name; a != "— Ada Lovelace, mathematician" {
		t.Errorf("random by Ada Lovelace: author %q", a)
	}
	another := respond(t, b, press(t, buttons(resp)[0]))
	if a := embedOf(t, another).Author.Name; another.Type != discordgo.InteractionResponseUpdateMessage || a != "— Ada Lovelace, mathematician" {
		t.Errorf("Another: type %d author %q, want an update by Ada Lovelace", another.Type, a)
	}
	resp = respond(t, b, load(t, "quote_random.json", func(m map[string]any) {
		m["data"].(map[string]any)["options"] = []any{map[string]any{"name": "speaker", "type": 3, "value": "Mallory"}}
	}))
	if !isEphemeral(resp) || !strings.Contains(resp.Data.Content, "no quotes by") || strings.Contains(resp.Data.Content, "Did you mean") {
		t.Errorf("random by guild B's speaker in guild A = %+v, want no quotes and no suggestion", resp.Data)
	}
	// A misspelt speaker: the one meant is offered.
	resp = respond(t, b, load(t, "quote_random.json", func(m map[string]any) {
		m["data"].(map[string]any)["options"] = []any{map[string]any{"name": "speaker", "type": 3, "value": "lovelce"}}
	}))
	if !isEphemeral(resp) || !strings.Contains(resp.Data.Content, "Did you mean “Ada Lovelace”?") {
		t.Errorf("random by a misspelt speaker = %q, want Ada Lovelace offered", resp.Data.Content)
	}
}

// TestQuoteStandalone shows a quote that was cut at its attribution ("…,"
// he said) with a full stop, as it reads on its own; the stored quote keeps
// its comma.
func TestQuoteStandalone(t *testing.T) {
	ix := newIndex(t)
	q := quotes.Quote{Text: "Every problem has a negotiated end,", Speaker: "Dmitri Envoy"}
	if _, err := ix.Add(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	b, _ := newBot(t, ix, bot.Options{})
	resp := respond(t, b, load(t, "quote.json", setOption("query", "negotiated end")))
	if d := embedOf(t, resp).Description; d != "Every problem has a **negotiated end**." {
		t.Errorf("description = %q, want the quote ending with a full stop", d)
	}
}

func TestQuoteNoMatch(t *testing.T) {
	b, _ := newBot(t, newIndex(t), bot.Options{})
	resp := respond(t, b, load(t, "quote.json", setOption("query", "zyxwvu qqqqq")))
	if !isEphemeral(resp) || !strings.HasPrefix(resp.Data.Content, "No quote matches") {
		t.Errorf("reply = %+v, want an ephemeral no-match", resp.Data)
	}
}

func TestMarkdownAndMentionsEscaped(t *testing.T) {
	b, _ := newBot(t, newIndex(t), bot.Options{})
	resp := respond(t, b, load(t, "quote.json", setOption("query", "deploy done")))
	d := embedOf(t, resp).Description
	want := `\@everyone the \*\***deploy**\*\* is \_done\_, thanks \<\@&1180211384745537901\>`
	if d != want {
		t.Errorf("description = %q, want %q", d, want)
	}
}

func TestAutocomplete(t *testing.T) {
	b, _ := newBot(t, newIndex(t), bot.Options{})
	resp := respond(t, b, load(t, "quote_autocomplete_query.json"))
	if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		t.Fatalf("type %d, want autocomplete result", resp.Type)
	}
	if len(resp.Data.Choices) == 0 || resp.Data.Choices[0].Value != "Imagination is more important than knowledge." {
		t.Errorf("query choices = %+v, want Einstein's quote first", choiceNames(resp))
	}
	for _, c := range resp.Data.Choices {
		if strings.Contains(c.Name, "secret") {
			t.Errorf("choice %q is guild B's", c.Name)
		}
	}
	resp = respond(t, b, load(t, "quote_autocomplete_speaker.json"))
	if got := choiceNames(resp); len(got) != 1 || got[0] != "Ada Lovelace" {
		t.Errorf("speaker choices = %q, want [Ada Lovelace]", got)
	}
	resp = respond(t, b, load(t, "quote_autocomplete_speaker.json", setOption("speaker", "mal")))
	if got := choiceNames(resp); len(got) != 0 {
		t.Errorf("speaker choices for guild B's Mallory = %q, want none", got)
	}
}

func choiceNames(resp *discordgo.InteractionResponse) []string {
	var ns []string
	for _, c := range resp.Data.Choices {
		ns = append(ns, c.Name)
	}
	return ns
}

func TestWhoSaid(t *testing.T) {
	b, _ := newBot(t, newIndex(t), bot.Options{})
	resp := respond(t, b, load(t, "who_said.json"))
	e := embedOf(t, resp)
	if !strings.HasPrefix(e.Author.Name, "Most likely Albert Einstein (") {
		t.Errorf("author = %q, want Einstein most likely", e.Author.Name)
	}
	if !strings.Contains(e.Description, "**Imagination**") {
		t.Errorf("description = %q, want the matched quote with bold words", e.Description)
	}
	// Asked as a question: the same answer, about the phrase inside it.
	resp = respond(t, b, load(t, "who_said.json", setOption("phrase", `who said "imagination matters more than knowledge"?`)))
	if q := embedOf(t, resp); q.Title != "Who said “imagination matters more than knowledge”?" || q.Author.Name != e.Author.Name {
		t.Errorf("asked as a question: title %q, author %q; want the phrase alone, and %q", q.Title, q.Author.Name, e.Author.Name)
	}
	resp = respond(t, b, load(t, "who_said.json", setOption("phrase", "purple elephants juggle quietly")))
	if isEphemeral(resp) || !strings.HasPrefix(resp.Data.Content, "Nobody in this collection") {
		t.Errorf("reply = %+v, want nobody in this collection", resp.Data)
	}
	resp = respond(t, b, load(t, "who_said.json", setOption("phrase", "keeps its knowledge and imagination secret")))
	if resp.Data.Content == "" && strings.Contains(embedOf(t, resp).Author.Name, "Mallory") {
		t.Errorf("who-said in guild A names guild B's Mallory")
	}
}

func TestQuotesAddShowRemove(t *testing.T) {
	ix := newIndex(t)
	b, _ := newBot(t, ix, bot.Options{Limits: roomy})
	resp := respond(t, b, load(t, "quotes_add.json"))
	e := embedOf(t, resp)
	if e.Title != "Quote saved" || isEphemeral(resp) {
		t.Fatalf("add: %+v, want a public saved embed", resp.Data)
	}
	id := quotes.NewID(guildA, "Bob", "The build is green, ship it.")
	q, err := ix.Get(context.Background(), guildA, id)
	if err != nil {
		t.Fatalf("Get(%s) after add: %v", id, err)
	}
	if q.Guild != guildA || q.AddedBy != adaID || q.Source.URL != "https://example.org/standup/42" || q.AddedAt.IsZero() {
		t.Errorf("saved quote = %+v, want guild A, added by Ada, the source URL and a time", q)
	}
	if _, err := ix.Get(context.Background(), guildB, id); err == nil {
		t.Errorf("guild B sees guild A's new quote")
	}

	again := respond(t, b, load(t, "quotes_add.json"))
	if !isEphemeral(again) || !strings.Contains(again.Data.Content, "already saved") {
		t.Errorf("second add = %+v, want already saved", again.Data)
	}

	show := respond(t, b, load(t, "quotes_show.json", setOption("id", strings.ToUpper(id))))
	if embedOf(t, show).Description != "The build is green, ship it." {
		t.Errorf("show = %+v", show.Data.Embeds[0])
	}
	other := respond(t, b, load(t, "quotes_show.json", setOption("id", id), inGuild(guildB)))
	if !isEphemeral(other) || !strings.Contains(other.Data.Content, "no quote") {
		t.Errorf("show in guild B = %+v, want no quote", other.Data)
	}

	denied := respond(t, b, load(t, "quotes_remove.json", setOption("id", id), asMember(strangeID, discordgo.PermissionSendMessages)))
	if !isEphemeral(denied) || !strings.Contains(denied.Data.Content, "Only the member who saved") {
		t.Errorf("remove by a stranger = %+v, want refused", denied.Data)
	}
	if _, err := ix.Get(context.Background(), guildA, id); err != nil {
		t.Fatalf("refused remove removed the quote: %v", err)
	}
	removed := respond(t, b, load(t, "quotes_remove.json", setOption("id", id)))
	if isEphemeral(removed) || !strings.HasPrefix(removed.Data.Content, "Removed quote "+id) {
		t.Errorf("remove by the saver = %+v", removed.Data)
	}
	if _, err := ix.Get(context.Background(), guildA, id); err == nil {
		t.Errorf("quote still there after remove")
	}
}

func TestRemovePermissions(t *testing.T) {
	shared := quotes.NewID("", "Francis Bacon", "Knowledge is power.")
	cases := []struct {
		name   string
		quote  quotes.Quote
		member func(map[string]any)
		ok     bool
	}{
		{"saver", quotes.Quote{Text: "a", Speaker: "Someone", AddedBy: strangeID}, asMember(strangeID, 0), true},
		{"moderator", quotes.Quote{Text: "b", Speaker: "Someone", AddedBy: adaID}, asMember(strangeID, discordgo.PermissionManageMessages), true},
		{"administrator", quotes.Quote{Text: "c", Speaker: "Someone", AddedBy: adaID}, asMember(strangeID, discordgo.PermissionAdministrator), true},
		{"quoted by user id", quotes.Quote{Text: "d", Speaker: "Grace", AddedBy: adaID, SpeakerID: strangeID}, asMember(strangeID, 0), true},
		{"quoted by username", quotes.Quote{Text: "e", Speaker: "member666", AddedBy: adaID}, asMember(strangeID, 0), true},
		{"other member", quotes.Quote{Text: "f", Speaker: "Someone", AddedBy: adaID}, asMember(strangeID, discordgo.PermissionSendMessages|discordgo.PermissionManageThreads), false},
		{"same display name is not enough", quotes.Quote{Text: "g", Speaker: "Ada", AddedBy: graceID}, asMember(strangeID, 0), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ix := newIndex(t)
			c.quote.Guild = guildA
			c.quote.Normalize()
			if _, err := ix.Add(context.Background(), c.quote); err != nil {
				t.Fatal(err)
			}
			b, _ := newBot(t, ix, bot.Options{})
			resp := respond(t, b, load(t, "quotes_remove.json", setOption("id", c.quote.ID), c.member))
			_, err := ix.Get(context.Background(), guildA, c.quote.ID)
			if gone := err != nil; gone != c.ok {
				t.Errorf("removed = %v, want %v (reply %q)", gone, c.ok, resp.Data.Content)
			}
		})
	}
	t.Run("shared corpus", func(t *testing.T) {
		ix := newIndex(t)
		b, _ := newBot(t, ix, bot.Options{})
		resp := respond(t, b, load(t, "quotes_remove.json", setOption("id", shared), asMember(strangeID, discordgo.PermissionAdministrator)))
		if _, err := ix.Get(context.Background(), "", shared); err != nil {
			t.Errorf("an administrator of one guild removed a shared quote (reply %q)", resp.Data.Content)
		}
	})
}

func TestSaveMessage(t *testing.T) {
	ix := newIndex(t)
	b, _ := newBot(t, ix, bot.Options{})
	resp := respond(t, b, load(t, "save_message.json"))
	if embedOf(t, resp).Title != "Quote saved" {
		t.Fatalf("reply = %+v", resp.Data)
	}
	text := "It's easier to ask forgiveness than it is to get permission."
	q, err := ix.Get(context.Background(), guildA, quotes.NewID(guildA, "Grace", text))
	if err != nil {
		t.Fatal(err)
	}
	wantURL := "https://discord.com/channels/" + guildA + "/1180211384745537811/1180211384745539123"
	if q.Speaker != "Grace" || q.MessageURL != wantURL || q.AddedAt.Format("2006-01-02T15:04:05") != "2025-03-04T15:04:05" || q.AddedBy != adaID {
		t.Errorf("saved %+v, want Grace, the jump link, the message time and Ada as saver", q)
	}
	// Grace, the member quoted, may remove it.
	respond(t, b, load(t, "quotes_remove.json", setOption("id", q.ID), asMember(graceID, 0)))
	if _, err := ix.Get(context.Background(), guildA, q.ID); err == nil {
		t.Errorf("the member quoted could not remove the quote")
	}
}

// TestSaveMessageMentions saves a message that mentions a member and uses a
// custom emoji: the quote reads as the message did in Discord.
func TestSaveMessageMentions(t *testing.T) {
	ix := newIndex(t)
	b, _ := newBot(t, ix, bot.Options{})
	resp := respond(t, b, load(t, "save_message.json", func(m map[string]any) {
		msg := m["data"].(map[string]any)["resolved"].(map[string]any)["messages"].(map[string]any)["1180211384745539123"].(map[string]any)
		msg["content"] = "<@1180211384745538009> asked, and <@!1180211384745538010> answered: ship it <:partyparrot:1180211384745530001>"
		msg["mentions"] = []any{
			map[string]any{"id": "1180211384745538009", "username": "ada.l", "global_name": "Ada", "discriminator": "0"},
			map[string]any{"id": "1180211384745538010", "username": "linus.t", "global_name": nil, "discriminator": "0"},
		}
	}))
	if embedOf(t, resp).Title != "Quote saved" {
		t.Fatalf("reply = %+v", resp.Data)
	}
	text := "@Ada asked, and @linus.t answered: ship it :partyparrot:"
	if _, err := ix.Get(context.Background(), guildA, quotes.NewID(guildA, "Grace", text)); err != nil {
		t.Errorf("no quote %q saved: %v", text, err)
	}
}

func TestDirectMessages(t *testing.T) {
	ix := newIndex(t)
	b, _ := newBot(t, ix, bot.Options{})
	resp := respond(t, b, load(t, "dm_quotes_add.json"))
	if !isEphemeral(resp) || !strings.Contains(resp.Data.Content, "in a server only") {
		t.Errorf("add in a DM = %+v, want refused", resp.Data)
	}
	n, _ := ix.Count(context.Background(), "")
	if n != sharedSeed() {
		t.Errorf("shared corpus has %d quotes after a DM add, want %d", n, sharedSeed())
	}
}

func TestPing(t *testing.T) {
	b, _ := newBot(t, newIndex(t), bot.Options{})
	if resp := respond(t, b, load(t, "ping.json")); resp.Type != discordgo.InteractionResponsePong {
		t.Errorf("ping answered with type %d", resp.Type)
	}
}

// roomy limits let a test send as fast as it likes.
var roomy = bot.Limits{
	Member:       bot.Rate{Burst: 1000, PerSecond: 1000},
	Autocomplete: bot.Rate{Burst: 1000, PerSecond: 1000},
	Guild:        bot.Rate{Burst: 1000, PerSecond: 1000},
}

// TestHostileInput sends what strangers may type: each gets a clear answer,
// quickly, and nothing of guild B's.
func TestHostileInput(t *testing.T) {
	b, _ := newBot(t, newIndex(t), bot.Options{Limits: roomy})
	cases := []struct {
		name, query, want string
	}{
		{"100k characters", strings.Repeat("knowledge ", 10_000), "at most 100"},
		{"control characters", "know\x00ledge\x1b[2J", "control character"},
		{"bleve syntax", `+speaker:Mallory -"x" secret~2 /.*/ ^5`, ""},
		{"regular expression bomb", "(a+)+$ (.*a){20} " + strings.Repeat("a", 50), ""},
		{"nested quotation marks", strings.Repeat(`"“'‘`, 20), ""},
		{"mentions", "@everyone <@&1> knowledge", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			resp := respond(t, b, load(t, "quote.json", setOption("query", c.query)))
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			if c.want != "" && (!isEphemeral(resp) || !strings.Contains(resp.Data.Content, c.want)) {
				t.Errorf("reply %+v, want an ephemeral %q", resp.Data, c.want)
			}
			for _, e := range resp.Data.Embeds {
				if strings.Contains(e.Description, "secret") {
					t.Errorf("guild B's quote shown: %q", e.Description)
				}
			}
			if strings.Contains(resp.Data.Content, "Sorry") {
				t.Errorf("internal error for hostile input: %q", resp.Data.Content)
			}
		})
	}
}
