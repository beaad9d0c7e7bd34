package cluster

import (
	"crypto/sha1"
	"encoding/hex"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/storyline-news/storyline"
)

// Item is what clustering sees of an article.
type Item struct {
	ID    string
	Title string
	Text  string
	// URL is the article's address; the words of its slug count as
	// lead text (see slugWords).
	URL  string
	Time time.Time // zero when unknown
}

// Options tune the clusterer. The zero value is not useful; start from
// DefaultOptions.
type Options struct {
	// Threshold is the least time-decayed cosine similarity between an
	// item and a story's centroid for the item to join the story.
	Threshold float64
	// MergeThreshold is the least centroid-to-centroid similarity for
	// Finish to merge two stories.
	MergeThreshold float64
	// RelatedThreshold is the least centroid similarity for two stories
	// to be listed as related.
	RelatedThreshold float64

	// TitleWeight, LeadWeight and NameWeight multiply the term counts of
	// the title, of the first LeadSentences sentences of the text, and of
	// multiword names: the event's who/what/where sits there.
	TitleWeight   float64
	LeadWeight    float64
	LeadSentences int
	NameWeight    float64
	// SlugWeight multiplies the term counts of the URL slug's words (see
	// slugWords): written for search engines, a slug reads like a lead.
	SlugWeight float64
	// ProperBoost raises a word's weight by up to this factor according to
	// how often it is capitalised mid-sentence (a proper noun: an actor or
	// a place).
	ProperBoost float64
	// MaxBodyWords bounds the words read from the text: news puts the event
	// first, and the bound keeps the cost per article flat.
	MaxBodyWords int

	// HalfLife is the time gap (between an item and a story's time span)
	// after which the time-dependent part of the similarity has halved;
	// DecayFloor is the share of the similarity that never decays (a story
	// may resurface months later).
	HalfLife   time.Duration
	DecayFloor float64

	// QueryTerms is how many of an item's heaviest terms look up candidate
	// stories in the inverted index; Candidates is how many of those are
	// scored in full.
	QueryTerms int
	Candidates int
	// MaxCentroidTerms caps a story centroid; MaxPostings caps a term's
	// posting list (the least recently active stories are dropped).
	MaxCentroidTerms int
	MaxPostings      int
	// MaxRedecide bounds the items Finish can decide again: the term
	// vectors of the most recent MaxRedecide items absorbed (Added or
	// Joined) are kept for it.
	MaxRedecide int
	// RevisitMembers is how many of the most recent members of each story
	// a batch's items went to (and of each story decided when the corpus
	// was much smaller) Finish decides again with them, so that an early
	// decision is not frozen by a batch boundary.
	RevisitMembers int
	// PriorItems is a number of pseudo-items added to the corpus size in
	// IDF, so that a small corpus does not flatten its names' weights.
	PriorItems float64

	// StoryIDF mixes the inverse story frequency (how many stories hold a
	// term, as of the last snapshot: see snapshotStories) into the term
	// weight, as a weighted geometric mean: 0 is item IDF alone, 1 story
	// IDF alone. Item IDF undervalues the names of a big story (many
	// items, yet one story), which are exactly the terms that tell it
	// from the others.
	StoryIDF float64
	// StoryIDFHalfAt is the number of stories (in the last snapshot) at
	// which story IDF gets half of its StoryIDF share: story frequencies
	// over a handful of stories are too coarse to trust.
	StoryIDFHalfAt float64
	// CentroidPower raises a story's centroid weights to this power (1:
	// plain sum) before comparing: a saturating term frequency, as in
	// BM25, so that a story's few dominant words do not drown the rest
	// of its vocabulary when a short headline is scored against it.
	CentroidPower float64
	// TinySize, AttachThreshold and AttachMargin let Finish fold stories
	// of at most TinySize articles into the story they clearly point to
	// (see attachTiny); TinySize 0 turns that off.
	TinySize        int
	AttachThreshold float64
	AttachMargin    float64

	// ArchiveAge and ArchiveArrivals retire a story from the index (see
	// archiveCold) once its last article is older than ArchiveAge than the
	// newest article seen and no article joined it in the last
	// ArchiveArrivals arrivals. Both must hold: a backfill of old articles
	// in shuffled order (an evaluation, a historical import) keeps its
	// stories whatever their dates. ArchiveArrivals 0 turns archiving off.
	ArchiveAge      time.Duration
	ArchiveArrivals int

	// SplitThreshold turns on the split pass of Finish (see splitTouched):
	// a touched story is cut in two when a 2-means bisection of its kept
	// members gives halves whose centroid similarity is below it (keep it
	// at most MergeThreshold, or merging joins them again); 0 turns the
	// pass off. SplitMinSize is the least kept members a story needs to
	// be examined, SplitMinHalf the least members of each half, SplitGain
	// the least rise of the members' mean similarity to their own half's
	// centroid over that to the whole story's, and SplitDepth how many
	// levels of bisection one pass may make (1: one cut per story).
	SplitThreshold float64
	SplitMinSize   int
	SplitMinHalf   int
	SplitGain      float64
	SplitDepth     int

	// RedecidePasses is how many times Finish decides the revisit set
	// again before merging (see refine): 0 and 1 decide it once; more
	// repeat the decision, k-means style, until no item moves.
	RedecidePasses int
	// RefineMargin spares those passes the items whose last decision
	// was clear: the best score beat both the runner-up and Threshold by
	// at least this much (0: every item is decided again).
	RefineMargin float64
	// FinishCandidates, when positive, is how many candidates each
	// decision of redecide and refine scores in full, instead of
	// Candidates (0: Candidates). Those decisions are most of the cost of
	// Finish (three lookups per item against one in Add), and the story
	// an item joins is nearly always among the first few the index
	// preselects: on the dev headlines it was the first in 88% of the
	// joins, among the first four in 99%.
	FinishCandidates int

	// ScanPostings, when positive, bounds the postings a candidate lookup
	// reads: the lists of the query's heaviest terms first, each from its
	// newest entries, until the bound is reached (see rankExcept); 0
	// reads every posting of the query's QueryTerms heaviest terms. A
	// rare term's list is short and names the few stories that matter; a
	// common term's list is long (up to MaxPostings) and adds little to a
	// candidate's preselection score, yet on a long stream those lists
	// were the largest single cost of clustering (a quarter of it at a
	// million headlines), growing as more lists fill up. The bound keeps
	// the cost of a lookup flat.
	ScanPostings int
}

// DefaultOptions are the settings the evaluations were run with.
func DefaultOptions() Options {
	return Options{
		Threshold:        0.15,
		MergeThreshold:   0.2,
		RelatedThreshold: 0.08,
		TitleWeight:      3,
		LeadWeight:       1.5,
		LeadSentences:    2,
		NameWeight:       1,
		SlugWeight:       1.5,
		ProperBoost:      0.5,
		MaxBodyWords:     600,
		HalfLife:         7 * 24 * time.Hour,
		DecayFloor:       0.5,
		QueryTerms:       16,
		Candidates:       12,
		MaxCentroidTerms: 300,
		MaxPostings:      256,
		ScanPostings:     128,
		PriorItems:       0,
		MaxRedecide:      20000,
		RevisitMembers:   8,
		StoryIDF:         0.5,
		StoryIDFHalfAt:   5,
		CentroidPower:    0.75,
		TinySize:         0,
		AttachThreshold:  0.08,
		AttachMargin:     1.5,
		ArchiveAge:       30 * 24 * time.Hour,
		ArchiveArrivals:  50000,
		SplitThreshold:   0.2,
		SplitMinSize:     8,
		SplitMinHalf:     3,
		SplitGain:        0.08,
		SplitDepth:       2,
		RedecidePasses:   3,
		RefineMargin:     0.2,
		FinishCandidates: 6,
	}
}

// Clusterer holds the stories and their index. Not safe for concurrent use.
type Clusterer struct {
	opt     Options
	lex     *lexicon
	extract extractor
	// items counts absorbed items (the N of IDF).
	items int
	// tick counts arrivals; it orders articles and recency.
	tick    int
	stories []*story
	byID    map[string]int
	// ticks maps an absorbed item's id to its arrival tick, and
	// tickStory an item's tick to its story index (see items.go).
	ticks     map[string]int
	tickStory []int32
	// postings lists, by term id, the stories whose centroid holds (or
	// held) the term: a slice, not a map, so that a lookup is one read.
	postings [][]int32
	// redirects maps merged-away story ids to their survivors.
	redirects map[string]string
	// slots holds, by story index, what the candidate lookup reads for
	// every posting: one cache line per posting, not three (see slot).
	slots []slot
	stamp int
	// coldQueue lists (story, tick) each time a story takes an article,
	// oldest first from coldHead: the archive's worklist (archiveCold).
	coldQueue []coldEntry
	coldHead  int
	// recent rings the times of the last recentCap arrivals (see
	// archiveFloor); recentNext is the next slot to write.
	recent     []time.Time
	recentNext int
	recentCap  int
	// dense holds the current query's weights by term id, and queryBits
	// a filter of its terms (see scatter).
	queryBits queryFilter
	dense     []float64
	// pre is the scratch list of preselected candidates, postingRanks
	// that of compactPostings.
	postingRanks []postingRank
	pre          []candidate
	// warmSink takes the values warm reads, so that its loads are kept;
	// hits is the scratch list of cosines, lists that of rankExcept.
	warmSink int
	hits     []scoreHit
	lists    []postingWalk
	// batch holds the items Added since the last Finish, which Finish
	// decides again with the statistics of the whole batch.
	batch []batchItem
	// keptVecs holds the term vectors of the last MaxRedecide items
	// absorbed, oldest first from keptHead on; keptTicks their ticks.
	keptVecs  []keptVector
	keptTicks []int
	keptHead  int
	moved     map[string]string
	pending   map[int]bool // stories touched since the last Finish
	// relDirty holds the stories whose relations need recomputing; links
	// holds the symmetric relation scores between story indexes.
	relDirty map[int]bool
	links    map[int]map[int]float64
	// changed holds the stories whose articles, span or related list
	// changed since the last call to Changed.
	changed map[int]bool
	// archived counts the archived stories (see archiveCold).
	archived int
	// alive counts the live stories; settledAlive is that count frozen
	// by the last snapshot (the N of story IDF), snap numbers the
	// snapshots (see snapshotStories).
	alive        int
	settledAlive int
	// storyShare is the weight of story IDF in the term weights under
	// the last snapshot (StoryIDF, less while there are few stories).
	storyShare float64
	snap       int
	snapItems  int // corpus size at the last snapshot
}

// New returns an empty clusterer with DefaultOptions.
func New() *Clusterer { return NewWithOptions(DefaultOptions()) }

// NewWithOptions returns an empty clusterer with the given options.
func NewWithOptions(opt Options) *Clusterer {
	c := &Clusterer{
		opt:       opt,
		lex:       newLexicon(),
		byID:      map[string]int{},
		ticks:     map[string]int{},
		redirects: map[string]string{},
		pending:   map[int]bool{},
		relDirty:  map[int]bool{},
		changed:   map[int]bool{},
	}
	c.extract = extractor{lex: c.lex, opt: &c.opt}
	return c
}

// Options returns the clusterer's options.
func (c *Clusterer) Options() Options { return c.opt }

// StoryID is the id a story founded by this item gets: stable across runs
// and independent of arrival order.
func StoryID(itemID string) string {
	sum := sha1.Sum([]byte(itemID))
	return "s" + hex.EncodeToString(sum[:])[:12]
}

// Add assigns the item to a story, or starts one. An item already added
// keeps its story.
func (c *Clusterer) Add(it Item) storyline.Assignment {
	if si, ok := c.storyOf(it.ID); ok {
		return storyline.Assignment{Article: it.ID, Story: c.stories[si].id, Via: "cluster"}
	}
	f := c.extract.extract(it)
	q := c.query(f)
	ranked := c.rank(q, it.Time)
	a := storyline.Assignment{Article: it.ID, Via: "cluster"}
	var target int
	if len(ranked) > 0 && ranked[0].score >= c.opt.Threshold {
		target = ranked[0].story
		a.Score = round4(ranked[0].score)
		a.Shared = c.shared(q, c.stories[target], 5)
		if len(ranked) > 1 {
			a.RunnerUp = c.stories[ranked[1].story].id
			a.RunnerUpScore = round4(ranked[1].score)
		}
	} else {
		target = c.newStory(StoryID(it.ID), it.Time)
		a.New = true
		if len(ranked) > 0 {
			a.RunnerUp = c.stories[ranked[0].story].id
			a.RunnerUpScore = round4(ranked[0].score)
		}
	}
	c.absorb(it, f, q.norm, target)
	c.batch = append(c.batch, batchItem{id: it.ID, story: c.stories[target].id})
	a.Story = c.stories[target].id
	return a
}

// Join puts the item into a known story without deciding (copies follow
// their canonical copy; a store reloads its assignments). An unknown story
// id is created under that id; a merged-away id follows its redirect.
func (c *Clusterer) Join(it Item, storyID string) {
	if _, ok := c.storyOf(it.ID); ok {
		return
	}
	storyID = c.resolve(storyID)
	target, ok := c.byID[storyID]
	if !ok {
		target = c.newStory(storyID, it.Time)
	}
	f := c.extract.extract(it)
	c.absorb(it, f, c.query(f).norm, target)
}

// Stories returns every story with its articles and related stories,
// ordered by id.
func (c *Clusterer) Stories() []storyline.Story {
	c.refreshRelations()
	var out []storyline.Story
	for si, s := range c.stories {
		if s.alive {
			out = append(out, c.storyOut(si))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Changed returns the stories whose articles, time span or related
// stories changed since the last call (merged-away stories are not
// listed: Finish returns their redirects), ordered by id. A caller that
// keeps stories up to date needs only these after each batch: the cost
// follows the batch, not the corpus. Every article that changed story is
// in one of them.
func (c *Clusterer) Changed() []storyline.Story {
	c.refreshRelations()
	var out []storyline.Story
	for si := range c.changed {
		if c.stories[si].alive {
			out = append(out, c.storyOut(si))
		}
	}
	c.clearMarks(c.changed, markChanged)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Len is the number of stories, archived ones included.
func (c *Clusterer) Len() int { return c.alive + c.archived }

// storyOut is story si as the domain type.
func (c *Clusterer) storyOut(si int) storyline.Story {
	s := c.stories[si]
	st := storyline.Story{ID: s.id, First: s.first, Last: s.last, Related: c.related(si)}
	st.Articles = make([]string, 0, len(s.members))
	for _, m := range s.members {
		st.Articles = append(st.Articles, m.id)
	}
	return st
}

// Lookup returns the story an added or joined item belongs to.
func (c *Clusterer) Lookup(itemID string) (string, bool) {
	si, ok := c.storyOf(itemID)
	if !ok {
		return "", false
	}
	return c.stories[si].id, true
}

// resolve follows merge redirects to the surviving story id.
func (c *Clusterer) resolve(id string) string {
	for i := 0; i < 64; i++ {
		next, ok := c.redirects[id]
		if !ok {
			break
		}
		id = next
	}
	return id
}

// newStory creates an empty story and returns its index. A clash of ids
// (the same founding id twice) gets a numbered suffix, deterministically.
func (c *Clusterer) newStory(id string, t time.Time) int {
	base := id
	for n := 2; ; n++ {
		_, taken := c.byID[id]
		_, redirected := c.redirects[id]
		if !taken && !redirected {
			break
		}
		id = base + "-" + itoa(n)
	}
	si := len(c.stories)
	c.stories = append(c.stories, &story{id: id, seq: si, alive: true, centroid: newCentroid(), decidedAt: c.items})
	c.byID[id] = si
	c.slots = append(c.slots, slot{})
	c.alive++
	return si
}

// absorb adds the item to the statistics (document frequencies,
// capitalisation), the story's centroid, span and the index.
func (c *Clusterer) absorb(it Item, f features, norm float64, si int) {
	c.items++
	c.tick++
	// A term's counts change: its cached weight is out of date.
	for _, w := range f.vector {
		c.lex.terms[w.term].df++
		c.lex.weights[w.term].at = 0
	}
	for _, id := range f.capitalisedTerms {
		c.lex.terms[id].capitalised++
		c.lex.weights[id].at = 0
	}
	for _, id := range f.lowerTerms {
		c.lex.terms[id].lower++
		c.lex.weights[id].at = 0
	}
	c.noteTime(it.Time)
	c.register(it.ID)
	c.place(member{id: it.ID, tick: c.tick, at: it.Time}, f.vector, norm, si)
	c.keep(c.tick, keptVector{f.vector, norm})
	if float64(c.items) >= staleGrowth*float64(c.snapItems) {
		c.snapshotStories()
	}
}

// place puts a member into story si: articles, span, centroid (the raw
// vector divided by norm, its weighted length) and index.
func (c *Clusterer) place(m member, vec []weighted, norm float64, si int) {
	s := c.stories[si]
	if s.archived {
		c.revive(si)
	}
	if len(s.members) == 0 && s.founder == "" {
		s.founder = m.id
	}
	pos := len(s.members)
	for pos > 0 && s.members[pos-1].tick > m.tick {
		pos--
	}
	s.members = slices.Insert(s.members, pos, m)
	s.size++
	s.active = max(s.active, m.tick)
	c.coldQueue = append(c.coldQueue, coldEntry{story: int32(si), tick: m.tick})
	if !m.at.IsZero() {
		if s.first.IsZero() || m.at.Before(s.first) {
			s.first = m.at
		}
		if m.at.After(s.last) {
			s.last = m.at
		}
	}
	if norm > 0 {
		for _, w := range vec {
			if s.centroid.add(w.term, w.weight/norm) {
				c.post(w.term, si)
				c.lex.terms[w.term].stories++
			}
		}
	}
	c.prune(s)
	s.stale = true
	s.version++
	s.churn++
	c.tickStory[m.tick] = int32(si)
	c.touch(si, markPending|markRelDirty|markChanged)
}

// round4 keeps scores readable and stable in stored output.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
