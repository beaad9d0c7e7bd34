package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/storyline-news/storyline/bench"
)

func init() {
	register(command{
		name:    "bench extract",
		summary: "pages/s of Storyline's extraction vs plain go-trafilatura on the same pages",
		run:     runBenchExtract,
	})
}

func runBenchExtract(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("bench extract", stderr)
	asJSON := fs.Bool("json", false, "print one JSON object")
	passes := fs.Int("passes", 3, "passes over the pages per extractor")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	dir := filepath.Join("..", "shared", "data", "extraction-dev", "html")
	switch len(pos) {
	case 0:
		if _, err := os.Stat(dir); err != nil {
			fmt.Fprintln(stderr, "storyline: no DIR given and", dir, "not found")
			return 2
		}
	case 1:
		dir = pos[0]
	default:
		fmt.Fprintln(stderr, "usage: storyline bench extract [DIR] [--json] [--passes N]")
		return 2
	}
	res, err := bench.Extract(dir, bench.ExtractOptions{Passes: *passes})
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
	fmt.Fprintf(stdout, "%d pages x %d passes\nstoryline    %.1f pages/s\ntrafilatura  %.1f pages/s\ntime ratio   %.2fx go-trafilatura\n",
		res.Pages, res.Passes, res.PagesPerSec, res.BaselinePerSec, res.TimeRatio)
	return 0
}
