package tell

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textutil"
)

// isoDate matches the ISO 8601 dates the understand stage resolves to:
// "2018-12-26", "2018-12", "2018-W51" or "2018", optionally followed by a
// time.
var isoDate = regexp.MustCompile(`^\d{4}(?:-W\d{2}|-\d{2}(?:-\d{2})?)?`)

// Date precisions, coarsest first: entries of one date sort coarse first,
// and the timeline prefers precise dates when it must leave some out.
const (
	precisionNone = iota
	precisionYear
	precisionMonth
	precisionWeek
	precisionDay
)

// resolvedDate returns the ISO date at the start of v, or "".
func resolvedDate(v string) string {
	return isoDate.FindString(strings.TrimSpace(v))
}

// precisionOf is the precision of a resolved ISO date.
func precisionOf(d string) int {
	switch {
	case d == "":
		return precisionNone
	case strings.Contains(d, "W"):
		return precisionWeek
	case len(d) == 4:
		return precisionYear
	case len(d) == 7:
		return precisionMonth
	}
	return precisionDay
}

// dateSortKey is the first day a resolved date covers ("2018-W51" →
// "2018-12-17", "2018-05" → "2018-05-01"), so dates of mixed precision
// sort by time.
func dateSortKey(d string) string {
	switch precisionOf(d) {
	case precisionWeek:
		y, _ := strconv.Atoi(d[:4])
		w, _ := strconv.Atoi(d[6:])
		// ISO week 1 holds January 4th; weeks start on Monday.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -(int(jan4.Weekday())+6)%7+7*(w-1))
		return monday.Format("2006-01-02")
	case precisionYear:
		return d + "-01-01"
	case precisionMonth:
		return d + "-01"
	}
	return d
}

// vagueDateWords are expressions that place a sentence in the present
// without dating anything in it ("security issues of today").
var vagueDateWords = []string{"today", "tonight", "now", "currently", "these days", "this week", "this month", "this year", "recently"}

// vagueMention reports whether a date mention says too little to date
// the sentence by itself: a relative year or week ("this year", "last
// week" resolved to "2018"), or the present ("today", "this month").
func vagueMention(d storyline.DateMention) bool {
	if d.Relative && (d.Granularity == "year" || d.Granularity == "week" || d.Granularity == "decade") {
		return true
	}
	t := strings.ToLower(strings.TrimSpace(d.Text))
	for _, w := range vagueDateWords {
		if t == w || strings.HasSuffix(t, " "+w) || strings.HasPrefix(t, w+" ") {
			return true
		}
	}
	return false
}

// Timeline priority classes, most wanted first: the timeline keeps the
// best entries by class when it must leave some out.
const (
	classEvent      = iota // an understand event dated to the day, week or month
	classAnchor            // a related story's date, the story's first report
	classBackground        // a year-dated event, a sentence with an explicit day or month
	classDistant           // a sentence dated only to the year
	classCoverage          // later reports of the story
)

// kindOrder sorts entries of the same date and precision: the world first
// (related stories), then what happened (events), then the reports.
var kindOrder = map[string]int{"related": 0, "event": 1, "article": 2}

// timelineItem is one candidate entry with what ranks and orders it.
type timelineItem struct {
	storyline.TimelineEntry
	class, precision int
	support          int // articles carrying the sentence
	source           int // sourceInstance rank: 0 lead, 1 canonical, 2 other
	art, pos         int
	sent             int // sentence index in the story index, or -1
	content          []int
}

// timeline lists the story's dated events in time order, one entry per
// distinct sentence: copies of a sentence (exact or near-identical, as the
// summary links them) make one entry, shown as its lead or canonical copy
// wrote it, and so do rewordings a copy group records or sentences of the
// same date sharing most of their content words. Sentences with an
// understand event come first, then dated background; a sentence dated
// only by a vague expression ("this year", "today") is left out unless an
// event is dated by it. The story's first report and related stories with
// a date join them; a related story without one is listed last with an
// empty date, for renderers to show apart. At most Options.TimelineEntries
// dated entries are kept, the most wanted first, then sorted by date,
// precision (coarse first) and position.
func timeline(in Input, ix *storyIndex, lead int, canonicals map[int]bool, ref []int, limit int) []storyline.TimelineEntry {
	articleIndex := map[string]int{}
	for i, a := range in.Articles {
		if _, ok := articleIndex[a.ID]; !ok {
			articleIndex[a.ID] = i
		}
	}
	// The best date of each sentence group: from an event when one is
	// dated, else from the most precise clear date mention.
	type dating struct {
		date      string
		precision int
		fromEvent bool // an understand event's own date
		at        int  // the expression's offset in its sentence (mentions)
	}
	best := map[int]dating{}
	consider := func(g int, d dating) {
		b, ok := best[g]
		if !ok || d.fromEvent && !b.fromEvent || d.fromEvent == b.fromEvent && (d.precision > b.precision || d.precision == b.precision && d.at < b.at) {
			best[g] = d
		}
	}
	find := func(article, sent string) int {
		a, ok := articleIndex[article]
		if !ok || strings.TrimSpace(sent) == "" {
			return -1
		}
		return locate(ix, a, sent)
	}
	for _, e := range in.Analysis.Events {
		date := resolvedDate(e.Date)
		if date == "" {
			continue // dated below through its sentence's mentions, if clear
		}
		if i := find(e.Article, e.Sentence); i >= 0 {
			consider(ix.sents[i].group, dating{date, precisionOf(date), true, 0})
		}
	}
	eventSentence := map[int]bool{}
	for _, e := range in.Analysis.Events {
		if i := find(e.Article, e.Sentence); i >= 0 {
			eventSentence[ix.sents[i].group] = true
		}
	}
	for _, d := range in.Analysis.Dates {
		date := resolvedDate(d.Value)
		i := find(d.Article, d.Sentence)
		if date == "" || i < 0 || vagueMention(d) && !eventSentence[ix.sents[i].group] {
			continue
		}
		at := strings.Index(ix.sents[i].text, d.Text)
		if at < 0 {
			at = len(ix.sents[i].text)
		}
		consider(ix.sents[i].group, dating{date, precisionOf(date), false, at})
	}
	var items []timelineItem
	groups := make([]int, 0, len(best))
	for g := range best {
		groups = append(groups, g)
	}
	sort.Ints(groups)
	for _, g := range groups {
		d := best[g]
		i := sourceInstance(ix, ix.groups[g], lead, canonicals)
		s := ix.sents[i]
		if s.tier == unusable || s.continues {
			continue
		}
		class := classBackground
		switch {
		case eventSentence[g] && d.precision > precisionYear:
			class = classEvent
		case !eventSentence[g] && d.precision == precisionYear:
			class = classDistant
		}
		items = append(items, timelineItem{
			TimelineEntry: storyline.TimelineEntry{Date: d.date, Text: s.text, Article: in.Articles[s.article].ID, Kind: "event"},
			class:         class, precision: d.precision, support: len(ix.groupArticles(g)), source: sourceRank(s.article, lead, canonicals),
			art: s.article, pos: s.pos, sent: i, content: contentTokens(ix, s),
		})
	}
	items = append(items, reportItems(in, ix, ref)...)
	var undated []storyline.TimelineEntry
	for r, rel := range in.Related {
		date := relatedDate(rel)
		if date == "" {
			undated = append(undated, storyline.TimelineEntry{Text: rel.Headline, Story: rel.ID, Kind: "related"})
			continue
		}
		items = append(items, timelineItem{TimelineEntry: storyline.TimelineEntry{Date: date, Text: rel.Headline, Story: rel.ID, Kind: "related"},
			class: classAnchor, precision: precisionDay, source: 2, art: len(in.Articles) + r, sent: -1})
	}
	sort.SliceStable(items, func(x, y int) bool { return items[x].wanted(items[y]) })
	reworded := rewordings(in.Groups)
	var kept []timelineItem
	for _, it := range items {
		if len(kept) >= limit {
			break
		}
		if !it.repeats(kept, ix, reworded) {
			kept = append(kept, it)
		}
	}
	sort.SliceStable(kept, func(x, y int) bool {
		a, b := kept[x], kept[y]
		if ka, kb := dateSortKey(a.Date), dateSortKey(b.Date); ka != kb {
			return ka < kb
		}
		if a.precision != b.precision {
			return a.precision < b.precision
		}
		if kindOrder[a.Kind] != kindOrder[b.Kind] {
			return kindOrder[a.Kind] < kindOrder[b.Kind]
		}
		if a.art != b.art {
			return a.art < b.art
		}
		return a.pos < b.pos
	})
	out := make([]storyline.TimelineEntry, 0, len(kept)+len(undated))
	for _, it := range kept {
		out = append(out, it.TimelineEntry)
	}
	return append(out, undated...)
}

// wanted orders candidates by how much the timeline wants them: class,
// precision, support, source instance rank, then story order.
func (it timelineItem) wanted(o timelineItem) bool {
	switch {
	case it.class != o.class:
		return it.class < o.class
	case it.precision != o.precision:
		return it.precision > o.precision
	case it.support != o.support:
		return it.support > o.support
	case it.source != o.source:
		return it.source < o.source
	case it.art != o.art:
		return it.art < o.art
	}
	return it.pos < o.pos
}

// repeats reports whether a candidate sentence says what a kept one
// already says: the same date and a rewording a copy group records, or
// the same date and most content words shared (Dice ≥ 0.5).
func (it timelineItem) repeats(kept []timelineItem, ix *storyIndex, reworded map[string]int) bool {
	if it.sent < 0 {
		return false
	}
	pair, hasPair := reworded[ix.sents[it.sent].norm]
	for _, k := range kept {
		if k.sent < 0 || k.Date != it.Date {
			continue
		}
		if hasPair {
			if p, ok := reworded[ix.sents[k.sent].norm]; ok && p == pair {
				return true
			}
		}
		if dice(it.content, k.content) >= 0.5 {
			return true
		}
	}
	return false
}

// rewordings numbers the sentence pairs copy groups record as reworded
// (SentenceChange), by normalised text: both wordings get the same number.
func rewordings(groups []storyline.CopyGroup) map[string]int {
	out := map[string]int{}
	n := 0
	for _, g := range groups {
		for _, m := range g.Members {
			for _, c := range m.Changed {
				n++
				for _, t := range []string{c.From, c.To} {
					if norm := textutil.Normalize(stripDateline(t)); norm != "" {
						if _, ok := out[norm]; !ok {
							out[norm] = n
						}
					}
				}
			}
		}
	}
	return out
}

// reportItems lists the story's dated reports: the first at class
// classAnchor, later ones (not copies of an earlier report of the same
// day) at classCoverage. Undated reports are left to the source list.
func reportItems(in Input, ix *storyIndex, ref []int) []timelineItem {
	titles := cleanTitles(in.Articles)
	first := ""
	for _, a := range in.Articles {
		if d := publishedDay(a); d != "" && (first == "" || d < first) {
			first = d
		}
	}
	var out []timelineItem
	for i, a := range in.Articles {
		date := publishedDay(a)
		if date == "" || ref[i] >= 0 && publishedDay(in.Articles[ref[i]]) == date {
			continue
		}
		text := titles[i]
		if text == "" && len(ix.byArticle[i]) > 0 {
			text = ShortenHeadline(ix.sents[ix.byArticle[i][0]].text)
		}
		if text == "" {
			continue
		}
		class := classCoverage
		if date == first {
			class = classAnchor
			first = "" // one first report
		}
		out = append(out, timelineItem{TimelineEntry: storyline.TimelineEntry{Date: date, Text: text, Article: a.ID, Kind: "article"},
			class: class, precision: precisionDay, source: 2, art: i, pos: -1, sent: -1})
	}
	return out
}

// publishedDay is an article's publication day, or "".
func publishedDay(a storyline.Article) string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.UTC().Format("2006-01-02")
}

// relatedDate places a related story: its Date when known, else the
// earliest day-precision date resolved in its lead sentence, else "".
func relatedDate(rel RelatedStory) string {
	if !rel.Date.IsZero() {
		return rel.Date.UTC().Format("2006-01-02")
	}
	lead := textutil.Normalize(stripDateline(rel.Lead))
	if lead == "" {
		return ""
	}
	earliest := ""
	for _, d := range rel.Dates {
		date := resolvedDate(d.Value)
		if precisionOf(date) != precisionDay || d.Granularity != "" && d.Granularity != "day" {
			continue
		}
		if sent := textutil.Normalize(stripDateline(d.Sentence)); sent == "" || sent != lead && !strings.Contains(sent, lead) && !strings.Contains(lead, sent) {
			continue
		}
		if earliest == "" || date < earliest {
			earliest = date
		}
	}
	return earliest
}

// sourceRank ranks an article as sourceInstance does: 0 the lead
// article, 1 a copy-group canonical, 2 any other.
func sourceRank(a, lead int, canonicals map[int]bool) int {
	switch {
	case a == lead:
		return 0
	case canonicals[a]:
		return 1
	}
	return 2
}

// contentTokens is a sentence's distinct non-stopword token ids, sorted.
func contentTokens(ix *storyIndex, s sentence) []int {
	var out []int
	for _, t := range s.tokens {
		if !ix.stop[t] && !containsInt(out, t) {
			out = append(out, t)
		}
	}
	sort.Ints(out)
	return out
}

// dice is the Dice coefficient of two sorted distinct token lists.
func dice(a, b []int) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	shared, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(shared) / float64(len(a)+len(b))
}

// locate finds the article's own sentence the analysis quotes, so the
// timeline shows it verbatim: the sentence with the same normalised text
// (dateline removed), else the one containing it, else one contained in
// it (the analysis split a sentence the index joined, or the other way).
// It returns the sentence's index in ix.sents, or -1.
func locate(ix *storyIndex, a int, sent string) int {
	norm := textutil.Normalize(stripDateline(sent))
	if norm == "" {
		return -1
	}
	for _, i := range ix.byArticle[a] {
		if ix.sents[i].norm == norm {
			return i
		}
	}
	for _, i := range ix.byArticle[a] {
		n := ix.sents[i].norm
		if len(norm) > 20 && strings.Contains(n, norm) || len(n) > 20 && strings.Contains(norm, n) {
			return i
		}
	}
	return -1
}
