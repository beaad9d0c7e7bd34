package understand

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or punctuation mark of one sentence, with byte offsets.
type token struct {
	Text       string
	Start, End int
	Word       bool // letters/digits (with joined initialisms, name hyphens)
	Cap        bool // starts with an upper-case letter
	Poss       bool // followed by a possessive 's
}

// joinPrefixes are lower-case name particles joined to the next word by a
// hyphen: "al-Qaeda", "bin-Laden".
var joinPrefixes = map[string]bool{"al": true, "el": true, "ad": true, "ash": true, "as": true, "abu": true, "bin": true, "ibn": true}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits a sentence into tokens. It keeps initialisms ("U.S.")
// and name particles ("al-Qaeda") whole, and marks possessives.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5)
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !isWordRune(r) {
			toks = append(toks, token{Text: s[i : i+size], Start: i, End: i + size})
			i += size
			continue
		}
		start := i
		j := scanWord(s, i)
		// Initialisms: U.S., U.N., U.S.A.
		if j-start == 1 && unicode.IsUpper(r) && j+2 < len(s)+1 && j < len(s) && s[j] == '.' {
			k := j
			for k+2 <= len(s) && s[k] == '.' && k+1 < len(s) && isUpperASCII(s[k+1]) && (k+2 == len(s) || s[k+2] == '.') {
				k += 2
			}
			if k > j {
				j = k + 1 // include the final period
				if j > len(s) {
					j = len(s)
				}
			}
		}
		for j < len(s) {
			r2, s2 := utf8.DecodeRuneInString(s[j:])
			if isApostrophe(r2) {
				// Possessive 's or s' ends the word; other apostrophes join (Shi'ite, O'Neill).
				after := s[j+s2:]
				if (strings.HasPrefix(after, "s") && !startsWithWordRune(after[1:])) || !startsWithWordRune(after) {
					break
				}
				j = scanWord(s, j+s2)
				continue
			}
			if r2 == '-' && startsWithWordRune(s[j+1:]) {
				left := s[start:j]
				rightEnd := scanWord(s, j+1)
				right := s[j+1 : rightEnd]
				shortTail := len(right) <= 3 && !startsUpper(right) && !isAcronym(left) && right != "led" && right != "run" && right != "era"
				if joinPrefixes[left] || (startsUpper(left) && (startsUpper(right) || shortTail)) {
					j = rightEnd
					continue
				}
			}
			break
		}
		t := token{Text: s[start:j], Start: start, End: j, Word: true, Cap: startsUpper(s[start:j])}
		if k := strings.IndexByte(t.Text, '-'); k > 0 && joinPrefixes[t.Text[:k]] && startsUpper(t.Text[k+1:]) {
			t.Cap = true // "al-Hakim"
		}
		if j < len(s) {
			r2, s2 := utf8.DecodeRuneInString(s[j:])
			if isApostrophe(r2) {
				after := s[j+s2:]
				if strings.HasPrefix(after, "s") && !startsWithWordRune(after[1:]) && t.Cap && !sentenceStarters[lower(t.Text)] && shopPossessive(after[1:]) {
					// "Lowe's was also lower": a name with its 's, not an owner.
					t.Text, t.End = s[start:j+s2+1], j+s2+1
					toks = append(toks, t)
					i = j + s2 + 1
					continue
				}
				if strings.HasPrefix(after, "s") && !startsWithWordRune(after[1:]) {
					t.Poss = true
					toks = append(toks, t)
					toks = append(toks, token{Text: s[j : j+s2+1], Start: j, End: j + s2 + 1})
					i = j + s2 + 1
					continue
				}
			}
		}
		toks = append(toks, t)
		i = j
	}
	return toks
}

func scanWord(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return i
}

func isUpperASCII(b byte) bool { return b >= 'A' && b <= 'Z' }

func startsWithWordRune(s string) bool {
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// lower is strings.ToLower for the lexicon lookups, with curly apostrophes folded.
func lower(s string) string {
	if strings.Contains(s, "\u2019") {
		s = strings.ReplaceAll(s, "\u2019", "'")
	}
	return strings.ToLower(s)
}

// isAcronym reports whether a word is an all-capitals abbreviation (2–6 letters).
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if r == '.' {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// shopVerbs follow a shop's name written with an 's ("Macy's said", "Lowe's
// was"), never an owner's: nothing is owned before a verb.
var shopVerbs = map[string]bool{"was": true, "is": true, "has": true, "had": true, "said": true, "says": true,
	"will": true, "would": true, "reported": true, "posted": true, "announced": true}

// shopPossessive reports whether the text after an 's opens with a verb.
func shopPossessive(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	end := 0
	for end < len(rest) && rest[end] >= 'a' && rest[end] <= 'z' {
		end++
	}
	return shopVerbs[rest[:end]]
}
