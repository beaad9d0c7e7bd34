package cluster

import (
	"reflect"
	"testing"
)

// The slots keep 32 bits of the lookup stamp (see nextStamp). A lookup
// made as the stamp wraps around, with every slot holding the stamp it
// wraps to (as a new or restored story's slot does), must find the same
// candidates, with the same scores, as the lookup made before.
func TestStampWrapChangesNothing(t *testing.T) {
	items := devItems(t, "headlines-dev.jsonl.gz")
	sha1Order(items)
	items = items[:min(len(items), 1000)]
	c := New()
	for _, it := range items[:len(items)-1] {
		c.Add(it)
	}
	c.Finish()
	last := items[len(items)-1]
	q := c.query(c.extract.extract(last))
	want := append([]candidate(nil), c.rank(q, last.Time)...)
	if len(want) == 0 {
		t.Fatal("no candidates: the test needs a lookup that finds some")
	}
	c.stamp = 1<<32 - 1
	for si := range c.slots {
		c.slots[si].stamp = 0
	}
	got := c.rank(q, last.Time)
	if uint32(c.stamp) == 0 {
		t.Fatalf("stamp %d: a lookup ran with stamp 0, which fresh slots hold", c.stamp)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lookup across the stamp wrap: %v, want %v", got, want)
	}
}
