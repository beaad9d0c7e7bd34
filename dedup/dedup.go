package dedup

import (
	"cmp"
	"math"
	"slices"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textutil"
)

// Groups builds copy groups from articles and the pairs found between them:
// connected components, the fullest copy as canonical (ties by id), and each
// other member compared with it. Pairs naming articles not given are
// ignored. Groups are sorted by canonical id, members by id.
func Groups(articles []storyline.Article, pairs []Pair) []storyline.CopyGroup {
	byID := make(map[string]int, len(articles))
	for i, a := range articles {
		byID[a.ID] = i
	}
	parent := make([]int, len(articles))
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
	direct := make(map[[2]string]Pair)
	for _, p := range pairs {
		a, okA := byID[p.A]
		b, okB := byID[p.B]
		if !okA || !okB || a == b {
			continue
		}
		parent[find(a)] = find(b)
		direct[[2]string{p.A, p.B}] = p
		direct[[2]string{p.B, p.A}] = p
	}
	components := make(map[int][]int)
	for i := range articles {
		if _, ok := byID[articles[i].ID]; ok && byID[articles[i].ID] == i {
			r := find(i)
			components[r] = append(components[r], i)
		}
	}
	var groups []storyline.CopyGroup
	for _, members := range components {
		if len(members) < 2 {
			continue
		}
		canon := members[0]
		canonWords := len(textutil.Words(articles[canon].Text))
		for _, m := range members[1:] {
			w := len(textutil.Words(articles[m].Text))
			if w > canonWords || w == canonWords && articles[m].ID < articles[canon].ID {
				canon, canonWords = m, w
			}
		}
		g := storyline.CopyGroup{Canonical: articles[canon].ID, Members: []storyline.Copy{}}
		canonDesc := describe(articles[canon].Text)
		for _, m := range members {
			if m == canon {
				continue
			}
			c := compareDescribed(articles[canon].ID, canonDesc, articles[m].ID, describe(articles[m].Text))
			if p, ok := direct[[2]string{articles[canon].ID, articles[m].ID}]; ok && p.Relation != c.Relation {
				// The verified pair saw the same texts; keep its verdict
				// so groups and pairs never disagree.
				c.Relation = p.Relation
			}
			g.Members = append(g.Members, c)
		}
		slices.SortFunc(g.Members, func(x, y storyline.Copy) int { return cmp.Compare(x.Article, y.Article) })
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(x, y storyline.CopyGroup) int { return cmp.Compare(x.Canonical, y.Canonical) })
	return groups
}

// Compare describes copy against canonical: relation, shingle Jaccard and
// containment, the share of copy's sentences found in canonical, and the
// sentences it adds, leaves out and rewords. When the two texts meet no
// copy rule directly (they are linked through other copies), the relation
// is shares-wire-text, the loosest.
func Compare(canonical, copy storyline.Article) storyline.Copy {
	return compareDescribed(canonical.ID, describe(canonical.Text), copy.ID, describe(copy.Text))
}

// described is a text prepared for comparison.
type described struct {
	full      uint64
	shingles  []uint32
	sentences []string // sentences with content words, aligned with views
	views     []sentenceView
}

func describe(text string) described {
	var an analyzer
	f := an.analyze(text)
	f.sortShingles()
	d := described{full: f.full, shingles: slices.Clone(f.shingles)}
	var words []uint16
	var ends []uint16
	for _, s := range textutil.Sentences(text) {
		before := len(words)
		forEachWordHash(s, func(h uint64) {
			if !isStopword(h) {
				words = append(words, wordID(h))
			}
		})
		if len(words) > before && len(d.sentences) < maxAlignedSentences && len(words) <= math.MaxUint16 {
			d.sentences = append(d.sentences, s)
			ends = append(ends, uint16(len(words)))
		}
	}
	d.views = sentenceViews(words, ends, nil)
	d.sentences = d.sentences[:len(d.views)]
	return d
}

func compareDescribed(canonID string, canon described, copyID string, cp described) storyline.Copy {
	c := storyline.Copy{
		Article: copyID, Of: canonID,
		Added: []string{}, Removed: []string{}, Changed: []storyline.SentenceChange{},
	}
	if canon.full == cp.full {
		c.Relation, c.Jaccard, c.Containment, c.Overlap = storyline.Exact, 1, 1, 1
		return c
	}
	c.Jaccard, c.Containment = similarity(canon.shingles, cp.shingles)
	ev, ms := judgeWire(cp.views, canon.views)
	c.Relation = storyline.SharesWire
	if isNearDuplicate(c.Jaccard, c.Containment, ev.Coverage) {
		c.Relation = storyline.NearDuplicate
	}
	c.Overlap = round3(ev.Overlap)
	c.Jaccard, c.Containment = round3(c.Jaccard), round3(c.Containment)
	matchedCanon := make([]bool, len(canon.views))
	matchedCopy := make([]bool, len(cp.views))
	for _, m := range ms {
		matchedCopy[m.I], matchedCanon[m.J] = true, true
		if m.Similarity < 1 {
			c.Changed = append(c.Changed, storyline.SentenceChange{
				From: canon.sentences[m.J], To: cp.sentences[m.I], Similarity: round3(m.Similarity),
			})
		}
	}
	for i, s := range cp.sentences {
		if !matchedCopy[i] {
			c.Added = append(c.Added, s)
		}
	}
	for j, s := range canon.sentences {
		if !matchedCanon[j] {
			c.Removed = append(c.Removed, s)
		}
	}
	return c
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
