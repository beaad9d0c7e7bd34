package tell

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/storyline-news/storyline"
)

// story50Copies is a 50-article story of the seed texts and mutated
// copies of them: the wire-copy-heavy case.
func story50Copies(b testing.TB) []storyline.Article {
	pool := seedArticles(b)
	r := rand.New(rand.NewSource(1))
	arts := append([]storyline.Article(nil), pool...)
	for len(arts) < 50 {
		arts = append(arts, mutate(r, arts[r.Intn(len(arts))], pool[r.Intn(len(pool))], fmt.Sprintf("c%02d", len(arts))))
	}
	return arts
}

// BenchmarkTell50Copies tells a 50-article story made of copies.
func BenchmarkTell50Copies(b *testing.B) {
	arts := story50Copies(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Tell(Input{Articles: arts}, Options{})
	}
}

// BenchmarkTell50Distinct tells 50 distinct full-text dev articles as one
// story: the most sentences and fewest shared ones.
func BenchmarkTell50Distinct(b *testing.B) {
	arts := devArticles(b)
	if len(arts) > 50 {
		arts = arts[:50]
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Tell(Input{Articles: arts}, Options{})
	}
}

// BenchmarkSummary50Distinct times the summary alone (sentence index,
// LexRank, MMR, citations) for the 50 distinct dev articles.
func BenchmarkSummary50Distinct(b *testing.B) {
	arts := devArticles(b)
	if len(arts) > 50 {
		arts = arts[:50]
	}
	in := Input{Articles: arts}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix := newStoryIndex(arts)
		lead := leadArticle(in, ix)
		summarize(in, ix, lead, map[int]bool{}, DefaultSummarySentences)
	}
}
