package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"sync"
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

	mu    sync.Mutex
	memos map[string]*storyMemo
}

// NewReader loads what views need from the store.
func NewReader(ctx context.Context, store storyline.Store, opt ViewOptions) (*Reader, error) {
	r := &Reader{store: store, articles: map[string]storyline.Article{}, byID: map[string]storyline.Story{},
		groupOf: map[string]int{}, opt: opt, memos: map[string]*storyMemo{}}
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
	v := r.Brief(st)
	var context []storyline.Article
	var related []tell.RelatedStory
	for _, rel := range st.Related {
		other, ok := r.byID[rel.Story]
		if !ok {
			continue
		}
		m := r.memo(other)
		if len(context) < maxContextArticles {
			context = append(context, r.storyArticles(other)...)
		}
		rs := tell.RelatedStory{ID: other.ID, Headline: m.headline(), Date: other.First, Score: rel.Score}
		if rs.Date.IsZero() {
			// Undated: let its own resolved dates place it on the timeline.
			rs.Lead, rs.Dates = m.lead(), m.dates()
		}
		related = append(related, rs)
	}
	arts := r.storyArticles(st)
	analysis := understand.Analyze(arts, context)
	v.Telling = tell.Tell(tell.Input{Story: st, Articles: v.Full, Groups: v.Copies.Groups, Analysis: analysis, Related: related}, r.opt.Tell)
	v.Headline, v.HeadlineDerived = v.Telling.Headline, v.Telling.HeadlineDerived
	v.Summary, v.Timeline, v.Additions = nonNil(v.Telling.Summary), nonNil(v.Telling.Timeline), nonNil(v.Telling.Additions)
	v.Entities, v.Quotes, v.QuoteDrift = nonNil(analysis.Entities), nonNil(analysis.Quotes), nonNil(analysis.Drift)
	v.Events, v.Dates = nonNil(analysis.Events), nonNil(analysis.Dates)
	return v
}

// maxContextArticles bounds the related stories' articles read as
// evidence for a story's dates, so a story linked to big ones stays cheap.
const maxContextArticles = 50

// Brief builds the listing view of a story: headline, articles, copies,
// outlets, dates and related stories, without the analysis and page that
// View adds (cheap enough to list a large store).
func (r *Reader) Brief(st storyline.Story) StoryView {
	arts := r.storyArticles(st)
	v := StoryView{ID: st.ID, Story: st, Full: trustedDates(arts), Related: nonNil(st.Related),
		Summary: []storyline.SummarySentence{}, Timeline: []storyline.TimelineEntry{}, Additions: []storyline.Additions{},
		Entities: []storyline.Entity{}, Quotes: []storyline.Quote{}, QuoteDrift: []storyline.QuoteDrift{},
		Events: []storyline.Event{}, Dates: []storyline.DateMention{}}
	seenGroup := map[int]bool{}
	outlets := map[string]bool{}
	for _, a := range arts {
		av := r.ArticleViewOf(a)
		if i, ok := r.groupOf[a.ID]; ok && !seenGroup[i] {
			seenGroup[i] = true
			v.Copies.Groups = append(v.Copies.Groups, r.groups[i])
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
	v.Copies.Groups, v.Outlets = nonNil(v.Copies.Groups), nonNil(v.Outlets)
	v.First, v.Last = timePtr(st.First), timePtr(st.Last)
	m := r.memo(st)
	v.Headline, v.HeadlineDerived = m.headline(), m.derived()
	return v
}

// Views builds the full views of stories on all cores; the result keeps
// the order given and does not depend on scheduling.
func (r *Reader) Views(stories []storyline.Story) []StoryView {
	return parallelMap(stories, r.View)
}

// Briefs builds listing views of stories on all cores, in the order given.
func (r *Reader) Briefs(stories []storyline.Story) []StoryView {
	return parallelMap(stories, r.Brief)
}

func parallelMap[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = f(in[i])
			}
		}()
	}
	for i := range in {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// storyMemo holds what other stories' views need of a story, computed at
// most once per Reader.
type storyMemo struct {
	r  *Reader
	st storyline.Story

	pageOnce sync.Once
	page     storyline.Telling
	ownOnce  sync.Once
	own      storyline.Analysis // the story read alone, without related stories
}

func (r *Reader) memo(st storyline.Story) *storyMemo {
	r.mu.Lock()
	defer r.mu.Unlock()
	m, ok := r.memos[st.ID]
	if !ok {
		m = &storyMemo{r: r, st: st}
		r.memos[st.ID] = m
	}
	return m
}

// headline is told without analysis: it rests on titles and leads only.
func (m *storyMemo) headline() string { m.tell(); return m.page.Headline }
func (m *storyMemo) derived() bool    { m.tell(); return m.page.HeadlineDerived }

func (m *storyMemo) tell() {
	m.pageOnce.Do(func() {
		arts := m.r.storyArticles(m.st)
		var groups []storyline.CopyGroup
		for _, a := range arts {
			if g, ok := m.r.GroupOf(a.ID); ok && g.Canonical == a.ID {
				groups = append(groups, g)
			}
		}
		m.page = tell.Tell(tell.Input{Story: m.st, Articles: trustedDates(arts), Groups: groups},
			tell.Options{SummarySentences: 3, TimelineEntries: -1})
	})
}

func (m *storyMemo) lead() string {
	if arts := m.r.storyArticles(m.st); len(arts) > 0 {
		if lead := textutil.Sentences(arts[0].Text); len(lead) > 0 {
			return lead[0]
		}
	}
	return ""
}

func (m *storyMemo) dates() []storyline.DateMention { return m.analysis().Dates }

func (m *storyMemo) analysis() storyline.Analysis {
	m.ownOnce.Do(func() { m.own = understand.Analyze(m.r.storyArticles(m.st), nil) })
	return m.own
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

// Entities merges the entities of every story across the store.
func (r *Reader) Entities() []storyline.Entity {
	lists := parallelMap(r.stories, func(st storyline.Story) []storyline.Entity {
		return r.memo(st).analysis().Entities
	})
	byStory := map[string][]storyline.Entity{}
	for i, st := range r.stories {
		byStory[st.ID] = lists[i]
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
