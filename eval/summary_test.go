package eval

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/tell"
)

func TestRougeScores(t *testing.T) {
	r := RougeScores("the cat sat on the mat", "the cat lay on the mat")
	// Unigrams: 5 of 6 shared; bigrams: "the cat", "on the", "the mat" = 3 of 5; LCS 5.
	if math.Abs(r.R1-5.0/6) > 1e-9 || math.Abs(r.R2-3.0/5) > 1e-9 || math.Abs(r.RL-5.0/6) > 1e-9 {
		t.Fatalf("RougeScores = %+v", r)
	}
	if r := RougeScores("", "x"); r != (Rouge{}) {
		t.Fatalf("empty candidate: %+v", r)
	}
	if r := RougeScores("Iran, talks!", "iran talks"); r.R1 != 1 || r.R2 != 1 || r.RL != 1 {
		t.Fatalf("case and punctuation should not count: %+v", r)
	}
}

func TestSummarySeeds(t *testing.T) {
	stories, err := LoadSummaryStories(filepath.Join("..", "tell", "testdata", "seeds.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	res := Summary(stories, tell.Options{})
	if len(res.Sets) != 1 || res.Sets[0].Stories != 3 {
		t.Fatalf("want one set of 3 stories: %+v", res.Sets)
	}
	s := res.Sets[0]
	if s.CitationCorrectness != 1 || s.VerbatimShare != 1 || s.Citations < s.Sentences {
		t.Fatalf("citations: %+v", s)
	}
	if s.Rouge.R1 < 0.4 || s.Rouge.R2 < 0.2 {
		t.Errorf("seed ROUGE unexpectedly low: %+v", s.Rouge)
	}
}

func TestSummaryDevProxy(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "stories-dev", "fulltext-dev.jsonl.gz")
	if _, err := os.Stat(path); err != nil {
		t.Skip("stories-dev data absent")
	}
	stories, err := SummaryStoriesFromFulltext(path, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) < 10 {
		t.Fatalf("only %d stories with 3+ articles", len(stories))
	}
	s := Summary(stories, tell.Options{}).Sets[0]
	if !s.Proxy || s.CitationCorrectness != 1 || s.VerbatimShare != 1 {
		t.Fatalf("dev set: %+v", s)
	}
	if s.Rouge.R1 <= s.Lead.R1*0.9 {
		t.Errorf("summary ROUGE-1 %.3f far below the lead baseline %.3f", s.Rouge.R1, s.Lead.R1)
	}
}
