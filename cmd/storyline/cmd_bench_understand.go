package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/storyline-news/storyline/bench"
)

func init() {
	register(command{name: "bench understand", summary: "measure understand.Analyze speed (articles/s on one core)", run: runBenchUnderstand})
}

func runBenchUnderstand(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("bench understand", stderr)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	data := fs.String("data", "", "extraction-dev ground-truth.json (default ../shared/data/extraction-dev/ground-truth.json)")
	rounds := fs.Int("rounds", 5, "passes over the article set")
	if _, err := parseArgs(fs, args); err != nil {
		return 2
	}
	res, err := bench.Understand(bench.UnderstandBenchOptions{GroundTruth: *data, Rounds: *rounds})
	if err != nil {
		fmt.Fprintln(stderr, "storyline bench understand:", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			fmt.Fprintln(stderr, "storyline bench understand:", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stdout, "%d articles x %d rounds, avg %d bytes: %.0f articles/s wall, %.0f articles per CPU-second (%.2f MB/s, %.2f MB allocated/article) on one goroutine\n",
		res.Articles, res.Rounds, res.AvgBytes, res.ArticlesPerSec, res.ArticlesPerCPUSec, res.MBPerSec, res.AllocMBPerArt)
	fmt.Fprintf(stdout, "found %d entities, %d quotes, %d dates, %d events (one round)\n", res.Entities, res.Quotes, res.Dates, res.Events)
	return 0
}
