package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMemCapRunsInside checks that a command started by a memCap runs in
// its cgroup, under its limit, and that the cgroup's peak is read back.
func TestMemCapRunsInside(t *testing.T) {
	mc, err := newMemCap("quotebot-bench-test", 64<<20)
	if err != nil {
		t.Skipf("no cgroup to test in (needs root and a memory controller): %v", err)
	}
	defer mc.close()
	out, err := mc.command("/bin/cat", "/proc/self/cgroup").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "/quotebot-bench-test") {
		t.Errorf("the command ran in\n%s\nnot in quotebot-bench-test", out)
	}
	file := "memory.max"
	if mc.v1 {
		file = "memory.limit_in_bytes"
	}
	if b, err := os.ReadFile(filepath.Join(mc.dir, file)); err != nil || strings.TrimSpace(string(b)) != "67108864" {
		t.Errorf("%s = %q (%v), want 67108864", file, b, err)
	}
	if p := mc.peakMB(); p < 0 || p > 64 {
		t.Errorf("peak %d MiB, want 0 to 64", p)
	}
}

// TestCappedRows checks the report's rows for the runs within the memory
// limits: beside round 1 without a limit, and the verdict of the targets.
func TestCappedRows(t *testing.T) {
	lat := func(ms ...float64) map[string][]float64 {
		m := map[string][]float64{}
		for _, k := range kinds {
			m[k] = ms
		}
		return m
	}
	sr := sizeResult{
		n:   1000,
		imp: map[string]importResult{"quotebot": {Quotes: 1000, Seconds: 2, CPU: 3, HWMKB: 2048 << 10}, "fts5": {Quotes: 1000, Seconds: 1}},
		serve: map[string][]serveResult{
			"quotebot": {{Lat: lat(1, 2), HWMKB: 400 << 10}, {Lat: lat(50), HWMKB: 900 << 10}},
			"fts5":     {{Lat: lat(10)}},
		},
		capped: &cappedResult{
			serve:      serveResult{Lat: lat(3, 20), HWMKB: 290 << 10},
			imp:        importResult{Quotes: 1000, Seconds: 4, CPU: 3.5, HWMKB: 1000 << 10},
			impPeakMB:  1024,
			serveLimit: 300, impLimit: 1024,
		},
	}
	var b strings.Builder
	rep := report{}
	rep.cappedTable(&b, sr)
	rep.targets(&b, sr)
	out := b.String()
	for _, want := range []string{
		"| quotes/s | 500 | 250 |",
		"| peak RSS, MB | 2048 | 1000 |",
		"| who-said p50 / p99 ms (steady state) | 1.0 / 2.0 | 3.0 / 20 |", // round 1 only, not the 50 ms of round 2
		"| import within a 1024 MiB memory limit | 250 quotes/s, 4 s CPU, peak RSS 1000 MB | finished |",
		"| serving within a 300 MiB memory limit | peak RSS 290 MB; p99 over target: who-said 20 ms, search 2-3 words 20 ms, exact phrase 20 ms, phrase, typo 20 ms, speaker filter 20 ms, autocomplete 20 ms | finished |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks the row\n%s\nin\n%s", want, out)
		}
	}
	sr.capped.impErr = "quotebot import: signal: killed"
	b.Reset()
	rep.targets(&b, sr)
	if !strings.Contains(b.String(), "| import within a 1024 MiB memory limit | quotebot import: signal: killed | **did not finish** |") {
		t.Errorf("a killed import is not reported as such:\n%s", b.String())
	}
}
