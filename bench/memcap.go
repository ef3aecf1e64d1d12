package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// A memCap runs a process under a memory limit, in a cgroup of its own, as a
// container or a systemd unit with MemoryMax does. Peak RSS alone overstates
// what quotebot needs: it counts every page of the index's memory-mapped
// files the process touched, which are clean page cache the kernel can drop
// and read again. Under a limit the kernel must do so, and the figures that
// matter are whether the process still finishes and how much slower it is.
// The cgroup counts the page cache the process brings in against the limit
// too, so a run under it fits a machine or container of that size.
type memCap struct {
	dir   string // the cgroup's directory
	v1    bool   // cgroup v1's memory hierarchy, not the unified one
	limit int64  // bytes
}

// cgroupRoots are where the memory controller is looked for: cgroup v1's
// memory hierarchy, then the unified (v2) hierarchy.
var cgroupRoots = []struct {
	dir string
	v1  bool
}{
	{"/sys/fs/cgroup/memory", true},
	{"/sys/fs/cgroup", false},
}

// newMemCap makes a cgroup called name with a memory limit of limit bytes.
// It needs root and a memory controller; the error says which is missing.
func newMemCap(name string, limit int64) (*memCap, error) {
	for _, r := range cgroupRoots {
		mc := &memCap{dir: filepath.Join(r.dir, name), v1: r.v1, limit: limit}
		if r.v1 {
			if _, err := os.Stat(filepath.Join(r.dir, "memory.limit_in_bytes")); err != nil {
				continue
			}
		} else {
			ctrl, err := os.ReadFile(filepath.Join(r.dir, "cgroup.controllers"))
			if err != nil || !strings.Contains(" "+string(ctrl)+" ", " memory ") {
				continue
			}
			// Child groups get the memory controller only when their
			// parent hands it down.
			_ = os.WriteFile(filepath.Join(r.dir, "cgroup.subtree_control"), []byte("+memory"), 0o644)
		}
		_ = os.Remove(mc.dir) // left by an interrupted run; fails if in use
		if err := os.Mkdir(mc.dir, 0o755); err != nil {
			return nil, fmt.Errorf("memory limit: %w", err)
		}
		limitFile := "memory.max"
		if r.v1 {
			limitFile = "memory.limit_in_bytes"
		}
		if err := mc.write(limitFile, strconv.FormatInt(limit, 10)); err != nil {
			mc.close()
			return nil, err
		}
		if !r.v1 {
			// Swap would hide the limit; without a swap file this file
			// may be missing, which is as good.
			_ = mc.write("memory.swap.max", "0")
		}
		return mc, nil
	}
	return nil, errors.New("memory limit: no cgroup memory controller under /sys/fs/cgroup")
}

func (mc *memCap) write(file, value string) error {
	if err := os.WriteFile(filepath.Join(mc.dir, file), []byte(value), 0o644); err != nil {
		return fmt.Errorf("memory limit: %w", err)
	}
	return nil
}

// command is exec.Command(bin, args...) run inside the cgroup: a shell
// moves itself into it, then execs bin, so that every page bin touches is
// counted, and bin keeps the shell's process ID (for /proc and rusage). A
// nil memCap runs bin with no limit.
func (mc *memCap) command(bin string, args ...string) *exec.Cmd {
	if mc == nil {
		return exec.Command(bin, args...)
	}
	return exec.Command("/bin/sh", append([]string{"-c", `echo $$ > "$0" && exec "$@"`,
		filepath.Join(mc.dir, "cgroup.procs"), bin}, args...)...)
}

// peakMB is the most memory the cgroup was charged, in MiB: the processes'
// own and the page cache they brought in. -1 if the kernel does not say
// (memory.peak is new in Linux 5.19).
func (mc *memCap) peakMB() int {
	file := "memory.peak"
	if mc.v1 {
		file = "memory.max_usage_in_bytes"
	}
	b, err := os.ReadFile(filepath.Join(mc.dir, file))
	if err != nil {
		return -1
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		return -1
	}
	return int(n >> 20)
}

// close removes the cgroup; its processes must have exited.
func (mc *memCap) close() { _ = os.Remove(mc.dir) }
