package cluster

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestDeterministic checks that the same input order gives the same
// assignments, stories and redirects, run after run.
func TestDeterministic(t *testing.T) {
	items := devItems(t, "fulltext-dev.jsonl.gz")
	run := func() (string, []string, map[string]string) {
		c := New()
		var log []string
		for _, it := range items {
			a := c.Add(it)
			log = append(log, a.Story+" "+strings.Join(a.Shared, ",")+" "+a.RunnerUp)
		}
		redirects := c.Finish()
		return partition(c.Stories()), log, redirects
	}
	p1, l1, r1 := run()
	p2, l2, r2 := run()
	if p1 != p2 || !reflect.DeepEqual(l1, l2) || !reflect.DeepEqual(r1, r2) {
		t.Fatal("two runs over the same order differ")
	}
}

// TestFullTextQuality guards the dev full-text score in file (time)
// order, after Finish, with a margin under the measured 0.985 (shuffled).
func TestFullTextQuality(t *testing.T) {
	items := devItems(t, "fulltext-dev.jsonl.gz")
	labels := devLabels(t, "fulltext-dev.jsonl.gz")
	c := New()
	for _, it := range items {
		c.Add(it)
	}
	c.Finish()
	pred := map[string]string{}
	for _, it := range items {
		pred[it.ID], _ = c.Lookup(it.ID)
	}
	if f := bcubedF1(pred, labels); f < 0.95 {
		t.Fatalf("B-cubed F1 %.4f < 0.95", f)
	}
}

// TestJoinAndRedirects checks that Join builds the same statistics a known
// story needs, that Stories lists articles in arrival order with their
// span, and that a merged-away id still resolves through Join.
func TestJoinAndRedirects(t *testing.T) {
	items := seedItems(t)
	c := New()
	c.Join(items[0], "sA")
	c.Join(items[1], "sA")
	a := c.Add(items[2])
	if a.Story == "sA" {
		t.Fatalf("talks article joined the US-approach story: %+v", a)
	}
	b := c.Add(items[4])
	if b.Story != a.Story || b.New || len(b.Shared) == 0 {
		t.Fatalf("004 should join 002's story with shared terms: %+v (002 in %s)", b, a.Story)
	}
	stories := c.Stories()
	if len(stories) != 2 {
		t.Fatalf("want 2 stories, got %d", len(stories))
	}
	for _, s := range stories {
		if s.ID == "sA" && !reflect.DeepEqual(s.Articles, []string{"000", "001"}) {
			t.Fatalf("sA articles %v", s.Articles)
		}
	}
	if id, ok := c.Lookup("004"); !ok || id != a.Story {
		t.Fatalf("Lookup(004) = %q", id)
	}
	// Re-adding a known item keeps its story.
	if again := c.Add(items[4]); again.Story != a.Story {
		t.Fatalf("re-added item moved to %s", again.Story)
	}
}

func TestStoryIDStable(t *testing.T) {
	if StoryID("x") != StoryID("x") || StoryID("x") == StoryID("y") || len(StoryID("x")) != 13 {
		t.Fatal("story ids must be stable, distinct and s+12 hex")
	}
}

func TestCollapseInitialisms(t *testing.T) {
	for in, want := range map[string]string{
		"the U.S. said": "the US said", "U.N.": "UN", "A. Smith": "A. Smith", "Iran.": "Iran.",
		"U.S.A. and U.K.-based": "USA and UK-based", "J.R.R. Tolkien wrote.": "JRR Tolkien wrote.",
		"Washington, D.C.": "Washington, DC", "AB.C.D. rose": "AB.CD rose", "x.Y.Z.": "x.YZ", "A.b.C.": "A.b.C.",
	} {
		if got := collapseInitialisms(in); got != want {
			t.Errorf("collapseInitialisms(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestExtractReusesScratchSafely checks that the extractor's reused
// buffers carry nothing from one item to the next: each item's features
// are the same whether the extractor has read other items before or not.
func TestExtractReusesScratchSafely(t *testing.T) {
	items := []Item{
		{Title: "Bank of England Holds Rates as U.S. Inflation Eases", Text: "The Bank of England kept rates on hold. Officials at the U.S. Federal Reserve said inflation eased.\n\nÉmile Zola’s heirs met Ana de la Cruz of the U.N. in Paris."},
		{Title: "IT OUTAGE HITS US AIRLINES", Text: "THE OUTAGE AT US CARRIERS GREW. Delta and United said flights resumed."},
		{Title: "Storm nears coast", Text: "Forecasters at the National Hurricane Center of Miami warned residents."},
	}
	opt := DefaultOptions()
	shared := extractor{lex: newLexicon(), opt: &opt}
	for _, it := range append(items, items...) {
		fresh := extractor{lex: shared.lex, opt: &opt}
		got, want := shared.extract(it), fresh.extract(it)
		if !slices.Equal(got.vector, want.vector) || !slices.Equal(got.capitalisedTerms, want.capitalisedTerms) || !slices.Equal(got.lowerTerms, want.lowerTerms) {
			t.Fatalf("features of %q depend on the items read before", it.Title)
		}
		if len(got.vector) == 0 {
			t.Fatalf("no features for %q", it.Title)
		}
	}
	if _, ok := shared.lex.byKey["name:national hurricane center"]; !ok {
		t.Error("the name National Hurricane Center was not read")
	}
	if _, ok := shared.lex.byKey["=it"]; !ok {
		t.Error("the all-capitals IT was not read as an acronym")
	}
}

func TestEmptyInputsDoNotPanic(t *testing.T) {
	c := New()
	c.Add(Item{ID: "a"})
	c.Add(Item{ID: "b", Title: "!!!"})
	c.Join(Item{ID: "c"}, "")
	c.Finish()
	if len(c.Stories()) == 0 {
		t.Fatal("empty items must still form stories")
	}
}

// TestTopCandidatesMatchesSort checks the bounded selection used to
// preselect stories against a full sort, ties broken by story.
func TestTopCandidatesMatchesSort(t *testing.T) {
	var cs []candidate
	for i := 0; i < 200; i++ {
		cs = append(cs, candidate{story: i, score: float64((i * 37) % 23)})
	}
	want := append([]candidate(nil), cs...)
	sortCandidates(want)
	got := topCandidates(append([]candidate(nil), cs...), 12)
	if !reflect.DeepEqual(got, want[:12]) {
		t.Fatalf("topCandidates = %v, want %v", got, want[:12])
	}
}
