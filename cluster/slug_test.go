package cluster

import (
	"slices"
	"testing"
)

func TestSlugWords(t *testing.T) {
	cases := []struct {
		url  string
		want []string
	}{
		{"http://www.telegraph.co.uk/finance/mark-carney/10689229/Mark-Carney-no-regrets-over-interest-rate-policy.html",
			[]string{"mark", "carney", "mark", "carney", "no", "regrets", "over", "interest", "rate", "policy"}},
		// Date folders, numeric ids and the ".story" extension go; the
		// tracking query behind the source's escaped "\?" goes.
		{"http://www.latimes.com/business/money/la-fi-mo-federal-reserve-plosser-20140310,0,1312750.story\\?track=rss",
			[]string{"la", "fi", "mo", "federal", "reserve", "plosser"}},
		{"http://www.extratv.com/2014/03/10/true-detective-finale-recap/?adid=sidebar_widget_numbered",
			[]string{"true", "detective", "finale", "recap"}},
		// Sections and ids are no slug.
		{"http://www.livemint.com/Politics/H2EvwJSK2VE6OF7iK1g3PP/x.html", nil},
		{"http://in.reuters.com/article/2014/03/11/markets-usa-stocks-idINL2N0M81I520140311",
			[]string{"markets", "usa", "stocks"}},
		{"https://example.com", nil},
		{"", nil},
		{"not a url at all", nil},
	}
	for _, c := range cases {
		if got := slugWords(c.url); !slices.Equal(got, c.want) {
			t.Errorf("slugWords(%q) = %q, want %q", c.url, got, c.want)
		}
	}
}

// A headline that shares little with a story's headlines joins it through
// the words of its URL slug, and does not without them.
func TestSlugJoinsTerseHeadline(t *testing.T) {
	items := []Item{
		{ID: "1", Title: "Malaysia Airlines jet missing over South China Sea", URL: "https://a.example/2014/03/08/malaysia-airlines-jet-missing"},
		{ID: "2", Title: "Search for missing Malaysia Airlines jet widens", URL: "https://b.example/world/search-missing-malaysia-airlines-jet-widens"},
		{ID: "3", Title: "Malaysia Airlines jet: search for missing plane goes on", URL: "https://e.example/asia/malaysia-airlines-jet-search"},
		{ID: "4", Title: "Fed official says weak data caused by weather", URL: "https://c.example/business/fed-official-weak-data-weather"},
		{ID: "5", Title: "Weak data caused by weather, Fed official says", URL: "https://f.example/economy/fed-weather-weak-data"},
		{ID: "6", Title: "Apple unveils new iPhone at developer conference", URL: "https://g.example/tech/apple-unveils-iphone"},
		{ID: "7", Title: "Families still wait for answers", URL: "https://d.example/news/malaysia-airlines-jet-missing-families-wait"},
	}
	// toStory is item 7's similarity to the story item 1 founded (0 when
	// that story is not even a candidate).
	toStory := func(slug float64) float64 {
		opt := DefaultOptions()
		opt.SlugWeight = slug
		c := NewWithOptions(opt)
		var target string
		for _, it := range items {
			a := c.Add(it)
			switch {
			case it.ID == "1":
				target = a.Story
			case it.ID == "7" && a.Story == target:
				return a.Score
			case it.ID == "7" && a.RunnerUp == target:
				return a.RunnerUpScore
			}
		}
		return 0
	}
	without, with := toStory(0), toStory(DefaultOptions().SlugWeight)
	if without != 0 {
		t.Errorf("without slug words the headline scores %.3f against the story, want 0 (no shared word)", without)
	}
	if with < 0.05 {
		t.Errorf("with slug words the headline scores %.3f against its story, want a clear candidate (>= 0.05)", with)
	}
}
