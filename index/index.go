package index

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/quotebot/quotebot/quotes"
)

// ErrLocked is returned by Open when another process holds the index.
var ErrLocked = errors.New("index: in use by another process")

// ErrVersion is returned by Open for an index built by an incompatible
// version of quotebot.
var ErrVersion = errors.New("index: built with another mapping version")

// Index is a quote index. Its methods are safe for concurrent use.
type Index struct {
	b    bleve.Index
	path string // "" for an in-memory index

	// writeMu serialises writes, so the check for an existing ID and the
	// write that follows are atomic. It is held until bleve has taken the
	// write in (it is then searchable), not while it is persisted.
	writeMu sync.Mutex
	// persisted ends when the last write taken in, and so every earlier
	// one, is on disk (see commit); nil before the first write.
	persisted atomic.Pointer[persistence]
	// bulk holds the persistence of the last bulkAhead bulk writes, oldest
	// first; AddBulk waits for the oldest before taking in another.
	bulk   []*persistence
	bulkMu sync.Mutex

	closed atomic.Bool

	// writes counts writes; it tells cached dictionary reads (see
	// completionCache) that they may be stale.
	writes atomic.Uint64
	comp   completionCache
}

const versionKey = "quotebot_mapping_version"

// openTimeout bounds how long Open waits for another process to release the
// index before it returns ErrLocked (bleve would otherwise wait forever).
const openTimeout = time.Second

// Open opens the index in dir, creating it when dir does not exist or is
// empty. It returns ErrLocked when another process has it open, and an error
// wrapping ErrDamaged, having changed nothing, when the index's files cannot
// be read whole (a missing or corrupt segment, root.bolt or index_meta.json):
// it never replaces a damaged index with an empty one.
func Open(dir string) (*Index, error) {
	// unsafe_batch: bleve's Batch returns once the batch is searchable,
	// not once it is persisted; commit waits for the persisted callback
	// where a write must be durable. A bulk import then analyses its next
	// batch while bleve persists the last, and a save waits for the disk
	// without holding writeMu.
	config := map[string]any{"bolt_timeout": openTimeout.String(), "unsafe_batch": true}
	var want uint64
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() && !isEmptyDir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
			return nil, damaged(dir, fmt.Errorf("not an index, or a damaged one: index_meta.json: %w", err))
		}
		want, err = checkSnapshot(dir)
		switch {
		case errors.Is(err, errNeverWritten) && clearNeverWritten(dir):
			// Its creation was cut short and it holds nothing: create
			// it again below.
		case errors.Is(err, errNeverWritten):
			return nil, damaged(dir, errors.New("no snapshot in store/root.bolt, and files quotebot does not know"))
		case err != nil:
			return nil, err
		}
	}
	b, err := bleve.OpenUsing(dir, config)
	switch {
	case errors.Is(err, bleve.ErrorIndexPathDoesNotExist) || (errors.Is(err, bleve.ErrorIndexMetaMissing) && isEmptyDir(dir)):
		im, merr := newMapping()
		if merr != nil {
			return nil, fmt.Errorf("index: mapping: %w", merr)
		}
		if isEmptyDir(dir) {
			_ = os.Remove(dir) // bleve creates the directory itself
		}
		if mkErr := os.MkdirAll(filepath.Dir(filepath.Clean(dir)), 0o755); mkErr != nil {
			return nil, fmt.Errorf("index: create %s: %w", dir, mkErr)
		}
		b, err = bleve.NewUsing(dir, im, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, config)
		if err != nil {
			return nil, fmt.Errorf("index: create %s: %w", dir, err)
		}
		batch := b.NewBatch()
		batch.SetInternal([]byte(versionKey), []byte(mappingVersion))
		ix := &Index{b: b, path: dir}
		err = ix.commit(batch)
		if err == nil {
			err = ix.persisted.Load().wait()
		}
		if err != nil {
			b.Close()
			return nil, fmt.Errorf("index: create %s: %w", dir, err)
		}
	case err != nil:
		if strings.Contains(err.Error(), "timeout") {
			return nil, fmt.Errorf("%w: %s", ErrLocked, dir)
		}
		return nil, damaged(dir, err)
	}
	// bleve opens what it could load; fewer documents than the newest
	// snapshot held means something was skipped.
	if n, err := b.DocCount(); err != nil || n < want {
		b.Close()
		return nil, damaged(dir, fmt.Errorf("%d documents readable of %d written (%v)", n, want, err))
	}
	v, err := b.GetInternal([]byte(versionKey))
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("index: open %s: %w", dir, err)
	}
	if string(v) != mappingVersion {
		b.Close()
		return nil, fmt.Errorf("%w: %s has version %q, this quotebot needs %q: export it with the quotebot that built it, or read it with `quotebot salvage --index %s` (any version; a quote deleted since it was written may come back), and import that into a new directory", ErrVersion, dir, v, mappingVersion, dir)
	}
	ix := &Index{b: b, path: dir}
	ix.adviseReadahead(false)
	return ix, nil
}

func isEmptyDir(dir string) bool {
	entries, err := os.ReadDir(dir)
	return err == nil && len(entries) == 0
}

// OpenMem returns an empty index held in memory, for tests and the console.
func OpenMem() (*Index, error) {
	im, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("index: mapping: %w", err)
	}
	// scorch with no path keeps its segments in memory: the same engine,
	// and so the same behaviour, as an index on disk.
	b, err := bleve.NewUsing("", im, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("index: new in memory: %w", err)
	}
	return &Index{b: b}, nil
}

// Close waits until every write is on disk, then closes the index. Using
// the index after Close fails; closing it again does nothing.
func (ix *Index) Close() error {
	if ix.closed.Swap(true) {
		return nil
	}
	serr := ix.Sync()
	if err := ix.b.Close(); err != nil {
		return fmt.Errorf("index: close: %w", err)
	}
	if serr != nil {
		return serr
	}
	return nil
}

// Sync waits until every write taken in so far is on disk.
func (ix *Index) Sync() error {
	if err := ix.persisted.Load().wait(); err != nil {
		return fmt.Errorf("index: persist: %w", err)
	}
	return nil
}

// persistence is one write's way to disk.
type persistence struct {
	done chan struct{}
	err  error
}

// wait blocks until the write is on disk (at once for nil, which an index
// in memory uses).
func (p *persistence) wait() error {
	if p == nil {
		return nil
	}
	<-p.done
	return p.err
}

// commit hands batch to bleve, which makes it searchable at once and
// persists it in the background; ix.persisted then follows it to disk.
// Callers hold writeMu, or own the index alone, so that writes are taken in
// the order they are committed: bleve persists them in that order, and the
// last one's callback covers every earlier write.
func (ix *Index) commit(batch *bleve.Batch) error {
	p, err := ix.take(batch)
	if err != nil {
		return err
	}
	if p != nil {
		ix.persisted.Store(p)
	}
	ix.writes.Add(1)
	return nil
}

// take hands batch to bleve and returns its way to disk (nil for an index
// in memory), leaving ix.persisted to the caller.
func (ix *Index) take(batch *bleve.Batch) (*persistence, error) {
	var p *persistence
	if ix.path != "" { // an index in memory has no persister
		p = &persistence{done: make(chan struct{})}
		batch.SetPersistedCallback(func(err error) {
			p.err = err
			close(p.done)
		})
	}
	if err := ix.b.Batch(batch); err != nil {
		return nil, err
	}
	return p, nil
}

// joinPersistence is the way to disk of writes taken in together: it ends
// when all of ps have.
func joinPersistence(ps []*persistence) *persistence {
	switch {
	case len(ps) == 0:
		return nil
	case len(ps) == 1 || ps[0] == nil: // one, or an index in memory
		return ps[0]
	}
	j := &persistence{done: make(chan struct{})}
	go func() {
		for _, p := range ps {
			j.err = cmp.Or(j.err, p.wait())
		}
		close(j.done)
	}()
	return j
}

// Add indexes q after normalising and validating it; validation errors wrap
// quotes.ErrInvalid. It returns added=false, and changes nothing, when a quote
// with the same ID is already stored (IDs derive from guild, speaker and text,
// so adding the same quote twice is harmless). On an on-disk index the quote
// is persisted when Add returns.
func (ix *Index) Add(ctx context.Context, q quotes.Quote) (added bool, err error) {
	st, err := ix.AddBatch(ctx, []quotes.Quote{q})
	if err != nil {
		var be *BatchError
		if errors.As(err, &be) && len(be.Rejected) == 1 {
			return false, be.Rejected[0].Err
		}
		return false, err
	}
	return st.Added == 1, nil
}

// BatchStats counts what AddBatch did.
type BatchStats struct {
	Added     int // new quotes written
	Unchanged int // quotes whose ID was already stored (or repeated in the batch)
}

// Rejected is one quote of a batch that failed validation.
type Rejected struct {
	Pos int // its position in the batch
	Err error
}

// BatchError is returned by AddBatch when some quotes failed validation; the
// valid ones were written all the same.
type BatchError struct {
	Rejected []Rejected
}

func (e *BatchError) Error() string {
	return fmt.Sprintf("index: %d of the batch rejected, first: %v", len(e.Rejected), e.Rejected[0].Err)
}

// MaxBatch is the most quotes AddBatch writes in one bleve batch; larger
// slices are written in several, each persisted before the next.
const MaxBatch = 2000

// AddBatch indexes qs like Add, in batches. Invalid quotes are skipped and
// reported in a *BatchError; the rest are written, and on disk when it
// returns. Stats count the valid ones.
func (ix *Index) AddBatch(ctx context.Context, qs []quotes.Quote) (BatchStats, error) {
	return ix.add(ctx, qs, true)
}

// AddBulk is AddBatch for bulk imports: it returns once the quotes are
// searchable, and they are on disk after Sync or Close. The caller thus
// reads and analyses its next batch while bleve persists the last one,
// which took bulk imports from one core to two. At most bulkAhead batches
// wait for the disk at a time, so memory stays bounded.
func (ix *Index) AddBulk(ctx context.Context, qs []quotes.Quote) (BatchStats, error) {
	return ix.add(ctx, qs, false)
}

// bulkAhead is how many bulk batches may wait for the disk.
const bulkAhead = 2

func (ix *Index) add(ctx context.Context, qs []quotes.Quote, durable bool) (BatchStats, error) {
	var st BatchStats
	var rejected []Rejected
	for start := 0; start < len(qs); start += MaxBatch {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		end := min(start+MaxBatch, len(qs))
		s, rej, err := ix.addChunk(qs[start:end], start, durable)
		st.Added += s.Added
		st.Unchanged += s.Unchanged
		rejected = append(rejected, rej...)
		if err != nil {
			return st, err
		}
	}
	if len(rejected) > 0 {
		return st, &BatchError{Rejected: rejected}
	}
	return st, nil
}

func (ix *Index) addChunk(qs []quotes.Quote, offset int, durable bool) (BatchStats, []Rejected, error) {
	var st BatchStats
	var rejected []Rejected
	seen := make(map[string]bool, len(qs))
	valid := make([]quotes.Quote, 0, len(qs))
	for i, q := range qs {
		q.Normalize()
		if err := q.Validate(); err != nil {
			rejected = append(rejected, Rejected{Pos: offset + i, Err: err})
			continue
		}
		if seen[q.ID] {
			st.Unchanged++
			continue
		}
		seen[q.ID] = true
		valid = append(valid, q)
	}
	if len(valid) == 0 {
		return st, rejected, nil
	}

	if !durable {
		if err := ix.bulkRoom(); err != nil {
			return BatchStats{Unchanged: st.Unchanged}, rejected, err
		}
	}
	parts := 1
	if !durable {
		parts = builders
	}
	p, err := ix.write(valid, parts, &st)
	if err != nil {
		return st, rejected, err
	}
	if p == nil {
		return st, rejected, nil
	}
	if !durable {
		ix.bulkMu.Lock()
		ix.bulk = append(ix.bulk, p)
		ix.bulkMu.Unlock()
		return st, rejected, nil
	}
	// An acknowledged write survives a crash: wait for the disk, without
	// holding writeMu, so that saves share their waits.
	if err := p.wait(); err != nil {
		return BatchStats{Unchanged: st.Unchanged}, rejected, fmt.Errorf("index: persist batch: %w", err)
	}
	return st, rejected, nil
}

// write indexes the quotes of qs whose IDs are not stored yet, counting
// them in st, and returns the write's way to disk: nil when there was
// nothing to write or the index is in memory.
//
// The quotes are turned into bleve's documents before write takes writeMu
// (their JSON, word pairs and bleve's mapping of them: tens of
// milliseconds for a bulk batch, which saves would otherwise wait behind),
// in up to parts parts built at the same time. Under writeMu, bleve takes
// the parts in at the same time too: it analyses a batch's documents on
// every core but builds its segment on one, and building segments is most
// of a bulk import's work. The parts are committed together, so the next
// write still comes after all of them.
func (ix *Index) write(qs []quotes.Quote, parts int, st *BatchStats) (*persistence, error) {
	fresh, err := ix.unstored(qs)
	if err != nil {
		return nil, err
	}
	if len(fresh) == 0 {
		st.Unchanged += len(qs)
		return nil, nil
	}
	pts, err := ix.prepare(fresh, parts)
	if err != nil {
		return nil, err
	}
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	// A write that held writeMu meanwhile may have stored some of them.
	if again, err := ix.unstored(fresh); err != nil {
		return nil, err
	} else if len(again) < len(fresh) {
		fresh = again
		if pts, err = ix.prepare(fresh, parts); err != nil {
			return nil, err
		}
	}
	st.Unchanged += len(qs) - len(fresh)
	if len(fresh) == 0 {
		return nil, nil
	}
	inParallel(len(pts), func(i int) { pts[i].p, pts[i].err = ix.take(pts[i].batch) })
	var ps []*persistence
	for _, pt := range pts {
		if pt.err != nil {
			err = cmp.Or(err, fmt.Errorf("index: write batch: %w", pt.err))
			continue
		}
		st.Added += pt.batch.Size()
		ps = append(ps, pt.p)
	}
	p := joinPersistence(ps)
	if len(ps) > 0 {
		ix.persisted.Store(p)
		ix.writes.Add(1)
	}
	return p, err
}

// unstored returns the quotes of qs whose IDs the index does not hold.
func (ix *Index) unstored(qs []quotes.Quote) ([]quotes.Quote, error) {
	if len(qs) == 0 {
		return nil, nil
	}
	ids := make([]string, len(qs))
	for i, q := range qs {
		ids[i] = q.ID
	}
	stored, err := ix.existing(ids)
	if err != nil {
		return nil, err
	}
	if len(stored) == 0 {
		return qs, nil
	}
	fresh := make([]quotes.Quote, 0, len(qs)-len(stored))
	for _, q := range qs {
		if !stored[q.ID] {
			fresh = append(fresh, q)
		}
	}
	return fresh, nil
}

// part is one bleve batch of a write, and how taking it in went.
type part struct {
	batch *bleve.Batch
	p     *persistence
	err   error
}

// prepare turns qs into bleve batches: up to parts of them, of at least
// minPart quotes each, built at the same time.
func (ix *Index) prepare(qs []quotes.Quote, parts int) ([]part, error) {
	n := max(1, min(parts, len(qs)/minPart))
	pts := make([]part, n)
	inParallel(n, func(i int) {
		pts[i].batch = ix.b.NewBatch()
		for _, q := range qs[i*len(qs)/n : (i+1)*len(qs)/n] {
			d, err := newDocument(q, ix.commonPairs(q.Text))
			if err == nil {
				err = pts[i].batch.Index(q.ID, d)
			}
			if err != nil {
				pts[i].err = fmt.Errorf("index: add %s: %w", q.ID, err)
				return
			}
		}
	})
	for _, pt := range pts {
		if pt.err != nil {
			return nil, pt.err
		}
	}
	return pts, nil
}

// inParallel runs f(0) … f(n-1), each on a goroutine of its own when n > 1,
// and returns when all have.
func inParallel(n int, f func(i int)) {
	if n == 1 {
		f(0)
		return
	}
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { f(i) })
	}
	wg.Wait()
}

// builders is how many parts a bulk write is split in: one per core of the
// machine quotebot was measured on. AddBatch writes in one part, leaving
// the other core to a running bot's members. minPart is the smallest part.
const (
	builders = 2
	minPart  = 100
)

// bulkRoom waits until fewer than bulkAhead bulk batches wait for the disk.
func (ix *Index) bulkRoom() error {
	ix.bulkMu.Lock()
	if len(ix.bulk) < bulkAhead {
		ix.bulkMu.Unlock()
		return nil
	}
	oldest := ix.bulk[0]
	ix.bulk = ix.bulk[1:]
	ix.bulkMu.Unlock()
	if err := oldest.wait(); err != nil {
		return fmt.Errorf("index: persist batch: %w", err)
	}
	return nil
}

// existing reports which of ids are already stored.
func (ix *Index) existing(ids []string) (map[string]bool, error) {
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	req.Score = "none"
	res, err := ix.b.Search(req)
	if err != nil {
		return nil, fmt.Errorf("index: look up ids: %w", err)
	}
	found := make(map[string]bool, len(res.Hits))
	for _, h := range res.Hits {
		found[h.ID] = true
	}
	return found, nil
}

// newDocument is what bleve indexes for q.
func newDocument(q quotes.Quote, pairs []string) (*document, error) {
	js, err := json.Marshal(q)
	if err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	return &document{
		Text:    q.Text,
		Speaker: q.Speaker,
		SpkKey:  lines(speakerKeys(q.Guild, q.Speaker)),
		Guild:   guildTerm(q.Guild),
		Rand:    lines(randBuckets(q.ID)),
		Stored:  string(js),
		Pairs:   lines(pairs),
	}, nil
}

func guildTerm(guild string) string {
	if guild == "" {
		return sharedGuild
	}
	return guild
}

// randBuckets are the buckets of Random that hold the quote: the first one
// and the first two characters of its ID. IDs are hashes, so each bucket of
// a level holds about the same share of the quotes.
func randBuckets(id string) []string {
	if len(id) < 2 {
		return []string{id}
	}
	return []string{id[:1], id[:2]}
}

// Get returns the quote with the given ID if guild may see it (it is in the
// shared corpus or belongs to guild); otherwise an error wrapping
// quotes.ErrNotFound.
func (ix *Index) Get(ctx context.Context, guild, id string) (quotes.Quote, error) {
	if !quotes.ValidID(id) {
		return quotes.Quote{}, fmt.Errorf("index: quote %q: %w", id, quotes.ErrNotFound)
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{fieldStored}
	req.Score = "none"
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return quotes.Quote{}, fmt.Errorf("index: get %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return quotes.Quote{}, fmt.Errorf("index: quote %s: %w", id, quotes.ErrNotFound)
	}
	q, err := decodeHit(res.Hits[0])
	if err != nil {
		return quotes.Quote{}, err
	}
	if q.Guild != "" && q.Guild != guild {
		return quotes.Quote{}, fmt.Errorf("index: quote %s: %w", id, quotes.ErrNotFound)
	}
	return q, nil
}

// Delete removes the quote with the given ID if it belongs to guild (the
// empty guild owns the shared corpus). A quote of another guild is reported
// as not found, like one that does not exist.
func (ix *Index) Delete(ctx context.Context, guild, id string) error {
	p, err := ix.deleteOwn(ctx, guild, id)
	if err != nil {
		return err
	}
	// As for a save: wait for the disk without holding writeMu.
	if err := p.wait(); err != nil {
		return fmt.Errorf("index: delete %s: persist: %w", id, err)
	}
	return nil
}

// deleteOwn removes the quote if guild owns it, holding writeMu so that the
// check and the write go together, and returns the write's way to disk.
func (ix *Index) deleteOwn(ctx context.Context, guild, id string) (*persistence, error) {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	q, err := ix.Get(ctx, guild, id)
	if err != nil {
		return nil, err
	}
	if q.Guild != guild {
		return nil, fmt.Errorf("index: quote %s: %w", id, quotes.ErrNotFound)
	}
	batch := ix.b.NewBatch()
	batch.Delete(id)
	if err := ix.commit(batch); err != nil {
		return nil, fmt.Errorf("index: delete %s: %w", id, err)
	}
	return ix.persisted.Load(), nil
}

// Count returns how many quotes guild can see: the shared corpus and its own.
func (ix *Index) Count(ctx context.Context, guild string) (int, error) {
	req := bleve.NewSearchRequestOptions(scoped(guild, query.NewMatchAllQuery()), 0, 0, false)
	req.Score = "none"
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return 0, fmt.Errorf("index: count: %w", err)
	}
	return int(res.Total), nil
}

// All yields every quote in the index, of every guild, in ID order. It reads
// in pages, so memory stays flat however large the index is. A failure ends
// the sequence with a non-nil error.
func (ix *Index) All(ctx context.Context) iter.Seq2[quotes.Quote, error] {
	return func(yield func(quotes.Quote, error) bool) {
		const page = 1000
		var after []string
		for {
			req := bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), page, 0, false)
			req.Fields = []string{fieldStored}
			req.SortBy([]string{"_id"})
			req.Score = "none"
			if after != nil {
				req.SetSearchAfter(after)
			}
			res, err := ix.b.SearchInContext(ctx, req)
			if err != nil {
				yield(quotes.Quote{}, fmt.Errorf("index: read all: %w", err))
				return
			}
			for _, h := range res.Hits {
				q, err := decodeHit(h)
				if !yield(q, err) || err != nil {
					return
				}
			}
			if len(res.Hits) < page {
				return
			}
			after = []string{res.Hits[len(res.Hits)-1].ID}
		}
	}
}

func decodeHit(h *search.DocumentMatch) (quotes.Quote, error) {
	s, ok := h.Fields[fieldStored].(string)
	if !ok {
		return quotes.Quote{}, fmt.Errorf("index: quote %s has no stored body", h.ID)
	}
	var q quotes.Quote
	if err := json.Unmarshal([]byte(s), &q); err != nil {
		return quotes.Quote{}, fmt.Errorf("index: decode %s: %w", h.ID, err)
	}
	return q, nil
}

// scoped restricts q to what guild may see, without changing scores.
func scoped(guild string, q query.Query) query.Query {
	terms := []query.Query{termQuery(fieldGuild, sharedGuild)}
	if guild != "" {
		terms = append(terms, termQuery(fieldGuild, guild))
	}
	b := query.NewBooleanQuery([]query.Query{q}, nil, nil)
	b.AddFilter(query.NewDisjunctionQuery(terms))
	return b
}

func termQuery(field, term string) *query.TermQuery {
	t := query.NewTermQuery(term)
	t.SetField(field)
	return t
}
