package quotes

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits on a quote's fields. They bound the cost of indexing and of rendering
// a quote in a Discord embed (whose description holds 4,096 characters).
const (
	MaxTextLen    = 4000 // characters (runes) of Text
	MaxSpeakerLen = 200  // characters of Speaker
	MaxRoleLen    = 200  // characters of Role
	MaxFieldLen   = 2000 // characters of any other string field (source title, URL, …)
	MaxTags       = 20   // tags on one quote
	MaxTagLen     = 50   // characters of one tag
)

// Quote is one quotation, who said it, and where it came from.
//
// The zero Guild means the shared corpus that every guild can read; any other
// value is the Discord guild that owns the quote, and only that guild sees it.
type Quote struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	// SpeakerID is the speaker's Discord user ID when the quote was saved
	// from their message, so they can manage it under any name; else "".
	SpeakerID  string    `json:"speaker_id,omitempty"`
	Role       string    `json:"role,omitempty"`
	Source     Source    `json:"source"`
	Guild      string    `json:"guild,omitempty"`
	AddedBy    string    `json:"added_by,omitempty"`
	AddedAt    time.Time `json:"added_at,omitzero"`
	MessageURL string    `json:"message_url,omitempty"`
	Tags       []string  `json:"tags,omitempty"`
}

// Source says where a quote was published. Every field is optional.
type Source struct {
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	// Date is an ISO 8601 calendar date, as precise as the source gives it:
	// "2025", "2025-03" or "2025-03-04".
	Date string `json:"date,omitempty"`
}

// IsZero reports whether no field of s is set.
func (s Source) IsZero() bool { return s == Source{} }

// String renders the source for people: "Title, Publisher, 2025-03-04".
func (s Source) String() string {
	var parts []string
	for _, p := range []string{s.Title, s.Publisher, s.Date} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// ErrInvalid is wrapped by every validation error, so callers can tell bad
// input (shown to the user) from failures of the system.
var ErrInvalid = errors.New("invalid quote")

// Normalize trims the quote's fields, folds runs of white space in the
// speaker, role and source to one space, and sets ID when it is empty.
// Text keeps its line breaks (fortunes and poems need them) but loses
// trailing spaces on each line.
func (q *Quote) Normalize() {
	q.Text = cleanText(q.Text)
	q.Speaker = foldSpace(q.Speaker)
	q.SpeakerID = strings.TrimSpace(q.SpeakerID)
	q.Role = foldSpace(q.Role)
	q.Guild = strings.TrimSpace(q.Guild)
	q.Source.Title = foldSpace(q.Source.Title)
	q.Source.Publisher = foldSpace(q.Source.Publisher)
	q.Source.URL = strings.TrimSpace(q.Source.URL)
	q.Source.Date = strings.TrimSpace(q.Source.Date)
	q.MessageURL = strings.TrimSpace(q.MessageURL)
	tags := q.Tags[:0:0]
	for _, t := range q.Tags {
		if t = foldSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	if len(tags) == 0 {
		tags = nil
	}
	q.Tags = tags
	if q.ID == "" {
		q.ID = NewID(q.Guild, q.Speaker, q.Text)
	}
}

// Validate reports the first problem with q as an error wrapping ErrInvalid,
// or nil. It checks what a reader or a member can get wrong: empty or overlong
// text, a missing or overlong speaker, invalid UTF-8, control characters, a malformed
// date or ID.
func (q *Quote) Validate() error {
	if strings.TrimSpace(q.Text) == "" {
		return fmt.Errorf("%w: empty text", ErrInvalid)
	}
	if err := checkString("text", q.Text, MaxTextLen, true); err != nil {
		return err
	}
	// Every stored quote names who said it: who-said has nothing to say
	// about a quote without a speaker, and readers skip such records.
	if strings.TrimSpace(q.Speaker) == "" {
		return fmt.Errorf("%w: empty speaker", ErrInvalid)
	}
	if err := checkString("speaker", q.Speaker, MaxSpeakerLen, false); err != nil {
		return err
	}
	if err := checkString("role", q.Role, MaxRoleLen, false); err != nil {
		return err
	}
	for name, v := range map[string]string{
		"source title": q.Source.Title, "source publisher": q.Source.Publisher,
		"source url": q.Source.URL, "guild": q.Guild, "added_by": q.AddedBy,
		"message_url": q.MessageURL,
	} {
		if err := checkString(name, v, MaxFieldLen, false); err != nil {
			return err
		}
	}
	if q.SpeakerID != "" && !validSnowflake(q.SpeakerID) {
		return fmt.Errorf("%w: speaker_id %q is not a Discord user ID", ErrInvalid, q.SpeakerID)
	}
	if q.Source.Date != "" && !ValidDate(q.Source.Date) {
		return fmt.Errorf("%w: source date %q is not YYYY, YYYY-MM or YYYY-MM-DD", ErrInvalid, q.Source.Date)
	}
	if len(q.Tags) > MaxTags {
		return fmt.Errorf("%w: %d tags, at most %d", ErrInvalid, len(q.Tags), MaxTags)
	}
	for _, t := range q.Tags {
		if err := checkString("tag", t, MaxTagLen, false); err != nil {
			return err
		}
	}
	if q.ID != "" && !ValidID(q.ID) {
		return fmt.Errorf("%w: id %q is not %d characters of [%s]", ErrInvalid, q.ID, IDLen, idAlphabet)
	}
	return nil
}

func checkString(field, s string, max int, multiline bool) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: %s is not valid UTF-8", ErrInvalid, field)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return fmt.Errorf("%w: %s has %d characters, at most %d", ErrInvalid, field, n, max)
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return fmt.Errorf("%w: %s contains control character %U", ErrInvalid, field, r)
		}
	}
	return nil
}

// validSnowflake reports whether s looks like a Discord ID: 1 to 20 digits.
func validSnowflake(s string) bool {
	if len(s) == 0 || len(s) > 20 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ValidDate reports whether s is "YYYY", "YYYY-MM" or "YYYY-MM-DD".
func ValidDate(s string) bool {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
	}
	return false
}

// foldSpace trims s and folds every run of white space to one space.
func foldSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cleanText trims s, turns \r\n into \n, drops trailing spaces on each line
// and collapses runs of more than one blank line.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(strings.TrimSpace(s), "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// ErrNotFound is returned (wrapped) when a quote or speaker asked for does not
// exist, or is not visible to the guild that asked.
var ErrNotFound = errors.New("not found")
