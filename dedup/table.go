package dedup

// The index's hash tables are flat uint32 arrays rather than Go maps of
// slices: a map entry with a slice costs ~50-80 bytes, these cost 12-20
// bytes per (document, key), which is what keeps a million documents'
// index under 2 GB. Each key's documents form a chain, newest first,
// through a next array; a table of slots maps a key to its chain head.

// slotTable is an open-addressed table from a key to the head entry of
// its chain (entry+1; 0 marks an empty slot). keyOf reads an entry's key.
type slotTable struct {
	slots []uint32
	used  int
	shift uint32 // 32 - log2(len(slots))
}

func (t *slotTable) pos(key uint32) uint32 { return (key * 0x9e3779b1) >> t.shift }

// find returns the slot of key, or of the empty slot where it would go.
func (t *slotTable) find(key uint32, keyOf func(entry uint32) uint32) uint32 {
	mask := uint32(len(t.slots) - 1)
	for p := t.pos(key); ; p = (p + 1) & mask {
		e := t.slots[p]
		if e == 0 || keyOf(e-1) == key {
			return p
		}
	}
}

// head returns the newest entry of key's chain, or -1.
func (t *slotTable) head(key uint32, keyOf func(uint32) uint32) int64 {
	if len(t.slots) == 0 {
		return -1
	}
	return int64(t.slots[t.find(key, keyOf)]) - 1
}

// setHead makes entry the head of key's chain and returns the old head+1
// (0 if none), growing the table to keep it at most 70% full.
func (t *slotTable) setHead(key, entry uint32, keyOf func(uint32) uint32) uint32 {
	if (t.used+1)*10 > len(t.slots)*7 {
		t.grow(keyOf)
	}
	p := t.find(key, keyOf)
	old := t.slots[p]
	if old == 0 {
		t.used++
	}
	t.slots[p] = entry + 1
	return old
}

func (t *slotTable) grow(keyOf func(uint32) uint32) {
	old := t.slots
	t.slots = make([]uint32, max(1024, 2*len(old)))
	t.shift = 32
	for n := len(t.slots); n > 1; n >>= 1 {
		t.shift--
	}
	mask := uint32(len(t.slots) - 1)
	for _, e := range old {
		if e == 0 {
			continue
		}
		p := t.pos(keyOf(e - 1))
		for t.slots[p] != 0 {
			p = (p + 1) & mask
		}
		t.slots[p] = e
	}
}

// bandTable is one LSH band: every document has exactly one entry, so
// the entry number is the document number and needs no storage.
type bandTable struct {
	slotTable
	keys []uint32 // key of each document
	next []uint32 // older document with the same key, +1; 0 ends the chain
}

func (b *bandTable) keyOf(e uint32) uint32 { return b.keys[e] }

// add appends document doc (== len(b.keys)); linked=false stores a
// placeholder for a document without a sketch, which no lookup reaches.
func (b *bandTable) add(doc, key uint32, linked bool) {
	b.keys = append(b.keys, key)
	b.next = append(b.next, 0)
	if linked {
		b.next[doc] = b.setHead(key, doc, b.keyOf)
	}
}

// each calls fn with up to limit documents of key's chain, newest first.
func (b *bandTable) each(key uint32, limit int, fn func(doc uint32)) {
	e := b.head(key, b.keyOf)
	for ; e >= 0 && limit > 0; limit-- {
		fn(uint32(e))
		e = int64(b.next[e]) - 1
	}
}

// postings is a key → documents multimap (the sentence index). A key
// stops taking documents once it has maxPostings: such a sentence is
// boilerplate or a quote every outlet carries, which says nothing about
// copying, and capping it keeps the cost per document flat.
type postings struct {
	slotTable
	keys, docs, next []uint32
}

const maxPostings = 32

func (p *postings) keyOf(e uint32) uint32 { return p.keys[e] }

// count returns how many documents key has (at most maxPostings).
func (p *postings) count(key uint32) int {
	n := 0
	for e := p.head(key, p.keyOf); e >= 0 && n < maxPostings; e = int64(p.next[e]) - 1 {
		n++
	}
	return n
}

// add records that doc holds key, unless key is already common.
func (p *postings) add(key, doc uint32) {
	if p.count(key) >= maxPostings {
		return
	}
	e := uint32(len(p.keys))
	p.keys = append(p.keys, key)
	p.docs = append(p.docs, doc)
	p.next = append(p.next, 0)
	p.next[e] = p.setHead(key, e, p.keyOf)
}

// each calls fn with key's documents, newest first, unless key is common.
func (p *postings) each(key uint32, fn func(doc uint32)) {
	if p.count(key) >= maxPostings {
		return
	}
	for e := p.head(key, p.keyOf); e >= 0; e = int64(p.next[e]) - 1 {
		fn(p.docs[e])
	}
}
