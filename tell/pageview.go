package tell

import (
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/storyline-news/storyline"
)

// Render limits: how many sentences a page lists per outlet before it
// only counts the rest.
const (
	shownAdded   = 5
	shownOmitted = 3
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

// numbers turns citations into sorted, distinct source numbers.
func (sl sourceList) numbers(cits []storyline.Citation) []int {
	var out []int
	for _, c := range cits {
		if n := sl.number[c.Article]; n > 0 && !containsInt(out, n) {
			out = append(out, n)
		}
	}
	sort.Ints(out)
	return out
}

// SourceName names an article's source for a reader: its outlet, else its
// URL's host, else its source file's name; the article id only when
// nothing else is known.
func SourceName(a storyline.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	if u, err := url.Parse(a.URL); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	if a.Source != "" && a.Source != "-" {
		if u, err := url.Parse(a.Source); err == nil && u.Hostname() != "" {
			return strings.TrimPrefix(u.Hostname(), "www.")
		}
		return path.Base(strings.ReplaceAll(a.Source, `\`, "/"))
	}
	return "article " + a.ID
}

// oneLine collapses a sentence's white space (a line break inside it
// would break a list item) to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// timelineRow is one timeline line as shown.
type timelineRow struct {
	entry storyline.TimelineEntry
	refs  []int // source numbers carrying the sentence (events), or the report
}

// outletRow is what one article adds, as shown.
type outletRow struct {
	number   int
	name     string
	copyOf   int // source number of the canonical copy it is compared with, or 0
	carried  int // sentences of the canonical it carries
	of       int // the canonical's sentences
	reworded int // canonical sentences it carries reworded
	added    []string
	omitted  []string
	copies   []int // for a canonical: the source numbers of its copies
}

// pageView is what both renderers show, worked out once.
type pageView struct {
	sl       sourceList
	timeline []timelineRow
	related  []storyline.TimelineEntry // related stories the timeline cannot place
	outlets  []outletRow
}

// newPageView prepares a page for rendering. The timeline's sentence
// entries cite every article carrying them, found with the summary's own
// predicate (ix.carriers), so the citations are as correct as the
// summary's. Copy relations come from groups when given, else from the
// texts (see copyCanonicals).
func newPageView(story storyline.Story, page storyline.Telling, articles []storyline.Article, groups []storyline.CopyGroup) pageView {
	v := pageView{sl: newSourceList(story, page, articles)}
	var ix *storyIndex
	index := func() *storyIndex {
		if ix == nil {
			ix = newStoryIndex(articles)
		}
		return ix
	}
	articleIndex := map[string]int{}
	for i, a := range articles {
		if _, ok := articleIndex[a.ID]; !ok {
			articleIndex[a.ID] = i
		}
	}
	for _, e := range page.Timeline {
		if e.Kind == "related" && e.Date == "" {
			v.related = append(v.related, e)
			continue
		}
		row := timelineRow{entry: e}
		if n := v.sl.number[e.Article]; n > 0 {
			row.refs = []int{n}
		}
		if a, ok := articleIndex[e.Article]; ok && e.Kind == "event" {
			if i := locate(index(), a, e.Text); i >= 0 {
				row.refs = v.sl.numbers(index().citations(index().carriers(i)))
			}
		}
		v.timeline = append(v.timeline, row)
	}
	any := false
	for _, a := range page.Additions {
		any = any || len(a.Added) > 0 || len(a.Omitted) > 0
	}
	if !any {
		return v
	}
	ix = index()
	ref := copyCanonicals(Input{Articles: articles, Groups: groups}, ix)
	if len(groups) == 0 {
		pageReferences(ix, page.Additions, articleIndex, ref)
	}
	for _, add := range page.Additions {
		row := outletRow{number: v.sl.number[add.Article], name: SourceName(v.sl.article(add.Article))}
		a, ok := articleIndex[add.Article]
		added, omitted := add.Added, add.Omitted
		if ok && ref[a] >= 0 {
			r := ref[a]
			row.copyOf = v.sl.number[articles[r].ID]
			row.carried, row.of = carriedOf(ix, a, r)
			added, omitted, row.reworded = dropRewordings(ix, added, omitted)
		}
		if ok {
			for b, rb := range ref {
				if rb == a {
					row.copies = append(row.copies, v.sl.number[articles[b].ID])
				}
			}
			sort.Ints(row.copies)
		}
		row.added, row.omitted = added, omitted
		if len(row.added) > 0 || len(row.omitted) > 0 || row.copyOf > 0 || len(row.copies) > 0 {
			v.outlets = append(v.outlets, row)
		}
	}
	return v
}

// article returns the listed article with an id.
func (sl sourceList) article(id string) storyline.Article {
	if n := sl.number[id]; n > 0 {
		return sl.articles[n-1]
	}
	return storyline.Article{ID: id}
}

// carriedOf counts the canonical r's listable sentences and how many of
// them article a carries (the same carry group, or inside a's text).
func carriedOf(ix *storyIndex, a, r int) (carried, of int) {
	for _, i := range ix.byArticle[r] {
		s := ix.sents[i]
		if s.tier == unusable || s.continues {
			continue
		}
		of++
		if containsInt(ix.groupArticles(s.group), a) || containsText(ix.normText[a], s.norm) {
			carried++
		}
	}
	return carried, of
}

// dropRewordings pairs a copy's added sentences with the canonical's
// sentences it leaves out when they share most content words (Dice ≥
// 0.5): the copy rewords those rather than adding and dropping text. It
// returns the unpaired sentences and the number of pairs.
func dropRewordings(ix *storyIndex, added, omitted []string) ([]string, []string, int) {
	tokens := func(s string) []int {
		var out []int
		for _, w := range matchWords(s) {
			if id, ok := ix.vocab[w]; ok && !ix.stop[id] && !containsInt(out, id) {
				out = append(out, id)
			}
		}
		sort.Ints(out)
		return out
	}
	omittedTokens := make([][]int, len(omitted))
	for k, s := range omitted {
		omittedTokens[k] = tokens(s)
	}
	used := make([]bool, len(omitted))
	var keptAdded []string
	pairs := 0
	for _, s := range added {
		at := tokens(s)
		best, bestScore := -1, 0.5
		for k, ot := range omittedTokens {
			if d := dice(at, ot); !used[k] && d >= bestScore {
				best, bestScore = k, d
			}
		}
		if best < 0 {
			keptAdded = append(keptAdded, s)
			continue
		}
		used[best] = true
		pairs++
	}
	var keptOmitted []string
	for k, s := range omitted {
		if !used[k] {
			keptOmitted = append(keptOmitted, s)
		}
	}
	return keptAdded, keptOmitted, pairs
}

// pageReferences recovers, without the copy groups, the canonical each
// article's omissions were taken from: Tell lists a sentence as left out
// when at least two other articles carry it, or when its canonical does,
// so a left-out sentence only one article carries names the canonical.
// It overrides the inferred references in ref where the page says so.
func pageReferences(ix *storyIndex, adds []storyline.Additions, articleIndex map[string]int, ref []int) {
	for _, add := range adds {
		a, ok := articleIndex[add.Article]
		if !ok {
			continue
		}
		for _, text := range add.Omitted {
			r := -1
			for b := range ix.articles {
				if b != a {
					if i := locate(ix, b, text); i >= 0 && len(ix.groupArticles(ix.sents[i].group)) == 1 {
						r = b
						break
					}
				}
			}
			if r >= 0 {
				ref[a] = r
				break
			}
		}
	}
}
