package dedup

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/textutil"
)

// Normalize is the identity normaliser: two texts are exact copies when
// their normalised forms are equal. It is textutil.Normalize (folded
// typography, lower case, collapsed space) reduced to its word tokens, so
// that copies differing only in punctuation or layout compare equal.
func Normalize(text string) string {
	return strings.Join(textutil.Words(textutil.Normalize(text)), " ")
}

// zeroWidthSpace is removed by textutil.Fold, so it joins the runs on
// either side of it into one word.
const zeroWidthSpace = '\u200b'

// isWordRune matches textutil's \w definition (letters, digits, nonspacing
// marks, underscore) with an ASCII fast path.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// FNV-1a constants, for hashes of word sequences (exact identity,
// sentences).
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix64 is the splitmix64 finaliser: it spreads FNV's weak low bits.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// forEachWordHash calls fn with the 64-bit hash of each word of
// Normalize(s), in order, without building the normalised string (see
// FuzzWordHashesMatchNormalize for the equivalence).
func forEachWordHash(s string, fn func(h uint64)) {
	var sc wordScanner
	var hashes []uint64
	sc.scan(s, nil, &hashes)
	for _, h := range hashes {
		fn(h)
	}
}

// wordScanner tokenises a text into words and sentences. It is the hot
// path of the index: it lowers each rune and hashes the UTF-8 bytes of the
// lowered word as it goes, eight bytes at a time for runs of ASCII
// letters, and fills a text's features directly, without a callback per
// word.
type wordScanner struct{}

// Word hashing: the lowered UTF-8 bytes of a word are packed little-endian
// into 64-bit blocks, each block folded into the state with one multiply,
// and the state finalised with mix64. Word bytes are never 0, so the last,
// partial block is unambiguous. One multiply per eight bytes instead of
// FNV's one per byte, and whole blocks of ASCII letters are lowered and
// tested with a few word-wide operations (SWAR).
const (
	wordHashSeed = 0x2545f4914f6cdd1d
	wordHashMul  = 0x9e3779b97f4a7c15
)

// wordHasher is the running state of one word's hash.
type wordHasher struct {
	h, acc uint64
	shift  uint // bits filled in acc
}

func (w *wordHasher) reset() { *w = wordHasher{h: wordHashSeed} }

func (w *wordHasher) push(b byte) {
	w.acc |= uint64(b) << w.shift
	w.shift += 8
	if w.shift == 64 {
		w.h = (w.h ^ w.acc) * wordHashMul
		w.acc, w.shift = 0, 0
	}
}

// sum finalises the hash: after the multiply, two xor-shifts and a second
// multiply spread every input bit over the high bits that word ids and
// the stopword table use (mix64's full finaliser costs a third more per
// word and is not needed after the block multiplies).
func (w *wordHasher) sum() uint64 {
	x := (w.h ^ w.acc) * wordHashMul
	x ^= x >> 29
	x *= 0xbf58476d1ce4e5b9
	return x ^ x>>32
}

// SWAR constants: bytes of 0x01 and 0x80.
const (
	swarOnes = 0x0101010101010101
	swarHigh = 0x8080808080808080
)

// asciiWordBlock classifies the eight ASCII bytes of x (no high bit set):
// it returns x with capitals lowered and the high bit of each byte that
// is a word byte ([A-Za-z0-9_]) set in word.
func asciiWordBlock(x uint64) (lowered, word uint64) {
	y := x | swarHigh // each byte >= 0x80, so subtracting <= 0x7f never borrows
	upper := (y - 'A'*swarOnes) &^ (y - ('Z'+1)*swarOnes)
	lower := (y - 'a'*swarOnes) &^ (y - ('z'+1)*swarOnes)
	digit := (y - '0'*swarOnes) &^ (y - ('9'+1)*swarOnes)
	under := ^((x ^ '_'*swarOnes) | swarHigh - swarOnes)
	upper &= swarHigh
	word = (upper | lower | digit | under) & swarHigh
	return x | upper>>2, word
}

// asciiRun hashes the run of ASCII word bytes starting at s[i] into w and
// returns the index past it and the number of bytes consumed.
func asciiRun(s string, i int, w *wordHasher) (int, int) {
	start := i
	for w.shift == 0 && i+8 <= len(s) {
		b := s[i : i+8]
		_ = b[7]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if x&swarHigh != 0 {
			break
		}
		lowered, word := asciiWordBlock(x)
		if word == swarHigh {
			w.h = (w.h ^ lowered) * wordHashMul
			i += 8
			continue
		}
		k := bits.TrailingZeros64(^word&swarHigh) / 8 // word bytes before the first other one
		w.acc = lowered & (1<<(8*k) - 1)
		w.shift = uint(8 * k)
		return i + k, i + k - start
	}
	for ; i < len(s); i++ {
		l := asciiWordByte[s[i]]
		if l == 0 {
			break
		}
		w.push(l)
	}
	return i, i - start
}

// scan tokenises s. With f, it fills f's exact-identity hash, content
// word ids and sentence ends (appending to them); with hashes, it appends
// the hash of each word. Its sentence segmentation is the index's own,
// cheaper than textutil.Sentences and only ever compared with itself: a
// line break ends a sentence, and so does a '.', '!' or '?' after a word
// of two or more characters, followed (past closing quotes and brackets)
// by space and a capital or a digit. textutil.Sentences, which knows
// abbreviations, segments the sentences that copy groups show.
func (sc *wordScanner) scan(s string, f *features, hashes *[]uint64) {
	withBounds := f != nil
	var w wordHasher
	w.reset()
	in := false
	wordLen := 0   // runes of the current or last word
	stop := false  // a terminator followed the last word
	space := false // ... and then white space
	pending := false
	boundary := func() {
		f.endSentence()
		pending = false
	}
	emit := func() {
		h := w.sum()
		w.reset()
		if hashes != nil {
			*hashes = append(*hashes, h)
		}
		if f != nil {
			f.full = (f.full ^ h) * fnvPrime
			if n := len(f.words); n < maxStoredWords {
				// Append, then keep the id unless it is a stopword's:
				// without a branch that stopwords would mispredict.
				keep := 1
				if isStopword(h) {
					keep = 0
				}
				f.words = append(f.words, wordID(h))[:n+keep]
			}
		}
	}
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		if c < utf8.RuneSelf {
			if asciiWordByte[c] != 0 {
				if !in {
					if withBounds && pending && stop && space && c <= 'Z' {
						boundary() // capital or digit after a terminator and space
					}
					stop, space, wordLen, in = false, false, 0, true
				}
				n := 0
				i, n = asciiRun(s, i, &w)
				wordLen += n
				continue
			}
			i++
			r = rune(c)
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
			if r == zeroWidthSpace {
				continue
			}
			if isWordRune(r) {
				if !in && withBounds && pending && stop && space && (unicode.IsUpper(r) || unicode.IsDigit(r)) {
					boundary()
				}
				if !in {
					stop, space, wordLen = false, false, 0
				}
				n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
				for _, b := range buf[:n] {
					w.push(b)
				}
				in = true
				wordLen++
				continue
			}
		}
		// r is not a word rune: end the word, track sentence boundaries.
		if in {
			emit()
			in = false
			pending = true
		}
		if !withBounds {
			continue
		}
		switch r {
		case '\n':
			if pending {
				boundary()
			}
			stop, space = false, false
		case '.', '!', '?':
			stop = wordLen >= 2 && !space
		case ' ', '\t', '\r':
			space = stop
		case '"', '\'', ')', ']', '(', '[', '\u201c', '\u201d', '\u2018', '\u2019':
			// quotes and brackets neither make nor break a boundary
		default:
			if unicode.IsSpace(r) {
				space = stop
			} else {
				stop, space = false, false
			}
		}
	}
	if in {
		emit()
	}
}

// asciiWordByte maps an ASCII word byte to its lower-case form and any
// other byte to 0.
var asciiWordByte = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	t['_'] = '_'
	return t
}()

// wordHash hashes one already-normalised word as the scanner does.
func wordHash(word string) uint64 {
	var w wordHasher
	w.reset()
	for i := 0; i < len(word); i++ {
		w.push(word[i])
	}
	return w.sum()
}

// stopwords are English function words. Shingles are built from the other
// (content) words only: pairs of function words ("of the", "said that")
// are shared by every news text and would make unrelated texts look alike,
// while edits to content words are what tell copies apart. Texts in other
// languages simply keep all their words.
var stopwords = strings.Fields(`a about above after again against all also am an and any are as at
be because been before being below between both but by can could did do does doing down during each
few for from further had has have having he her here hers herself him himself his how i if in into is
it its itself just me more most my myself nor of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself s t said says`)

// stopwordSet holds the hashes of the stopwords in a collision-free
// table of stopwordSlots, indexed by a multiplicative hash whose
// multiplier is searched for at start-up: a test is then one load and one
// compare, without a probe loop whose length would vary from word to word.
var stopwordSet, stopwordMul = func() ([]uint64, uint64) {
	hashes := make([]uint64, len(stopwords))
	for i, w := range stopwords {
		hashes[i] = wordHash(w)
	}
	table := make([]uint64, stopwordSlots)
	for mul := uint64(0x9e3779b97f4a7c15); ; mul += 2 {
		clear(table)
		ok := true
		for _, h := range hashes {
			p := &table[(h*mul)>>(64-stopwordSlotBits)]
			if *p != 0 && *p != h {
				ok = false
				break
			}
			*p = h
		}
		if ok {
			return table, mul
		}
	}
}()

const (
	stopwordSlotBits = 11
	stopwordSlots    = 1 << stopwordSlotBits
)

func isStopword(h uint64) bool {
	return stopwordSet[(h*stopwordMul)>>(64-stopwordSlotBits)] == h
}

// wordID is the 16-bit form of a content word kept in the index. Two
// distinct words share an id with probability 1/65536; a shingle (a pair
// of ids) is a 32-bit value, so distinct shingles collide with probability
// 2^-32, negligible for verification, and the index stays small.
func wordID(h uint64) uint16 { return uint16(h >> 48) }
