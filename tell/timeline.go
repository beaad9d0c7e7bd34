package tell

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textutil"
)

// isoDate matches the ISO 8601 dates the understand stage resolves to:
// "2018-12-26", "2018-12" or "2018", optionally followed by a time.
var isoDate = regexp.MustCompile(`^\d{4}(?:-\d{2}(?:-\d{2})?)?`)

// resolvedDate returns the ISO date at the start of v, or "".
func resolvedDate(v string) string {
	return isoDate.FindString(strings.TrimSpace(v))
}

// kindOrder sorts entries of the same date: the world first (related
// stories), then what happened (events), then the articles reporting it.
var kindOrder = map[string]int{"related": 0, "event": 1, "article": 2}

// timeline lists the story's dated events (from the analysis's events and
// date mentions), its articles at their publication day, and related
// stories at their date, in time order. An event is the sentence that
// states it, verbatim; the same sentence dated the same in several
// articles is listed once, from the earliest article in story order.
// Undated articles and related stories go last with an empty date, so
// every source still appears; undated events are omitted (a sentence
// without a date says nothing about when).
func timeline(in Input, ix *storyIndex) []storyline.TimelineEntry {
	articleIndex := map[string]int{}
	for i, a := range in.Articles {
		if _, ok := articleIndex[a.ID]; !ok {
			articleIndex[a.ID] = i
		}
	}
	type item struct {
		storyline.TimelineEntry
		art, pos int
	}
	var items []item
	seen := map[string]bool{}
	addEvent := func(date, art, sent string) {
		date = resolvedDate(date)
		a, ok := articleIndex[art]
		if date == "" || !ok || strings.TrimSpace(sent) == "" {
			return
		}
		text, pos := locate(ix, a, sent)
		key := date + "\x00" + textutil.Normalize(text)
		if g := ix.groupOf(a, pos); g >= 0 {
			key = date + "\x00#" + strconv.Itoa(g)
		}
		if seen[key] {
			return
		}
		seen[key] = true
		items = append(items, item{storyline.TimelineEntry{Date: date, Text: text, Article: in.Articles[a].ID, Kind: "event"}, a, pos})
	}
	for _, e := range in.Analysis.Events {
		date := e.Date
		if resolvedDate(date) == "" {
			date = dateOfSentence(in.Analysis.Dates, e.Article, e.Sentence)
		}
		addEvent(date, e.Article, e.Sentence)
	}
	for _, d := range in.Analysis.Dates {
		addEvent(d.Value, d.Article, d.Sentence)
	}
	titles := cleanTitles(in.Articles)
	for i, a := range in.Articles {
		text := titles[i]
		if text == "" && len(ix.byArticle[i]) > 0 {
			text = ShortenHeadline(ix.sents[ix.byArticle[i][0]].text)
		}
		if a.Outlet != "" {
			text = a.Outlet + ": " + text
		}
		date := ""
		if !a.Published.IsZero() {
			date = a.Published.UTC().Format("2006-01-02")
		}
		items = append(items, item{storyline.TimelineEntry{Date: date, Text: text, Article: a.ID, Kind: "article"}, i, -1})
	}
	for r, rel := range in.Related {
		date := ""
		if !rel.Date.IsZero() {
			date = rel.Date.UTC().Format("2006-01-02")
		}
		items = append(items, item{storyline.TimelineEntry{Date: date, Text: rel.Headline, Story: rel.ID, Kind: "related"}, len(in.Articles) + r, -1})
	}
	sort.SliceStable(items, func(x, y int) bool {
		a, b := items[x], items[y]
		if (a.Date == "") != (b.Date == "") {
			return b.Date == ""
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if kindOrder[a.Kind] != kindOrder[b.Kind] {
			return kindOrder[a.Kind] < kindOrder[b.Kind]
		}
		if a.art != b.art {
			return a.art < b.art
		}
		return a.pos < b.pos
	})
	out := make([]storyline.TimelineEntry, len(items))
	for i, it := range items {
		out[i] = it.TimelineEntry
	}
	return out
}

// dateOfSentence finds the date the analysis resolved in a sentence.
func dateOfSentence(dates []storyline.DateMention, article, sent string) string {
	norm := textutil.Normalize(sent)
	for _, d := range dates {
		if d.Article == article && textutil.Normalize(d.Sentence) == norm && resolvedDate(d.Value) != "" {
			return d.Value
		}
	}
	return ""
}

// locate finds the article's own sentence the analysis quotes, so the
// timeline shows it verbatim and sorts it by position; it falls back to
// the analysis's text, trimmed.
func locate(ix *storyIndex, a int, sent string) (string, int) {
	norm := textutil.Normalize(stripDateline(sent))
	for _, i := range ix.byArticle[a] {
		if ix.sents[i].norm == norm || strings.Contains(ix.sents[i].norm, norm) && len(norm) > 20 {
			return ix.sents[i].text, ix.sents[i].pos
		}
	}
	return strings.Join(strings.Fields(sent), " "), len(ix.byArticle[a])
}

// groupOf returns the carry group of an article's pos-th sentence, or -1.
func (ix *storyIndex) groupOf(a, pos int) int {
	if pos < 0 || pos >= len(ix.byArticle[a]) {
		return -1
	}
	return ix.sents[ix.byArticle[a][pos]].group
}
