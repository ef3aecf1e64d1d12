package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/quotebot/quotebot/index"
	"github.com/quotebot/quotebot/quotes"
	"github.com/quotebot/quotebot/quotes/extract"
)

// maxArticleBytes bounds one article file: a news article is tens of
// kilobytes, and the extractor's cost is linear in what it is given.
const maxArticleBytes = 32 << 20

// runExtract implements `quotebot extract [--json] FILE...`: it prints the
// attributed quotations of each article. For plain text, start and end are
// byte offsets into the file; for HTML, into the article text readability
// took from it.
func runExtract(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	asJSON := fs.Bool("json", false, "one JSON object a line: text, speaker, role, cue, start, end")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: extract: %v", errUsage, err)
	}
	files := fs.Args()
	if len(files) == 0 {
		return fmt.Errorf("%w: extract: name at least one article file (plain text or HTML)", errUsage)
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		a, err := readArticle(f)
		if err != nil {
			return err
		}
		if !*asJSON && len(files) > 1 {
			fmt.Fprintf(env.Stdout, "%s:\n", f)
		}
		for _, q := range extract.Quotations(a) {
			if q.Speaker == "" {
				continue
			}
			if *asJSON {
				if err := enc.Encode(q); err != nil {
					return err
				}
				continue
			}
			who := q.Speaker
			if q.Role != "" {
				who += " (" + q.Role + ")"
			}
			cue := q.Cue
			if cue != "" {
				cue += " "
			}
			fmt.Fprintf(env.Stdout, "“%s” — %s [%s%d:%d]\n", q.Text, who, cue, q.Start, q.End)
		}
	}
	return nil
}

// ingestSummary is what `quotebot ingest` reports.
type ingestSummary struct {
	Files     int `json:"files"`
	Found     int `json:"found"`
	Added     int `json:"added"`
	Unchanged int `json:"unchanged"`
	Rejected  int `json:"rejected"`
}

// runIngest implements `quotebot ingest [--index DIR] FILE...`: it extracts
// the attributed quotations of each article and adds them to the shared
// corpus with the article's title, publisher, URL and date as their source.
func runIngest(ctx context.Context, env *Env, args []string) error {
	fl := newFlags(env, "ingest")
	if err := fl.parse(args); err != nil {
		return err
	}
	files := fl.fs.Args()
	if len(files) == 0 {
		return fmt.Errorf("%w: ingest: name at least one article file (plain text or HTML)", errUsage)
	}
	var qs []quotes.Quote
	sum := ingestSummary{Files: len(files)}
	for _, f := range files {
		a, err := readArticle(f)
		if err != nil {
			return err
		}
		found := extract.Extract(a)
		env.Log.Debug("extracted", "file", f, "quotes", len(found))
		qs = append(qs, found...)
	}
	sum.Found = len(qs)
	ix, err := openIndex(ctx, env, fl.indexDir)
	if err != nil {
		return err
	}
	defer ix.Close()
	st, err := ix.AddBatch(ctx, qs)
	sum.Added, sum.Unchanged = st.Added, st.Unchanged
	var be *index.BatchError
	if errors.As(err, &be) {
		sum.Rejected = len(be.Rejected)
		for _, r := range be.Rejected {
			env.Log.Warn("quote rejected", "text", qs[r.Pos].Text, "err", r.Err)
		}
	} else if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	if fl.json {
		return json.NewEncoder(env.Stdout).Encode(sum)
	}
	fmt.Fprintf(env.Stdout, "%s found in %s: %d added, %d already there, %d rejected\n",
		count(sum.Found, "quotation"), count(sum.Files, "article"), sum.Added, sum.Unchanged, sum.Rejected)
	return nil
}

// readArticle reads a plain-text or HTML article. HTML goes through
// readability, which keeps the article body and drops navigation, ads and
// scripts, and gives the title, site name and publication date. Plain text
// is taken as it is; a headline on its first line gives its title, a
// byline ("By Dinah Sorel") its author, a leading "date YYYY-MM-DD" its date.
func readArticle(path string) (extract.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return extract.Article{}, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		// Refuse a file too large before reading it, and read one of the
		// right size into a buffer of the right size.
		if fi.Size() > maxArticleBytes {
			return extract.Article{}, fmt.Errorf("%s: larger than %d MB, not a news article", path, maxArticleBytes>>20)
		}
		buf.Grow(int(fi.Size()) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, maxArticleBytes+1)); err != nil {
		return extract.Article{}, fmt.Errorf("read %s: %w", path, err)
	}
	if buf.Len() > maxArticleBytes {
		return extract.Article{}, fmt.Errorf("%s: larger than %d MB, not a news article", path, maxArticleBytes>>20)
	}
	b := buf.Bytes()
	if !isHTML(path, b) {
		text := string(b)
		return extract.Article{Text: text, Title: extract.LeadingTitle(text), Date: extract.LeadingDate(text),
			Author: extract.Author(extract.LeadingByline(text))}, nil
	}
	// readability's own parser, which decodes the page from the charset
	// it declares or seems to have (a Windows-1252 page's curly quotes).
	doc, err := dom.Parse(bytes.NewReader(b))
	if err != nil {
		return extract.Article{}, fmt.Errorf("%s: %w", path, err)
	}
	// Read the page's own address before readability, which rewrites
	// the document as it goes.
	pageURL := canonicalURL(doc)
	parser := readability.NewParser()
	ra, err := parser.ParseAndMutate(doc, nil)
	if err != nil {
		return extract.Article{}, fmt.Errorf("%s: readability: %w", path, err)
	}
	var text strings.Builder
	if ra.Node != nil {
		if err := ra.RenderText(&text); err != nil {
			return extract.Article{}, fmt.Errorf("%s: readability: %w", path, err)
		}
	}
	a := extract.Article{Text: text.String(), Title: withoutSiteName(ra.Title(), ra.SiteName()), Publisher: ra.SiteName(),
		Author: extract.Author(ra.Byline())}
	if pageURL != nil {
		a.URL = pageURL.String()
	}
	if t, err := ra.PublishedTime(); err == nil && !t.IsZero() {
		a.Date = t.Format("2006-01-02")
	}
	return a, nil
}

// canonicalURL is the address a page gives for itself, in its canonical
// link or else its og:url, when that is an absolute http(s) URL; else nil.
// A page saved to a file no longer has the address it was read from, and
// this is the one a member can follow to read the article.
func canonicalURL(doc *html.Node) *url.URL {
	var canonical, og string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case n.DataAtom == atom.Body:
				return // the page's own address is in its head
			case n.DataAtom == atom.Link && strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "":
				canonical = attr(n, "href")
			case n.DataAtom == atom.Meta && attr(n, "property") == "og:url" && og == "":
				og = attr(n, "content")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, s := range []string{canonical, og} {
		u, err := url.Parse(strings.TrimSpace(s))
		if err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && len(s) <= quotes.MaxFieldLen {
			return u
		}
	}
	return nil
}

// attr is the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// withoutSiteName drops the site's name from the end of a page title, where
// most sites put it ("Mayor backs the bridge | Springfield Gazette"): the
// quote's source names the publisher on its own.
func withoutSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " :: "} {
		if head, tail, ok := strings.Cut(title, sep); ok && strings.EqualFold(strings.TrimSpace(tail), site) && strings.TrimSpace(head) != "" {
			return strings.TrimSpace(head)
		}
	}
	return title
}

// isHTML tells HTML from plain text by extension, then by content.
func isHTML(path string, b []byte) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".xhtml":
		return true
	case ".txt", ".text", ".md":
		return false
	}
	return strings.HasPrefix(http.DetectContentType(b), "text/html")
}

// count is n and noun, in the plural unless n is 1: "1 article", "2 articles".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
