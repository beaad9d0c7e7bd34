package main

import (
	"fmt"

	"github.com/storyline-news/storyline/bench"
)

func runBench() {
	r, err := bench.Understand(bench.UnderstandBenchOptions{GroundTruth: "/work/shared/data/extraction-dev/ground-truth.json"})
	fmt.Printf("%+v %v\n", r, err)
}
