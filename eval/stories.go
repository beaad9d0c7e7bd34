package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/store/sqlite"
)

// StoriesOptions tunes the end-to-end story evaluation.
type StoriesOptions struct {
	// UseTime passes each item's timestamp to Storyline as its publication
	// date. Off by default: the pipeline orders a batch by time, and in the
	// headline set timestamp order leaks the labels (see its README).
	UseTime bool
	// BatchSize is the ingest batch (one Finish pass each); the pipeline's
	// default when 0.
	BatchSize int
}

// StoriesResult scores the stories the whole pipeline makes of a file.
type StoriesResult struct {
	File string `json:"file"`
	ClusterScores
	Copies      int     `json:"copies"`
	ItemsPerSec float64 `json:"items_per_sec"`
}

// Stories runs Storyline end to end — ingest, extraction, copy detection,
// clustering, the store — over a labelled JSON Lines file laid out like
// ../shared/data/stories-dev and scores its stories against the labels with
// the same metrics as Cluster. Items are written in sha1-of-id order with
// their own URL (a synthetic unique one when the file repeats a URL, so
// that every line stays a separate item) and without their labels.
func Stories(path string, opt StoriesOptions) (StoriesResult, error) {
	recs, err := clusterLoad(path)
	if err != nil {
		return StoriesResult{}, err
	}
	ordered := clusterBySHA1(recs)
	dir, err := os.MkdirTemp("", "storyline-eval-stories-")
	if err != nil {
		return StoriesResult{}, err
	}
	defer os.RemoveAll(dir)
	input := filepath.Join(dir, "items.jsonl")
	if err := writeUnlabelled(input, ordered, opt.UseTime); err != nil {
		return StoriesResult{}, err
	}
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(dir, "eval.db"))
	if err != nil {
		return StoriesResult{}, err
	}
	defer store.Close()
	eng, err := pipeline.Open(ctx, store)
	if err != nil {
		return StoriesResult{}, err
	}
	start := time.Now()
	sum, err := eng.Ingest(ctx, []string{input}, pipeline.Options{BatchSize: opt.BatchSize})
	elapsed := time.Since(start)
	if err != nil {
		return StoriesResult{}, fmt.Errorf("eval stories: %w", err)
	}
	if sum.Failed > 0 {
		return StoriesResult{}, fmt.Errorf("eval stories: %d items failed, first: %v", sum.Failed, sum.Failures[0])
	}
	pred, err := storiesByLine(ctx, store, len(ordered))
	if err != nil {
		return StoriesResult{}, err
	}
	res := StoriesResult{File: path, ClusterScores: clusterScore(ordered, pred), Copies: sum.Copies}
	if elapsed > 0 {
		res.ItemsPerSec = float64(len(ordered)) / elapsed.Seconds()
	}
	return res, nil
}

// writeUnlabelled writes the items as Storyline input: title, text, URL,
// and the timestamp only when asked.
func writeUnlabelled(path string, recs []clusterRecord, useTime bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	urls := map[string]int{}
	for _, r := range recs {
		urls[r.URL]++
	}
	enc := json.NewEncoder(f)
	for _, r := range recs {
		url := r.URL
		if url == "" || urls[url] > 1 {
			url = "https://eval.invalid/item/" + r.ID
		}
		text := r.Text
		if d := strings.TrimSpace(r.Description); d != "" {
			text = d + "\n\n" + text
		}
		line := map[string]string{"url": url, "title": r.Title, "text": text}
		if useTime && r.Timestamp != "" {
			line["published"] = r.Timestamp
		}
		if err := enc.Encode(line); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// storiesByLine maps each input line (Source "…#N") to its story id.
func storiesByLine(ctx context.Context, store storyline.Store, n int) ([]string, error) {
	arts, err := store.Articles(ctx)
	if err != nil {
		return nil, err
	}
	line := map[string]int{}
	for _, a := range arts {
		i := strings.LastIndexByte(a.Source, '#')
		k, err := strconv.Atoi(a.Source[i+1:])
		if i < 0 || err != nil || k < 1 || k > n {
			return nil, fmt.Errorf("eval stories: unexpected source %q", a.Source)
		}
		line[a.ID] = k - 1
	}
	assignments, err := store.Assignments(ctx)
	if err != nil {
		return nil, err
	}
	pred := make([]string, n)
	for _, as := range assignments {
		if k, ok := line[as.Article]; ok {
			pred[k] = as.Story
		}
	}
	for k := range pred {
		if pred[k] == "" { // an item the pipeline did not keep is its own story
			pred[k] = "missing-" + strconv.Itoa(k)
		}
	}
	return pred, nil
}
