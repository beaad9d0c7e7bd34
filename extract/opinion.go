package extract

import (
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/storyline-news/storyline/textutil"
	"golang.org/x/net/html"
)

// readabilityParagraphs runs go-readability on doc (which it mutates: pass
// a tree nothing else needs) and renders its article as paragraphs.
func readabilityParagraphs(doc *html.Node) []string {
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(doc, nil)
	if err != nil || art.Node == nil {
		return nil
	}
	return renderBlocks(art.Node)
}

// wordKey is a paragraph's word sequence, space-joined and padded, for
// containment tests that ignore punctuation and spacing.
func wordKey(s string) string {
	return " " + strings.Join(textutil.Words(s), " ") + " "
}

// trimEdgesByOpinion drops leading and trailing paragraphs of the main
// extraction that a second extractor left out, when the second opinion
// agrees on the core of the article: standfirsts, newsletter boxes and
// related-link lists sit at the edges of the body, and readability's
// different scoring tends to leave them out. Paragraphs in the middle are
// kept: there the two disagree about subheads and lists, where trafilatura
// is usually right.
func trimEdgesByOpinion(main, second []string) []string {
	if len(main) < 3 || len(second) == 0 {
		return main
	}
	other := wordKey(strings.Join(second, " "))
	mainWords, otherWords := 0, len(textutil.Words(other))
	in := make([]bool, len(main))
	agreed := 0
	for i, p := range main {
		n := len(textutil.Words(p))
		mainWords += n
		in[i] = strings.Contains(other, wordKey(p))
		if in[i] {
			agreed += n
		}
	}
	// The opinions must agree on most of the article for either edge to be judged.
	if agreed*10 < mainWords*6 || otherWords*10 < mainWords*5 {
		return main
	}
	lo, hi := 0, len(main)
	for lo < hi && !in[lo] {
		lo++
	}
	for hi > lo && !in[hi-1] {
		hi--
	}
	if lo >= hi {
		return main
	}
	return main[lo:hi]
}
