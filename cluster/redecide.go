package cluster

import (
	"slices"
	"sort"
)

// batchItem is an item Added since the last Finish, with the story Add
// gave it.
type batchItem struct {
	id    string
	story string
}

// revisitItem is an item Finish takes out of its story to decide again.
type revisitItem struct {
	m member
	keptVector
	from int // the story it was in
	// watch lists the stories (with their churn) the item's last
	// decision read: while none of them changes, deciding it again would
	// change nothing (see refine).
	watch []storyVersion
	// margin is how clear that decision was (see decisionMargin).
	margin float64
}

// keptVector is an item's raw term vector and the norm (with the global
// weights of the moment) it entered its story's centroid with, so that it
// can be taken out exactly; deciding it again refreshes the norm.
type keptVector struct {
	vec  []weighted
	norm float64
}

// memberIndex finds an item among a story's members.
func (c *Clusterer) memberIndex(si int, id string) int {
	ms := c.stories[si].members
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].id == id {
			return i
		}
	}
	return -1
}

// Moved returns the items the last Finish moved to another story other
// than by merging whole stories (item id -> story id), so that stored
// assignments can be updated.
func (c *Clusterer) Moved() map[string]string { return c.moved }

// staleGrowth is the growth of the corpus after which a story's members
// are decided again even when no new item went to it: the statistics
// they were decided with (IDF, capitalisation) have changed enough to
// change decisions. Growth is geometric, so each kept item is revisited
// this way a bounded number of times, and it happens mostly while the
// corpus is small, when each new document moves the statistics most.
const staleGrowth = 1.5

// staleStories returns the stories holding kept items whose members were
// last decided when the corpus was smaller by staleGrowth.
func (c *Clusterer) staleStories() map[int]bool {
	stale := map[int]bool{}
	limit := float64(c.items) / staleGrowth
	for _, t := range c.keptTicks[c.keptHead:] {
		si, ok := c.storyAt(t)
		if ok && c.stories[si].alive && float64(c.stories[si].decidedAt) < limit {
			stale[si] = true
		}
	}
	return stale
}

// revisitSet lists the items Finish decides again, in arrival order: the
// items Added since the last Finish, and the RevisitMembers most recent
// members of each story they are in and of each stale story (earlier
// batches' items, restored items and copies Joined to a story alike). A decision taken early, with
// few documents seen or before the articles that tell two events apart
// arrived, is then not frozen by the batch boundary: the outcome depends
// much less on how the stream was cut into batches. Only items whose
// vectors are still kept can be revisited.
func (c *Clusterer) revisitSet() []revisitItem {
	chosen := map[int]bool{} // by tick
	var out []revisitItem
	add := func(si int, m member) {
		if chosen[m.tick] {
			return
		}
		kv, ok := c.keptOf(m.tick)
		if !ok {
			return
		}
		chosen[m.tick] = true
		out = append(out, revisitItem{m: m, keptVector: kv, from: si})
	}
	touched := c.staleStories()
	for _, b := range c.batch {
		si, ok := c.storyOf(b.id)
		if !ok {
			continue
		}
		touched[si] = true
		if i := c.memberIndex(si, b.id); i >= 0 {
			add(si, c.stories[si].members[i])
		}
	}
	stories := make([]int, 0, len(touched))
	for si := range touched {
		stories = append(stories, si)
	}
	sort.Ints(stories)
	for _, si := range stories {
		c.stories[si].decidedAt = c.items
		ms := c.stories[si].members
		for i := len(ms) - 1; i >= 0 && i >= len(ms)-c.opt.RevisitMembers; i-- {
			add(si, ms[i])
		}
	}
	slices.SortFunc(out, func(a, b revisitItem) int { return a.m.tick - b.m.tick })
	return out
}

// redecide takes the revisit set out of its stories and adds it again in
// arrival order, scored (and normalised) with the current statistics. The first items of
// a batch were decided with few documents seen, when IDF cannot tell a
// region's names from its stop words; deciding again removes most of
// that order dependence. A founding item that starts a story again
// restarts the one it founded when it is left empty. Stories left
// empty are redirected to the story their founding item ended in. It
// returns the redirects, the story each revisited item was in before and
// the revisited items, in arrival order.
func (c *Clusterer) redecide() (map[string]string, map[string]string, []revisitItem) {
	redirects := map[string]string{}
	items := c.revisitSet()
	before := make(map[string]string, len(items))
	if len(items) < 2 {
		return redirects, before, nil
	}
	for _, r := range items {
		before[r.m.id] = c.stories[r.from].id
		c.unplace(r, r.from)
	}
	for i := range items {
		r := &items[i]
		q := c.query(features{vector: r.vec})
		ranked := c.finishRank(q, r.m.at)
		var target int
		if len(ranked) > 0 && ranked[0].score >= c.opt.Threshold {
			target = ranked[0].story
		} else {
			target = c.foundAgain(r.m)
		}
		c.place(r.m, r.vec, q.norm, target)
		c.setKept(r.m.tick, keptVector{r.vec, q.norm})
		if c.opt.RedecidePasses > 1 {
			r.watch = c.watchList(r.watch[:0], ranked, target)
			var best, runnerUp float64
			if len(ranked) > 0 {
				best = ranked[0].score
			}
			if len(ranked) > 1 {
				runnerUp = ranked[1].score
			}
			r.margin = c.decisionMargin(best, runnerUp)
		}
	}
	from := make([]int, 0, len(items))
	for _, r := range items {
		from = append(from, r.from)
	}
	c.retireEmpty(from, redirects)
	return redirects, before, items
}

// foundAgain returns the story a revisited item founds when it joins
// none: the one it founded before when that was left empty (its id
// stays), else a new one.
func (c *Clusterer) foundAgain(m member) int {
	if si, ok := c.byID[StoryID(m.id)]; ok && c.stories[si].size == 0 {
		return si // byID holds live stories only
	}
	return c.newStory(StoryID(m.id), m.at)
}

// unplace takes an item out of story si: centroid, members, span.
func (c *Clusterer) unplace(r revisitItem, si int) {
	s := c.stories[si]
	if r.norm > 0 {
		for _, w := range r.vec {
			if v, ok := s.centroid.get(w.term); ok {
				if v -= w.weight / r.norm; v > 1e-9 {
					s.centroid.set(w.term, v)
				} else {
					s.centroid.remove(w.term)
					c.lex.terms[w.term].stories--
				}
			}
		}
	}
	if i := c.memberIndex(si, r.m.id); i >= 0 {
		s.members = append(s.members[:i], s.members[i+1:]...)
	}
	s.size--
	s.stale = true
	s.version++
	s.churn++
	s.span()
	c.tickStory[r.m.tick] = noStory
	c.touch(si, markPending|markRelDirty|markChanged)
}

// retireEmpty ends the stories among those given that are left without
// members, each redirected to the story its founding item ended in, and
// records the redirects. Only the stories items left can be empty: the
// pass costs the batch, not the corpus.
func (c *Clusterer) retireEmpty(from []int, redirects map[string]string) {
	slices.Sort(from)
	from = slices.Compact(from)
	var emptied []int
	for _, si := range from {
		if s := c.stories[si]; s.alive && s.size == 0 {
			emptied = append(emptied, si)
		}
	}
	for _, si := range emptied {
		s := c.stories[si]
		s.alive = false
		c.slots[si].out = true
		c.alive--
		for _, id := range s.centroid.terms {
			if id >= 0 {
				c.lex.terms[id].stories--
			}
		}
		s.centroid.release()
		s.wterms, s.wweights = nil, nil
		delete(c.byID, s.id)
		if to, ok := c.storyOf(s.founder); ok {
			c.redirects[s.id] = c.stories[to].id
			redirects[s.id] = c.stories[to].id
		}
	}
}

// sortedKeys returns a map's keys in order.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
