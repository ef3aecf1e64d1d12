package bot

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Register makes the application's commands match Commands(): in guild only
// when guild is set (instant, for development), globally otherwise. It reads
// the registered commands first and writes, with one bulk overwrite, only
// when they differ, so restarts do not churn Discord's command cache. It
// reports whether it wrote.
func Register(s *discordgo.Session, appID, guild string) (changed bool, err error) {
	want := Commands()
	if guild != "" {
		// Contexts apply to global commands only; Discord returns none for
		// guild commands, and comparing them would rewrite on every start.
		for _, c := range want {
			c.Contexts = nil
		}
	}
	have, err := s.ApplicationCommands(appID, guild)
	if err != nil {
		return false, fmt.Errorf("bot: list commands: %w", err)
	}
	if sameCommands(have, want) {
		return false, nil
	}
	if _, err := s.ApplicationCommandBulkOverwrite(appID, guild, want); err != nil {
		return false, fmt.Errorf("bot: register commands: %w", err)
	}
	return true, nil
}

// sameCommands compares the parts of two command lists that quotebot sets,
// ignoring order and what Discord adds (ids, versions, localizations).
func sameCommands(a, b []*discordgo.ApplicationCommand) bool {
	return slices.Equal(commandKeys(a), commandKeys(b))
}

// commandKeys renders each command's definition canonically, sorted.
func commandKeys(cmds []*discordgo.ApplicationCommand) []string {
	type option struct {
		Type         discordgo.ApplicationCommandOptionType `json:"type"`
		Name         string                                 `json:"name"`
		Description  string                                 `json:"description"`
		Required     bool                                   `json:"required"`
		Autocomplete bool                                   `json:"autocomplete"`
		MinLength    int                                    `json:"min_length"`
		MaxLength    int                                    `json:"max_length"`
		Options      []option                               `json:"options"`
	}
	var conv func([]*discordgo.ApplicationCommandOption) []option
	conv = func(os []*discordgo.ApplicationCommandOption) []option {
		var out []option
		for _, o := range os {
			if o == nil {
				continue
			}
			p := option{Type: o.Type, Name: o.Name, Description: o.Description, Required: o.Required,
				Autocomplete: o.Autocomplete, MaxLength: o.MaxLength, Options: conv(o.Options)}
			if o.MinLength != nil {
				p.MinLength = *o.MinLength
			}
			out = append(out, p)
		}
		return out
	}
	keys := make([]string, 0, len(cmds))
	for _, c := range cmds {
		if c == nil {
			continue
		}
		typ := c.Type
		if typ == 0 {
			typ = discordgo.ChatApplicationCommand
		}
		var contexts []discordgo.InteractionContextType
		if c.Contexts != nil {
			contexts = slices.Sorted(slices.Values(*c.Contexts))
		}
		k, _ := json.Marshal(struct {
			Type        discordgo.ApplicationCommandType   `json:"type"`
			Name        string                             `json:"name"`
			Description string                             `json:"description"`
			Contexts    []discordgo.InteractionContextType `json:"contexts"`
			Options     []option                           `json:"options"`
		}{typ, c.Name, c.Description, contexts, conv(c.Options)})
		keys = append(keys, string(k))
	}
	slices.SortFunc(keys, strings.Compare)
	return keys
}

// RegisterCommands is Register over a REST session of its own, for the HTTP
// endpoint, which has no gateway session. It needs opts.Token and AppID.
func RegisterCommands(opts GatewayOptions) (changed bool, err error) {
	if opts.Token == "" || opts.AppID == "" {
		return false, errors.New("bot: registering commands needs a bot token and an application id")
	}
	s, _ := discordgo.New("Bot " + opts.Token) // New never fails.
	if opts.Client != nil {
		s.Client = opts.Client
	}
	return Register(s, opts.AppID, opts.GuildID)
}
