package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/extract"
	"github.com/storyline-news/storyline/internal/datafile"
	"github.com/storyline-news/storyline/textutil"
)

// ExtractOptions tunes an extraction evaluation.
type ExtractOptions struct {
	// Baseline also scores plain go-trafilatura (default options) on the
	// same pages in the same run.
	Baseline bool
	// Worst is how many of the lowest-scoring pages to list (default 10).
	Worst int
}

// ExtractScores are the benchmark's figures for one extractor.
type ExtractScores struct {
	Pages       int     `json:"pages"`
	Precision   float64 `json:"precision"`
	Recall      float64 `json:"recall"`
	F1          float64 `json:"f1"`
	Accuracy    float64 `json:"accuracy"`
	PagesPerSec float64 `json:"pages_per_sec"`
}

// ExtractPage is one page's score.
type ExtractPage struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Exact     bool    `json:"exact"`
}

// ExtractResult is Storyline's score on an extraction set, with the worst
// pages (lowest F1 first) and, when asked, the go-trafilatura baseline.
type ExtractResult struct {
	ExtractScores
	Worst    []ExtractPage  `json:"-"`
	PerPage  []ExtractPage  `json:"-"`
	Baseline *ExtractScores `json:"baseline,omitempty"`
}

// extractTruth is one entry of ground-truth.json.
type extractTruth struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// extractPageData is a loaded page and its expected body.
type extractPageData struct {
	id, url, truth string
	html           []byte
}

// Extract scores Storyline's extraction on dir, laid out as
// html/<id>.html.gz plus ground-truth.json (the Article Extraction
// Benchmark layout), with the benchmark's word-4-gram metric.
func Extract(dir string, opt ExtractOptions) (ExtractResult, error) {
	pages, err := extractLoad(dir)
	if err != nil {
		return ExtractResult{}, err
	}
	if opt.Worst == 0 {
		opt.Worst = 10
	}
	scores, perPage := extractRun(pages, func(p extractPageData) string {
		art, err := extract.Extract(storyline.Document{Source: p.id, URL: p.url, Format: "html", HTML: p.html})
		if err != nil {
			return ""
		}
		return art.Text
	})
	res := ExtractResult{ExtractScores: scores, PerPage: perPage}
	worst := append([]ExtractPage(nil), perPage...)
	sort.SliceStable(worst, func(i, j int) bool { return worst[i].F1 < worst[j].F1 })
	res.Worst = worst[:min(opt.Worst, len(worst))]
	if opt.Baseline {
		base, _ := extractRun(pages, func(p extractPageData) string {
			text, err := extract.Baseline(p.html, p.url)
			if err != nil {
				return ""
			}
			return text
		})
		res.Baseline = &base
	}
	return res, nil
}

// extractLoad reads the ground truth and the pages it names, sorted by id.
func extractLoad(dir string) ([]extractPageData, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("eval extract: %w", err)
	}
	var truth map[string]extractTruth
	if err := json.Unmarshal(raw, &truth); err != nil {
		return nil, fmt.Errorf("eval extract: ground-truth.json: %w", err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var pages []extractPageData
	for _, id := range ids {
		html, err := datafile.ReadAll(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, fmt.Errorf("eval extract: page %s: %w", id, err)
		}
		pages = append(pages, extractPageData{id: id, url: truth[id].URL, truth: truth[id].ArticleBody, html: html})
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("eval extract: no pages in %s", dir)
	}
	return pages, nil
}

// extractRun runs one extractor over the pages, timing only extraction.
func extractRun(pages []extractPageData, run func(extractPageData) string) (ExtractScores, []ExtractPage) {
	var elapsed time.Duration
	var sumP, sumR float64
	exact := 0
	perPage := make([]ExtractPage, 0, len(pages))
	for _, p := range pages {
		start := time.Now()
		got := run(p)
		elapsed += time.Since(start)
		prec, rec, same := ExtractPageScore(p.truth, got)
		sumP += prec
		sumR += rec
		if same {
			exact++
		}
		perPage = append(perPage, ExtractPage{ID: p.id, URL: p.url, Precision: prec, Recall: rec, F1: extractF1(prec, rec), Exact: same})
	}
	n := float64(len(pages))
	s := ExtractScores{Pages: len(pages), Precision: sumP / n, Recall: sumR / n, Accuracy: float64(exact) / n}
	s.F1 = extractF1(s.Precision, s.Recall)
	if elapsed > 0 {
		s.PagesPerSec = n / elapsed.Seconds()
	}
	return s, perPage
}

func extractF1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ExtractPageScore is the benchmark's per-page score: precision and recall
// of the predicted text's word 4-grams (multisets) against the true text's,
// and whether the two token lists are identical.
func ExtractPageScore(truth, predicted string) (precision, recall float64, exact bool) {
	tw, pw := textutil.Words(truth), textutil.Words(predicted)
	exact = len(tw) == len(pw)
	for i := 0; exact && i < len(tw); i++ {
		exact = tw[i] == pw[i]
	}
	tg, pg := extractNgrams(tw), extractNgrams(pw)
	var tp, fp, fn float64
	for g, c := range pg {
		tc := tg[g]
		tp += float64(min(c, tc))
		fp += float64(max(c-tc, 0))
	}
	for g, c := range tg {
		fn += float64(max(c-pg[g], 0))
	}
	if total := tp + fp + fn; total > 0 {
		tp, fp, fn = tp/total, fp/total, fn/total
	}
	switch {
	case fp == 0 && fn == 0:
		return 1, 1, exact
	case tp == 0:
		return 0, 0, exact
	}
	return tp / (tp + fp), tp / (tp + fn), exact
}

// extractNgrams counts the word 4-grams of tokens; fewer than four tokens
// give one shorter n-gram.
func extractNgrams(tokens []string) map[string]int {
	const n = 4
	out := map[string]int{}
	if len(tokens) == 0 {
		return out
	}
	if len(tokens) < n {
		out[strings.Join(tokens, "\x00")]++
		return out
	}
	for i := 0; i+n <= len(tokens); i++ {
		out[strings.Join(tokens[i:i+n], "\x00")]++
	}
	return out
}
