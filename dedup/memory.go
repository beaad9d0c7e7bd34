package dedup

import "unsafe"

// MemoryBytes estimates the heap the index holds (capacities of its
// arrays and tables, ids included), without walking the garbage
// collector: callers use it to set a soft memory limit just above what
// the index needs (see runtime/debug.SetMemoryLimit), which keeps the
// collector from letting garbage double the process's footprint when the
// index is large.
func (ix *Index) MemoryBytes() int64 {
	n := int64(cap(ix.docs))*int64(unsafe.Sizeof(docRecord{})) +
		int64(cap(ix.seen))*4
	for _, c := range ix.ids.chunks {
		n += int64(cap(c))
	}
	for _, c := range ix.bsig.chunks {
		n += int64(cap(c))
	}
	for _, a := range []*arena16{&ix.words, &ix.ends} {
		for _, c := range a.chunks {
			n += 2 * int64(cap(c))
		}
	}
	n += int64(len(ix.exact)) * 24 // map entry with its share of buckets
	for b := range ix.bands {
		n += ix.bands[b].slotTable.bytes() + ix.bands[b].next.bytes()
	}
	s := &ix.sentences
	n += s.slotTable.bytes() + s.entries.bytes() + int64(len(s.depth.chunks))<<entryChunkBits
	return n
}

func (t *slotTable) bytes() int64 { return 8 * int64(cap(t.slots)) }

func (c *chunked[T]) bytes() int64 {
	var zero T
	return int64(unsafe.Sizeof(zero)) * int64(len(c.chunks)) << entryChunkBits
}
