package dedup

// MemoryStats breaks down the index's memory by structure, in bytes.
type MemoryStats struct {
	Docs, Bands, Sentences, Words, Signatures, IDs int64
}

// Memory returns an estimate of the index's memory by structure
// (allocated capacity, not counting Go map overheads exactly).
func (ix *Index) Memory() MemoryStats {
	var m MemoryStats
	m.Docs = int64(cap(ix.docs))*40 + int64(cap(ix.seen))*4 + int64(len(ix.exact))*24
	for b := range ix.bands {
		m.Bands += int64(len(ix.bands[b].slots))*8 + int64(len(ix.bands[b].next.chunks))<<entryChunkBits*4
	}
	p := &ix.sentences
	m.Sentences = int64(len(p.slots))*8 + int64(len(p.docs.chunks)+len(p.next.chunks))<<entryChunkBits*4 + int64(len(p.depth.chunks))<<entryChunkBits
	for _, c := range ix.words.chunks {
		m.Words += int64(cap(c)) * 2
	}
	for _, c := range ix.ends.chunks {
		m.Words += int64(cap(c)) * 2
	}
	m.Signatures = int64(len(ix.bsig.chunks)) * bsigChunkDocs * sketchBins
	for _, id := range ix.ids {
		m.IDs += 16 + int64(len(id))
	}
	return m
}
