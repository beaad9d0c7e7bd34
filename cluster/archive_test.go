package cluster

import (
	"crypto/sha1"
	"encoding/hex"
	"sort"
	"testing"
	"time"
)

// archiveOptions archive after a few arrivals, so that the 156 dev
// articles exercise it.
func archiveOptions() Options {
	o := DefaultOptions()
	o.ArchiveArrivals = 20
	o.MaxRedecide = 20
	o.ArchiveAge = 30 * 24 * time.Hour
	return o
}

func feed(c *Clusterer, items []Item, finishEvery int) {
	for i, it := range items {
		c.Add(it)
		if (i+1)%finishEvery == 0 {
			c.Finish()
		}
	}
	c.Finish()
}

// TestArchiveColdStories feeds real articles in date order and checks
// that stories gone cold leave the index but not the stories: they keep
// their id and articles, are no longer candidates, and a copy Joined to
// one brings it back.
func TestArchiveColdStories(t *testing.T) {
	items := devItems(t, "fulltext-dev.jsonl.gz")
	sort.SliceStable(items, func(i, j int) bool { return items[i].Time.Before(items[j].Time) })
	c := NewWithOptions(archiveOptions())
	c.recentCap = 20 // the present is the earliest of the last 20 dates
	feed(c, items, 10)
	if c.archived == 0 {
		t.Fatal("no story archived over a stream spanning months")
	}
	if c.Len() != len(c.Stories()) {
		t.Fatalf("Len %d, Stories %d", c.Len(), len(c.Stories()))
	}
	listed := map[string]int{}
	for _, st := range c.Stories() {
		listed[st.ID] = len(st.Articles)
	}
	var gone *story
	var goneIdx int
	var member Item
	for si, s := range c.stories {
		if !s.archived {
			continue
		}
		if !s.centroid.released() || !c.slots[si].out {
			t.Fatalf("archived story %s still indexed", s.id)
		}
		if listed[s.id] != s.size || s.size == 0 {
			t.Fatalf("archived story %s listed with %d articles, holds %d", s.id, listed[s.id], s.size)
		}
		if gone == nil {
			gone, goneIdx = s, si
			for _, it := range items {
				if it.ID == s.members[0].id {
					member = it
				}
			}
		}
	}
	if got, _ := c.Lookup(member.ID); got != gone.id {
		t.Fatalf("Lookup of an archived story's article: %q, want %q", got, gone.id)
	}
	f := c.extract.extract(member)
	for _, cand := range c.rank(c.query(f), member.Time) {
		if cand.story == goneIdx {
			t.Fatal("an archived story is still a candidate")
		}
	}
	archived := c.archived
	copyOf := member
	copyOf.ID = member.ID + "-copy"
	c.Join(copyOf, gone.id)
	if gone.archived || c.archived != archived-1 || gone.centroid.len() == 0 || c.slots[goneIdx].out {
		t.Fatal("a copy Joined to an archived story did not bring it back")
	}
}

// TestArchiveSparesBackfill feeds the same articles in an order unrelated
// to their dates, as an evaluation or a historical import does: archiving
// must not split their stories, so the partition equals the one made with
// archiving off.
func TestArchiveSparesBackfill(t *testing.T) {
	items := devItems(t, "fulltext-dev.jsonl.gz")
	key := func(id string) string { s := sha1.Sum([]byte(id)); return hex.EncodeToString(s[:]) }
	sort.Slice(items, func(i, j int) bool { return key(items[i].ID) < key(items[j].ID) })
	off := DefaultOptions()
	off.ArchiveArrivals = 0
	a, b := NewWithOptions(off), NewWithOptions(archiveOptions())
	feed(a, items, 10)
	feed(b, items, 10)
	if b.archived != 0 {
		t.Errorf("%d stories archived in a backfill", b.archived)
	}
	if partition(a.Stories()) != partition(b.Stories()) {
		t.Fatal("archiving changed the stories of a backfill")
	}
}
