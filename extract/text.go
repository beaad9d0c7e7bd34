package extract

import (
	"regexp"
	"strings"

	"github.com/storyline-news/storyline/textutil"
)

// plainLine is one non-empty line of a plain-text article.
type plainLine struct {
	text string
	// blankBefore is true when a blank line precedes it.
	blankBefore bool
}

// extractPlain classifies the lines of a plain-text article into title,
// body and furniture (masthead, breadcrumb, repeated title, read time,
// date line, captions, teaser blocks, credit and share lines).
func extractPlain(text string) pageFacts {
	var f pageFacts
	lines := splitPlainLines(text)
	start := plainHeader(&f, lines)
	body := lines[start:]
	body = cutTeaserBlock(body)
	for i, l := range body {
		t := l.text
		switch {
		case i < 4 && locationLineRe.MatchString(t):
			continue
		case isPunctuationOnly(t), readTimeRe.MatchString(t), isShareLine(t):
			continue
		case sameTitle(t, f.title):
			continue
		case isCaption(t):
			continue
		}
		if m := sourceLineRe.FindStringSubmatch(t); m != nil && len(textutil.Words(m[1])) <= 12 {
			if f.credit == "" {
				f.credit = strings.TrimSpace(m[1])
			}
			continue
		}
		f.paragraphs = append(f.paragraphs, t)
	}
	if f.credit != "" && f.outlet == "" {
		if outlet := strings.TrimSpace(strings.Split(f.credit, ",")[0]); agencyIn(outlet) == "" && !strings.EqualFold(outlet, "agencies") && !strings.EqualFold(outlet, "news agencies") {
			f.outlet, f.outletFrom = outlet, "credit"
		}
	}
	return f
}

// locationLineRe is a bare "City, Country" line above the story.
var locationLineRe = regexp.MustCompile(`^\p{Lu}[\p{L}'’. -]{1,30}, \p{Lu}[\p{L}'’. -]{1,30}$`)

// splitPlainLines keeps non-empty lines, trimmed.
func splitPlainLines(text string) []plainLine {
	var out []plainLine
	blank := false
	for _, raw := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		t := collapseSpace(raw)
		if t == "" {
			blank = true
			continue
		}
		out = append(out, plainLine{text: t, blankBefore: blank})
		blank = false
	}
	return out
}

// isBodyLine reports a line that reads as article prose: a long sentence.
func isBodyLine(line string) bool {
	n := len(textutil.Words(line))
	if n >= 30 {
		return true
	}
	last, _ := lastRune(line)
	return n >= 12 && strings.ContainsRune(".!?\"”'’", last)
}

// plainHeader reads the lines above the body: masthead, breadcrumb, title
// (and its repeat), standfirst, read time, date, location and caption
// lines. It sets the title and date facts and returns where the body starts.
func plainHeader(f *pageFacts, lines []plainLine) int {
	const maxHeader = 10
	i := 0
	for ; i < len(lines) && i < maxHeader; i++ {
		t := lines[i].text
		if isBodyLine(t) && !isCaption(t) {
			break
		}
	}
	header := lines[:i]
	var kept []plainLine
	for j := 0; j < len(header); j++ {
		t := header[j].text
		next := ""
		if j+1 < len(header) {
			next = header[j+1].text
		}
		switch {
		case isMasthead(t):
			if d, ok := parseProseDate(t); ok && f.published.IsZero() {
				f.published, f.publishedFrom, f.publishedConf = d, "text-masthead", confMasthead
			}
			continue
		case f.title == "" && next != "" && next != t && strings.HasSuffix(textutil.Fold(t), textutil.Fold(next)) && looksLikeTitle(next):
			continue // breadcrumb glued to the title on the next line
		case f.title == "" && looksLikeTitle(t):
			f.title, f.titleFrom = t, "text"
			continue
		case sameTitle(t, f.title), readTimeRe.MatchString(t), isPunctuationOnly(t), isShareLine(t):
			continue
		case isCaption(t):
			continue
		}
		if d, ok := standaloneDate(t); ok {
			if f.publishedConf < confText {
				f.published, f.publishedFrom, f.publishedConf = d, "text", confText
			}
			continue
		}
		if len(textutil.Words(t)) <= 4 && !strings.ContainsAny(t, ".!?") {
			continue // a location or section label above the body
		}
		kept = append(kept, header[j])
	}
	// The standfirst stays: it is the article's own summary.
	rest := append(kept, lines[i:]...)
	copy(lines[len(lines)-len(rest):], rest)
	return len(lines) - len(rest)
}

// cutTeaserBlock drops blocks of teaser headlines: a "Latest news" /
// "Related" / "Most read" heading and the headline-like lines after it
// (no closing full stop, or cut with an ellipsis), up to where prose
// resumes or to the end.
func cutTeaserBlock(lines []plainLine) []plainLine {
	var out []plainLine
	for j := 0; j < len(lines); j++ {
		if j == 0 || !isTeaserHead(lines[j].text) {
			out = append(out, lines[j])
			continue
		}
		k := j + 1
		for k < len(lines) && isTeaserLike(lines[k].text) {
			k++
		}
		j = k - 1
	}
	return out
}

// isTeaserLike reports a teaser headline or snippet: cut with an ellipsis,
// or a short line that does not end a sentence.
func isTeaserLike(line string) bool {
	if isTruncatedTeaser(line) || isTeaserHead(line) {
		return true
	}
	last, _ := lastRune(line)
	return len(textutil.Words(line)) < 30 && !strings.ContainsRune(".!?\"”'’:)", last)
}
