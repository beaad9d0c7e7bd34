package tell

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

func TestWriteMarkdownAndText(t *testing.T) {
	st := loadSeeds(t)["shamkhani-us-approach"]
	story := storyline.Story{ID: st.Story, Articles: []string{st.Articles[0].ID, st.Articles[1].ID}}
	attack := "In July, Iranian authorities said Tehran had rejected eight US requests for a meeting between Trump and President Hassan Rouhani on the sidelines of the UN General Assembly."
	in := Input{Story: story, Articles: st.Articles, Analysis: storyline.Analysis{
		Dates: []storyline.DateMention{{Text: "In July", Value: "2018-07", Granularity: "month", Relative: true, Article: st.Articles[1].ID, Sentence: attack}},
	}}
	page := Tell(in, Options{})
	var md, txt bytes.Buffer
	if err := WriteMarkdown(&md, story, page, st.Articles); err != nil {
		t.Fatal(err)
	}
	if err := WriteText(&txt, story, page, st.Articles); err != nil {
		t.Fatal(err)
	}
	m := md.String()
	for _, want := range []string{"# " + page.Headline + "\n", "## Summary\n\n- ", "## Sources\n", "1. **Reuters** — *Khamenei Aide", "2. **Al Jazeera** — *Top Khamenei",
		"## Timeline\n\n- **2018-07** — In July", "## What each outlet adds\n", "love to negotiate", "][", "*… and "} {
		if !strings.Contains(m, want) {
			t.Errorf("markdown lacks %q:\n%s", want, m)
		}
	}
	// The July sentence is carried by both articles: the timeline cites both.
	if !strings.Contains(m, "UN General Assembly. [1][2]\n") {
		t.Errorf("timeline entry does not cite both carrying articles:\n%s", m)
	}
	// The quote the splitter cut is shown whole, never its end alone.
	if strings.Contains(m, "- Adds: But they will be") || !strings.Contains(m, "I don’t think. But they will be.”") {
		t.Errorf("split quote shown as a fragment:\n%s", m)
	}
	text := txt.String()
	flat := strings.Join(strings.Fields(text), " ")
	for _, s := range page.Summary {
		if !strings.Contains(flat, s.Text) {
			t.Errorf("text page lacks summary sentence %q", s.Text)
		}
	}
	for _, want := range []string{"[1] Reuters", "\nTimeline\n", "\nWhat each outlet adds\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("text page lacks %q:\n%s", want, text)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if n := utf8.RuneCountInString(line); n > TextWidth {
			t.Errorf("text line of %d columns: %q", n, line)
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	page := storyline.Telling{Headline: "Deal *not* done [yet]", Summary: []storyline.SummarySentence{{Text: "A_b <c> & snake_case &amp; 5*3.", Citations: []storyline.Citation{{Article: "x"}}}}}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, storyline.Story{}, page, []storyline.Article{{ID: "x", Outlet: "X", URL: "https://x.test/a"}}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`# Deal \*not\* done \[yet\]`, `- A_b \<c> & snake_case \&amp; 5\*3. [1]`, "1. **X** — <https://x.test/a>"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, md.String())
		}
	}
	for in, want := range map[string]string{"# not a heading": `\# not a heading`, "1. not a list": `1\. not a list`,
		"- dash": `\- dash`, "> quote": `\> quote`, "2018 was a year.": "2018 was a year."} {
		if got := mdText(in); got != want {
			t.Errorf("mdText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSourceName(t *testing.T) {
	cases := map[string]storyline.Article{
		"Reuters":      {ID: "a", Outlet: "Reuters", URL: "https://www.example.com/x"},
		"example.com":  {ID: "a", URL: "https://www.example.com/x", Source: "dump.jsonl#3"},
		"article.txt":  {ID: "a", Source: "some/dir/article.txt"},
		"feed.test":    {ID: "a", Source: "https://feed.test/rss#2"},
		"article abcd": {ID: "abcd"},
	}
	for want, a := range cases {
		if got := SourceName(a); got != want {
			t.Errorf("SourceName(%+v) = %q, want %q", a, got, want)
		}
	}
}

func TestTimelineCapVagueAndRelated(t *testing.T) {
	st := loadSeeds(t)["iran-taliban-talks"]
	lead := "Iran has met with the Afghan Taliban, a top Iranian security official said on Wednesday according to the Tasnim news agency, just days after the militants attended reconciliation talks in the UAE."
	var dates []storyline.DateMention
	for _, a := range st.Articles {
		for _, s := range strings.Split(a.Text, ". ") {
			// Every sentence dated only by "this year": all vague.
			dates = append(dates, storyline.DateMention{Text: "this year", Value: "2018", Granularity: "year", Relative: true, Article: a.ID, Sentence: s + "."})
		}
	}
	related := []RelatedStory{
		{ID: "placed", Headline: "Placed by its lead", Lead: lead, Dates: []storyline.DateMention{
			{Value: "2018-12-26", Granularity: "day", Sentence: lead},
			{Value: "2001-09-11", Granularity: "day", Sentence: "A background sentence."},
		}},
		{ID: "apart", Headline: "No date known"},
	}
	page := Tell(Input{Articles: st.Articles, Analysis: storyline.Analysis{Dates: dates}, Related: related}, Options{TimelineEntries: 3})
	var got []string
	for _, e := range page.Timeline {
		got = append(got, e.Date+" "+e.Kind+" "+e.Story)
		if e.Kind == "event" {
			t.Errorf("vague date made an entry: %+v", e)
		}
	}
	want := "[2018-12-26 related placed 2018-12-26 article   related apart]"
	if g := "[" + strings.Join(got, " ") + "]"; g != want {
		t.Errorf("timeline %s, want %s", g, want)
	}
	var txt bytes.Buffer
	if err := WriteText(&txt, storyline.Story{}, page, st.Articles); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(txt.String(), "\nRelated stories\n  • No date known (story apart)") || strings.Contains(txt.String(), "undated") {
		t.Errorf("undated related story not listed apart:\n%s", txt.String())
	}
}

func TestTimelineLengthOption(t *testing.T) {
	arts := seedArticles(t)
	for i := range arts {
		arts[i].Published = time.Date(2018, 12, 1+i, 0, 0, 0, 0, time.UTC)
	}
	for _, n := range []int{-1, 2, 0} {
		got := len(Tell(Input{Articles: arts}, Options{TimelineEntries: n}).Timeline)
		want := map[int]int{-1: 0, 2: 2, 0: min(len(arts), DefaultTimelineEntries)}[n]
		if got != want {
			t.Errorf("TimelineEntries %d: %d entries, want %d", n, got, want)
		}
	}
}

func TestQuoteJoins(t *testing.T) {
	text := "Trump said Iranian leaders “are not ready yet, I don’t think. But they will be.” He left.\n\n“We will go. Never.”"
	raws := []string{"Trump said Iranian leaders “are not ready yet, I don’t think.", "But they will be.”", "He left.", "“We will go.", "Never.”"}
	joined, cont := quoteJoins(text, raws)
	if joined[0] != "Trump said Iranian leaders “are not ready yet, I don’t think. But they will be.”" || !cont[1] || cont[2] {
		t.Errorf("joined %q, continues %v", joined, cont)
	}
	if joined[3] != "“We will go. Never.”" || !cont[4] {
		t.Errorf("second quote: joined %q, continues %v", joined, cont)
	}
	if j, c := quoteJoins("“Open.\n\nStill open.”", []string{"“Open.", "Still open.”"}); j[0] != "" || c[1] {
		t.Errorf("joined across a paragraph break: %q %v", j, c)
	}
}
