package cluster

import (
	"math"
	"slices"
	"strings"
)

// splitIterations bounds the 2-means refinement of one bisection.
const splitIterations = 8

// splitGrowth is the growth in members after which a story is examined
// for a split again: each story is bisected a bounded number of times
// over its life (geometric growth), so the pass costs O(1) per item.
const splitGrowth = 1.25

// splitPoint is one kept member of a story being bisected: its unit
// contribution to the centroid (raw weights over the norm it entered
// with) and its weighted vector with the current global weights.
type splitPoint struct {
	m    member
	kv   keptVector
	q    []weighted // raw weight times global weight, by term
	qn   float64    // norm of q
	half int        // 0 or 1
}

// splitHalf is the centroid of one side of a bisection, built as a
// story's is: the sum of the members' unit vectors, saturated by
// CentroidPower and weighted by the global weights when compared.
type splitHalf struct {
	raw      centroid // in the order the terms entered: one order of sums
	weighted map[int32]float64
	norm     float64
	size     int
}

// splitTouched bisects the stories touched by this Finish that have
// become incoherent: online assignment and merging only ever grow
// stories, so a story that swallowed two events (a chain of market
// reports, two phases of an affair) never comes apart otherwise. Each
// story with at least SplitMinSize kept members (grown by splitGrowth
// since it was last examined) is cut in two by a deterministic 2-means on
// its kept members' vectors; the cut stands when the halves' centroids
// are less similar than SplitThreshold (so that merging would not join
// them again), each half has SplitMinHalf members and the members'
// mean similarity to their own half's centroid rises by SplitGain over
// their similarity to the whole. The larger half (ties: the one holding
// the founding member) keeps the story id; the other becomes a new story
// named after its earliest member. Halves are bisected again up to
// SplitDepth levels. before gains the previous story of every moved item
// so that Finish reports it as moved. It returns the ids of the stories
// it created.
func (c *Clusterer) splitTouched(stories []int, before map[string]string) []string {
	if c.opt.SplitThreshold <= 0 {
		return nil
	}
	var created []string
	for _, si := range stories {
		s := c.stories[si]
		if !s.alive || s.archived || float64(s.size) < splitGrowth*float64(s.splitAt) {
			continue
		}
		s.splitAt = s.size
		created = c.bisect(si, max(c.opt.SplitDepth, 1), before, created)
	}
	return created
}

// bisect tries to split story si and recurses into both halves while
// depth allows; it appends the ids of the stories it creates to created.
func (c *Clusterer) bisect(si, depth int, before map[string]string, created []string) []string {
	s := c.stories[si]
	pts := c.splitPoints(s)
	if len(pts) < max(c.opt.SplitMinSize, 2*max(c.opt.SplitMinHalf, 1)) {
		return created
	}
	if !c.twoMeans(pts) {
		return created
	}
	stay := c.stayingHalf(s, pts)
	var moving []splitPoint
	for _, p := range pts {
		if p.half != stay {
			moving = append(moving, p)
		}
	}
	// Members come in arrival order: the first moving one is the earliest.
	ni := c.newStory(StoryID(moving[0].m.id), moving[0].m.at)
	for _, p := range moving {
		if _, ok := before[p.m.id]; !ok {
			before[p.m.id] = s.id
		}
		c.unplace(revisitItem{m: p.m, keptVector: p.kv, from: si}, si)
		c.place(p.m, p.kv.vec, p.kv.norm, ni)
	}
	ns := c.stories[ni]
	ns.decidedAt = s.decidedAt
	s.splitAt, ns.splitAt = s.size, ns.size
	created = append(created, ns.id)
	if depth > 1 {
		created = c.bisect(si, depth-1, before, created)
		created = c.bisect(ni, depth-1, before, created)
	}
	return created
}

// splitPoints lists a story's members whose vectors are kept, in arrival
// order, weighted with the current statistics.
func (c *Clusterer) splitPoints(s *story) []splitPoint {
	pts := make([]splitPoint, 0, len(s.members))
	for _, m := range s.members {
		kv, ok := c.keptOf(m.tick)
		if !ok || kv.norm <= 0 {
			continue
		}
		p := splitPoint{m: m, kv: kv, q: make([]weighted, len(kv.vec))}
		var sum float64
		for i, w := range kv.vec {
			x := w.weight * c.globalWeight(w.term)
			p.q[i] = weighted{w.term, x}
			sum += x * x
		}
		if p.qn = math.Sqrt(sum); p.qn == 0 {
			continue
		}
		pts = append(pts, p)
	}
	return pts
}

// halfOf builds the centroid of the points whose half is h (all points
// when h < 0).
func (c *Clusterer) halfOf(pts []splitPoint, h int) splitHalf {
	out := splitHalf{raw: newCentroid(), weighted: map[int32]float64{}}
	// Points in arrival order and terms in vector order: one order of sums.
	for _, p := range pts {
		if h >= 0 && p.half != h {
			continue
		}
		out.size++
		for _, w := range p.kv.vec {
			out.raw.add(w.term, w.weight/p.kv.norm)
		}
	}
	var sum float64
	for i, id := range out.raw.terms {
		x := saturate(out.raw.weights[i], c.opt.CentroidPower) * c.globalWeight(id)
		out.weighted[id] = x
		sum += x * x
	}
	out.norm = math.Sqrt(sum)
	return out
}

// pointCosine is the cosine of a point and a half's centroid, as Add
// scores an item against a story (without time decay).
func pointCosine(p splitPoint, h splitHalf) float64 {
	if h.norm == 0 {
		return 0
	}
	var dot float64
	for _, w := range p.q {
		dot += w.weight * h.weighted[w.term]
	}
	return dot / (p.qn * h.norm)
}

// pointPairCosine is the cosine of two points' weighted vectors (sorted
// by term).
func pointPairCosine(a, b splitPoint) float64 {
	var dot float64
	for i, j := 0, 0; i < len(a.q) && j < len(b.q); {
		switch {
		case a.q[i].term < b.q[j].term:
			i++
		case a.q[i].term > b.q[j].term:
			j++
		default:
			dot += a.q[i].weight * b.q[j].weight
			i++
			j++
		}
	}
	return dot / (a.qn * b.qn)
}

// farthest returns the index of the point least similar by sim, ties by
// item id.
func farthest(pts []splitPoint, sim func(splitPoint) float64) int {
	best, bestSim := -1, 0.0
	for i, p := range pts {
		v := sim(p)
		if best < 0 || v < bestSim || (v == bestSim && strings.Compare(p.m.id, pts[best].m.id) < 0) {
			best, bestSim = i, v
		}
	}
	return best
}

// twoMeans splits the points into halves 0 and 1 (p.half) and reports
// whether the split qualifies. Seeds: the point farthest from the
// centroid, then the point farthest from that one; each point then goes
// to the nearer half centroid, a few rounds, ties to half 0.
func (c *Clusterer) twoMeans(pts []splitPoint) bool {
	whole := c.halfOf(pts, -1)
	a := farthest(pts, func(p splitPoint) float64 { return pointCosine(p, whole) })
	b := farthest(pts, func(p splitPoint) float64 {
		if p.m.id == pts[a].m.id {
			return math.Inf(1)
		}
		return pointPairCosine(p, pts[a])
	})
	for i := range pts {
		pts[i].half = 0
		if pointPairCosine(pts[i], pts[b]) > pointPairCosine(pts[i], pts[a]) {
			pts[i].half = 1
		}
	}
	pts[a].half, pts[b].half = 0, 1
	var h0, h1 splitHalf
	for it := 0; it < splitIterations; it++ {
		h0, h1 = c.halfOf(pts, 0), c.halfOf(pts, 1)
		if h0.size == 0 || h1.size == 0 {
			return false
		}
		moved := false
		for i := range pts {
			s0, s1 := pointCosine(pts[i], h0), pointCosine(pts[i], h1)
			h := pts[i].half
			if s1 > s0 {
				h = 1
			} else if s0 > s1 {
				h = 0
			}
			if h != pts[i].half {
				pts[i].half = h
				moved = true
			}
		}
		if !moved {
			break
		}
	}
	h0, h1 = c.halfOf(pts, 0), c.halfOf(pts, 1)
	minHalf := max(c.opt.SplitMinHalf, 1)
	if h0.size < minHalf || h1.size < minHalf {
		return false
	}
	if c.halfSimilarity(pts, h0, h1) >= c.opt.SplitThreshold {
		return false
	}
	var own, all float64
	for _, p := range pts {
		h := h0
		if p.half == 1 {
			h = h1
		}
		own += pointCosine(p, h)
		all += pointCosine(p, whole)
	}
	return (own-all)/float64(len(pts)) >= c.opt.SplitGain
}

// halfSimilarity is the similarity of two halves as the merge step
// scores two stories (one centroid as a query against the other,
// saturated, the span gap decayed), the larger of both directions.
func (c *Clusterer) halfSimilarity(pts []splitPoint, h0, h1 splitHalf) float64 {
	cross := func(q, s splitHalf) float64 {
		var dot, qn float64
		for i, id := range q.raw.terms {
			x := q.raw.weights[i] * c.globalWeight(id)
			qn += x * x
			dot += x * s.weighted[id]
		}
		if qn == 0 || s.norm == 0 {
			return 0
		}
		return dot / (math.Sqrt(qn) * s.norm)
	}
	var spans [2]story
	for _, p := range pts {
		sp := &spans[p.half]
		if p.m.at.IsZero() {
			continue
		}
		if sp.first.IsZero() || p.m.at.Before(sp.first) {
			sp.first = p.m.at
		}
		if p.m.at.After(sp.last) {
			sp.last = p.m.at
		}
	}
	return max(cross(h0, h1), cross(h1, h0)) * c.spanGapDecay(&spans[0], &spans[1])
}

// stayingHalf is the half that keeps the story id: the larger, ties the
// one holding the founding member, else the one holding the earliest.
func (c *Clusterer) stayingHalf(s *story, pts []splitPoint) int {
	var n [2]int
	founder := -1
	for _, p := range pts {
		n[p.half]++
		if p.m.id == s.founder {
			founder = p.half
		}
	}
	switch {
	case n[0] != n[1]:
		if n[1] > n[0] {
			return 1
		}
		return 0
	case founder >= 0:
		return founder
	}
	return pts[0].half
}

// splitCandidates lists the live stories this Finish touched: those
// merged away are followed to their survivor. Sorted, without repeats.
func (c *Clusterer) splitCandidates(touched []int) []int {
	var out []int
	for _, si := range touched {
		s := c.stories[si]
		if !s.alive {
			var ok bool
			if si, ok = c.byID[c.resolve(s.id)]; !ok {
				continue
			}
		}
		out = append(out, si)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
