package tell

import (
	"time"

	"github.com/storyline-news/storyline"
)

// RelatedStory is what the timeline shows of a related story.
type RelatedStory struct {
	ID       string
	Headline string
	Date     time.Time
	Score    float64
}

// Input is everything known about one story.
type Input struct {
	Story    storyline.Story
	Articles []storyline.Article // in story order
	Groups   []storyline.CopyGroup
	Analysis storyline.Analysis
	Related  []RelatedStory
}

// Options tunes the page.
type Options struct {
	SummarySentences int // 3-7; 5 when 0
}

// Tell writes the story page.
func Tell(in Input, opt Options) storyline.Telling { return storyline.Telling{} } // STUB
