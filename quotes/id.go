package quotes

import (
	"crypto/sha256"
	"strings"
	"unicode"
)

// IDLen is the length of every quote ID. Ten characters of a 32-letter
// alphabet are 50 bits: at a million quotes the chance that two share an ID is
// about one in two thousand, and members still type them comfortably.
const IDLen = 10

// idAlphabet is lowercase base32 without the letters people confuse with
// digits (i, l, o, u), in the spirit of Crockford's base32.
const idAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"

// NewID derives a quote's ID from its guild, speaker and text. The ID is
// stable: the same quote always gets the same ID, so importing a file twice
// adds nothing. Case, punctuation, quotation marks and white space do not
// change it; the words do.
func NewID(guild, speaker, text string) string {
	h := sha256.New()
	h.Write([]byte(guild))
	h.Write([]byte{0})
	h.Write([]byte(normalizeForID(speaker)))
	h.Write([]byte{0})
	h.Write([]byte(normalizeForID(text)))
	sum := h.Sum(nil)
	// 10 characters × 5 bits = 50 bits from the first 7 bytes.
	var v uint64
	for _, b := range sum[:8] {
		v = v<<8 | uint64(b)
	}
	id := make([]byte, IDLen)
	for i := range id {
		id[i] = idAlphabet[v>>(64-5*(i+1))&31]
	}
	return string(id)
}

// ValidID reports whether s has the shape of a quote ID. It says nothing about
// whether such a quote exists.
func ValidID(s string) bool {
	if len(s) != IDLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(idAlphabet, s[i]) < 0 {
			return false
		}
	}
	return true
}

// normalizeForID lowercases s and keeps only its letters and digits, one space
// between words, so "Hello, world!" and "hello world" are the same quote.
func normalizeForID(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}
