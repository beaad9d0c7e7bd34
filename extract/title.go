package extract

import (
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/textutil"
)

// htmlTitle picks the page's headline: og:title, JSON-LD headline, the
// <h1> that agrees with them, else <title> without the site name.
func htmlTitle(f *pageFacts) {
	m := f.meta
	site := f.outlet
	candidates := []struct{ text, from string }{
		{m.meta["og:title"], "og:title"},
		{m.ld.headline, "json-ld"},
		{m.meta["twitter:title"], "twitter:title"},
	}
	for _, c := range candidates {
		if t := stripSiteName(collapseSpace(c.text), site); t != "" {
			f.title, f.titleFrom = t, c.from
			return
		}
	}
	if len(m.h1) > 0 && len(m.h1[0]) < 300 {
		f.title, f.titleFrom = m.h1[0], "h1"
		return
	}
	if t := stripSiteName(m.title, site); t != "" {
		f.title, f.titleFrom = t, "title"
	}
}

// titleSeparators split "Headline | Site" style titles.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • "}

// stripSiteName removes a site name suffix or prefix ("… | Reuters"): the
// part that matches the outlet, else a short last part after a separator.
func stripSiteName(title, site string) string {
	title = strings.TrimSpace(title)
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if site != "" && textutil.Normalize(tail) == textutil.Normalize(site) {
			return head
		}
		if j := strings.Index(title, sep); j > 0 && site != "" && textutil.Normalize(title[:j]) == textutil.Normalize(site) {
			return strings.TrimSpace(title[j+len(sep):])
		}
		// A short trailing segment after a separator is a site name.
		if len(textutil.Words(tail)) <= 4 && len(textutil.Words(head)) >= 4 {
			return head
		}
	}
	return title
}

// sameTitle reports whether a line repeats the title (ignoring case,
// punctuation and typography).
func sameTitle(line, title string) bool {
	if title == "" {
		return false
	}
	a, b := strings.Join(textutil.Words(textutil.Fold(strings.ToLower(line))), " "), strings.Join(textutil.Words(textutil.Fold(strings.ToLower(title))), " ")
	return a != "" && a == b
}

// looksLikeTitle reports whether a plain-text line reads as a headline:
// short, no final full stop, and mostly capitalised or a short sentence
// without the punctuation of body text.
func looksLikeTitle(line string) bool {
	words := textutil.Words(line)
	if len(words) < 3 || len(words) > 25 || len(line) > 200 {
		return false
	}
	last, _ := lastRune(line)
	if last == '.' || last == ',' || last == ';' || last == ':' {
		return false
	}
	caps := 0
	for _, w := range words {
		r := []rune(w)[0]
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return caps*2 >= len(words) || len(words) <= 16
}

func lastRune(s string) (rune, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	r := []rune(s)
	return r[len(r)-1], true
}
