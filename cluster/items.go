package cluster

import "sort"

// Items are numbered by their arrival tick (absorb gives each item the
// next one, and an item keeps it through every move), so the per-item
// state Finish reads over and over, the story of each item and the kept
// vectors, lives in slices indexed by tick rather than in maps keyed by
// the item's id: at a million headlines the string-keyed probes (a hash
// of the id, a comparison, a few cache misses each) of the redecide and
// refine passes were several percent of clustering. Only the entry points
// that start from an id (Add, Join, Lookup) read the id map, ticks.

// noStory marks, in tickStory, an item taken out of its story (see
// unplace) and the unused tick 0.
const noStory = -1

// storyOf returns the story an absorbed item is in.
func (c *Clusterer) storyOf(id string) (int, bool) {
	t, ok := c.ticks[id]
	if !ok {
		return 0, false
	}
	return c.storyAt(t)
}

// storyAt returns the story of the item that arrived at tick t.
func (c *Clusterer) storyAt(t int) (int, bool) {
	if t <= 0 || t >= len(c.tickStory) || c.tickStory[t] == noStory {
		return 0, false
	}
	return int(c.tickStory[t]), true
}

// register numbers a new item with the current tick.
func (c *Clusterer) register(id string) {
	c.ticks[id] = c.tick
	for len(c.tickStory) <= c.tick {
		c.tickStory = append(c.tickStory, noStory)
	}
}

// keep stores an absorbed item's vector so that Finish can decide it
// again, forgetting the oldest beyond MaxRedecide. Items are kept in
// arrival order, so keptTicks ascends.
func (c *Clusterer) keep(tick int, v keptVector) {
	c.keptTicks = append(c.keptTicks, tick)
	c.keptVecs = append(c.keptVecs, v)
	for len(c.keptTicks)-c.keptHead > max(c.opt.MaxRedecide, 0) {
		c.keptTicks[c.keptHead] = 0
		c.keptVecs[c.keptHead] = keptVector{}
		c.keptHead++
	}
	if c.keptHead > 1024 && c.keptHead > len(c.keptTicks)/2 {
		n := len(c.keptVecs)
		c.keptTicks = append(c.keptTicks[:0], c.keptTicks[c.keptHead:]...)
		c.keptVecs = append(c.keptVecs[:0], c.keptVecs[c.keptHead:]...)
		clear(c.keptVecs[len(c.keptVecs):n]) // drop the moved copies' vectors
		c.keptHead = 0
	}
}

// keptAt returns the position in keptVecs of the vector kept for the
// item of tick t. The kept ticks ascend, mostly one apart: the position
// is found by its offset from the oldest, else by binary search.
func (c *Clusterer) keptAt(t int) (int, bool) {
	live := c.keptTicks[c.keptHead:]
	if len(live) == 0 || t < live[0] {
		return 0, false
	}
	if i := t - live[0]; i < len(live) && live[i] == t {
		return c.keptHead + i, true
	}
	i := sort.SearchInts(live, t)
	if i < len(live) && live[i] == t {
		return c.keptHead + i, true
	}
	return 0, false
}

// keptOf returns the vector kept for the item of tick t.
func (c *Clusterer) keptOf(t int) (keptVector, bool) {
	if p, ok := c.keptAt(t); ok {
		return c.keptVecs[p], true
	}
	return keptVector{}, false
}

// setKept replaces the vector kept for the item of tick t, if kept.
func (c *Clusterer) setKept(t int, v keptVector) {
	if p, ok := c.keptAt(t); ok {
		c.keptVecs[p] = v
	}
}

// The sets of stories pending a merge check, with relations to recompute
// and changed since the last Changed, as story.marks bits.
const (
	markPending uint8 = 1 << iota
	markRelDirty
	markChanged
)

// touch puts story si into the sets its marks name. Each set is a map
// (read in sorted order when used) that place and unplace write for every
// item they move, several times per item in Finish; the story's marks
// say which sets hold it already and spare those writes (a hash and a
// probe each). A story's bit is set exactly while its set holds it.
func (c *Clusterer) touch(si int, marks uint8) {
	s := c.stories[si]
	missing := marks &^ s.marks
	if missing == 0 {
		return
	}
	if missing&markPending != 0 {
		c.pending[si] = true
	}
	if missing&markRelDirty != 0 {
		c.relDirty[si] = true
	}
	if missing&markChanged != 0 {
		c.changed[si] = true
	}
	s.marks |= missing
}

// clearMarks empties a set of stories and clears their bit mark.
func (c *Clusterer) clearMarks(set map[int]bool, mark uint8) {
	for si := range set {
		c.stories[si].marks &^= mark
	}
	clear(set)
}
