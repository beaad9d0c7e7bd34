package understand

import "github.com/storyline-news/storyline"

// Analyze reads the articles of one story. context holds articles of related
// stories, used only as evidence (e.g. to anchor relative dates when the
// story's own articles are undated).
func Analyze(articles []storyline.Article, context []storyline.Article) storyline.Analysis {
	return storyline.Analysis{} // STUB
}

// MergeEntities merges the entity lists of several stories into one list
// across the store, keyed by story id.
func MergeEntities(byStory map[string][]storyline.Entity) []storyline.Entity { return nil } // STUB
