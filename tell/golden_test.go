package tell

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// updateGolden rewrites testdata/golden/*.json from the current output:
// go test ./tell -run TestGolden -update-golden.
var updateGolden = flag.Bool("update-golden", false, "rewrite tell/testdata/golden/*.json")

// goldenCase is one input whose full Telling is pinned.
type goldenCase struct {
	name string
	in   Input
	opt  Options
}

// extractionDevArticles reads the extraction-dev ground-truth bodies as
// articles, in id order, or skips when the data is absent. The URL's host
// stands for the outlet; there are no titles, so headlines are derived.
func extractionDevArticles(t testing.TB) []storyline.Article {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "data", "extraction-dev", "ground-truth.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip("extraction-dev data absent: ", err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(data, &truth); err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make([]storyline.Article, 0, len(ids))
	for i, id := range ids {
		r := truth[id]
		outlet := ""
		if u, err := url.Parse(r.URL); err == nil {
			outlet = strings.TrimPrefix(u.Hostname(), "www.")
		}
		a := storyline.Article{ID: id[:16], Text: r.ArticleBody, URL: r.URL, Outlet: outlet}
		if i%3 == 0 {
			a.Published = time.Date(2019, 11, 1+i%28, 0, 0, 0, 0, time.UTC)
		}
		out = append(out, a)
	}
	return out
}

// goldenSeedCases pins the seed stories under several options, with copy
// groups and with an analysis (entities, dates, events, related stories).
func goldenSeedCases(t *testing.T) []goldenCase {
	seeds := loadSeeds(t)
	ids := make([]string, 0, len(seeds))
	for id := range seeds {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var cases []goldenCase
	for _, id := range ids {
		st := seeds[id]
		cases = append(cases, goldenCase{"seed-" + id, Input{Story: storyline.Story{ID: id}, Articles: st.Articles}, Options{}})
		cases = append(cases, goldenCase{"seed-" + id + "-7", Input{Articles: st.Articles}, Options{SummarySentences: 7}})
	}
	sh := seeds["shamkhani-us-approach"]
	groups := []storyline.CopyGroup{{Canonical: "000_24c3c9cab6b15f29", Members: []storyline.Copy{{Article: "001_bb6c597d04d040de", Of: "000_24c3c9cab6b15f29"}}}}
	cases = append(cases, goldenCase{"seed-shamkhani-groups", Input{Articles: sh.Articles, Groups: groups}, Options{SummarySentences: 3}})
	tt := seeds["iran-taliban-talks"]
	attack := "Afghanistan’s largest militant group carried out an hours-long gun and bomb attack on a Kabul government compound on Monday that killed at least 43 people, one of the deadliest assaults on the capital this year."
	analysis := storyline.Analysis{
		Entities: []storyline.Entity{
			{Name: "Taliban", Type: "organization", Mentions: 9},
			{Name: "Iran", Type: "place", Mentions: 7, Aliases: []string{"Tehran"}},
			{Name: "Bahram Ghasemi", Type: "person", Mentions: 2, Aliases: []string{"Ghasemi"}},
		},
		Dates:  []storyline.DateMention{{Text: "on Monday", Value: "2018-12-24", Article: "004_6f41c58a0392cbfd", Sentence: attack}},
		Events: []storyline.Event{{Type: "attack", Actor: "Taliban", Action: "carried out", Article: "004_6f41c58a0392cbfd", Sentence: attack}},
	}
	related := []RelatedStory{{ID: "s-uae", Headline: "US and Taliban hold talks in UAE", Date: time.Date(2018, 12, 18, 0, 0, 0, 0, time.UTC), Score: 0.4}}
	cases = append(cases, goldenCase{"seed-taliban-analysis", Input{Articles: tt.Articles, Analysis: analysis, Related: related}, Options{}})
	return cases
}

// goldenDevCases pins stories built from the extraction-dev bodies: small
// and 50-article distinct stories, and one mixing copies with originals.
func goldenDevCases(t *testing.T) []goldenCase {
	arts := extractionDevArticles(t)
	r := rand.New(rand.NewSource(3))
	mixed := append([]storyline.Article(nil), arts[10:22]...)
	for len(mixed) < 30 {
		mixed = append(mixed, mutate(r, mixed[r.Intn(len(mixed))], arts[r.Intn(len(arts))], fmt.Sprintf("m%02d", len(mixed))))
	}
	return []goldenCase{
		{"xdev-first5", Input{Articles: arts[:5]}, Options{}},
		{"xdev-first50", Input{Articles: arts[:min(50, len(arts))]}, Options{}},
		{"xdev-last40-7", Input{Articles: arts[max(0, len(arts)-40):]}, Options{SummarySentences: 7}},
		{"xdev-mixed-copies", Input{Articles: mixed}, Options{SummarySentences: 6}},
	}
}

// TestGolden checks that Tell's full output is unchanged for pinned inputs:
// performance work must not change a page.
func TestGolden(t *testing.T) {
	cases := goldenSeedCases(t)
	copies := story50Copies(t)
	cases = append(cases, goldenCase{"seed-50-copies", Input{Articles: copies}, Options{}})
	t.Run("xdev", func(t *testing.T) {
		for _, c := range goldenDevCases(t) {
			checkGolden(t, c)
		}
	})
	t.Run("storiesdev", func(t *testing.T) {
		arts := devArticles(t)
		checkGolden(t, goldenCase{"storiesdev-first50", Input{Articles: arts[:min(50, len(arts))]}, Options{}})
	})
	for _, c := range cases {
		checkGolden(t, c)
	}
}

// checkGolden compares one case's JSON page with its golden file.
func checkGolden(t *testing.T, c goldenCase) {
	t.Helper()
	got, err := goldenJSON(Tell(c.in, c.opt))
	if err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	path := filepath.Join("testdata", "golden", c.name+".json")
	if *updateGolden {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v (run with -update-golden to create)", c.name, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: output differs from %s:\n%s", c.name, path, firstDiff(string(want), string(got)))
	}
}

// goldenInline is the largest page JSON a golden file holds whole; a
// larger page would copy much of the dev data into the repository.
const goldenInline = 64 << 10

// goldenPage is a large page as pinned: everything but the additions
// verbatim, the additions as per-article counts, and a SHA-256 of the
// whole page's JSON so any change anywhere still fails the test.
type goldenPage struct {
	Headline        string                      `json:"headline"`
	HeadlineDerived bool                        `json:"headline_derived"`
	Summary         []storyline.SummarySentence `json:"summary"`
	Timeline        []storyline.TimelineEntry   `json:"timeline"`
	AdditionCounts  []string                    `json:"addition_counts"` // "article +added -omitted"
	PageSHA256      string                      `json:"page_sha256"`
}

// goldenJSON renders a page for its golden file: whole when small, else
// as a goldenPage.
func goldenJSON(page storyline.Telling) ([]byte, error) {
	full, err := json.MarshalIndent(page, "", "  ")
	if err != nil {
		return nil, err
	}
	if len(full) <= goldenInline {
		return append(full, '\n'), nil
	}
	g := goldenPage{Headline: page.Headline, HeadlineDerived: page.HeadlineDerived, Summary: page.Summary,
		Timeline: page.Timeline, PageSHA256: fmt.Sprintf("%x", sha256.Sum256(full))}
	for _, a := range page.Additions {
		g.AdditionCounts = append(g.AdditionCounts, fmt.Sprintf("%s +%d -%d", a.Article, len(a.Added), len(a.Omitted)))
	}
	out, err := json.MarshalIndent(g, "", "  ")
	return append(out, '\n'), err
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n want %s\n  got %s", i+1, wl, gl)
		}
	}
	return "(no line differs)"
}
