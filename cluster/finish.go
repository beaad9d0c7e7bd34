package cluster

import (
	"container/heap"
	"sort"
	"time"

	"github.com/storyline-news/storyline"
)

// mergeQueryTerms is how many of a story's heaviest terms look up the
// stories it might merge with or relate to.
const mergeQueryTerms = 32

// maxRelated bounds the related stories listed per story.
const maxRelated = 5

// Finish runs the deterministic end-of-batch pass and returns the
// redirects old story id -> surviving id made by it. Online assignment
// depends on arrival order: an article that came before its story's other
// articles may have founded a story of its own. Finish first decides
// again, with the current statistics, the batch's items together with the
// recent members of the stories they went to and of the stories decided
// when the corpus was much smaller (see revisitSet), so that the outcome
// depends little on where the stream was cut into batches. It then merges
// the stories touched with any story whose centroid is similar enough,
// best pair first, until no pair reaches MergeThreshold. The older story
// (the one created first) survives and keeps its id.
func (c *Clusterer) Finish() map[string]string {
	c.snapshotStories()
	made, before, revisited := c.redecide()
	if c.opt.RedecidePasses > 1 {
		c.refine(revisited, c.opt.RedecidePasses-1, made)
	}
	for _, b := range c.batch {
		if _, ok := before[b.id]; !ok {
			before[b.id] = b.story
		}
	}
	touched := c.mergeTouched(made)
	c.attachTiny(touched, made)
	if created := c.splitTouched(c.splitCandidates(touched), before); len(created) > 0 {
		// The halves may belong with other stories. A half merged away
		// again was never seen outside this Finish: no redirect for it.
		c.mergeTouched(made)
		for _, id := range created {
			delete(made, id)
		}
	}
	c.archiveCold()
	// Resolve chains (a -> b, then b -> c) to the final survivor.
	for _, old := range sortedKeys(made) {
		made[old] = c.resolve(old)
	}
	c.moved = nil
	for _, id := range sortedKeys(before) {
		if now, ok := c.Lookup(id); ok && now != c.resolve(before[id]) {
			if c.moved == nil {
				c.moved = map[string]string{}
			}
			c.moved[id] = now
		}
	}
	c.batch = c.batch[:0]
	if len(made) == 0 {
		return nil
	}
	return made
}

// snapshotStories freezes the story frequencies that story IDF reads
// until the next Finish. Every decision of a Finish (redecide, merges) and
// of the Adds that follow it then weighs terms alike, whatever the order
// of those decisions: the weights change at batch ends only, from the
// stories as they stand when the batch closes. A story frequency that
// followed each decision instead would make the redecide pass score the
// same items differently depending on how the stream was cut. Between
// Finishes, absorb takes a snapshot when the corpus has grown by
// staleGrowth since the last one, so that a long first batch (or a store
// reloaded by Join) does not run on an empty snapshot; the growth is
// geometric, so the copies cost little.
func (c *Clusterer) snapshotStories() {
	if c.opt.StoryIDF <= 0 {
		return
	}
	c.snap++
	c.snapItems = c.items
	c.settledAlive = c.alive
	// A handful of stories say little: with three, every term is in none,
	// one, two or all of them, and the ratio swings wildly. Story IDF gets
	// its full share only once there are many more stories than
	// StoryIDFHalfAt.
	ns := float64(c.alive)
	c.storyShare = 0
	if ns > 0 {
		c.storyShare = c.opt.StoryIDF * ns / (ns + max(c.opt.StoryIDFHalfAt, 0))
	}
	for i := range c.lex.terms {
		c.lex.terms[i].settledStories = c.lex.terms[i].stories
	}
}

// mergeTouched merges the stories touched since the last call with any
// story similar enough, best pair first, recording the redirects.
func (c *Clusterer) mergeTouched(made map[string]string) []int {
	var touched []int
	for si := range c.pending {
		if c.stories[si].alive {
			touched = append(touched, si)
		}
	}
	sort.Ints(touched)
	c.clearMarks(c.pending, markPending)
	pq := &pairQueue{}
	for _, si := range touched {
		c.pushPairs(pq, si)
	}
	for pq.Len() > 0 {
		p := heap.Pop(pq).(pair)
		a, b := c.stories[p.a], c.stories[p.b]
		if !a.alive || !b.alive {
			continue
		}
		if a.version != p.va || b.version != p.vb {
			// Outdated: rescore and queue again if it still qualifies.
			if score := c.storySimilarity(p.a, p.b); score >= c.opt.MergeThreshold {
				heap.Push(pq, pair{a: p.a, b: p.b, va: a.version, vb: b.version, score: score})
			}
			continue
		}
		survivor, gone := c.merge(p.a, p.b)
		made[c.stories[gone].id] = c.stories[survivor].id
		c.pushPairs(pq, survivor)
	}
	return touched
}

// attachTiny folds each touched story of at most TinySize articles into
// its most similar story when the similarity reaches AttachThreshold and
// beats the runner-up's by AttachMargin: a headline too short to reach
// the join threshold anywhere is still best placed with the one story it
// clearly points to, while one that points to several stays apart.
func (c *Clusterer) attachTiny(touched []int, made map[string]string) {
	if c.opt.TinySize <= 0 {
		return
	}
	for _, si := range touched {
		s := c.stories[si]
		if !s.alive || s.size > c.opt.TinySize {
			continue
		}
		ranked := c.rankExcept(c.storyQuery(s), s.first, s.last, si)
		if len(ranked) == 0 || ranked[0].score < c.opt.AttachThreshold {
			continue
		}
		if len(ranked) > 1 && ranked[0].score < c.opt.AttachMargin*ranked[1].score {
			continue
		}
		if c.stories[ranked[0].story].size <= s.size {
			continue
		}
		survivor, gone := c.merge(si, ranked[0].story)
		made[c.stories[gone].id] = c.stories[survivor].id
	}
}

// pushPairs queues the merge candidates of story si.
func (c *Clusterer) pushPairs(pq *pairQueue, si int) {
	s := c.stories[si]
	q := c.storyQuery(s)
	for _, cand := range c.rankExcept(q, s.first, s.last, si) {
		if cand.score < c.opt.MergeThreshold {
			break
		}
		a, b := si, cand.story
		if a > b {
			a, b = b, a
		}
		heap.Push(pq, pair{a: a, b: b, va: c.stories[a].version, vb: c.stories[b].version, score: cand.score})
	}
}

// storySimilarity is the decayed centroid cosine of two stories.
func (c *Clusterer) storySimilarity(a, b int) float64 {
	sa, sb := c.stories[a], c.stories[b]
	return c.cosine(c.storyQuery(sa), sb) * c.spanGapDecay(sa, sb)
}

// merge folds the younger of two stories into the older one and returns
// (survivor, merged-away).
func (c *Clusterer) merge(a, b int) (int, int) {
	if c.stories[b].seq < c.stories[a].seq {
		a, b = b, a
	}
	keep, gone := c.stories[a], c.stories[b]
	// In the merged-away story's term order, not map order: the order of
	// the terms is the order of the sums.
	for i, id := range gone.centroid.terms {
		if id < 0 {
			continue // removed
		}
		if keep.centroid.add(id, gone.centroid.weights[i]) {
			c.post(id, a)
		} else {
			c.lex.terms[id].stories--
		}
	}
	c.prune(keep)
	// Interleave the articles by arrival.
	members := append(keep.members, gone.members...)
	sort.SliceStable(members, func(i, j int) bool { return members[i].tick < members[j].tick })
	keep.members = members
	for _, m := range gone.members {
		c.tickStory[m.tick] = int32(a)
	}
	keep.size += gone.size
	if !gone.first.IsZero() && (keep.first.IsZero() || gone.first.Before(keep.first)) {
		keep.first = gone.first
	}
	if gone.last.After(keep.last) {
		keep.last = gone.last
	}
	keep.active = max(keep.active, gone.active)
	keep.stale = true
	keep.version++
	keep.churn++
	c.touch(a, markRelDirty|markChanged)
	c.touch(b, markRelDirty|markChanged)
	gone.alive = false
	c.slots[b].out = true
	c.alive--
	gone.centroid.release()
	gone.wterms, gone.wweights = nil, nil
	gone.members = nil
	gone.version++
	gone.churn++
	c.redirects[gone.id] = keep.id
	delete(c.byID, gone.id)
	return a, b
}

// refreshRelations recomputes the relations of the stories changed since
// the last call. Relations are symmetric: a link found from either side
// is listed on both. They ignore time: a related story is background,
// which may be months old.
func (c *Clusterer) refreshRelations() {
	if c.links == nil {
		c.links = map[int]map[int]float64{}
	}
	var dirty []int
	for si := range c.relDirty {
		dirty = append(dirty, si)
	}
	sort.Ints(dirty)
	c.clearMarks(c.relDirty, markRelDirty)
	unlink := func(si int) {
		for other := range c.links[si] {
			delete(c.links[other], si)
			c.touch(other, markChanged)
		}
		delete(c.links, si)
		c.touch(si, markChanged)
	}
	link := func(a, b int, score float64) {
		c.touch(a, markChanged)
		c.touch(b, markChanged)
		for _, p := range [][2]int{{a, b}, {b, a}} {
			if c.links[p[0]] == nil {
				c.links[p[0]] = map[int]float64{}
			}
			c.links[p[0]][p[1]] = score
		}
	}
	for _, si := range dirty {
		unlink(si)
	}
	for _, si := range dirty {
		s := c.stories[si]
		if !s.alive {
			continue
		}
		for _, cand := range c.rankExcept(c.storyQuery(s), timeZero, timeZero, si) {
			if cand.score < c.opt.RelatedThreshold {
				break
			}
			link(si, cand.story, cand.score)
		}
	}
}

// related lists the stories linked to story si, best first, at most
// maxRelated, with the terms that link them.
func (c *Clusterer) related(si int) []storyline.Related {
	var out []candidate
	for other, score := range c.links[si] {
		if c.stories[other].alive {
			out = append(out, candidate{story: other, score: score})
		}
	}
	sortCandidates(out)
	if len(out) > maxRelated {
		out = out[:maxRelated]
	}
	var rel []storyline.Related
	q := c.storyQuery(c.stories[si])
	for _, cand := range out {
		other := c.stories[cand.story]
		rel = append(rel, storyline.Related{Story: other.id, Score: round4(cand.score), Shared: c.shared(q, other, 5)})
	}
	return rel
}

// pair is a merge candidate with the story versions it was scored at.
type pair struct {
	a, b   int
	va, vb int
	score  float64
}

// pairQueue is a max-heap of pairs by score, ties by story order.
type pairQueue []pair

func (q pairQueue) Len() int { return len(q) }
func (q pairQueue) Less(i, j int) bool {
	if q[i].score != q[j].score {
		return q[i].score > q[j].score
	}
	if q[i].a != q[j].a {
		return q[i].a < q[j].a
	}
	return q[i].b < q[j].b
}
func (q pairQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *pairQueue) Push(x any)   { *q = append(*q, x.(pair)) }
func (q *pairQueue) Pop() any {
	old := *q
	p := old[len(old)-1]
	*q = old[:len(old)-1]
	return p
}

// timeZero stands for an unknown time.
var timeZero time.Time
