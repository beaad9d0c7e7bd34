package cluster

// centroid is a story's sum of member unit vectors (raw weights, before
// the global weights), kept as parallel slices in the order the terms
// entered it, with a map from term to position.
//
// Reading the whole centroid (the story norm, recomputed whenever the
// story or the weights change) is then a walk over two slices, not a map
// lookup per term: at a million articles the map probes were most of its
// cost. The order of the slices is the order of every sum over the
// centroid, run after run.
//
// A removed term leaves a tombstone (its id complemented) that keeps its
// position: added again before the next compaction it takes that place
// back; compact drops the tombstones.
type centroid struct {
	terms   []int32 // term ids in entry order; ^id marks a removed term
	weights []float64
	pos     map[int32]int32 // term -> index in terms, tombstones too
	live    int             // terms not removed
	dead    int             // tombstones
}

// newCentroid returns an empty centroid ready for add.
func newCentroid() centroid {
	return centroid{pos: map[int32]int32{}}
}

// len is the number of terms the centroid holds.
func (ct *centroid) len() int { return ct.live }

// released reports whether the centroid was cleared with release.
func (ct *centroid) released() bool {
	return ct.pos == nil && ct.terms == nil && ct.weights == nil
}

// get returns the weight of a term and whether the centroid holds it.
func (ct *centroid) get(id int32) (float64, bool) {
	p, ok := ct.pos[id]
	if !ok || ct.terms[p] < 0 {
		return 0, false
	}
	return ct.weights[p], true
}

// has reports whether the centroid holds the term.
func (ct *centroid) has(id int32) bool {
	p, ok := ct.pos[id]
	return ok && ct.terms[p] >= 0
}

// add adds w to a term's weight and reports whether the term is new to
// the centroid (absent, or removed since it was last there).
func (ct *centroid) add(id int32, w float64) bool {
	if p, ok := ct.pos[id]; ok {
		if ct.terms[p] >= 0 {
			ct.weights[p] += w
			return false
		}
		// Back in the place it held before its removal.
		ct.terms[p] = id
		ct.weights[p] = 0
		ct.weights[p] += w
		ct.live++
		ct.dead--
		return true
	}
	if ct.pos == nil {
		ct.pos = map[int32]int32{}
	}
	ct.pos[id] = int32(len(ct.terms))
	ct.terms = append(ct.terms, id)
	var z float64
	z += w
	ct.weights = append(ct.weights, z)
	ct.live++
	return true
}

// set replaces the weight of a term the centroid holds.
func (ct *centroid) set(id int32, w float64) {
	if p, ok := ct.pos[id]; ok && ct.terms[p] >= 0 {
		ct.weights[p] = w
	}
}

// remove takes a term out, leaving a tombstone in its place.
func (ct *centroid) remove(id int32) {
	if p, ok := ct.pos[id]; ok && ct.terms[p] >= 0 {
		ct.terms[p] = ^id
		ct.weights[p] = 0
		ct.live--
		ct.dead++
	}
}

// compact drops the tombstones, keeping the order of the other terms.
func (ct *centroid) compact() {
	if ct.dead == 0 {
		return
	}
	n := 0
	for i, id := range ct.terms {
		if id < 0 {
			delete(ct.pos, ^id)
			continue
		}
		if n != i {
			ct.terms[n], ct.weights[n] = id, ct.weights[i]
			ct.pos[id] = int32(n)
		}
		n++
	}
	clear(ct.terms[n:])
	clear(ct.weights[n:])
	ct.terms, ct.weights = ct.terms[:n], ct.weights[:n]
	ct.dead = 0
}

// release drops everything (a story merged away, emptied or archived).
func (ct *centroid) release() {
	*ct = centroid{}
}
