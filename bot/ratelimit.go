package bot

import (
	"math"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Rate is a token bucket: Burst requests at once, then PerSecond.
type Rate struct {
	Burst     float64
	PerSecond float64
}

// Limits are the rate limits a Bot enforces before any handler runs.
type Limits struct {
	// Member limits commands and button presses of one user.
	Member Rate
	// Autocomplete limits one user's autocomplete requests, counted apart:
	// Discord sends one for every few keystrokes.
	Autocomplete Rate
	// Guild limits everything from one server together.
	Guild Rate
}

// DefaultLimits are generous enough for people and tight enough for scripts:
// a member may burst 5 commands and then send about one a second, type
// freely in autocomplete (a burst of 20, then 5 a second), and a guild may
// send 40 a second, with bursts of 100.
func DefaultLimits() Limits {
	return Limits{
		Member:       Rate{Burst: 5, PerSecond: 1},
		Autocomplete: Rate{Burst: 20, PerSecond: 5},
		Guild:        Rate{Burst: 100, PerSecond: 40},
	}
}

// NoLimits lets everything through: for the console, whose only member is
// the operator at the keyboard.
func NoLimits() Limits {
	free := Rate{Burst: math.Inf(1), PerSecond: math.Inf(1)}
	return Limits{Member: free, Autocomplete: free, Guild: free}
}

// limitKey names one bucket.
type limitKey struct {
	kind byte // 'm' member, 'a' autocomplete, 'g' guild
	id   string
}

// limitKeys are the buckets an interaction draws from.
func limitKeys(i *discordgo.Interaction) []limitKey {
	var keys []limitKey
	if g := guildOf(i); g != "" {
		keys = append(keys, limitKey{'g', g})
	}
	kind := byte('m')
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		kind = 'a'
	}
	if u := userID(i); u != "" {
		keys = append(keys, limitKey{kind, u})
	}
	return keys
}

// limiter holds the token buckets. Full buckets are forgotten, so memory
// follows the number of recently active members, not of all members ever.
type limiter struct {
	limits  Limits
	mu      sync.Mutex
	buckets map[limitKey]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newLimiter(l Limits) *limiter {
	return &limiter{limits: l, buckets: map[limitKey]*bucket{}}
}

func (l *limiter) rate(kind byte) Rate {
	switch kind {
	case 'g':
		return l.limits.Guild
	case 'a':
		return l.limits.Autocomplete
	}
	return l.limits.Member
}

// allow takes one token from every bucket in keys if all have one, and
// otherwise takes none and says how long until they would.
func (l *limiter) allow(keys []limitKey, now time.Time) (wait time.Duration, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > time.Minute {
		l.sweep(now)
	}
	bs := make([]*bucket, len(keys))
	for n, k := range keys {
		r := l.rate(k.kind)
		b := l.buckets[k]
		if b == nil {
			b = &bucket{tokens: r.Burst, at: now}
			l.buckets[k] = b
		}
		if el := now.Sub(b.at).Seconds(); el > 0 {
			b.tokens = math.Min(r.Burst, b.tokens+el*r.PerSecond)
			b.at = now
		}
		if b.tokens < 1 {
			w := time.Duration((1 - b.tokens) / r.PerSecond * float64(time.Second))
			wait = max(wait, w)
		}
		bs[n] = b
	}
	if wait > 0 {
		return wait, false
	}
	for _, b := range bs {
		b.tokens--
	}
	return 0, true
}

// sweep forgets buckets that have refilled: they hold nothing a new bucket
// would not.
func (l *limiter) sweep(now time.Time) {
	for k, b := range l.buckets {
		r := l.rate(k.kind)
		if b.tokens+now.Sub(b.at).Seconds()*r.PerSecond >= r.Burst {
			delete(l.buckets, k)
		}
	}
	l.swept = now
}
