package textutil

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "sgt": true, "capt": true, "cmdr": true, "adm": true, "gov": true, "sen": true,
	"rep": true, "rev": true, "st": true, "jr": true, "sr": true, "inc": true, "corp": true,
	"co": true, "ltd": true, "no": true, "vs": true, "etc": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "mt": true, "ft": true, "approx": true, "dept": true,
	"est": true, "fig": true, "pres": true, "supt": true, "maj": true, "brig": true,
}

// Sentences splits a text into sentences. It knows news text: initialisms
// (U.S., U.N.), titles and month abbreviations (Gen., Sept.), quotes that
// close after the full stop, and paragraphs, which always end a sentence.
func Sentences(text string) []string {
	var out []string
	for _, para := range Paragraphs(text) {
		out = append(out, splitParagraph(para)...)
	}
	return out
}

func splitParagraph(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); {
		// Jump to the next terminator: an ASCII byte is never part of a
		// multibyte (or invalid) UTF-8 sequence, so this finds the runes
		// that a rune by rune scan would.
		k := strings.IndexAny(p[i:], ".!?")
		if k < 0 {
			break
		}
		r := rune(p[i+k])
		i += k + 1
		end := i
		// Absorb closing quotes and brackets, and further terminators.
		for end < len(p) {
			r2, s2 := utf8.DecodeRuneInString(p[end:])
			if strings.ContainsRune(".!?\"'\u201d\u2019)]", r2) {
				end += s2
				continue
			}
			break
		}
		if end >= len(p) {
			break
		}
		next, _ := utf8.DecodeRuneInString(p[end:])
		if !unicode.IsSpace(next) {
			i = end
			continue
		}
		rest := strings.TrimLeft(p[end:], " \t")
		first, _ := utf8.DecodeRuneInString(rest)
		if r == '.' && isAbbreviation(p[start:i-1]) {
			i = end
			continue
		}
		if !(unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("\"'\u201c\u2018([", first)) {
			i = end
			continue
		}
		if s := strings.TrimSpace(p[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
		i = end
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// isAbbreviation reports whether the text before a period ends in a known
// abbreviation or a single-letter initial (the "S" of "U.S.").
func isAbbreviation(before string) bool {
	j := len(before)
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= size
	}
	word := before[j:]
	if word == "" {
		return false
	}
	if first, size := utf8.DecodeRuneInString(word); size == len(word) && unicode.IsUpper(first) {
		return true // initial or initialism: U.S., J. Smith
	}
	return abbreviations[strings.ToLower(word)]
}
