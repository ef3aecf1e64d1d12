package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/quotebot/quotebot/quotes"
)

// Store is what the bot needs from the quote index. Every method that takes a
// guild sees the shared corpus plus that guild's own quotes, and nothing of
// any other guild's.
type Store interface {
	// Search finds quotes matching q, best first; Results.Suggestion is set
	// when nothing matched.
	Search(ctx context.Context, q quotes.Query) (quotes.Results, error)
	// WhoSaid ranks the speakers who may have said phrase; an empty slice
	// means nobody in the collection.
	WhoSaid(ctx context.Context, guild, phrase string, limit int) ([]quotes.Attribution, error)
	// Suggest returns quotes matching a query that is still being typed.
	Suggest(ctx context.Context, guild, prefix string, limit int) ([]quotes.Match, error)
	// Speakers returns known speakers matching prefix.
	Speakers(ctx context.Context, guild, prefix string, limit int) ([]string, error)
	// SpeakerLike returns the speaker a member most likely meant by name
	// (a misspelling, a part of the name), or "".
	SpeakerLike(ctx context.Context, guild, name string) (string, error)
	// Random draws a quote, by speaker if speaker is set; the error wraps
	// quotes.ErrNotFound when there is none.
	Random(ctx context.Context, guild, speaker string) (quotes.Quote, error)
	// Get returns one quote; the error wraps quotes.ErrNotFound if it is
	// absent or not visible to guild.
	Get(ctx context.Context, guild, id string) (quotes.Quote, error)
	// Add normalizes, validates (errors wrap quotes.ErrInvalid) and stores q,
	// durably when it returns; added is false if q was already there.
	Add(ctx context.Context, q quotes.Quote) (added bool, err error)
	// Delete removes a quote; the error wraps quotes.ErrNotFound.
	Delete(ctx context.Context, guild, id string) error
	// Count counts the quotes guild sees.
	Count(ctx context.Context, guild string) (int, error)
}

// Options tune a Bot. The zero value is usable.
type Options struct {
	// Logger receives internal errors with their reference ids; nil discards.
	Logger *slog.Logger
	// Metrics, when set, gets the bot's Prometheus collectors registered.
	Metrics prometheus.Registerer
	// Now is the clock, for rate limits and timestamps; nil means time.Now.
	Now func() time.Time
	// DeferAfter is how long a transport waits for an answer before it
	// acknowledges the interaction and edits the answer in later; zero means
	// 2 s, which leaves a second of Discord's three.
	DeferAfter time.Duration
	// Limits are the rate limits; a Rate left zero (or unusable: a burst
	// under 1, no refill) takes its value from DefaultLimits().
	Limits Limits
}

// Bot answers Discord interactions from a Store. Its methods are safe for
// concurrent use.
type Bot struct {
	store      Store
	log        *slog.Logger
	now        func() time.Time
	deferAfter time.Duration
	limiter    *limiter
	metrics    *metrics
}

// New returns a Bot answering from store. It panics if opts.Metrics already
// holds quotebot's collectors, which is a programming error.
func New(store Store, opts Options) *Bot {
	b := &Bot{
		store:      store,
		log:        opts.Logger,
		now:        opts.Now,
		deferAfter: opts.DeferAfter,
	}
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	if b.now == nil {
		b.now = time.Now
	}
	if b.deferAfter <= 0 {
		b.deferAfter = 2 * time.Second
	}
	lim, def := opts.Limits, DefaultLimits()
	for _, r := range []struct{ set, def *Rate }{
		{&lim.Member, &def.Member}, {&lim.Autocomplete, &def.Autocomplete}, {&lim.Guild, &def.Guild},
	} {
		if r.set.Burst < 1 || r.set.PerSecond <= 0 {
			*r.set = *r.def
		}
	}
	b.limiter = newLimiter(lim)
	b.metrics = newMetrics(opts.Metrics, store)
	return b
}

// Handle answers one interaction. It is pure: it reads the store, may save
// or remove a quote, and returns the response without sending anything. A
// *UserError means the user should see its message; any other error is a
// failure of the system. Transports call Respond, which adds rate limits,
// error replies, metrics and the rules every reply keeps.
func (b *Bot) Handle(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	if i == nil {
		return nil, errors.New("bot: nil interaction")
	}
	switch i.Type {
	case discordgo.InteractionPing:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}, nil
	case discordgo.InteractionApplicationCommand:
		data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return nil, userErrorf("That command arrived without its data.")
		}
		switch data.Name {
		case cmdQuote:
			return b.quote(ctx, i, data)
		case cmdWhoSaid:
			return b.whoSaid(ctx, i, data)
		case cmdQuotes:
			return b.quotesCommand(ctx, i, data)
		case cmdSaveQuote:
			return b.saveMessage(ctx, i, data)
		}
		return nil, userErrorf("I don't know the command /%s.", truncateRunes(data.Name, 32))
	case discordgo.InteractionApplicationCommandAutocomplete:
		data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return autocompleteResponse(nil), nil
		}
		return b.autocomplete(ctx, i, data)
	case discordgo.InteractionMessageComponent:
		data, ok := i.Data.(discordgo.MessageComponentInteractionData)
		if !ok {
			return nil, userErrorf("That button arrived without its data.")
		}
		return b.button(ctx, i, data)
	}
	return nil, userErrorf("I can't answer that kind of interaction.")
}

// Respond answers one interaction and never fails: a *UserError becomes an
// ephemeral reply with its message, any other error is logged with a
// reference id and the user sees a short apology carrying it. A member or
// guild over its rate limit gets a friendly ephemeral reply instead, and
// autocomplete an empty list. Every reply that can hold a message parses no
// mentions and respects Discord's limits.
func (b *Bot) Respond(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse {
	start := b.now()
	cmd := commandLabel(i)
	resp, outcome := b.respond(ctx, i)
	finish(resp)
	b.metrics.observe(cmd, outcome, b.now().Sub(start))
	return resp
}

func (b *Bot) respond(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, string) {
	if i == nil {
		return ephemeral("I couldn't read that interaction."), outcomeUserError
	}
	if i.Type != discordgo.InteractionPing {
		if wait, ok := b.limiter.allow(limitKeys(i), b.now()); !ok {
			if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
				return autocompleteResponse(nil), outcomeRateLimited
			}
			return ephemeral(fmt.Sprintf("Easy there! Too many requests at once; try again in %s.", roundUp(wait))), outcomeRateLimited
		}
	}
	resp, err := b.handleSafely(ctx, i)
	if err == nil {
		return resp, outcomeOK
	}
	if msg, ok := asUserError(err); ok {
		return ephemeral(msg), outcomeUserError
	}
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		// A failed autocomplete shows no error in Discord's UI; the log says why.
		b.log.Warn("autocomplete failed", "command", commandLabel(i), "interaction", i.ID, "err", err)
		return autocompleteResponse(nil), outcomeError
	}
	ref := newRef()
	b.log.Error("interaction failed", "ref", ref, "command", commandLabel(i),
		"interaction", i.ID, "guild", i.GuildID, "user", userID(i), "err", err)
	return ephemeral(fmt.Sprintf("Sorry, something went wrong on my side. If it keeps happening, tell the bot's operator: ref %s.", ref)), outcomeError
}

// handleSafely runs Handle and turns a panic into an error, so that one bad
// interaction cannot take the bot down.
func (b *Bot) handleSafely(ctx context.Context, i *discordgo.Interaction) (resp *discordgo.InteractionResponse, err error) {
	defer func() {
		if r := recover(); r != nil {
			resp, err = nil, fmt.Errorf("bot: panic: %v", r)
		}
	}()
	resp, err = b.Handle(ctx, i)
	if err == nil && resp == nil {
		err = errors.New("bot: handler returned no response")
	}
	return resp, err
}

// roundUp renders a wait for people: "1s", "3s".
func roundUp(d time.Duration) time.Duration {
	if d < time.Second {
		return time.Second
	}
	return d.Round(time.Second)
}

// guildOf returns the guild the interaction happened in, "" in a DM. The
// guild always comes from Discord's envelope, never from options or
// custom_ids, which the user controls.
func guildOf(i *discordgo.Interaction) string { return i.GuildID }

// userID returns the id of the user who sent the interaction.
func userID(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}
