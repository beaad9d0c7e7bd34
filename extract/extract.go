package extract

import (
	"strings"

	"github.com/storyline-news/storyline"
)

// Extract makes an article of a document. ID, ContentHash and Version are
// left for the pipeline to set.
//
// Markup goes through the HTML path (go-trafilatura plus repairs, metadata
// from meta tags, JSON-LD and the page); everything else through the
// plain-text furniture classifier. Container hints on doc (title, date,
// outlet, byline) are used as weaker evidence than the content itself.
func Extract(doc storyline.Document) (storyline.Article, error) {
	art := storyline.Article{
		Source:  doc.Source,
		URL:     doc.URL,
		Fetched: doc.Fetched,
		Extra:   doc.Extra,
	}
	var facts pageFacts
	if len(doc.HTML) > 0 || looksLikeHTML(doc.Text) {
		raw := doc.HTML
		if len(raw) == 0 {
			raw = []byte(doc.Text)
		}
		var err error
		facts, err = extractHTML(raw, doc.URL)
		if err != nil {
			return art, err
		}
	} else {
		facts = extractPlain(doc.Text)
	}
	finish(&art, doc, facts)
	return art, nil
}

// looksLikeHTML reports whether a text field actually carries markup (a
// feed item's description, a JSONL "text" holding a page).
func looksLikeHTML(s string) bool {
	head := strings.ToLower(strings.TrimSpace(s[:min(len(s), 2048)]))
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") {
		return true
	}
	return strings.Count(head, "<p>")+strings.Count(head, "<p ")+strings.Count(head, "<br")+strings.Count(head, "<div") >= 2
}
