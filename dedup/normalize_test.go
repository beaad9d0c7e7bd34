package dedup

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/textutil"
)

func TestNormalizeIgnoresTypographyAndPunctuation(t *testing.T) {
	a := "\u201cWe will talk,\u201d Shamkhani said \u2014 in Kabul.\n\nU.S. officials\u00a0declined."
	b := "\"we will talk\" shamkhani said - in kabul\nU S officials declined"
	if Normalize(a) != Normalize(b) {
		t.Fatalf("Normalize differs:\n%q\n%q", Normalize(a), Normalize(b))
	}
	if Normalize("Iran met the Taliban") == Normalize("Iran met Taliban") {
		t.Fatal("Normalize must keep every word")
	}
}

// checkWordHashes asserts that the streaming tokenizer sees exactly the
// words of Normalize, and that it never splits a word across sentences.
func checkWordHashes(t *testing.T, s string) {
	var want []uint64
	for _, w := range textutil.Words(textutil.Normalize(s)) {
		want = append(want, wordHash(w))
	}
	var got []uint64
	forEachWordHash(s, func(h uint64) { got = append(got, h) })
	if len(got) != len(want) {
		t.Fatalf("%q: %d words, Normalize has %d", s, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%q: word %d differs from Normalize's", s, i)
		}
	}
	var sc wordScanner
	var f features
	var withBoundaries []uint64
	sc.scan(s, &f, &withBoundaries)
	if !slices.Equal(withBoundaries, got) {
		t.Fatalf("%q: boundary tracking changed the words", s)
	}
	for k, e := range f.sentEnds {
		if int(e) > len(f.words) || k > 0 && e <= f.sentEnds[k-1] {
			t.Fatalf("%q: sentence ends %v out of order or range", s, f.sentEnds)
		}
	}
}

var normalizeSeeds = []string{
	"", "Hello", "U.S.-led 14,000 troops", "Iran\u2019s \u201cfoe\u201d", "zero\u200bwidth", "İSTANBUL Straße ÉCOLE",
	"naïve café \u0301accent", "tab\tand\nnewline", "\xff\xfe invalid", "snake_case and CamelCase",
	"Dr. Smith met Gen. Jones. They agreed! Did they? Yes.\n\nNew paragraph",
}

func TestWordHashesMatchNormalize(t *testing.T) {
	for _, s := range normalizeSeeds {
		checkWordHashes(t, s)
	}
	for _, a := range loadSeeds(t) {
		checkWordHashes(t, a.Text)
	}
}

func FuzzWordHashesMatchNormalize(f *testing.F) {
	for _, s := range normalizeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkWordHashes(t, s)
		if Normalize(Normalize(s)) != Normalize(s) {
			t.Fatalf("Normalize is not idempotent on %q", s)
		}
	})
}

func TestSentenceBoundaries(t *testing.T) {
	var an analyzer
	f := an.analyze("Iran met the Taliban in Kabul. U.S. officials declined to comment.\nThe talks will continue next week, officials said.")
	if len(f.sentEnds) != 3 {
		t.Fatalf("sentences = %d, want 3 (ends %v)", len(f.sentEnds), f.sentEnds)
	}
	if got := len(strings.Fields("iran met taliban kabul")); int(f.sentEnds[0]) != got {
		t.Fatalf("first sentence has %d content words, want %d", f.sentEnds[0], got)
	}
}
