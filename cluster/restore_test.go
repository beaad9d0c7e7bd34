package cluster

import (
	"fmt"
	"math"
	"math/rand"
	"testing"
)

// A clusterer rebuilt with Join from stored assignments, then fed more
// items, never scores NaN — even for a term in every item, when the
// rounded corpus size falls below the term's document count.
func TestRestoredClustererScoresAreFinite(t *testing.T) {
	words := []string{}
	for i := 0; i < 800; i++ {
		words = append(words, fmt.Sprintf("w%d", i), fmt.Sprintf("Name%d", i))
	}
	rng := rand.New(rand.NewSource(1))
	mk := func(i int) Item {
		s := "common "
		for w := 0; w < 200; w++ {
			s += words[rng.Intn(len(words))] + " "
		}
		return Item{ID: fmt.Sprintf("item%04d", i), Title: "Report " + fmt.Sprint(i), Text: s}
	}
	a := New()
	var items []Item
	for i := 0; i < 125; i++ {
		it := mk(i)
		items = append(items, it)
		a.Add(it)
		if (i+1)%25 == 0 {
			a.Finish()
		}
	}
	storyOf := map[string]string{}
	for _, st := range a.Stories() {
		for _, id := range st.Articles {
			storyOf[id] = st.ID
		}
	}
	b := New()
	for _, it := range items {
		b.Join(it, storyOf[it.ID])
	}
	for i := 125; i < 150; i++ {
		as := b.Add(mk(i))
		if math.IsNaN(as.Score) || math.IsNaN(as.RunnerUpScore) {
			t.Fatalf("NaN at %d: %+v", i, as)
		}
	}
	b.Finish()
}
