package pipeline

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/tell"
	"github.com/storyline-news/storyline/textutil"
	"github.com/storyline-news/storyline/understand"
)

// ArticleView is an article as listed in a story: the fields of the
// `run --json` contract and a few more.
type ArticleView struct {
	ID        string     `json:"id"`
	Source    string     `json:"source"`
	URL       string     `json:"url,omitempty"`
	Title     string     `json:"title"`
	Outlet    string     `json:"outlet"`
	Published *time.Time `json:"published"`
	// PublishedFrom and PublishedConfidence say where the date came from;
	// a date too weak to trust (a masthead's "today") is not published as
	// the article's but kept as PageDate.
	PublishedFrom       string     `json:"published_from,omitempty"`
	PublishedConfidence float64    `json:"published_confidence,omitempty"`
	PageDate            *time.Time `json:"page_date,omitempty"`
	Agency              string     `json:"agency"`
	Agencies            []string   `json:"agencies"`
	Dateline            string     `json:"dateline"`
	Byline              []string   `json:"byline"`
	Language            string     `json:"language"`
	DuplicateOf         *string    `json:"duplicate_of"`
	CopyRelation        string     `json:"copy_relation,omitempty"`
	Version             int        `json:"version"`
}

// Copies is the copy structure of one story.
type Copies struct {
	Groups []storyline.CopyGroup `json:"groups"`
	// Distinct counts the story's articles once each copy group is folded.
	Distinct int `json:"distinct"`
}

// StoryView is a story as shown: its articles, copies, analysis and page.
type StoryView struct {
	ID              string                      `json:"id"`
	Headline        string                      `json:"headline"`
	HeadlineDerived bool                        `json:"headline_derived"`
	First           *time.Time                  `json:"first"`
	Last            *time.Time                  `json:"last"`
	Outlets         []string                    `json:"outlets"`
	Articles        []ArticleView               `json:"articles"`
	Related         []storyline.Related         `json:"related"`
	Copies          Copies                      `json:"copies"`
	Summary         []storyline.SummarySentence `json:"summary"`
	Timeline        []storyline.TimelineEntry   `json:"timeline"`
	Additions       []storyline.Additions       `json:"additions"`
	Entities        []storyline.Entity          `json:"entities"`
	Quotes          []storyline.Quote           `json:"quotes"`
	QuoteDrift      []storyline.QuoteDrift      `json:"quote_drift"`
	Events          []storyline.Event           `json:"events"`
	Dates           []storyline.DateMention     `json:"dates"`

	// Full articles and page, for renderers; not part of the JSON.
	Story   storyline.Story     `json:"-"`
	Full    []storyline.Article `json:"-"`
	Telling storyline.Telling   `json:"-"`
}

// ViewOptions tunes story views.
type ViewOptions struct {
	Tell tell.Options
}

// Reader builds story views from a store. It loads the store once; build a
// new Reader to see later writes.
type Reader struct {
	store    storyline.Store
	articles map[string]storyline.Article
	stories  []storyline.Story
	byID     map[string]storyline.Story
	groups   []storyline.CopyGroup
	groupOf  map[string]int // article id -> index in groups
	opt      ViewOptions
}

// NewReader loads what views need from the store.
func NewReader(ctx context.Context, store storyline.Store, opt ViewOptions) (*Reader, error) {
	r := &Reader{store: store, articles: map[string]storyline.Article{}, byID: map[string]storyline.Story{},
		groupOf: map[string]int{}, opt: opt}
	arts, err := store.Articles(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range arts {
		r.articles[a.ID] = a
	}
	if r.stories, err = store.Stories(ctx); err != nil {
		return nil, err
	}
	for _, st := range r.stories {
		r.byID[st.ID] = st
	}
	if r.groups, err = store.Groups(ctx); err != nil {
		return nil, err
	}
	for i, g := range r.groups {
		r.groupOf[g.Canonical] = i
		for _, m := range g.Members {
			r.groupOf[m.Article] = i
		}
	}
	return r, nil
}

// Stories returns every story, largest first, then by first time and id.
func (r *Reader) Stories() []storyline.Story {
	out := append([]storyline.Story(nil), r.stories...)
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Articles) != len(out[j].Articles) {
			return len(out[i].Articles) > len(out[j].Articles)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Article returns a stored article.
func (r *Reader) Article(id string) (storyline.Article, bool) {
	a, ok := r.articles[id]
	return a, ok
}

// StoryOf returns the story holding an article.
func (r *Reader) StoryOf(articleID string) (storyline.Story, bool) {
	for _, st := range r.stories {
		for _, id := range st.Articles {
			if id == articleID {
				return st, true
			}
		}
	}
	return storyline.Story{}, false
}

// GroupOf returns the copy group holding an article.
func (r *Reader) GroupOf(articleID string) (storyline.CopyGroup, bool) {
	i, ok := r.groupOf[articleID]
	if !ok {
		return storyline.CopyGroup{}, false
	}
	return r.groups[i], true
}

// Story resolves an id (following merges) to a story.
func (r *Reader) Story(ctx context.Context, id string) (storyline.Story, error) {
	if st, ok := r.byID[id]; ok {
		return st, nil
	}
	st, err := r.store.Story(ctx, id)
	if err != nil {
		return st, err
	}
	return r.byID[st.ID], nil
}

// storyArticles returns a story's articles in story order.
func (r *Reader) storyArticles(st storyline.Story) []storyline.Article {
	out := make([]storyline.Article, 0, len(st.Articles))
	for _, id := range st.Articles {
		if a, ok := r.articles[id]; ok {
			out = append(out, a)
		}
	}
	return out
}

// View builds the full view of one story: copies, analysis and page.
func (r *Reader) View(st storyline.Story) StoryView {
	arts := r.storyArticles(st)
	v := StoryView{ID: st.ID, Story: st, Full: trustedDates(arts), Related: st.Related}
	if v.Related == nil {
		v.Related = []storyline.Related{}
	}
	seenGroup := map[int]bool{}
	outlets := map[string]bool{}
	for _, a := range arts {
		av := articleView(a)
		if i, ok := r.groupOf[a.ID]; ok {
			g := r.groups[i]
			for _, m := range g.Members {
				if m.Article == a.ID {
					of := m.Of
					av.DuplicateOf, av.CopyRelation = &of, string(m.Relation)
				}
			}
			if !seenGroup[i] {
				seenGroup[i] = true
				v.Copies.Groups = append(v.Copies.Groups, g)
			}
		}
		if av.DuplicateOf == nil {
			v.Copies.Distinct++
		}
		if a.Outlet != "" && !outlets[a.Outlet] {
			outlets[a.Outlet] = true
			v.Outlets = append(v.Outlets, a.Outlet)
		}
		v.Articles = append(v.Articles, av)
	}
	if v.Copies.Groups == nil {
		v.Copies.Groups = []storyline.CopyGroup{}
	}
	if v.Outlets == nil {
		v.Outlets = []string{}
	}
	v.First, v.Last = timePtr(st.First), timePtr(st.Last)

	var context []storyline.Article
	var related []tell.RelatedStory
	for _, rel := range st.Related {
		other, ok := r.byID[rel.Story]
		if !ok {
			continue
		}
		oa := r.storyArticles(other)
		context = append(context, oa...)
		rs := tell.RelatedStory{ID: other.ID, Headline: r.headline(other, oa), Date: other.First, Score: rel.Score}
		if rs.Date.IsZero() && len(oa) > 0 {
			// Undated: let its own resolved dates place it on the timeline.
			if lead := textutil.Sentences(oa[0].Text); len(lead) > 0 {
				rs.Lead = lead[0]
			}
			rs.Dates = understand.Analyze(oa, nil).Dates
		}
		related = append(related, rs)
	}
	analysis := understand.Analyze(arts, context)
	v.Telling = tell.Tell(tell.Input{Story: st, Articles: trustedDates(arts), Groups: v.Copies.Groups, Analysis: analysis, Related: related}, r.opt.Tell)
	v.Headline, v.HeadlineDerived = v.Telling.Headline, v.Telling.HeadlineDerived
	v.Summary, v.Timeline, v.Additions = nonNil(v.Telling.Summary), nonNil(v.Telling.Timeline), nonNil(v.Telling.Additions)
	v.Entities, v.Quotes, v.QuoteDrift = nonNil(analysis.Entities), nonNil(analysis.Quotes), nonNil(analysis.Drift)
	v.Events, v.Dates = nonNil(analysis.Events), nonNil(analysis.Dates)
	return v
}

// trustedDates returns the articles with publication dates too weak to
// show (a masthead's "today", a fetch time) cleared, so that the page's
// timeline and sources never present them as when an article appeared.
func trustedDates(arts []storyline.Article) []storyline.Article {
	out := make([]storyline.Article, len(arts))
	for i, a := range arts {
		if !Trusted(a) {
			a.Published = time.Time{}
		}
		out[i] = a
	}
	return out
}

// headline is a related story's headline without analysing it.
func (r *Reader) headline(st storyline.Story, arts []storyline.Article) string {
	var groups []storyline.CopyGroup
	for _, a := range arts {
		if g, ok := r.GroupOf(a.ID); ok && g.Canonical == a.ID {
			groups = append(groups, g)
		}
	}
	return tell.Tell(tell.Input{Story: st, Articles: arts, Groups: groups}, tell.Options{SummarySentences: 3}).Headline
}

// Entities merges the entities of every story across the store.
func (r *Reader) Entities() []storyline.Entity {
	byStory := map[string][]storyline.Entity{}
	for _, st := range r.stories {
		byStory[st.ID] = understand.Analyze(r.storyArticles(st), nil).Entities
	}
	return nonNil(understand.MergeEntities(byStory))
}

// ArticleViewOf returns the listing view of a stored article.
func (r *Reader) ArticleViewOf(a storyline.Article) ArticleView {
	av := articleView(a)
	if g, ok := r.GroupOf(a.ID); ok {
		for _, m := range g.Members {
			if m.Article == a.ID {
				of := m.Of
				av.DuplicateOf, av.CopyRelation = &of, string(m.Relation)
			}
		}
	}
	return av
}

func articleView(a storyline.Article) ArticleView {
	v := ArticleView{
		ID: a.ID, Source: a.Source, URL: a.URL, Title: a.Title, Outlet: a.Outlet,
		PublishedFrom: a.PublishedFrom, PublishedConfidence: a.PublishedConfidence,
		Agency: a.Agency(), Agencies: nonNil(a.Agencies),
		Dateline: DatelineString(a.Dateline), Byline: nonNil(a.Byline), Language: a.Language, Version: a.Version,
	}
	if Trusted(a) {
		v.Published = timePtr(a.Published)
	} else {
		v.PageDate = timePtr(a.Published)
	}
	return v
}

// DatelineString renders a dateline as "PLACE, Day" (or its raw form).
func DatelineString(d storyline.Dateline) string {
	switch {
	case d.Place != "" && d.Day != "":
		return fmt.Sprintf("%s, %s", d.Place, d.Day)
	case d.Place != "":
		return d.Place
	}
	return d.Raw
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

// nonNil makes empty lists encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
