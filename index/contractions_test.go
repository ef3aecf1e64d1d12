package index

import "testing"

func TestRespell(t *testing.T) {
	tests := []struct {
		in, want string
		changed  bool
	}{
		{"God does not play dice.", "god doesn't play dice", true},
		{"god doesn’t play dice", "god does not play dice", true},
		{"I'm not a crook!", "i am not a crook", true},
		{"I can not tell a lie", "i can't tell a lie", true},
		{"we will, we will rock you", "we'll we'll rock you", true},
		{"to be or not to be", "to be or not to be", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, changed := respell(tt.in)
		if got != tt.want || changed != tt.changed {
			t.Errorf("respell(%q) = %q, %v; want %q, %v", tt.in, got, changed, tt.want, tt.changed)
		}
	}
}
