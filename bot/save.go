package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/quotebot/quotebot/quotes"
)

// quotesCommand dispatches /quotes add, show and remove.
func (b *Bot) quotesCommand(ctx context.Context, i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) (*discordgo.InteractionResponse, error) {
	if len(data.Options) != 1 || data.Options[0] == nil {
		return nil, userErrorf("Use /quotes add, /quotes show or /quotes remove.")
	}
	sub := data.Options[0]
	switch sub.Name {
	case subAdd:
		return b.add(ctx, i, sub.Options)
	case subShow:
		return b.show(ctx, i, sub.Options)
	case subRemove:
		return b.remove(ctx, i, sub.Options)
	}
	return nil, userErrorf("Use /quotes add, /quotes show or /quotes remove.")
}

// add answers /quotes add text speaker [source].
func (b *Bot) add(ctx context.Context, i *discordgo.Interaction, opts []*discordgo.ApplicationCommandInteractionDataOption) (*discordgo.InteractionResponse, error) {
	text, err := cleanInput(optText, optionString(opts, optText), quotes.MaxTextLen)
	if err != nil {
		return nil, err
	}
	speaker, err := cleanInput(optSpeaker, optionString(opts, optSpeaker), quotes.MaxSpeakerLen)
	if err != nil {
		return nil, err
	}
	source, err := cleanInput(optSource, optionString(opts, optSource), quotes.MaxFieldLen)
	if err != nil {
		return nil, err
	}
	if text == "" || speaker == "" {
		return nil, userErrorf("A quote needs its text and who said it: /quotes add text:… speaker:…")
	}
	q := quotes.Quote{Text: text, Speaker: speaker, AddedAt: b.now().UTC()}
	if httpURL(source) != "" {
		q.Source.URL = source
	} else {
		q.Source.Title = source
	}
	return b.save(ctx, i, q)
}

// saveMessage answers the "Save as quote" message command: the message's
// text, said by its author, with a jump link and the time it was sent.
func (b *Bot) saveMessage(ctx context.Context, i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) (*discordgo.InteractionResponse, error) {
	var msg *discordgo.Message
	if data.Resolved != nil {
		msg = data.Resolved.Messages[data.TargetID]
	}
	if msg == nil || msg.Author == nil {
		return nil, userErrorf("I couldn't see that message.")
	}
	text := strings.TrimSpace(readableContent(msg))
	if text == "" {
		return nil, userErrorf("That message has no text to save.")
	}
	// The name the server knows them by: nickname, display name, username.
	speaker := msg.Author.GlobalName
	if msg.Member != nil && msg.Member.Nick != "" {
		speaker = msg.Member.Nick
	}
	if speaker == "" {
		speaker = msg.Author.Username
	}
	q := quotes.Quote{
		Text:       text,
		Speaker:    speaker,
		AddedAt:    msg.Timestamp.UTC(),
		MessageURL: messageURL(guildOf(i), msg.ChannelID, msg.ID),
		SpeakerID:  msg.Author.ID,
	}
	if msg.Timestamp.IsZero() {
		q.AddedAt = b.now().UTC()
	}
	return b.save(ctx, i, q)
}

// readableContent is a message's text as members read it in Discord: a
// mention of a member as @ and their name, a custom emoji as :name:. A
// saved quote is searched and shown away from its message, where
// "<@80351110224678912>" means nothing and no one searches for it. Role and
// channel mentions, which the message does not resolve, stay as they are.
func readableContent(m *discordgo.Message) string {
	var pairs []string
	for _, u := range m.Mentions {
		if u == nil || u.ID == "" {
			continue
		}
		name := cmp.Or(u.GlobalName, u.Username)
		if name == "" {
			continue
		}
		pairs = append(pairs, "<@"+u.ID+">", "@"+name, "<@!"+u.ID+">", "@"+name)
	}
	text := m.Content
	if len(pairs) > 0 {
		text = strings.NewReplacer(pairs...).Replace(text)
	}
	return customEmoji.ReplaceAllString(text, ":$1:")
}

// customEmoji matches a custom (or animated) emoji in a message's text.
var customEmoji = regexp.MustCompile(`<a?:(\w{2,32}):\d+>`)

// save stores q in the interaction's guild, saved by the member who asked.
func (b *Bot) save(ctx context.Context, i *discordgo.Interaction, q quotes.Quote) (*discordgo.InteractionResponse, error) {
	guild := guildOf(i)
	if guild == "" {
		return nil, userErrorf("Quotes can be saved in a server only, not in direct messages.")
	}
	q.Guild = guild
	q.AddedBy = userID(i)
	q.Normalize()
	if err := q.Validate(); err != nil {
		return nil, invalid(err)
	}
	added, err := b.store.Add(ctx, q)
	if errors.Is(err, quotes.ErrInvalid) {
		return nil, invalid(err)
	}
	if err != nil {
		return nil, fmt.Errorf("bot: add: %w", err)
	}
	if !added {
		return nil, userErrorf("That quote is already saved, as id %s.", q.ID)
	}
	b.metrics.saved()
	e := quoteEmbed(quotes.Match{Quote: q}, "saved by "+displayName(i))
	e.Title = "Quote saved"
	return message(e, nil), nil
}

// invalid turns a validation error into what the user sees.
func invalid(err error) error {
	msg := strings.TrimPrefix(err.Error(), quotes.ErrInvalid.Error()+": ")
	return userErrorf("That quote can't be saved: %s.", msg)
}

// show answers /quotes show id.
func (b *Bot) show(ctx context.Context, i *discordgo.Interaction, opts []*discordgo.ApplicationCommandInteractionDataOption) (*discordgo.InteractionResponse, error) {
	q, err := b.lookup(ctx, i, opts)
	if err != nil {
		return nil, err
	}
	return message(quoteEmbed(quotes.Match{Quote: q}, ""), nil), nil
}

// remove answers /quotes remove id. It is allowed to the member who saved
// the quote, the member quoted, and members with Manage Messages, all read
// from Discord's envelope; the shared corpus cannot be removed from Discord.
func (b *Bot) remove(ctx context.Context, i *discordgo.Interaction, opts []*discordgo.ApplicationCommandInteractionDataOption) (*discordgo.InteractionResponse, error) {
	q, err := b.lookup(ctx, i, opts)
	if err != nil {
		return nil, err
	}
	guild := guildOf(i)
	if guild == "" || q.Guild != guild {
		return nil, userErrorf("Quote %s belongs to the collection every server shares; only the bot's operator can remove it.", q.ID)
	}
	if !mayRemove(i, q) {
		return nil, userErrorf("Only the member who saved quote %s, the member quoted, or a moderator with Manage Messages can remove it.", q.ID)
	}
	err = b.store.Delete(ctx, guild, q.ID)
	if errors.Is(err, quotes.ErrNotFound) {
		return nil, userErrorf("Quote %s was already removed.", q.ID)
	}
	if err != nil {
		return nil, fmt.Errorf("bot: delete: %w", err)
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content: fmt.Sprintf("Removed quote %s by %s.", q.ID, escapeMarkdown(q.Speaker)),
		},
	}, nil
}

// lookup reads the id option and fetches that quote from the guild.
func (b *Bot) lookup(ctx context.Context, i *discordgo.Interaction, opts []*discordgo.ApplicationCommandInteractionDataOption) (quotes.Quote, error) {
	id := strings.ToLower(strings.TrimSpace(optionString(opts, optID)))
	if !quotes.ValidID(id) {
		return quotes.Quote{}, userErrorf("%s is not a quote id; ids are %d letters and digits, shown under each quote.", quoted(id), quotes.IDLen)
	}
	q, err := b.store.Get(ctx, guildOf(i), id)
	if errors.Is(err, quotes.ErrNotFound) {
		return quotes.Quote{}, userErrorf("There is no quote %s here.", id)
	}
	if err != nil {
		return quotes.Quote{}, fmt.Errorf("bot: get %s: %w", id, err)
	}
	return q, nil
}

// mayRemove reports whether the member who sent i may remove q: the member
// who saved it, the member quoted (by user id for quotes saved from a
// message, by username otherwise), or one whose permissions in the channel
// include Manage Messages.
func mayRemove(i *discordgo.Interaction, q quotes.Quote) bool {
	uid := userID(i)
	if uid == "" || i.Member == nil {
		return false
	}
	if q.AddedBy == uid {
		return true
	}
	if q.SpeakerID == uid {
		return true
	}
	// Usernames are unique on Discord and cannot be borrowed, unlike
	// nicknames and display names, so they identify the member quoted.
	if u := i.Member.User; u != nil && u.Username != "" && strings.EqualFold(q.Speaker, u.Username) {
		return true
	}
	const mod = discordgo.PermissionManageMessages | discordgo.PermissionAdministrator
	return i.Member.Permissions&mod != 0
}

// displayName is how the member who sent i is shown.
func displayName(i *discordgo.Interaction) string {
	if i.Member != nil {
		if i.Member.Nick != "" {
			return i.Member.Nick
		}
		if u := i.Member.User; u != nil {
			if u.GlobalName != "" {
				return u.GlobalName
			}
			return u.Username
		}
	}
	if i.User != nil {
		if i.User.GlobalName != "" {
			return i.User.GlobalName
		}
		return i.User.Username
	}
	return "someone"
}

// messageURL is the jump link to a message.
func messageURL(guild, channel, msg string) string {
	if guild == "" || channel == "" || msg == "" {
		return ""
	}
	return "https://discord.com/channels/" + url.PathEscape(guild) + "/" + url.PathEscape(channel) + "/" + url.PathEscape(msg)
}
