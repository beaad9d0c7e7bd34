package understand

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// analyzeText analyses one undated article made of the given paragraphs.
func analyzeText(paras ...string) storyline.Analysis {
	return AnalyzeArticle(storyline.Article{ID: "t", Text: strings.Join(paras, "\n\n")})
}

func TestProductsAreNotEntities(t *testing.T) {
	an := analyzeText(
		"Toyota is rolling out a plug-in version of the popular RAV4 small SUV. The RAV4 Prime goes on sale in the summer.",
		"Blue Origin will offer NASA its Blue Moon lander, and SpaceX bid its Starship reusable launch vehicle.",
		"Nissan is hoping a sleek redesign of the Sentra compact sedan will pull in more buyers.",
		"Listen to our weekly politics podcast, \u201cGround Game.\u201d")
	for _, product := range []string{"RAV4", "RAV4 Prime", "Blue Moon", "Starship", "Sentra", "Ground Game", "SUV"} {
		if e := entityNamed(an.Entities, product); e != nil {
			t.Errorf("product %q kept as entity %+v", product, *e)
		}
	}
	for _, maker := range []string{"Toyota", "Blue Origin", "SpaceX", "Nissan", "NASA"} {
		if entityNamed(an.Entities, maker) == nil {
			t.Errorf("maker %q lost with its products", maker)
		}
	}
}

func TestTeamsMergeNicknameAndCity(t *testing.T) {
	an := analyzeText(
		"PITTSBURGH",
		"Bruins 5, Devils 1: David Pastrnak scored twice and Brad Marchand added three assists to lead Boston. "+
			"Tuukka Rask made 25 saves and New Jersey native Connor Clifton added a goal as the Bruins beat the Devils.",
		"Wild 4, Sabres 1: Zach Parise scored twice and Minnesota beat Buffalo.")
	bruins := entityNamed(an.Entities, "Bruins")
	if bruins == nil || bruins.Name != "Boston Bruins" || entityNamed([]storyline.Entity{*bruins}, "Boston") == nil {
		t.Errorf("Bruins and Boston not one team: %+v", bruins)
	}
	if wild := entityNamed(an.Entities, "Minnesota"); wild == nil || wild.Name != "Minnesota Wild" {
		t.Errorf("Minnesota as a team: %+v", wild)
	}
	// "New Jersey native" and the dateline stay places.
	if nj := entityNamed(an.Entities, "New Jersey"); nj == nil || nj.Type != "place" {
		t.Errorf("New Jersey (native) should stay a place: %+v", nj)
	}
	if p := entityNamed(an.Entities, "Pittsburgh"); p == nil || p.Type != "place" {
		t.Errorf("dateline Pittsburgh should stay a place: %+v", p)
	}
	for _, q := range an.Quotes {
		t.Errorf("a match report has no quotes, got %+v", q)
	}
}

func TestNicknamesOutsideMatchReports(t *testing.T) {
	an := analyzeText("The Royals attended a service at Westminster Abbey, where Cardinals from Rome joined them.")
	for _, e := range an.Entities {
		if e.Subtype == "team" {
			t.Errorf("no match report, yet a team: %+v", e)
		}
	}
}

func TestTitlesShopsQuestionsAndSurnames(t *testing.T) {
	an := analyzeText(
		"In May, NASA\u2019s Administrator Jim Bridenstine said returning to the moon was necessary.",
		"Developer Valve called the game a flagship title. Rival Lowe's was also lower following the results.",
		"Will Warren continue to face the heat, or will Biden take more hits?",
		"SoftBank CEO Masayoshi Son has told WeWork executives he wants a profit by 2021.",
		"James Van Der Beek has been eliminated. \u201cWe lost the baby,\u201d Van Der Beek said.")
	checks := []struct{ name, want, typ string }{
		{"Jim Bridenstine", "Jim Bridenstine", "person"},
		{"Valve", "Valve", "organization"},
		{"Lowe's", "Lowe's", "organization"},
		{"Masayoshi Son", "Masayoshi Son", "person"},
		{"Van Der Beek", "James Van Der Beek", "person"},
	}
	for _, c := range checks {
		if e := entityNamed(an.Entities, c.name); e == nil || e.Name != c.want || e.Type != c.typ {
			t.Errorf("%s: got %+v, want %s (%s)", c.name, e, c.want, c.typ)
		}
	}
	for _, bad := range []string{"Administrator Jim Bridenstine", "Developer Valve", "Rival Lowe", "Will Warren", "SoftBank CEO Masayoshi Son"} {
		if e := entityNamed(an.Entities, bad); e != nil {
			t.Errorf("title glued to a name: %+v", *e)
		}
	}
}

func TestDescribedSpeakerNamedLater(t *testing.T) {
	an := analyzeText(
		"DUBAI - A close aide to Iran\u2019s Supreme Leader Ayatollah Ali Khamenei said on Monday U.S. officials had approached him during a visit to Afghanistan.",
		"Tensions have increased since last May.",
		"\u201cDuring my visit to Kabul last month, the Americans asked to hold talks,\u201d the secretary of Iran\u2019s Supreme National Security Council, Ali Shamkhani, was quoted as saying.")
	if len(an.Quotes) == 0 || an.Quotes[0].Speaker != "Ali Shamkhani" {
		t.Fatalf("the aide is Shamkhani: %+v", an.Quotes)
	}
	// A generic description stays as it is.
	an = analyzeText(
		"Iran will continue talks with the Taliban, a senior security official said on Wednesday.",
		"\u201cThe process will continue,\u201d Ali Shamkhani, secretary of Iran\u2019s Supreme National Security Council, said.")
	if len(an.Quotes) == 0 || an.Quotes[0].Speaker == "Ali Shamkhani" {
		t.Errorf("a senior official may be anyone: %+v", an.Quotes)
	}
}

func TestReportedClauses(t *testing.T) {
	an := analyzeText(
		"Adam Neumann can still influence the company through its board, according to a new Fast Company report.",
		"Targeting audiences is key in making dollars go further, Julie Graham said, offering the example of a recent campaign.",
		"Brad Marchand added three assists to lead the team.",
		"Russia's foreign ministry said it viewed the move as \"another measure\" against peace and said it would heighten tensions.",
		"The French foreign ministry said it regrets any decision likely to encourage settlement building.")
	want := map[string]string{
		"Adam Neumann can still influence the company through its board": "Fast Company",
		"Targeting audiences is key in making dollars go further":        "Julie Graham",
	}
	for _, q := range an.Quotes {
		if sp, ok := want[q.Text]; ok && q.Speaker == sp {
			delete(want, q.Text)
			continue
		}
		if strings.Contains(q.Text, "assists") {
			t.Errorf("\"added three assists\" is no speech: %+v", q)
		}
	}
	for text, sp := range want {
		t.Errorf("missing %s: %q in %+v", sp, text, an.Quotes)
	}
}

func TestTodayInQuotesAndTitles(t *testing.T) {
	a := storyline.Article{ID: "t", Published: time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC), PublishedConfidence: 0.9, Text: "The Chiefs beat the Chargers on Monday night. " +
		"\u201cYes, we needed to win this game today,\u201d Anthony Lynn said.\n\nRichardson, via USA Today, said the fight was bad. " +
		"Cooperation will help fix the security issues of today."}
	an := AnalyzeArticle(a)
	quoted := 0
	for _, d := range an.Dates {
		if strings.HasPrefix(strings.ToLower(d.Text), "today") {
			if strings.Contains(d.Sentence, "USA Today") || strings.Contains(d.Sentence, "issues of today") {
				t.Errorf("not a date: %+v", d)
			} else if d.Value != "2019-11-18" {
				t.Errorf("today in a quote after Monday night's game = %s, want 2019-11-18", d.Value)
			} else {
				quoted++
			}
		}
	}
	if quoted != 1 {
		t.Errorf("quoted today found %d times, want 1: %+v", quoted, an.Dates)
	}
}

func TestDemonymListsAndAccidents(t *testing.T) {
	an := analyzeText("American, Dutch, German, Swedish, Swiss, and South Korean tourists were marooned in Uglii.",
		"Two United States service members have been killed in a helicopter crash in Afghanistan.",
		"Lab tests confirmed hypersensitivity pneumonitis, or HP. People rarely get HP from bedding.")
	for _, c := range []string{"Netherlands", "Germany", "Sweden", "Switzerland", "South Korea"} {
		if e := entityNamed(an.Entities, c); e == nil || e.Type != "place" {
			t.Errorf("%s not named by its demonym in a list: %+v", c, e)
		}
	}
	if e := entityNamed(an.Entities, "HP"); e != nil {
		t.Errorf("HP is defined here as a disease, not an entity: %+v", *e)
	}
	for _, ev := range an.Events {
		if ev.Type == "attack" {
			t.Errorf("a crash is no attack: %+v", ev)
		}
	}
}

func TestListedCompanies(t *testing.T) {
	an := analyzeText("They join the nine companies selected by NASA a year ago: Astrobotic, Draper, Moon Express and OrbitBeyond.")
	for _, name := range []string{"Astrobotic", "Draper", "Moon Express", "OrbitBeyond"} {
		if e := entityNamed(an.Entities, name); e == nil || e.Type != "organization" {
			t.Errorf("%s listed among companies: %+v", name, e)
		}
	}
}
