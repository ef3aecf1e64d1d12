package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// GatewayOptions configure the gateway transport.
type GatewayOptions struct {
	// Token is the bot token from the Developer Portal, without "Bot ".
	Token string
	// AppID is the application's id.
	AppID string
	// GuildID, when set, registers the commands in that guild only.
	GuildID string
	// Client carries the REST calls; nil means discordgo's default. Tests
	// point it at an in-process fake Discord.
	Client *http.Client
	// DrainTimeout bounds how long RunGateway waits, once ctx is done, for
	// the interactions in flight; 0 waits for all of them.
	DrainTimeout time.Duration
}

// ErrCutOff is returned by RunGateway when interactions were still in
// flight after GatewayOptions.DrainTimeout: it stopped waiting for them.
var ErrCutOff = errors.New("bot: interactions still in flight were cut off")

// RunGateway connects to Discord's gateway with no privileged (indeed no)
// intents, registers the commands if they changed, and answers interactions
// until ctx is done. discordgo reconnects and resumes after a dropped
// connection. When ctx is done it stops taking interactions, finishes those
// in flight (deferred edits included) for up to opts.DrainTimeout, and
// closes the connection; it returns an error wrapping ErrCutOff if some
// were still running.
func (b *Bot) RunGateway(ctx context.Context, opts GatewayOptions) error {
	if opts.Token == "" || opts.AppID == "" {
		return errors.New("bot: gateway needs a bot token and an application id")
	}
	s, _ := discordgo.New("Bot " + opts.Token) // New never fails.
	if opts.Client != nil {
		s.Client = opts.Client
	}
	// Interactions arrive whatever the intents; asking for none keeps the
	// gateway quiet and needs no privileged intent.
	s.Identify.Intents = discordgo.IntentsNone
	s.StateEnabled = false
	s.LogLevel = discordgo.LogError // higher levels log the identify payload, token and all

	changed, err := Register(s, opts.AppID, opts.GuildID)
	if err != nil {
		return err
	}
	scope := "global"
	if opts.GuildID != "" {
		scope = "guild " + opts.GuildID
	}
	b.log.Info("commands", "scope", scope, "registered", changed)

	g := &gateway{bot: b, session: s}
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		name := ""
		if r.User != nil {
			name = r.User.Username
		}
		b.log.Info("gateway ready", "user", name, "guilds", len(r.Guilds))
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) { b.log.Info("gateway resumed") })
	s.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) { g.handle(ctx, ic.Interaction) })
	if err := s.Open(); err != nil {
		return fmt.Errorf("bot: connect to gateway: %w", err)
	}
	<-ctx.Done()
	drained := g.drain(opts.DrainTimeout)
	if err := s.Close(); err != nil {
		return fmt.Errorf("bot: close gateway: %w", err)
	}
	if !drained {
		return fmt.Errorf("%w after %v", ErrCutOff, opts.DrainTimeout)
	}
	return nil
}

// gateway answers the interactions a session receives.
type gateway struct {
	bot      *Bot
	session  *discordgo.Session
	mu       sync.Mutex
	closing  bool
	inflight sync.WaitGroup
}

// handle answers one interaction through REST; while shutting down, it
// only says so.
func (g *gateway) handle(ctx context.Context, i *discordgo.Interaction) {
	g.mu.Lock()
	if g.closing {
		g.mu.Unlock()
		if i.Type != discordgo.InteractionApplicationCommandAutocomplete {
			resp := ephemeral("quotebot is restarting; try again in a minute.")
			finish(resp)
			g.session.InteractionRespond(i, resp)
		}
		return
	}
	g.inflight.Add(1)
	g.mu.Unlock()
	defer g.inflight.Done()
	if err := checkInteraction(i); err != nil {
		g.bot.log.Warn("malformed interaction from gateway", "err", err)
		return
	}
	if err := g.bot.answer(ctx, i, sessionReplier(g.session, i, nil)); err != nil {
		g.bot.log.Error("send interaction response", "interaction", i.ID, "command", commandLabel(i), "err", err)
	}
}

// drain stops taking interactions and waits for those in flight, for up to
// timeout (0: no limit). It reports whether they all finished.
func (g *gateway) drain(timeout time.Duration) bool {
	g.mu.Lock()
	g.closing = true
	g.mu.Unlock()
	done := make(chan struct{})
	go func() {
		g.inflight.Wait()
		close(done)
	}()
	var limit <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		limit = t.C
	}
	select {
	case <-done:
		return true
	case <-limit:
		return false
	}
}
