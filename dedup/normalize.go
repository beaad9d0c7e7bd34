package dedup

import (
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

// FNV-1a constants; words are hashed byte by byte as they are lowered.
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
// Normalize(s), in order, without building the normalised string: it
// lowers each rune and hashes its UTF-8 bytes as it goes. This is the hot
// path of the index (see FuzzWordHashesMatchNormalize for the equivalence).
func forEachWordHash(s string, fn func(h uint64)) { scanWords(s, fn, nil) }

// scanWords is forEachWordHash that also reports sentence boundaries to
// boundary (when not nil), before the first word of each new sentence. Its
// segmentation is the index's own, cheaper than textutil.Sentences and
// only ever compared with itself: a line break ends a sentence, and so
// does a '.', '!' or '?' after a word of two or more characters, followed
// (past closing quotes and brackets) by space and a capital or a digit.
// textutil.Sentences, which knows abbreviations, segments the sentences
// that copy groups show.
func scanWords(s string, fn func(h uint64), boundary func()) {
	h := uint64(fnvOffset)
	in := false
	wordLen := 0   // runes of the current or last word
	stop := false  // a terminator followed the last word
	space := false // ... and then white space
	pending := false
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		if c < utf8.RuneSelf {
			if l := asciiWordByte[c]; l != 0 {
				if !in {
					if boundary != nil && pending && stop && space && c <= 'Z' {
						boundary() // capital or digit after a terminator and space
						pending = false
					}
					stop, space, wordLen = false, false, 0
				}
				// Consume the run of ASCII word bytes in one tight loop.
				h = (h ^ uint64(l)) * fnvPrime
				wordLen++
				for i++; i < len(s); i++ {
					l = asciiWordByte[s[i]]
					if l == 0 {
						break
					}
					h = (h ^ uint64(l)) * fnvPrime
					wordLen++
				}
				in = true
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
				if !in && boundary != nil && pending && stop && space && (unicode.IsUpper(r) || unicode.IsDigit(r)) {
					boundary()
					pending = false
				}
				if !in {
					stop, space, wordLen = false, false, 0
				}
				n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
				for _, b := range buf[:n] {
					h = (h ^ uint64(b)) * fnvPrime
				}
				in = true
				wordLen++
				continue
			}
		}
		// r is not a word rune: end the word, track sentence boundaries.
		if in {
			fn(mix64(h))
			h, in = fnvOffset, false
			pending = true
		}
		if boundary == nil {
			continue
		}
		switch r {
		case '\n':
			if pending {
				boundary()
				pending = false
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
		fn(mix64(h))
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

// wordHash hashes one already-normalised word as forEachWordHash does.
func wordHash(w string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * fnvPrime
	}
	return mix64(h)
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

// stopwordSet holds the hashes of the stopwords in a small open-addressed
// table, so the hot path tests a word by its hash without a string.
var stopwordSet = func() []uint64 {
	table := make([]uint64, 512)
	for _, w := range stopwords {
		h := wordHash(w)
		for p := h & 511; ; p = (p + 1) & 511 {
			if table[p] == 0 {
				table[p] = h
				break
			}
		}
	}
	return table
}()

func isStopword(h uint64) bool {
	for p := h & 511; ; p = (p + 1) & 511 {
		switch stopwordSet[p] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

// wordID is the 16-bit form of a content word kept in the index. Two
// distinct words share an id with probability 1/65536; a shingle (a pair
// of ids) is a 32-bit value, so distinct shingles collide with probability
// 2^-32, negligible for verification, and the index stays small.
func wordID(h uint64) uint16 { return uint16(h >> 48) }
