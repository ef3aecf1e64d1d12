package index

import (
	"syscall"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// adviseReadahead tells the kernel how the index's memory-mapped segments
// are read. Open says at random (madvise MADV_RANDOM, as LMDB does by
// default), so that a page fault reads that page and not the device's whole
// readahead window: queries touch a few pages of a dictionary here and a
// posting list there. On this project's machine, whose disk reads ahead
// 8 MB, the first who-said after opening a million quotes read 400 MB and
// took 135–320 ms; with the advice it read 85 MB (most of it while bleve
// opened the segment, before the advice) and took 18–36 ms. Compact, which
// reads whole segments in order, asks for readahead back. Segments written
// later (saves, merges) are in the page cache already, as they were just
// written. Failure is harmless, so it is ignored.
func (ix *Index) adviseReadahead(on bool) {
	advice := syscall.MADV_RANDOM
	if on {
		advice = syscall.MADV_NORMAL
	}
	adv, err := ix.b.Advanced()
	if err != nil {
		return
	}
	r, err := adv.Reader()
	if err != nil {
		return
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return
	}
	for _, ss := range snap.Segments() {
		if m, ok := ss.Segment().(interface{ Data() []byte }); ok && len(m.Data()) > 0 {
			_ = syscall.Madvise(m.Data(), advice)
		}
	}
}
