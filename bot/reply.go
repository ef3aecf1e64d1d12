package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Discord's limits on what a reply may hold. Lengths are in characters; we
// count runes, which is never more than Discord's count.
const (
	maxContent         = 2000
	maxEmbedTitle      = 256
	maxEmbedDesc       = 4096
	maxEmbedTotal      = 6000
	maxEmbedFields     = 25
	maxFieldName       = 256
	maxFieldValue      = 1024
	maxFooter          = 2048
	maxAuthor          = 256
	maxEmbeds          = 10
	maxChoices         = 25
	maxChoiceLen       = 100
	maxCustomID        = 100
	maxButtonLabel     = 80
	maxComponentsInRow = 5
)

// noMentions is the allowed_mentions of every reply: parse nothing, so quote
// text holding @everyone, a role or a user mention never pings anyone.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// ephemeral is a reply only the user who asked can see.
func ephemeral(msg string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content: msg,
			Flags:   discordgo.MessageFlagsEphemeral,
		},
	}
}

// message is a reply everyone in the channel sees.
func message(embed *discordgo.MessageEmbed, components []discordgo.MessageComponent) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Embeds:     []*discordgo.MessageEmbed{embed},
			Components: components,
		},
	}
}

// autocompleteResponse offers choices; nil offers none.
func autocompleteResponse(choices []*discordgo.ApplicationCommandOptionChoice) *discordgo.InteractionResponse {
	if choices == nil {
		choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}
}

// finish applies the rules every reply keeps, whatever handler built it: no
// mentions are parsed, and content, embeds, choices and components are cut to
// Discord's limits. A Pong and a deferred update carry no message and are
// left alone (the edit that follows a deferred update gets finishData).
func finish(resp *discordgo.InteractionResponse) {
	if resp == nil || resp.Type == discordgo.InteractionResponsePong ||
		resp.Type == discordgo.InteractionResponseDeferredMessageUpdate {
		return
	}
	if resp.Data == nil {
		resp.Data = &discordgo.InteractionResponseData{}
	}
	finishData(resp.Data)
}

// finishData is finish for the data of a reply, also used for the edit that
// follows a deferred reply.
func finishData(d *discordgo.InteractionResponseData) {
	d.AllowedMentions = noMentions()
	d.Content = truncateRunes(d.Content, maxContent)
	if len(d.Embeds) > maxEmbeds {
		d.Embeds = d.Embeds[:maxEmbeds]
	}
	for _, e := range d.Embeds {
		fitEmbed(e)
	}
	if len(d.Choices) > maxChoices {
		d.Choices = d.Choices[:maxChoices]
	}
	for _, c := range d.Choices {
		c.Name = truncateRunes(c.Name, maxChoiceLen)
		if s, ok := c.Value.(string); ok {
			c.Value = truncateRunes(s, maxChoiceLen)
		}
	}
}

// fitEmbed cuts an embed to Discord's limits: each part to its own limit,
// at most 25 fields, then the description until the whole fits in 6,000.
func fitEmbed(e *discordgo.MessageEmbed) {
	if e == nil {
		return
	}
	e.Title = truncateRunes(e.Title, maxEmbedTitle)
	e.Description = truncateRunes(e.Description, maxEmbedDesc)
	if e.Author != nil {
		e.Author.Name = truncateRunes(e.Author.Name, maxAuthor)
	}
	if e.Footer != nil {
		e.Footer.Text = truncateRunes(e.Footer.Text, maxFooter)
	}
	if len(e.Fields) > maxEmbedFields {
		e.Fields = e.Fields[:maxEmbedFields]
	}
	for _, f := range e.Fields {
		f.Name = truncateRunes(f.Name, maxFieldName)
		f.Value = truncateRunes(f.Value, maxFieldValue)
	}
	if over := embedLen(e) - maxEmbedTotal; over > 0 {
		n := utf8.RuneCountInString(e.Description) - over
		e.Description = truncateRunes(e.Description, max(n, 1))
	}
}

// embedLen counts the characters Discord counts toward an embed's 6,000.
func embedLen(e *discordgo.MessageEmbed) int {
	n := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
	if e.Author != nil {
		n += utf8.RuneCountInString(e.Author.Name)
	}
	if e.Footer != nil {
		n += utf8.RuneCountInString(e.Footer.Text)
	}
	for _, f := range e.Fields {
		n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	return n
}

// truncateRunes cuts s to at most n characters, ending with "…" when it cut.
// It never cuts inside a character, never leaves a Markdown bold marker open
// (the marker and the bold words after it go) and never leaves a backslash
// that would escape the ellipsis.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	cut := firstRunes(s, n-1)
	for {
		before := cut
		cut = strings.TrimRightFunc(cut, unicode.IsSpace)
		if strings.Count(cut, "**")%2 == 1 {
			cut = cut[:strings.LastIndex(cut, "**")]
		}
		if trailingRun(cut, '\\')%2 == 1 || (strings.HasSuffix(cut, "*") && trailingRun(cut, '*')%2 == 1 && trailingRun(strings.TrimRight(cut, "*"), '\\')%2 == 0) {
			cut = cut[:len(cut)-1]
		}
		if cut == before {
			return cut + "…"
		}
	}
}

// trailingRun counts how many times c ends s.
func trailingRun(s string, c byte) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] == c {
		n++
	}
	return n
}

// firstRunes returns the first n characters of s.
func firstRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}
