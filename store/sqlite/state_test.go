package sqlite

import (
	"bytes"
	"context"
	"testing"

	"github.com/storyline-news/storyline"
)

// TestStateLastsUntilTheNextBatch checks that a saved state is returned
// (after a reopen too) until a batch is saved, and never after.
func TestStateLastsUntilTheNextBatch(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	if _, ok, err := s.State(ctx, "cluster"); err != nil || ok {
		t.Fatalf("empty store: ok %v err %v", ok, err)
	}
	batch := storyline.Batch{Articles: []storyline.Article{{ID: "a1", ContentHash: "h1", Version: 1, Text: "one"}}}
	if err := s.Save(ctx, batch); err != nil {
		t.Fatal(err)
	}
	blob := []byte{0, 1, 2, 255}
	if err := s.SaveState(ctx, "cluster", blob); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, ok, err := s.State(ctx, "cluster")
	if err != nil || !ok || !bytes.Equal(got, blob) {
		t.Fatalf("after reopen: %v %v %v", got, ok, err)
	}
	if _, ok, _ := s.State(ctx, "other"); ok {
		t.Fatal("a state never saved was returned")
	}
	batch.Articles[0] = storyline.Article{ID: "a2", ContentHash: "h2", Version: 1, Text: "two"}
	if err := s.Save(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.State(ctx, "cluster"); err != nil || ok {
		t.Fatalf("state saved before a batch still returned: ok %v err %v", ok, err)
	}
	if err := s.SaveState(ctx, "cluster", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, ok, _ := s.State(ctx, "cluster"); !ok || string(got) != "new" {
		t.Fatalf("replaced state: %q %v", got, ok)
	}
}

// TestEachArticleIdentityMatchesArticles checks that the light listing
// gives what Articles gives, in the same order, texts only when asked.
func TestEachArticleIdentityMatchesArticles(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	batch := storyline.Batch{Articles: []storyline.Article{
		{ID: "b", ContentHash: "h1", Version: 1, Title: "B", Text: "second stored first"},
		{ID: "a", ContentHash: "h2", Version: 3, Title: "A", Text: "first stored second"},
	}}
	if err := s.Save(ctx, batch); err != nil {
		t.Fatal(err)
	}
	want, err := s.Articles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, withText := range []bool{true, false} {
		var got []storyline.Article
		err = s.EachArticleIdentity(ctx, withText, func(id, hash string, version int, text string) {
			got = append(got, storyline.Article{ID: id, ContentHash: hash, Version: version, Text: text})
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%d articles, want %d", len(got), len(want))
		}
		for i := range got {
			w := want[i]
			if !withText {
				w.Text = ""
			}
			if got[i].ID != w.ID || got[i].ContentHash != w.ContentHash || got[i].Version != w.Version || got[i].Text != w.Text {
				t.Errorf("article %d (texts %v): %+v, want %s %s %d %q", i, withText, got[i], w.ID, w.ContentHash, w.Version, w.Text)
			}
		}
	}
}
