package tell

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/storyline-news/storyline"
)

// sourceList numbers the story's articles for citation markers: articles
// in story order, then any cited article the list lacks.
type sourceList struct {
	articles []storyline.Article
	number   map[string]int // article id → 1-based number
}

func newSourceList(story storyline.Story, page storyline.Telling, articles []storyline.Article) sourceList {
	byID := map[string]storyline.Article{}
	for _, a := range articles {
		if _, ok := byID[a.ID]; !ok {
			byID[a.ID] = a
		}
	}
	sl := sourceList{number: map[string]int{}}
	add := func(id, outlet string) {
		if id == "" || sl.number[id] > 0 {
			return
		}
		a, ok := byID[id]
		if !ok {
			a = storyline.Article{ID: id, Outlet: outlet}
		}
		sl.articles = append(sl.articles, a)
		sl.number[id] = len(sl.articles)
	}
	for _, id := range story.Articles {
		add(id, "")
	}
	for _, a := range articles {
		add(a.ID, a.Outlet)
	}
	for _, s := range page.Summary {
		for _, c := range s.Citations {
			add(c.Article, c.Outlet)
		}
	}
	return sl
}

func (sl sourceList) markers(cits []storyline.Citation) string {
	var b strings.Builder
	for _, c := range cits {
		fmt.Fprintf(&b, "[%d]", sl.number[c.Article])
	}
	return b.String()
}

// outletOf names an article for a reader: its outlet, else its id.
func outletOf(a storyline.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	return a.ID
}

// describe is one source-list line: outlet, title, date and link.
func (sl sourceList) describe(a storyline.Article, markdown bool) string {
	parts := []string{outletOf(a)}
	if t := CleanTitle(a.Title, a.Outlet); t != "" {
		if markdown {
			t = "*" + markdownEscape(t) + "*"
		}
		parts = append(parts, t)
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.UTC().Format("2006-01-02"))
	}
	switch {
	case a.URL != "" && markdown:
		parts = append(parts, "<"+a.URL+">")
	case a.URL != "":
		parts = append(parts, a.URL)
	case a.Source != "":
		parts = append(parts, a.Source)
	}
	if markdown {
		parts[0] = markdownEscape(parts[0])
	}
	return strings.Join(parts, " — ")
}

// WriteText writes the story page as plain terminal text: headline,
// summary with [n] citation markers, numbered sources, timeline and what
// each outlet adds or leaves out.
func WriteText(w io.Writer, story storyline.Story, page storyline.Telling, articles []storyline.Article) error {
	bw := bufio.NewWriter(w)
	sl := newSourceList(story, page, articles)
	headline := page.Headline
	if page.HeadlineDerived {
		headline += "  (headline from the lead sentence)"
	}
	fmt.Fprintf(bw, "%s\n%s\n", headline, strings.Repeat("=", min(72, max(3, len([]rune(page.Headline))))))
	if story.ID != "" {
		fmt.Fprintf(bw, "story %s, %d articles\n", story.ID, len(sl.articles))
	}
	fmt.Fprintln(bw, "\nSummary")
	for _, s := range page.Summary {
		fmt.Fprintf(bw, "  • %s %s\n", s.Text, sl.markers(s.Citations))
	}
	fmt.Fprintln(bw, "\nSources")
	for i, a := range sl.articles {
		fmt.Fprintf(bw, "  [%d] %s\n", i+1, sl.describe(a, false))
	}
	if len(page.Timeline) > 0 {
		fmt.Fprintln(bw, "\nTimeline")
		for _, e := range page.Timeline {
			fmt.Fprintf(bw, "  %-10s  %s%s\n", dateOrUndated(e.Date), timelineLabel(e), timelineRef(sl, e))
		}
	}
	writeAdditions(bw, page, sl, func(s string) string { return s }, "\nWhat each outlet adds", "  %s [%d]\n", "    + %s\n", "    − leaves out: %s\n")
	return bw.Flush()
}

// WriteMarkdown writes the story page as Markdown for a newsletter: a
// title, the summary with [n] markers linked to a numbered source list
// (outlet, title, date, URL), the timeline and per-outlet additions.
func WriteMarkdown(w io.Writer, story storyline.Story, page storyline.Telling, articles []storyline.Article) error {
	bw := bufio.NewWriter(w)
	sl := newSourceList(story, page, articles)
	fmt.Fprintf(bw, "# %s\n\n", markdownEscape(page.Headline))
	if page.HeadlineDerived {
		fmt.Fprint(bw, "*Headline taken from the lead sentence: no article had a title.*\n\n")
	}
	for _, s := range page.Summary {
		fmt.Fprintf(bw, "%s %s\n", markdownEscape(s.Text), markdownMarkers(sl, s.Citations))
	}
	if len(page.Summary) > 0 {
		fmt.Fprintln(bw)
	}
	fmt.Fprint(bw, "## Sources\n\n")
	for i, a := range sl.articles {
		fmt.Fprintf(bw, "%d. %s\n", i+1, sl.describe(a, true))
	}
	if len(page.Timeline) > 0 {
		fmt.Fprint(bw, "\n## Timeline\n\n")
		for _, e := range page.Timeline {
			fmt.Fprintf(bw, "- **%s** %s%s\n", dateOrUndated(e.Date), markdownEscape(timelineLabel(e)), timelineRef(sl, e))
		}
	}
	writeAdditions(bw, page, sl, markdownEscape, "\n## What each outlet adds\n", "\n**%s** [%d]\n\n", "- Adds: %s\n", "- Leaves out: %s\n")
	return bw.Flush()
}

// writeAdditions writes the per-outlet section with the given formats.
func writeAdditions(w io.Writer, page storyline.Telling, sl sourceList, esc func(string) string, title, head, added, omitted string) {
	any := false
	for _, a := range page.Additions {
		any = any || len(a.Added) > 0 || len(a.Omitted) > 0
	}
	if !any {
		return
	}
	fmt.Fprintln(w, title)
	for _, a := range page.Additions {
		if len(a.Added) == 0 && len(a.Omitted) == 0 {
			continue
		}
		name := a.Outlet
		if name == "" {
			name = a.Article
		}
		fmt.Fprintf(w, head, esc(name), sl.number[a.Article])
		for _, s := range a.Added {
			fmt.Fprintf(w, added, esc(s))
		}
		for _, s := range a.Omitted {
			fmt.Fprintf(w, omitted, esc(s))
		}
	}
}

func markdownMarkers(sl sourceList, cits []storyline.Citation) string {
	var b strings.Builder
	for _, c := range cits {
		fmt.Fprintf(&b, "\\[%d\\]", sl.number[c.Article])
	}
	return b.String()
}

func dateOrUndated(d string) string {
	if d == "" {
		return "undated"
	}
	return d
}

func timelineLabel(e storyline.TimelineEntry) string {
	switch e.Kind {
	case "related":
		return "Related story: " + e.Text
	case "article":
		return "Published: " + e.Text
	}
	return e.Text
}

func timelineRef(sl sourceList, e storyline.TimelineEntry) string {
	if n := sl.number[e.Article]; n > 0 {
		return fmt.Sprintf(" [%d]", n)
	}
	if e.Story != "" {
		return " (story " + e.Story + ")"
	}
	return ""
}

// markdownEscaper escapes the characters Markdown would read as markup.
var markdownEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`)

func markdownEscape(s string) string { return markdownEscaper.Replace(s) }
