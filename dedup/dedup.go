package dedup

import "github.com/storyline-news/storyline"

// Pair is a verified copy relation between two articles.
type Pair struct {
	A, B        string // A was indexed before B
	Relation    storyline.Relation
	Jaccard     float64
	Containment float64
	Overlap     float64
}

// Index finds, for each new text, the earlier texts it copies, in
// sub-linear time. It is not safe for concurrent use.
type Index struct{}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{} }

// Add verifies the text against the indexed ones, returns the copy pairs
// it forms with them (best first), and indexes it.
func (ix *Index) Add(id, text string) []Pair { return nil } // STUB

// Groups builds copy groups from articles and the pairs found between them:
// connected components, the fullest copy as canonical (ties by id), and each
// other member compared with it.
func Groups(articles []storyline.Article, pairs []Pair) []storyline.CopyGroup { return nil } // STUB
