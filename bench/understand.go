package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"sort"
	"syscall"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/understand"
)

// UnderstandBenchOptions tunes the understanding benchmark.
type UnderstandBenchOptions struct {
	// GroundTruth is the extraction-dev ground-truth.json whose article
	// bodies are analysed (default ../shared/data/extraction-dev/ground-truth.json).
	GroundTruth string
	// Rounds is how many times the whole set is analysed (default 5).
	Rounds int
}

// UnderstandBenchResult is the speed of understand.Analyze on real bodies,
// each analysed as a one-article story on one goroutine.
type UnderstandBenchResult struct {
	Articles       int     `json:"articles"`
	Rounds         int     `json:"rounds"`
	AvgBytes       int     `json:"avg_bytes"`
	Seconds        float64 `json:"seconds"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
	// ArticlesPerCPUSec is articles per second of process CPU time (user +
	// system, GC included): the per-core rate, steady when the machine is busy.
	ArticlesPerCPUSec float64 `json:"articles_per_cpu_sec"`
	MBPerSec          float64 `json:"mb_per_sec"`
	AllocMBPerArt     float64 `json:"alloc_mb_per_article"`
	Entities          int     `json:"entities"`
	Quotes            int     `json:"quotes"`
	Dates             int     `json:"dates"`
	Events            int     `json:"events"`
}

// Understand measures articles/s of understand.Analyze on one core.
func Understand(opt UnderstandBenchOptions) (UnderstandBenchResult, error) {
	if opt.GroundTruth == "" {
		opt.GroundTruth = "../shared/data/extraction-dev/ground-truth.json"
	}
	if opt.Rounds <= 0 {
		opt.Rounds = 5
	}
	raw, err := os.ReadFile(opt.GroundTruth)
	if err != nil {
		return UnderstandBenchResult{}, fmt.Errorf("read understand bench data: %w", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		return UnderstandBenchResult{}, fmt.Errorf("parse %s: %w", opt.GroundTruth, err)
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	arts := make([]storyline.Article, 0, len(ids))
	total := 0
	for _, id := range ids {
		arts = append(arts, storyline.Article{ID: id, Text: gt[id].ArticleBody})
		total += len(gt[id].ArticleBody)
	}
	res := UnderstandBenchResult{Articles: len(arts), Rounds: opt.Rounds}
	if len(arts) == 0 {
		return res, fmt.Errorf("no articles in %s", opt.GroundTruth)
	}
	res.AvgBytes = total / len(arts)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start, cpu0 := time.Now(), understandbenchCPU()
	for r := 0; r < opt.Rounds; r++ {
		for _, a := range arts {
			an := understand.Analyze([]storyline.Article{a}, nil)
			if r == 0 {
				res.Entities += len(an.Entities)
				res.Quotes += len(an.Quotes)
				res.Dates += len(an.Dates)
				res.Events += len(an.Events)
			}
		}
	}
	res.Seconds = time.Since(start).Seconds()
	cpu := (understandbenchCPU() - cpu0).Seconds()
	runtime.ReadMemStats(&after)
	n := float64(len(arts) * opt.Rounds)
	res.ArticlesPerSec = n / res.Seconds
	if cpu > 0 {
		res.ArticlesPerCPUSec = n / cpu
	}
	res.MBPerSec = float64(total*opt.Rounds) / 1e6 / res.Seconds
	res.AllocMBPerArt = float64(after.TotalAlloc-before.TotalAlloc) / 1e6 / n
	return res, nil
}

// understandbenchCPU is the process's CPU time so far (user + system).
func understandbenchCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
