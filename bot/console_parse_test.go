package bot

import "testing"

// TestParseCommandOptions checks that typed options read as Discord's command
// box reads them: a value runs to the next option name.
func TestParseCommandOptions(t *testing.T) {
	for _, c := range []struct {
		line string
		want map[string]string
	}{
		{"/who-said ready to do everything", map[string]string{"phrase": "ready to do everything"}},
		{"/who-said phrase: ready to do everything", map[string]string{"phrase": "ready to do everything"}},
		{"/who-said phrase:ready to do", map[string]string{"phrase": "ready to do"}},
		{"/quote query:fear itself speaker:Franklin Roosevelt", map[string]string{"query": "fear itself", "speaker": "Franklin Roosevelt"}},
		{"/quote fear itself speaker: Roosevelt", map[string]string{"query": "fear itself", "speaker": "Roosevelt"}},
		{`/quote speaker:"Ada Lovelace"`, map[string]string{"speaker": "Ada Lovelace"}},
		{`/quotes add He said "hi" to me speaker:Bob`, map[string]string{"text": `He said "hi" to me`, "speaker": "Bob"}},
	} {
		data, err := parseCommand(c.line, false)
		if err != nil {
			t.Errorf("parseCommand(%q): %v", c.line, err)
			continue
		}
		opts := data.Options
		if len(opts) == 1 && opts[0].Options != nil {
			opts = opts[0].Options // a subcommand
		}
		got := map[string]string{}
		for _, o := range opts {
			got[o.Name] = o.Value.(string)
		}
		if len(got) != len(c.want) {
			t.Errorf("parseCommand(%q) = %v, want %v", c.line, got, c.want)
			continue
		}
		for k, v := range c.want {
			if got[k] != v {
				t.Errorf("parseCommand(%q) option %s = %q, want %q", c.line, k, got[k], v)
			}
		}
	}
}
