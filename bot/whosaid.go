package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/quotebot/quotebot/quotes"
)

// whoSaidCandidates is the best guess and up to two runners-up.
const whoSaidCandidates = 3

// whoSaid answers /who-said phrase: the most likely speaker with the quote
// that matched and how sure we are, and up to two runners-up.
func (b *Bot) whoSaid(ctx context.Context, i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) (*discordgo.InteractionResponse, error) {
	phrase, err := cleanInput(optPhrase, optionString(data.Options, optPhrase), maxPhraseLen)
	if err != nil {
		return nil, err
	}
	if phrase == "" {
		return nil, userErrorf("Tell me the phrase: /who-said phrase:…")
	}
	phrase = quotes.RememberedPhrase(phrase)
	atts, err := b.store.WhoSaid(ctx, guildOf(i), phrase, whoSaidCandidates)
	if err != nil {
		return nil, fmt.Errorf("bot: who-said: %w", err)
	}
	if len(atts) == 0 {
		return &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{
				Content: "Nobody in this collection said " + quoted(phrase) + ", as far as I can tell.",
			},
		}, nil
	}
	return message(whoSaidEmbed(phrase, atts), nil), nil
}

// whoSaidEmbed renders the best attribution as a quote embed headed by the
// question, with the runners-up as a field.
func whoSaidEmbed(phrase string, atts []quotes.Attribution) *discordgo.MessageEmbed {
	best := atts[0]
	m := best.Quote
	if m.Quote.Speaker == "" {
		m.Quote.Speaker = best.Speaker
	}
	e := quoteEmbed(m, percent(best.Confidence)+" sure")
	e.Title = "Who said “" + escapeMarkdown(truncateRunes(phrase, 120)) + "”?"
	e.Author.Name = "Most likely " + best.Speaker + " (" + percent(best.Confidence) + ")"
	if len(atts) > 1 {
		var lines []string
		for _, a := range atts[1:min(len(atts), whoSaidCandidates)] {
			lines = append(lines, fmt.Sprintf("%s (%s)", escapeMarkdown(a.Speaker), percent(a.Confidence)))
		}
		e.Fields = append([]*discordgo.MessageEmbedField{{
			Name: "Runners-up", Value: strings.Join(lines, "\n"),
		}}, e.Fields...)
	}
	return e
}
