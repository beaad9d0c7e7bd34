package tell

import (
	"sort"

	"github.com/storyline-news/storyline"
)

// copyCanonicals maps each article index to the index of the fuller copy
// it is compared with, or -1. With copy groups it is the group's canonical.
// Without any (the dedup stage did not run), an article's reference is the
// other article sharing the most sentences with it, when those are at least
// 30% of its sentences and that article has more sentences: the fuller copy
// of the same text.
func copyCanonicals(in Input, ix *storyIndex) []int {
	ref := make([]int, len(in.Articles))
	for i := range ref {
		ref[i] = -1
	}
	index := map[string]int{}
	for i, a := range in.Articles {
		if _, ok := index[a.ID]; !ok {
			index[a.ID] = i
		}
	}
	if len(in.Groups) > 0 {
		for _, g := range in.Groups {
			c, ok := index[g.Canonical]
			if !ok {
				continue
			}
			for _, m := range g.Members {
				if a, ok := index[m.Article]; ok && a != c {
					ref[a] = c
				}
			}
		}
		return ref
	}
	for a := range in.Articles {
		shared := make([]int, len(in.Articles))
		seen := map[int]bool{}
		for _, i := range ix.byArticle[a] {
			g := ix.sents[i].group
			if seen[g] {
				continue
			}
			seen[g] = true
			for _, b := range ix.groupArticles(g) {
				if b != a {
					shared[b]++
				}
			}
		}
		best := -1
		for b, n := range shared {
			if n == 0 || len(ix.byArticle[b]) <= len(ix.byArticle[a]) {
				continue
			}
			if best < 0 || n > shared[best] {
				best = b
			}
		}
		if best >= 0 && float64(shared[best]) >= 0.3*float64(len(ix.byArticle[a])) {
			ref[a] = best
		}
	}
	return ref
}

// additions lists, per article in story order, the sentences no other
// article carries (exactly or near-identically), and the shared sentences
// it lacks: those carried by at least two other articles, or by its copy
// canonical. Headings, captions and other fragments are left out of both,
// and so is the end of a quotation the splitter cut off: its sentence is
// shown whole where it starts (see quoteJoins). A shared sentence is shown
// as its canonical copy wrote it, else as the earliest carrying article did.
func additions(in Input, ix *storyIndex, ref []int) []storyline.Additions {
	type shared struct {
		group, inst int
		arts        []int
	}
	var sharedGroups []shared
	for g := range ix.groups {
		arts := ix.groupArticles(g)
		if len(arts) < 2 && !(len(arts) == 1 && isReference(ref, arts[0])) {
			continue
		}
		inst := ix.groups[g][0]
		if ix.sents[inst].tier == unusable {
			continue
		}
		sharedGroups = append(sharedGroups, shared{g, inst, arts})
	}
	out := make([]storyline.Additions, 0, len(in.Articles))
	for a, art := range in.Articles {
		add := storyline.Additions{Article: art.ID, Outlet: art.Outlet, Added: []string{}, Omitted: []string{}}
		for _, i := range ix.byArticle[a] {
			s := ix.sents[i]
			arts := ix.groupArticles(s.group)
			if len(arts) == 1 && s.tier != unusable && !s.continues && len(ix.carriers(i)) == 1 && len(in.Articles) > 1 {
				add.Added = append(add.Added, s.shown())
			}
		}
		type omission struct {
			text     string
			art, pos int
		}
		var omitted []omission
		for _, sg := range sharedGroups {
			if containsInt(sg.arts, a) {
				continue
			}
			others := len(sg.arts)
			fromRef := ref[a] >= 0 && containsInt(sg.arts, ref[a])
			if others < 2 && !fromRef {
				continue
			}
			inst := sg.inst
			if fromRef {
				for _, i := range ix.groups[sg.group] {
					if ix.sents[i].article == ref[a] {
						inst = i
						break
					}
				}
			}
			s := ix.sents[inst]
			if s.continues {
				continue // shown with the sentence it ends
			}
			if containsInt(ix.mayContain(inst), a) && containsText(ix.normText[a], s.norm) {
				continue // carried inside a longer sentence of a
			}
			omitted = append(omitted, omission{s.shown(), s.article, s.pos})
		}
		sort.SliceStable(omitted, func(x, y int) bool {
			if omitted[x].art != omitted[y].art {
				return omitted[x].art < omitted[y].art
			}
			return omitted[x].pos < omitted[y].pos
		})
		for _, o := range omitted {
			add.Omitted = append(add.Omitted, o.text)
		}
		out = append(out, add)
	}
	return out
}

// isReference reports whether article a is some article's copy canonical.
func isReference(ref []int, a int) bool {
	for _, r := range ref {
		if r == a {
			return true
		}
	}
	return false
}
