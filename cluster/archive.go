package cluster

import (
	"slices"
	"time"
)

// minRecentTimes is the least number of the latest arrivals' times
// archiveFloor reads (ArchiveArrivals when more).
const minRecentTimes = 4096

// slot is what the candidate lookup reads of a story for each posting it
// walks: kept apart from the story itself, in one flat slice, so that a
// posting costs one cache line even when the stories no longer fit in
// the cache. out marks a story that is not a candidate (merged away,
// retired or archived); stamp and partial are the lookup's scratch.
// It takes 16 bytes, four to a cache line: the stamp is the low 32 bits
// of Clusterer.stamp (see nextStamp).
type slot struct {
	partial float64
	stamp   uint32
	out     bool
}

// nextStamp starts a new walk over the slots and returns its stamp. The
// slots keep 32 bits of the clusterer's stamp; when those wrap around,
// a stamp written four billion walks ago could match the new one, so the
// slots' stamps are cleared and 0 is skipped: a slot stamped 0 (a new
// story, or one restored from a snapshot) then never matches.
func (c *Clusterer) nextStamp() uint32 {
	c.stamp++
	if uint32(c.stamp) == 0 {
		for i := range c.slots {
			c.slots[i].stamp = 0
		}
		c.stamp++
	}
	return uint32(c.stamp)
}

// coldEntry asks archiveCold to look at a story once the arrivals have
// passed tick: entries are queued when a story takes an article (tick is
// the article's arrival) and again when a story cold by arrivals is still
// recent by date. A story may have several entries; each look decides
// from the story as it stands.
type coldEntry struct {
	story int32
	tick  int
}

// archiveCold retires from the index the stories gone cold: no article
// in the last ArchiveArrivals arrivals (nor in the last MaxRedecide, so
// that no item Finish may decide again is in one) and none within
// ArchiveAge before the stream's present (see archiveFloor). An archived story keeps its id,
// articles and related links, but leaves the posting lists, the story
// frequencies of story IDF and memory (its centroid is dropped): the
// index holds the recent stories only, so the cost of an article and the
// memory held stay flat however long the stream runs. A late article
// cannot join an archived story by similarity; a copy Joined to one
// revives it.
//
// The worklist is the queue of (story, tick) entries place appends, so a
// pass costs the entries gone cold since the last one, not the corpus.
func (c *Clusterer) archiveCold() {
	if c.opt.ArchiveArrivals <= 0 {
		return
	}
	horizon := c.tick - max(c.opt.ArchiveArrivals, c.opt.MaxRedecide)
	floor := c.archiveFloor()
	var requeue []coldEntry
	for c.coldHead < len(c.coldQueue) && c.coldQueue[c.coldHead].tick <= horizon {
		e := c.coldQueue[c.coldHead]
		c.coldHead++
		s := c.stories[e.story]
		if !s.alive || s.archived || s.active > horizon {
			continue // gone, or took an article since: a later entry stands for it
		}
		if !s.last.IsZero() && !floor.IsZero() && floor.Sub(s.last) < c.opt.ArchiveAge {
			// Recent by date though not by arrival (old articles fed
			// late): look again after another ArchiveArrivals.
			requeue = append(requeue, coldEntry{story: e.story, tick: c.tick})
			continue
		}
		c.archive(int(e.story))
	}
	c.coldQueue = append(c.coldQueue, requeue...)
	// Drop the consumed head once it is most of the slice.
	if c.coldHead > len(c.coldQueue)/2 && c.coldHead > 1024 {
		c.coldQueue = slices.Delete(c.coldQueue, 0, c.coldHead)
		c.coldHead = 0
	}
}

// archive takes story si out of the index and the story statistics. It
// leaves the posting lists of its terms at once: every lookup would
// otherwise still walk over it, and at a million articles most entries of
// a common term's list would be archived stories.
func (c *Clusterer) archive(si int) {
	s := c.stories[si]
	for _, id := range s.centroid.terms {
		if id >= 0 {
			c.lex.terms[id].stories--
			c.postings[id] = slices.DeleteFunc(c.postings[id], func(p int32) bool { return int(p) == si })
		}
	}
	s.centroid.release()
	s.wterms, s.wweights = nil, nil
	s.norm = 0
	s.archived = true
	c.slots[si].out = true
	c.alive--
	c.archived++
	delete(c.pending, si)
	c.stories[si].marks &^= markPending
}

// revive brings an archived story back into the index, with an empty
// centroid that the article being placed starts again.
func (c *Clusterer) revive(si int) {
	s := c.stories[si]
	s.archived = false
	s.centroid = newCentroid()
	s.stale = true
	c.slots[si].out = false
	c.alive++
	c.archived--
}

// noteTime records an arrival's time for archiveFloor.
func (c *Clusterer) noteTime(t time.Time) {
	if t.IsZero() {
		return
	}
	if c.recentCap == 0 {
		c.recentCap = max(c.opt.ArchiveArrivals, minRecentTimes)
	}
	if len(c.recent) < c.recentCap {
		c.recent = append(c.recent, t)
		return
	}
	c.recent[c.recentNext] = t
	c.recentNext = (c.recentNext + 1) % c.recentCap
}

// archiveFloor is the stream's present for archiving: the earliest time
// among the latest arrivals. In a live stream that is about now, less the
// time those arrivals took; in a backfill fed out of date order (a
// shuffled import, an evaluation) it stays at the oldest dates, so that
// no story is archived while its articles may still come. A stray old
// date holds archiving back only until that many more articles came.
// Zero when no arrival had a time.
func (c *Clusterer) archiveFloor() time.Time {
	var floor time.Time
	for _, t := range c.recent {
		if floor.IsZero() || t.Before(floor) {
			floor = t
		}
	}
	return floor
}
