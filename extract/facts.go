package extract

import (
	"strings"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/storyline-news/storyline"
)

// pageFacts is what the content itself says about the article, before the
// container's hints are weighed in.
type pageFacts struct {
	paragraphs []string

	title, titleFrom string

	published     time.Time
	publishedFrom string
	publishedConf float64
	modified      time.Time

	outlet, outletFrom string
	authors            []string // raw author strings, filtered by finish
	credit             string   // "Source: …" line
	lang               string   // declared language (<html lang>)
	detectedLang       string   // language already detected on the body (trafilatura)

	meta  pageMeta
	tmeta trafilatura.Metadata
}

// Confidence of each date source; container dates are weaker than what the
// page itself states, fetch time is only a bound.
const (
	confStructured = 0.95 // JSON-LD / article:published_time
	confMeta       = 0.85 // other meta tags, <time datetime>
	confURL        = 0.8  // /2018/12/26/ in the URL
	confText       = 0.7  // a standalone date line under the title
	confHTMLDate   = 0.6  // go-htmldate's scan of the page
	confContainer  = 0.5  // feed / jsonl / warc / http date
	confMasthead   = 0.2  // "today's date" in a masthead: a page date
	confFetched    = 0.1  // fetch time: an upper bound only
)

// finish fills the article from the facts and the container's hints.
func finish(art *storyline.Article, doc storyline.Document, f pageFacts) {
	f.paragraphs = dropSummaryBeforeDateline(f.paragraphs)
	art.Text = strings.Join(f.paragraphs, "\n\n")

	art.Title, art.TitleFrom = f.title, f.titleFrom
	if art.Title == "" && strings.TrimSpace(doc.Title) != "" {
		art.Title, art.TitleFrom = collapseSpace(doc.Title), "container"
	}

	art.Published, art.PublishedFrom, art.PublishedConfidence = f.published, f.publishedFrom, f.publishedConf
	if !doc.Published.IsZero() && (art.Published.IsZero() || art.PublishedConfidence < confContainer) {
		from := doc.DateFrom
		if from == "" {
			from = "container"
		}
		art.Published, art.PublishedFrom, art.PublishedConfidence = doc.Published, from, confContainer
	} else if !doc.Published.IsZero() && sameDay(art.Published, doc.Published) {
		// The page gives the day (often from its URL) and the feed the
		// time: keep the page's confidence and the feed's precision.
		art.Published = doc.Published
	}
	if art.Published.IsZero() && !doc.Fetched.IsZero() {
		from := "fetched"
		if doc.Format == "warc" {
			from = "warc"
		}
		art.Published, art.PublishedFrom, art.PublishedConfidence = doc.Fetched, from, confFetched
	}
	art.Modified = f.modified

	art.Outlet, art.OutletFrom = f.outlet, f.outletFrom
	// trafilatura's site name is often only the host; a feed's or a JSON
	// record's outlet is the publisher's own name for itself.
	if (art.Outlet == "" || art.OutletFrom == "trafilatura") && strings.TrimSpace(doc.Outlet) != "" {
		art.Outlet, art.OutletFrom = strings.TrimSpace(doc.Outlet), "container"
	}
	if art.Outlet == "" {
		if host := hostName(doc.URL); host != "" {
			art.Outlet, art.OutletFrom = host, "host"
		}
	}

	authors := f.authors
	if len(authors) == 0 && doc.Byline != "" {
		authors = []string{doc.Byline}
	}
	art.Byline = people(authors)
	if art.Byline == nil {
		art.Byline = []string{}
	}

	art.Agencies, art.AgencyFrom = agencies(f.paragraphs, f.credit, authors)
	if art.Agencies == nil {
		art.Agencies = []string{}
	}
	art.Dateline = findDateline(f.paragraphs)
	art.Credit = f.credit
	art.Language = f.detectedLang
	if art.Language == "" {
		art.Language = language(art.Text, art.Title, f.lang)
	}
}

// sameDay reports whether two times fall on the same UTC calendar day.
func sameDay(a, b time.Time) bool {
	ay, am, ad := a.UTC().Date()
	by, bm, bd := b.UTC().Date()
	return ay == by && am == bm && ad == bd
}
