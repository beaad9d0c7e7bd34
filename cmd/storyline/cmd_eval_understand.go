package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/storyline-news/storyline/eval"
)

func init() {
	register(command{name: "eval understand", summary: "score entities, quotes, dates and events against a gold JSONL file", run: runEvalUnderstand})
}

func runEvalUnderstand(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("eval understand", stderr)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	misses := fs.Bool("misses", false, "list missed and extra items")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	gold := "understand/testdata/gold.jsonl"
	if len(pos) > 0 {
		gold = pos[0]
	}
	res, err := eval.Understand(gold)
	if err != nil {
		fmt.Fprintln(stderr, "storyline eval understand:", err)
		return 1
	}
	if !*misses {
		res.Misses = nil
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			fmt.Fprintln(stderr, "storyline eval understand:", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stdout, "articles %d\n", res.Articles)
	for _, row := range []struct {
		name string
		p    eval.PRF
	}{{"entities", res.Entities}, {"quotes", res.Quotes}, {"dates", res.Dates}, {"events", res.Events}} {
		fmt.Fprintf(stdout, "%-9s P %.3f  R %.3f  F1 %.3f  (tp %d, predicted %d, gold %d)\n", row.name, row.p.Precision, row.p.Recall, row.p.F1, row.p.TP, row.p.Predicted, row.p.Gold)
	}
	fmt.Fprintf(stdout, "quote->speaker accuracy %.3f (%d quotes found)\n", res.SpeakerAccuracy, res.QuotesFound)
	fmt.Fprintf(stdout, "relative-date accuracy  %.3f (%d relative dates found)\n", res.RelativeAccuracy, res.RelativeFound)
	for _, m := range res.Misses {
		fmt.Fprintln(stdout, "  ", m)
	}
	return 0
}
