package main

import (
	"strings"
	"testing"
)

// TestSizeTableRows checks the rows the report writes for one query kind:
// the steady state, with answers, and the first pass after a cold start,
// each pooled over rounds and sorted before percentiles are taken.
func TestSizeTableRows(t *testing.T) {
	serve := func(steady, first []float64) serveResult {
		return serveResult{
			Lat:   map[string][]float64{kindWhoSaid: steady},
			First: map[string][]float64{kindWhoSaid: first},
			Empty: map[string]int{kindWhoSaid: 1},
		}
	}
	sr := sizeResult{
		n:   1000,
		imp: map[string]importResult{"quotebot": {}, "fts5": {}},
		serve: map[string][]serveResult{
			// Two rounds each; the pooled, sorted timings are 1..4 ms
			// (quotebot) and 10..40 ms (FTS5) in the steady state.
			"quotebot": {serve([]float64{4, 1}, []float64{8}), serve([]float64{2, 3}, []float64{9})},
			"fts5":     {serve([]float64{10, 40}, []float64{80}), serve([]float64{30, 20}, []float64{90})},
		},
	}
	var b strings.Builder
	report{}.sizeTable(&b, sr)
	out := b.String()
	for _, want := range []string{
		"| who-said | 2.0 / 4.0 | 20 / 40 | 0.10 / 0.10 | 4 / 4 | 2 / 2 |",
		"| who-said | 8.0 / 9.0 | 80 / 90 | 0.10 / 0.10 | 2 / 2 |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks the row\n%s\nin\n%s", want, out)
		}
	}
}
