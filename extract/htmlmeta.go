package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// htmlMetadata fills title, dates, outlet, authors and language of a page.
func htmlMetadata(f *pageFacts, doc *html.Node, pageURL string) {
	htmlOutlet(f)
	htmlTitle(f)
	htmlDates(f, pageURL)
	m := f.meta
	switch {
	case len(m.ld.authors) > 0:
		f.authors = m.ld.authors
	case m.meta["author"] != "" && !strings.Contains(m.meta["author"], "://"):
		f.authors = []string{m.meta["author"]}
	case m.meta["article:author"] != "" && !strings.Contains(m.meta["article:author"], "://"):
		f.authors = []string{m.meta["article:author"]}
	case f.tmeta.Author != "":
		f.authors = strings.Split(f.tmeta.Author, ";")
	}
	f.lang = m.lang
	if f.lang == "" {
		f.lang, _ = m.first("og:locale", "content-language", "language")
	}
}
