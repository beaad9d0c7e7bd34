package tell

import (
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textutil"
)

// NearIdentical is the word-sequence similarity (2·LCS / (|a|+|b|) over
// match tokens) at or above which two sentences count as the same sentence:
// one outlet's light edit of another's (a changed article, "U.S." for "US",
// a dropped comma). Citations and additions both rest on it.
const NearIdentical = 0.85

// sentence is one sentence of one article of the story.
type sentence struct {
	article int    // index into the story's articles
	pos     int    // position among the article's sentences
	text    string // verbatim from the article, leading dateline removed
	norm    string // textutil.Normalize(text)
	tokens  []int  // match-token ids in reading order
	set     []int  // multiset of tokens as distinct ids, rarest first (for filtering)
	words   int    // number of match tokens
	group   int    // carry group: sentences linked by exact or near-identical matches
	tier    int    // eligibility(text)
}

// storyIndex holds every sentence of a story with the matches between them.
type storyIndex struct {
	articles  []storyline.Article
	normText  []string // normalised full text per article, for containment checks
	sents     []sentence
	byArticle [][]int // sentence indices per article, in reading order
	// neighbours lists, per sentence, the sentences of other articles that
	// match it directly (exact after normalisation, or near-identical).
	neighbours [][]int
	groups     [][]int // sentence indices per carry group
	vocab      map[string]int
	words      []string // vocabulary by token id
	// tokenArticles lists, per token id, the articles using it (ascending):
	// only those can contain a sentence with that token inside it.
	tokenArticles [][]int
}

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
// sentences different articles share.
func newStoryIndex(articles []storyline.Article) *storyIndex {
	ix := &storyIndex{articles: articles, vocab: map[string]int{}, byArticle: make([][]int, len(articles))}
	multiset := map[[2]int]int{} // (word id, n) → id, for the n-th occurrence of word
	seen := map[int]int{}
	var setFreq []int
	for a, art := range articles {
		ix.normText = append(ix.normText, textutil.Normalize(art.Text))
		for pos, raw := range textutil.Sentences(art.Text) {
			text := stripDateline(raw)
			s := sentence{article: a, pos: pos, text: text, norm: textutil.Normalize(text), tier: eligibility(text)}
			clear(seen)
			for _, w := range matchWords(text) {
				id, ok := ix.vocab[w]
				if !ok {
					id = len(ix.vocab)
					ix.vocab[w] = id
					ix.words = append(ix.words, w)
				}
				s.tokens = append(s.tokens, id)
				if id == len(ix.tokenArticles) {
					ix.tokenArticles = append(ix.tokenArticles, nil)
				}
				if ta := ix.tokenArticles[id]; len(ta) == 0 || ta[len(ta)-1] != a {
					ix.tokenArticles[id] = append(ta, a)
				}
				seen[id]++
				key := [2]int{id, seen[id]}
				mid, ok := multiset[key]
				if !ok {
					mid = len(multiset)
					multiset[key] = mid
					setFreq = append(setFreq, 0)
				}
				setFreq[mid]++
				s.set = append(s.set, mid)
			}
			s.words = len(s.tokens)
			ix.byArticle[a] = append(ix.byArticle[a], len(ix.sents))
			ix.sents = append(ix.sents, s)
		}
	}
	for i := range ix.sents {
		set := ix.sents[i].set
		sort.Slice(set, func(x, y int) bool {
			if setFreq[set[x]] != setFreq[set[y]] {
				return setFreq[set[x]] < setFreq[set[y]]
			}
			return set[x] < set[y]
		})
	}
	ix.link(setFreq)
	return ix
}

// link finds matching sentence pairs across articles: equal normalised text
// through a map, near-identical ones through prefix filtering (two token
// sets with Dice ≥ NearIdentical must share a token among each one's rarest
// few), verified by bag Dice and then by word-sequence similarity.
func (ix *storyIndex) link(setFreq []int) {
	n := len(ix.sents)
	ix.neighbours = make([][]int, n)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
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
	rank := make([]int, len(setFreq)) // position of each set token in the global order
	order := make([]int, len(setFreq))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(x, y int) bool {
		if setFreq[order[x]] != setFreq[order[y]] {
			return setFreq[order[x]] < setFreq[order[y]]
		}
		return order[x] < order[y]
	})
	for r, id := range order {
		rank[id] = r
	}
	postings := map[int][]int{}
	byNorm := map[string][]int{}
	mark := make([]int, n)
	for i := range mark {
		mark[i] = -1
	}
	for i := range ix.sents {
		s := &ix.sents[i]
		var cands []int
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
				for _, j := range postings[tok] {
					if mark[j] != i {
						mark[j] = i
						cands = append(cands, j)
					}
				}
				postings[tok] = append(postings[tok], i)
			}
		}
		sort.Ints(cands)
		for _, j := range cands {
			if ix.sents[j].article == s.article {
				continue
			}
			if ix.sents[j].norm == s.norm || ix.near(i, j, rank) {
				ix.neighbours[i] = append(ix.neighbours[i], j)
				ix.neighbours[j] = append(ix.neighbours[j], i)
				union(i, j)
			}
		}
	}
	groupOf := map[int]int{}
	for i := range ix.sents {
		r := find(i)
		g, ok := groupOf[r]
		if !ok {
			g = len(ix.groups)
			groupOf[r] = g
			ix.groups = append(ix.groups, nil)
		}
		ix.sents[i].group = g
		ix.groups[g] = append(ix.groups[g], i)
	}
	for i := range ix.neighbours {
		sort.Ints(ix.neighbours[i])
	}
}

// minOverlap is the fewest shared tokens a set of n tokens can have with
// any set it is near-identical to under Dice ≥ NearIdentical.
func minOverlap(n int) int {
	o := int(math.Ceil(NearIdentical*float64(n)/(2-NearIdentical) - 1e-9))
	return max(1, min(o, n))
}

// near reports whether sentences i and j are near-identical.
func (ix *storyIndex) near(i, j int, rank []int) bool {
	a, b := &ix.sents[i], &ix.sents[j]
	if a.words < 3 || b.words < 3 {
		return false
	}
	total := float64(a.words + b.words)
	// Bag overlap bounds the LCS from above: a cheap first test.
	overlap, x, y := 0, 0, 0
	for x < len(a.set) && y < len(b.set) {
		rx, ry := rank[a.set[x]], rank[b.set[y]]
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

// carriers lists the articles that carry sentence i: its own article
// first, then in story order every other article with a sentence that
// matches it directly, or whose normalised text contains it whole.
func (ix *storyIndex) carriers(i int) []int {
	s := ix.sents[i]
	has := make([]bool, len(ix.articles))
	has[s.article] = true
	for _, j := range ix.neighbours[i] {
		has[ix.sents[j].article] = true
	}
	if len(s.norm) >= 20 {
		// Only articles using the sentence's rarest inner word can contain
		// it (the first and last words may be cut inside a longer word).
		for _, a := range ix.mayContain(i) {
			if !has[a] && strings.Contains(ix.normText[a], s.norm) {
				has[a] = true
			}
		}
	}
	out := []int{s.article}
	for a, ok := range has {
		if ok && a != s.article {
			out = append(out, a)
		}
	}
	return out
}

// mayContain lists the articles that may contain sentence i inside their
// text: those using the sentence's rarest inner word (the first and last
// words may be cut inside a longer word), or all for very short sentences.
func (ix *storyIndex) mayContain(i int) []int {
	s := ix.sents[i]
	if len(s.tokens) < 3 {
		all := make([]int, len(ix.articles))
		for a := range all {
			all[a] = a
		}
		return all
	}
	cands := ix.tokenArticles[s.tokens[1]]
	for _, t := range s.tokens[2 : len(s.tokens)-1] {
		if len(ix.tokenArticles[t]) < len(cands) {
			cands = ix.tokenArticles[t]
		}
	}
	return cands
}

// groupArticles lists the distinct articles with a sentence in group g, in story order.
func (ix *storyIndex) groupArticles(g int) []int {
	var out []int
	for _, i := range ix.groups[g] {
		a := ix.sents[i].article
		if len(out) == 0 || out[len(out)-1] != a {
			if !containsInt(out, a) {
				out = append(out, a)
			}
		}
	}
	sort.Ints(out)
	return out
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// citations turns article indices into citations.
func (ix *storyIndex) citations(arts []int) []storyline.Citation {
	out := make([]storyline.Citation, 0, len(arts))
	for _, a := range arts {
		out = append(out, storyline.Citation{Article: ix.articles[a].ID, Outlet: ix.articles[a].Outlet})
	}
	return out
}

// Carries reports whether an article text carries a sentence: its
// normalised form occurs in the normalised text, or one of the text's
// sentences is near-identical to it. It is the predicate citations obey,
// exported so callers and evaluations can check a page against its sources.
func Carries(articleText, sent string) bool {
	norm := textutil.Normalize(sent)
	if norm == "" {
		return false
	}
	if strings.Contains(textutil.Normalize(articleText), norm) {
		return true
	}
	ix := newStoryIndex([]storyline.Article{{Text: sent}, {Text: articleText}})
	for _, i := range ix.byArticle[0] {
		if len(ix.neighbours[i]) > 0 {
			continue
		}
		return false
	}
	return len(ix.byArticle[0]) > 0
}
