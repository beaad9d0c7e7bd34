package dedup

import (
	"reflect"
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
)

func viewsOf(text string) []sentenceView { return describe(text).views }

func TestAlignFindsVerbatimAndRewordedSentences(t *testing.T) {
	a := viewsOf("Iran held talks with the Taliban in Kabul on Wednesday, officials said. The meeting lasted three hours and covered border security. Nobody else attended.")
	b := viewsOf("Officials said Iran held talks with the Taliban in Kabul on Wednesday. The meeting lasted four hours and covered regional border security. A new unrelated sentence about football scores tonight.")
	ms := alignSentences(a, b)
	if len(ms) != 2 {
		t.Fatalf("matches = %+v, want 2", ms)
	}
	if ms[0].Similarity != 1 || ms[1].Similarity >= 1 || ms[1].Similarity < fuzzySentenceSimilarity {
		t.Fatalf("similarities = %+v", ms)
	}
}

func TestAlignUnrelatedSameStorySentences(t *testing.T) {
	a := viewsOf("Ali Shamkhani, secretary of Iran's Supreme National Security Council, visited Kabul.")
	b := viewsOf("Shamkhani, who heads Iran's Supreme National Security Council, rejected the American offer of talks.")
	if ms := alignSentences(a, b); len(ms) != 0 {
		t.Fatalf("different sentences sharing names matched: %+v", ms)
	}
}

// checkAlignment asserts the aligner's invariants on any pair of texts.
func checkAlignment(t *testing.T, x, y string) {
	a, b := viewsOf(x), viewsOf(y)
	ms := alignSentences(a, b)
	usedA, usedB := map[int]bool{}, map[int]bool{}
	for _, m := range ms {
		if m.I < 0 || m.I >= len(a) || m.J < 0 || m.J >= len(b) || usedA[m.I] || usedB[m.J] {
			t.Fatalf("alignment not one to one within range: %+v", ms)
		}
		usedA[m.I], usedB[m.J] = true, true
		if m.Similarity < fuzzySentenceSimilarity || m.Similarity > 1 {
			t.Fatalf("similarity out of range: %+v", m)
		}
	}
	// The word-mask bound only skips work: without it (zero masks bound
	// nothing) the alignment and the evidence must be the same.
	a0, b0 := withoutMasks(a), withoutMasks(b)
	if ref := alignSentences(a0, b0); !reflect.DeepEqual(ref, ms) && len(ref)+len(ms) > 0 {
		t.Fatalf("mask bound changed the alignment: %+v, without it %+v", ms, ref)
	}
	ev0, _ := judgeWire(a0, b0)
	if ev, _ := judgeWire(a, b); ev != ev0 {
		t.Fatalf("mask bound changed the evidence: %+v, without it %+v", ev, ev0)
	}
	self := alignSentences(a, a)
	if len(self) != len(a) {
		t.Fatalf("a text aligns %d of its %d sentences with itself", len(self), len(a))
	}
	ev, _ := judgeWire(a, b)
	if ev.Overlap < 0 || ev.Overlap > 1 || ev.Coverage < 0 || ev.Coverage > 1 {
		t.Fatalf("evidence out of range: %+v", ev)
	}
	c := Compare(storyline.Article{ID: "a", Text: x}, storyline.Article{ID: "b", Text: y})
	if c.Overlap < 0 || c.Overlap > 1 || c.Jaccard < 0 || c.Jaccard > 1 {
		t.Fatalf("Compare out of range: %+v", c)
	}
}

func FuzzAlignSentences(f *testing.F) {
	f.Add("Iran met the Taliban. Talks will continue.", "Talks will continue. Iran met the Taliban in Kabul.")
	f.Add("", "One sentence only")
	f.Add("A. B. C.\n\nD", "\xff\xfe. \u201cQuote.\u201d Next!")
	f.Fuzz(func(t *testing.T, x, y string) { checkAlignment(t, x, y) })
}

func TestAlignSeeds(t *testing.T) {
	seeds := loadSeeds(t)
	for _, a := range seeds {
		for _, b := range seeds {
			checkAlignment(t, a.Text, b.Text)
		}
	}
}

// withoutMasks returns copies of views whose masks bound nothing.
func withoutMasks(views []sentenceView) []sentenceView {
	out := slices.Clone(views)
	for i := range out {
		out[i].mask = [2]uint64{}
	}
	return out
}

// TestMaskBoundKeepsAlignmentOnSeeds runs the check above on real
// articles against edited copies of themselves and of each other.
func TestMaskBoundKeepsAlignmentOnSeeds(t *testing.T) {
	seeds := loadSeeds(t)
	for i, a := range seeds {
		for j, b := range seeds {
			checkAlignment(t, a.Text, editWords(b.Text, 0.1*float64((i+j)%4), uint64(i*8+j)))
		}
	}
}
