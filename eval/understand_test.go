package eval

import "testing"

// TestUnderstandGold runs the understanding evaluation on the three gold
// files and guards the measured quality against regressions. The floors
// sit a little below the figures measured; a drop below them is a real
// regression.
//   - gold.jsonl: the 5 seeds and 20 extraction-dev news articles;
//   - gold-heldout.jsonl: 10 more, annotated before any rule was tuned on
//     them, showing how the rules generalise;
//   - gold-fresh.jsonl: 10 more (a hockey round-up, space science, a lunar
//     contract, TV, politics, tech briefs, cars, opinion), annotated before
//     the entity rules were generalised.
func TestUnderstandGold(t *testing.T) {
	type floors struct{ entity, quote, date, event, speaker, relative float64 }
	for _, gold := range []struct {
		file     string
		articles int
		floors
	}{
		{"gold.jsonl", 25, floors{0.89, 0.83, 0.92, 0.68, 0.95, 0.94}},
		{"gold-heldout.jsonl", 10, floors{0.81, 0.77, 0.92, 0.68, 0.90, 0.94}},
		{"gold-fresh.jsonl", 10, floors{0.89, 0.69, 0.89, 0.85, 0.91, 0.85}},
	} {
		t.Run(gold.file, func(t *testing.T) {
			res, err := Understand("../understand/testdata/" + gold.file)
			if err != nil {
				t.Fatal(err)
			}
			if res.Articles != gold.articles {
				t.Fatalf("gold articles = %d, want %d", res.Articles, gold.articles)
			}
			for _, c := range []struct {
				name       string
				got, floor float64
			}{
				{"entity F1", res.Entities.F1, gold.entity},
				{"quote F1", res.Quotes.F1, gold.quote},
				{"date F1", res.Dates.F1, gold.date},
				{"event F1", res.Events.F1, gold.event},
				{"quote->speaker accuracy", res.SpeakerAccuracy, gold.speaker},
				{"relative-date accuracy", res.RelativeAccuracy, gold.relative},
			} {
				if c.got < c.floor {
					t.Errorf("%s = %.3f, below %.2f", c.name, c.got, c.floor)
				}
			}
		})
	}
}
