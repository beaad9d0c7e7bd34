package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// minSplitsRight is the floor this test holds the clusterer to.
const minSplitsRight = 30

// TestSplitBatchesGiveSameStories ingests the seeds in two runs, for every
// way of splitting them, and counts how often the stories come out as one
// run makes them: online clustering must not depend much on batching.
func TestSplitBatchesGiveSameStories(t *testing.T) {
	ctx := context.Background()
	files := seedPaths(t)
	ok := 0
	for mask := 1; mask < 31; mask++ {
		var a, b []string
		for i, f := range files {
			if mask&(1<<i) != 0 {
				a = append(a, f)
			} else {
				b = append(b, f)
			}
		}
		e, s := openEngine(t, filepath.Join(t.TempDir(), fmt.Sprint(mask, ".db")))
		e.Ingest(ctx, a, Options{})
		e.Ingest(ctx, b, Options{})
		var parts []string
		for _, v := range storiesBySeed(t, s) {
			parts = append(parts, v)
		}
		sort.Strings(parts)
		got := strings.Join(parts, " | ")
		if got == "000,001 | 002,004 | 003" {
			ok++
		} else {
			t.Logf("first %05b: %s", mask, got)
		}
		s.Close()
	}
	t.Logf("%d of 30 splits right", ok)
	if ok < minSplitsRight {
		t.Fatalf("only %d of 30 two-run splits give the one-run stories (want >= %d)", ok, minSplitsRight)
	}
}
