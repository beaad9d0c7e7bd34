package tell

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textutil"
)

// initialism matches dotted initialisms such as "U.S." or "U.N.", written
// "US" and "UN" by other outlets.
var initialism = regexp.MustCompile(`\b(?:[A-Z]\.){2,}`)

// dateline matches a wire dateline opening a sentence: "DUBAI - ",
// "TEHRAN, April 7 (Reuters) – ", "SEOUL, South Korea — ".
var dateline = regexp.MustCompile(`^[A-Z][A-Z.'’ -]*[A-Z]\.?(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z]?[A-Za-z.]*\d{0,2})?)?\s*(?:\([A-Za-z&. ]{2,30}\)\s*)?[-–—]+\s+`)

// stripDateline removes a leading wire dateline. The result is a suffix
// of s, so text shown stays verbatim.
func stripDateline(s string) string {
	loc := dateline.FindStringIndex(s)
	if loc == nil {
		return s
	}
	rest := s[loc[1]:]
	if len(textutil.Words(rest)) < 4 {
		return s
	}
	return rest
}

// matchWords returns the lower-cased tokens two sentences are matched on:
// textutil.Words with dotted initialisms joined ("U.S." → "us").
func matchWords(s string) []string {
	if hasInitialism(s) {
		s = initialism.ReplaceAllStringFunc(s, func(m string) string { return strings.ReplaceAll(m, ".", "") })
	}
	words := textutil.Words(textutil.Fold(s))
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	return words
}

// gradeAndTokenize returns eligibility(text) and matchWords(text), from
// one textutil.Words pass when it can: without a dotted initialism or a
// zero-width space, folding changes no word and merges no two words (it
// only maps punctuation and spaces to punctuation and spaces), so the match
// words are the text's own words lower-cased.
// It also returns len(textutil.Words(text)).
func gradeAndTokenize(text string) (tier int, match []string, count int) {
	words := textutil.Words(text)
	tier = eligibilityOf(text, words)
	if hasInitialism(text) || strings.Contains(text, "\u200b") {
		return tier, matchWords(text), len(words)
	}
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	return tier, words, len(words)
}

// tiles reports whether text is exactly its sentences in order, separated
// by white space: text = w0 + s0 + w1 + s1 + … + sN + wN+1, each w all
// white space and w1…wN not empty. Then textutil.Normalize(text) is the
// non-empty Normalize(s) joined by single spaces (folding and lower-casing
// work rune by rune and keep white space white, and Fields splits at each
// w), and text has as many textutil.Words as its sentences together (no
// word spans a w). textutil.Sentences splits that way; tiles checks it
// rather than trusting it.
func tiles(text string, sentences []string) bool {
	at := 0
	for k, s := range sentences {
		gap := at
		at = skipSpace(text, at)
		if k > 0 && at == gap || !strings.HasPrefix(text[at:], s) {
			return false
		}
		at += len(s)
	}
	return skipSpace(text, at) == len(text)
}

// skipSpace returns the index of the first rune at or after i in s that
// is not white space (unicode.IsSpace, as strings.Fields uses), or len(s).
func skipSpace(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// hasInitialism is a fast test for "X.Y" before the initialism regexp.
func hasInitialism(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '.' && s[i-1] >= 'A' && s[i-1] <= 'Z' && s[i+1] >= 'A' && s[i+1] <= 'Z' {
			return true
		}
	}
	return false
}

// newStoryIndex splits every article into sentences and links the
// sentences different articles share. Words are interned once: sentences
// hold token ids, and the per-token tables (stop flags, articles using the
// token) are dense slices indexed by id.
func newStoryIndex(articles []storyline.Article) *storyIndex {
	ix := &storyIndex{articles: articles, vocab: map[string]int{}, byArticle: make([][]int, len(articles)),
		normText: make([]string, len(articles)), articleWords: make([]int, len(articles))}
	rawsOf := make([][]string, len(articles))
	total := 0
	for a, art := range articles {
		rawsOf[a] = textutil.Sentences(art.Text)
		total += len(rawsOf[a])
	}
	ix.sents = make([]sentence, 0, total)
	// The n-th occurrence of a word in a sentence is its own multiset
	// element, numbered in order of first appearance: firstOcc[id] is the
	// element of a word's first occurrence, laterOcc[id][n-2] of its n-th;
	// setFreq counts the sentences holding each element.
	var firstOcc, setFreq, inSentence, lastArticle []int
	var laterOcc [][]int
	var uses [][2]int // distinct (token, article) pairs, by article
	var buf []int     // backing store for sentence token slices
	carve := func(n int) []int {
		if len(buf)+n > cap(buf) {
			buf = make([]int, 0, max(n, 1<<14))
		}
		buf = buf[:len(buf)+n]
		return buf[len(buf)-n : len(buf) : len(buf)]
	}
	for a, art := range articles {
		raws := rawsOf[a]
		tiled := tiles(art.Text, raws)
		var norms []string // the sentences' Normalize, when tiled
		wordCount := 0
		ix.byArticle[a] = make([]int, 0, len(raws))
		joined, continues := quoteJoins(art.Text, raws)
		for pos, raw := range raws {
			text := stripDateline(raw)
			s := sentence{article: a, pos: pos, text: text, norm: textutil.Normalize(text), continues: continues[pos]}
			if joined[pos] != "" {
				s.quoted = text + joined[pos][len(raw):]
			}
			tier, words, count := gradeAndTokenize(text)
			s.tier = tier
			if tiled {
				rawNorm := s.norm
				if len(text) != len(raw) { // a dateline was cut
					rawNorm = textutil.Normalize(raw)
					count = len(textutil.Words(raw))
				}
				if rawNorm != "" {
					norms = append(norms, rawNorm)
				}
				wordCount += count
			}
			s.tokens = carve(len(words))
			s.set = carve(len(words))
			for k, w := range words {
				id, ok := ix.vocab[w]
				if !ok {
					id = len(ix.words)
					ix.vocab[w] = id
					ix.words = append(ix.words, w)
					ix.stop = append(ix.stop, isStopword(w))
					firstOcc = append(firstOcc, len(setFreq))
					setFreq = append(setFreq, 0)
					laterOcc = append(laterOcc, nil)
					inSentence = append(inSentence, 0)
					lastArticle = append(lastArticle, -1)
				}
				s.tokens[k] = id
				if lastArticle[id] != a {
					lastArticle[id] = a
					uses = append(uses, [2]int{id, a})
				}
				nth := inSentence[id]
				inSentence[id]++
				mid := firstOcc[id]
				if nth > 0 {
					if nth > len(laterOcc[id]) {
						laterOcc[id] = append(laterOcc[id], len(setFreq))
						setFreq = append(setFreq, 0)
					}
					mid = laterOcc[id][nth-1]
				}
				setFreq[mid]++
				s.set[k] = mid
			}
			for _, id := range s.tokens {
				inSentence[id] = 0
			}
			s.words = len(s.tokens)
			ix.byArticle[a] = append(ix.byArticle[a], len(ix.sents))
			ix.sents = append(ix.sents, s)
		}
		if tiled {
			ix.normText[a] = strings.Join(norms, " ")
			ix.articleWords[a] = wordCount
		} else {
			ix.normText[a] = textutil.Normalize(art.Text)
			ix.articleWords[a] = len(textutil.Words(art.Text))
		}
	}
	// The articles using each token, ascending, in one backing array.
	count := make([]int, len(ix.words))
	for _, u := range uses {
		count[u[0]]++
	}
	flat := make([]int, len(uses))
	ix.tokenArticles = make([][]int, len(ix.words))
	at := 0
	for id, c := range count {
		ix.tokenArticles[id] = flat[at : at : at+c]
		at += c
	}
	for _, u := range uses {
		ix.tokenArticles[u[0]] = append(ix.tokenArticles[u[0]], u[1])
	}
	// Rank the multiset elements rarest first (ties by id) and store each
	// sentence's set as ranks in ascending order: rarest first.
	order := make([]int, len(setFreq))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		if setFreq[x] != setFreq[y] {
			return setFreq[x] - setFreq[y]
		}
		return x - y
	})
	rank := make([]int, len(setFreq))
	for r, id := range order {
		rank[id] = r
	}
	for i := range ix.sents {
		set := ix.sents[i].set
		for k, mid := range set {
			set[k] = rank[mid]
		}
		slices.Sort(set)
	}
	ix.link(setFreq, order)
	return ix
}

// isStopword reports whether a match token carries no topic: a stopword,
// or a single character other than a digit. TF-IDF vectors leave it out.
func isStopword(w string) bool {
	return stopwords[w] || len(w) == 1 && !unicode.IsDigit(rune(w[0]))
}

// link finds matching sentence pairs across articles: equal normalised text
// through a map, near-identical ones through prefix filtering (two token
// sets with Dice ≥ NearIdentical must share a token among each one's rarest
// few), verified by bag Dice and then by word-sequence similarity. Sentence
// sets hold ranks (see newStoryIndex); order lists element ids by rank.
func (ix *storyIndex) link(setFreq, order []int) {
	n := len(ix.sents)
	ix.neighbours = make([][]int, n)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(i, j int) {
		ri, rj := find(i), find(j)
		if ri != rj {
			if ri < rj {
				parent[rj] = ri
			} else {
				parent[ri] = rj
			}
		}
	}
	postings := make([][]int, len(setFreq)) // by rank
	byNorm := make(map[string][]int, n)
	mark := make([]int, n)
	for i := range mark {
		mark[i] = -1
	}
	var cands []int
	for i := range ix.sents {
		s := &ix.sents[i]
		cands = cands[:0]
		for _, j := range byNorm[s.norm] {
			if mark[j] != i {
				mark[j] = i
				cands = append(cands, j)
			}
		}
		byNorm[s.norm] = append(byNorm[s.norm], i)
		if s.words >= 3 {
			p := len(s.set) - minOverlap(len(s.set)) + 1
			for _, tok := range s.set[:p] {
				// An element held by one sentence only has no partner.
				if setFreq[order[tok]] > 1 {
					for _, j := range postings[tok] {
						if mark[j] != i {
							mark[j] = i
							cands = append(cands, j)
						}
					}
					postings[tok] = append(postings[tok], i)
				}
			}
		}
		slices.Sort(cands)
		for _, j := range cands {
			if ix.sents[j].article == s.article {
				continue
			}
			if ix.sents[j].norm == s.norm || ix.near(i, j) {
				ix.neighbours[i] = append(ix.neighbours[i], j)
				ix.neighbours[j] = append(ix.neighbours[j], i)
				union(i, j)
			}
		}
	}
	groupOf := make([]int, n)
	for i := range groupOf {
		groupOf[i] = -1
	}
	for i := range ix.sents {
		r := find(i)
		g := groupOf[r]
		if g < 0 {
			g = len(ix.groups)
			groupOf[r] = g
			ix.groups = append(ix.groups, nil)
		}
		ix.sents[i].group = g
		ix.groups[g] = append(ix.groups[g], i)
	}
	for i := range ix.neighbours {
		slices.Sort(ix.neighbours[i])
	}
	ix.groupArts = make([][]int, len(ix.groups))
	for g, members := range ix.groups {
		var arts []int
		for _, i := range members {
			a := ix.sents[i].article
			if len(arts) == 0 || arts[len(arts)-1] != a && !containsInt(arts, a) {
				arts = append(arts, a)
			}
		}
		slices.Sort(arts)
		ix.groupArts[g] = arts
	}
}

// minOverlap is the fewest shared tokens a set of n tokens can have with
// any set it is near-identical to under Dice ≥ NearIdentical.
func minOverlap(n int) int {
	o := int(math.Ceil(NearIdentical*float64(n)/(2-NearIdentical) - 1e-9))
	return max(1, min(o, n))
}

// near reports whether sentences i and j are near-identical.
func (ix *storyIndex) near(i, j int) bool {
	a, b := &ix.sents[i], &ix.sents[j]
	if a.words < 3 || b.words < 3 {
		return false
	}
	total := float64(a.words + b.words)
	// The overlap is at most the shorter length: a cheaper first test.
	if 2*float64(min(a.words, b.words))/total < NearIdentical {
		return false
	}
	// Bag overlap bounds the LCS from above: a cheap first test.
	overlap, x, y := 0, 0, 0
	for x < len(a.set) && y < len(b.set) {
		rx, ry := a.set[x], b.set[y]
		switch {
		case rx == ry:
			overlap++
			x++
			y++
		case rx < ry:
			x++
		default:
			y++
		}
	}
	if 2*float64(overlap)/total < NearIdentical {
		return false
	}
	return 2*float64(lcs(a.tokens, b.tokens))/total >= NearIdentical
}

// lcs is the length of the longest common subsequence of two token slices.
func lcs(a, b []int) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
