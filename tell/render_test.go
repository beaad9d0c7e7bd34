package tell

import (
	"bytes"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

func TestWriteMarkdownAndText(t *testing.T) {
	st := loadSeeds(t)["shamkhani-us-approach"]
	story := storyline.Story{ID: st.Story, Articles: []string{st.Articles[0].ID, st.Articles[1].ID}}
	page := Tell(Input{Story: story, Articles: st.Articles}, Options{})
	var md, txt bytes.Buffer
	if err := WriteMarkdown(&md, story, page, st.Articles); err != nil {
		t.Fatal(err)
	}
	if err := WriteText(&txt, story, page, st.Articles); err != nil {
		t.Fatal(err)
	}
	m := md.String()
	for _, want := range []string{"# " + page.Headline + "\n", "## Sources\n", "1. Reuters — *Khamenei Aide", "2. Al Jazeera — *Top Khamenei",
		"## Timeline\n", "## What each outlet adds\n", "love to negotiate"} {
		if !strings.Contains(m, want) {
			t.Errorf("markdown lacks %q:\n%s", want, m)
		}
	}
	for _, s := range page.Summary {
		if !strings.Contains(txt.String(), s.Text) {
			t.Errorf("text page lacks summary sentence %q", s.Text)
		}
	}
	if !strings.Contains(txt.String(), "[1] Reuters") || !strings.Contains(txt.String(), "Timeline") {
		t.Errorf("text page lacks sources or timeline:\n%s", txt.String())
	}
	if !strings.Contains(m, `\]\[`) {
		t.Errorf("markdown has no sentence citing two sources:\n%s", m)
	}
	if strings.Contains(m, "Ayatollah_") || strings.Count(m, "# ") < 1 {
		t.Error("markdown malformed")
	}
}

func TestMarkdownEscapes(t *testing.T) {
	page := storyline.Telling{Headline: "Deal *not* done [yet]", Summary: []storyline.SummarySentence{{Text: "A_b <c>.", Citations: []storyline.Citation{{Article: "x"}}}}}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, storyline.Story{}, page, []storyline.Article{{ID: "x", Outlet: "X", URL: "https://x.test/a"}}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`# Deal \*not\* done \[yet\]`, `A\_b \<c\>. \[1\]`, "1. X — <https://x.test/a>"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, md.String())
		}
	}
}
