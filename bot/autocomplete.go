package bot

import (
	"context"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// autocompleteTimeout keeps autocomplete well inside Discord's three
// seconds: a late list is never shown, so an empty one is better.
const autocompleteTimeout = 1500 * time.Millisecond

// autocomplete offers choices for the /quote option being typed: quotes that
// match the query so far, or known speakers. It never fails visibly: any
// problem offers no choices.
func (b *Bot) autocomplete(ctx context.Context, i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) (*discordgo.InteractionResponse, error) {
	f := focusedOption(data.Options)
	if data.Name != cmdQuote || f == nil {
		return autocompleteResponse(nil), nil
	}
	typed, _ := f.Value.(string)
	typed, err := cleanInput(f.Name, typed, maxQueryLen)
	if err != nil {
		return autocompleteResponse(nil), nil
	}
	ctx, cancel := context.WithTimeout(ctx, autocompleteTimeout)
	defer cancel()
	var choices []*discordgo.ApplicationCommandOptionChoice
	seen := map[string]bool{}
	add := func(name, value string) {
		value = cutWords(value, maxChoiceLen)
		if value == "" || seen[value] || len(choices) == maxChoices {
			return
		}
		seen[value] = true
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{
			Name: truncateRunes(name, maxChoiceLen), Value: value,
		})
	}
	switch f.Name {
	case optQuery:
		if typed == "" {
			return autocompleteResponse(nil), nil
		}
		ms, err := b.store.Suggest(ctx, guildOf(i), typed, maxChoices)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			text := oneLine(m.Quote.Text)
			add(m.Quote.Speaker+": "+text, text)
		}
	case optSpeaker:
		names, err := b.store.Speakers(ctx, guildOf(i), typed, maxChoices)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			add(n, n)
		}
	}
	return autocompleteResponse(choices), nil
}

// oneLine folds a text's white space to single spaces, for a choice.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
