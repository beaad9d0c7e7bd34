package extract

import (
	"strings"

	"github.com/storyline-news/storyline/textutil"
)

// cleanHTMLParagraphs removes furniture go-trafilatura lets through: the
// headline repeated as the first paragraph, read-time and lone punctuation
// lines, captions, share/newsletter prompts, comment-policy and reprint
// notices, and a trailing teaser block.
func cleanHTMLParagraphs(paras []string, meta pageMeta, pageURL string) []string {
	self := urlKey(pageURL)
	titles := []string{meta.meta["og:title"], meta.ld.headline, meta.title}
	titles = append(titles, meta.h1...)
	lines := make([]plainLine, len(paras))
	for i, p := range paras {
		lines[i] = plainLine{text: p}
	}
	lines = cutTeaserBlock(lines)
	var out []string
	for i, l := range lines {
		t := l.text
		if i < 3 && isAnyTitle(t, titles) {
			continue
		}
		if isPunctuationOnly(t) || readTimeRe.MatchString(t) || isShareLine(t) || isPromo(t) || isCaption(t) {
			continue
		}
		if self != "" && urlKey(t) == self {
			continue
		}
		if i > 0 && isShouted(t) {
			continue
		}
		if i < 3 {
			if loc := leadCaptionRe.FindStringIndex(t); loc != nil && len(textutil.Words(t[loc[1]:])) >= 8 {
				t = t[loc[1]:]
			}
		}
		out = append(out, t)
	}
	return out
}

func isAnyTitle(line string, titles []string) bool {
	for _, t := range titles {
		if sameTitle(line, t) || sameTitle(line, stripSiteName(t, "")) {
			return true
		}
	}
	return false
}

// urlKey reduces a URL to host and path, to recognise the page's own
// address printed in the body by a share widget.
func urlKey(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, " \t") {
		return ""
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	s = strings.TrimPrefix(s, "www.")
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSuffix(s, "/")
}
