package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// buildQuotebot builds the quotebot command from the module above this one
// into dir and returns its path.
func buildQuotebot(dir string) (string, error) {
	bin, err := filepath.Abs(filepath.Join(dir, "quotebot"))
	if err != nil {
		return "", err
	}
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = ".."
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build quotebot: %w", err)
	}
	return bin, nil
}

// importCLI imports corpus into a new index in dir with the real command,
// `quotebot import --json --index DIR CORPUS`, as an operator would (its
// own collector settings, batches and compaction included), and measures it
// as childImport measures the other engines: wall and CPU time, peak RSS and
// peak anonymous memory of that process alone. A new index starts with the
// bundled corpus (a few dozen quotes), which the count leaves out. With a
// memCap the command runs under its memory limit.
func importCLI(mc *memCap, bin, dir, corpus, profile string) (importResult, error) {
	args := []string{"import", "--json", "--index", dir}
	if profile != "" {
		args = append(args, "--cpuprofile", profile)
	}
	cmd := mc.command(bin, append(args, corpus)...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return importResult{}, err
	}
	anon := anonPeak(strconv.Itoa(cmd.Process.Pid))
	err := cmd.Wait()
	secs := time.Since(start).Seconds()
	anonKB := anon()
	if err != nil {
		return importResult{}, fmt.Errorf("quotebot import: %w", err)
	}
	var sum struct {
		Added int `json:"added"`
	}
	if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
		return importResult{}, fmt.Errorf("quotebot import printed %q: %w", out.String(), err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return importResult{}, fmt.Errorf("quotebot import: no resource usage")
	}
	return importResult{
		Quotes:  sum.Added,
		Seconds: secs,
		CPU:     cpuTime(ru),
		HWMKB:   int(ru.Maxrss), // KiB on Linux
		AnonKB:  anonKB,
	}, nil
}
