package tell

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textutil"
)

// Sentence quality tiers: the summary takes tier 0 sentences first and
// falls back to weaker tiers only when the story has too few.
const (
	eligible = iota // a full, self-standing declarative sentence
	weak            // starts with a pronoun or connector, or is an unattributed quote
	poor            // a question, or very short or very long
	unusable        // a fragment: heading, caption, credit or link
)

// danglingStarts open sentences that lean on the one before them.
var danglingStarts = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "this": true, "these": true, "those": true,
	"his": true, "her": true, "their": true, "its": true, "we": true, "i": true, "that": true,
	"but": true, "and": true, "or": true, "however": true, "also": true, "meanwhile": true,
	"still": true, "yet": true, "so": true, "then": true, "moreover": true, "furthermore": true,
	"instead": true, "thus": true, "there": true, "him": true, "them": true, "such": true,
}

// furnitureMarks betray site furniture left in a text: links, handles,
// sharing and subscription prompts, copyright lines.
var furnitureMarks = []string{"http://", "https://", "www.", "@", "©", "all rights reserved", "click here",
	"sign up", "subscribe", "read more", "follow us", "newsletter", "share this", "advertisement"}

// eligibility grades a sentence for use in a summary.
func eligibility(s string) int {
	return eligibilityOf(s, textutil.Words(s))
}

// eligibilityOf is eligibility with the sentence's textutil.Words given.
func eligibilityOf(s string, words []string) int {
	s = strings.TrimSpace(s)
	if hasFurniture(s) {
		return unusable
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune(".!?\"'”’", last) {
		return unusable
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"'“‘", first) {
		return unusable
	}
	if len(words) < 4 {
		return unusable
	}
	if strings.HasSuffix(strings.TrimRight(s, "\"'”’)"), "?") || len(words) < 8 || len(words) > 70 {
		return poor
	}
	if danglingStarts[strings.ToLower(words[0])] {
		return weak
	}
	if strings.ContainsRune("\"“", first) && !attributed(strings.ToLower(s)) {
		return weak
	}
	return eligible
}

// furnitureByFirst lists the furniture marks by their first byte.
var furnitureByFirst = func() (t [256][]string) {
	for _, m := range furnitureMarks {
		t[m[0]] = append(t[m[0]], m)
	}
	return t
}()

// hasFurniture reports whether strings.ToLower(s) contains a furniture
// mark, in one pass over s without lower-casing it. The marks are ASCII
// but for "©"; lower-casing maps ASCII to ASCII, "©" only from itself, and
// other runes to non-ASCII bytes, except "İ" (to "i") and the Kelvin sign
// (to "k"): when s has one of those, it lower-cases s and searches.
func hasFurniture(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 0xC4 && strings.HasPrefix(s[i:], "\u0130"), c == 0xE2 && strings.HasPrefix(s[i:], "\u212A"):
			lower := strings.ToLower(s)
			for _, m := range furnitureMarks {
				if strings.Contains(lower, m) {
					return true
				}
			}
			return false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		for _, m := range furnitureByFirst[c] {
			if hasPrefixLowerASCII(s[i:], m) {
				return true
			}
		}
	}
	return false
}

// hasPrefixLowerASCII reports whether s, with ASCII letters lower-cased,
// starts with prefix.
func hasPrefixLowerASCII(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// attributed reports whether a quote-led sentence names its speaker.
func attributed(lower string) bool {
	for _, v := range []string{" said", " says", " told", " quoted", " according to", " added", " stated", " wrote", " tweeted", " asked"} {
		if strings.Contains(lower, v) {
			return true
		}
	}
	return false
}

// stopwords carry no topic; they are left out of TF-IDF vectors.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but if of to in on at by for with from as is are was were be been being
		has have had do does did not no it its it's this that these those he she they we i you his her their our your them him
		us me my said says say will would could should may might can also than then there here which who whom whose what when
		where why how all any some more most other such into over after before about up down out off so very just s t one two
		new last first year years told according mr ms mrs`) {
		m[w] = true
	}
	return m
}()

// summarize picks the summary sentences. Relevance mixes centrality
// (LexRank), lead position, and coverage of the story's main entities and
// events not yet covered; Maximal Marginal Relevance keeps out sentences
// too like those already chosen. Each chosen group is shown as written in
// its source instance (the lead article's, else a copy-group canonical's,
// else the earliest article's) and cites every article carrying it.
func summarize(in Input, ix *storyIndex, lead int, canonicals map[int]bool, k int) []storyline.SummarySentence {
	if len(ix.groups) == 0 {
		return nil
	}
	reps := make([]int, len(ix.groups))
	support := make([]float64, len(ix.groups))
	tier := make([]int, len(ix.groups))
	leadPos := make([]float64, len(ix.groups))
	for g, members := range ix.groups {
		reps[g] = sourceInstance(ix, members, lead, canonicals)
		support[g] = float64(len(ix.groupArticles(g)))
		tier[g] = ix.sents[reps[g]].tier
		for _, i := range members {
			leadPos[g] = math.Max(leadPos[g], 1/math.Sqrt(1+float64(ix.sents[i].pos)))
		}
	}
	vecs, df := ix.groupVectors(reps)
	central := lexRank(vecs, support, len(ix.words))
	maxC := 0.0
	for _, c := range central {
		maxC = math.Max(maxC, c)
	}
	if maxC > 0 {
		for g := range central {
			central[g] /= maxC
		}
	}
	topics := mainTopics(in.Analysis, ix, df)
	cover := make([][]int, len(ix.groups))
	for g, i := range reps {
		cover[g] = topics.covered(ix.sents[i])
	}
	eventSent := map[string]bool{}
	for _, e := range in.Analysis.Events {
		eventSent[textutil.Normalize(e.Sentence)] = true
	}
	usable := 0
	for g := range tier {
		if tier[g] == eligible {
			usable++
		}
	}
	k = min(k, max(1, (usable+1)/2)) // short stories get fewer
	var chosen []int
	covered := make([]bool, len(topics.weight))
	for maxTier := eligible; maxTier < unusable && len(chosen) < k; maxTier++ {
		for len(chosen) < k {
			best, bestScore := -1, math.Inf(-1)
			for g := range ix.groups {
				if tier[g] > maxTier || containsInt(chosen, g) {
					continue
				}
				redundancy := 0.0
				for _, c := range chosen {
					redundancy = math.Max(redundancy, vecs[g].dot(vecs[c]))
				}
				if redundancy >= 0.5 {
					continue
				}
				gain := 0.0
				for _, t := range cover[g] {
					if !covered[t] {
						gain += topics.weight[t]
					}
				}
				rel := 0.4*central[g] + 0.4*leadPos[g] + 0.2*math.Min(1, gain)
				if eventSent[ix.sents[reps[g]].norm] {
					rel += 0.05
				}
				score := 0.7*rel - 0.3*redundancy
				if score > bestScore+1e-12 {
					best, bestScore = g, score
				}
			}
			if best < 0 {
				break
			}
			chosen = append(chosen, best)
			for _, t := range cover[best] {
				covered[t] = true
			}
		}
	}
	sort.SliceStable(chosen, func(x, y int) bool {
		a, b := ix.sents[reps[chosen[x]]], ix.sents[reps[chosen[y]]]
		ra := float64(a.pos) / float64(len(ix.byArticle[a.article]))
		rb := float64(b.pos) / float64(len(ix.byArticle[b.article]))
		if ra != rb {
			return ra < rb
		}
		if a.article != b.article {
			return a.article < b.article
		}
		return a.pos < b.pos
	})
	out := make([]storyline.SummarySentence, 0, len(chosen))
	for _, g := range chosen {
		i := reps[g]
		out = append(out, storyline.SummarySentence{Text: ix.sents[i].text, Citations: ix.citations(ix.carriers(i))})
	}
	return out
}

// sourceInstance picks the sentence of a group a summary shows: the lead
// article's, else a copy-group canonical's, else the earliest article's;
// ties go to the earliest position.
func sourceInstance(ix *storyIndex, members []int, lead int, canonicals map[int]bool) int {
	best := members[0]
	rankOf := func(i int) int {
		a := ix.sents[i].article
		switch {
		case a == lead:
			return 0
		case canonicals[a]:
			return 1
		}
		return 2
	}
	for _, i := range members[1:] {
		ri, rb := rankOf(i), rankOf(best)
		if ri < rb || ri == rb && (ix.sents[i].article < ix.sents[best].article ||
			ix.sents[i].article == ix.sents[best].article && ix.sents[i].pos < ix.sents[best].pos) {
			best = i
		}
	}
	return best
}

// topicSet is the story's main entities (from the analysis) or, without
// one, its most widely shared content words, each with a weight.
type topicSet struct {
	keys   [][][]int // each topic's token-id sequences (name and aliases)
	weight []float64
}

// mainTopics returns up to eight main topics. df is the number of groups
// whose source instance uses each token.
func mainTopics(an storyline.Analysis, ix *storyIndex, df []int) topicSet {
	var ts topicSet
	if len(an.Entities) > 0 {
		ents := append([]storyline.Entity(nil), an.Entities...)
		sort.SliceStable(ents, func(i, j int) bool {
			if ents[i].Mentions != ents[j].Mentions {
				return ents[i].Mentions > ents[j].Mentions
			}
			return ents[i].Name < ents[j].Name
		})
		total := 0.0
		for _, e := range ents[:min(8, len(ents))] {
			total += float64(max(1, e.Mentions))
		}
		for _, e := range ents[:min(8, len(ents))] {
			var keys [][]int
			for _, name := range append([]string{e.Name}, e.Aliases...) {
				if k, ok := ix.tokenIDs(matchWords(name)); ok && len(k) > 0 {
					keys = append(keys, k)
				}
			}
			ts.keys = append(ts.keys, keys)
			ts.weight = append(ts.weight, 2*float64(max(1, e.Mentions))/total)
		}
		return ts
	}
	// Without entities: the eight content words found in the most groups,
	// ties in word order.
	var words []int
	for t, n := range df {
		if n > 0 && !stopwords[ix.words[t]] && len(ix.words[t]) > 2 {
			words = append(words, t)
		}
	}
	before := func(a, b int) bool {
		if df[a] != df[b] {
			return df[a] > df[b]
		}
		return ix.words[a] < ix.words[b]
	}
	var top []int // kept sorted, at most eight
	for _, t := range words {
		if len(top) == 8 && !before(t, top[7]) {
			continue
		}
		at := len(top)
		for at > 0 && before(t, top[at-1]) {
			at--
		}
		top = slices.Insert(top, at, t)
		if len(top) > 8 {
			top = top[:8]
		}
	}
	for _, t := range top {
		ts.keys = append(ts.keys, [][]int{{t}})
		ts.weight = append(ts.weight, 0.25)
	}
	return ts
}

// tokenIDs maps match words to token ids; ok is false when a word is not
// in the story's vocabulary, so the sequence occurs in no sentence.
func (ix *storyIndex) tokenIDs(words []string) ([]int, bool) {
	ids := make([]int, len(words))
	for k, w := range words {
		id, ok := ix.vocab[w]
		if !ok {
			return nil, false
		}
		ids[k] = id
	}
	return ids, true
}

// covered lists the topics a sentence mentions: a topic key occurs as a
// run of consecutive tokens (whole-word match).
func (ts topicSet) covered(s sentence) []int {
	var out []int
	for t, keys := range ts.keys {
		for _, k := range keys {
			if containsRun(s.tokens, k) {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// containsRun reports whether run occurs in tokens as consecutive tokens.
func containsRun(tokens, run []int) bool {
	for i := 0; i+len(run) <= len(tokens); i++ {
		if tokens[i] == run[0] && slices.Equal(tokens[i:i+len(run)], run) {
			return true
		}
	}
	return false
}
