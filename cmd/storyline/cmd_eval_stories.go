package main

import (
	"fmt"
	"io"

	"github.com/storyline-news/storyline/eval"
)

func init() {
	register(command{name: "eval stories", summary: "score the stories the whole pipeline makes of labelled JSON Lines files", run: runEvalStories})
}

func runEvalStories(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("eval stories", stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per file (an array when several)")
	useTime := fs.Bool("time", false, "pass timestamps as publication dates (leaks labels in the headline set)")
	batch := fs.Int("batch", 0, "ingest batch size (default: the pipeline's)")
	files, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "usage: storyline eval stories [--json] [--time] FILE.jsonl[.gz] ...")
		return 2
	}
	var results []eval.StoriesResult
	for _, f := range files {
		r, err := eval.Stories(f, eval.StoriesOptions{UseTime: *useTime, BatchSize: *batch})
		if err != nil {
			return fail(stderr, err)
		}
		results = append(results, r)
	}
	if *asJSON {
		if len(results) == 1 {
			return exitOn(stderr, writeJSON(stdout, results[0]))
		}
		return exitOn(stderr, writeJSON(stdout, results))
	}
	for _, r := range results {
		fmt.Fprintf(stdout, "%s (whole pipeline)\n  items %d, true clusters %d, predicted %d (%d singletons), %d copies, %.0f items/s\n",
			r.File, r.Items, r.TrueClusters, r.PredClusters, r.PredSingletons, r.Copies, r.ItemsPerSec)
		fmt.Fprintf(stdout, "  B-cubed P %.4f R %.4f F1 %.4f   pairwise P %.4f R %.4f F1 %.4f\n",
			r.BCubedP, r.BCubedR, r.BCubedF1, r.PairP, r.PairR, r.PairF1)
	}
	return 0
}
