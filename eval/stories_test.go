package eval

import (
	"os"
	"path/filepath"
	"testing"
)

// The whole pipeline on the labelled full-text set: its stories must stay
// close to what the clusterer alone achieves (copy detection and
// extraction must not pull unrelated articles together).
func TestStoriesEndToEndOnFullText(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "stories-dev", "fulltext-dev.jsonl.gz")
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared stories-dev data not present")
	}
	r, err := Stories(path, StoriesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Items != 156 || r.BCubedF1 < 0.95 || r.BCubedP < 0.95 {
		t.Fatalf("end to end: %d items, B-cubed P %.3f R %.3f F1 %.3f", r.Items, r.BCubedP, r.BCubedR, r.BCubedF1)
	}
}
