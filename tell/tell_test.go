package tell

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textutil"
)

// seedStory is one story of testdata/seeds.jsonl: the five seed articles
// with furniture removed by hand, grouped into their three stories.
type seedStory struct {
	Story     string              `json:"story"`
	Reference []string            `json:"reference"`
	Articles  []storyline.Article `json:"articles"`
}

func loadSeeds(t testing.TB) map[string]seedStory {
	t.Helper()
	f, err := os.Open("testdata/seeds.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]seedStory{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var s seedStory
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		out[s.Story] = s
	}
	if len(out) != 3 {
		t.Fatalf("want 3 seed stories, got %d", len(out))
	}
	return out
}

func articleByID(arts []storyline.Article, id string) (storyline.Article, bool) {
	for _, a := range arts {
		if a.ID == id {
			return a, true
		}
	}
	return storyline.Article{}, false
}

// checkCitations asserts the citation property: each summary sentence is
// verbatim in its first cited article and carried by every cited one.
func checkCitations(t *testing.T, arts []storyline.Article, page storyline.Telling) {
	t.Helper()
	for _, s := range page.Summary {
		if len(s.Citations) == 0 {
			t.Fatalf("sentence without citations: %q", s.Text)
		}
		seen := map[string]bool{}
		for k, c := range s.Citations {
			a, ok := articleByID(arts, c.Article)
			if !ok {
				t.Fatalf("cites unknown article %q", c.Article)
			}
			if seen[c.Article] {
				t.Fatalf("cites %s twice", c.Article)
			}
			seen[c.Article] = true
			if c.Outlet != a.Outlet {
				t.Errorf("citation outlet %q, article outlet %q", c.Outlet, a.Outlet)
			}
			if k == 0 && !strings.Contains(a.Text, s.Text) {
				t.Errorf("not verbatim in first cited %s: %q", a.ID, s.Text)
			}
			if !independentCarries(a.Text, s.Text) {
				t.Errorf("%s cited but does not carry %q", a.ID, s.Text)
			}
		}
	}
	for _, e := range page.Timeline {
		if e.Kind != "event" {
			continue
		}
		if len(e.Citations) == 0 || e.Citations[0].Article != e.Article {
			t.Fatalf("timeline entry %q: citations %+v should start with its article %s", e.Text, e.Citations, e.Article)
		}
		for _, c := range e.Citations {
			a, ok := articleByID(arts, c.Article)
			if !ok || !independentCarries(a.Text, e.Text) {
				t.Errorf("timeline entry cites %s, which does not carry %q", c.Article, e.Text)
			}
		}
	}
}

// independentCarries re-checks a citation without the package's index:
// normalised containment, or a sentence of the text whose lower-cased,
// dot-free word sequence has LCS similarity ≥ NearIdentical.
func independentCarries(text, sent string) bool {
	if strings.Contains(textutil.Normalize(text), textutil.Normalize(sent)) {
		return true
	}
	tok := func(s string) []string {
		w := textutil.Words(strings.ReplaceAll(textutil.Fold(s), ".", ""))
		for i := range w {
			w[i] = strings.ToLower(w[i])
		}
		return w
	}
	want := tok(sent)
	for _, s := range textutil.Sentences(text) {
		got := tok(s)
		prev := make([]int, len(got)+1)
		for i := 1; i <= len(want); i++ {
			cur := make([]int, len(got)+1)
			for j := 1; j <= len(got); j++ {
				if want[i-1] == got[j-1] {
					cur[j] = prev[j-1] + 1
				} else {
					cur[j] = max(prev[j], cur[j-1])
				}
			}
			prev = cur
		}
		if 2*float64(prev[len(got)])/float64(len(want)+len(got)) >= NearIdentical {
			return true
		}
	}
	return false
}

func TestSeedPages(t *testing.T) {
	seeds := loadSeeds(t)
	want := map[string]string{
		"shamkhani-us-approach": "Top Khamenei aide says US sought his help for talks with Iran",
		"iran-taliban-talks":    "Iran held talks with Afghan Taliban amid peace push",
		"iraq-security-talks":   "Iran says U.S. requests new talks on Iraq security",
	}
	for id, st := range seeds {
		page := Tell(Input{Story: storyline.Story{ID: id}, Articles: st.Articles}, Options{})
		if page.Headline != want[id] || page.HeadlineDerived {
			t.Errorf("%s: headline %q (derived %v), want %q", id, page.Headline, page.HeadlineDerived, want[id])
		}
		if n := len(page.Summary); n < 3 || n > 7 {
			t.Errorf("%s: %d summary sentences", id, n)
		}
		checkCitations(t, st.Articles, page)
		if len(st.Articles) > 1 {
			shared := 0
			for _, s := range page.Summary {
				if len(s.Citations) == len(st.Articles) {
					shared++
				}
			}
			if shared == 0 {
				t.Errorf("%s: no summary sentence cites every article", id)
			}
		}
		for _, s := range page.Summary {
			if eligibility(s.Text) != eligible {
				t.Errorf("%s: weak summary sentence %q", id, s.Text)
			}
		}
		if len(page.Additions) != len(st.Articles) {
			t.Errorf("%s: %d additions for %d articles", id, len(page.Additions), len(st.Articles))
		}
		if again := Tell(Input{Story: storyline.Story{ID: id}, Articles: st.Articles}, Options{}); !reflect.DeepEqual(page, again) {
			t.Errorf("%s: output not deterministic", id)
		}
	}
}

func addedBy(page storyline.Telling, id string) []string {
	for _, a := range page.Additions {
		if a.Article == id {
			return a.Added
		}
	}
	return nil
}

func anyContains(xs []string, sub string) bool {
	for _, x := range xs {
		if strings.Contains(x, sub) {
			return true
		}
	}
	return false
}

func TestSeedAdditions(t *testing.T) {
	seeds := loadSeeds(t)
	cases := []struct {
		story, article, other string
		adds                  []string
		notAdds               []string
	}{
		{"shamkhani-us-approach", "001_bb6c597d04d040de", "000_24c3c9cab6b15f29",
			[]string{"he rejected the offer", "love to negotiate"}, []string{"Washington accuses Iran"}},
		{"iran-taliban-talks", "004_6f41c58a0392cbfd", "002_41c0fcd437463166",
			[]string{"Department of Defense", "Mohib added"}, []string{"renewed diplomatic efforts"}},
	}
	for _, c := range cases {
		st := seeds[c.story]
		page := Tell(Input{Articles: st.Articles}, Options{})
		added := addedBy(page, c.article)
		for _, w := range c.adds {
			if !anyContains(added, w) {
				t.Errorf("%s should add %q; added %q", c.article, w, added)
			}
		}
		for _, w := range c.notAdds {
			if anyContains(added, w) {
				t.Errorf("%s should not add shared %q", c.article, w)
			}
		}
		other, _ := articleByID(st.Articles, c.other)
		self, _ := articleByID(st.Articles, c.article)
		for _, s := range added {
			if !strings.Contains(self.Text, s) || independentCarries(other.Text, s) {
				t.Errorf("added %q: verbatim in own text %v, carried by %s", s, strings.Contains(self.Text, s), c.other)
			}
		}
	}
}

func TestCopyGroupCanonicalAndOmissions(t *testing.T) {
	st := loadSeeds(t)["shamkhani-us-approach"]
	groups := []storyline.CopyGroup{{Canonical: "000_24c3c9cab6b15f29", Members: []storyline.Copy{{Article: "001_bb6c597d04d040de", Of: "000_24c3c9cab6b15f29"}}}}
	page := Tell(Input{Articles: st.Articles, Groups: groups}, Options{})
	if page.Headline != "Khamenei Aide Says U.S. Approached Him in Kabul Seeking Talks with Iran" {
		t.Errorf("headline should come from the canonical copy, got %q", page.Headline)
	}
	reuters, _ := articleByID(st.Articles, "000_24c3c9cab6b15f29")
	for _, s := range page.Summary {
		if s.Citations[0].Article == "000_24c3c9cab6b15f29" != strings.Contains(reuters.Text, s.Text) {
			t.Errorf("sentence the canonical carries should be taken from it: %q from %s", s.Text, s.Citations[0].Article)
		}
	}
	var omitted []string
	for _, a := range page.Additions {
		if a.Article == "001_bb6c597d04d040de" {
			omitted = a.Omitted
		}
	}
	if !anyContains(omitted, "Majority-Shi") {
		t.Errorf("Al Jazeera leaves out the canonical's Majority-Shi'ite sentence; omitted %q", omitted)
	}
	aj, _ := articleByID(st.Articles, "001_bb6c597d04d040de")
	for _, s := range omitted {
		if independentCarries(aj.Text, s) || !strings.Contains(reuters.Text, s) {
			t.Errorf("omitted %q should be the canonical's and missing from the copy", s)
		}
	}
}

func TestHeadlineDerivedWithoutTitles(t *testing.T) {
	st := loadSeeds(t)["iran-taliban-talks"]
	var arts []storyline.Article
	for _, a := range st.Articles {
		a.Title = ""
		arts = append(arts, a)
	}
	page := Tell(Input{Articles: arts}, Options{})
	if !page.HeadlineDerived {
		t.Fatal("headline should be derived when no article has a title")
	}
	words := strings.Fields(page.Headline)
	if len(words) < 6 || len(words) > 18 {
		t.Errorf("derived headline of %d words: %q", len(words), page.Headline)
	}
	if strings.HasSuffix(page.Headline, ".") || strings.HasSuffix(page.Headline, ",") {
		t.Errorf("derived headline should not end in punctuation: %q", page.Headline)
	}
	lead := strings.TrimSuffix(page.Headline, "…")
	found := false
	for _, a := range arts {
		found = found || strings.Contains(a.Text, lead)
	}
	if !found {
		t.Errorf("derived headline %q is not from an article's text", page.Headline)
	}
}

func TestCleanTitle(t *testing.T) {
	cases := []struct{ title, outlet, want string }{
		{"Iran held talks with Taliban | Al Jazeera", "", "Iran held talks with Taliban"},
		{"Iran held talks with Taliban - Reuters", "", "Iran held talks with Taliban"},
		{"Iran held talks with Taliban – The New Arab", "The New Arab", "Iran held talks with Taliban"},
		{"BBC News - Iran held talks with Taliban", "BBC News", "Iran held talks with Taliban"},
		{"Iran held talks with Taliban | World news | The Guardian", "", "Iran held talks with Taliban"},
		{"Trump says talks - and sanctions - will go on", "", "Trump says talks - and sanctions - will go on"},
		{"  Iran   says U.S. requests talks ", "", "Iran says U.S. requests talks"},
		{"Iran held talks with Taliban - www.example.com", "", "Iran held talks with Taliban"},
	}
	for _, c := range cases {
		if got := CleanTitle(c.title, c.outlet); got != c.want {
			t.Errorf("CleanTitle(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

func TestShortenHeadline(t *testing.T) {
	long := "DUBAI - A close aide to Iran’s Supreme Leader Ayatollah Ali Khamenei said on Monday U.S. officials had approached him during a visit he made last month to Afghanistan to request talks with Tehran, Iran’s semi-official Tasnim news agency reported."
	got := ShortenHeadline(long)
	if got != "A close aide to Iran’s Supreme Leader Ayatollah Ali Khamenei said on Monday U.S. officials had approached him" {
		t.Errorf("ShortenHeadline = %q", got)
	}
	if got := ShortenHeadline("Iran met the Taliban in Kabul."); got != "Iran met the Taliban in Kabul" {
		t.Errorf("short sentence: %q", got)
	}
}

func TestTimelineOrder(t *testing.T) {
	st := loadSeeds(t)["iran-taliban-talks"]
	attack := "Afghanistan’s largest militant group carried out an hours-long gun and bomb attack on a Kabul government compound on Monday that killed at least 43 people, one of the deadliest assaults on the capital this year."
	ghasemi := `"The presence of American forces was from the very start, in principle, a wrong and illogical move and a primary cause of instability and insecurity in the region," foreign ministry spokesman Bahram Ghasemi said on Saturday.`
	in := Input{
		Articles: st.Articles,
		Analysis: storyline.Analysis{
			Dates: []storyline.DateMention{
				{Text: "on Monday", Value: "2018-12-24", Article: "004_6f41c58a0392cbfd", Sentence: attack},
				{Text: "on Saturday", Value: "2018-12-22", Article: "002_41c0fcd437463166", Sentence: ghasemi},
				{Text: "someday", Value: "", Article: "002_41c0fcd437463166", Sentence: ghasemi},
				{Text: "this year", Value: "2018", Granularity: "year", Relative: true, Article: "002_41c0fcd437463166",
					Sentence: "The Taliban, meanwhile, has made significant territorial gains this year as its fighters inflict record casualties on government forces."},
				{Text: "last week", Value: "2018-W51", Granularity: "week", Relative: true, Article: "002_41c0fcd437463166",
					Sentence: "The announcement follows reconciliation talks last week between the United States and Taliban officials in the United Arab Emirates."},
			},
			Events: []storyline.Event{{Type: "attack", Actor: "Taliban", Action: "carried out", Article: "004_6f41c58a0392cbfd", Sentence: attack}},
		},
		Related: []RelatedStory{{ID: "s-uae", Headline: "US and Taliban hold talks in UAE", Date: time.Date(2018, 12, 18, 0, 0, 0, 0, time.UTC), Score: 0.4}},
	}
	tl := Tell(in, Options{}).Timeline
	var got []string
	for _, e := range tl {
		got = append(got, e.Date+" "+e.Kind+" "+e.Article+e.Story)
	}
	want := []string{
		"2018-12-18 related s-uae",
		"2018-12-22 event 002_41c0fcd437463166",
		"2018-12-24 event 002_41c0fcd437463166", // both carry it: one entry, from the lead article
		"2018-12-26 article 002_41c0fcd437463166",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("timeline:\n got %q\nwant %q", got, want)
	}
	for _, e := range tl {
		if e.Kind == "event" {
			a, _ := articleByID(st.Articles, e.Article)
			if !strings.Contains(a.Text, e.Text) {
				t.Errorf("event text not verbatim: %q", e.Text)
			}
		}
	}
}

func TestEmptyAndOddInputs(t *testing.T) {
	inputs := []Input{
		{},
		{Articles: []storyline.Article{{ID: "x"}}},
		{Articles: []storyline.Article{{ID: "x", Text: "?? !! ..."}, {ID: "y", Text: "\n\n\n"}}},
		{Articles: []storyline.Article{{ID: "x", Text: "One short line"}}, Groups: []storyline.CopyGroup{{Canonical: "zz"}}},
	}
	for _, in := range inputs {
		page := Tell(in, Options{SummarySentences: 99})
		if len(page.Summary) > 7 {
			t.Errorf("summary over 7 sentences")
		}
		checkCitations(t, in.Articles, page)
	}
}

func TestSummaryLength(t *testing.T) {
	st := loadSeeds(t)["shamkhani-us-approach"]
	for _, n := range []int{3, 7} {
		if got := len(Tell(Input{Articles: st.Articles}, Options{SummarySentences: n}).Summary); got != n {
			t.Errorf("asked %d sentences, got %d", n, got)
		}
	}
}
