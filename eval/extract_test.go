package eval

import (
	"os"
	"path/filepath"
	"testing"
)

// extractDevDir is the shared development set beside the repository.
func extractDevDir(t testing.TB) string {
	dir := filepath.Join("..", "..", "shared", "data", "extraction-dev")
	if _, err := os.Stat(filepath.Join(dir, "ground-truth.json")); err != nil {
		t.Skip("extraction-dev data not present")
	}
	return dir
}

func TestExtractPageScore(t *testing.T) {
	cases := []struct {
		truth, got string
		p, r       float64
		exact      bool
	}{
		{"a b c d e", "a b c d e", 1, 1, true},
		{"a b c d e", "", 0, 0, false},
		{"", "", 1, 1, true},
		{"a b c d e", "a b c d", 1, 0.5, false},
		{"one two", "one two", 1, 1, true},
		{"a b c d", "x a b c d", 0.5, 1, false},
	}
	for _, c := range cases {
		p, r, exact := ExtractPageScore(c.truth, c.got)
		if p != c.p || r != c.r || exact != c.exact {
			t.Errorf("score(%q, %q) = %v %v %v, want %v %v %v", c.truth, c.got, p, r, exact, c.p, c.r, c.exact)
		}
	}
}

func TestExtractDev(t *testing.T) {
	dir := extractDevDir(t)
	res, err := Extract(dir, ExtractOptions{Baseline: os.Getenv("EXTRACT_BASELINE") != ""})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("storyline: pages %d P %.4f R %.4f F1 %.4f acc %.4f %.1f pages/s", res.Pages, res.Precision, res.Recall, res.F1, res.Accuracy, res.PagesPerSec)
	if res.Baseline != nil {
		b := res.Baseline
		t.Logf("baseline:  pages %d P %.4f R %.4f F1 %.4f acc %.4f %.1f pages/s", b.Pages, b.Precision, b.Recall, b.F1, b.Accuracy, b.PagesPerSec)
	}
	for _, p := range res.Worst {
		t.Logf("worst %s P %.3f R %.3f %s", p.ID[:12], p.Precision, p.Recall, p.URL)
	}
	if res.Pages != 91 {
		t.Errorf("pages = %d, want 91", res.Pages)
	}
	if res.F1 < 0.95 {
		t.Errorf("F1 = %.4f, below 0.95", res.F1)
	}
}
