package cluster

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// story is one event: its articles and the centroid they sum to.
//
// The fields every candidate scoring reads (storyNorm, cosines, the time
// decay in rankExcept) come first, so that they share the first two cache
// lines of the struct (its size class, 320 bytes, keeps it 64-byte
// aligned): at a million articles the stories scored no longer fit in the
// processor cache, and each line of a story read is a miss. The rest is
// read when a story changes.
type story struct {
	// norm caches the weighted centroid norm, computed when the corpus
	// held normItems items under snapshot normSnap; stale marks a changed
	// centroid.
	norm      float64
	normItems int
	normSnap  int
	stale     bool
	alive     bool
	// archived marks a live story retired from the index: gone cold, it
	// keeps its id and articles but no centroid (see archiveCold).
	archived bool
	// marks says which of the sets pending, relDirty and changed hold
	// the story (see touch).
	marks uint8
	// wterms and wweights are the centroid with the global weights
	// applied, in the centroid's order, cached with norm: parallel slices
	// rather than one of (term, weight) pairs, because denseCosine scans
	// the terms (4 bytes each) and reads a weight (8 bytes) only for the
	// few terms the query may hold.
	wterms      []int32
	wweights    []float64
	first, last time.Time

	id  string
	seq int // creation order; the older story survives a merge
	// members are in arrival order; founder is the item that started it.
	members []member
	founder string
	size    int
	// centroid sums the members' unit vectors (before global weights, which
	// change as the statistics grow and are applied when comparing), in
	// the order the terms entered it (see centroid.go).
	centroid centroid
	// active is the tick of the last article added: recency for postings.
	active int
	// version counts changes, so Finish can tell outdated pair scores.
	version int
	// churn counts the members placed into or taken out of the story (a
	// member taken out and put back unchanged does not count), so that
	// refine can tell which decisions a change may affect.
	churn int
	// decidedAt is the corpus size (items absorbed) when Finish last
	// decided the story's recent members again, or when it was created.
	decidedAt int
	// splitAt is the size at which the split pass last examined the
	// story (see splitTouched).
	splitAt int
}

// member is one article of a story.
type member struct {
	id   string
	tick int // arrival order
	at   time.Time
}

// span recomputes a story's first and last times from its members.
func (s *story) span() {
	s.first, s.last = time.Time{}, time.Time{}
	for _, m := range s.members {
		if m.at.IsZero() {
			continue
		}
		if s.first.IsZero() || m.at.Before(s.first) {
			s.first = m.at
		}
		if m.at.After(s.last) {
			s.last = m.at
		}
	}
}

// query is an item's vector with the global weights of the moment.
type query struct {
	vec    []weighted // raw weights, sorted by term
	global []float64  // global weight of each vec term
	norm   float64    // L2 norm of the weighted vector
}

// globalWeight is a term's weight across the corpus: inverse document
// frequency raised for proper nouns and names.
func (c *Clusterer) globalWeight(id int32) float64 {
	// The weight is a function of the term's counts (absorb clears the
	// cache when they change), the corpus size rounded by corpusScale and
	// the story snapshot: it is cached until one changes, which spares
	// most of the terms a story's norm reads (hundreds per story).
	// (A corpus past 2^31 items or snapshots would overflow the int32
	// stamps: the cache then always misses, which is slow, not wrong.)
	scale := corpusScale(c.items)
	cached := &c.lex.weights[id]
	if int(cached.at) == scale+1 && int(cached.snap) == c.snap {
		return cached.weight
	}
	t := &c.lex.terms[id]
	// PriorItems pseudo-items that hold no term keep IDF meaningful while
	// the corpus is small (a handful of articles about one region would
	// otherwise make its names look like stop words).
	df := float64(t.df)
	// The rounded corpus size can fall below a term's document count (a
	// term in every item): clamp, or the IDF turns negative and its log NaN.
	n := max(float64(scale)+c.opt.PriorItems, df)
	idf := math.Log(1 + (n-df+0.5)/(df+0.5))
	if b := c.storyShare; b > 0 {
		// A weighted geometric mean of item and story IDF, as one exp
		// (math.Pow twice costs several times more); the story part is
		// fixed until the next snapshot and cached per term.
		if t.storyPartSnap != c.snap {
			t.storyPart = b * math.Log(c.storyIDF(t))
			t.storyPartSnap = c.snap
		}
		idf = math.Exp((1-b)*math.Log(idf) + t.storyPart)
	}
	proper := 1.0
	if !t.name {
		proper = float64(t.capitalised) / float64(t.capitalised+t.lower+2)
	}
	*cached = termWeight{idf * (1 + c.opt.ProperBoost*proper), int32(scale + 1), int32(c.snap)}
	return cached.weight
}

// corpusScale is the corpus size IDF reads: exact up to 128 items, then
// rounded down to its 7 leading bits (steps under 1/64 of the size, which
// move a term's IDF by less than 0.016). Weights then stay put while the
// corpus grows a little, instead of all changing at every item, and they
// remain a function of the counts alone, not of when they were computed.
func corpusScale(n int) int {
	shift := bits.Len(uint(n)) - 7
	if shift <= 0 {
		return n
	}
	return n >> shift << shift
}

// storyIDF is a term's inverse story frequency over the stories of the
// last snapshot, not the live ones: those change with every decision, and
// a decision that changed the weights of the next would make the stories
// depend on where the stream was cut into batches.
func (c *Clusterer) storyIDF(t *term) float64 {
	ns, sf := float64(c.settledAlive), float64(t.settledStories)
	return math.Log(1 + max(ns-sf+0.5, 0)/(sf+0.5))
}

// saturate raises a centroid weight to the power p, with square roots for
// the usual powers (math.Pow costs several times more).
func saturate(w, p float64) float64 {
	switch p {
	case 0, 1:
		return w
	case 0.5:
		return math.Sqrt(w)
	case 0.75:
		r := math.Sqrt(w)
		return r * math.Sqrt(r)
	}
	return math.Pow(w, p)
}

// query weights an item's features with the current statistics.
func (c *Clusterer) query(f features) query {
	q := query{vec: f.vector, global: make([]float64, len(f.vector))}
	var sum float64
	for i, w := range f.vector {
		g := c.globalWeight(w.term)
		q.global[i] = g
		sum += (w.weight * g) * (w.weight * g)
	}
	q.norm = math.Sqrt(sum)
	return q
}

// storyNorm returns the weighted norm of a story's centroid, recomputed
// (with the weighted vector the similarities read) when the story changed
// or the corpus grew by a tenth since.
func (c *Clusterer) storyNorm(s *story) float64 {
	if s.stale || s.norm == 0 || c.items > s.normItems+s.normItems/10 || s.normSnap != c.snap {
		// The terms are read in the order they entered the story (not in
		// map order), so that sums run in one order, run after run.
		s.centroid.compact()
		c.warmWeights(s.centroid.terms)
		s.wterms = append(s.wterms[:0], s.centroid.terms...)
		s.wweights = s.wweights[:0]
		// A weight cached for this corpus scale and snapshot is read
		// here, as globalWeight would, without the call: a story's norm
		// reads hundreds of them.
		at, snap := corpusScale(c.items)+1, c.snap
		weights := c.lex.weights
		var sum float64
		for i, id := range s.centroid.terms {
			w := saturate(s.centroid.weights[i], c.opt.CentroidPower)
			var g float64
			if cached := &weights[id]; int(cached.at) == at && int(cached.snap) == snap {
				g = cached.weight
			} else {
				g = c.globalWeight(id)
			}
			wg := w * g
			s.wweights = append(s.wweights, wg)
			sum += wg * wg
		}
		s.norm = math.Sqrt(sum)
		s.normItems = c.items
		s.normSnap = c.snap
		s.stale = false
	}
	return s.norm
}

// denseCosine is the cosine of the scattered query (of norm qnorm) and s.
func (c *Clusterer) denseCosine(qnorm float64, s *story) float64 {
	n := c.storyNorm(s)
	if n == 0 || qnorm == 0 {
		return 0
	}
	// Only the query's terms add to the dot product (the others add
	// zeros, which leave a sum as it is): the filter, small enough to stay
	// in cache, spares a read of the dense vector (millions of terms) for
	// the others.
	var dot float64
	weights := s.wweights[:len(s.wterms)]
	for i, id := range s.wterms {
		if c.queryBits.mayHold(id) {
			dot += c.dense[id] * weights[i]
		}
	}
	return dot / (n * qnorm)
}

// decay is the share of a similarity kept across the time gap between t
// and a story's span. Unknown times do not decay.
func (c *Clusterer) decay(first, last, t time.Time) float64 {
	if t.IsZero() || first.IsZero() || c.opt.HalfLife <= 0 {
		return 1
	}
	var gap time.Duration
	switch {
	case t.Before(first):
		gap = first.Sub(t)
	case t.After(last):
		gap = t.Sub(last)
	}
	if gap <= 0 {
		return 1
	}
	return c.opt.DecayFloor + (1-c.opt.DecayFloor)*math.Exp2(-float64(gap)/float64(c.opt.HalfLife))
}

// spanGapDecay is decay between two stories' spans.
func (c *Clusterer) spanGapDecay(a, b *story) float64 {
	if a.first.IsZero() || b.first.IsZero() {
		return 1
	}
	if b.last.Before(a.first) {
		return c.decay(a.first, a.last, b.last)
	}
	if b.first.After(a.last) {
		return c.decay(a.first, a.last, b.first)
	}
	return 1
}

// candidate is a story with its score for the current item.
type candidate struct {
	story int
	score float64
}

// rank finds candidate stories through the inverted index (never by
// scanning all stories), scores the most promising in full and returns
// them best first, the time decay applied. exclude skips one story.
func (c *Clusterer) rank(q query, t time.Time) []candidate {
	return c.rankExcept(q, t, time.Time{}, -1)
}

// rankExcept ranks as rank does the stories for a query over the time
// span first..last, except story exclude (-1: none).
func (c *Clusterer) rankExcept(q query, first, last time.Time, exclude int) []candidate {
	return c.rankTop(q, first, last, exclude, c.opt.Candidates)
}

// finishRank is rank for the decisions of redecide and refine, which
// score FinishCandidates candidates in full when it is set.
func (c *Clusterer) finishRank(q query, t time.Time) []candidate {
	n := c.opt.Candidates
	if c.opt.FinishCandidates > 0 {
		n = c.opt.FinishCandidates
	}
	return c.rankTop(q, t, time.Time{}, -1, n)
}

// rankTop is rankExcept scoring n preselected candidates in full.
func (c *Clusterer) rankTop(q query, first, last time.Time, exclude, n int) []candidate {
	if q.norm == 0 {
		return nil
	}
	if last.IsZero() {
		last = first
	}
	stamp := c.nextStamp()
	pre := c.pre[:0]
	slots := c.slots
	// The lists to walk first, then the walk: gathered in a short loop of
	// their own, the lists' headers (spread over a slice as long as the
	// vocabulary) are read together rather than each after the walk of
	// the list before.
	lists := c.lists[:0]
	budget := c.opt.ScanPostings
	for _, i := range c.topTerms(q, c.opt.QueryTerms) {
		w := q.vec[i]
		if int(w.term) >= len(c.postings) {
			continue // never posted
		}
		list := c.postings[w.term]
		if c.opt.ScanPostings > 0 {
			// The newest entries: a list appends new holders, and
			// compacting keeps the most recently active stories in story
			// order, the youngest last.
			if budget <= 0 {
				break
			}
			list = list[max(len(list)-budget, 0):]
			budget -= len(list)
		}
		lists = append(lists, postingWalk{list: list, query: i})
	}
	// Then the first entries of each list's cache lines, for the same
	// reason (see warm).
	var sink int32
	for _, l := range lists {
		for j := 0; j < len(l.list); j += 16 {
			sink += l.list[j]
		}
	}
	c.warmSink += int(sink)
	for _, l := range lists {
		w := q.vec[l.query]
		g := q.global[l.query]
		for _, si := range l.list {
			// Stories out of the index and the excluded one are dropped
			// below, once each, not tested at every posting: a branch
			// less in the walk, whose slot reads are cache misses.
			sl := &slots[si]
			if sl.stamp != stamp {
				sl.stamp = stamp
				pre = append(pre, candidate{story: int(si)})
				sl.partial = 0
			}
			// The story's own weight of the term is not read here: a
			// posting costs an addition, and the full cosine below
			// ranks the preselected stories.
			sl.partial += w.weight * g * g
		}
	}
	clear(lists) // the scratch holds no lists between lookups
	c.lists = lists[:0]
	kept := pre[:0]
	for _, cand := range pre {
		if sl := &slots[cand.story]; !sl.out && cand.story != exclude {
			kept = append(kept, candidate{story: cand.story, score: sl.partial})
		}
	}
	pre = kept
	c.pre = pre // the scratch keeps its capacity
	pre = append([]candidate(nil), topCandidates(pre, n)...)
	c.scatter(q)
	defer c.unscatter(q)
	c.warm(pre)
	c.cosines(q.norm, pre)
	for i := range pre {
		s := c.stories[pre[i].story]
		sim := pre[i].score // the cosine
		d := 1.0
		if !first.IsZero() && !s.first.IsZero() {
			switch {
			case last.Before(s.first):
				d = c.decay(s.first, s.last, last)
			case first.After(s.last):
				d = c.decay(s.first, s.last, first)
			}
		}
		pre[i].score = sim * d
	}
	sortCandidates(pre)
	return pre
}

// postingWalk is a posting list rankExcept walks, with the index of the
// query term that led to it.
type postingWalk struct {
	list  []int32
	query int
}

// cosine is the weighted cosine between a query and a story centroid.
func (c *Clusterer) cosine(q query, s *story) float64 {
	c.scatter(q)
	defer c.unscatter(q)
	return c.denseCosine(q.norm, s)
}

// storyQuery turns a story centroid into a query (for story-to-story
// comparisons: merges and relations).
func (c *Clusterer) storyQuery(s *story) query {
	ct := &s.centroid
	q := query{vec: make([]weighted, 0, ct.len())}
	for i, id := range ct.terms {
		if id >= 0 {
			q.vec = append(q.vec, weighted{id, ct.weights[i]})
		}
	}
	sort.Slice(q.vec, func(i, j int) bool { return q.vec[i].term < q.vec[j].term })
	q.global = make([]float64, len(q.vec))
	var sum float64
	for i, w := range q.vec {
		g := c.globalWeight(w.term)
		q.global[i] = g
		sum += (w.weight * g) * (w.weight * g)
	}
	q.norm = math.Sqrt(sum)
	return q
}

// post records that story si holds the term, keeping the posting list to
// the most recently active stories.
func (c *Clusterer) post(id int32, si int) {
	if int(id) >= len(c.postings) {
		c.postings = append(c.postings, make([][]int32, max(len(c.lex.terms), int(id)+1)-len(c.postings))...)
	}
	list := append(c.postings[id], int32(si))
	if len(list) > c.opt.MaxPostings {
		list = c.compactPostings(list)
	}
	c.postings[id] = list
}

// compactPostings drops dead and repeated entries and then the least
// recently active stories, keeping three quarters of the cap.
func (c *Clusterer) compactPostings(list []int32) []int32 {
	keep := list[:0]
	stamp := c.nextStamp()
	for _, si := range list {
		if sl := &c.slots[si]; !sl.out && sl.stamp != stamp {
			sl.stamp = stamp
			keep = append(keep, si)
		}
	}
	if limit := c.opt.MaxPostings * 3 / 4; len(keep) > limit {
		// The most recently active first, ties in list order (a stable
		// sort by activity), each story's activity read once: the
		// comparisons would otherwise each chase two story pointers.
		ranks := c.postingRanks[:0]
		for i, si := range keep {
			ranks = append(ranks, postingRank{active: c.stories[si].active, pos: int32(i), story: si})
		}
		slices.SortFunc(ranks, func(a, b postingRank) int {
			if a.active != b.active {
				return cmp.Compare(b.active, a.active)
			}
			return cmp.Compare(a.pos, b.pos)
		})
		keep = keep[:limit]
		for i := range keep {
			keep[i] = ranks[i].story
		}
		c.postingRanks = ranks
		slices.Sort(keep) // distinct stories: one order
	}
	return keep
}

// postingRank is a posting list entry as compactPostings ranks it.
type postingRank struct {
	active int
	pos    int32
	story  int32
}

// prune caps a centroid at its heaviest terms once it has grown to twice
// the cap, so that the cost of comparing with a story stays flat.
func (c *Clusterer) prune(s *story) {
	limit := c.opt.MaxCentroidTerms
	ct := &s.centroid
	if limit <= 0 || ct.len() <= 2*limit {
		return
	}
	all := make([]weighted, 0, ct.len())
	for i, id := range ct.terms {
		if id >= 0 {
			all = append(all, weighted{id, ct.weights[i]})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].weight != all[j].weight {
			return all[i].weight > all[j].weight
		}
		return all[i].term < all[j].term
	})
	for _, w := range all[limit:] {
		ct.remove(w.term)
		c.lex.terms[w.term].stories--
	}
	s.stale = true
}

// shared lists the terms that weigh most in the similarity of q and s.
func (c *Clusterer) shared(q query, s *story, n int) []string {
	var contrib []weighted
	for i, w := range q.vec {
		if cw, ok := s.centroid.get(w.term); ok {
			contrib = append(contrib, weighted{w.term, w.weight * q.global[i] * q.global[i] * cw})
		}
	}
	sort.Slice(contrib, func(i, j int) bool {
		if contrib[i].weight != contrib[j].weight {
			return contrib[i].weight > contrib[j].weight
		}
		return contrib[i].term < contrib[j].term
	})
	var out, lowered []string // lowered: out in lower case, made once each
	for _, w := range contrib {
		if len(out) == n {
			break
		}
		label := c.label(w.term)
		lower := strings.ToLower(label)
		dup := false
		for _, o := range lowered {
			if strings.Contains(o, lower) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, label)
			lowered = append(lowered, lower)
		}
	}
	return out
}

// label is how a term reads: a name as written, a proper noun capitalised.
func (c *Clusterer) label(id int32) string {
	t := c.lex.terms[id]
	if t.name || t.capitalised <= t.lower {
		return t.surface
	}
	r, size := utf8.DecodeRuneInString(t.surface)
	return string(unicode.ToUpper(r)) + t.surface[size:]
}
