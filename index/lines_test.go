package index

import (
	"slices"
	"testing"
)

func TestLinesTokenizer(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"of the", []string{"of the"}},
		{"of the\nthe congress", []string{"of the", "the congress"}},
		{"\na\n\nb\n", []string{"a", "b"}},
	} {
		var got []string
		for i, tok := range (linesTokenizer{}).Tokenize([]byte(tc.in)) {
			got = append(got, string(tok.Term))
			if tok.Position != i+1 || tc.in[tok.Start:tok.End] != string(tok.Term) {
				t.Errorf("%q: token %d is %q at position %d, bytes %d-%d", tc.in, i, tok.Term, tok.Position, tok.Start, tok.End)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: tokens %q, want %q", tc.in, got, tc.want)
		}
	}
}
