package cluster

import "math/bits"

// centroid is a story's sum of member unit vectors (raw weights, before
// the global weights), kept as parallel slices in the order the terms
// entered it, with an index from term to position (see termIndex).
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
	pos     termIndex // term -> index in terms, tombstones too
	// live counts the terms not removed, dead the tombstones (int32 keeps
	// the story struct in its 320-byte size class: see story).
	live int32
	dead int32
}

// newCentroid returns an empty centroid ready for add.
func newCentroid() centroid {
	return centroid{pos: newTermIndex(0)}
}

// len is the number of terms the centroid holds.
func (ct *centroid) len() int { return int(ct.live) }

// released reports whether the centroid was cleared with release.
func (ct *centroid) released() bool {
	return ct.pos == nil && ct.terms == nil && ct.weights == nil
}

// get returns the weight of a term and whether the centroid holds it.
func (ct *centroid) get(id int32) (float64, bool) {
	p, ok := ct.pos.find(id)
	if !ok || ct.terms[p] < 0 {
		return 0, false
	}
	return ct.weights[p], true
}

// has reports whether the centroid holds the term.
func (ct *centroid) has(id int32) bool {
	p, ok := ct.pos.find(id)
	return ok && ct.terms[p] >= 0
}

// add adds w to a term's weight and reports whether the term is new to
// the centroid (absent, or removed since it was last there).
func (ct *centroid) add(id int32, w float64) bool {
	if p, ok := ct.pos.find(id); ok {
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
	ct.terms = append(ct.terms, id)
	if !ct.pos.roomFor(len(ct.terms)) {
		ct.pos = newTermIndex(len(ct.terms))
		ct.pos.fill(ct.terms)
	} else {
		ct.pos.insert(id, int32(len(ct.terms)-1))
	}
	var z float64
	z += w
	ct.weights = append(ct.weights, z)
	ct.live++
	return true
}

// set replaces the weight of a term the centroid holds.
func (ct *centroid) set(id int32, w float64) {
	if p, ok := ct.pos.find(id); ok && ct.terms[p] >= 0 {
		ct.weights[p] = w
	}
}

// remove takes a term out, leaving a tombstone in its place.
func (ct *centroid) remove(id int32) {
	if p, ok := ct.pos.find(id); ok && ct.terms[p] >= 0 {
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
			continue
		}
		if n != i {
			ct.terms[n], ct.weights[n] = id, ct.weights[i]
		}
		n++
	}
	clear(ct.terms[n:])
	clear(ct.weights[n:])
	ct.terms, ct.weights = ct.terms[:n], ct.weights[:n]
	ct.dead = 0
	// Every live term after the first tombstone moved: the index is
	// built again (an open-addressing table has no cheap deletion).
	ct.pos = newTermIndex(n)
	ct.pos.fill(ct.terms)
}

// release drops everything (a story merged away, emptied or archived).
func (ct *centroid) release() {
	*ct = centroid{}
}

// termIndex maps the term ids of a centroid to their positions: an
// open-addressing hash table (linear probing, at most half full) of
// entries (id+1)<<32 | position, 0 marking an empty entry.
//
// A Go map costs several dependent cache misses per probe (its header,
// its directory, its table, a control word and a slot) and, on small keys,
// more memory; at a million headlines the probes of the centroid maps
// were 4% of clustering. Here a probe is one read of one flat array,
// usually one cache line. Nothing iterates over the table, so its order
// decides nothing.
type termIndex []uint64

// newTermIndex returns an empty index with room for n terms.
func newTermIndex(n int) termIndex {
	size := 8
	for size < 2*n {
		size *= 2
	}
	return make(termIndex, size)
}

// roomFor reports whether the index can hold n terms at most half full.
func (x termIndex) roomFor(n int) bool { return 2*n <= len(x) }

// slotOf is where a term's probe starts: Fibonacci hashing, the top bits
// of the id times 2^32/phi, which spreads consecutive ids apart.
func (x termIndex) slotOf(id int32) uint32 {
	return uint32(id) * 0x9E3779B9 >> (32 - bits.TrailingZeros(uint(len(x))))
}

// find returns the position of a term and whether the index holds it.
func (x termIndex) find(id int32) (int32, bool) {
	if len(x) == 0 {
		return 0, false // released
	}
	mask := uint32(len(x) - 1)
	key := uint64(uint32(id)+1) << 32
	for h := x.slotOf(id); ; h = (h + 1) & mask {
		e := x[h]
		if e == 0 {
			return 0, false
		}
		if e&^(1<<32-1) == key {
			return int32(uint32(e)), true
		}
	}
}

// insert adds a term absent from the index (the caller checked roomFor).
func (x termIndex) insert(id, pos int32) {
	mask := uint32(len(x) - 1)
	h := x.slotOf(id)
	for x[h] != 0 {
		h = (h + 1) & mask
	}
	x[h] = uint64(uint32(id)+1)<<32 | uint64(uint32(pos))
}

// fill indexes terms (tombstones, ^id, under their id) by position.
func (x termIndex) fill(terms []int32) {
	for i, id := range terms {
		if id < 0 {
			id = ^id
		}
		x.insert(id, int32(i))
	}
}
