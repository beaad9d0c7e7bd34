package tell

import (
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
	set     []int  // multiset of tokens as distinct element ranks, rarest first (for filtering)
	words   int    // number of match tokens
	group   int    // carry group: sentences linked by exact or near-identical matches
	tier    int    // eligibility(text)
	// continues is true when the sentence only ends a quotation the
	// splitter cut ("But they will be.”"); quoted is the whole quoted
	// sentence, verbatim, when this one opens such a quotation, else "".
	continues bool
	quoted    string
}

// shown is how additions and omissions show a sentence: whole when the
// splitter cut it inside a quotation.
func (s sentence) shown() string {
	if s.quoted != "" {
		return s.quoted
	}
	return s.text
}

// storyIndex holds every sentence of a story with the matches between them.
type storyIndex struct {
	articles []storyline.Article
	normText []string // normalised full text per article, for containment checks
	// articleWords is len(textutil.Words(text)) per article.
	articleWords []int
	sents        []sentence
	byArticle    [][]int // sentence indices per article, in reading order
	// neighbours lists, per sentence, the sentences of other articles that
	// match it directly (exact after normalisation, or near-identical).
	neighbours [][]int
	groups     [][]int // sentence indices per carry group
	groupArts  [][]int // distinct articles per carry group, ascending
	vocab      map[string]int
	words      []string // vocabulary by token id
	stop       []bool   // per token id: left out of TF-IDF vectors (isStopword)
	// tokenArticles lists, per token id, the articles using it (ascending):
	// only those can contain a sentence with that token inside it.
	tokenArticles [][]int
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
			if !has[a] && containsText(ix.normText[a], s.norm) {
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

// containsText is strings.Contains(text, sub), quicker for a long sub:
// it finds the occurrences of a short piece of sub that starts with a
// rare byte (so the byte scan stops seldom) and checks sub around each.
// Every occurrence of sub holds the piece at the same offset, so none is
// missed.
func containsText(text, sub string) bool {
	piece := min(24, len(sub)/2)
	if piece < 4 || len(sub) > len(text) {
		return strings.Contains(text, sub)
	}
	off := 0
	for i := 1; i+piece <= len(sub); i++ {
		if byteRarity[sub[i]] > byteRarity[sub[off]] {
			off = i
		}
	}
	p := sub[off : off+piece]
	tail := len(sub) - off - piece // bytes of sub after the piece
	for from := off; from+piece+tail <= len(text); {
		i := strings.Index(text[from:len(text)-tail], p)
		if i < 0 {
			return false
		}
		at := from + i - off
		if text[at:at+len(sub)] == sub {
			return true
		}
		from += i + 1
	}
	return false
}

// byteRarity ranks bytes by how seldom they occur in normalised English
// text: space and common letters low, rare letters, digits, punctuation
// and non-ASCII bytes high.
var byteRarity = func() [256]uint8 {
	var r [256]uint8
	for b := range r {
		r[b] = 40 // punctuation, control and non-ASCII bytes
	}
	for i, c := range " etaoinshrdlcumwfgypbvkjxqz" {
		r[c] = uint8(i)
	}
	for c := '0'; c <= '9'; c++ {
		r[c] = 30
	}
	for _, c := range ",.'\"-" {
		r[c] = 20
	}
	return r
}()

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

// groupArticles lists the distinct articles with a sentence in group g,
// in story order. The slice is shared: callers must not modify it.
func (ix *storyIndex) groupArticles(g int) []int {
	return ix.groupArts[g]
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
