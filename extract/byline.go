package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/textutil"
)

var (
	bylineSplit  = regexp.MustCompile(`\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\|)\s*`)
	bylinePrefix = regexp.MustCompile(`(?i)^(?:by|von|par|por|written by|words by|reporting by|story by)\s+`)
	// nonPersonWords mark a credit that is not a person.
	nonPersonWords = map[string]bool{
		"staff": true, "editor": true, "editors": true, "desk": true, "team": true, "news": true, "agency": true,
		"agencies": true, "reporter": true, "correspondent": true, "admin": true, "administrator": true,
		"newsroom": true, "contributor": true, "contributors": true, "wire": true, "wires": true, "online": true,
		"media": true, "press": true, "service": true, "services": true, "report": true, "writer": true,
		"bureau": true, "digital": true, "web": true, "the": true, "com": true, "guest": true,
	}
)

// people keeps the person names among author credits: agencies, "Staff",
// desks and outlets are dropped; duplicates are removed.
func people(credits []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, credit := range credits {
		for _, part := range bylineSplit.Split(credit, -1) {
			name := strings.TrimSpace(bylinePrefix.ReplaceAllString(strings.TrimSpace(part), ""))
			name = strings.Trim(name, " .-–—:")
			if !isPersonName(name) {
				continue
			}
			key := textutil.Normalize(name)
			if !seen[key] {
				seen[key] = true
				out = append(out, name)
			}
		}
	}
	return out
}

// isPersonName accepts two to five capitalised words without digits,
// agency names or desk words.
func isPersonName(name string) bool {
	if name == "" || strings.ContainsAny(name, "@/:0123456789") {
		return false
	}
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	if agencyIn(name) != "" {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if nonPersonWords[lw] {
			return false
		}
		r := []rune(w)[0]
		if !unicode.IsUpper(r) && !isNameParticle(lw) {
			return false
		}
	}
	return true
}

func isNameParticle(w string) bool {
	switch w {
	case "de", "da", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la", "le", "di", "du", "dos", "del":
		return true
	}
	return false
}
