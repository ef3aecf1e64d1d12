package quotes

import "testing"

func TestMark(t *testing.T) {
	const text = "Ask not what\nyour country can do"
	tests := []struct {
		name  string
		spans []Span
		want  string
	}{
		{"none", nil, text},
		{"one", []Span{{4, 7}}, "Ask [not] what\nyour country can do"},
		{"only a space apart", []Span{{0, 3}, {4, 7}}, "[Ask not] what\nyour country can do"},
		{"out of order and overlapping", []Span{{4, 7}, {0, 5}}, "[Ask not] what\nyour country can do"},
		{"a line break apart", []Span{{8, 12}, {13, 17}}, "Ask not [what]\n[your] country can do"},
		{"a word apart", []Span{{0, 3}, {8, 12}}, "[Ask] not [what]\nyour country can do"},
		{"outside the text", []Span{{30, 40}, {-1, 2}}, text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Mark(text, tt.spans, "[", "]"); got != tt.want {
				t.Errorf("Mark = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRememberedPhrase(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"to be or not to be", "to be or not to be"},
		{`who said "to be or not to be"?`, "to be or not to be"},
		{"Who once said: imagination is more important than knowledge?", "imagination is more important than knowledge"},
		{"who wrote “Is this the real life?”", "Is this the real life?"},
		{"“ask not what your country can do”", "ask not what your country can do"},
		{`"ready" and "willing"`, `"ready" and "willing"`},
		{"who said", "who said"},
		{"who said?", "who said?"},
		{"whose line is it anyway", "whose line is it anyway"},
		{"  natural  ", "natural"},
	} {
		if got := RememberedPhrase(tt.in); got != tt.want {
			t.Errorf("RememberedPhrase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStandalone(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"resolve all problems through negotiations,", "resolve all problems through negotiations."},
		{"is ready to do everything in its power to achieve this.", "is ready to do everything in its power to achieve this."},
		{"natural", "natural"},
		{"Ask me in five years?", "Ask me in five years?"},
		{"", ""},
	} {
		if got := Standalone(tt.in); got != tt.want || len(got) != len(tt.in) {
			t.Errorf("Standalone(%q) = %q, want %q of the same length", tt.in, got, tt.want)
		}
	}
}
