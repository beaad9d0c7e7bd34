package extract

import "github.com/storyline-news/storyline"

// Extract makes an article of a document. ID, ContentHash and Version are
// left for the pipeline to set.
func Extract(doc storyline.Document) (storyline.Article, error) {
	return storyline.Article{Source: doc.Source, URL: doc.URL, Title: doc.Title, Text: doc.Text}, nil // STUB
}
