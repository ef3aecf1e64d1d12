package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/quotebot/quotebot/bot"
	"github.com/quotebot/quotebot/quotes"
)

// TestConsole drives the console through its input as a person would and
// reads what it shows.
func TestConsole(t *testing.T) {
	ix := newIndex(t)
	b, _ := newBot(t, ix, bot.Options{Limits: roomy})
	in := strings.Join([]string{
		"help",
		"/quote imagination knowledge",
		"2", // Next
		"1", // Previous
		"/who-said imagination matters more than knowledge",
		`/quotes add "Ship it on Friday, what could go wrong" speaker:"Bob Builder"`,
		`/quote friday speaker:"Bob Builder"`,
		"? /quote speaker:ada",
		"/quote speaker:",
		"/nope",
		"7",
		`/quotes add speaker:"Nobody"`,
		"quit",
		"/quote this is never read",
	}, "\n")
	var out strings.Builder
	if err := b.RunConsole(context.Background(), strings.NewReader(in), &out, bot.ConsoleOptions{GuildID: guildA, Username: "tester"}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"/who-said PHRASE", // help
		"│ **Imagination** is more important than **knowledge**.", // the best match
		"│ — Albert Einstein, physicist",
		"│ Source: What Life Means to Einstein <https://example.org/post/1929>, The Saturday Evening Post",
		"│ Date: 1929-10-26",
		"[1] ◀ Previous (disabled)   [2] Next ▶   [3] 🎲 Random",
		"2 of 3 matches",
		"[1] ◀ Previous   [2] Next ▶",
		"Most likely Albert Einstein",
		"│ Quote saved",
		"│ — Bob Builder",
		"  Ada Lovelace", // autocomplete
		"There is no /nope",
		"There is no button 7",
		"text is required",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("console output lacks %q", want)
		}
	}
	if strings.Contains(got, "never read") {
		t.Error("the console went on after quit")
	}
	id := quotes.NewID(guildA, "Bob Builder", "Ship it on Friday, what could go wrong")
	if q, err := ix.Get(context.Background(), guildA, id); err != nil || q.AddedBy == "" {
		t.Errorf("console save: %+v, %v", q, err)
	}
	if t.Failed() || testing.Verbose() {
		t.Logf("console output:\n%s", got)
	}
}

func TestConsoleColor(t *testing.T) {
	b, _ := newBot(t, newIndex(t), bot.Options{})
	var out strings.Builder
	b.RunConsole(context.Background(), strings.NewReader("/quote imagination\n"), &out, bot.ConsoleOptions{Color: true})
	if !strings.Contains(out.String(), "\x1b[1mImagination\x1b[0m") {
		t.Errorf("bold not rendered with escapes:\n%s", out.String())
	}
}
