package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/extract"
	"github.com/storyline-news/storyline/internal/datafile"
)

// ExtractOptions tunes the extraction benchmark.
type ExtractOptions struct {
	// Passes over all pages per extractor (default 3); the passes of the two
	// extractors alternate so that load changes hit both alike.
	Passes int
}

// ExtractBench is the speed of Storyline's extraction and of plain
// go-trafilatura on the same pages in the same run.
type ExtractBench struct {
	Pages            int     `json:"pages"`
	Passes           int     `json:"passes"`
	PagesPerSec      float64 `json:"pages_per_sec"`
	BaselinePerSec   float64 `json:"baseline_pages_per_sec"`
	TimeRatio        float64 `json:"time_ratio"` // Storyline time / go-trafilatura time
	StorylineSeconds float64 `json:"storyline_seconds"`
	BaselineSeconds  float64 `json:"baseline_seconds"`
}

// Extract times extraction of every *.html or *.html.gz page in dir.
func Extract(dir string, opt ExtractOptions) (ExtractBench, error) {
	if opt.Passes <= 0 {
		opt.Passes = 3
	}
	pages, err := extractLoadPages(dir)
	if err != nil {
		return ExtractBench{}, err
	}
	var ours, base time.Duration
	for pass := 0; pass < opt.Passes; pass++ {
		start := time.Now()
		for _, p := range pages {
			_, _ = extract.Extract(storyline.Document{Format: "html", HTML: p})
		}
		ours += time.Since(start)
		start = time.Now()
		for _, p := range pages {
			_, _ = extract.Baseline(p, "")
		}
		base += time.Since(start)
	}
	n := float64(len(pages) * opt.Passes)
	r := ExtractBench{Pages: len(pages), Passes: opt.Passes, StorylineSeconds: ours.Seconds(), BaselineSeconds: base.Seconds()}
	if ours > 0 {
		r.PagesPerSec = n / ours.Seconds()
	}
	if base > 0 {
		r.BaselinePerSec = n / base.Seconds()
		r.TimeRatio = ours.Seconds() / base.Seconds()
	}
	return r, nil
}

// extractLoadPages reads the pages of dir into memory, so that only
// extraction is timed.
func extractLoadPages(dir string) ([][]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("bench extract: %w", err)
	}
	var names []string
	for _, e := range entries {
		if n := e.Name(); strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".html.gz") || strings.HasSuffix(n, ".htm") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var pages [][]byte
	for _, n := range names {
		page, err := datafile.ReadAll(filepath.Join(dir, n))
		if err != nil {
			return nil, fmt.Errorf("bench extract: %s: %w", n, err)
		}
		pages = append(pages, page)
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("bench extract: no HTML pages in %s", dir)
	}
	return pages, nil
}
