package bot

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/quotebot/quotebot/quotes"
)

// embedColor is the stripe beside every quote.
const embedColor = 0x5865F2

// Markers for the highlighted ranges while the text is escaped. Validate
// rejects control characters in quote text, so no stored quote holds them.
const (
	markOpen  = "\x01"
	markClose = "\x02"
)

// markdownSpecial are the characters Discord's Markdown gives a meaning to.
const markdownSpecial = "\\*_~`|>#-[]<@"

// escapeMarkdown makes s print as typed in Discord: every character Markdown
// could read as formatting gets a backslash.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, r := range s {
		if r < utf8.RuneSelf && strings.IndexByte(markdownSpecial, byte(r)) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// markedText renders a quote's text for an embed description: Markdown in
// the text escaped, the matched words in bold, cut cleanly to limit.
func markedText(text string, spans []quotes.Span, limit int) string {
	if strings.ContainsAny(text, markOpen+markClose) {
		spans = nil // cannot happen for a valid quote; never mis-mark one
	}
	s := escapeMarkdown(quotes.Mark(quotes.Standalone(text), spans, markOpen, markClose))
	s = strings.ReplaceAll(strings.ReplaceAll(s, markOpen, "**"), markClose, "**")
	return truncateRunes(s, limit)
}

// quoteEmbed renders one quote: its text with the matched words in bold, who
// said it and in what role, where and when, and its id. footer is added after
// the id ("2 of 17 matches").
func quoteEmbed(m quotes.Match, footer string) *discordgo.MessageEmbed {
	q := m.Quote
	e := &discordgo.MessageEmbed{
		Color:       embedColor,
		Description: markedText(q.Text, m.Highlights, maxEmbedDesc),
		Author:      &discordgo.MessageEmbedAuthor{Name: speakerLine(q)},
	}
	if src := sourceValue(q.Source); src != "" {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Source", Value: src, Inline: true})
	}
	if q.Source.Date != "" {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Date", Value: escapeMarkdown(q.Source.Date), Inline: true})
	}
	if u := httpURL(q.MessageURL); u != "" {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Saved from", Value: "[jump to message](" + u + ")", Inline: true})
	}
	if !q.AddedAt.IsZero() {
		e.Timestamp = q.AddedAt.UTC().Format(time.RFC3339)
	}
	text := "id " + q.ID
	if footer != "" {
		text += " · " + footer
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: text}
	return e
}

// speakerLine is "Speaker, Role" (embed author names are plain text).
func speakerLine(q quotes.Quote) string {
	s := q.Speaker
	if s == "" {
		s = "Unknown"
	}
	if q.Role != "" {
		s += ", " + q.Role
	}
	return "— " + s
}

// sourceValue renders a source as Markdown: its title linked to its URL when
// the URL is a web address, then the publisher.
func sourceValue(s quotes.Source) string {
	title := escapeMarkdown(s.Title)
	u := httpURL(s.URL)
	switch {
	case title != "" && u != "":
		title = "[" + escapeMarkdown(strings.NewReplacer("[", "", "]", "").Replace(truncateRunes(s.Title, 200))) + "](" + u + ")"
	case u != "":
		title = u
	}
	parts := make([]string, 0, 2)
	if title != "" {
		parts = append(parts, title)
	}
	if s.Publisher != "" {
		parts = append(parts, escapeMarkdown(s.Publisher))
	}
	return strings.Join(parts, ", ")
}

// httpURL returns raw if it is an absolute http or https URL that fits in an
// embed field, else "": a source URL is data from strangers, and
// "javascript:" has no place in a link.
func httpURL(raw string) string {
	if raw == "" || len(raw) > 512 || strings.ContainsAny(raw, " ()<>") {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return raw
}

// percent renders a confidence in [0, 1] as "83%".
func percent(c float64) string {
	c = min(max(c, 0), 1)
	return fmt.Sprintf("%.0f%%", c*100)
}
