package understand

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// seed reads a bundled seed article (furniture lines are kept: the real
// pipeline removes them, and the rules must cope either way).
func seed(t *testing.T, name string) storyline.Article {
	t.Helper()
	b, err := os.ReadFile("../examples/articles/" + name)
	if err != nil {
		t.Skipf("seed %s not found: %v", name, err)
	}
	return storyline.Article{ID: name[:3], Text: string(b)}
}

func entityNamed(ents []storyline.Entity, name string) *storyline.Entity {
	for i := range ents {
		if ents[i].Name == name {
			return &ents[i]
		}
		for _, a := range ents[i].Aliases {
			if a == name {
				return &ents[i]
			}
		}
	}
	return nil
}

func TestSeedStoryEntitiesQuotesDatesDrift(t *testing.T) {
	a0 := seed(t, "000_24c3c9cab6b15f29.txt")
	a2 := seed(t, "002_41c0fcd437463166.txt")
	a2.Published, a2.PublishedConfidence = time.Date(2018, 12, 26, 0, 0, 0, 0, time.UTC), 0.8
	a4 := seed(t, "004_6f41c58a0392cbfd.txt")
	an := Analyze([]storyline.Article{a0, a2, a4}, nil)

	// Transliteration variants merge; surnames join their full names.
	q := entityNamed(an.Entities, "Bahram Qasemi")
	if q == nil || entityNamed([]storyline.Entity{*q}, "Bahram Ghasemi") == nil {
		t.Errorf("Qasemi and Ghasemi not merged: %+v", q)
	}
	sh := entityNamed(an.Entities, "Shamkhani")
	if sh == nil || sh.Name != "Ali Shamkhani" || sh.Type != "person" || sh.Mentions < 5 {
		t.Errorf("Shamkhani: %+v", sh)
	}
	if us := entityNamed(an.Entities, "U.S."); us == nil || us.Name != "United States" || entityNamed([]storyline.Entity{*us}, "US") == nil {
		t.Errorf("U.S./US not merged into United States: %+v", us)
	}
	if kh := entityNamed(an.Entities, "Khamenei"); kh == nil || kh.Type != "person" {
		t.Errorf("Khamenei: %+v", kh)
	}
	// The quote carried by 002 and 004 drifts: "talks" became "negotiations".
	found := false
	for _, d := range an.Drift {
		if d.Speaker == "Ali Shamkhani" && strings.Contains(strings.Join(d.Differences, " "), "+negotiations") {
			found = true
		}
	}
	if !found {
		t.Errorf("no talks→negotiations drift for Shamkhani: %+v", an.Drift)
	}
	// "last month" in undated 000 is the Kabul visit 002 dates: December 2018.
	for _, d := range an.Dates {
		if d.Article == "000" && d.Text == "last month" {
			if d.Value != "2018-12" || d.AnchorFrom != "story" {
				t.Errorf("last month in 000: %+v", d)
			}
		}
	}
	// Qasemi's quote in 000 is his, carried by state TV.
	ok := false
	for _, qt := range an.Quotes {
		if qt.Article == "000" && strings.HasPrefix(qt.Text, "America") {
			ok = qt.Speaker == "Bahram Qasemi" && qt.Direct
		}
	}
	if !ok {
		t.Errorf("Qasemi quote not attributed")
	}
}

func TestRelativeDatesAgainstPublished(t *testing.T) {
	a := storyline.Article{ID: "x", Published: time.Date(2019, 1, 9, 0, 0, 0, 0, time.UTC), PublishedConfidence: 0.9,
		Text: "Officials said on Monday that talks held last May had failed. In July, the minister resigned. Last year was calm."}
	want := map[string]string{"on Monday": "2019-01-07", "last May": "2018-05", "In July": "2018-07", "Last year": "2018"}
	an := AnalyzeArticle(a)
	got := map[string]string{}
	for _, d := range an.Dates {
		got[d.Text] = d.Value
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q = %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
}

func TestMergeEntitiesAcrossStories(t *testing.T) {
	out := MergeEntities(map[string][]storyline.Entity{
		"s1": {{Name: "United States", Type: "place", Aliases: []string{"U.S."}, Mentions: 3}},
		"s2": {{Name: "US", Type: "place", Mentions: 2}, {Name: "Bahram Ghasemi", Type: "person", Mentions: 1}},
		"s3": {{Name: "Bahram Qasemi", Type: "person", Mentions: 4}},
	})
	if len(out) != 2 || out[0].Mentions != 5 || len(out[0].Stories) != 2 || out[1].Mentions != 5 {
		t.Fatalf("MergeEntities: %+v", out)
	}
}

func TestNoPanicOnOddInput(t *testing.T) {
	for _, s := range []string{"", "“", "\"\"\"", "U.S.", "al-", "'s 's", "In 2099 on Monday last week “quote” said he."} {
		AnalyzeArticle(storyline.Article{Text: s, Title: s})
	}
}

// FuzzAnalyze checks that no input makes the analysis panic.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"U.S. officials said on Monday.", "\u201cQuote,\u201d he said.", "al-Qaeda's 9/11 attacks", "Mr. A. B. Jr. said: \"", "In July last year, X (Y) told Z."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		AnalyzeArticle(storyline.Article{ID: "f", Text: s, Title: s, Published: time.Date(2019, 1, 9, 0, 0, 0, 0, time.UTC), PublishedConfidence: 1})
	})
}

// TestRelatedStoryAnchorsUndatedArticle: with the dated seed 002 only as
// evidence from a related story, "last month" in undated 000 resolves to
// the Kabul visit's month, marked as coming from a related story, and no
// entity, quote or date of the evidence article is reported.
func TestRelatedStoryAnchorsUndatedArticle(t *testing.T) {
	a0 := seed(t, "000_24c3c9cab6b15f29.txt")
	a2 := seed(t, "002_41c0fcd437463166.txt")
	a2.Published, a2.PublishedConfidence = time.Date(2018, 12, 26, 0, 0, 0, 0, time.UTC), 0.8
	an := Analyze([]storyline.Article{a0}, []storyline.Article{a2})
	found := false
	for _, d := range an.Dates {
		if d.Article != "000" {
			t.Fatalf("evidence article reported: %+v", d)
		}
		if d.Text == "last month" {
			found = true
			if d.Value != "2018-12" || d.AnchorFrom != "related" || d.Confidence >= 0.9 {
				t.Errorf("last month: %+v", d)
			}
		}
	}
	if !found {
		t.Fatal("no \"last month\" found in 000")
	}
	if e := entityNamed(an.Entities, "Abas Aslani"); e != nil {
		t.Errorf("entity only in the evidence article reported: %+v", e)
	}
}
