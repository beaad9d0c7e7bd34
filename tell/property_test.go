package tell

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textutil"
)

// devArticles reads the stories-dev full-text articles, or skips.
func devArticles(t testing.TB) []storyline.Article {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "data", "stories-dev", "fulltext-dev.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		t.Skip("stories-dev data absent: ", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []storyline.Article
	sc := bufio.NewScanner(gz)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r struct{ ID, Title, Text, Publisher, URL string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		out = append(out, storyline.Article{ID: r.ID, Title: r.Title, Text: r.Text, Outlet: r.Publisher, URL: r.URL})
	}
	return out
}

// seedArticles lists the five hand-cleaned seed articles.
func seedArticles(t testing.TB) []storyline.Article {
	seeds := loadSeeds(t)
	ids := make([]string, 0, len(seeds))
	for id := range seeds {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []storyline.Article
	for _, id := range ids {
		out = append(out, seeds[id].Articles...)
	}
	return out
}

// mutate makes an outlet's copy of an article: curly and straight quotes
// swapped, spacing changed, sentences dropped, a word edited, paragraphs
// from another article spliced in, the title dropped.
func mutate(r *rand.Rand, a, other storyline.Article, id string) storyline.Article {
	var paras []string
	for _, p := range textutil.Paragraphs(a.Text) {
		var kept []string
		for _, s := range textutil.Sentences(p) {
			switch r.Intn(10) {
			case 0:
				continue // dropped
			case 1:
				s = strings.NewReplacer("’", "'", "“", `"`, "”", `"`, `"`, "“").Replace(s)
			case 2:
				s = strings.Replace(s, " ", "  ", 1)
			case 3:
				if w := strings.Fields(s); len(w) > 12 {
					w[len(w)/2] = "reportedly"
					s = strings.Join(w, " ")
				}
			}
			kept = append(kept, s)
		}
		if len(kept) > 0 {
			paras = append(paras, strings.Join(kept, " "))
		}
	}
	if op := textutil.Paragraphs(other.Text); len(op) > 0 && r.Intn(2) == 0 {
		at := r.Intn(len(paras) + 1)
		paras = append(paras[:at], append([]string{op[r.Intn(len(op))]}, paras[at:]...)...)
	}
	c := storyline.Article{ID: id, Title: a.Title, Outlet: fmt.Sprintf("Outlet %s", id), Text: strings.Join(paras, "\n\n")}
	if r.Intn(3) == 0 {
		c.Title = ""
	}
	return c
}

// randomStory builds a story of real texts and mutated copies of them.
func randomStory(r *rand.Rand, pool []storyline.Article) []storyline.Article {
	n := 1 + r.Intn(6)
	var arts []storyline.Article
	for i := 0; i < n; i++ {
		a := pool[r.Intn(len(pool))]
		if i > 0 && r.Intn(2) == 0 {
			a = mutate(r, arts[r.Intn(len(arts))], pool[r.Intn(len(pool))], fmt.Sprintf("c%02d", i))
		} else {
			a.ID = fmt.Sprintf("a%02d", i)
		}
		arts = append(arts, a)
	}
	return arts
}

// TestCitationProperty checks, over random stories built from the seeds
// (and the dev data when present), that every summary sentence is verbatim
// in its first cited article and carried by every cited article, that
// additions are verbatim and carried by no other article, and that
// omissions are not carried by the article.
func TestCitationProperty(t *testing.T) {
	pools := map[string][]storyline.Article{"seeds": seedArticles(t)}
	if !testing.Short() {
		if _, err := os.Stat(filepath.Join("..", "..", "shared", "data", "stories-dev")); err == nil {
			pools["dev"] = devArticles(t)
		}
	}
	for name, pool := range pools {
		r := rand.New(rand.NewSource(7))
		cited := 0
		for iter := 0; iter < 60; iter++ {
			arts := randomStory(r, pool)
			page := Tell(Input{Articles: arts}, Options{SummarySentences: 3 + r.Intn(5)})
			checkCitations(t, arts, page)
			for _, s := range page.Summary {
				cited += len(s.Citations)
			}
			for _, add := range page.Additions {
				self, _ := articleByID(arts, add.Article)
				for _, s := range add.Added {
					if !strings.Contains(self.Text, s) {
						t.Fatalf("%s: added %q not verbatim", name, s)
					}
					for _, o := range arts {
						if o.ID != self.ID && independentCarries(o.Text, s) {
							t.Fatalf("%s: %s adds %q but %s carries it", name, self.ID, s, o.ID)
						}
					}
				}
				for _, s := range add.Omitted {
					if strings.Contains(textutil.Normalize(self.Text), textutil.Normalize(s)) {
						t.Fatalf("%s: %s omits %q but carries it", name, self.ID, s)
					}
				}
			}
		}
		if cited == 0 {
			t.Fatalf("%s: no citations checked", name)
		}
	}
}
