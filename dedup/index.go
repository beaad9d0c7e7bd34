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

// docRecord is what the index keeps of one text besides its id, its
// b-bit signature and its LSH and sentence entries (about 0.6 KB for a
// 3 KB text in all).
type docRecord struct {
	full      uint64 // exact identity
	words     uint64 // arena reference of the content word ids
	ends      uint64 // arena reference of the sentence ends
	nWords    uint32
	nEnds     uint32
	nShingles uint32
}

// Index finds, for each new text, the earlier texts it copies, in
// sub-linear time. It is not safe for concurrent use.
type Index struct {
	ids       []string
	docs      []docRecord
	bsig      []byte // sketchBins bytes per document
	exact     map[uint64]uint32
	bands     [numBands]bandTable
	sentences postings
	words     arena16
	ends      arena16

	// Per-query scratch, reused so that Add allocates little.
	an        analyzer
	seen      []uint32 // query number that last saw each document
	query     uint32
	cands     []uint32
	sentCount map[uint32]int
	hashes    []uint32
	views     []sentenceView
	candViews []sentenceView
	candSet   []uint32
	querySet  shingleTable
	seenSet   shingleTable
	nQuery    int // distinct shingles of the query
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{exact: make(map[uint64]uint32), sentCount: make(map[uint32]int)}
}

// Len returns the number of indexed texts.
func (ix *Index) Len() int { return len(ix.ids) }

// Add verifies the text against the indexed ones, returns the copy pairs
// it forms with them (best first), and indexes it.
func (ix *Index) Add(id, text string) []Pair {
	f := ix.an.analyze(text)
	var sk sketch
	sketched := signature(f.shingles, &sk)
	pairs := ix.search(id, f, &sk, sketched)
	ix.insert(id, f, &sk, sketched)
	return pairs
}

// Insert indexes the text without searching: for rebuilding the index
// from stored articles.
func (ix *Index) Insert(id, text string) {
	f := ix.an.analyze(text)
	var sk sketch
	sketched := signature(f.shingles, &sk)
	ix.insert(id, f, &sk, sketched)
}

func (ix *Index) insert(id string, f *features, sk *sketch, sketched bool) {
	doc := uint32(len(ix.ids))
	ix.ids = append(ix.ids, id)
	ix.docs = append(ix.docs, docRecord{
		full:      f.full,
		words:     ix.words.put(f.words),
		ends:      ix.ends.put(f.sentEnds),
		nWords:    uint32(len(f.words)),
		nEnds:     uint32(len(f.sentEnds)),
		nShingles: uint32(len(f.shingles)),
	})
	var bb [sketchBins]byte
	sk.bbits(bb[:])
	ix.bsig = append(ix.bsig, bb[:]...)
	if _, ok := ix.exact[f.full]; !ok {
		ix.exact[f.full] = doc
	}
	var keys [numBands]uint32
	if sketched {
		sk.bandKeys(&keys)
	}
	for b := range ix.bands {
		ix.bands[b].add(doc, keys[b], sketched)
	}
	for _, h := range ix.substantiveHashes(f) {
		ix.sentences.add(h, doc)
	}
	ix.seen = append(ix.seen, 0)
}

// substantiveHashes returns the distinct hashes of f's sentences long
// enough for the sentence index.
func (ix *Index) substantiveHashes(f *features) []uint32 {
	ix.hashes = ix.hashes[:0]
	start := 0
	for _, e := range f.sentEnds {
		if int(e)-start >= minIndexedSentenceWords {
			ix.hashes = append(ix.hashes, sentenceHash(f.words[start:e]))
		}
		start = int(e)
	}
	slices.Sort(ix.hashes)
	ix.hashes = slices.Compact(ix.hashes)
	return ix.hashes
}

// search finds and verifies the copies of f among the indexed texts.
func (ix *Index) search(id string, f *features, sk *sketch, sketched bool) []Pair {
	if len(ix.ids) == 0 {
		return nil
	}
	ix.query++
	q := ix.query
	ix.cands = ix.cands[:0]
	var pairs []Pair
	if d, ok := ix.exact[f.full]; ok {
		ix.seen[d] = q
		pairs = append(pairs, Pair{A: ix.ids[d], B: id, Relation: storyline.Exact, Jaccard: 1, Containment: 1, Overlap: 1})
	}
	if sketched {
		var keys [numBands]uint32
		sk.bandKeys(&keys)
		var bb [sketchBins]byte
		sk.bbits(bb[:])
		for b := range ix.bands {
			ix.bands[b].each(keys[b], maxBandChain, func(doc uint32) {
				if ix.seen[doc] == q {
					return
				}
				ix.seen[doc] = q
				if ix.promising(doc, bb[:], len(f.shingles)) {
					ix.cands = append(ix.cands, doc)
				}
			})
		}
	}
	clear(ix.sentCount)
	for _, h := range ix.substantiveHashes(f) {
		ix.sentences.each(h, func(doc uint32) { ix.sentCount[doc]++ })
	}
	for doc, n := range ix.sentCount {
		if n >= minWireSentences && ix.seen[doc] != q {
			ix.seen[doc] = q
			ix.cands = append(ix.cands, doc)
		}
	}
	if len(ix.cands) > 0 {
		slices.Sort(ix.cands) // map order must not leak into the result
		ix.querySet.reset(len(f.shingles))
		ix.nQuery = 0
		for _, x := range f.shingles {
			if ix.querySet.add(x) {
				ix.nQuery++
			}
		}
		ix.views = sentenceViews(f.words, f.sentEnds, ix.views[:0])
	}
	for _, doc := range ix.cands {
		if p, ok := ix.verify(id, f, doc); ok {
			pairs = append(pairs, p)
		}
	}
	sortPairs(pairs)
	return pairs
}

// promising reports whether the b-bit signature estimate leaves doc a
// chance of being a copy.
func (ix *Index) promising(doc uint32, bb []byte, nShingles int) bool {
	j := estimateJaccard(bb, ix.bsig[int(doc)*sketchBins:int(doc+1)*sketchBins])
	if j >= prefilterJaccard {
		return true
	}
	other := int(ix.docs[doc].nShingles)
	smaller := min(other, nShingles)
	if smaller == 0 {
		return false
	}
	inter := j * float64(other+nShingles) / (1 + j)
	return inter/float64(smaller) >= prefilterContainment
}

// verify compares f with indexed document doc exactly.
func (ix *Index) verify(id string, f *features, doc uint32) (Pair, bool) {
	rec := ix.docs[doc]
	p := Pair{A: ix.ids[doc], B: id}
	if rec.full == f.full {
		p.Relation, p.Jaccard, p.Containment, p.Overlap = storyline.Exact, 1, 1, 1
		return p, true
	}
	words := ix.words.get(rec.words, int(rec.nWords))
	p.Jaccard, p.Containment = ix.similarityTo(words)
	ends := ix.ends.get(rec.ends, int(rec.nEnds))
	shared := ix.sentCount[doc]
	if p.Jaccard >= nearJaccard {
		// Decided on shingles alone: skip the alignment, and give as
		// Overlap the share of B's sentences that A has verbatim (a lower
		// bound of the aligned share that Groups reports).
		p.Relation = storyline.NearDuplicate
		p.Overlap = ix.verbatimShare(ends, words)
		return p, true
	}
	if p.Jaccard < nearAlignedJaccard && shared < minWireSentences {
		// Neither rule can hold: too few shingles for a near-duplicate,
		// and a shared wire text leaves sentences verbatim.
		return p, false
	}
	ix.candViews = sentenceViews(words, ends, ix.candViews[:0])
	ev, _ := judgeWire(ix.views, ix.candViews)
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
func (ix *Index) verbatimShare(ends, words []uint16) float64 {
	if len(ix.views) == 0 {
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
	for _, v := range ix.views {
		if ix.seenSet.has(v.hash) {
			n++
		}
	}
	return float64(n) / float64(len(ix.views))
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

const arenaChunk = 1 << 20

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
// query's shingle set (in ix.querySet) and the shingles of words, with
// hash sets rather than sorting: O(n) per candidate.
func (ix *Index) similarityTo(words []uint16) (jaccard, containment float64) {
	ix.candSet = appendShingles(words, ix.candSet[:0])
	ix.seenSet.reset(len(ix.candSet))
	distinct, inter := 0, 0
	for _, x := range ix.candSet {
		if !ix.seenSet.add(x) {
			continue
		}
		distinct++
		if ix.querySet.has(x) {
			inter++
		}
	}
	if distinct == 0 || ix.nQuery == 0 {
		return 0, 0
	}
	return float64(inter) / float64(ix.nQuery+distinct-inter), float64(inter) / float64(min(ix.nQuery, distinct))
}

// shingleTable is a reusable open-addressed set of shingles.
type shingleTable struct {
	slots []uint64 // shingle | 1<<32 when used
	mask  uint32
}

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
	v := uint64(x) | 1<<32
	for p := (x * 0x9e3779b1) & t.mask; ; p = (p + 1) & t.mask {
		switch t.slots[p] {
		case v:
			return false
		case 0:
			t.slots[p] = v
			return true
		}
	}
}

func (t *shingleTable) has(x uint32) bool {
	v := uint64(x) | 1<<32
	for p := (x * 0x9e3779b1) & t.mask; ; p = (p + 1) & t.mask {
		switch t.slots[p] {
		case v:
			return true
		case 0:
			return false
		}
	}
}
