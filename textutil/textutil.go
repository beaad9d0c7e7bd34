package textutil

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words returns the Unicode \w+ runs of s (letters, digits, marks and
// underscore), case kept: the tokenisation of the extraction benchmark.
func Words(s string) []string { return AppendWords(nil, s) }

// AppendWords appends the words of s (as Words splits them) to dst and
// returns the extended slice, so that a caller tokenising many texts can
// reuse one slice. The words are substrings of s.
func AppendWords(dst []string, s string) []string {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		var word bool
		size := 1
		if c < utf8.RuneSelf {
			word = asciiWord[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			word = isWord(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			dst = append(dst, s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// asciiWord is isWord for the ASCII characters, by byte.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWord(rune(c))
	}
	return t
}()

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
func Fold(s string) string {
	// Every pattern of foldReplacer starts with a non-ASCII byte or a
	// backquote: plain ASCII text without one folds to itself.
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '`' {
			return foldReplacer.Replace(s)
		}
	}
	return s
}

// Normalize folds typography and case and collapses white space: the form
// under which two texts count as the same text.
func Normalize(s string) string {
	s = strings.ToLower(Fold(s))
	return strings.Join(strings.Fields(s), " ")
}
