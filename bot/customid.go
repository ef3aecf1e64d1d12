package bot

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// A button's custom_id carries the state needed to answer its press, so that
// paging survives a restart: no session table to lose. The guild is never in
// it: a custom_id comes back from the client and is only as trustworthy as
// the person pressing; the guild always comes from Discord's envelope.
//
//	p<offset>|<speaker length>|<speaker><query>   page to match number offset
//	r|<speaker length>|<speaker>                  draw a random quote
const (
	idPage   = 'p'
	idRandom = 'r'
	// maxPage bounds how deep paging goes, and so what a forged custom_id
	// can make the index skip. It matches index.MaxOffset, past which the
	// index would return the same page again.
	maxPage = 500
)

// buttonState is what a quote button asks for.
type buttonState struct {
	random  bool
	offset  int
	speaker string
	query   string
}

// encode renders s as a custom_id of at most maxCustomID bytes (Discord
// counts characters; bytes are never fewer). A query too long to fit is cut
// at a word boundary; ok is false when not even the speaker fits.
func (s buttonState) encode() (id string, ok bool) {
	var head string
	if s.random {
		head = "r|" + strconv.Itoa(len(s.speaker)) + "|" + s.speaker
		return head, len(head) <= maxCustomID
	}
	head = "p" + strconv.Itoa(s.offset) + "|" + strconv.Itoa(len(s.speaker)) + "|" + s.speaker
	room := maxCustomID - len(head)
	if room < 0 {
		return "", false
	}
	return head + cutWords(s.query, room), true
}

// cutWords returns s whole if it fits in n bytes, else its longest prefix of
// whole words that does.
func cutWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := s[:n]
	for !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	if i := strings.LastIndexAny(cut, " \t\n"); i > 0 && (n == len(s) || s[n] != ' ') {
		cut = cut[:i]
	}
	return strings.TrimSpace(cut)
}

// decodeButton parses a custom_id made by encode. Everything in it is
// checked as strictly as if the user had typed it.
func decodeButton(id string) (buttonState, bool) {
	if len(id) < 4 || len(id) > maxCustomID || !utf8.ValidString(id) {
		return buttonState{}, false
	}
	var s buttonState
	rest := id[1:]
	switch id[0] {
	case idRandom:
		s.random = true
		if rest[0] != '|' {
			return buttonState{}, false
		}
		rest = rest[1:]
	case idPage:
		bar := strings.IndexByte(rest, '|')
		if bar < 1 || bar > 3 {
			return buttonState{}, false
		}
		off, err := strconv.Atoi(rest[:bar])
		if err != nil || off < 0 || off > maxPage || strconv.Itoa(off) != rest[:bar] {
			return buttonState{}, false
		}
		s.offset = off
		rest = rest[bar+1:]
	default:
		return buttonState{}, false
	}
	bar := strings.IndexByte(rest, '|')
	if bar < 1 || bar > 3 {
		return buttonState{}, false
	}
	n, err := strconv.Atoi(rest[:bar])
	if err != nil || n < 0 || strconv.Itoa(n) != rest[:bar] || n > len(rest)-bar-1 {
		return buttonState{}, false
	}
	rest = rest[bar+1:]
	s.speaker, s.query = rest[:n], rest[n:]
	if !utf8.ValidString(s.speaker) || (s.random && s.query != "") || hasControl(s.speaker) || hasControl(s.query) {
		return buttonState{}, false
	}
	return s, true
}

// hasControl reports whether s holds a control character.
func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return true
		}
	}
	return false
}
