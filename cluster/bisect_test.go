package cluster

import (
	"fmt"
	"sort"
	"testing"

	"github.com/storyline-news/storyline"
)

// bisectEvents returns n articles about each of two unrelated events,
// worded differently from article to article, interleaved by id.
func bisectEvents(n int) (a, b []Item) {
	volcano := []string{
		"The Hekla volcano in southern Iceland erupted overnight, sending ash over Reykjavik.",
		"Icelandic authorities closed airspace as the Hekla eruption spread ash across the island.",
		"Farmers near Hekla were evacuated after lava flows reached the valley, Iceland's civil defence said.",
		"Flights to Reykjavik were cancelled while the volcano kept erupting and ash clouds drifted east.",
	}
	bank := []string{
		"The Reserve Bank of Australia raised its cash rate by a quarter point to fight inflation.",
		"Governor Philip Lowe said the Reserve Bank would keep lifting interest rates until inflation eases.",
		"Australian mortgage holders face higher repayments after the Reserve Bank rate rise.",
		"Economists expect the Reserve Bank of Australia to pause its tightening cycle early next year.",
	}
	for i := 0; i < n; i++ {
		a = append(a, Item{
			ID:    fmt.Sprintf("a%02d", i),
			Title: fmt.Sprintf("Hekla eruption: Iceland update %d", i),
			Text:  volcano[i%4] + " " + volcano[(i+1)%4],
		})
		b = append(b, Item{
			ID:    fmt.Sprintf("b%02d", i),
			Title: fmt.Sprintf("Reserve Bank of Australia rate decision, report %d", i),
			Text:  bank[i%4] + " " + bank[(i+2)%4],
		})
	}
	return a, b
}

// chainedStory joins both events' articles to one story, as a store
// holding a wrong earlier decision would restore them, then adds one more
// volcano article and runs Finish.
func chainedStory(t *testing.T, opt Options) (*Clusterer, map[string]string) {
	t.Helper()
	a, b := bisectEvents(7)
	c := NewWithOptions(opt)
	// The founding article is a volcano one; the bank event is the smaller.
	for i := range a {
		c.Join(a[i], "s-chained")
		if i < 6 {
			c.Join(b[i], "s-chained")
		}
	}
	c.Add(Item{ID: "a99", Title: "Hekla volcano eruption continues in Iceland", Text: "Ash from Hekla grounded flights in Reykjavik."})
	return c, c.Finish()
}

func splitOptions() Options {
	opt := DefaultOptions()
	opt.RevisitMembers = 0 // leave the cut to the split pass alone
	opt.SplitThreshold = opt.MergeThreshold
	opt.SplitGain = 0.08
	return opt
}

// A story that swallowed two unrelated events is cut in two by Finish
// when the split pass is on: the larger half keeps the id, the other is
// named after its earliest article, and its articles are reported moved.
func TestFinishSplitsChainedStory(t *testing.T) {
	c, redirects := chainedStory(t, splitOptions())
	if len(redirects) != 0 {
		t.Errorf("redirects %v, want none: no story went away", redirects)
	}
	want := "a00 a01 a02 a03 a04 a05 a06 a99|b00 b01 b02 b03 b04 b05"
	if got := partition(c.Stories()); got != want {
		t.Fatalf("stories %q, want %q", got, want)
	}
	if id, _ := c.Lookup("a00"); id != "s-chained" {
		t.Errorf("volcano half in %s, want it to keep s-chained", id)
	}
	if id, _ := c.Lookup("b00"); id != StoryID("b00") {
		t.Errorf("bank half in %s, want %s", id, StoryID("b00"))
	}
	moved := c.Moved()
	var ids []string
	for id, to := range moved {
		if to != StoryID("b00") {
			t.Errorf("%s moved to %s", id, to)
		}
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if fmt.Sprint(ids) != "[b00 b01 b02 b03 b04 b05]" {
		t.Errorf("moved %v, want the six bank articles", ids)
	}

	// Off by default: the chained story stays whole.
	opt := splitOptions()
	opt.SplitThreshold = 0
	c, _ = chainedStory(t, opt)
	if got := partition(c.Stories()); got != "a00 a01 a02 a03 a04 a05 a06 a99 b00 b01 b02 b03 b04 b05" {
		t.Errorf("split pass off: stories %q, want one", got)
	}
}

// One event told in varied words is not split, and the pass is
// deterministic: the same input gives the same stories and ids.
func TestFinishKeepsCoherentStory(t *testing.T) {
	a, _ := bisectEvents(15)
	run := func() []storyline.Story {
		c := NewWithOptions(splitOptions())
		for _, it := range a[:14] {
			c.Join(it, "s-volcano")
		}
		c.Add(a[14])
		if redirects := c.Finish(); len(redirects) != 0 || len(c.Moved()) != 0 {
			t.Errorf("redirects %v, moved %v, want none", redirects, c.Moved())
		}
		// Not even a cut that merging undid at once.
		if len(c.redirects) != 0 {
			t.Errorf("stories made and merged away: %v", c.redirects)
		}
		return c.Stories()
	}
	first := run()
	if len(first) != 1 || first[0].ID != "s-volcano" || len(first[0].Articles) != 15 {
		t.Errorf("coherent story split: %s", partition(first))
	}
	if again := run(); partition(again) != partition(first) || again[0].ID != first[0].ID {
		t.Errorf("two runs differ: %s / %s", partition(first), partition(again))
	}
}
