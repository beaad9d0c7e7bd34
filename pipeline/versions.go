package pipeline

import (
	"fmt"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/dedup"
)

// VersionChange is one step in an article's history: what the text of
// version To changed against version From.
type VersionChange struct {
	From    int                        `json:"from"`
	To      int                        `json:"to"`
	Seen    time.Time                  `json:"replaced"` // when version From was replaced
	Added   []string                   `json:"added"`
	Removed []string                   `json:"removed"`
	Changed []storyline.SentenceChange `json:"changed"`
}

// VersionChanges compares each stored version of an article with the next,
// the current text last. The earlier text plays the canonical copy, so
// Added is what the newer text brought.
func VersionChanges(current storyline.Article, old []storyline.Version) []VersionChange {
	texts := make([]storyline.Article, 0, len(old)+1)
	for _, v := range old {
		texts = append(texts, storyline.Article{ID: fmt.Sprintf("%s@%d", v.Article, v.Version), Text: v.Text})
	}
	texts = append(texts, current)
	changes := []VersionChange{}
	for i := 1; i < len(texts); i++ {
		c := dedup.Compare(texts[i-1], texts[i])
		to := current.Version
		if i < len(old) {
			to = old[i].Version
		}
		changes = append(changes, VersionChange{From: old[i-1].Version, To: to, Seen: old[i-1].Seen,
			Added: nonNil(c.Added), Removed: nonNil(c.Removed), Changed: nonNil(c.Changed)})
	}
	return changes
}
