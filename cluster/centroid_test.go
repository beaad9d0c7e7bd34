package cluster

import (
	"math/rand"
	"slices"
	"testing"
)

// orderedMap is the centroid as it was kept before centroid.go: a map of
// weights plus the terms in entry order, stale entries included, which
// a compaction drops keeping each live term's first entry.
type orderedMap struct {
	weights map[int32]float64
	order   []int32
}

func (m *orderedMap) add(id int32, w float64) bool {
	_, ok := m.weights[id]
	if !ok {
		m.order = append(m.order, id)
	}
	m.weights[id] += w
	return !ok
}

func (m *orderedMap) compact() {
	seen := map[int32]bool{}
	kept := m.order[:0]
	for _, id := range m.order {
		if _, ok := m.weights[id]; ok && !seen[id] {
			seen[id] = true
			kept = append(kept, id)
		}
	}
	m.order = kept
}

// TestCentroidKeepsEntryOrder checks that the centroid reads its terms in
// the order the old map-and-list representation summed them, through
// random adds, removals, re-adds and compactions.
func TestCentroidKeepsEntryOrder(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for round := 0; round < 200; round++ {
		ct := newCentroid()
		ref := orderedMap{weights: map[int32]float64{}}
		for step := 0; step < 300; step++ {
			id := int32(rng.Intn(40))
			switch op := rng.Intn(10); {
			case op < 6:
				w := rng.Float64()
				if got, want := ct.add(id, w), ref.add(id, w); got != want {
					t.Fatalf("round %d step %d: add(%d) new=%v, want %v", round, step, id, got, want)
				}
			case op < 9:
				ct.remove(id)
				delete(ref.weights, id)
			default:
				ct.compact()
				ref.compact()
				var live []int32
				for _, id := range ct.terms {
					if id < 0 {
						t.Fatalf("round %d step %d: tombstone %d left after compact", round, step, ^id)
					}
					live = append(live, id)
				}
				if !slices.Equal(live, ref.order) {
					t.Fatalf("round %d step %d: order %v, want %v", round, step, live, ref.order)
				}
				for i, id := range ct.terms {
					if ct.weights[i] != ref.weights[id] {
						t.Fatalf("round %d step %d: weight of %d = %v, want %v", round, step, id, ct.weights[i], ref.weights[id])
					}
				}
			}
			if ct.len() != len(ref.weights) {
				t.Fatalf("round %d step %d: len %d, want %d", round, step, ct.len(), len(ref.weights))
			}
			w, ok := ct.get(id)
			rw, rok := ref.weights[id]
			if ok != rok || w != rw || ct.has(id) != rok {
				t.Fatalf("round %d step %d: get(%d) = %v,%v, want %v,%v", round, step, id, w, ok, rw, rok)
			}
		}
	}
}
