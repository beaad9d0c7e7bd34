package cluster

import (
	"sort"
)

// pendingItem is an item Added since the last Finish, with its vector and
// the norm it entered its story's centroid with.
type pendingItem struct {
	m    member
	vec  []weighted
	norm float64
	// story is the story id Add returned.
	story string
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

// redecide takes the batch's Added items out of their stories and adds
// them again in arrival order, scored with the statistics of the whole
// batch. The first items of a batch were decided with few documents seen,
// when IDF cannot tell a region's names from its stop words; deciding
// again removes most of that order dependence. Stories left empty are
// redirected to the story their founding item ended in.
func (c *Clusterer) redecide() map[string]string {
	redirects := map[string]string{}
	if len(c.batch) < 2 {
		return redirects
	}
	for _, p := range c.batch {
		c.unplace(p, c.itemStory[p.m.id])
	}
	for i, p := range c.batch {
		q := c.query(features{vector: p.vec})
		ranked := c.rank(q, p.m.at)
		var target int
		if len(ranked) > 0 && ranked[0].score >= c.opt.Threshold {
			target = ranked[0].story
		} else if si, ok := c.byID[StoryID(p.m.id)]; ok && c.stories[si].size == 0 {
			target = si // the item founds again the story it founded
		} else {
			target = c.newStory(StoryID(p.m.id), p.m.at)
		}
		c.place(p.m, p.vec, q.norm, target)
		c.batch[i].norm = q.norm
	}
	c.retireEmpty(redirects)
	return redirects
}

// unplace takes a batch item out of story si: centroid, members, span.
func (c *Clusterer) unplace(p pendingItem, si int) {
	s := c.stories[si]
	if p.norm > 0 {
		for _, w := range p.vec {
			if v, ok := s.centroid[w.term]; ok {
				if v -= w.weight / p.norm; v > 1e-9 {
					s.centroid[w.term] = v
				} else {
					delete(s.centroid, w.term)
				}
			}
		}
	}
	if i := c.memberIndex(si, p.m.id); i >= 0 {
		s.members = append(s.members[:i], s.members[i+1:]...)
	}
	s.size--
	s.stale = true
	s.version++
	s.span()
	delete(c.itemStory, p.m.id)
}

// retireEmpty ends the stories left without members, each redirected to
// the story its founding item ended in, and records the redirects.
func (c *Clusterer) retireEmpty(redirects map[string]string) {
	var emptied []int
	for si, s := range c.stories {
		if s.alive && s.size == 0 {
			emptied = append(emptied, si)
		}
	}
	for _, si := range emptied {
		s := c.stories[si]
		s.alive = false
		s.centroid = nil
		s.order, s.weighted = nil, nil
		delete(c.byID, s.id)
		if to, ok := c.itemStory[s.founder]; ok {
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
