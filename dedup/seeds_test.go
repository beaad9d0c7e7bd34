package dedup

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

// loadSeeds reads the bundled real seed articles (examples/articles).
func loadSeeds(t testing.TB) []storyline.Article {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "examples", "articles", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Skip("seed articles not found")
	}
	sort.Strings(paths)
	var out []storyline.Article
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.SplitN(filepath.Base(p), "_", 2)[0]
		out = append(out, storyline.Article{ID: id, Text: string(b)})
	}
	return out
}

func TestSeedsPairs(t *testing.T) {
	arts := loadSeeds(t)
	ix := NewIndex()
	var all []Pair
	for _, a := range arts {
		ps := ix.Add(a.ID, a.Text)
		for _, p := range ps {
			t.Logf("%s-%s %s J=%.3f C=%.3f O=%.3f", p.A, p.B, p.Relation, p.Jaccard, p.Containment, p.Overlap)
		}
		all = append(all, ps...)
	}
	got := map[string]storyline.Relation{}
	for _, p := range all {
		got[p.A+"-"+p.B] = p.Relation
	}
	want := map[string]storyline.Relation{"000-001": storyline.SharesWire, "002-004": storyline.SharesWire}
	if len(got) != len(want) {
		t.Errorf("pairs = %v, want %v", got, want)
	}
	for k, r := range want {
		if got[k] != r {
			t.Errorf("pair %s = %q, want %q", k, got[k], r)
		}
	}
}
