package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
)

// Config is everything quotebot reads from its environment. loadConfig is the
// only reader of environment variables; subcommand flags override its fields.
type Config struct {
	// IndexDir holds the bleve index: $QUOTEBOT_DATA/index, else
	// $XDG_DATA_HOME/quotebot/index, else ~/.local/share/quotebot/index.
	IndexDir string

	Token     Secret // DISCORD_TOKEN, or the contents of DISCORD_TOKEN_FILE
	PublicKey string // DISCORD_PUBLIC_KEY, hex, for the HTTP interactions endpoint
	AppID     string // DISCORD_APP_ID
	GuildID   string // DISCORD_GUILD_ID: register commands in this guild only
	OpsAddr   string // QUOTEBOT_OPS_ADDR: /healthz and /metrics, "" = off
	OpsToken  Secret // QUOTEBOT_OPS_TOKEN: bearer token for the ops write endpoints
	LogLevel  slog.Level
}

// Secret is a string that never prints: fmt, %v, JSON-less logs and slog all
// see "[redacted]". Use Reveal where the value is really needed.
type Secret string

func (s Secret) String() string               { return redact(s) }
func (s Secret) GoString() string             { return redact(s) }
func (s Secret) LogValue() slog.Value         { return slog.StringValue(redact(s)) }
func (s Secret) MarshalText() ([]byte, error) { return []byte(redact(s)), nil }

// Reveal returns the secret's value.
func (s Secret) Reveal() string { return string(s) }

func redact(s Secret) string {
	if s == "" {
		return ""
	}
	return "[redacted]"
}

// loadConfig reads the environment through getenv. It fails only when a
// variable is set but unusable (an unreadable token file, an unknown level).
func loadConfig(getenv func(string) string) (Config, error) {
	c := Config{
		PublicKey: strings.TrimSpace(getenv("DISCORD_PUBLIC_KEY")),
		AppID:     strings.TrimSpace(getenv("DISCORD_APP_ID")),
		GuildID:   strings.TrimSpace(getenv("DISCORD_GUILD_ID")),
		OpsAddr:   strings.TrimSpace(getenv("QUOTEBOT_OPS_ADDR")),
		OpsToken:  Secret(strings.TrimSpace(getenv("QUOTEBOT_OPS_TOKEN"))),
	}
	c.Token = Secret(strings.TrimSpace(getenv("DISCORD_TOKEN")))
	if f := getenv("DISCORD_TOKEN_FILE"); f != "" && c.Token == "" {
		b, err := os.ReadFile(f)
		if err != nil {
			// The path is not secret; the contents are, and are never shown.
			return c, fmt.Errorf("config: DISCORD_TOKEN_FILE: %w", err)
		}
		c.Token = Secret(strings.TrimSpace(string(b)))
	}
	switch data := getenv("QUOTEBOT_DATA"); {
	case data != "":
		c.IndexDir = filepath.Join(data, "index")
	case getenv("XDG_DATA_HOME") != "":
		c.IndexDir = filepath.Join(getenv("XDG_DATA_HOME"), "quotebot", "index")
	case getenv("HOME") != "":
		c.IndexDir = filepath.Join(getenv("HOME"), ".local", "share", "quotebot", "index")
	default:
		c.IndexDir = filepath.Join("quotebot-data", "index")
	}
	if lv := getenv("QUOTEBOT_LOG_LEVEL"); lv != "" {
		if err := c.LogLevel.UnmarshalText([]byte(lv)); err != nil {
			return c, fmt.Errorf("config: QUOTEBOT_LOG_LEVEL: %w", err)
		}
	}
	return c, nil
}

// HasDiscord reports whether enough credentials are set to serve Discord:
// a bot token for the gateway, or a public key for the HTTP endpoint.
func (c Config) HasDiscord() bool { return c.Token != "" || c.PublicKey != "" }

// errUsage marks a mistake on the command line; run prints usage for it and
// exits with status 2.
var errUsage = errors.New("usage")
