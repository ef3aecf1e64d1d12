package bot

import (
	"context"
	"time"

	"github.com/bwmarrin/discordgo"
)

// workTimeout bounds the work for one interaction. Discord accepts edits to
// a deferred reply for 15 minutes; nobody waits that long.
const workTimeout = 30 * time.Second

// answer runs Respond for i and hands the response to send. When no answer
// is ready after DeferAfter, it sends a deferred acknowledgement instead and
// later hands the answer to edit, which replaces the deferred reply. The
// work runs under its own deadline, not ctx's cancellation, so that an
// interaction already accepted is finished during shutdown.
func (b *Bot) answer(ctx context.Context, i *discordgo.Interaction,
	send func(*discordgo.InteractionResponse) error,
	edit func(*discordgo.InteractionResponseData) error,
) error {
	work, cancel := context.WithTimeout(context.WithoutCancel(ctx), workTimeout)
	defer cancel()
	done := make(chan *discordgo.InteractionResponse, 1)
	go func() { done <- b.Respond(work, i) }()

	// Autocomplete cannot be deferred; it has its own shorter timeout.
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete || i.Type == discordgo.InteractionPing {
		return send(<-done)
	}
	timer := time.NewTimer(b.deferAfter)
	defer timer.Stop()
	select {
	case resp := <-done:
		return send(resp)
	case <-timer.C:
	}
	if err := send(deferred(i)); err != nil {
		return err
	}
	resp := <-done
	if resp.Data == nil {
		resp.Data = &discordgo.InteractionResponseData{}
		finishData(resp.Data)
	}
	return edit(resp.Data)
}

// deferred acknowledges i, promising the answer later: a "thinking…" reply
// for a command, a silent acknowledgement for a button, whose message is
// then updated in place.
func deferred(i *discordgo.Interaction) *discordgo.InteractionResponse {
	t := discordgo.InteractionResponseDeferredChannelMessageWithSource
	if i.Type == discordgo.InteractionMessageComponent {
		t = discordgo.InteractionResponseDeferredMessageUpdate
	}
	resp := &discordgo.InteractionResponse{Type: t}
	finish(resp)
	return resp
}

// webhookEdit turns response data into the edit of a deferred reply.
func webhookEdit(d *discordgo.InteractionResponseData) *discordgo.WebhookEdit {
	content := d.Content
	embeds := d.Embeds
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	components := d.Components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	return &discordgo.WebhookEdit{
		Content:         &content,
		Embeds:          &embeds,
		Components:      &components,
		AllowedMentions: noMentions(),
	}
}
