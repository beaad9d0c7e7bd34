package tell

import (
	"math"
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
	s = strings.TrimSpace(s)
	words := textutil.Words(s)
	lower := strings.ToLower(s)
	for _, m := range furnitureMarks {
		if strings.Contains(lower, m) {
			return unusable
		}
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
	if strings.ContainsRune("\"“", first) && !attributed(lower) {
		return weak
	}
	return eligible
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

// vector is a sparse TF-IDF vector, sorted by term id, of unit length.
type vector struct {
	terms   []int
	weights []float64
}

func (v vector) dot(u vector) float64 {
	sum, i, j := 0.0, 0, 0
	for i < len(v.terms) && j < len(u.terms) {
		switch {
		case v.terms[i] == u.terms[j]:
			sum += v.weights[i] * u.weights[j]
			i++
			j++
		case v.terms[i] < u.terms[j]:
			i++
		default:
			j++
		}
	}
	return sum
}

// groupVectors builds one TF-IDF vector per carry group, from the group's
// first sentence; document frequency counts groups, so a sentence repeated
// by many outlets does not make its own words look common.
func (ix *storyIndex) groupVectors(reps []int) []vector {
	df := map[int]int{}
	for _, i := range reps {
		seen := map[int]bool{}
		for _, t := range ix.sents[i].tokens {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	stop := map[int]bool{}
	for w, id := range ix.vocab {
		if stopwords[w] || len(w) == 1 && !unicode.IsDigit(rune(w[0])) {
			stop[id] = true
		}
	}
	n := float64(len(reps))
	out := make([]vector, len(reps))
	for g, i := range reps {
		tf := map[int]float64{}
		for _, t := range ix.sents[i].tokens {
			if !stop[t] {
				tf[t]++
			}
		}
		var v vector
		for t := range tf {
			v.terms = append(v.terms, t)
		}
		sort.Ints(v.terms)
		norm := 0.0
		for _, t := range v.terms {
			w := tf[t] * math.Log(1+n/float64(df[t]))
			v.weights = append(v.weights, w)
			norm += w * w
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for k := range v.weights {
				v.weights[k] /= norm
			}
		}
		out[g] = v
	}
	return out
}

// lexRank scores groups by continuous LexRank over the sentence graph with
// each group standing for all its copies: an edge to a group weighs its
// cosine times the number of articles carrying it (copies link each other
// with similarity 1), so sentences many outlets repeat, and sentences like
// many others, come out central. Edges below 0.1 cosine are dropped.
func lexRank(vecs []vector, support []float64) []float64 {
	n := len(vecs)
	type edge struct {
		to int
		w  float64
	}
	adj := make([][]edge, n)
	postings := map[int][]int{}
	for g, v := range vecs {
		for _, t := range v.terms {
			postings[t] = append(postings[t], g)
		}
	}
	acc := make([]float64, n)
	var touched []int
	for g, v := range vecs {
		for k, t := range v.terms {
			for _, h := range postings[t] {
				if h <= g {
					continue
				}
				if acc[h] == 0 {
					touched = append(touched, h)
				}
				acc[h] += v.weights[k] * vecs[h].weights[indexOf(vecs[h].terms, t)]
			}
		}
		sort.Ints(touched)
		for _, h := range touched {
			if acc[h] >= 0.1 {
				adj[g] = append(adj[g], edge{h, acc[h]})
				adj[h] = append(adj[h], edge{g, acc[h]})
			}
			acc[h] = 0
		}
		touched = touched[:0]
	}
	total := 0.0
	for _, s := range support {
		total += s
	}
	out := make([]float64, n)
	if total == 0 {
		return out
	}
	outW := make([]float64, n)
	for g := range adj {
		outW[g] = support[g] - 1 // links among the group's own copies
		for _, e := range adj[g] {
			outW[g] += e.w * support[e.to]
		}
	}
	rank := make([]float64, n)
	for g := range rank {
		rank[g] = support[g] / total
	}
	const damping = 0.85
	next := make([]float64, n)
	for iter := 0; iter < 40; iter++ {
		dangling := 0.0
		for g := range next {
			next[g] = (1 - damping) * support[g] / total
		}
		for g := range adj {
			if outW[g] <= 0 {
				dangling += rank[g]
				continue
			}
			f := damping * rank[g] / outW[g]
			next[g] += f * (support[g] - 1)
			for _, e := range adj[g] {
				next[e.to] += f * e.w * support[e.to]
			}
		}
		delta := 0.0
		for g := range next {
			next[g] += damping * dangling * support[g] / total
			delta += math.Abs(next[g] - rank[g])
		}
		rank, next = next, rank
		if delta < 1e-7 {
			break
		}
	}
	return rank
}

func indexOf(sorted []int, x int) int {
	return sort.SearchInts(sorted, x)
}

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
	vecs := ix.groupVectors(reps)
	central := lexRank(vecs, support)
	maxC := 0.0
	for _, c := range central {
		maxC = math.Max(maxC, c)
	}
	if maxC > 0 {
		for g := range central {
			central[g] /= maxC
		}
	}
	topics := mainTopics(in.Analysis, ix, reps)
	cover := make([][]int, len(ix.groups))
	for g, i := range reps {
		cover[g] = topics.covered(ix, ix.sents[i])
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
				rel := 0.55*central[g] + 0.25*leadPos[g] + 0.2*math.Min(1, gain)
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
	keys   [][]string // each topic's token sequences (name and aliases)
	weight []float64
}

// mainTopics returns up to eight main topics.
func mainTopics(an storyline.Analysis, ix *storyIndex, reps []int) topicSet {
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
			var keys []string
			for _, name := range append([]string{e.Name}, e.Aliases...) {
				if k := strings.Join(matchWords(name), " "); k != "" {
					keys = append(keys, k)
				}
			}
			ts.keys = append(ts.keys, keys)
			ts.weight = append(ts.weight, 2*float64(max(1, e.Mentions))/total)
		}
		return ts
	}
	// Without entities: content words found in the most groups.
	df := map[string]int{}
	inv := make([]string, len(ix.vocab))
	for w, id := range ix.vocab {
		inv[id] = w
	}
	for _, i := range reps {
		seen := map[int]bool{}
		for _, t := range ix.sents[i].tokens {
			w := inv[t]
			if !seen[t] && !stopwords[w] && len(w) > 2 {
				seen[t] = true
				df[w]++
			}
		}
	}
	words := make([]string, 0, len(df))
	for w := range df {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if df[words[i]] != df[words[j]] {
			return df[words[i]] > df[words[j]]
		}
		return words[i] < words[j]
	})
	for _, w := range words[:min(8, len(words))] {
		ts.keys = append(ts.keys, []string{w})
		ts.weight = append(ts.weight, 0.25)
	}
	return ts
}

// covered lists the topics a sentence mentions (whole-word match).
func (ts topicSet) covered(ix *storyIndex, s sentence) []int {
	var b strings.Builder
	b.WriteByte(' ')
	for _, t := range s.tokens {
		b.WriteString(ix.words[t])
		b.WriteByte(' ')
	}
	text := b.String()
	var out []int
	for t, keys := range ts.keys {
		for _, k := range keys {
			if strings.Contains(text, " "+k+" ") {
				out = append(out, t)
				break
			}
		}
	}
	return out
}
