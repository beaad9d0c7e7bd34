package dedup

// The index's hash tables are flat integer arrays rather than Go maps of
// slices: a map entry with a slice costs ~50-80 bytes, these cost 10-20
// bytes per (document, key), which is what keeps a million documents'
// index under 2 GB. Each key's entries form a chain, newest first,
// through a next array; a table of slots maps a key to its chain head.
//
// A slot holds the key itself beside the head (key<<32 | head+1), so a
// lookup costs one cache miss, not two, and growing the table rehashes
// the slots alone. Per-entry arrays are chunked (see chunked): they
// grow by one fixed chunk at a time, never copying what they hold, so
// there is no doubling peak and no copy cost as the index grows.

// slotTable is an open-addressed table from a key to the head entry of
// its chain.
type slotTable struct {
	slots []uint64 // key<<32 | entry+1; 0 marks an empty slot
	used  int
	shift uint32 // 64 - log2(len(slots))
}

func (t *slotTable) pos(key uint32) uint64 {
	return (uint64(key) * 0x9e3779b97f4a7c15) >> t.shift
}

// head returns the newest entry of key's chain, or -1.
func (t *slotTable) head(key uint32) int64 {
	if len(t.slots) == 0 {
		return -1
	}
	mask := uint64(len(t.slots) - 1)
	for p := t.pos(key); ; p = (p + 1) & mask {
		s := t.slots[p]
		if s == 0 {
			return -1
		}
		if uint32(s>>32) == key {
			return int64(uint32(s)) - 1
		}
	}
}

// firstSlot returns the slot where a lookup of key starts (0 for an
// empty table). Loading the first slots of many keys in one loop, before
// resolving any, lets their cache misses overlap (see headFrom).
func (t *slotTable) firstSlot(key uint32) uint64 {
	if len(t.slots) == 0 {
		return 0
	}
	return t.slots[t.pos(key)]
}

// headFrom is head, given the first slot a lookup of key reads.
func (t *slotTable) headFrom(key uint32, first uint64) int64 {
	if first == 0 {
		return -1
	}
	if uint32(first>>32) == key {
		return int64(uint32(first)) - 1
	}
	return t.head(key)
}

// setHead makes entry the head of key's chain and returns the old head+1
// (0 if none), growing the table to keep it at most 70% full.
func (t *slotTable) setHead(key, entry uint32) uint32 {
	if (t.used+1)*10 > len(t.slots)*7 {
		t.grow()
	}
	mask := uint64(len(t.slots) - 1)
	v := uint64(key)<<32 | uint64(entry+1)
	for p := t.pos(key); ; p = (p + 1) & mask {
		s := t.slots[p]
		if s == 0 {
			t.slots[p] = v
			t.used++
			return 0
		}
		if uint32(s>>32) == key {
			t.slots[p] = v
			return uint32(s)
		}
	}
}

func (t *slotTable) grow() {
	old := t.slots
	t.slots = make([]uint64, max(1024, 2*len(old)))
	t.shift = 64
	for n := len(t.slots); n > 1; n >>= 1 {
		t.shift--
	}
	mask := uint64(len(t.slots) - 1)
	for _, s := range old {
		if s == 0 {
			continue
		}
		p := t.pos(uint32(s >> 32))
		for t.slots[p] != 0 {
			p = (p + 1) & mask
		}
		t.slots[p] = s
	}
}

// entryChunkBits sets the chunk size of per-entry arrays: 4096 entries
// (16 KB), small enough that a near-empty index stays small.
const entryChunkBits = 12

// chunked is a growable array stored in fixed chunks of entries, so
// that it grows without copying and a near-empty index stays small.
type chunked[T uint8 | uint32 | uint64] struct {
	chunks [][]T
	n      uint32
}

// The per-entry arrays the tables use.
type (
	chunk8  = chunked[uint8]
	chunk32 = chunked[uint32]
	chunk64 = chunked[uint64]
)

func (c *chunked[T]) append(v T) {
	if c.n&(1<<entryChunkBits-1) == 0 {
		c.chunks = append(c.chunks, make([]T, 1<<entryChunkBits))
	}
	c.chunks[c.n>>entryChunkBits][c.n&(1<<entryChunkBits-1)] = v
	c.n++
}

func (c *chunked[T]) at(i uint32) T {
	return c.chunks[i>>entryChunkBits][i&(1<<entryChunkBits-1)]
}

// bandTable is one LSH band: every document has exactly one entry, so
// the entry number is the document number and needs no storage, and the
// key lives in the slot only.
type bandTable struct {
	slotTable
	next chunk32 // older document with the same key, +1; 0 ends the chain
}

// add appends document doc (== the number of documents so far);
// linked=false stores a placeholder for a document without a sketch,
// which no lookup reaches.
func (b *bandTable) add(doc, key uint32, linked bool) {
	old := uint32(0)
	if linked {
		old = b.setHead(key, doc)
	}
	b.next.append(old)
}

// postings is a key → documents multimap (the sentence index). A key
// stops taking documents once it has maxPostings: such a sentence is
// boilerplate or a quote every outlet carries, which says nothing about
// copying, and capping it keeps the cost per document flat. Its slot then
// points at saturatedEntry, so that a lookup dismisses it without reading
// an entry. Each entry packs its document and the next entry of the chain
// in one word: walking a chain costs one cache miss per entry, not two.
type postings struct {
	slotTable
	entries chunk64 // doc<<32 | older entry+1 (0 ends the chain)
	depth   chunk8  // length of the chain from each entry on
}

const (
	maxPostings = 32
	// saturatedEntry is the head of a key that has maxPostings documents.
	saturatedEntry = 1<<32 - 2
)

// add records that doc holds key, unless key is already common.
func (p *postings) add(key, doc uint32) {
	n := 0
	if e := p.head(key); e == saturatedEntry {
		return
	} else if e >= 0 {
		n = int(p.depth.at(uint32(e)))
	}
	e := p.entries.n
	p.entries.append(uint64(doc)<<32 | uint64(p.setHead(key, e)))
	p.depth.append(uint8(n + 1))
	if n+1 >= maxPostings {
		p.setHead(key, saturatedEntry)
	}
}

// byteArena stores many short strings in large byte chunks, as arena16.
type byteArena struct{ chunks [][]byte }

// put copies s into the arena and returns its reference.
func (a *byteArena) put(s string) uint64 {
	n := len(a.chunks)
	if n == 0 || len(a.chunks[n-1])+len(s) > cap(a.chunks[n-1]) {
		a.chunks = append(a.chunks, make([]byte, 0, max(byteArenaChunk, len(s))))
		n++
	}
	c := a.chunks[n-1]
	ref := uint64(n-1)<<32 | uint64(len(c))
	a.chunks[n-1] = append(c, s...)
	return ref
}

// byteArenaChunk is the size of byteArena's chunks (256 KB).
const byteArenaChunk = 1 << 18

// get returns a copy of the n bytes stored at ref as a string.
func (a *byteArena) get(ref uint64, n int) string {
	c, off := a.chunks[ref>>32], int(uint32(ref))
	return string(c[off : off+n])
}
