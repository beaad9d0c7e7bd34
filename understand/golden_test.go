package understand

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// updateGolden rewrites testdata/analyze-golden.json from the current code:
// go test ./understand -run TestAnalyzeGolden -update-golden
var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/analyze-golden.json")

const goldenPath = "testdata/analyze-golden.json"

// goldStories reads a gold JSON Lines file into its stories, articles
// built as the understand evaluation builds them, keyed "file/story".
func goldStories(t *testing.T, file string) map[string][]storyline.Article {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatalf("open gold: %v", err)
	}
	defer f.Close()
	out := map[string][]storyline.Article{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var g struct {
			ID, Story, Title, URL, Published string
			PublishedConfidence              float64 `json:"published_confidence"`
			Text                             string
		}
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		a := storyline.Article{ID: g.ID, Title: g.Title, Text: g.Text, URL: g.URL, PublishedConfidence: g.PublishedConfidence}
		if pt, err := time.Parse("2006-01-02", g.Published); err == nil {
			a.Published = pt
		}
		key := file + "/" + g.Story
		out[key] = append(out[key], a)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read gold: %v", err)
	}
	return out
}

// TestAnalyzeGolden pins Analyze's output, byte for byte (as a SHA-256 of
// its JSON), on every gold story, a 120-article synthetic story and the
// extraction-dev bodies read as one story: speed work must not change a
// single entity, quote, date or event. Set UNDERSTAND_GOLDEN_DUMP to a
// directory to write the full JSON there for diffing.
func TestAnalyzeGolden(t *testing.T) {
	stories := map[string][]storyline.Article{}
	for _, file := range []string{"gold.jsonl", "gold-heldout.jsonl", "gold-fresh.jsonl"} {
		for k, v := range goldStories(t, file) {
			stories[k] = v
		}
	}
	stories["synthetic/big-120"] = bigStory(t, 120)
	if _, err := os.Stat(filepath.Join("..", "..", "shared", "data", "extraction-dev", "ground-truth.json")); err == nil {
		stories["extraction-dev/all"] = devStory(t)
	}
	got := map[string]string{}
	dump := os.Getenv("UNDERSTAND_GOLDEN_DUMP")
	for name, arts := range stories {
		js, err := json.MarshalIndent(Analyze(arts, nil), "", " ")
		if err != nil {
			t.Fatalf("%s: marshal: %v", name, err)
		}
		sum := sha256.Sum256(js)
		got[name] = hex.EncodeToString(sum[:])
		if dump != "" {
			if err := os.WriteFile(filepath.Join(dump, strings.ReplaceAll(name, "/", "_")+".json"), js, 0o644); err != nil {
				t.Fatalf("dump: %v", err)
			}
		}
	}
	if *updateGolden {
		js, _ := json.MarshalIndent(got, "", " ")
		if err := os.WriteFile(goldenPath, append(js, '\n'), 0o644); err != nil {
			t.Fatalf("write golden: %v", err)
		}
		return
	}
	raw, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatalf("read golden (run with -update-golden to create): %v", err)
	}
	var want map[string]string
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatalf("parse golden: %v", err)
	}
	names := make([]string, 0, len(got))
	for name := range got {
		names = append(names, name)
	}
	sort.Strings(names)
	if len(names) < 20 {
		t.Fatalf("only %d stories analysed", len(names))
	}
	for _, name := range names {
		if want[name] == "" {
			t.Errorf("%s: not in %s", name, goldenPath)
		} else if got[name] != want[name] {
			t.Errorf("%s: Analyze output changed", name)
		}
	}
}
