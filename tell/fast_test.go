package tell

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textutil"
)

// TestContainsText checks containsText against strings.Contains on
// substrings of real text, near-misses and short and repetitive texts.
func TestContainsText(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var texts []string
	for _, a := range seedArticles(t) {
		texts = append(texts, textutil.Normalize(a.Text))
	}
	texts = append(texts, strings.Repeat("ab", 200), "", "short")
	checked := 0
	for iter := 0; iter < 3000; iter++ {
		text := texts[r.Intn(len(texts))]
		var sub string
		if len(text) > 0 {
			i := r.Intn(len(text))
			j := min(len(text), i+r.Intn(200))
			sub = text[i:j]
		}
		switch r.Intn(4) {
		case 0:
			if len(sub) > 0 {
				k := r.Intn(len(sub))
				sub = sub[:k] + "#" + sub[k+1:]
			}
		case 1:
			sub = strings.Repeat("ab", r.Intn(120)) + "a"
		}
		if got, want := containsText(text, sub), strings.Contains(text, sub); got != want {
			t.Fatalf("containsText(%q…, %q) = %v, want %v", text[:min(40, len(text))], sub, got, want)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("nothing checked")
	}
}

// TestGradeAndTokenize checks the one-pass grading and tokenising against
// eligibility and matchWords on every sentence of the seeds and dev data.
func TestGradeAndTokenize(t *testing.T) {
	arts := seedArticles(t)
	if !testing.Short() {
		if _, err := os.Stat(filepath.Join("..", "..", "shared", "data", "stories-dev")); err == nil {
			arts = append(arts, devArticles(t)...)
		}
	}
	n := 0
	for _, a := range arts {
		for _, raw := range textutil.Sentences(a.Text + "\n\nThe U.S.-led talks\u200bresumed. “Quoted,” he said — again…") {
			text := stripDateline(raw)
			tier, words, count := gradeAndTokenize(text)
			if want := len(textutil.Words(text)); count != want {
				t.Errorf("%q: %d words, want %d", text, count, want)
			}
			if want := eligibility(text); tier != want {
				t.Errorf("%q: tier %d, want %d", text, tier, want)
			}
			if want := matchWords(text); strings.Join(words, " ") != strings.Join(want, " ") || len(words) != len(want) {
				t.Errorf("%q: words %q, want %q", text, words, want)
			}
			n++
		}
	}
	if n < 50 {
		t.Fatalf("only %d sentences checked", n)
	}
}

// TestIndexArticleTexts checks the article-level normalised texts and word
// counts the index derives from its sentences against textutil, on real
// articles and on texts with odd spaces, zero-width spaces, datelines and
// invalid UTF-8.
func TestIndexArticleTexts(t *testing.T) {
	arts := seedArticles(t)
	for _, text := range []string{
		"WASHINGTON (Reuters) - The U.S. said so.\u00a0It did.\n\n\u2009Then\u200b more “quotes” — here…",
		"A sentence.  Another one!\r\n\r\nLast\xe2\x80 line \xff.",
		"\u200b.\n\nword",
		"",
		"   ",
		"no terminator at all",
	} {
		arts = append(arts, storyline.Article{ID: "odd", Text: text})
	}
	if !testing.Short() {
		if _, err := os.Stat(filepath.Join("..", "..", "shared", "data", "stories-dev")); err == nil {
			arts = append(arts, devArticles(t)...)
		}
	}
	ix := newStoryIndex(arts)
	for a, art := range arts {
		if want := textutil.Normalize(art.Text); ix.normText[a] != want {
			t.Errorf("article %d: normalised text differs from textutil.Normalize:\n got %q\nwant %q", a, ix.normText[a], want)
		}
		if want := len(textutil.Words(art.Text)); ix.articleWords[a] != want {
			t.Errorf("article %d: %d words, want %d", a, ix.articleWords[a], want)
		}
	}
}

// TestHasFurniture checks the one-pass furniture scan against lower-casing
// and searching, on sentences with marks in odd case, the runes that
// lower-case to ASCII, and invalid UTF-8.
func TestHasFurniture(t *testing.T) {
	slow := func(s string) bool {
		lower := strings.ToLower(s)
		for _, m := range furnitureMarks {
			if strings.Contains(lower, m) {
				return true
			}
		}
		return false
	}
	pieces := []string{"Click Here", "CLIC\u212A HERE", "sign up", "S\u0130gn up", "Sİgn", "©", "\xc2", "\xa9", "HTTPS://", "www.",
		"Read More", "the", " ", "news", "letter", "@", "Subscribe", "\u212a", "İ", "é", "É", "\xff", "“", "ADVERTISEMENT", "follow", " us"}
	r := rand.New(rand.NewSource(2))
	hits := 0
	for iter := 0; iter < 20000; iter++ {
		var b strings.Builder
		for n := r.Intn(6); n >= 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		want := slow(s)
		if got := hasFurniture(s); got != want {
			t.Fatalf("hasFurniture(%q) = %v, want %v", s, got, want)
		}
		if want {
			hits++
		}
	}
	if hits == 0 {
		t.Fatal("no furniture found: the test checks nothing")
	}
}

// TestSimilarityGraph checks the inverted-index graph against all pairs:
// the same edges, in neighbour order, with bit-identical cosines.
func TestSimilarityGraph(t *testing.T) {
	ix := newStoryIndex(story50Copies(t))
	reps := make([]int, len(ix.groups))
	for g, members := range ix.groups {
		reps[g] = members[0]
	}
	vecs, _ := ix.groupVectors(reps)
	gr := similarityGraph(vecs, len(ix.words))
	edges := 0
	for g := range vecs {
		var want []edge
		for h := range vecs {
			if h == g {
				continue
			}
			lo, hi := min(g, h), max(g, h)
			if w := vecs[lo].dot(vecs[hi]); w >= 0.1 {
				want = append(want, edge{h, w})
			}
		}
		if got := gr.of(g); !slices.Equal(got, want) {
			t.Fatalf("group %d: edges %v, want %v", g, got, want)
		}
		edges += len(want)
	}
	if edges == 0 {
		t.Fatal("no edges: the test checks nothing")
	}
}
