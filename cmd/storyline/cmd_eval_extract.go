package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/storyline-news/storyline/eval"
)

func init() {
	register(command{
		name:    "eval extract",
		summary: "score article extraction on a labelled page set (word 4-gram P/R/F1)",
		run:     runEvalExtract,
	})
}

func runEvalExtract(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("eval extract", stderr)
	asJSON := fs.Bool("json", false, "print one JSON object")
	baseline := fs.Bool("baseline", false, "also score plain go-trafilatura (default options) in the same run")
	worst := fs.Int("worst", 10, "how many worst pages to list")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: storyline eval extract DIR [--json] [--baseline]")
		return 2
	}
	res, err := eval.Extract(pos[0], eval.ExtractOptions{Baseline: *baseline, Worst: *worst})
	if err != nil {
		fmt.Fprintln(stderr, "storyline:", err)
		return 1
	}
	if *asJSON {
		if err := json.NewEncoder(stdout).Encode(res); err != nil {
			fmt.Fprintln(stderr, "storyline:", err)
			return 1
		}
		return 0
	}
	printScores := func(name string, s eval.ExtractScores) {
		fmt.Fprintf(stdout, "%-12s pages %d  P %.4f  R %.4f  F1 %.4f  accuracy %.4f  %.1f pages/s\n",
			name, s.Pages, s.Precision, s.Recall, s.F1, s.Accuracy, s.PagesPerSec)
	}
	printScores("storyline", res.ExtractScores)
	if res.Baseline != nil {
		printScores("trafilatura", *res.Baseline)
	}
	fmt.Fprintf(stdout, "\nworst %d pages:\n", len(res.Worst))
	for _, p := range res.Worst {
		fmt.Fprintf(stdout, "  %s  P %.3f  R %.3f  %s\n", p.ID[:min(12, len(p.ID))], p.Precision, p.Recall, p.URL)
	}
	return 0
}
