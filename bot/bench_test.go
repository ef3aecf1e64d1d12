package bot_test

import (
	"context"
	"testing"

	"github.com/quotebot/quotebot/bot"
)

// BenchmarkRespond measures the handlers on a real in-memory index, per
// kind of interaction, rate limits out of the way.
func BenchmarkRespond(b *testing.B) {
	ix := newIndex(b)
	unlimited := bot.Rate{Burst: 1e15, PerSecond: 1e15}
	bt := bot.New(ix, bot.Options{Limits: bot.Limits{Member: unlimited, Autocomplete: unlimited, Guild: unlimited}})
	for _, name := range []string{"quote.json", "quote_random.json", "quote_autocomplete_query.json", "who_said.json", "button_next.json"} {
		i := load(b, name)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if resp := bt.Respond(context.Background(), i); resp.Data.Flags != 0 {
					b.Fatalf("%s answered %q", name, resp.Data.Content)
				}
			}
		})
	}
}
