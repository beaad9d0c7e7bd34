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
	register(command{name: "bench dedup", summary: "near-duplicate detection speed, memory and accuracy vs ekzhu/minhash-lsh", run: runBenchDedup})
}

func runBenchDedup(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("bench dedup", stderr)
	docs := fs.Int("docs", 10000, "documents to generate (10k to 1M)")
	seed := fs.Uint64("seed", 1, "generator seed")
	data := fs.String("data", "", "data dir with extraction-dev/ and stories-dev/ (default <repo>/../shared/data)")
	asJSON := fs.Bool("json", false, "print JSON")
	write := fs.String("write", "", "write the corpus to this dir (docs.jsonl.gz, pairs.tsv) and exit")
	side := fs.String("side", "", "run one side only: storyline or baseline (used for per-process peak RSS)")
	inProcess := fs.Bool("in-process", false, "run both sides in this process instead of one subprocess each")
	if _, err := parseArgs(fs, args); err != nil {
		return 2
	}
	if *data == "" {
		*data = dedupDefaultDataDir()
	}
	opts := bench.DedupOptions{Docs: *docs, Seed: *seed, DataDir: *data}
	if *write != "" {
		n, p, err := bench.WriteDedupCorpus(*write, opts)
		if err != nil {
			fmt.Fprintln(stderr, "storyline bench dedup:", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote %d docs and %d true pairs to %s\n", n, p, *write)
		return 0
	}
	if *side != "" {
		s, err := bench.DedupRunSide(opts, *side)
		if err != nil {
			fmt.Fprintln(stderr, "storyline bench dedup:", err)
			return 1
		}
		return dedupPrintJSON(stdout, stderr, s)
	}
	if !*inProcess {
		exe, err := os.Executable()
		if err != nil {
			fmt.Fprintln(stderr, "storyline bench dedup:", err)
			return 1
		}
		opts.Exe = exe
	}
	res, err := bench.Dedup(opts)
	if err != nil {
		fmt.Fprintln(stderr, "storyline bench dedup:", err)
		return 1
	}
	if *asJSON {
		return dedupPrintJSON(stdout, stderr, res)
	}
	fmt.Fprintf(stdout, "corpus: %d docs, %d true copy pairs, %d true wire pairs (seed %d)\n", res.Docs, res.Pairs, res.WirePairs, *seed)
	for _, s := range []struct {
		name string
		r    bench.DedupSide
	}{{"storyline", res.DedupSide}, {"ekzhu/minhash-lsh", res.Baseline}} {
		fmt.Fprintf(stdout, "%-18s copies P %.4f R %.4f (found %d) | direct pairs P %.4f R %.4f | wire P %.4f R %.4f | %.0f docs/s, %.0f docs/CPU-s | peak RSS %.0f MB, heap %.0f MB (live %.0f MB)\n",
			s.name, s.r.Precision, s.r.Recall, s.r.Found, s.r.Direct.Precision, s.r.Direct.Recall,
			s.r.Wire.Precision, s.r.Wire.Recall, s.r.DocsPerSec, s.r.DocsPerCPUSec, s.r.PeakRSSMB, s.r.HeapMB, s.r.HeapLiveMB)
	}
	if res.Baseline.DocsPerSec > 0 && res.Baseline.DocsPerCPUSec > 0 {
		fmt.Fprintf(stdout, "speed-up: %.1fx wall, %.1fx CPU\n", res.DocsPerSec/res.Baseline.DocsPerSec, res.DocsPerCPUSec/res.Baseline.DocsPerCPUSec)
	}
	return 0
}

func dedupPrintJSON(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(stderr, "storyline bench dedup:", err)
		return 1
	}
	return 0
}

// dedupDefaultDataDir is ../shared/data beside the repository root found
// upwards from the working directory (the directory holding go.mod).
func dedupDefaultDataDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return filepath.Join("..", "shared", "data")
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(d), "shared", "data")
		}
		if filepath.Dir(d) == d {
			return filepath.Join("..", "shared", "data")
		}
	}
}
