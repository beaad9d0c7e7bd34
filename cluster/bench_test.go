package cluster

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// devItems reads a stories-dev file as items (title, description + text,
// timestamp), or skips when the shared data is absent.
func devItems(tb testing.TB, name string) []Item {
	tb.Helper()
	path := filepath.Join("..", "..", "shared", "data", "stories-dev", name)
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("dev data absent: %v", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var items []Item
	for sc.Scan() {
		var rec struct{ ID, Title, Description, Text, Story, Timestamp string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatal(err)
		}
		t, _ := time.Parse(time.RFC3339Nano, rec.Timestamp)
		text := rec.Text
		if rec.Description != "" {
			text = rec.Description + "\n\n" + text
		}
		items = append(items, Item{ID: rec.ID, Title: rec.Title, Text: text, Time: t})
	}
	return items
}

// benchmarkAdd streams the dev items through one clusterer, again and
// again under fresh ids (each pass a day later), so the story count grows.
func benchmarkAdd(b *testing.B, name string) {
	items := devItems(b, name)
	c := New()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pass := i / len(items)
		it := items[i%len(items)]
		it.ID += "#" + strconv.Itoa(pass)
		it.Time = it.Time.Add(time.Duration(pass) * 24 * time.Hour)
		c.Add(it)
	}
}

// devLabels maps item ids to their story labels.
func devLabels(tb testing.TB, name string) map[string]string {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "..", "shared", "data", "stories-dev", name))
	if err != nil {
		tb.Skipf("dev data absent: %v", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	labels := map[string]string{}
	dec := json.NewDecoder(gz)
	for dec.More() {
		var rec struct{ ID, Story string }
		if err := dec.Decode(&rec); err != nil {
			tb.Fatal(err)
		}
		labels[rec.ID] = rec.Story
	}
	return labels
}

// bcubedF1 scores predicted stories against labels (both by item id).
func bcubedF1(pred, truth map[string]string) float64 {
	both := map[[2]string]int{}
	ps, ts := map[string]int{}, map[string]int{}
	for id, p := range pred {
		both[[2]string{p, truth[id]}]++
		ps[p]++
		ts[truth[id]]++
	}
	var prec, rec float64
	for id, p := range pred {
		n := float64(both[[2]string{p, truth[id]}])
		prec += n / float64(ps[p])
		rec += n / float64(ts[truth[id]])
	}
	prec, rec = prec/float64(len(pred)), rec/float64(len(pred))
	return 2 * prec * rec / (prec + rec)
}

func BenchmarkAddHeadlines(b *testing.B) { benchmarkAdd(b, "headlines-dev.jsonl.gz") }
func BenchmarkAddFullText(b *testing.B)  { benchmarkAdd(b, "fulltext-dev.jsonl.gz") }

// benchmarkExtract measures feature extraction alone (tokenising, the
// lexicon lookups, names and counts), the largest part of an Add on full
// text, over the dev items again and again with one lexicon.
func benchmarkExtract(b *testing.B, name string) {
	items := devItems(b, name)
	opt := DefaultOptions()
	x := extractor{lex: newLexicon(), opt: &opt}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.extract(items[i%len(items)])
	}
}

func BenchmarkExtractHeadlines(b *testing.B) { benchmarkExtract(b, "headlines-dev.jsonl.gz") }
func BenchmarkExtractFullText(b *testing.B)  { benchmarkExtract(b, "fulltext-dev.jsonl.gz") }
