package dedup

import (
	"cmp"
	"math/bits"
	"slices"
)

// Sentence alignment finds which sentences of one text another carries,
// verbatim (same content words) or reworded (content-word Jaccard at least
// fuzzySentenceSimilarity). It decides shares-wire-text and gives the
// diffs of copy groups.
const (
	fuzzySentenceSimilarity = 0.6
	// minFuzzyWords is the number of content words a sentence needs to be
	// matched fuzzily: short sentences reach 0.6 by sharing two names.
	minFuzzyWords = 5
	// maxAlignedSentences bounds the quadratic alignment per text.
	maxAlignedSentences = 400
	// Shares-wire-text needs at least minWireSentences substantive
	// sentences in common, and at least minWireShare of the substantive
	// sentences of the text that has fewer. Articles of one story share
	// names and quoted phrases, rarely whole sentences; two sentences and a
	// fifth of a text are a copied passage, not a coincidence.
	minWireSentences = 2
	minWireShare     = 0.2
)

// sentenceView is a sentence reduced to what alignment compares.
type sentenceView struct {
	hash  uint32   // of the content words in order
	set   []uint16 // sorted distinct content word ids
	words int      // content words
	// mask has bit w%128 set for each word w of set. Bits of two sets'
	// union number at most the union's size, so |a|+|b|-bits(a|b)
	// bounds their intersection from above: most sentence pairs fail a
	// similarity test on this bound without merging their sets.
	mask [2]uint64
}

// maxIntersection is an upper bound of |a.set ∩ b.set|.
func maxIntersection(a, b *sentenceView) int {
	union := bits.OnesCount64(a.mask[0]|b.mask[0]) + bits.OnesCount64(a.mask[1]|b.mask[1])
	return len(a.set) + len(b.set) - union
}

// substantive reports whether the sentence is long enough to count as
// evidence of copying.
func (s sentenceView) substantive() bool { return s.words >= minIndexedSentenceWords }

// sentenceViews splits a content-word sequence at ends into views,
// appending to dst; the sets are carved from one buffer.
func sentenceViews(words, ends []uint16, dst []sentenceView) []sentenceView {
	dst, _ = sentenceViewsBuf(words, ends, dst, nil)
	return dst
}

// sentenceViewsBuf is sentenceViews carving the sets from buf (grown as
// needed and returned), so that a caller can reuse it.
func sentenceViewsBuf(words, ends []uint16, dst []sentenceView, buf []uint16) ([]sentenceView, []uint16) {
	if cap(buf) < len(words) {
		buf = make([]uint16, len(words), max(len(words), 2*cap(buf)))
	}
	buf = buf[:len(words)]
	copy(buf, words)
	start := 0
	for _, e := range ends {
		end := int(e)
		if end > len(words) {
			end = len(words)
		}
		if end <= start {
			continue
		}
		if len(dst) >= maxAlignedSentences {
			break
		}
		set := buf[start:end]
		hash := sentenceHash(words[start:end])
		slices.Sort(set)
		v := sentenceView{hash: hash, set: slices.Compact(set), words: end - start}
		for _, w := range v.set {
			v.mask[w>>6&1] |= 1 << (w & 63)
		}
		dst = append(dst, v)
		start = end
	}
	return dst, buf
}

// match pairs sentence I of the first text with sentence J of the second.
type match struct {
	I, J       int
	Similarity float64 // 1 for the same content words
}

// alignSentences matches sentences one to one, best pairs first (ties by
// position, so the result is deterministic).
func alignSentences(a, b []sentenceView) []match {
	var cands []match
	for i, sa := range a {
		for j, sb := range b {
			if sa.hash == sb.hash && slices.Equal(sa.set, sb.set) {
				cands = append(cands, match{i, j, 1})
				continue
			}
			if len(sa.set) < minFuzzyWords || len(sb.set) < minFuzzyWords {
				continue
			}
			lo, hi := min(len(sa.set), len(sb.set)), max(len(sa.set), len(sb.set))
			if float64(lo) < fuzzySentenceSimilarity*float64(hi) {
				continue // the Jaccard index cannot reach the threshold
			}
			// Jaccard >= t needs inter >= t*(|a|+|b|)/(1+t); the margin
			// keeps float rounding from dismissing a pair at exactly t.
			need := fuzzySentenceSimilarity*float64(len(sa.set)+len(sb.set))/(1+fuzzySentenceSimilarity) - 1e-9
			if float64(maxIntersection(&a[i], &b[j])) < need {
				continue
			}
			inter := intersectSorted(sa.set, sb.set)
			if sim := float64(inter) / float64(len(sa.set)+len(sb.set)-inter); sim >= fuzzySentenceSimilarity {
				cands = append(cands, match{i, j, sim})
			}
		}
	}
	slices.SortFunc(cands, func(x, y match) int {
		if c := cmp.Compare(y.Similarity, x.Similarity); c != 0 {
			return c
		}
		if c := cmp.Compare(x.I, y.I); c != 0 {
			return c
		}
		return cmp.Compare(x.J, y.J)
	})
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	out := cands[:0]
	for _, m := range cands {
		if usedA[m.I] || usedB[m.J] {
			continue
		}
		usedA[m.I], usedB[m.J] = true, true
		out = append(out, m)
	}
	slices.SortFunc(out, func(x, y match) int { return cmp.Compare(x.I, y.I) })
	return out
}

// wireEvidence summarises an alignment of a (the newer or member text)
// against b.
type wireEvidence struct {
	Matched     int     // substantive sentences matched
	Overlap     float64 // share of a's sentences matched (all sizes)
	Coverage    float64 // least share of either text's substantive sentences covered by the other
	SharesWire  bool
	ShorterSubs int // substantive sentences of the text with fewer of them
}

// judgeWire aligns a against b and applies the shares-wire-text rule.
func judgeWire(a, b []sentenceView) (wireEvidence, []match) {
	ms := alignSentences(a, b)
	var ev wireEvidence
	for _, m := range ms {
		if a[m.I].substantive() && b[m.J].substantive() {
			ev.Matched++
		}
	}
	if len(a) > 0 {
		ev.Overlap = float64(len(ms)) / float64(len(a))
	}
	subsA, subsB := 0, 0
	for _, s := range a {
		if s.substantive() {
			subsA++
		}
	}
	for _, s := range b {
		if s.substantive() {
			subsB++
		}
	}
	ev.ShorterSubs = min(subsA, subsB)
	ev.Coverage = min(coveredShare(a, b, ms, true), coveredShare(b, a, ms, false))
	ev.SharesWire = ev.Matched >= minWireSentences && ev.ShorterSubs > 0 &&
		float64(ev.Matched) >= minWireShare*float64(ev.ShorterSubs)
	return ev, ms
}

// coveredShare is the share of x's substantive sentences that y covers:
// aligned to one of y's, or with at least minCoveredContainment of their
// content words inside one of y's sentences, which catches a sentence
// that the other copy merged with its neighbour or split (an edit at a
// sentence start can move a boundary). xIsFirst says which side of ms x is.
func coveredShare(x, y []sentenceView, ms []match, xIsFirst bool) float64 {
	aligned := make([]bool, len(x))
	for _, m := range ms {
		if xIsFirst {
			aligned[m.I] = true
		} else {
			aligned[m.J] = true
		}
	}
	subs, covered := 0, 0
	for i, s := range x {
		if !s.substantive() {
			continue
		}
		subs++
		if aligned[i] {
			covered++
			continue
		}
		need := minCoveredContainment * float64(len(s.set))
		for k := range y {
			t := &y[k]
			if len(t.set) >= len(s.set) && float64(maxIntersection(&x[i], t)) >= need &&
				float64(intersectSorted(s.set, t.set)) >= need {
				covered++
				break
			}
		}
	}
	if subs == 0 {
		return 0
	}
	return float64(covered) / float64(subs)
}

// minCoveredContainment is the share of a sentence's content words that
// must sit in one sentence of the other text for it to count as covered.
const minCoveredContainment = 0.8
