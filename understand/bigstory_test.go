package understand

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// Name pools of the synthetic big story: spelling variants ("Qasemi",
// "Ghasemi"; "Mohammad", "Muhammad"), particle surnames and short first
// names, so that surname, first-name and transliteration resolution all
// work on a registry of hundreds of people.
var (
	bigFirstNames = strings.Fields(`Ali Mohammad Muhammad Bahram Sarah Pat Patrick John Jon Maria Mariam
		Ahmed Ahmad Elena Yusuf Youssef Kimberly Taylor David Dawud Olga Sergei Sergey Fatima Hassan Hasan
		Li Wei Chen Ana Anna Peter Pieter Ibrahim Abraham Leila Layla Omar Umar Nadia Igor Tomas Thomas`)
	bigSurnames = strings.Fields(`Qasemi Ghasemi Shamkhani Rodriguez Rodríguez Smith Smyth Khan Kahn
		Petrov Petroff Haddad Hadad Nguyen Moreau Morrow Okafor Kowalski Kovalski Tanaka Mueller Müller
		Fischer Fisher Rahman Rehman Ivanov Ivanoff Silva Sylva Jensen Jansen Murphy Murphey Costa Kosta
		Novak Nowak Yilmaz Demir Hakimi Hakimy`)
	bigParticles = []string{"Van Der Beek", "de la Cruz", "Van Persie", "di Maria", "von Trapp"}
	bigOrgs      = strings.Fields(`Finance Interior Defence Health Energy Trade Justice Labour`)
	bigCities    = strings.Fields(`Kabul Tehran Geneva Vienna Doha Cairo Ankara Nairobi Lima Oslo`)
)

// bigRand is a small deterministic generator (a 64-bit LCG), so the
// synthetic story never changes with the Go version.
type bigRand uint64

func (r *bigRand) intn(n int) int {
	*r = *r*6364136223846793005 + 1442695040888963407
	return int(uint64(*r>>33) % uint64(n))
}

func (r *bigRand) pick(list []string) string { return list[r.intn(len(list))] }

// bigStory builds one story of n articles: each a bundled seed article
// followed by a paragraph of generated reporting that names new people in
// full, then by surname, first name or a spelling variant, with quotes,
// roles and dates. The number of distinct people grows with n, as in a
// long-running story of a large store.
func bigStory(tb testing.TB, n int) []storyline.Article {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "examples", "articles", "*.txt"))
	sort.Strings(paths)
	var seeds []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatalf("read seed: %v", err)
		}
		seeds = append(seeds, string(b))
	}
	if len(seeds) == 0 {
		tb.Skip("seed articles not found")
	}
	rng := bigRand(42)
	base := time.Date(2019, 1, 7, 0, 0, 0, 0, time.UTC)
	var arts []storyline.Article
	for i := range n {
		var p []string
		for range 4 {
			first, last := rng.pick(bigFirstNames), rng.pick(bigSurnames)
			if rng.intn(8) == 0 {
				last = rng.pick(bigParticles)
			}
			org, city := rng.pick(bigOrgs), rng.pick(bigCities)
			p = append(p,
				fmt.Sprintf("%s %s, a spokesman for the %s Ministry, said on Monday that talks in %s would resume next week.", first, last, org, city),
				fmt.Sprintf("%s added that the meeting had been delayed since last month.", last),
				fmt.Sprintf("“We are ready to sign,” %s told reporters in %s.", rng.pick(bigSurnames), city),
				fmt.Sprintf("%s said the deal was close, according to the %s Ministry.", first, org),
				fmt.Sprintf("Officials said %s %s had left %s on Friday.", rng.pick(bigFirstNames), rng.pick(bigSurnames), rng.pick(bigCities)))
		}
		text := seeds[i%len(seeds)] + "\n\n" + strings.Join(p, " ")
		a := storyline.Article{ID: fmt.Sprintf("big-%03d", i), Text: text}
		if i%3 == 0 {
			a.Published, a.PublishedConfidence = base.AddDate(0, 0, i), 0.8
		}
		if i%4 == 0 {
			a.Title = fmt.Sprintf("%s Says Talks With %s Will Resume", rng.pick(bigSurnames), rng.pick(bigCities))
		}
		arts = append(arts, a)
	}
	return arts
}

// devStory is the extraction-dev bodies read as one story (skips when the
// dev data is absent).
func devStory(tb testing.TB) []storyline.Article {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "shared", "data", "extraction-dev", "ground-truth.json"))
	if err != nil {
		tb.Skip("extraction-dev data not found")
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		tb.Fatalf("parse ground truth: %v", err)
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	arts := make([]storyline.Article, 0, len(ids))
	for _, id := range ids {
		arts = append(arts, storyline.Article{ID: id, Text: gt[id].ArticleBody})
	}
	return arts
}

// BenchmarkAnalyzeBigStory is one story of 50 or 200 articles naming
// hundreds of people (about a thousand at 200): the cost per article must
// stay near the same as the story grows.
func BenchmarkAnalyzeBigStory(b *testing.B) {
	for _, n := range []int{50, 200} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			arts := bigStory(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				Analyze(arts, nil)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
		})
	}
}

// BenchmarkAnalyzeDevStory is the 91 extraction-dev bodies read as one story.
func BenchmarkAnalyzeDevStory(b *testing.B) {
	arts := devStory(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		Analyze(arts, nil)
	}
}
