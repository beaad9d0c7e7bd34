package dedup

import (
	"cmp"
	"slices"

	"github.com/storyline-news/storyline"
)

// Near-duplicate rule. On content-word-pair shingles a copy with 3-7% of
// its words edited keeps most of its shingles, so with a paragraph trimmed
// or added its Jaccard index stays near or above 0.5, while articles that
// merely share a passage sit far below. A text mostly contained in a larger
// one of comparable size (a trimmed copy) also counts. Heavier word edits
// break many shingles but few sentences, so a pair whose sentences align
// almost all (each text covers at least 70% of the other's substantive
// sentences, verbatim or reworded) is a near-duplicate from a
// lower Jaccard on; syndicated rewrites that trim, add and rephrase more
// fall short of that and are shares-wire-text.
const (
	nearJaccard          = 0.5
	nearContainment      = 0.8
	nearContainedJaccard = 0.35
	nearCoverage         = 0.7
	nearAlignedJaccard   = 0.25
	// Candidates whose b-bit Jaccard estimate (±0.05) falls below these
	// are dismissed without exact verification.
	prefilterJaccard     = 0.25
	prefilterContainment = 0.55
	// maxBandChain bounds how many documents of one LSH bucket a query
	// looks at: buckets that large hold boilerplate-only texts.
	maxBandChain = 64
)

// Pair is a verified copy relation between two articles. Jaccard and
// Containment are exact over the shingle sets. Overlap is the share of
// B's sentences aligned (verbatim or reworded) in A; for pairs decided on
// shingles alone (Jaccard >= 0.5) it is the share found verbatim, a lower
// bound, as the alignment is skipped there (Groups aligns fully).
type Pair struct {
	A, B        string // A was indexed before B
	Relation    storyline.Relation
	Jaccard     float64
	Containment float64
	Overlap     float64
}

// docRecord is what the index keeps of one text besides its id's bytes,
// its b-bit signature and its LSH and sentence entries. For a ~3.5 KB news
// text the index holds about 1.65 KB in all (measured at a million
// texts): ~600 B of content word ids, ~300 B of band entries, ~330 B of
// sentence postings, 128 B of signature.
type docRecord struct {
	full      uint64 // exact identity
	words     uint64 // arena reference of the content word ids
	ends      uint64 // arena reference of the sentence ends
	nWords    uint32
	nEnds     uint32
	nDistinct uint32 // distinct shingles
	idLen     uint32
	id        uint64 // arena reference of the id
}

// textShingles is the number of shingles, repeats counted, of a text of
// n content words (see appendShingles).
func textShingles(n uint32) int {
	if n <= 1 {
		return int(n)
	}
	return int(n - 1)
}

// Index finds, for each new text, the earlier texts it copies, in
// sub-linear time. It is not safe for concurrent use; AddBatch and
// InsertBatch use all CPUs for the per-text analysis internally and give
// exactly the results of Add and Insert called in order.
type Index struct {
	// The ids live in a byte arena rather than as one string each: a
	// string per document is an object the garbage collector marks on
	// every cycle, which at hundreds of thousands of documents costs more
	// than copying the id of each pair out of the arena.
	ids       byteArena
	docs      []docRecord
	bsig      bsigStore
	exact     map[uint64]uint32
	bands     [numBands]bandTable
	sentences postings
	words     arena16
	ends      arena16

	// Per-query scratch, reused so that Add allocates little.
	one        prepared   // the text Add and Insert analyse
	ring       []prepared // AddBatch's ring of analysed texts
	seen       []uint32   // stamp of the query that last saw each document (see search)
	query      uint32     // even: the stamp of the last query
	cands      []uint32
	bandHits   []uint32 // documents met in the query's band chains
	sentHeads  []int64  // sentenceHits' chain walk
	sentHits   []uint32 // documents hit through the sentence index, sorted
	sentDocs   []uint32 // distinct documents of sentHits ...
	sentCounts []int    // ... and the number of sentences each shares
	candViews  []sentenceView
	candBuf    []uint16
	seenSet    shingleTable
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{exact: make(map[uint64]uint32)}
}

// Len returns the number of indexed texts.
func (ix *Index) Len() int { return len(ix.docs) }

// id returns the id of document doc.
func (ix *Index) id(doc uint32) string {
	return ix.ids.get(ix.docs[doc].id, int(ix.docs[doc].idLen))
}

// Add verifies the text against the indexed ones, returns the copy pairs
// it forms with them (best first), and indexes it.
func (ix *Index) Add(id, text string) []Pair {
	ix.one.prepare(text)
	pairs := ix.search(id, &ix.one)
	ix.insert(id, &ix.one)
	return pairs
}

// Insert indexes the text without searching: for rebuilding the index
// from stored articles.
func (ix *Index) Insert(id, text string) {
	ix.one.prepare(text)
	ix.insert(id, &ix.one)
}

func (ix *Index) insert(id string, p *prepared) {
	f := &p.f
	doc := uint32(len(ix.docs))
	ix.docs = append(ix.docs, docRecord{
		id:        ix.ids.put(id),
		idLen:     uint32(len(id)),
		full:      f.full,
		words:     ix.words.put(f.words),
		ends:      ix.ends.put(f.sentEnds),
		nWords:    uint32(len(f.words)),
		nEnds:     uint32(len(f.sentEnds)),
		nDistinct: uint32(p.nDistinct),
	})
	ix.bsig.put(&p.bb)
	if _, ok := ix.exact[f.full]; !ok {
		ix.exact[f.full] = doc
	}
	for b := range ix.bands {
		ix.bands[b].add(doc, p.keys[b], p.sketched)
	}
	for _, h := range p.hashes {
		ix.sentences.add(h, doc)
	}
	ix.seen = append(ix.seen, 0)
}

// search finds and verifies the copies of p among the indexed texts.
func (ix *Index) search(id string, p *prepared) []Pair {
	if len(ix.docs) == 0 {
		return nil
	}
	f := &p.f
	// A document looked at through the bands gets stamp q when dismissed
	// and q+1 when it became a candidate: one dismissed on its signature
	// must still be able to join through the sentence index.
	ix.query += 2
	q := ix.query
	ix.cands = ix.cands[:0]
	var pairs []Pair
	if d, ok := ix.exact[f.full]; ok {
		ix.seen[d] = q + 1
		pairs = append(pairs, Pair{A: ix.id(d), B: id, Relation: storyline.Exact, Jaccard: 1, Containment: 1, Overlap: 1})
	}
	if p.sketched {
		ix.bandCandidates(p, q)
	}
	ix.sentenceHits(p)
	slices.Sort(ix.sentHits)
	ix.sentDocs, ix.sentCounts = ix.sentDocs[:0], ix.sentCounts[:0]
	for k := 0; k < len(ix.sentHits); {
		doc, n := ix.sentHits[k], 1
		for k+n < len(ix.sentHits) && ix.sentHits[k+n] == doc {
			n++
		}
		k += n
		ix.sentDocs = append(ix.sentDocs, doc)
		ix.sentCounts = append(ix.sentCounts, n)
		if n >= minWireSentences && ix.seen[doc] != q+1 {
			ix.seen[doc] = q + 1
			ix.cands = append(ix.cands, doc)
		}
	}
	slices.Sort(ix.cands)
	for k, doc := range ix.cands {
		if pair, ok := ix.verify(id, p, doc, uint32(k+1)); ok {
			pair.A = ix.id(doc)
			pairs = append(pairs, pair)
		}
	}
	sortPairs(pairs)
	return pairs
}

// bandCandidates adds to ix.cands the documents that share a band key
// with p and pass the signature prefilter. The lookups run band by band
// in lockstep (every band's first slot, then every head, then every
// chain's next entry) rather than one band after another, so that the
// cache misses of the 21 independent lookups overlap; the order in which
// documents are met does not change the candidate set.
func (ix *Index) bandCandidates(p *prepared, q uint32) {
	var first [numBands]uint64
	var heads [numBands]int64
	for b := range ix.bands {
		first[b] = ix.bands[b].firstSlot(p.keys[b])
	}
	for b := range ix.bands {
		heads[b] = ix.bands[b].headFrom(p.keys[b], first[b])
	}
	hits := ix.bandHits[:0]
	for range maxBandChain {
		active := false
		for b, e := range heads {
			if e < 0 {
				continue
			}
			active = true
			hits = append(hits, uint32(e))
			heads[b] = int64(ix.bands[b].next.at(uint32(e))) - 1
		}
		if !active {
			break
		}
	}
	ix.bandHits = hits
	for _, doc := range hits {
		if ix.seen[doc]&^1 == q {
			continue
		}
		ix.seen[doc] = q
		if ix.promising(doc, &p.bb, p.nShingles) {
			ix.seen[doc] = q + 1
			ix.cands = append(ix.cands, doc)
		}
	}
}

// sentenceHits fills ix.sentHits with the documents of every sentence
// hash of p, one entry per shared sentence. Like bandCandidates it walks
// all the chains in lockstep, so that their cache misses overlap.
func (ix *Index) sentenceHits(p *prepared) {
	s := &ix.sentences
	heads := ix.sentHeads[:0]
	for _, h := range p.hashes {
		heads = append(heads, int64(s.firstSlot(h)))
	}
	live := heads[:0]
	for k, h := range p.hashes {
		if e := s.headFrom(h, uint64(heads[k])); e >= 0 && e != saturatedEntry {
			live = append(live, e)
		}
	}
	hits := ix.sentHits[:0]
	for len(live) > 0 {
		n := 0
		for _, e := range live {
			v := s.entries.at(uint32(e))
			hits = append(hits, uint32(v>>32))
			if next := int64(uint32(v)) - 1; next >= 0 {
				live[n] = next
				n++
			}
		}
		live = live[:n]
	}
	ix.sentHeads, ix.sentHits = heads, hits
}

// promising reports whether the b-bit signature estimate leaves doc a
// chance of being a copy.
func (ix *Index) promising(doc uint32, bb *[sketchBins]byte, nShingles int) bool {
	j := estimateJaccard(bb[:], ix.bsig.get(doc))
	if j >= prefilterJaccard {
		return true
	}
	other := textShingles(ix.docs[doc].nWords)
	smaller := min(other, nShingles)
	if smaller == 0 {
		return false
	}
	inter := j * float64(other+nShingles) / (1 + j)
	return inter/float64(smaller) >= prefilterContainment
}

// verify compares q with indexed document doc exactly; stamp numbers the
// candidate within the query (from 1). The pair it returns has no A yet:
// the caller names the document only when it is kept.
func (ix *Index) verify(id string, q *prepared, doc, stamp uint32) (Pair, bool) {
	f := &q.f
	rec := ix.docs[doc]
	p := Pair{B: id}
	if rec.full == f.full {
		p.Relation, p.Jaccard, p.Containment, p.Overlap = storyline.Exact, 1, 1, 1
		return p, true
	}
	words := ix.words.get(rec.words, int(rec.nWords))
	p.Jaccard, p.Containment = similarityTo(q, words, int(rec.nDistinct), stamp)
	ends := ix.ends.get(rec.ends, int(rec.nEnds))
	shared := 0
	if k, ok := slices.BinarySearch(ix.sentDocs, doc); ok {
		shared = ix.sentCounts[k]
	}
	if p.Jaccard >= nearJaccard {
		// Decided on shingles alone: skip the alignment, and give as
		// Overlap the share of B's sentences that A has verbatim (a lower
		// bound of the aligned share that Groups reports).
		p.Relation = storyline.NearDuplicate
		p.Overlap = ix.verbatimShare(q.viewHashes, ends, words)
		return p, true
	}
	if p.Jaccard < nearAlignedJaccard && shared < minWireSentences {
		// Neither rule can hold: too few shingles for a near-duplicate,
		// and a shared wire text leaves sentences verbatim.
		return p, false
	}
	ix.candViews, ix.candBuf = sentenceViewsBuf(words, ends, ix.candViews[:0], ix.candBuf)
	ev, _ := judgeWire(q.queryViews(), ix.candViews)
	p.Overlap = ev.Overlap
	switch {
	case isNearDuplicate(p.Jaccard, p.Containment, ev.Coverage):
		p.Relation = storyline.NearDuplicate
	case ev.SharesWire:
		p.Relation = storyline.SharesWire
	default:
		return p, false
	}
	return p, true
}

// verbatimShare is the share of the query's sentences whose hash is among
// the candidate's sentence hashes.
func (ix *Index) verbatimShare(viewHashes []uint32, ends, words []uint16) float64 {
	if len(viewHashes) == 0 {
		return 0
	}
	ix.seenSet.reset(len(ends))
	start := 0
	for _, e := range ends {
		if int(e) > start && int(e) <= len(words) {
			ix.seenSet.add(sentenceHash(words[start:e]))
		}
		start = int(e)
	}
	n := 0
	for _, h := range viewHashes {
		if ix.seenSet.has(h) {
			n++
		}
	}
	return float64(n) / float64(len(viewHashes))
}

// isNearDuplicate applies the near-duplicate rule to shingle similarity.
func isNearDuplicate(jaccard, containment, coverage float64) bool {
	return jaccard >= nearJaccard ||
		containment >= nearContainment && jaccard >= nearContainedJaccard ||
		coverage >= nearCoverage && jaccard >= nearAlignedJaccard
}

// relationRank orders relations from the closest copy to the loosest.
func relationRank(r storyline.Relation) int {
	switch r {
	case storyline.Exact:
		return 0
	case storyline.NearDuplicate:
		return 1
	default:
		return 2
	}
}

// sortPairs puts the best pairs first: closest relation, then highest
// Jaccard, containment and overlap, then id for determinism.
func sortPairs(pairs []Pair) {
	slices.SortFunc(pairs, func(x, y Pair) int {
		if c := cmp.Compare(relationRank(x.Relation), relationRank(y.Relation)); c != 0 {
			return c
		}
		if c := cmp.Compare(y.Jaccard, x.Jaccard); c != 0 {
			return c
		}
		if c := cmp.Compare(y.Containment, x.Containment); c != 0 {
			return c
		}
		if c := cmp.Compare(y.Overlap, x.Overlap); c != 0 {
			return c
		}
		return cmp.Compare(x.A, y.A)
	})
}

// arena16 stores many small uint16 slices in large chunks: one allocation
// per megabyte instead of one per document, and no pointers for the
// garbage collector to scan.
type arena16 struct{ chunks [][]uint16 }

const arenaChunk = 1 << 18

// put copies s into the arena and returns its reference.
func (a *arena16) put(s []uint16) uint64 {
	n := len(a.chunks)
	if n == 0 || len(a.chunks[n-1])+len(s) > cap(a.chunks[n-1]) {
		a.chunks = append(a.chunks, make([]uint16, 0, max(arenaChunk, len(s))))
		n++
	}
	c := a.chunks[n-1]
	ref := uint64(n-1)<<32 | uint64(len(c))
	a.chunks[n-1] = append(c, s...)
	return ref
}

// get returns the n values stored at ref.
func (a *arena16) get(ref uint64, n int) []uint16 {
	c, off := a.chunks[ref>>32], int(uint32(ref))
	return c[off : off+n : off+n]
}

// similarityTo computes the exact Jaccard index and containment of the
// query's shingle set (q.set) and the shingles of words, of which there
// are distinct distinct ones, in one pass over words: each shingle of
// words found in q.set is marked with stamp, so that a repeat is counted
// once. O(n) per candidate, without sorting or a second table.
func similarityTo(q *prepared, words []uint16, distinct int, stamp uint32) (jaccard, containment float64) {
	inter := 0
	count := func(x uint32) {
		if q.set.mark(x, stamp) {
			inter++
		}
	}
	switch len(words) {
	case 0:
	case 1:
		count(uint32(words[0]))
	default:
		for i := 1; i < len(words); i++ {
			count(uint32(words[i-1])<<16 | uint32(words[i]))
		}
	}
	if distinct == 0 || q.nDistinct == 0 {
		return 0, 0
	}
	return float64(inter) / float64(q.nDistinct+distinct-inter), float64(inter) / float64(min(q.nDistinct, distinct))
}

// shingleTable is a reusable open-addressed set of shingles. A slot holds
// shingle | 1<<32 | stamp<<33: mark uses the stamp to count each shingle
// once per candidate.
type shingleTable struct {
	slots []uint64
	mask  uint32
}

const (
	slotUsed  = 1 << 32
	slotStamp = 33
)

// reset empties the table and sizes it for n shingles.
func (t *shingleTable) reset(n int) {
	size := 64
	for size < 2*n {
		size <<= 1
	}
	if cap(t.slots) >= size {
		t.slots = t.slots[:size]
		clear(t.slots)
	} else {
		t.slots = make([]uint64, size)
	}
	t.mask = uint32(size - 1)
}

// add inserts x and reports whether it was new.
func (t *shingleTable) add(x uint32) bool {
	v := uint64(x) | slotUsed
	for p := (x * 0x9e3779b1) & t.mask; ; p = (p + 1) & t.mask {
		s := t.slots[p]
		if s == 0 {
			t.slots[p] = v
			return true
		}
		if uint32(s) == x {
			return false
		}
	}
}

func (t *shingleTable) has(x uint32) bool {
	for p := (x * 0x9e3779b1) & t.mask; ; p = (p + 1) & t.mask {
		s := t.slots[p]
		if s == 0 {
			return false
		}
		if uint32(s) == x {
			return true
		}
	}
}

// mark reports whether x is in the set and was not yet marked with stamp
// (non-zero, below 2^31), and marks it.
func (t *shingleTable) mark(x, stamp uint32) bool {
	for p := (x * 0x9e3779b1) & t.mask; ; p = (p + 1) & t.mask {
		s := t.slots[p]
		if s == 0 {
			return false
		}
		if uint32(s) == x {
			if uint32(s>>slotStamp) == stamp {
				return false
			}
			t.slots[p] = uint64(x) | slotUsed | uint64(stamp)<<slotStamp
			return true
		}
	}
}
