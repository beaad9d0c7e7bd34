package cluster

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"testing"
	"time"
)

// runHeadlines feeds the dev headlines in sha1 order with Finish every
// 2000 items, as the evaluation does, and returns the partition, the
// redirects of each Finish and the B-cubed F1.
func runHeadlines(t *testing.T, opt Options) (string, []map[string]string, float64) {
	t.Helper()
	items := devItems(t, "headlines-dev.jsonl.gz")
	labels := devLabels(t, "headlines-dev.jsonl.gz")
	sha1Order(items)
	c := NewWithOptions(opt)
	var redirects []map[string]string
	for i, it := range items {
		c.Add(it)
		if (i+1)%2000 == 0 {
			redirects = append(redirects, c.Finish())
		}
	}
	redirects = append(redirects, c.Finish())
	pred := map[string]string{}
	for _, it := range items {
		pred[it.ID], _ = c.Lookup(it.ID)
	}
	return partition(c.Stories()), redirects, bcubedF1(pred, labels)
}

// A bound on the postings a lookup reads larger than any query needs
// changes nothing; a tight one is deterministic and keeps the headline
// score (on 3k headlines few lists are long: the bound matters on long
// streams, where bench cluster measures it).
func TestScanPostingsBound(t *testing.T) {
	unbounded := DefaultOptions()
	unbounded.ScanPostings = 0
	base, baseRedirects, baseF1 := runHeadlines(t, unbounded)
	loose := DefaultOptions()
	loose.ScanPostings = math.MaxInt32
	if p, r, _ := runHeadlines(t, loose); p != base || !reflect.DeepEqual(r, baseRedirects) {
		t.Fatal("an unreachable ScanPostings bound changed the stories")
	}
	tight := DefaultOptions()
	tight.ScanPostings = 128
	p1, r1, f1 := runHeadlines(t, tight)
	p2, r2, _ := runHeadlines(t, tight)
	if p1 != p2 || !reflect.DeepEqual(r1, r2) {
		t.Fatal("two runs with ScanPostings 128 differ")
	}
	t.Logf("headline B-cubed F1: unbounded %.4f, ScanPostings 128 %.4f", baseF1, f1)
	if f1 < baseF1-0.01 {
		t.Fatalf("ScanPostings 128: B-cubed F1 %.4f, unbounded %.4f", f1, baseF1)
	}
}

// A lookup with ScanPostings reads at most that many postings, the
// newest: of fifty stories sharing a word, a query for the word finds
// the five created last.
func TestScanPostingsReadsNewestEntries(t *testing.T) {
	opt := DefaultOptions()
	opt.ScanPostings = 5
	c := NewWithOptions(opt)
	for i := 0; i < 50; i++ {
		c.Join(Item{ID: fmt.Sprintf("item%02d", i), Title: fmt.Sprintf("Reactor report from Zq%dx", i)}, fmt.Sprintf("s%02d", i))
	}
	ranked := c.rank(c.query(c.extract.extract(Item{ID: "q", Title: "reactor"})), time.Time{})
	var got []string
	for _, cand := range ranked {
		got = append(got, c.stories[cand.story].id)
	}
	sort.Strings(got)
	if want := []string{"s45", "s46", "s47", "s48", "s49"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("candidates %v, want %v", got, want)
	}
	c.opt.ScanPostings = 0
	if n := len(c.rank(c.query(c.extract.extract(Item{ID: "q", Title: "reactor"})), time.Time{})); n != opt.Candidates {
		t.Fatalf("unbounded: %d candidates, want %d", n, opt.Candidates)
	}
}
