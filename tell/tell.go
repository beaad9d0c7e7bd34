package tell

import (
	"time"

	"github.com/storyline-news/storyline"
)

// RelatedStory is what the timeline shows of a related story.
type RelatedStory struct {
	ID       string
	Headline string
	// Date places the story on the timeline; zero when unknown.
	Date  time.Time
	Score float64
	// Lead is the related story's lead sentence, verbatim, when known, and
	// Dates the date mentions the understand stage resolved in its
	// articles. When Date is zero, the earliest day-precision date
	// resolved in the lead places the story; without one it is listed
	// apart from the timeline.
	Lead  string
	Dates []storyline.DateMention
}

// Input is everything known about one story.
type Input struct {
	Story    storyline.Story
	Articles []storyline.Article // in story order
	Groups   []storyline.CopyGroup
	Analysis storyline.Analysis
	Related  []RelatedStory
}

// Options tunes the page.
type Options struct {
	SummarySentences int // 3-7; 5 when 0
	// TimelineEntries caps the dated timeline entries; 10 when 0, none
	// when negative.
	TimelineEntries int
}

// DefaultSummarySentences is the summary length when Options leaves it 0.
const DefaultSummarySentences = 5

// DefaultTimelineEntries is the timeline length when Options leaves it 0.
const DefaultTimelineEntries = 10

// timelineLength is the requested timeline cap.
func (o Options) timelineLength() int {
	switch {
	case o.TimelineEntries == 0:
		return DefaultTimelineEntries
	case o.TimelineEntries < 0:
		return 0
	}
	return o.TimelineEntries
}

// summaryLength clamps the requested summary length to 3..7.
func (o Options) summaryLength() int {
	if o.SummarySentences == 0 {
		return DefaultSummarySentences
	}
	return min(7, max(3, o.SummarySentences))
}

// Tell writes the story page: headline, cited extractive summary, timeline
// and per-article additions. It is deterministic for a given input and
// never invents text: every sentence on the page is verbatim from an
// article, and each summary citation names an article carrying it.
func Tell(in Input, opt Options) storyline.Telling {
	page := storyline.Telling{Summary: []storyline.SummarySentence{}, Timeline: []storyline.TimelineEntry{}, Additions: []storyline.Additions{}}
	ix := newStoryIndex(in.Articles)
	lead := leadArticle(in, ix)
	page.Headline, page.HeadlineDerived = headline(in, lead, ix)
	ref := copyCanonicals(in, ix)
	canonicals := map[int]bool{}
	for _, r := range ref {
		if r >= 0 {
			canonicals[r] = true
		}
	}
	if len(in.Articles) > 0 {
		page.Summary = summarize(in, ix, lead, canonicals, opt.summaryLength())
		page.Additions = additions(in, ix, ref)
	}
	page.Timeline = timeline(in, ix, lead, canonicals, ref, opt.timelineLength())
	citeTimeline(in, ix, page.Timeline)
	return page
}

// citeTimeline cites, for each event entry, every article carrying its
// sentence, with the summary's own predicate (so as correct as its
// citations); a report or related entry cites its article alone.
func citeTimeline(in Input, ix *storyIndex, entries []storyline.TimelineEntry) {
	at := map[string]int{}
	for i, a := range in.Articles {
		if _, ok := at[a.ID]; !ok {
			at[a.ID] = i
		}
	}
	for k, e := range entries {
		a, ok := at[e.Article]
		if !ok {
			continue
		}
		if e.Kind == "event" {
			if i := locate(ix, a, e.Text); i >= 0 {
				entries[k].Citations = ix.citations(ix.carriers(i))
				continue
			}
		}
		entries[k].Citations = []storyline.Citation{{Article: e.Article, Outlet: in.Articles[a].Outlet}}
	}
}
