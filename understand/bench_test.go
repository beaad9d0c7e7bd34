package understand

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/storyline-news/storyline"
)

// benchArticles loads the extraction-dev bodies (skips when absent).
func benchArticles(b *testing.B) []storyline.Article {
	raw, err := os.ReadFile(filepath.Join("..", "..", "shared", "data", "extraction-dev", "ground-truth.json"))
	if err != nil {
		b.Skip("extraction-dev data not found")
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		b.Fatal(err)
	}
	var ids []string
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var arts []storyline.Article
	for _, id := range ids {
		arts = append(arts, storyline.Article{ID: id, Text: gt[id].ArticleBody})
	}
	return arts
}

// BenchmarkAnalyze is the whole analysis of one real article (~4.5 KB).
func BenchmarkAnalyze(b *testing.B) {
	arts := benchArticles(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze([]storyline.Article{arts[i%len(arts)]}, nil)
	}
}

// BenchmarkMentions is the name finder alone, over every sentence of an article.
func BenchmarkMentions(b *testing.B) {
	arts := benchArticles(b)
	docs := make([]*doc, len(arts))
	for i, a := range arts {
		docs[i] = newDoc(a, false)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		for si, s := range d.sents {
			sentenceMentions(s, si)
		}
	}
}

// BenchmarkDates is the date scanner alone, over every sentence of an article.
func BenchmarkDates(b *testing.B) {
	arts := benchArticles(b)
	docs := make([]*doc, len(arts))
	for i, a := range arts {
		docs[i] = newDoc(a, false)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		for si, s := range d.sents {
			scanDates(s, si)
		}
	}
}
