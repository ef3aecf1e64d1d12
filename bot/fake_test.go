package bot

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/quotebot/quotebot/quotes"
)

var _ Store = (*fakeStore)(nil)

// fakeStore is a small in-memory Store for tests that need what a real index
// cannot do on demand: fail, panic, be slow, or return oversized answers.
type fakeStore struct {
	mu     sync.Mutex
	quotes []quotes.Quote
	err    error         // returned by every method when set
	panics bool          // every method panics when set
	gate   chan struct{} // every method waits for it when set
	// suggest, when set, is what Suggest and Speakers answer from.
	suggest []quotes.Match
}

func (f *fakeStore) enter(ctx context.Context) error {
	if f.panics {
		panic("fake store panics")
	}
	if f.gate != nil {
		select {
		case <-f.gate:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return f.err
}

func visible(q quotes.Quote, guild string) bool { return q.Guild == "" || q.Guild == guild }

func (f *fakeStore) Search(ctx context.Context, q quotes.Query) (quotes.Results, error) {
	if err := f.enter(ctx); err != nil {
		return quotes.Results{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var all []quotes.Match
	for _, qt := range f.quotes {
		word := strings.ToLower(strings.Fields(q.Text + " ")[0])
		if i := strings.Index(strings.ToLower(qt.Text), word); visible(qt, q.Guild) && i >= 0 {
			all = append(all, quotes.Match{Quote: qt, Highlights: []quotes.Span{{Start: i, End: i + len(word)}}})
		}
	}
	res := quotes.Results{Total: len(all)}
	if q.Offset < len(all) {
		res.Matches = all[q.Offset:min(len(all), q.Offset+max(q.Limit, 1))]
	}
	return res, nil
}

func (f *fakeStore) WhoSaid(ctx context.Context, guild, phrase string, limit int) ([]quotes.Attribution, error) {
	res, err := f.Search(ctx, quotes.Query{Guild: guild, Text: phrase, Limit: limit})
	var out []quotes.Attribution
	for _, m := range res.Matches {
		out = append(out, quotes.Attribution{Speaker: m.Quote.Speaker, Confidence: 0.5, Quote: m})
	}
	return out, err
}

func (f *fakeStore) Suggest(ctx context.Context, guild, prefix string, limit int) ([]quotes.Match, error) {
	if err := f.enter(ctx); err != nil {
		return nil, err
	}
	return f.suggest, nil
}

func (f *fakeStore) Speakers(ctx context.Context, guild, prefix string, limit int) ([]string, error) {
	if err := f.enter(ctx); err != nil {
		return nil, err
	}
	var out []string
	for _, m := range f.suggest {
		out = append(out, m.Quote.Speaker)
	}
	return out, nil
}

func (f *fakeStore) SpeakerLike(ctx context.Context, guild, name string) (string, error) {
	return "", f.enter(ctx)
}

func (f *fakeStore) Random(ctx context.Context, guild, speaker string) (quotes.Quote, error) {
	if err := f.enter(ctx); err != nil {
		return quotes.Quote{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, q := range f.quotes {
		if visible(q, guild) && (speaker == "" || q.Speaker == speaker) {
			return q, nil
		}
	}
	return quotes.Quote{}, fmt.Errorf("fake: %w", quotes.ErrNotFound)
}

func (f *fakeStore) Get(ctx context.Context, guild, id string) (quotes.Quote, error) {
	if err := f.enter(ctx); err != nil {
		return quotes.Quote{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, q := range f.quotes {
		if q.ID == id && visible(q, guild) {
			return q, nil
		}
	}
	return quotes.Quote{}, fmt.Errorf("fake: %s: %w", id, quotes.ErrNotFound)
}

func (f *fakeStore) Add(ctx context.Context, q quotes.Quote) (bool, error) {
	if err := f.enter(ctx); err != nil {
		return false, err
	}
	q.Normalize()
	if err := q.Validate(); err != nil {
		return false, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, have := range f.quotes {
		if have.ID == q.ID {
			return false, nil
		}
	}
	f.quotes = append(f.quotes, q)
	return true, nil
}

func (f *fakeStore) Delete(ctx context.Context, guild, id string) error {
	if err := f.enter(ctx); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for n, q := range f.quotes {
		if q.ID == id && visible(q, guild) {
			f.quotes = append(f.quotes[:n], f.quotes[n+1:]...)
			return nil
		}
	}
	return fmt.Errorf("fake: %s: %w", id, quotes.ErrNotFound)
}

func (f *fakeStore) Count(ctx context.Context, guild string) (int, error) {
	if err := f.enter(ctx); err != nil {
		return 0, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, q := range f.quotes {
		if visible(q, guild) {
			n++
		}
	}
	return n, nil
}

// newFake returns a fake holding qs, normalized.
func newFake(qs ...quotes.Quote) *fakeStore {
	f := &fakeStore{}
	for _, q := range qs {
		q.Normalize()
		f.quotes = append(f.quotes, q)
	}
	return f
}
