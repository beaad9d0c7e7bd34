package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/tell"
)

func init() {
	register(command{
		name:    "eval summary",
		summary: "score story summaries (ROUGE-1/2/L, citation correctness) against references",
		run:     runEvalSummary,
	})
}

// runEvalSummary scores the given reference files, or by default the seed
// stories (tell/testdata/seeds.jsonl) and the stories-dev full-text set
// with its proxy references, found from the repository root.
func runEvalSummary(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("eval summary", stderr)
	asJSON := fs.Bool("json", false, "print one JSON object with per-set figures")
	sentences := fs.Int("sentences", 0, "summary length, 3-7 (default 5)")
	dev := fs.String("dev", "", "stories-dev fulltext-dev.jsonl.gz (default: found beside the repository)")
	minArticles := fs.Int("min-articles", 3, "smallest story of the dev set to score")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	var stories []eval.SummaryStory
	if len(pos) == 0 {
		root := summaryRepoRoot()
		pos = append(pos, filepath.Join(root, "tell", "testdata", "seeds.jsonl"))
		if *dev == "" {
			for _, p := range []string{filepath.Join(root, "..", "shared", "data", "stories-dev", "fulltext-dev.jsonl.gz"),
				"/work/shared/data/stories-dev/fulltext-dev.jsonl.gz"} {
				if _, err := os.Stat(p); err == nil {
					*dev = p
					break
				}
			}
			if *dev == "" {
				fmt.Fprintln(stderr, "storyline eval summary: stories-dev data not found; scoring the seeds only")
			}
		}
	}
	for _, p := range pos {
		s, err := eval.LoadSummaryStories(p)
		if err != nil {
			fmt.Fprintln(stderr, "storyline eval summary:", err)
			return 1
		}
		stories = append(stories, s...)
	}
	if *dev != "" {
		s, err := eval.SummaryStoriesFromFulltext(*dev, *minArticles)
		if err != nil {
			fmt.Fprintln(stderr, "storyline eval summary:", err)
			return 1
		}
		stories = append(stories, s...)
	}
	res := eval.Summary(stories, tell.Options{SummarySentences: *sentences})
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			fmt.Fprintln(stderr, "storyline eval summary:", err)
			return 1
		}
		return 0
	}
	for _, set := range res.Sets {
		proxy := ""
		if set.Proxy {
			proxy = " (reference is a proxy)"
		}
		fmt.Fprintf(stdout, "%s%s: %d stories, %d summary sentences, %.1f ms/story\n", set.Set, proxy, set.Stories, set.Sentences, set.MillisPerStory)
		fmt.Fprintf(stdout, "  ROUGE F1   summary R1 %.3f  R2 %.3f  RL %.3f\n", set.Rouge.R1, set.Rouge.R2, set.Rouge.RL)
		fmt.Fprintf(stdout, "  ROUGE F1   lead    R1 %.3f  R2 %.3f  RL %.3f\n", set.Lead.R1, set.Lead.R2, set.Lead.RL)
		fmt.Fprintf(stdout, "  citations  %d, correct %.1f%% (exact %.1f%%), verbatim in first cited %.1f%%\n",
			set.Citations, 100*set.CitationCorrectness, 100*set.ExactShare, 100*set.VerbatimShare)
		for _, st := range set.PerStory {
			for _, p := range st.Problems {
				fmt.Fprintf(stdout, "  ! %s: %s\n", st.Story, p)
			}
		}
	}
	return 0
}

// summaryRepoRoot walks up from the working directory to the directory
// holding go.mod, or returns ".".
func summaryRepoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return "."
		}
	}
}
