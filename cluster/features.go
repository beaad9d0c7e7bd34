package cluster

import (
	"cmp"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/storyline-news/storyline/textutil"
)

// term is one vocabulary entry: a stemmed word or a multiword name.
type term struct {
	// surface is how the term reads to a person (a word form, or the name
	// as written), used in the "why joined" lists.
	surface string
	// df counts the items that hold the term (incremental IDF).
	df int32
	// capitalised and lower count mid-sentence occurrences of the word
	// written with and without a capital in sentence-case text: a word
	// mostly capitalised where capitals are not required is a proper noun.
	capitalised, lower int32
	// stories counts the stories whose centroid holds the term;
	// settledStories is that count frozen by the last snapshot (see
	// snapshotStories), which story IDF reads.
	stories        int32
	settledStories int32
	// storyPart caches the story-IDF term of the weight (see
	// globalWeight), fixed for story snapshot storyPartSnap.
	storyPart     float64
	storyPartSnap int
	// name marks multiword names (capitalised phrases).
	name bool
}

// termWeight caches a term's global weight computed at corpus scale at-1,
// under story snapshot snap (see globalWeight); at 0 marks it out of date.
type termWeight struct {
	weight float64
	at     int32
	snap   int32
}

// weighted is one coordinate of a sparse vector.
type weighted struct {
	term   int32
	weight float64
}

// features is what one item contributes: its sparse term vector (field
// weighted, sublinear term frequency, before global weights), sorted by
// term id, and the capitalisation evidence it carries.
type features struct {
	vector []weighted
	// caps holds per term +1 for a capitalised mid-sentence occurrence
	// and -1 for a lower-case one, applied to the statistics when the item
	// is absorbed (after it is scored, as IDF is).
	capitalisedTerms []int32
	lowerTerms       []int32
}

// connectors may stand inside a multiword name when written capitalised
// ("Bank Of England", "Ana De La Cruz"). Written in lower case they end
// the name: "the National Hurricane Center of Miami" must not become one
// name, and letting them in ("Bank of England" whole) measured neutral on
// the dev stories, so the lower-case form stays a boundary.
var connectors = map[string]bool{"of": true, "de": true, "al": true, "bin": true, "van": true, "von": true, "la": true, "del": true, "da": true}

// lexicon maps words to term ids. It caches stemming, which dominates the
// cost of reading full text.
type lexicon struct {
	terms []term
	// weights caches each term's global weight, by term id beside terms:
	// the hot part of a term, 16 bytes, which the story norms read for
	// every term of every story they recompute (see globalWeight).
	weights []termWeight
	// byWord maps a lower-case word to its term id, or -1 for a stop word.
	byWord map[string]int32
	// byKey maps a term key (stem, or "name:" phrase) to its id.
	byKey map[string]int32
	// recent caches byWord for the words read lately (nil until the
	// first lookup; whoever replaces byWord must reset it to nil).
	recent *wordCache
}

// wordCacheBits sizes a wordCache: 32768 slots of 32 bytes, 1 MiB, small
// enough to stay in the processor cache, where a lookup in byWord (a
// large map whose keys live elsewhere on the heap) misses it two or three
// times for a word. Reading full text, most words are common ones.
const wordCacheBits = 15

// wordCacheSlot holds one lower-case word of up to 24 bytes, packed
// little-endian and zero-padded, and its byWord entry.
type wordCacheSlot struct {
	key [3]uint64
	n   int32 // word length in bytes; 0 marks an empty slot
	id  int32
}

// wordCache is a direct-mapped cache in front of byWord: each word has
// one slot, a newer word evicts an older one. It only repeats byWord,
// whose entries never change, so it cannot change a result.
type wordCache [1 << wordCacheBits]wordCacheSlot

// packWord packs a word of up to 24 bytes into a cache key and picks its
// slot; ok is false for longer words, which the cache does not hold.
func packWord(w []byte) (key [3]uint64, slot uint32, ok bool) {
	if len(w) == 0 || len(w) > 24 {
		return key, 0, false
	}
	var buf [24]byte
	copy(buf[:], w)
	key[0] = binary.LittleEndian.Uint64(buf[0:])
	key[1] = binary.LittleEndian.Uint64(buf[8:])
	key[2] = binary.LittleEndian.Uint64(buf[16:])
	h := (key[0] ^ key[1]*0xc2b2ae3d27d4eb4f ^ key[2]*0x165667b19e3779f9 ^ uint64(len(w))) * 0x9e3779b97f4a7c15
	return key, uint32(h >> (64 - wordCacheBits)), true
}

// cachedWordID is wordIDBytes through the cache of recent words.
func (l *lexicon) cachedWordID(lower []byte) int32 {
	key, slot, ok := packWord(lower)
	if !ok {
		return l.wordIDBytes(lower)
	}
	if l.recent == nil {
		l.recent = new(wordCache)
	}
	s := &l.recent[slot]
	if s.n == int32(len(lower)) && s.key == key {
		return s.id
	}
	id := l.wordIDBytes(lower)
	*s = wordCacheSlot{key: key, n: int32(len(lower)), id: id}
	return id
}

func newLexicon() *lexicon {
	return &lexicon{byWord: map[string]int32{}, byKey: map[string]int32{}}
}

// keyID returns the id of the term with this key, creating it.
func (l *lexicon) keyID(key, surface string, name bool) int32 {
	if id, ok := l.byKey[key]; ok {
		return id
	}
	id := int32(len(l.terms))
	l.terms = append(l.terms, term{surface: surface, name: name})
	l.weights = append(l.weights, termWeight{})
	l.byKey[key] = id
	return id
}

// wordID returns the term id of a lower-case word, or -1 when the word
// carries no content (stop words, single characters).
func (l *lexicon) wordID(lower string) int32 {
	if id, ok := l.byWord[lower]; ok {
		return id
	}
	return l.newWord(lower)
}

// wordIDBytes is wordID for a word held in a scratch buffer: the lookup
// does not allocate, only a new word does.
func (l *lexicon) wordIDBytes(lower []byte) int32 {
	if id, ok := l.byWord[string(lower)]; ok {
		return id
	}
	return l.newWord(string(lower))
}

// newWord enters a lower-case word not seen before into byWord.
func (l *lexicon) newWord(lower string) int32 {
	id := int32(-1)
	if utf8.RuneCountInString(lower) > 1 && !english.IsStopWord(lower) {
		stem := english.Stem(lower, false)
		id = l.keyID(stem, lower, false)
	}
	l.byWord[lower] = id
	return id
}

// acronymID is the term of an all-capitals word whose lower-case form is a
// stop word or ambiguous ("US" the country, not "us").
func (l *lexicon) acronymID(word string) int32 {
	return l.keyID("="+strings.ToLower(word), word, true)
}

// collapseInitialisms rewrites dotted initialisms ("U.S.", "U.N.") as
// plain capitals ("US", "UN") so that they tokenise as one word.
// It returns s itself, without allocating, when there is none (most
// sentences).
func collapseInitialisms(s string) string {
	if strings.IndexByte(s, '.') < 0 {
		return s
	}
	var b []byte
	copied := 0 // s[:copied] is already in b
	from := 0   // s[from:] is still to read
	for {
		dot := strings.IndexByte(s[from:], '.')
		if dot < 0 {
			break
		}
		dot += from
		// An initialism starts at a word boundary: letter, dot, letter,
		// dot... Only a letter just before a dot can start one.
		if i := dot - 1; i >= from && isInitialAt(s, i) && (i == 0 || !isWordByte(s[i-1])) {
			j := i
			for isInitialAt(s, j) {
				j += 2
			}
			if j-i >= 4 { // at least two letters
				if b == nil {
					b = make([]byte, 0, len(s))
				}
				b = append(b, s[copied:i]...)
				for k := i; k < j; k += 2 {
					b = append(b, s[k])
				}
				copied, from = j, j
				continue
			}
		}
		from = dot + 1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[copied:]...))
}

func isInitialAt(s string, i int) bool {
	return i+1 < len(s) && s[i] >= 'A' && s[i] <= 'Z' && s[i+1] == '.' && (i+2 >= len(s) || !isWordByte(s[i+2]) || (s[i+2] >= 'A' && s[i+2] <= 'Z' && i+3 < len(s) && s[i+3] == '.'))
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// wordShape classifies a token's capitalisation.
func wordShape(w string) (capitalised, allCaps bool) {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false, false
	}
	letters, upper := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return true, letters > 1 && upper == letters
}

// capitalisationUninformative reports whether capitals in this span say
// nothing about proper nouns: Title Case headlines and all-capitals text.
func capitalisationUninformative(words []string) bool {
	content, capitalised, allCaps := 0, 0, 0
	for _, w := range words {
		if utf8.RuneCountInString(w) < 4 || english.IsStopWord(strings.ToLower(w)) {
			continue
		}
		content++
		c, a := wordShape(w)
		if c {
			capitalised++
		}
		if a {
			allCaps++
		}
	}
	if content == 0 {
		return true
	}
	return float64(capitalised) >= 0.6*float64(content) || float64(allCaps) >= 0.5*float64(content)
}

// extractor turns item text into features, reusing its scratch space.
type extractor struct {
	lex    *lexicon
	opt    *Options
	counts map[int32]float64
	// words holds the current span's words.
	words []string
	// lower holds the current word in lower case.
	lower []byte
	// acronymKey holds the byKey key of an all-capitals word ("=us").
	acronymKey []byte
	// nameKey holds the byKey key of the name being read ("name:bank of
	// england"), nameStarts where each of its words starts in nameKey
	// and nameRaw the words as written.
	nameKey    []byte
	nameStarts []int
	nameRaw    []string
}

// lowerShape writes w in lower case to x.lower and returns its shape as
// wordShape does, in one pass without allocating for ASCII words.
func (x *extractor) lowerShape(w string) (capitalised, allCaps bool) {
	buf := x.lower[:0]
	letters, upper := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			x.lower = append(x.lower[:0], strings.ToLower(w)...)
			return wordShape(w)
		}
		if 'A' <= c && c <= 'Z' {
			letters++
			upper++
			c += 'a' - 'A'
		} else if 'a' <= c && c <= 'z' {
			letters++
		}
		buf = append(buf, c)
	}
	x.lower = buf
	capitalised = w[0] >= 'A' && w[0] <= 'Z'
	return capitalised, capitalised && letters > 1 && upper == letters
}

// acronymID is lexicon.acronymID for the current word (w, in lower case
// in x.lower), allocating only when the term is new.
func (x *extractor) acronymID(w string) int32 {
	x.acronymKey = append(append(x.acronymKey[:0], '='), x.lower...)
	if id, ok := x.lex.byKey[string(x.acronymKey)]; ok {
		return id
	}
	return x.lex.acronymID(w)
}

// resetName starts an empty name.
func (x *extractor) resetName() {
	x.nameKey = append(x.nameKey[:0], "name:"...)
	x.nameStarts = x.nameStarts[:0]
	x.nameRaw = x.nameRaw[:0]
}

// pushName adds the current word (w, in lower case in x.lower) to the name.
func (x *extractor) pushName(w string) {
	if len(x.nameRaw) > 0 {
		x.nameKey = append(x.nameKey, ' ')
	}
	x.nameStarts = append(x.nameStarts, len(x.nameKey))
	x.nameKey = append(x.nameKey, x.lower...)
	x.nameRaw = append(x.nameRaw, w)
}

// flushName counts the name read so far, if it has two words or more
// once trailing connectors are dropped, and starts an empty one.
func (x *extractor) flushName(weight float64) {
	// Trailing connectors are not part of a name.
	for n := len(x.nameRaw); n > 0 && connectors[string(x.nameKey[x.nameStarts[n-1]:])]; n-- {
		end := x.nameStarts[n-1]
		if n > 1 {
			end-- // the space before the word
		}
		x.nameKey = x.nameKey[:end]
		x.nameStarts = x.nameStarts[:n-1]
		x.nameRaw = x.nameRaw[:n-1]
	}
	if len(x.nameRaw) >= 2 {
		id, ok := x.lex.byKey[string(x.nameKey)]
		if !ok {
			id = x.lex.keyID(string(x.nameKey), strings.Join(x.nameRaw, " "), true)
		}
		x.counts[id] += weight * x.opt.NameWeight
	}
	x.resetName()
}

// extract reads the title, the lead (the first sentences of the text) and
// the body, each with its own weight, and returns the item's features.
func (x *extractor) extract(it Item) features {
	if x.counts == nil {
		x.counts = map[int32]float64{}
	}
	clear(x.counts)
	var f features
	title := strings.TrimSpace(it.Title)
	if title != "" {
		x.span(title, x.opt.TitleWeight, true, &f)
	}
	if x.opt.SlugWeight > 0 {
		for _, w := range slugWords(it.URL) {
			if id := x.lex.wordID(w); id >= 0 {
				x.counts[id] += x.opt.SlugWeight
			}
		}
	}
	budget := x.opt.MaxBodyWords
	sentences := textutil.Sentences(it.Text)
	for i, s := range sentences {
		if budget <= 0 {
			break
		}
		if i == 0 && title != "" && textutil.Normalize(s) == textutil.Normalize(title) {
			continue // the title repeated as the first line
		}
		weight := 1.0
		if i < x.opt.LeadSentences {
			weight = x.opt.LeadWeight
		}
		budget -= x.span(s, weight, false, &f)
	}
	f.vector = make([]weighted, 0, len(x.counts))
	for id, raw := range x.counts {
		w := raw
		if raw > 1 {
			w = 1 + math.Log(raw)
		}
		f.vector = append(f.vector, weighted{id, w})
	}
	slices.SortFunc(f.vector, func(a, b weighted) int { return cmp.Compare(a.term, b.term) })
	return f
}

// span adds one sentence (or title) to the counts and returns how many
// words it read.
func (x *extractor) span(s string, weight float64, isTitle bool, f *features) int {
	x.words = textutil.AppendWords(x.words[:0], collapseInitialisms(textutil.Fold(s)))
	words := x.words
	// Titles are often in Title Case; text sentences are checked cheaply
	// for all capitals only.
	informative := true
	if isTitle || len(words) > 3 && allCapitals(words[1]) && allCapitals(words[2]) {
		informative = !capitalisationUninformative(words)
	}
	x.resetName()
	for i, w := range words {
		capitalised, allCaps := x.lowerShape(w)
		id := x.lex.cachedWordID(x.lower)
		if id < 0 && allCaps && len(x.lower) > 1 {
			id = x.acronymID(w)
		}
		if informative && capitalised && (id >= 0 || len(x.nameRaw) > 0 && connectors[string(x.lower)]) {
			if i > 0 || (i+1 < len(words) && startsUpper(words[i+1])) {
				x.pushName(w)
			}
		} else {
			x.flushName(weight)
		}
		if id < 0 {
			continue
		}
		x.counts[id] += weight
		if informative && i > 0 && !allCaps {
			if capitalised {
				f.capitalisedTerms = append(f.capitalisedTerms, id)
			} else {
				f.lowerTerms = append(f.lowerTerms, id)
			}
		}
	}
	x.flushName(weight)
	return len(words)
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func allCapitals(w string) bool {
	_, all := wordShape(w)
	return all
}
