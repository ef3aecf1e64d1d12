package bot

import (
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// optionString returns the string value of the option called name, "" when
// it is absent or not a string. It never panics on a malformed payload, as
// discordgo's StringValue would.
func optionString(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	for _, o := range opts {
		if o == nil || o.Name != name {
			continue
		}
		if s, ok := o.Value.(string); ok {
			return s
		}
	}
	return ""
}

// focusedOption returns the option the user is typing in, for autocomplete.
func focusedOption(opts []*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	for _, o := range opts {
		if o == nil {
			continue
		}
		if o.Focused {
			return o
		}
		if f := focusedOption(o.Options); f != nil {
			return f
		}
	}
	return nil
}

// cleanInput checks and tidies text a user typed: valid UTF-8, no control
// characters but line breaks and tabs, white space trimmed, at most max
// characters. field names the input in the error shown to the user.
func cleanInput(field, s string, max int) (string, error) {
	if !utf8.ValidString(s) {
		return "", userErrorf("The %s isn't valid text.", field)
	}
	for _, r := range s {
		if r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029') {
			return "", userErrorf("The %s contains a control character.", field)
		}
	}
	s = strings.TrimSpace(s)
	if n := utf8.RuneCountInString(s); n > max {
		return "", userErrorf("The %s is %d characters long; at most %d, please.", field, n, max)
	}
	return s, nil
}
