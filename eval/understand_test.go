package eval

import "testing"

// TestUnderstandGold runs the understanding evaluation on the bundled gold
// (5 seeds and 20 extraction-dev news articles) and guards the measured
// quality against regressions. The floors sit a little below the figures
// measured when the gold was made; a drop below them is a real regression.
func TestUnderstandGold(t *testing.T) {
	res, err := Understand("../understand/testdata/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != 25 {
		t.Fatalf("gold articles = %d, want 25", res.Articles)
	}
	checks := []struct {
		name       string
		got, floor float64
	}{
		{"entity F1", res.Entities.F1, 0.89},
		{"quote F1", res.Quotes.F1, 0.83},
		{"date F1", res.Dates.F1, 0.92},
		{"event F1", res.Events.F1, 0.68},
		{"quote->speaker accuracy", res.SpeakerAccuracy, 0.95},
		{"relative-date accuracy", res.RelativeAccuracy, 0.94},
	}
	for _, c := range checks {
		if c.got < c.floor {
			t.Errorf("%s = %.3f, below %.2f", c.name, c.got, c.floor)
		}
	}
}

// TestUnderstandHeldOutGold scores the second gold file, 10 extraction-dev
// news articles annotated before any rule was tuned on them: it shows how
// the rules generalise, and guards that level with the same margin.
func TestUnderstandHeldOutGold(t *testing.T) {
	res, err := Understand("../understand/testdata/gold-heldout.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != 10 {
		t.Fatalf("held-out gold articles = %d, want 10", res.Articles)
	}
	checks := []struct {
		name       string
		got, floor float64
	}{
		{"entity F1", res.Entities.F1, 0.81},
		{"quote F1", res.Quotes.F1, 0.77},
		{"date F1", res.Dates.F1, 0.92},
		{"event F1", res.Events.F1, 0.68},
		{"quote->speaker accuracy", res.SpeakerAccuracy, 0.90},
		{"relative-date accuracy", res.RelativeAccuracy, 0.94},
	}
	for _, c := range checks {
		if c.got < c.floor {
			t.Errorf("%s = %.3f, below %.2f", c.name, c.got, c.floor)
		}
	}
}

// TestUnderstandFreshGold scores the third gold file: 10 further
// extraction-dev news articles (a hockey round-up, space science, a lunar
// contract, TV, politics, tech briefs, cars, opinion) annotated before the
// entity rules were generalised. It guards that generalisation.
func TestUnderstandFreshGold(t *testing.T) {
	res, err := Understand("../understand/testdata/gold-fresh.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != 10 {
		t.Fatalf("fresh gold articles = %d, want 10", res.Articles)
	}
	checks := []struct {
		name       string
		got, floor float64
	}{
		{"entity F1", res.Entities.F1, 0.89},
		{"quote F1", res.Quotes.F1, 0.69},
		{"date F1", res.Dates.F1, 0.89},
		{"event F1", res.Events.F1, 0.85},
		{"quote->speaker accuracy", res.SpeakerAccuracy, 0.91},
		{"relative-date accuracy", res.RelativeAccuracy, 0.85},
	}
	for _, c := range checks {
		if c.got < c.floor {
			t.Errorf("%s = %.3f, below %.2f", c.name, c.got, c.floor)
		}
	}
}
