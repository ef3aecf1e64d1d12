package bot

import (
	"context"
	"time"

	"github.com/bwmarrin/discordgo"
)

// workTimeout bounds the work for one interaction. Discord accepts edits to
// a deferred reply for 15 minutes; nobody waits that long.
const workTimeout = 30 * time.Second

// replier is how a transport delivers an answer.
type replier struct {
	// send is the one response to the interaction itself.
	send func(*discordgo.InteractionResponse) error
	// edit replaces the deferred reply (or, for a button, its message).
	edit func(*discordgo.InteractionResponseData) error
	// followup posts a further message, for an ephemeral answer to a button
	// whose press was deferred: editing would put it on everyone's message.
	followup func(*discordgo.InteractionResponseData) error
}

// sessionReplier delivers through Discord's REST API: the interaction
// callback, then its webhook for edits and followups.
func sessionReplier(s *discordgo.Session, i *discordgo.Interaction, send func(*discordgo.InteractionResponse) error) replier {
	if send == nil {
		send = func(resp *discordgo.InteractionResponse) error { return s.InteractionRespond(i, resp) }
	}
	return replier{
		send: send,
		edit: func(d *discordgo.InteractionResponseData) error {
			_, err := s.InteractionResponseEdit(i, webhookEdit(d))
			return err
		},
		followup: func(d *discordgo.InteractionResponseData) error {
			_, err := s.FollowupMessageCreate(i, false, &discordgo.WebhookParams{
				Content: d.Content, Embeds: d.Embeds, Components: d.Components,
				Flags: d.Flags, AllowedMentions: noMentions(),
			})
			return err
		},
	}
}

// answer runs Respond for i and hands the response to r.send. When no answer
// is ready after DeferAfter, it sends a deferred acknowledgement instead and
// later hands the answer to r.edit, which replaces the deferred reply (or to
// r.followup, for an ephemeral answer to a button). The work runs under its
// own deadline, not ctx's cancellation, so that an interaction already
// accepted is finished during shutdown.
func (b *Bot) answer(ctx context.Context, i *discordgo.Interaction, r replier) error {
	work, cancel := context.WithTimeout(context.WithoutCancel(ctx), workTimeout)
	defer cancel()
	done := make(chan *discordgo.InteractionResponse, 1)
	go func() { done <- b.Respond(work, i) }()

	// Autocomplete cannot be deferred; it has its own shorter timeout.
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete || i.Type == discordgo.InteractionPing {
		return r.send(<-done)
	}
	timer := time.NewTimer(b.deferAfter)
	defer timer.Stop()
	select {
	case resp := <-done:
		return r.send(resp)
	case <-timer.C:
	}
	if err := r.send(deferred(i)); err != nil {
		return err
	}
	resp := <-done
	if resp.Data == nil {
		resp.Data = &discordgo.InteractionResponseData{}
		finishData(resp.Data)
	}
	if i.Type == discordgo.InteractionMessageComponent && resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0 {
		return r.followup(resp.Data)
	}
	return r.edit(resp.Data)
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
