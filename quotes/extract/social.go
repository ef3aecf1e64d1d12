package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxPostBytes bounds how far back from its signature a pasted post is
// read: a post is a few hundred characters, and the bound keeps a long line
// full of signatures linear.
const maxPostBytes = 2000

// socialPosts finds posts pasted into an article in the form embeds leave
// behind, "text — Name (@handle) Month D, YYYY", and returns them as
// quotations by that account (testdata/social.txt). The text runs from the
// start of its line to the dash, without trailing links.
//
// A post that relays someone else's report is not the account's own words
// and is left out: a news flash ("BREAKING: …") or a post that names its
// source ("… per Bloomberg", "according to …"), as the pasted tweet of
// testdata/seed.txt does.
func socialPosts(text string) []Quotation {
	var out []Quotation
	for from := 0; ; {
		i := strings.Index(text[from:], "(@")
		if i < 0 {
			return out
		}
		at := from + i
		from = at + 2
		end, ok := signatureEnd(text, at)
		if !ok {
			continue
		}
		from = end
		// The dash before the name, on the same line.
		lo := max(0, at-200)
		line := text[lo:at]
		if nl := strings.LastIndexByte(line, '\n'); nl >= 0 {
			line, lo = line[nl+1:], lo+nl+1
		}
		d, dw := lastDash(line)
		if d < 0 {
			continue
		}
		name := strings.TrimSpace(line[d+dw:])
		if name == "" || len(name) > 80 {
			continue
		}
		// The post: from the start of its line (or of the markup that holds
		// it) to the dash.
		dash := lo + d
		start := max(0, dash-maxPostBytes)
		if nl := strings.LastIndexByte(text[start:dash], '\n'); nl >= 0 {
			start += nl + 1
		}
		if gt := strings.LastIndexByte(text[start:dash], '>'); gt >= 0 {
			start += gt + 1
		}
		s, e := trimPost(text, start, dash)
		if s >= e || relayed(text[s:e]) {
			continue
		}
		out = append(out, Quotation{Text: text[s:e], Start: s, End: e, Speaker: name, Cue: "posted"})
	}
}

// signatureEnd checks "(@handle) Month D, YYYY" at text[at:] and returns
// where it ends.
func signatureEnd(text string, at int) (int, bool) {
	j := at + 2
	h := j
	for j < len(text) && j-h < 30 && (isASCIILetter(text[j]) || text[j] >= '0' && text[j] <= '9' || text[j] == '_') {
		j++
	}
	if j == h || j >= len(text) || text[j] != ')' {
		return 0, false
	}
	j++
	for j < len(text) && text[j] == ' ' {
		j++
	}
	k := j
	for k < len(text) && k-j < 10 && isASCIILetter(text[k]) {
		k++
	}
	if !months[strings.ToLower(text[j:k])] {
		return 0, false
	}
	n := k // " D, YYYY"
	for n < len(text) && n-k < 10 && (text[n] == ' ' || text[n] == ',' || text[n] >= '0' && text[n] <= '9') {
		n++
	}
	if n-k < 7 {
		return 0, false
	}
	return n, true
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// lastDash returns the offset and width of the last " — ", " – " or " - "
// in s, or -1.
func lastDash(s string) (int, int) {
	best, bw := -1, 0
	for _, d := range []string{" — ", " – ", " - ", " —", " ―"} {
		if i := strings.LastIndex(s, d); i > best {
			best, bw = i, len(d)
		}
	}
	return best, bw
}

// trimPost narrows text[s:e] to the post's words: no surrounding space, no
// trailing links (pic.twitter.com/…, https://t.co/…).
func trimPost(text string, s, e int) (int, int) {
	for {
		for s < e {
			r, w := utf8.DecodeRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			s += w
		}
		for e > s {
			r, w := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= w
		}
		sp := strings.LastIndexAny(text[s:e], " \t")
		last := text[s+sp+1 : e]
		if sp < 0 || !(strings.HasPrefix(last, "pic.twitter.com/") || strings.HasPrefix(last, "http://") || strings.HasPrefix(last, "https://")) {
			return s, e
		}
		e = s + sp
	}
}

// relayed reports whether a post passes on someone else's report.
func relayed(post string) bool {
	for _, flash := range []string{"BREAKING", "JUST IN", "UPDATE:", "DEVELOPING"} {
		if strings.HasPrefix(post, flash) {
			return true
		}
	}
	lp := strings.ToLower(post)
	if strings.Contains(lp, "according to ") || strings.Contains(lp, "via @") {
		return true
	}
	// "per Bloomberg": per followed by a name.
	for i := strings.Index(post, " per "); i >= 0; {
		r, _ := utf8.DecodeRuneInString(post[i+5:])
		if unicode.IsUpper(r) || r == '@' {
			return true
		}
		j := strings.Index(post[i+5:], " per ")
		if j < 0 {
			break
		}
		i += 5 + j
	}
	return false
}
