package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/eval"
)

func init() {
	register(command{
		name:    "eval cluster",
		summary: "score story clustering on labelled JSON Lines files (B-cubed, pairwise)",
		run:     runEvalCluster,
	})
}

func runEvalCluster(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("eval cluster", stderr)
	asJSON := fs.Bool("json", false, "print JSON (one object per file, an array for several files)")
	order := fs.String("order", "shuffled", "feeding order: shuffled (by sha1 of id), time, or batch (shuffled, then Finish)")
	shuffles := fs.Int("shuffles", 0, "also report the spread of B-cubed F1 over K seeded random orders")
	sweep := fs.String("sweep", "", "comma-separated join thresholds to report B-cubed F1 for (robustness)")
	threshold := fs.Float64("threshold", 0, "override the join threshold")
	mergeThreshold := fs.Float64("merge-threshold", 0, "override the Finish merge threshold")
	noTime := fs.Bool("no-time", false, "feed every item without a time (no decay)")
	finishEvery := fs.Int("finish-every", 2000, "call Finish after every N items, as ingest does after each batch of this size; 0: once at the end")
	set := fs.String("set", "", "comma-separated option overrides Name=value (see cluster.SetOption), e.g. StoryIDF=0.3,CentroidPower=0.75")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) == 0 {
		fmt.Fprintln(stderr, "usage: storyline eval cluster FILE... [--json] [--order shuffled|time|batch] [--shuffles K] [--sweep 0.1,0.2]")
		return 2
	}
	opts := cluster.DefaultOptions()
	if *threshold > 0 {
		opts.Threshold = *threshold
	}
	if *mergeThreshold > 0 {
		opts.MergeThreshold = *mergeThreshold
	}
	if err := setClusterOptions(&opts, *set); err != nil {
		fmt.Fprintf(stderr, "storyline eval cluster: %v\n", err)
		return 2
	}
	opt := eval.ClusterOptions{Order: *order, Shuffles: *shuffles, Cluster: &opts, IgnoreTime: *noTime, FinishEvery: *finishEvery}
	for _, f := range strings.Split(*sweep, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		th, err := strconv.ParseFloat(f, 64)
		if err != nil {
			fmt.Fprintf(stderr, "storyline eval cluster: bad --sweep value %q\n", f)
			return 2
		}
		opt.Thresholds = append(opt.Thresholds, th)
	}
	var results []eval.ClusterResult
	for _, path := range pos {
		res, err := eval.Cluster(path, opt)
		if err != nil {
			fmt.Fprintf(stderr, "storyline eval cluster: %v\n", err)
			return 1
		}
		results = append(results, res)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		var v any = results
		if len(results) == 1 {
			v = results[0]
		}
		if err := enc.Encode(v); err != nil {
			fmt.Fprintf(stderr, "storyline eval cluster: %v\n", err)
			return 1
		}
		return 0
	}
	for _, r := range results {
		printClusterResult(stdout, r)
	}
	return 0
}

func printClusterResult(w io.Writer, r eval.ClusterResult) {
	fmt.Fprintf(w, "%s (order %s)\n", r.File, r.Order)
	fmt.Fprintf(w, "  items %d, true clusters %d, predicted %d (%d singletons), %.0f items/s\n",
		r.Items, r.TrueClusters, r.PredClusters, r.PredSingletons, r.ItemsPerSec)
	fmt.Fprintf(w, "  B-cubed P %.4f R %.4f F1 %.4f   pairwise P %.4f R %.4f F1 %.4f\n",
		r.BCubedP, r.BCubedR, r.BCubedF1, r.PairP, r.PairR, r.PairF1)
	if r.Order != "batch" {
		o := r.Online
		fmt.Fprintf(w, "  online, before any Finish pass: predicted %d, B-cubed P %.4f R %.4f F1 %.4f, pairwise F1 %.4f\n",
			o.PredClusters, o.BCubedP, o.BCubedR, o.BCubedF1, o.PairF1)
	}
	if s := r.Spread; s != nil {
		fmt.Fprintf(w, "  %d random orders, B-cubed F1 online min %.4f mean %.4f max %.4f; after Finish min %.4f mean %.4f max %.4f\n",
			s.Orders, s.Min, s.Mean, s.Max, s.FinishMin, s.FinishMean, s.FinishMax)
	}
	for _, p := range r.Sweep {
		fmt.Fprintf(w, "  threshold %.3f: B-cubed F1 %.4f, pairwise F1 %.4f, %d clusters\n", p.Threshold, p.BCubedF1, p.PairF1, p.Pred)
	}
	printMixes := func(title string, ms []eval.ClusterMix) {
		if len(ms) == 0 {
			return
		}
		fmt.Fprintf(w, "  %s:\n", title)
		for _, m := range ms {
			fmt.Fprintf(w, "    %s: %d items, %d misplaced\n", m.Cluster, m.Size, m.Wrong)
			for _, p := range m.Parts {
				fmt.Fprintf(w, "      %s\n", p)
			}
		}
	}
	printMixes("worst merges (predicted clusters mixing stories)", r.WorstMerges)
	printMixes("worst splits (stories spread over predicted clusters)", r.WorstSplits)
}

// setClusterOptions applies a --set list (Name=value,...; see
// cluster.SetOption) to opts.
func setClusterOptions(opts *cluster.Options, list string) error {
	for _, kv := range strings.Split(list, ",") {
		if kv = strings.TrimSpace(kv); kv == "" {
			continue
		}
		name, val, _ := strings.Cut(kv, "=")
		v, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil || !cluster.SetOption(opts, strings.TrimSpace(name), v) {
			return fmt.Errorf("bad --set option %q", kv)
		}
	}
	return nil
}
