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
