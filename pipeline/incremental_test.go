package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestSavedStoriesFollowTheClusterer ingests real articles in small
// batches and checks that the store, which each batch updates with the
// stories the clusterer reports changed (not all of them), ends up holding
// every story as the clusterer has it: the same articles and the same
// related stories with the same scores. A story left out of a batch's
// changes would keep a stale list here.
func TestSavedStoriesFollowTheClusterer(t *testing.T) {
	pages := filepath.Join("..", "..", "shared", "data", "extraction-dev", "html")
	if _, err := os.Stat(pages); err != nil {
		t.Skip("extraction-dev pages not present")
	}
	ctx := context.Background()
	e, s := openEngine(t, filepath.Join(t.TempDir(), "s.db"))
	defer s.Close()
	if _, err := e.Ingest(ctx, []string{pages, samples}, Options{BatchSize: 7}); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := e.clusters.Stories()
	if len(stored) != len(want) {
		t.Fatalf("store holds %d stories, clusterer %d", len(stored), len(want))
	}
	related := 0
	for i, st := range stored {
		w := want[i]
		if st.ID != w.ID || len(st.Articles) != len(w.Articles) {
			t.Fatalf("story %d: stored %s with %d articles, clusterer %s with %d", i, st.ID, len(st.Articles), w.ID, len(w.Articles))
		}
		if len(st.Related) != len(w.Related) {
			t.Fatalf("story %s: stored %d related, clusterer %d", st.ID, len(st.Related), len(w.Related))
		}
		for j := range st.Related {
			if st.Related[j].Story != w.Related[j].Story || st.Related[j].Score != w.Related[j].Score {
				t.Errorf("story %s related %d: stored %s %.4f, clusterer %s %.4f", st.ID, j,
					st.Related[j].Story, st.Related[j].Score, w.Related[j].Story, w.Related[j].Score)
			}
		}
		related += len(st.Related)
	}
	if related == 0 {
		t.Fatal("no related stories at all: the check saw nothing")
	}
}
