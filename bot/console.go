package bot

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// ConsoleOptions configure the terminal console.
type ConsoleOptions struct {
	// GuildID is the server the console speaks as: it sees that guild's
	// quotes and saves into it. "" means "console", a guild of its own.
	GuildID string
	// Username is the member typing; "" means "you". The console member has
	// Manage Messages, as the operator at the keyboard.
	Username string
	// Color renders bold text with terminal escapes instead of **stars**.
	Color bool
}

const consoleHelp = `Type a command as you would in Discord, then Enter:
  /quote [query] [speaker:NAME]       the best match; /quote alone for a random quote
  /who-said PHRASE                    who most likely said it
  /quotes add TEXT speaker:NAME [source:URL-OR-TITLE]
  /quotes show ID    /quotes remove ID
An option's value runs to the next option name (/quote query:fear itself speaker:Roosevelt).
Type a button's number to press it; start a line with ? to see autocomplete (? /quote speaker:ad).
help shows this, quit (or Ctrl-D) leaves.
`

// RunConsole reads commands typed on in, runs each through the same decoder
// and handlers as Discord's interactions, and writes the reply the bot would
// post, rendered for a terminal, to out. It returns at end of input, on
// "quit", or when ctx is done.
func (b *Bot) RunConsole(ctx context.Context, in io.Reader, out io.Writer, opts ConsoleOptions) error {
	c := &console{bot: b, out: out, opts: opts}
	if c.opts.GuildID == "" {
		c.opts.GuildID = "console"
	}
	if c.opts.Username == "" {
		c.opts.Username = "you"
	}
	fmt.Fprint(out, "quotebot console — what Discord would show. Type help for commands.\n> ")
	lines := make(chan string)
	errc := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 0, 64<<10), MaxInteractionSize)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		errc <- sc.Err()
		close(lines)
	}()
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(out)
			return nil
		case line, ok := <-lines:
			if !ok {
				fmt.Fprintln(out)
				return <-errc
			}
			if quit := c.line(ctx, line); quit {
				return nil
			}
			fmt.Fprint(out, "> ")
		}
	}
}

// console is one console session: what was last shown, for its buttons.
type console struct {
	bot     *Bot
	out     io.Writer
	opts    ConsoleOptions
	seq     int
	last    *discordgo.Message
	buttons []discordgo.Button
}

// line handles one typed line and reports whether to quit.
func (c *console) line(ctx context.Context, line string) (quit bool) {
	line = strings.TrimSpace(line)
	switch strings.ToLower(line) {
	case "":
		return false
	case "quit", "exit", "/quit", "/exit":
		return true
	case "help", "/help", "?":
		fmt.Fprint(c.out, consoleHelp)
		return false
	}
	if n, err := strconv.Atoi(line); err == nil {
		c.press(ctx, n)
		return false
	}
	complete := false
	if rest, ok := strings.CutPrefix(line, "?"); ok {
		complete, line = true, strings.TrimSpace(rest)
	}
	data, err := parseCommand(line, complete)
	if err != nil {
		fmt.Fprintln(c.out, err)
		return false
	}
	kind := discordgo.InteractionApplicationCommand
	if complete {
		kind = discordgo.InteractionApplicationCommandAutocomplete
	}
	c.run(ctx, c.interaction(kind, data, nil))
	return false
}

// press answers a typed button number.
func (c *console) press(ctx context.Context, n int) {
	if n < 1 || n > len(c.buttons) {
		fmt.Fprintf(c.out, "There is no button %d to press.\n", n)
		return
	}
	btn := c.buttons[n-1]
	if btn.Disabled {
		fmt.Fprintf(c.out, "Button %d (%s) is disabled.\n", n, btn.Label)
		return
	}
	data := discordgo.MessageComponentInteractionData{CustomID: btn.CustomID, ComponentType: discordgo.ButtonComponent}
	c.run(ctx, c.interaction(discordgo.InteractionMessageComponent, data, c.last))
}

// interaction builds the interaction Discord would send, as JSON, and decodes
// it the way the HTTP endpoint does, so the console exercises the real path.
func (c *console) interaction(kind discordgo.InteractionType, data discordgo.InteractionData, msg *discordgo.Message) *discordgo.Interaction {
	c.seq++
	id := strconv.FormatInt(time.Now().UnixMilli()<<22+int64(c.seq), 10)
	raw, err := json.Marshal(map[string]any{
		"id": id, "application_id": "0", "type": kind, "data": data,
		"guild_id": c.opts.GuildID, "channel_id": "console", "token": "console-" + id, "version": 1,
		"message": msg,
		"member": map[string]any{
			"user":        map[string]any{"id": "console-user", "username": c.opts.Username},
			"permissions": strconv.FormatInt(discordgo.PermissionManageMessages, 10),
		},
	})
	if err != nil {
		panic(err) // only plain values above
	}
	i, err := DecodeInteraction(raw)
	if err != nil {
		panic(err) // the console builds only valid interactions
	}
	return i
}

// run answers i and shows the reply.
func (c *console) run(ctx context.Context, i *discordgo.Interaction) {
	show := func(resp *discordgo.InteractionResponse) error {
		switch resp.Type {
		case discordgo.InteractionResponseDeferredChannelMessageWithSource, discordgo.InteractionResponseDeferredMessageUpdate:
			fmt.Fprintln(c.out, "quotebot is thinking…")
		case discordgo.InteractionApplicationCommandAutocompleteResult:
			c.choices(resp.Data.Choices)
		default:
			c.message(resp.Data)
		}
		return nil
	}
	edit := func(d *discordgo.InteractionResponseData) error { c.message(d); return nil }
	if err := c.bot.answer(ctx, i, replier{send: show, edit: edit, followup: edit}); err != nil {
		fmt.Fprintln(c.out, "error:", err)
	}
}

// choices shows autocomplete choices.
func (c *console) choices(cs []*discordgo.ApplicationCommandOptionChoice) {
	if len(cs) == 0 {
		fmt.Fprintln(c.out, "(no suggestions)")
		return
	}
	for _, ch := range cs {
		fmt.Fprintf(c.out, "  %s\n", ch.Name)
	}
}

// message renders a reply as a block of text with its buttons numbered.
func (c *console) message(d *discordgo.InteractionResponseData) {
	if d == nil {
		return
	}
	var b strings.Builder
	bar := "│ "
	if d.Flags&discordgo.MessageFlagsEphemeral != 0 {
		b.WriteString("(only you can see this)\n")
	}
	if d.Content != "" {
		b.WriteString(c.markdown(d.Content) + "\n")
	}
	for _, e := range d.Embeds {
		if e.Title != "" {
			b.WriteString(bar + c.bold(c.markdown(e.Title)) + "\n")
		}
		if e.Author != nil && e.Author.Name != "" {
			b.WriteString(bar + e.Author.Name + "\n")
		}
		if e.Description != "" {
			for _, l := range strings.Split(c.markdown(e.Description), "\n") {
				b.WriteString(bar + l + "\n")
			}
		}
		for _, f := range e.Fields {
			b.WriteString(bar + f.Name + ": " + strings.ReplaceAll(c.markdown(f.Value), "\n", "; ") + "\n")
		}
		if e.Footer != nil && e.Footer.Text != "" {
			b.WriteString(bar + e.Footer.Text + "\n")
		}
	}
	c.buttons = c.buttons[:0]
	var labels []string
	for _, row := range d.Components {
		r, ok := row.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, comp := range r.Components {
			if btn, ok := comp.(discordgo.Button); ok {
				c.buttons = append(c.buttons, btn)
				l := fmt.Sprintf("[%d] %s", len(c.buttons), btn.Label)
				if btn.Disabled {
					l += " (disabled)"
				}
				labels = append(labels, l)
			}
		}
	}
	if len(labels) > 0 {
		b.WriteString(strings.Join(labels, "   ") + "\n")
	}
	fmt.Fprint(c.out, b.String())
	c.last = &discordgo.Message{ID: "console-message", ChannelID: "console", Content: d.Content, Embeds: d.Embeds, Components: d.Components}
}

var (
	boldRE = regexp.MustCompile(`\*\*(.+?)\*\*`)
	linkRE = regexp.MustCompile(`\[([^\]]*)\]\((https?://[^)\s]+)\)`)
	escRE  = regexp.MustCompile(`\\([\\*_~` + "`" + `|>#\-\[\]<@])`)
)

// markdown renders Discord Markdown for a terminal: bold as bold (or stars),
// links as "title <url>", escapes removed.
func (c *console) markdown(s string) string {
	s = linkRE.ReplaceAllString(s, "$1 <$2>")
	if c.opts.Color {
		s = boldRE.ReplaceAllString(s, "\x1b[1m$1\x1b[0m")
	}
	return escRE.ReplaceAllString(s, "$1")
}

func (c *console) bold(s string) string {
	if c.opts.Color {
		return "\x1b[1m" + s + "\x1b[0m"
	}
	return s
}

// parseCommand reads a typed slash command into the data Discord would send.
// Bare words fill the command's main option; name:value sets any option.
// With focus, the last option typed is marked focused, for autocomplete.
func parseCommand(line string, focus bool) (discordgo.ApplicationCommandInteractionData, error) {
	words, err := splitWords(line)
	if err != nil {
		return discordgo.ApplicationCommandInteractionData{}, err
	}
	if len(words) == 0 || !strings.HasPrefix(words[0], "/") {
		return discordgo.ApplicationCommandInteractionData{}, fmt.Errorf("Commands start with /, as in /quote. Type help for the list.")
	}
	name := strings.ToLower(strings.TrimPrefix(words[0], "/"))
	words = words[1:]
	var cmd *discordgo.ApplicationCommand
	for _, cd := range Commands() {
		if cd.Type == discordgo.ChatApplicationCommand && cd.Name == name {
			cmd = cd
		}
	}
	if cmd == nil {
		return discordgo.ApplicationCommandInteractionData{}, fmt.Errorf("There is no /%s. Type help for the list.", name)
	}
	defs := cmd.Options
	var sub *discordgo.ApplicationCommandInteractionDataOption
	if len(defs) > 0 && defs[0].Type == discordgo.ApplicationCommandOptionSubCommand {
		if len(words) == 0 {
			return discordgo.ApplicationCommandInteractionData{}, fmt.Errorf("/%s needs one of: %s.", name, subNames(defs))
		}
		var sd *discordgo.ApplicationCommandOption
		for _, d := range defs {
			if d.Name == strings.ToLower(words[0]) {
				sd = d
			}
		}
		if sd == nil {
			return discordgo.ApplicationCommandInteractionData{}, fmt.Errorf("/%s needs one of: %s.", name, subNames(defs))
		}
		sub = &discordgo.ApplicationCommandInteractionDataOption{Name: sd.Name, Type: sd.Type}
		defs, words = sd.Options, words[1:]
	}
	opts, err := parseOptions(defs, words, focus)
	if err != nil {
		return discordgo.ApplicationCommandInteractionData{}, err
	}
	data := discordgo.ApplicationCommandInteractionData{ID: "console-" + cmd.Name, Name: cmd.Name, CommandType: cmd.Type}
	if sub != nil {
		sub.Options = opts
		data.Options = []*discordgo.ApplicationCommandInteractionDataOption{sub}
	} else {
		data.Options = opts
	}
	return data, nil
}

// parseOptions matches words to option definitions the way Discord's
// command box reads them: "name:" starts an option (with or without a space
// after the colon) and its value runs to the next option name; words before
// any option name fill the first option.
func parseOptions(defs []*discordgo.ApplicationCommandOption, words []string, focus bool) ([]*discordgo.ApplicationCommandInteractionDataOption, error) {
	values := map[string][]string{}
	var order []string
	var bare []string
	current := ""
	for _, w := range words {
		if k, v, ok := strings.Cut(w, ":"); ok && optionDef(defs, strings.ToLower(k)) != nil {
			current = strings.ToLower(k)
			if _, dup := values[current]; !dup {
				order = append(order, current)
			}
			values[current] = nil
			if v != "" {
				values[current] = append(values[current], v)
			}
			continue
		}
		if current != "" {
			values[current] = append(values[current], w)
			continue
		}
		bare = append(bare, w)
	}
	if len(bare) > 0 {
		if len(defs) == 0 {
			return nil, fmt.Errorf("This command takes no words.")
		}
		main := defs[0].Name
		if _, set := values[main]; set {
			return nil, fmt.Errorf("%q is not an option here; options are %s.", bare[0], optNames(defs))
		}
		values[main] = bare
		order = append([]string{main}, order...)
	}
	var out []*discordgo.ApplicationCommandInteractionDataOption
	for _, d := range defs {
		v, set := values[d.Name]
		if !set {
			if d.Required && !focus {
				return nil, fmt.Errorf("%s is required: %s:…", d.Name, d.Name)
			}
			continue
		}
		o := &discordgo.ApplicationCommandInteractionDataOption{Name: d.Name, Type: d.Type, Value: unquote(strings.Join(v, " "))}
		if focus && len(order) > 0 && order[len(order)-1] == d.Name {
			o.Focused = true
		}
		out = append(out, o)
	}
	return out, nil
}

func optionDef(defs []*discordgo.ApplicationCommandOption, name string) *discordgo.ApplicationCommandOption {
	for _, d := range defs {
		if d.Name == name {
			return d
		}
	}
	return nil
}

func subNames(defs []*discordgo.ApplicationCommandOption) string {
	var ns []string
	for _, d := range defs {
		ns = append(ns, d.Name)
	}
	return strings.Join(ns, ", ")
}

func optNames(defs []*discordgo.ApplicationCommandOption) string {
	var ns []string
	for _, d := range defs {
		ns = append(ns, d.Name+":")
	}
	return strings.Join(ns, " ")
}

// unquote drops one pair of double quotation marks around a whole value, so
// speaker:"Ada Lovelace" and speaker:Ada Lovelace mean the same.
func unquote(v string) string {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		return v[1 : len(v)-1]
	}
	return v
}

// splitWords splits a line into words at white space. Quotation marks are
// text, as in Discord's command box, so quotes that hold quotes type as-is.
func splitWords(line string) ([]string, error) {
	return strings.Fields(line), nil
}
