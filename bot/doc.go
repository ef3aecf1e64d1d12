// Package bot is quotebot on Discord: the slash-command definitions, pure
// handlers that turn an interaction into a response, and the three transports
// that carry them (the gateway, the HTTP interactions endpoint and a terminal
// console). It is the only package that imports discordgo.
package bot
