package dedup

import "math/bits"

// The sketch is a one-permutation MinHash (Li, Owen & Zhang 2012): one
// hash per shingle, whose top bits pick one of sketchBins bins and whose
// low bits compete for the bin's minimum, so a signature costs one hash
// per shingle instead of one per shingle and hash function (ekzhu's
// 128-function MinHash costs 128). Empty bins of short texts are filled by
// optimal densification (Shrivastava 2017), which keeps the probability
// that two signatures agree in a bin equal to the Jaccard index.
//
// Candidates come from banding the signature (LSH): bandRows bins per
// band, numBands bands. With 3 rows and 21 bands a pair at Jaccard 0.5
// collides in some band with probability 1-(1-0.5^3)^21 = 0.94, at 0.6
// with 0.994 and at 0.7 with 0.9999. Near-duplicates the bands miss keep
// sentences verbatim and are found through the sentence index: on the
// generated corpus (storyline bench dedup, 50k docs) 21 bands lose 0.0002
// of closure recall against 42, and each band costs 12-20 bytes per
// document and a cache miss per query. Collisions of unrelated
// texts are cheap to dismiss with the b-bit signature kept per text (Li &
// König 2010: the low 8 bits of each bin's minimum), which estimates the
// Jaccard index to ±0.05 from 128 bytes before any exact verification.
const (
	sketchBins = 128
	binShift   = 64 - 7 // log2(sketchBins) top bits pick the bin
	bandRows   = 3
	numBands   = 21 // uses 63 of the 128 bins; all 128 feed the estimate
	sketchSeed = 0x9e3779b97f4a7c15
)

// sketch is a densified one-permutation MinHash signature.
type sketch [sketchBins]uint32

// signature computes the sketch of a shingle set (in any order, repeats
// allowed). ok is false when there are no shingles.
func signature(shingles []uint32, s *sketch) (ok bool) {
	var filled uint128
	for i := range s {
		s[i] = ^uint32(0)
	}
	for _, x := range shingles {
		v := mix64(uint64(x) ^ sketchSeed)
		bin := v >> binShift
		if val := uint32(v); val < s[bin] {
			s[bin] = val
		}
		filled.set(uint(bin))
	}
	if filled.count() == 0 {
		return false
	}
	if filled.count() == sketchBins {
		return true
	}
	for i := range s {
		if filled.has(uint(i)) {
			continue
		}
		for attempt := uint64(1); ; attempt++ {
			j := mix64(uint64(i)<<32|attempt) >> binShift
			if filled.has(uint(j)) {
				s[i] = s[j]
				break
			}
		}
	}
	return true
}

// bandKeys writes the LSH key of each band: a hash of its bandRows minima
// salted with the band number, so one band's keys never meet another's.
func (s *sketch) bandKeys(keys *[numBands]uint32) {
	for b := range keys {
		h := uint64(b+1) * sketchSeed
		for _, v := range s[b*bandRows : (b+1)*bandRows] {
			h = mix64(h ^ uint64(v))
		}
		keys[b] = uint32(h >> 32)
	}
}

// bbits writes the b-bit (8-bit) form of the signature kept per text.
func (s *sketch) bbits(dst []byte) {
	for i, v := range s {
		dst[i] = byte(v)
	}
}

// estimateJaccard estimates the Jaccard index from two 8-bit signatures:
// bins agree with probability J + (1-J)/256 (Li & König 2010).
func estimateJaccard(a, b []byte) float64 {
	equal := 0
	for i := 0; i+8 <= len(a); i += 8 {
		x := le64(a[i:]) ^ le64(b[i:])
		// Count zero bytes of x: set the high bit of each non-zero byte.
		y := (x & 0x7f7f7f7f7f7f7f7f) + 0x7f7f7f7f7f7f7f7f
		y = ^(y | x | 0x7f7f7f7f7f7f7f7f)
		equal += bits.OnesCount64(y)
	}
	p := float64(equal) / float64(len(a))
	const r = 1.0 / 256
	return max(0, (p-r)/(1-r))
}

func le64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// uint128 is a 128-bit set of bins.
type uint128 [2]uint64

func (u *uint128) set(i uint)      { u[i>>6] |= 1 << (i & 63) }
func (u *uint128) has(i uint) bool { return u[i>>6]&(1<<(i&63)) != 0 }
func (u *uint128) count() int      { return bits.OnesCount64(u[0]) + bits.OnesCount64(u[1]) }
