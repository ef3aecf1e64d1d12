package bot

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// MaxInteractionSize caps the body of an interaction. Discord's largest are
// message commands carrying a resolved message; 1 MiB is far above them.
const MaxInteractionSize = 1 << 20

// DecodeInteraction parses an interaction as Discord sends it to the HTTP
// endpoint. It rejects what no real interaction looks like: bodies over
// MaxInteractionSize, unknown types, a missing id or token, or command data
// of the wrong shape. The result is safe to hand to Respond.
func DecodeInteraction(body []byte) (*discordgo.Interaction, error) {
	if len(body) > MaxInteractionSize {
		return nil, fmt.Errorf("bot: interaction of %d bytes is over %d", len(body), MaxInteractionSize)
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		return nil, fmt.Errorf("bot: decode interaction: %w", err)
	}
	if err := checkInteraction(&i); err != nil {
		return nil, err
	}
	return &i, nil
}

// checkInteraction validates an interaction however it arrived.
func checkInteraction(i *discordgo.Interaction) error {
	switch i.Type {
	case discordgo.InteractionPing:
		return nil
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		if _, ok := i.Data.(discordgo.ApplicationCommandInteractionData); !ok {
			return errors.New("bot: interaction: command without command data")
		}
	case discordgo.InteractionMessageComponent:
		if _, ok := i.Data.(discordgo.MessageComponentInteractionData); !ok {
			return errors.New("bot: interaction: component without component data")
		}
	case discordgo.InteractionModalSubmit:
		// Decoded but answered with "I can't answer that".
	default:
		return fmt.Errorf("bot: interaction: unknown type %d", i.Type)
	}
	if i.ID == "" || i.Token == "" {
		return errors.New("bot: interaction: missing id or token")
	}
	if i.Member == nil && i.User == nil {
		return errors.New("bot: interaction: no member and no user")
	}
	return nil
}
