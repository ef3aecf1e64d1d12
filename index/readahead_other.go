//go:build !linux

package index

// adviseReadahead does nothing where quotebot does not know how to advise
// the kernel; see readahead_linux.go.
func (ix *Index) adviseReadahead(on bool) {}
