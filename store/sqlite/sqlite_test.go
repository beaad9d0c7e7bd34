package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestSaveAndReadBack(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	pub := time.Date(2018, 12, 26, 0, 0, 0, 0, time.UTC)
	b := storyline.Batch{
		Articles: []storyline.Article{
			{ID: "a1", ContentHash: "h1", Version: 1, Source: "x.txt", Title: "T1", Text: "one", Published: pub, Agencies: []string{"AFP"}},
			{ID: "a2", ContentHash: "h2", Version: 1, Source: "y.txt", Title: "T2", Text: "two"},
		},
		Assignments: []storyline.Assignment{{Article: "a1", Story: "s1", New: true}, {Article: "a2", Story: "s2", New: true}},
		Stories:     []storyline.Story{{ID: "s1", Articles: []string{"a1"}}, {ID: "s2", Articles: []string{"a2"}}},
		Groups:      []storyline.CopyGroup{{Canonical: "a1", Members: []storyline.Copy{{Article: "a2", Of: "a1", Relation: storyline.SharesWire}}}},
	}
	if err := s.Save(ctx, b); err != nil {
		t.Fatal(err)
	}
	// Merge s2 into s1 in a second batch.
	if err := s.Save(ctx, storyline.Batch{
		Redirects: map[string]string{"s2": "s1"},
		Removed:   []string{"s2"},
		Stories:   []storyline.Story{{ID: "s1", Articles: []string{"a1", "a2"}}},
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(ctx, path) // reopen: migrations must be idempotent
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	a, err := s2.Article(ctx, "a1")
	if err != nil || !a.Published.Equal(pub) || a.Agency() != "AFP" {
		t.Fatalf("article a1 = %+v, %v", a, err)
	}
	if _, err := s2.Article(ctx, "nope"); !errors.Is(err, storyline.ErrNotFound) {
		t.Fatalf("missing article: %v", err)
	}
	st, err := s2.Story(ctx, "s2")
	if err != nil || st.ID != "s1" || len(st.Articles) != 2 {
		t.Fatalf("redirected story = %+v, %v", st, err)
	}
	as, _ := s2.Assignments(ctx)
	if len(as) != 2 || as[1].Story != "s1" {
		t.Fatalf("assignments after merge: %+v", as)
	}
	ok, _ := s2.HasContent(ctx, "h2")
	if !ok {
		t.Fatal("content h2 should be known")
	}
	stories, _ := s2.Stories(ctx)
	if len(stories) != 1 {
		t.Fatalf("stories: %+v", stories)
	}
	// a2 splits off again and founds s2 anew: the live story wins over
	// the old redirect.
	if err := s2.Save(ctx, storyline.Batch{
		Assignments: []storyline.Assignment{{Article: "a2", Story: "s2", Via: "redecided"}},
		Stories:     []storyline.Story{{ID: "s1", Articles: []string{"a1"}}, {ID: "s2", Articles: []string{"a2"}}},
	}); err != nil {
		t.Fatal(err)
	}
	if st, err := s2.Story(ctx, "s2"); err != nil || st.ID != "s2" || len(st.Articles) != 1 {
		t.Fatalf("story founded again under a redirected id = %+v, %v", st, err)
	}
}

func TestGroupReplacedWhenItGrows(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	g1 := storyline.CopyGroup{Canonical: "a", Members: []storyline.Copy{{Article: "b", Of: "a"}}}
	g2 := storyline.CopyGroup{Canonical: "c", Members: []storyline.Copy{{Article: "a", Of: "c"}, {Article: "b", Of: "c"}}}
	for _, g := range []storyline.CopyGroup{g1, g2} {
		if err := s.Save(ctx, storyline.Batch{Groups: []storyline.CopyGroup{g}}); err != nil {
			t.Fatal(err)
		}
	}
	gs, err := s.Groups(ctx)
	if err != nil || len(gs) != 1 || gs[0].Canonical != "c" || len(gs[0].Members) != 2 {
		t.Fatalf("groups = %+v, %v", gs, err)
	}
}

func TestFailedBatchWritesNothing(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	err := s.Save(cctx, storyline.Batch{Articles: []storyline.Article{{ID: "a", ContentHash: "h"}}})
	if err == nil {
		t.Fatal("save with a cancelled context should fail")
	}
	as, _ := s.Articles(ctx)
	if len(as) != 0 {
		t.Fatalf("a failed batch left %d articles", len(as))
	}
}
