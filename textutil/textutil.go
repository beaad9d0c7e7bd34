package textutil

import (
	"strings"
	"unicode"
)

// Words returns the Unicode \w+ runs of s (letters, digits, marks and
// underscore), case kept: the tokenisation of the extraction benchmark.
func Words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if isWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Paragraphs splits text on line breaks and drops blank lines.
func Paragraphs(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// foldReplacer maps typographic variants to one form so that copies that
// differ only in quote style, dashes or spacing compare equal.
var foldReplacer = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'", "`", "'",
	"\u201c", "\"", "\u201d", "\"", "\u201e", "\"", "\u201f", "\"", "\u2033", "\"", "\u00ab", "\"", "\u00bb", "\"",
	"\u2013", "-", "\u2014", "-", "\u2012", "-", "\u2015", "-", "\u2212", "-",
	"\u00a0", " ", "\u2009", " ", "\u200a", " ", "\u202f", " ", "\u200b", "",
	"\u2026", "...",
)

// Fold replaces curly quotes, dashes and odd spaces by their plain forms.
func Fold(s string) string { return foldReplacer.Replace(s) }

// Normalize folds typography and case and collapses white space: the form
// under which two texts count as the same text.
func Normalize(s string) string {
	s = strings.ToLower(Fold(s))
	return strings.Join(strings.Fields(s), " ")
}
