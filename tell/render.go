package tell

import (
	"bufio"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// TextWidth is the column WriteText wraps its lines at.
const TextWidth = 100

// markers writes source numbers as citation markers: "[1][3]".
func markers(refs []int) string {
	var b strings.Builder
	for _, n := range refs {
		b.WriteString("[" + strconv.Itoa(n) + "]")
	}
	return b.String()
}

// sourceLine is one source-list line: name (and the agency it credits when
// the outlet is unknown), date, title and where it was read.
func sourceLine(a storyline.Article, md bool) string {
	name := SourceName(a)
	if md {
		name = "**" + mdText(name) + "**"
	}
	if a.Outlet == "" && a.Agency() != "" && !strings.EqualFold(a.Agency(), SourceName(a)) {
		name += " (via " + escapeIf(md, a.Agency()) + ")"
	}
	parts := []string{name}
	if d := publishedDay(a); d != "" {
		parts = append(parts, d)
	}
	if t := oneLine(CleanTitle(a.Title, a.Outlet)); t != "" {
		if md {
			t = "*" + mdText(t) + "*"
		}
		parts = append(parts, t)
	}
	switch {
	case a.URL != "" && md:
		parts = append(parts, "<"+a.URL+">")
	case a.URL != "":
		parts = append(parts, a.URL)
	case a.Source != "" && path.Base(strings.ReplaceAll(a.Source, `\`, "/")) != SourceName(a):
		if md {
			parts = append(parts, mdCode(a.Source))
		} else {
			parts = append(parts, a.Source)
		}
	}
	return strings.Join(parts, " — ")
}

// copyNote describes an article against its copy group: what share of the
// canonical it carries, how much it rewords, or which copies it heads.
func copyNote(v pageView, row outletRow, md bool) string {
	if row.copyOf > 0 {
		canonical := SourceName(v.sl.articles[row.copyOf-1])
		note := fmt.Sprintf("copy of [%d] %s: carries %d of its %d sentences", row.copyOf, escapeIf(md, canonical), row.carried, row.of)
		if row.reworded > 0 {
			note += fmt.Sprintf(", rewords %d", row.reworded)
		}
		return note + fmt.Sprintf(", adds %d, leaves out %d", len(row.added), len(row.omitted))
	}
	if len(row.copies) > 0 {
		return "fullest copy; copied by " + markers(row.copies)
	}
	return ""
}

// WriteText writes the story page as plain terminal text wrapped at
// TextWidth columns: headline, summary with [n] citation markers, numbered
// sources, timeline, related stories and what each outlet adds. Copy
// groups, when given, say which article each copy is compared with;
// without them the texts tell.
func WriteText(w io.Writer, story storyline.Story, page storyline.Telling, articles []storyline.Article, groups ...storyline.CopyGroup) error {
	bw := bufio.NewWriter(w)
	v := newPageView(story, page, articles, groups)
	fmt.Fprintln(bw, wrap(oneLine(page.Headline), "", ""))
	fmt.Fprintln(bw, strings.Repeat("=", min(TextWidth, max(3, utf8.RuneCountInString(oneLine(page.Headline))))))
	if page.HeadlineDerived {
		fmt.Fprintln(bw, "(headline taken from the lead sentence: no article had a title)")
	}
	if story.ID != "" {
		fmt.Fprintf(bw, "story %s · %s\n", story.ID, plural(len(v.sl.articles), "article"))
	}
	if len(page.Summary) > 0 {
		fmt.Fprintln(bw, "\nSummary")
		for _, s := range page.Summary {
			fmt.Fprintln(bw, wrap(oneLine(s.Text)+" "+markers(v.sl.numbers(s.Citations)), "  • ", "    "))
		}
	}
	fmt.Fprintln(bw, "\nSources")
	for i, a := range v.sl.articles {
		label := fmt.Sprintf("  [%d] ", i+1)
		fmt.Fprintln(bw, wrap(sourceLine(a, false), label, strings.Repeat(" ", len(label))))
	}
	if len(v.timeline) > 0 {
		fmt.Fprintln(bw, "\nTimeline")
		for _, r := range v.timeline {
			fmt.Fprintln(bw, wrap(timelineText(r, false), fmt.Sprintf("  %-13s  ", shownDate(r.entry.Date, false)), strings.Repeat(" ", 17)))
		}
	}
	if len(v.related) > 0 {
		fmt.Fprintln(bw, "\nRelated stories")
		for _, e := range v.related {
			fmt.Fprintln(bw, wrap(oneLine(e.Text)+" (story "+e.Story+")", "  • ", "    "))
		}
	}
	if len(v.outlets) > 0 {
		fmt.Fprintln(bw, "\nWhat each outlet adds")
		for _, row := range v.outlets {
			head := fmt.Sprintf("%s [%d]", row.name, row.number)
			if note := copyNote(v, row, false); note != "" {
				head += " — " + note
			}
			fmt.Fprintln(bw, wrap(head, "  ", "    "))
			writeCapped(bw, row.added, shownAdded, func(s string) string { return wrap(s, "    + ", "      ") },
				func(n int) string { return fmt.Sprintf("    + … and %d more", n) })
			writeCapped(bw, row.omitted, shownOmitted, func(s string) string { return wrap(s, "    − leaves out: ", "      ") },
				func(n int) string { return fmt.Sprintf("    − … and leaves out %d more", n) })
		}
	}
	return bw.Flush()
}

// WriteMarkdown writes the story page as Markdown for a newsletter: a
// title, the summary as a bulleted list with [n] markers to a numbered
// source list (outlet, date, title, link), the timeline, related stories
// and what each outlet adds. Text is escaped only where Markdown would
// read it as markup.
func WriteMarkdown(w io.Writer, story storyline.Story, page storyline.Telling, articles []storyline.Article, groups ...storyline.CopyGroup) error {
	bw := bufio.NewWriter(w)
	v := newPageView(story, page, articles, groups)
	fmt.Fprintf(bw, "# %s\n\n", mdText(oneLine(page.Headline)))
	if page.HeadlineDerived {
		fmt.Fprint(bw, "*Headline taken from the lead sentence: no article had a title.*\n\n")
	}
	if len(page.Summary) > 0 {
		fmt.Fprint(bw, "## Summary\n\n")
		for _, s := range page.Summary {
			fmt.Fprintf(bw, "- %s %s\n", mdText(oneLine(s.Text)), markers(v.sl.numbers(s.Citations)))
		}
		fmt.Fprintln(bw)
	}
	fmt.Fprint(bw, "## Sources\n\n")
	for i, a := range v.sl.articles {
		fmt.Fprintf(bw, "%d. %s\n", i+1, sourceLine(a, true))
	}
	if len(v.timeline) > 0 {
		fmt.Fprint(bw, "\n## Timeline\n\n")
		for _, r := range v.timeline {
			fmt.Fprintf(bw, "- **%s** — %s\n", shownDate(r.entry.Date, true), timelineText(r, true))
		}
	}
	if len(v.related) > 0 {
		fmt.Fprint(bw, "\n## Related stories\n\n")
		for _, e := range v.related {
			fmt.Fprintf(bw, "- *%s* (story %s)\n", mdText(oneLine(e.Text)), mdCode(e.Story))
		}
	}
	if len(v.outlets) > 0 {
		fmt.Fprint(bw, "\n## What each outlet adds\n")
		for _, row := range v.outlets {
			fmt.Fprintf(bw, "\n**%s** [%d]", mdText(row.name), row.number)
			if note := copyNote(v, row, true); note != "" {
				fmt.Fprint(bw, " — "+note)
			}
			fmt.Fprint(bw, "\n\n")
			writeCapped(bw, row.added, shownAdded, func(s string) string { return "- Adds: " + mdText(oneLine(s)) },
				func(n int) string { return fmt.Sprintf("- *… and %d more*", n) })
			writeCapped(bw, row.omitted, shownOmitted, func(s string) string { return "- Leaves out: " + mdText(oneLine(s)) },
				func(n int) string { return fmt.Sprintf("- *… and leaves out %d more*", n) })
		}
	}
	return bw.Flush()
}

// writeCapped writes up to limit lines, then a count of the rest.
func writeCapped(w io.Writer, lines []string, limit int, line func(string) string, more func(int) string) {
	for k, s := range lines {
		if k == limit && len(lines) > limit+1 {
			fmt.Fprintln(w, more(len(lines)-limit))
			return
		}
		fmt.Fprintln(w, line(s))
	}
}

// timelineText is a timeline entry's text with its sources.
func timelineText(r timelineRow, md bool) string {
	text := escapeIf(md, oneLine(r.entry.Text))
	switch r.entry.Kind {
	case "related":
		if md {
			return "Related story: *" + text + "* (story " + mdCode(r.entry.Story) + ")"
		}
		return "Related story: " + text + " (story " + r.entry.Story + ")"
	case "article":
		text = "Published: " + text
	}
	if len(r.refs) > 0 {
		text += " " + markers(r.refs)
	}
	return text
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// wrap breaks text into lines of at most TextWidth columns (runes), the
// first starting with first and the others with rest. A word longer than
// a line stays whole.
func wrap(text, first, rest string) string {
	var b strings.Builder
	b.WriteString(first)
	col := utf8.RuneCountInString(first)
	start := col
	for _, word := range strings.Fields(text) {
		n := utf8.RuneCountInString(word)
		if col > start && col+1+n > TextWidth {
			b.WriteString("\n" + rest)
			col = utf8.RuneCountInString(rest)
			start = col
		} else if col > start {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
	}
	return b.String()
}

func escapeIf(md bool, s string) string {
	if md {
		return mdText(s)
	}
	return s
}

// mdEntity matches an HTML entity or character reference, which Markdown
// would decode.
var mdEntity = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// mdListStart matches text a Markdown line would read as a block marker:
// a heading, quote, list item, thematic break or fenced code.
var mdListStart = regexp.MustCompile(`^(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|={3,}|-{3,}|~{3,}|` + "`{3,})")

// mdText escapes plain text for inline Markdown (CommonMark with the
// common extensions), only where it would otherwise be read as markup:
// backslashes, code and emphasis marks (an underscore only at a word's
// edge), brackets, a "<" that could open a tag or autolink, an "&" that
// would form an entity, "~~", and a block marker at the start.
func mdText(s string) string {
	var b strings.Builder
	marker := -1 // the byte that makes a block marker of the start
	if loc := mdListStart.FindStringIndex(s); loc != nil {
		end := loc[1]
		for end > 0 && unicode.IsSpace(rune(s[end-1])) {
			end--
		}
		marker = end - 1
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == marker && !strings.ContainsRune("\\`*[]", rune(c)) {
			b.WriteByte('\\')
			b.WriteByte(c)
			continue
		}
		switch c {
		case '\\', '`', '*', '[', ']':
			b.WriteByte('\\')
		case '_':
			if !(wordByteBefore(s, i) && wordByteAfter(s, i)) {
				b.WriteByte('\\')
			}
		case '<':
			if i+1 < len(s) && (isASCIILetter(s[i+1]) || strings.ContainsRune("/!?", rune(s[i+1]))) {
				b.WriteByte('\\')
			}
		case '&':
			if mdEntity.MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		case '~':
			if i+1 < len(s) && s[i+1] == '~' || i > 0 && s[i-1] == '~' {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mdCode writes s as a code span, or as escaped text when it holds a
// backtick.
func mdCode(s string) string {
	if strings.Contains(s, "`") {
		return mdText(s)
	}
	return "`" + s + "`"
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// wordByteBefore and wordByteAfter report whether the rune next to s[i]
// is a letter or digit.
func wordByteBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func wordByteAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i+1:])
	return i+1 < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// shownDate shows a timeline date; an ISO week ("2018-W51") as the day it
// starts, "week of 2018-12-17" (text: "wk 2018-12-17").
func shownDate(d string, md bool) string {
	if precisionOf(d) != precisionWeek {
		return d
	}
	if md {
		return "week of " + dateSortKey(d)
	}
	return "wk " + dateSortKey(d)
}
