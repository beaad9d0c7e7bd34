package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/tell"
)

// printStoryBrief prints a story as `run` and `stories` show it: headline,
// counts, outlets, date span, its articles with their copy relations, and
// the cited summary.
func printStoryBrief(w io.Writer, v pipeline.StoryView) {
	headline := v.Headline
	if v.HeadlineDerived {
		headline += " (headline derived from the lead)"
	}
	fmt.Fprintf(w, "■ %s\n", headline)
	fmt.Fprintf(w, "  story %s · %d article%s (%d distinct) · outlets: %s · %s\n",
		v.ID, len(v.Articles), plural(len(v.Articles)), v.Copies.Distinct, orNone(strings.Join(v.Outlets, ", ")), span(v.First, v.Last))
	for _, a := range v.Articles {
		var facts []string
		if a.Outlet != "" {
			facts = append(facts, a.Outlet)
		}
		facts = append(facts, dateOr(a.Published, "undated"))
		if a.Agency != "" {
			facts = append(facts, "agency "+a.Agency)
		}
		if a.Dateline != "" {
			facts = append(facts, "dateline "+a.Dateline)
		}
		if a.DuplicateOf != nil {
			facts = append(facts, fmt.Sprintf("copy of %s (%s)", *a.DuplicateOf, a.CopyRelation))
		}
		fmt.Fprintf(w, "  - %s %s\n      %s\n", a.ID, a.Source, strings.Join(facts, " · "))
	}
	if len(v.Summary) > 0 {
		name := map[string]string{}
		for _, a := range v.Full {
			name[a.ID] = tell.SourceName(a)
		}
		fmt.Fprintln(w, "  Summary:")
		for _, s := range v.Summary {
			var cites []string
			for _, c := range s.Citations {
				cites = append(cites, name[c.Article]+" "+c.Article)
			}
			fmt.Fprintf(w, "    • %s [%s]\n", s.Text, strings.Join(cites, "; "))
		}
	}
	if len(v.Related) > 0 {
		var rel []string
		for _, r := range v.Related {
			rel = append(rel, fmt.Sprintf("%s (%.2f)", r.Story, r.Score))
		}
		fmt.Fprintf(w, "  Related: %s\n", strings.Join(rel, ", "))
	}
}

func span(first, last *time.Time) string {
	switch {
	case first == nil:
		return "undated"
	case last == nil || first.Format("2006-01-02") == last.Format("2006-01-02"):
		return first.Format("2006-01-02")
	}
	return first.Format("2006-01-02") + " – " + last.Format("2006-01-02")
}

func dateOr(t *time.Time, none string) string {
	if t == nil {
		return none
	}
	return t.Format("2006-01-02")
}

func orNone(s string) string {
	if s == "" {
		return "unknown outlet"
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// printDiff prints what a text adds, drops and rewords against another.
func printDiff(w io.Writer, added, removed []string, changed []storyline.SentenceChange) {
	for _, s := range added {
		fmt.Fprintf(w, "      adds: %s\n", s)
	}
	for _, s := range removed {
		fmt.Fprintf(w, "      drops: %s\n", s)
	}
	for _, c := range changed {
		fmt.Fprintf(w, "      changes: %q\n            -> %q\n", c.From, c.To)
	}
}
