package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/storyline-news/storyline/eval"
)

func init() {
	register(command{name: "eval dedup", summary: "score exact/near-duplicate pairs: DOCS.jsonl[.gz] PAIRS.tsv", run: runEvalDedup})
}

func runEvalDedup(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("eval dedup", stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 2 {
		fmt.Fprintln(stderr, "usage: storyline eval dedup DOCS.jsonl[.gz] PAIRS.tsv [--json]")
		return 2
	}
	res, err := eval.Dedup(pos[0], pos[1])
	if err != nil {
		fmt.Fprintln(stderr, "storyline eval dedup:", err)
		return 1
	}
	if *asJSON {
		if err := json.NewEncoder(stdout).Encode(res); err != nil {
			fmt.Fprintln(stderr, "storyline eval dedup:", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stdout, "docs %d, true pairs %d\n", res.Docs, res.TruePairs)
	fmt.Fprintf(stdout, "copy groups (closure): found %d pairs, precision %.4f, recall %.4f\n", res.FoundPairs, res.Precision, res.Recall)
	fmt.Fprintf(stdout, "direct pairs:          found %d pairs, precision %.4f, recall %.4f\n", res.Direct.FoundPairs, res.Direct.Precision, res.Direct.Recall)
	fmt.Fprintf(stdout, "shares-wire-text pairs (not scored): %d\n%.0f docs/s\n", res.WireFound, res.DocsPerSec)
	return 0
}
