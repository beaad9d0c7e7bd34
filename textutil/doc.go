// Package textutil holds the small text primitives every stage shares:
// Unicode-aware word tokens, a news-aware sentence splitter, paragraph
// splitting and the normalisation used for article identity and copy
// detection. It has no state and imports nothing of this module but the
// domain package.
package textutil
