package dedup

import (
	"cmp"
	"slices"
)

// Limits that keep the cost and memory per document flat whatever its
// length: words past maxStoredWords still count for exact identity but are
// neither shingled nor stored.
const (
	maxStoredWords = 1 << 14
	// minIndexedSentenceWords is the number of content words a sentence
	// needs to go into the sentence index: shorter ones ("Photo", "Read
	// more") are furniture shared by unrelated texts.
	minIndexedSentenceWords = 5
)

// features is what the index keeps and compares of one text.
type features struct {
	full     uint64   // hash of all normalised words: exact identity
	words    []uint16 // content word ids in text order
	sentEnds []uint16 // end (exclusive) in words of each sentence with content words
	// shingles are the pairs of adjacent content words, in text order
	// until sortShingles makes them a sorted distinct set; only texts that
	// meet a candidate pay for the sort.
	shingles []uint32
	sorted   bool
}

// sortShingles turns f.shingles into a sorted distinct set.
func (f *features) sortShingles() {
	if !f.sorted {
		slices.Sort(f.shingles)
		f.shingles = slices.Compact(f.shingles)
		f.sorted = true
	}
}

// analyzer turns texts into features, reusing its buffers between calls.
type analyzer struct {
	f  features
	sc wordScanner
}

// analyze fills a.f from text. The slices are reused by the next call.
func (a *analyzer) analyze(text string) *features {
	f := &a.f
	f.full = fnvOffset
	f.words = f.words[:0]
	f.sentEnds = f.sentEnds[:0]
	a.sc.scan(text, f, nil)
	f.endSentence()
	f.shingles = appendShingles(f.words, f.shingles[:0])
	f.sorted = false
	return f
}

// endSentence closes the current sentence if it has content words.
func (f *features) endSentence() {
	if n := len(f.words); n > 0 && (len(f.sentEnds) == 0 || n > int(f.sentEnds[len(f.sentEnds)-1])) {
		f.sentEnds = append(f.sentEnds, uint16(n))
	}
}

// appendShingles appends the shingles of words in text order. A shingle
// is a pair of adjacent content words: a 5% word edit rate leaves about
// 90% of them intact (against 77% of word 5-grams), while pairs of content
// words are specific enough that unrelated texts share few. A one-word
// text is its own shingle.
func appendShingles(words []uint16, dst []uint32) []uint32 {
	switch len(words) {
	case 0:
		return dst
	case 1:
		return append(dst, uint32(words[0]))
	}
	for i := 1; i < len(words); i++ {
		dst = append(dst, uint32(words[i-1])<<16|uint32(words[i]))
	}
	return dst
}

// sentenceHash identifies a sentence by its content words.
func sentenceHash(words []uint16) uint32 {
	h := uint64(fnvOffset)
	for _, w := range words {
		h = (h ^ uint64(w)) * fnvPrime
	}
	return uint32(mix64(h) >> 32)
}

// intersectSorted returns |a ∩ b| for two sorted sets of distinct values
// (shingle hashes, or a sentence's word ids).
func intersectSorted[T cmp.Ordered](a, b []T) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// similarity returns the Jaccard index and the containment (share of the
// smaller set found in the larger) of two sorted distinct shingle sets.
func similarity(a, b []uint32) (jaccard, containment float64) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	inter := intersectSorted(a, b)
	union := len(a) + len(b) - inter
	return float64(inter) / float64(union), float64(inter) / float64(min(len(a), len(b)))
}

// Shingles returns the sorted distinct shingles the index compares for a
// text (pairs of adjacent content words, as 32-bit values), so that
// baselines and tools can work on exactly the same sets.
func Shingles(text string) []uint32 {
	var an analyzer
	f := an.analyze(text)
	f.sortShingles()
	return slices.Clone(f.shingles)
}
