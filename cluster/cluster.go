package cluster

import (
	"time"

	"github.com/storyline-news/storyline"
)

// Item is what clustering sees of an article.
type Item struct {
	ID    string
	Title string
	Text  string
	Time  time.Time // zero when unknown
}

// Clusterer holds the stories and their index. Not safe for concurrent use.
type Clusterer struct{}

// New returns an empty clusterer.
func New() *Clusterer { return &Clusterer{} }

// Add assigns the item to a story, or starts one.
func (c *Clusterer) Add(it Item) storyline.Assignment { return storyline.Assignment{Article: it.ID, Story: "s-" + it.ID, New: true} } // STUB

// Join puts the item into a known story without deciding (copies follow
// their canonical copy; a store reloads its assignments).
func (c *Clusterer) Join(it Item, story string) {} // STUB

// Finish runs the deterministic end-of-batch pass (merges) and returns the
// redirects old story id -> surviving id.
func (c *Clusterer) Finish() map[string]string { return nil } // STUB

// Stories returns every story with its articles and related stories,
// ordered by id.
func (c *Clusterer) Stories() []storyline.Story { return nil } // STUB
