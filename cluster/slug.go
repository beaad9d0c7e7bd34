package cluster

import (
	"strings"
	"unicode"
)

// slugWords returns the words of an article URL's slug: the path segments
// that read as hyphenated (or underscored) phrases, such as
// "/2014/03/11/mark-carney-no-regrets-over-rates.html". Editors write the
// slug for search engines, so it names the story's actors and event, often
// with words the headline leaves out or a truncated headline lost.
//
// Numbers and tokens that mix letters and digits (article ids) are
// dropped, and so are single-word segments: those are sections ("world",
// "business"), not slugs. The query string is ignored: it carries tracking
// parameters far more often than words.
func slugWords(url string) []string {
	if url == "" {
		return nil
	}
	i := strings.Index(url, "://")
	if i < 0 {
		return nil // not an absolute URL
	}
	path := url[i+3:]
	j := strings.IndexByte(path, '/')
	if j < 0 {
		return nil
	}
	path = path[j:]
	if i := strings.IndexAny(path, "?#\\"); i >= 0 {
		path = path[:i] // the headline file escapes ? as \?
	}
	var words []string
	for _, seg := range strings.Split(path, "/") {
		if i := strings.LastIndexByte(seg, '.'); i > 0 && len(seg)-i <= 6 {
			seg = seg[:i] // .html, .story, .cms
		}
		tokens := strings.FieldsFunc(seg, func(r rune) bool {
			return r == '-' || r == '_' || r == '+' || r == ',' || r == '.' || r == ' '
		})
		var kept []string
		for _, t := range tokens {
			if isWordToken(t) {
				kept = append(kept, strings.ToLower(t))
			}
		}
		if len(kept) >= 2 {
			words = append(words, kept...)
		}
	}
	return words
}

// isWordToken reports whether a slug token is a word: letters only.
func isWordToken(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
