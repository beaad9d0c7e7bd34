package cluster

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

// seedItems reads the example articles: first non-empty line as title,
// the rest as text, file name (without extension) as id. Dates unknown.
func seedItems(t *testing.T) []Item {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "examples", "articles", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Skip("example articles not found")
	}
	sort.Strings(paths)
	var items []Item
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.TrimSpace(string(raw))
		title, body, _ := strings.Cut(text, "\n")
		id := strings.TrimSuffix(filepath.Base(p), ".txt")
		items = append(items, Item{ID: id[:3], Title: strings.TrimSpace(title), Text: body})
	}
	return items
}

// partition renders stories as sorted member lists, e.g. "000 001|002 004|003".
func partition(stories []storyline.Story) string {
	var parts []string
	for _, s := range stories {
		arts := append([]string(nil), s.Articles...)
		sort.Strings(arts)
		parts = append(parts, strings.Join(arts, " "))
	}
	sort.Strings(parts)
	return strings.Join(parts, "|")
}

// permutations returns every ordering of n indexes.
func permutations(n int) [][]int {
	if n == 0 {
		return [][]int{{}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int(nil), p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

func TestSeedsPartitionAndRelation(t *testing.T) {
	items := seedItems(t)
	if len(items) != 5 {
		t.Fatalf("want 5 seed articles, got %d", len(items))
	}
	for _, order := range permutations(len(items)) {
		c := New()
		for _, i := range order {
			c.Add(items[i])
		}
		c.Finish()
		stories := c.Stories()
		got := partition(stories)
		if got != "000 001|002 004|003" {
			t.Fatalf("order %v: partition %q", order, got)
		}
		story := func(item string) storyline.Story {
			id, _ := c.Lookup(item)
			for _, s := range stories {
				if s.ID == id {
					return s
				}
			}
			t.Fatalf("no story for %s", item)
			return storyline.Story{}
		}
		approach, talks, iraq := story("000"), story("002"), story("003")
		rel := func(a, b storyline.Story) float64 {
			for _, r := range a.Related {
				if r.Story == b.ID {
					return r.Score
				}
			}
			return 0
		}
		if rel(approach, talks) == 0 || rel(talks, approach) == 0 {
			t.Fatalf("order %v: Kabul stories not related: %+v / %+v", order, approach.Related, talks.Related)
		}
		if r := max(rel(iraq, approach), rel(iraq, talks)); r >= rel(approach, talks) {
			t.Fatalf("order %v: 2008 Iraq story related %.3f, not weaker than the Kabul link %.3f", order, r, rel(approach, talks))
		}
	}
}
