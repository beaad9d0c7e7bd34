package tell

import (
	"strings"
	"unicode"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textutil"
)

// leadArticle picks the article the page is built around: the canonical
// copy of the story's largest copy group when it has a title, else the
// titled article with the most words, else the article with the most words.
// Ties go to the earlier article in story order. It returns -1 for no articles.
// The story index gives the articles' word counts.
func leadArticle(in Input, ix *storyIndex) int {
	if len(in.Articles) == 0 {
		return -1
	}
	index := map[string]int{}
	for i, a := range in.Articles {
		if _, ok := index[a.ID]; !ok {
			index[a.ID] = i
		}
	}
	words := ix.articleWords
	best, bestSize := -1, 0
	for _, g := range in.Groups {
		c, ok := index[g.Canonical]
		if !ok || strings.TrimSpace(in.Articles[c].Title) == "" {
			continue
		}
		size := 1
		for _, m := range g.Members {
			if _, ok := index[m.Article]; ok {
				size++
			}
		}
		if size > bestSize || size == bestSize && (words[c] > words[best] || words[c] == words[best] && c < best) {
			best, bestSize = c, size
		}
	}
	if best >= 0 && bestSize > 1 {
		return best
	}
	best = -1
	for _, titled := range []bool{true, false} {
		for i, a := range in.Articles {
			if titled && strings.TrimSpace(a.Title) == "" {
				continue
			}
			if best < 0 || words[i] > words[best] {
				best = i
			}
		}
		if best >= 0 {
			return best
		}
	}
	return 0
}

// headline returns the page headline and whether it was derived from a
// sentence because no article has a title.
func headline(in Input, lead int, ix *storyIndex) (string, bool) {
	if lead < 0 {
		return "", false
	}
	if t := CleanTitle(in.Articles[lead].Title, in.Articles[lead].Outlet); t != "" {
		return t, false
	}
	for _, a := range in.Articles {
		if t := CleanTitle(a.Title, a.Outlet); t != "" {
			return t, false
		}
	}
	for _, i := range ix.byArticle[lead] {
		s := ix.sents[i]
		if s.words >= 6 && s.tier == eligible {
			return ShortenHeadline(s.text), true
		}
	}
	for _, i := range ix.byArticle[lead] {
		if ix.sents[i].words >= 3 {
			return ShortenHeadline(ix.sents[i].text), true
		}
	}
	return "", true
}

// titleSeparators split a site name off a title: "Title | Al Jazeera",
// "Title - Reuters", "Reuters: Title" is left alone (it may be a kicker).
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " · "}

// CleanTitle strips a site name from either end of a title ("… | Al
// Jazeera", "… - Reuters", "BBC News - …") and tidies its white space. A
// segment is a site name when it matches the outlet, or, after "|", when it
// is short; after a dash only when it is short and capitalised like a name.
func CleanTitle(title, outlet string) string {
	t := strings.Join(strings.Fields(title), " ")
	for changed := true; changed; {
		changed = false
		for _, sep := range titleSeparators {
			i := strings.LastIndex(t, sep)
			if i <= 0 {
				continue
			}
			head, tail := t[:i], t[i+len(sep):]
			if len(textutil.Words(head)) >= 3 && isSiteName(tail, outlet, sep == " | " || sep == " :: ") {
				t, changed = strings.TrimSpace(head), true
				break
			}
			j := strings.Index(t, sep)
			head, tail = t[:j], t[j+len(sep):]
			if len(textutil.Words(tail)) >= 3 && isSiteName(head, outlet, false) && sameOutlet(head, outlet) {
				t, changed = strings.TrimSpace(tail), true
				break
			}
		}
	}
	return t
}

// isSiteName reports whether a title segment looks like a site name.
func isSiteName(seg, outlet string, pipe bool) bool {
	if sameOutlet(seg, outlet) {
		return true
	}
	words := textutil.Words(seg)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	lower := strings.ToLower(seg)
	if strings.Contains(lower, ".com") || strings.Contains(lower, ".co.") || strings.Contains(lower, ".org") || strings.Contains(lower, ".net") {
		return true
	}
	if pipe {
		return true
	}
	for _, w := range words {
		r := []rune(w)[0]
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return len(words) <= 3
}

// sameOutlet compares a title segment with the outlet name, ignoring case,
// punctuation and a leading "www.".
func sameOutlet(seg, outlet string) bool {
	if outlet == "" {
		return false
	}
	key := func(s string) string {
		s = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "www.")
		for _, suf := range []string{".com", ".co.uk", ".org", ".net"} {
			s = strings.TrimSuffix(s, suf)
		}
		return strings.Join(textutil.Words(s), "")
	}
	a, b := key(seg), key(outlet)
	return a != "" && (a == b || strings.HasPrefix(a, b) && len(b) >= 3 || strings.HasPrefix(b, a) && len(a) >= 3)
}

// clauseStarters begin a subordinate clause or adjunct a headline can drop.
var clauseStarters = map[string]bool{
	"during": true, "after": true, "before": true, "while": true, "when": true, "amid": true,
	"because": true, "following": true, "which": true, "who": true, "although": true,
	"as": true, "since": true, "despite": true, "according": true, "but": true, "where": true,
}

// ShortenHeadline makes a headline of a lead sentence: a sentence of at
// most 14 words is kept whole; a longer one is cut at the last clause
// boundary (comma, semicolon, dash, or a word opening a subordinate clause)
// that leaves 6 to 18 words, else after 14 words with an ellipsis. The
// final full stop is dropped.
func ShortenHeadline(s string) string {
	s = strings.TrimSpace(stripDateline(s))
	fields := strings.Fields(s)
	trim := func(x string) string {
		return strings.TrimRight(strings.TrimSpace(x), ".,;:–—- ")
	}
	if len(fields) <= 14 {
		return trim(s)
	}
	cut := -1
	for i := 6; i < len(fields) && i <= 18; i++ {
		prev := fields[i-1]
		w := strings.ToLower(strings.Trim(fields[i], "\"'“”‘’("))
		if strings.HasSuffix(prev, ",") || strings.HasSuffix(prev, ";") || fields[i] == "–" || fields[i] == "—" || fields[i] == "-" || clauseStarters[w] {
			cut = i
		}
	}
	if cut < 0 {
		return trim(strings.Join(fields[:14], " ")) + "…"
	}
	return trim(strings.Join(fields[:cut], " "))
}

// titledArticles is used by callers that want every article's cleaned title.
func cleanTitles(articles []storyline.Article) []string {
	out := make([]string, len(articles))
	for i, a := range articles {
		out[i] = CleanTitle(a.Title, a.Outlet)
	}
	return out
}
