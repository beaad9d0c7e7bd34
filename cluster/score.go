package cluster

import (
	"cmp"
	"slices"
)

// Scoring the candidates of a lookup reads, for each, its hot fields,
// its weighted terms and the weights of the terms the query may hold.
// At a million articles the stories scored no longer fit in the processor
// cache and each of those reads is a miss; in one loop per story, each
// waiting for the last, the misses were a third of the cost of clustering.
// The functions here issue the reads of all the candidates together, so
// that their misses overlap, and leave every sum in the order it had:
// the scores are the same to the bit.

// warm reads, ahead of scoring, the hot fields of each candidate story
// and the cache lines of its weighted terms: scoring a story is a chain
// of dependent loads (the story pointer, its hot fields, its term array)
// that the processor cannot start early behind the previous story's loop.
// Issued here in short independent loops, the loads of all the candidates
// are in flight together and scoring finds them in cache. It changes no
// state but warmSink, which keeps the compiler from dropping the loads.
func (c *Clusterer) warm(pre []candidate) {
	sink := 0
	for _, cand := range pre {
		s := c.stories[cand.story]
		// normSnap sits in the first cache line of the story, the
		// weights' slice header in the second, beside first and last.
		sink += s.normSnap + len(s.wweights)
	}
	for _, cand := range pre {
		terms := c.stories[cand.story].wterms
		for j := 0; j < len(terms); j += 16 { // 16 terms per 64-byte line
			sink += int(terms[j])
		}
	}
	c.warmSink = sink
}

// warmWeights reads the cached global weights of the terms ahead of
// storyNorm's loop, and the statistics of those whose cache is out of
// date (after each snapshot, all of them): the terms of a story are spread
// over the whole lexicon, and the weight computations of the loop (a log
// and an exp each) keep the processor from overlapping their cache misses
// on its own. See warm.
func (c *Clusterer) warmWeights(terms []int32) {
	sink := int32(0)
	at, snap := int32(corpusScale(c.items)+1), int32(c.snap)
	weights, stats := c.lex.weights, c.lex.terms
	for _, id := range terms {
		if id < 0 {
			continue
		}
		w := &weights[id]
		sink += w.at
		if w.at != at || w.snap != snap {
			sink += stats[id].df
		}
	}
	c.warmSink += int(sink)
}

// scatter writes the weighted query into the dense scratch vector, which
// makes a query-story dot product one pass over the story's terms.
func (c *Clusterer) scatter(q query) {
	if len(c.dense) < len(c.lex.terms) {
		c.dense = append(c.dense, make([]float64, len(c.lex.terms)-len(c.dense))...)
	}
	for i, w := range q.vec {
		c.dense[w.term] = w.weight * q.global[i]
		c.queryBits.set(w.term)
	}
}

// unscatter clears what scatter wrote.
func (c *Clusterer) unscatter(q query) {
	for _, w := range q.vec {
		c.dense[w.term] = 0
		c.queryBits.clear(w.term)
	}
}

// queryFilter is a bit set of the scattered query's terms, hashed by
// their low bits into 64K bits (8 KiB): a clear bit means the term is not
// in the query; a set bit, that it may be.
type queryFilter [1 << 10]uint64

// set adds a term to the filter.
func (f *queryFilter) set(id int32) { f[uint32(id)>>6&(1<<10-1)] |= 1 << (uint32(id) & 63) }

// clear drops a term with the 63 others that share its word: unscatter
// clears every term of the query, so none that is still set is lost.
func (f *queryFilter) clear(id int32) { f[uint32(id)>>6&(1<<10-1)] = 0 }

// mayHold is false when the term is surely not in the query.
func (f *queryFilter) mayHold(id int32) bool {
	return f[uint32(id)>>6&(1<<10-1)]&(1<<(uint32(id)&63)) != 0
}

// scoreHit is a term of a candidate story that the query may hold (see
// queryFilter): cand indexes the candidate list, pos the story's weighted
// terms.
type scoreHit struct {
	cand, pos, term int32
}

// cosines sets each candidate's score to the cosine of the scattered
// query (of norm qnorm) and its story, as denseCosine does one story.
// It finds the terms the query may hold in every story first, then reads
// their weights in one short loop: the weight of such a term sits apart
// from the terms scanned (see story.wweights) and is a cache miss, and
// those misses overlap there, where in a loop over a story's 300 terms
// they came one after another. Each story's dot product still adds its
// terms in their order.
func (c *Clusterer) cosines(qnorm float64, pre []candidate) {
	hits := c.hits[:0]
	for k := range pre {
		s := c.stories[pre[k].story]
		pre[k].score = 0
		if c.storyNorm(s) == 0 || qnorm == 0 {
			continue
		}
		for i, id := range s.wterms {
			if c.queryBits.mayHold(id) {
				hits = append(hits, scoreHit{cand: int32(k), pos: int32(i), term: id})
			}
		}
	}
	// score accumulates the dot products until they are divided below.
	for _, h := range hits {
		weights := c.stories[pre[h.cand].story].wweights
		pre[h.cand].score += c.dense[h.term] * weights[h.pos]
	}
	for k := range pre {
		if dot := pre[k].score; dot != 0 {
			pre[k].score = dot / (c.stories[pre[k].story].norm * qnorm)
		}
	}
	c.hits = hits
}

// topTerms returns the indexes of the n heaviest coordinates of q.
func (c *Clusterer) topTerms(q query, n int) []int {
	// Only terms seen before can lead to a story.
	idx := make([]int, 0, len(q.vec))
	for i, w := range q.vec {
		if c.lex.terms[w.term].df > 0 {
			idx = append(idx, i)
		}
	}
	// Keep the n heaviest by insertion into a short sorted list.
	heavier := func(a, b int) bool {
		wa, wb := q.vec[a].weight*q.global[a], q.vec[b].weight*q.global[b]
		if wa != wb {
			return wa > wb
		}
		return q.vec[a].term < q.vec[b].term
	}
	top := make([]int, 0, n+1)
	for _, i := range idx {
		if len(top) == n && !heavier(i, top[n-1]) {
			continue
		}
		pos := len(top)
		for pos > 0 && heavier(i, top[pos-1]) {
			pos--
		}
		top = append(top, 0)
		copy(top[pos+1:], top[pos:])
		top[pos] = i
		if len(top) > n {
			top = top[:n]
		}
	}
	idx = top
	return idx
}

// topCandidates keeps the n best candidates, best first, in place: an
// insertion into the list of the best so far, which most candidates
// leave at one comparison with its last. (Sorting a short list whole, as
// this once did below 4n candidates, cost several times more for the
// same result: the order is total.)
func topCandidates(cs []candidate, n int) []candidate {
	if n <= 0 {
		return cs[:0]
	}
	top := 0
	for _, cand := range cs {
		if top == n && !better(cand, cs[top-1]) {
			continue
		}
		pos := min(top, n-1)
		for pos > 0 && better(cand, cs[pos-1]) {
			cs[pos] = cs[pos-1]
			pos--
		}
		cs[pos] = cand
		top = min(top+1, n)
	}
	return cs[:top]
}

// better orders candidates by score, then by story for determinism.
func better(a, b candidate) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.story < b.story
}

// sortCandidates orders candidates best first (score, then story): short
// lists, as lookups make, by insertion with the comparison inlined, which
// costs a fraction of the generic sort's calls through a function value.
// The order is total (no two candidates share a story), so both sorts
// give the same result.
func sortCandidates(cs []candidate) {
	if len(cs) > 64 {
		slices.SortFunc(cs, compareCandidates)
		return
	}
	for i := 1; i < len(cs); i++ {
		x := cs[i]
		j := i
		for j > 0 && compareCandidates(x, cs[j-1]) < 0 {
			cs[j] = cs[j-1]
			j--
		}
		cs[j] = x
	}
}

// compareCandidates orders candidates by score, best first, then by story.
func compareCandidates(a, b candidate) int {
	if a.score != b.score {
		return cmp.Compare(b.score, a.score)
	}
	return cmp.Compare(a.story, b.story)
}
