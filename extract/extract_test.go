package extract

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// seed reads a bundled seed article (examples/articles) as plain text.
func seed(t testing.TB, prefix string) storyline.Article {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "examples", "articles", prefix+"_*.txt"))
	if len(files) == 0 {
		t.Skipf("seed %s not present", prefix)
	}
	raw, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	art, err := Extract(storyline.Document{Source: files[0], Format: "text", Text: string(raw)})
	if err != nil {
		t.Fatal(err)
	}
	return art
}

func TestSeedMastheadAndDateline(t *testing.T) {
	art := seed(t, "000")
	if art.Title != "Khamenei Aide Says U.S. Approached Him in Kabul Seeking Talks with Iran" {
		t.Errorf("title = %q", art.Title)
	}
	if strings.Contains(art.Text, "Editor in Chief") || strings.Contains(art.Text, "March 19th") {
		t.Error("masthead line kept in body")
	}
	if strings.Contains(art.Text, art.Title) {
		t.Error("title repeated in body")
	}
	if art.PublishedConfidence > 0.3 && art.Published.Year() == 2024 {
		t.Errorf("masthead date reported with confidence %.2f", art.PublishedConfidence)
	}
	if art.Agency() != "Reuters" || art.Dateline.Place != "DUBAI" {
		t.Errorf("agency %q dateline %+v", art.Agency(), art.Dateline)
	}
	if art.Language != "en" {
		t.Errorf("language = %q", art.Language)
	}
}

func TestSeedCreditAndCaption(t *testing.T) {
	art := seed(t, "001")
	if art.Credit != "Al Jazeera, News Agencies" || strings.Contains(art.Text, "Source:") {
		t.Errorf("credit = %q", art.Credit)
	}
	if strings.Contains(art.Text, "[File: Al Jazeera]") || strings.Contains(art.Text, "Tehran, Iran\n") {
		t.Error("caption or location line kept")
	}
	if art.Outlet != "Al Jazeera" {
		t.Errorf("outlet = %q", art.Outlet)
	}
	if len(art.Byline) != 0 {
		t.Errorf("byline invented: %v", art.Byline)
	}
}

func TestSeedDateLineAndAFP(t *testing.T) {
	art := seed(t, "002")
	want := time.Date(2018, 12, 26, 0, 0, 0, 0, time.UTC)
	if !art.Published.Equal(want) || art.PublishedFrom != "text" {
		t.Errorf("published %v from %q", art.Published, art.PublishedFrom)
	}
	if !contains(art.Agencies, "AFP") {
		t.Errorf("agencies = %v, want AFP credited", art.Agencies)
	}
	for _, junk := range []string{"3 min read", "[Getty]", "Follow us on Twitter"} {
		if strings.Contains(art.Text, junk) {
			t.Errorf("body keeps %q", junk)
		}
	}
}

func TestSeedTeaserBlockAndBreadcrumb(t *testing.T) {
	art := seed(t, "003")
	for _, junk := range []string{"Latest news", "Must read", "Intense Rainfall", "News On Iran", "You might also like"} {
		if strings.Contains(art.Text, junk) {
			t.Errorf("body keeps %q", junk)
		}
	}
	if art.Agency() != "Reuters" || art.Dateline.Place != "TEHRAN" || art.Dateline.Day != "April 7" {
		t.Errorf("agency %q dateline %+v", art.Agency(), art.Dateline)
	}
	if !strings.HasPrefix(art.Text, "TEHRAN, April 7") {
		t.Errorf("summary before dateline kept: %.60q", art.Text)
	}
	if art.Title != "Iran says U.S. requests new talks on Iraq security" {
		t.Errorf("title = %q", art.Title)
	}
}

func TestSeedWithoutTitle(t *testing.T) {
	art := seed(t, "004")
	if art.Title != "" {
		t.Errorf("title invented: %q", art.Title)
	}
	if !strings.HasPrefix(art.Text, "Iran will continue talks") {
		t.Errorf("body lost its first line: %.50q", art.Text)
	}
	if !art.Published.IsZero() {
		t.Errorf("published invented: %v", art.Published)
	}
}

func TestContainerHints(t *testing.T) {
	fetched := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	art, err := Extract(storyline.Document{Format: "warc", URL: "https://www.example.org/a", Text: "Short body line.", Fetched: fetched})
	if err != nil {
		t.Fatal(err)
	}
	if art.PublishedFrom != "warc" || art.PublishedConfidence > 0.2 || !art.Published.Equal(fetched) {
		t.Errorf("fetch fallback: %v %q %.2f", art.Published, art.PublishedFrom, art.PublishedConfidence)
	}
	if art.Outlet != "example.org" || art.OutletFrom != "host" {
		t.Errorf("outlet %q from %q", art.Outlet, art.OutletFrom)
	}
}

func TestPeople(t *testing.T) {
	got := people([]string{"By Jane Doe and John Smith", "Reuters Staff", "AFP", "Staff Writer"})
	if len(got) != 2 || got[0] != "Jane Doe" || got[1] != "John Smith" {
		t.Errorf("people = %v", got)
	}
}

func TestBrokenInput(t *testing.T) {
	for _, doc := range []storyline.Document{{}, {Format: "html", HTML: []byte("<html><p>\xff\xfe broken")}, {Format: "text", Text: "-"}} {
		if _, err := Extract(doc); err != nil {
			t.Errorf("Extract(%q): %v", doc.HTML, err)
		}
	}
}

// devPage loads one page of the shared extraction set by id prefix.
func devPage(t testing.TB, prefix string) storyline.Document {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "data", "extraction-dev")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Skip("extraction-dev data not present")
	}
	var truth map[string]struct{ URL string }
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatal(err)
	}
	for id, v := range truth {
		if strings.HasPrefix(id, prefix) {
			f, err := os.Open(filepath.Join(dir, "html", id+".html.gz"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			zr, err := gzip.NewReader(f)
			if err != nil {
				t.Fatal(err)
			}
			page, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			return storyline.Document{Source: id, URL: v.URL, Format: "html", HTML: page}
		}
	}
	t.Skipf("page %s not present", prefix)
	return storyline.Document{}
}

func TestDevPageMetadata(t *testing.T) {
	art, err := Extract(devPage(t, "8b1945303082"))
	if err != nil {
		t.Fatal(err)
	}
	if art.Outlet != "The Sun" || art.TitleFrom != "og:title" || !strings.Contains(art.Title, "bubonic plague") {
		t.Errorf("outlet %q title %q from %q", art.Outlet, art.Title, art.TitleFrom)
	}
	if art.Published.Format("2006-01-02") != "2019-11-18" || art.PublishedConfidence < 0.8 {
		t.Errorf("published %v (%s %.2f)", art.Published, art.PublishedFrom, art.PublishedConfidence)
	}
	if !strings.Contains(art.Text, "Nowadays, plague is easily treated with antibiotics.") {
		t.Error("body split across containers not recovered")
	}
	if strings.Contains(art.Text, "Most read in world news") {
		t.Error("teaser rail kept")
	}
	if len(art.Agencies) != 0 {
		t.Errorf("agencies invented: %v", art.Agencies)
	}
}

func TestDevPageStandfirstAndNewsletter(t *testing.T) {
	art, err := Extract(devPage(t, "08f793762792"))
	if err != nil {
		t.Fatal(err)
	}
	for _, junk := range []string{"Thanks for signing up", "Pick Six Newsletter", "error processing your subscription"} {
		if strings.Contains(art.Text, junk) {
			t.Errorf("body keeps %q", junk)
		}
	}
	if art.Language != "en" {
		t.Errorf("language %q", art.Language)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func BenchmarkExtractDev(b *testing.B) {
	dir := filepath.Join("..", "..", "shared", "data", "extraction-dev", "html")
	files, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if len(files) == 0 {
		b.Skip("extraction-dev data not present")
	}
	var pages [][]byte
	for _, name := range files[:min(30, len(files))] {
		f, err := os.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		page, _ := io.ReadAll(zr)
		f.Close()
		pages = append(pages, page)
	}
	b.Run("storyline", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			Extract(storyline.Document{Format: "html", HTML: pages[i%len(pages)]})
		}
	})
	b.Run("trafilatura", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			Baseline(pages[i%len(pages)], "")
		}
	})
}

// A feed item's page dated by its URL keeps the feed's time of day, and
// the feed's own name for the outlet beats a host-derived site name.
func TestFeedHintsRefinePageFacts(t *testing.T) {
	pub := time.Date(2018, 12, 26, 11, 42, 0, 0, time.UTC)
	html := `<html><head><title>Iran held talks with Afghan Taliban</title></head><body><article>
<h1>Iran held talks with Afghan Taliban</h1>
<p>Iran has met with the Afghan Taliban, a top Iranian security official said on Wednesday according to the Tasnim news agency, just days after the militants attended reconciliation talks in the UAE.</p>
<p>Ali Shamkhani, secretary of Iran's Supreme National Security Council, made the announcement while on a visit to the Afghan capital Kabul, several Iranian agencies reported.</p>
</article></body></html>`
	art, err := Extract(storyline.Document{Format: "feed", URL: "https://news.example.org/2018/12/26/iran-taliban-talks",
		HTML: []byte(html), Published: pub, DateFrom: "feed", Outlet: "Gulf Wire"})
	if err != nil {
		t.Fatal(err)
	}
	if !art.Published.Equal(pub) {
		t.Errorf("published %v, want the feed's %v", art.Published, pub)
	}
	if art.Outlet != "Gulf Wire" {
		t.Errorf("outlet %q from %q, want the feed's name", art.Outlet, art.OutletFrom)
	}
}
