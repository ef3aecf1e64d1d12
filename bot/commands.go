package bot

import (
	"github.com/bwmarrin/discordgo"
)

// Command and option names. Scripts and docs rely on them; changing one is a
// breaking change for every server the bot is in.
const (
	cmdQuote      = "quote"
	cmdWhoSaid    = "who-said"
	cmdQuotes     = "quotes"
	cmdSaveQuote  = "Save as quote"
	subAdd        = "add"
	subShow       = "show"
	subRemove     = "remove"
	optQuery      = "query"
	optSpeaker    = "speaker"
	optPhrase     = "phrase"
	optText       = "text"
	optSource     = "source"
	optID         = "id"
	maxQueryLen   = 100 // Discord lets options hold 6,000; a search needs far less
	maxPhraseLen  = 300
	maxSpeakerOpt = 100 // autocomplete values are at most 100 characters
)

// Commands returns the application commands quotebot registers. The slice is
// new on every call, so callers may change it.
func Commands() []*discordgo.ApplicationCommand {
	guildOnly := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	everywhere := []discordgo.InteractionContextType{
		discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM,
	}
	minOne := 1
	idLen := 10
	return []*discordgo.ApplicationCommand{
		{
			Name:        cmdQuote,
			Type:        discordgo.ChatApplicationCommand,
			Description: "Find a quote by what it says, or draw a random one",
			Contexts:    &everywhere,
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optQuery,
					Description: "Words from the quote (leave empty for a random quote)",
					MaxLength:   maxQueryLen, Autocomplete: true,
				},
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optSpeaker,
					Description: "Only quotes by this person",
					MaxLength:   maxSpeakerOpt, Autocomplete: true,
				},
			},
		},
		{
			Name:        cmdWhoSaid,
			Type:        discordgo.ChatApplicationCommand,
			Description: "Who most likely said this?",
			Contexts:    &everywhere,
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optPhrase,
					Description: "The phrase, as well as you remember it",
					Required:    true, MinLength: &minOne, MaxLength: maxPhraseLen,
				},
			},
		},
		{
			Name:        cmdQuotes,
			Type:        discordgo.ChatApplicationCommand,
			Description: "Save and manage this server's quotes",
			Contexts:    &guildOnly,
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionSubCommand, Name: subAdd,
					Description: "Save a quote in this server",
					Options: []*discordgo.ApplicationCommandOption{
						{
							Type: discordgo.ApplicationCommandOptionString, Name: optText,
							Description: "What was said", Required: true,
							MinLength: &minOne, MaxLength: 4000,
						},
						{
							Type: discordgo.ApplicationCommandOptionString, Name: optSpeaker,
							Description: "Who said it", Required: true,
							MinLength: &minOne, MaxLength: 200,
						},
						{
							Type: discordgo.ApplicationCommandOptionString, Name: optSource,
							Description: "Where it was said: a link or a title",
							MaxLength:   2000,
						},
					},
				},
				{
					Type: discordgo.ApplicationCommandOptionSubCommand, Name: subShow,
					Description: "Show a quote by its id",
					Options: []*discordgo.ApplicationCommandOption{{
						Type: discordgo.ApplicationCommandOptionString, Name: optID,
						Description: "The quote's id, as shown under it", Required: true,
						MinLength: &idLen, MaxLength: idLen,
					}},
				},
				{
					Type: discordgo.ApplicationCommandOptionSubCommand, Name: subRemove,
					Description: "Remove a quote you saved, that quotes you, or as a moderator",
					Options: []*discordgo.ApplicationCommandOption{{
						Type: discordgo.ApplicationCommandOptionString, Name: optID,
						Description: "The quote's id, as shown under it", Required: true,
						MinLength: &idLen, MaxLength: idLen,
					}},
				},
			},
		},
		{
			Name:     cmdSaveQuote,
			Type:     discordgo.MessageApplicationCommand,
			Contexts: &guildOnly,
		},
	}
}
