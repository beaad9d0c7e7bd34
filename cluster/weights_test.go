package cluster

import (
	"crypto/sha1"
	"encoding/hex"
	"sort"
	"testing"
)

// TestCorpusScale checks the corpus size IDF reads: exact while small,
// never above the true size, and within 1/64 of it.
func TestCorpusScale(t *testing.T) {
	prev := 0
	for n := 0; n < 1<<20; n += 1 + n/97 {
		s := corpusScale(n)
		if n < 128 && s != n {
			t.Fatalf("corpusScale(%d) = %d, want exact", n, s)
		}
		if s > n || float64(n-s) > float64(n)/64 || s < prev {
			t.Fatalf("corpusScale(%d) = %d (previous %d)", n, s, prev)
		}
		prev = s
	}
}

// TestStoryIDFFrozenUntilSnapshot checks that the story frequencies the
// weights read stay those of the last snapshot while Adds create and grow
// stories, and move on at the next Finish.
func TestStoryIDFFrozenUntilSnapshot(t *testing.T) {
	items := devItems(t, "headlines-dev.jsonl.gz")[:400]
	c := New()
	for _, it := range items[:300] {
		c.Add(it)
	}
	c.Finish()
	settled, snap := c.settledAlive, c.snap
	weights := make([]float64, len(c.lex.terms))
	for id := range weights {
		weights[id] = c.storyIDF(&c.lex.terms[id])
	}
	for _, it := range items[300:400] { // 400 < 300*staleGrowth: no snapshot
		c.Add(it)
	}
	if c.alive == settled {
		t.Fatal("the Adds were meant to change the live stories")
	}
	if c.snap != snap || c.settledAlive != settled {
		t.Fatalf("snapshot moved between Finishes: %d stories -> %d", settled, c.settledAlive)
	}
	for id, w := range weights {
		if got := c.storyIDF(&c.lex.terms[id]); got != w {
			t.Fatalf("term %q: story IDF %.4f -> %.4f without a snapshot", c.lex.terms[id].surface, w, got)
		}
	}
	// Finish snapshots the stories as the batch left them, before it
	// decides again.
	alive := c.alive
	c.Finish()
	if c.snap == snap || c.settledAlive != alive {
		t.Fatalf("Finish took no snapshot: %d settled, %d alive at the batch end", c.settledAlive, alive)
	}
}

// TestHeadlineQuality guards the dev headline score (shuffled by sha1 of
// the id, Finish every 2000 items as ingest batches do) with a margin
// under the measured 0.864.
func TestHeadlineQuality(t *testing.T) {
	items := devItems(t, "headlines-dev.jsonl.gz")
	labels := devLabels(t, "headlines-dev.jsonl.gz")
	key := func(id string) string {
		sum := sha1.Sum([]byte(id))
		return hex.EncodeToString(sum[:])
	}
	sort.Slice(items, func(i, j int) bool { return key(items[i].ID) < key(items[j].ID) })
	c := New()
	for i, it := range items {
		c.Add(it)
		if (i+1)%2000 == 0 {
			c.Finish()
		}
	}
	c.Finish()
	pred := map[string]string{}
	for _, it := range items {
		pred[it.ID], _ = c.Lookup(it.ID)
	}
	if f := bcubedF1(pred, labels); f < 0.85 {
		t.Fatalf("headline B-cubed F1 %.4f < 0.85", f)
	} else {
		t.Logf("headline B-cubed F1 %.4f", f)
	}
}
