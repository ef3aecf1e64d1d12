package bot

import (
	"context"
	"errors"
	"fmt"

	"github.com/bwmarrin/discordgo"

	"github.com/quotebot/quotebot/quotes"
)

// quote answers /quote [query] [speaker]: the best match as an embed with
// buttons to page through the others, or a random quote when there is no
// query.
func (b *Bot) quote(ctx context.Context, i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) (*discordgo.InteractionResponse, error) {
	query, err := cleanInput(optQuery, optionString(data.Options, optQuery), maxQueryLen)
	if err != nil {
		return nil, err
	}
	speaker, err := cleanInput(optSpeaker, optionString(data.Options, optSpeaker), maxSpeakerOpt)
	if err != nil {
		return nil, err
	}
	st := buttonState{query: query, speaker: speaker}
	if query == "" {
		st.random = true
		return b.randomQuote(ctx, i, st, discordgo.InteractionResponseChannelMessageWithSource)
	}
	return b.page(ctx, i, st, discordgo.InteractionResponseChannelMessageWithSource)
}

// page shows match number st.offset of a search, as a new message or, for a
// button press, in place of the old one.
func (b *Bot) page(ctx context.Context, i *discordgo.Interaction, st buttonState, kind discordgo.InteractionResponseType) (*discordgo.InteractionResponse, error) {
	res, err := b.store.Search(ctx, quotes.Query{
		Guild: guildOf(i), Text: st.query, Speaker: st.speaker, Offset: st.offset, Limit: 1,
	})
	if err != nil {
		return nil, fmt.Errorf("bot: search: %w", err)
	}
	if len(res.Matches) == 0 {
		switch {
		case st.offset > 0:
			return nil, userErrorf("There are no more matches.")
		case res.Suggestion != "":
			return nil, userErrorf("No quote matches %s. Did you mean %s?", quoted(st.query), quoted(res.Suggestion))
		case st.speaker != "":
			return nil, userErrorf("No quote by %s matches %s.", quoted(st.speaker), quoted(st.query))
		}
		return nil, userErrorf("No quote matches %s.", quoted(st.query))
	}
	footer := fmt.Sprintf("%d of %d matches", st.offset+1, res.Total)
	if res.Total == 1 {
		footer = "the only match"
	}
	resp := message(quoteEmbed(res.Matches[0], footer), pageButtons(st, res.Total))
	resp.Type = kind
	return resp, nil
}

// randomQuote draws a quote, by st.speaker if set.
func (b *Bot) randomQuote(ctx context.Context, i *discordgo.Interaction, st buttonState, kind discordgo.InteractionResponseType) (*discordgo.InteractionResponse, error) {
	q, err := b.store.Random(ctx, guildOf(i), st.speaker)
	if errors.Is(err, quotes.ErrNotFound) {
		if st.speaker != "" {
			if like, err := b.store.SpeakerLike(ctx, guildOf(i), st.speaker); err == nil && like != "" {
				return nil, userErrorf("I have no quotes by %s. Did you mean %s?", quoted(st.speaker), quoted(like))
			}
			return nil, userErrorf("I have no quotes by %s.", quoted(st.speaker))
		}
		return nil, userErrorf("I have no quotes yet. Save one with /quotes add.")
	}
	if err != nil {
		return nil, fmt.Errorf("bot: random: %w", err)
	}
	st = buttonState{random: true, speaker: st.speaker}
	resp := message(quoteEmbed(quotes.Match{Quote: q}, "random"), randomButtons(st))
	resp.Type = kind
	return resp, nil
}

// button answers a press of a quote button by updating its message.
func (b *Bot) button(ctx context.Context, i *discordgo.Interaction, data discordgo.MessageComponentInteractionData) (*discordgo.InteractionResponse, error) {
	st, ok := decodeButton(data.CustomID)
	if !ok {
		return nil, userErrorf("That button is not one of mine, or it is too old to use.")
	}
	if st.random {
		return b.randomQuote(ctx, i, st, discordgo.InteractionResponseUpdateMessage)
	}
	return b.page(ctx, i, st, discordgo.InteractionResponseUpdateMessage)
}

// pageButtons are Previous, Next and Random under a search result. Previous
// and Next are disabled at the ends; no buttons fit when the speaker alone
// is too long for a custom_id.
func pageButtons(st buttonState, total int) []discordgo.MessageComponent {
	prev, next, rnd := st, st, buttonState{random: true, speaker: st.speaker}
	prev.offset = max(st.offset-1, 0)
	next.offset = st.offset + 1
	if next.offset > maxPage {
		next.offset = st.offset
	}
	prevID, ok1 := prev.encode()
	nextID, ok2 := next.encode()
	rndID, ok3 := rnd.encode()
	if !ok1 || !ok2 || !ok3 {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "◀ Previous", Style: discordgo.SecondaryButton, CustomID: prevID, Disabled: st.offset == 0},
		discordgo.Button{Label: "Next ▶", Style: discordgo.SecondaryButton, CustomID: nextID, Disabled: st.offset+1 >= total || st.offset >= maxPage},
		discordgo.Button{Label: "🎲 Random", Style: discordgo.PrimaryButton, CustomID: rndID},
	}}}
}

// randomButtons is the one button under a random quote: another one.
func randomButtons(st buttonState) []discordgo.MessageComponent {
	id, ok := st.encode()
	if !ok {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "🎲 Another", Style: discordgo.PrimaryButton, CustomID: id},
	}}}
}

// quoted renders user text inside a reply: escaped and in quotation marks.
func quoted(s string) string {
	return "“" + escapeMarkdown(truncateRunes(s, 200)) + "”"
}
