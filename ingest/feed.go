package ingest

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/storyline-news/storyline"
	"golang.org/x/net/html/charset"
)

// rdfNamespace is the namespace of RSS 1.0's rdf:RDF root.
const rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

// xmlRoot names the root element of an XML or HTML prefix in lower case:
// "rss", "feed", "rdf" (for rdf:RDF), "html", another name, or "" when no
// element starts in the prefix. It only reads up to the first element.
func xmlRoot(prefix []byte) string {
	d := xml.NewDecoder(bytes.NewReader(prefix))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	for i := 0; i < 200; i++ {
		tok, err := d.RawToken()
		if err != nil {
			return ""
		}
		if start, ok := tok.(xml.StartElement); ok {
			local := strings.ToLower(start.Name.Local)
			if local == "rdf" && (strings.EqualFold(start.Name.Space, "rdf") || start.Name.Space == rdfNamespace) {
				return "rdf"
			}
			return local
		}
	}
	return ""
}

// readFeed emits one document per item of an RSS, Atom or RDF feed, in
// feed order; Source is "<input>#<n>" with n counted from 1.
func (r *reader) readFeed(ctx context.Context, m inputMeta, data []byte) error {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			r.fail(m.source, errors.New("malformed feed: not an RSS, Atom or RDF document"))
		} else {
			r.fail(m.source, fmt.Errorf("malformed feed: %w", err))
		}
		return nil
	}
	outlet := strings.TrimSpace(html.UnescapeString(feed.Title))
	for i, item := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if item == nil {
			continue
		}
		doc := feedItemDoc(m, m.source+"#"+strconv.Itoa(i+1), outlet, item)
		if err := r.emit(doc); err != nil {
			return err
		}
	}
	return nil
}

// feedItemDoc makes the document of one feed item. The body is the full
// content (content:encoded, Atom content) when given, else the description;
// it goes to HTML when it holds markup and to Text when it does not.
func feedItemDoc(m inputMeta, source, outlet string, item *gofeed.Item) (doc storyline.Document) {
	doc = m.newDoc(source, FormatFeed)
	doc.URL = strings.TrimSpace(item.Link)
	doc.Title = strings.TrimSpace(html.UnescapeString(item.Title))
	doc.Outlet = outlet
	switch {
	case item.PublishedParsed != nil:
		doc.Published = item.PublishedParsed.UTC()
		doc.DateFrom = "feed"
	case item.UpdatedParsed != nil:
		doc.Published = item.UpdatedParsed.UTC()
		doc.DateFrom = "feed"
	}
	var names []string
	for _, a := range item.Authors {
		if a == nil {
			continue
		}
		if name := strings.TrimSpace(a.Name); name != "" {
			names = append(names, name)
		} else if email := strings.TrimSpace(a.Email); email != "" {
			names = append(names, email)
		}
	}
	if item.DublinCoreExt != nil {
		// gofeed keeps only the first dc:creator as the author.
		for _, c := range item.DublinCoreExt.Creator {
			if c = strings.TrimSpace(c); c != "" && !slices.Contains(names, c) {
				names = append(names, c)
			}
		}
	}
	doc.Byline = strings.Join(names, ", ")
	body := strings.TrimSpace(item.Content)
	if body == "" {
		body = strings.TrimSpace(item.Description)
	}
	if looksLikeMarkup(body) {
		doc.HTML = []byte(body)
	} else {
		doc.Text = normalizeNewlines(html.UnescapeString(body))
	}
	return doc
}
