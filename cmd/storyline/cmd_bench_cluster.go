package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"

	"github.com/storyline-news/storyline/bench"
	"github.com/storyline-news/storyline/cluster"
)

func init() {
	register(command{
		name:    "bench cluster",
		summary: "measure story clustering speed and memory on a synthetic stream",
		run:     runBenchCluster,
	})
}

func runBenchCluster(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("bench cluster", stderr)
	items := fs.Int("items", 10000, "stream length")
	headlines := fs.Bool("headlines", false, "titles only (default: title and full text)")
	curve := fs.Bool("curve", false, "run 10k, 100k, ... up to --items and print the curve")
	finishEvery := fs.Int("finish-every", 10000, "run Finish after every N items (an ingest batch); 0: at the end only")
	data := fs.String("data", filepath.Join("..", "shared", "data"), "directory holding extraction-dev/ and stories-dev/")
	asJSON := fs.Bool("json", false, "print JSON")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the runs to this file")
	set := fs.String("set", "", "comma-separated clusterer option overrides Name=value (see cluster.SetOption)")
	if _, err := parseArgs(fs, args); err != nil {
		return 2
	}
	opts := cluster.DefaultOptions()
	if err := setClusterOptions(&opts, *set); err != nil {
		fmt.Fprintf(stderr, "storyline bench cluster: %v\n", err)
		return 2
	}
	sizes := []int{*items}
	if *curve {
		sizes = nil
		for n := 10000; n <= *items; n *= 10 {
			sizes = append(sizes, n)
		}
		if len(sizes) == 0 || sizes[len(sizes)-1] != *items {
			sizes = append(sizes, *items)
		}
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "storyline bench cluster: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "storyline bench cluster: %v\n", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	var results []bench.ClusterBenchResult
	for _, n := range sizes {
		res, err := bench.Cluster(bench.ClusterBenchOptions{DataDir: *data, Items: n, Headlines: *headlines, FinishEvery: *finishEvery, Cluster: &opts})
		if err != nil {
			fmt.Fprintf(stderr, "storyline bench cluster: %v\n", err)
			return 1
		}
		results = append(results, res)
		if !*asJSON {
			kind := "full text"
			if res.Headlines {
				kind = "headlines"
			}
			fmt.Fprintf(stdout, "%8d items (%s, %d stories): %8.0f items/s (%.0f per CPU second), %6.1f MB heap, %d predicted stories, B-cubed F1 %.3f\n",
				res.Items, kind, res.Stories, res.ItemsPerSec, res.ItemsPerCPUSec, res.HeapMB, res.Predicted, res.BCubedF1)
		}
	}
	if *asJSON {
		var v any = results
		if len(results) == 1 {
			v = results[0]
		}
		if err := json.NewEncoder(stdout).Encode(v); err != nil {
			fmt.Fprintf(stderr, "storyline bench cluster: %v\n", err)
			return 1
		}
	}
	return 0
}
