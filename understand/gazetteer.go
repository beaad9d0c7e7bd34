package understand

import (
	"strings"
	"sync"
	"unicode"
)

// gazEntry is one known entity: its canonical name, type, subtype, the
// other names it goes by, and (for countries) the adjectives that stand
// for it ("Iranian officials" is Iran acting).
type gazEntry struct {
	Name      string
	Type      string
	Subtype   string
	Aliases   []string
	Demonyms  []string
	wordCount int
}

var (
	gazOnce   sync.Once
	gazByKey  map[string]*gazEntry // normalised name/alias -> entry
	demonymOf map[string]*gazEntry // normalised demonym -> country
	gazMaxLen int                  // longest name in words
)

// nameKey normalises a name for matching: folded, lower case, letters and
// digits only, so "U.S." = "US", "al Qaeda" = "al-Qaeda".
func nameKey(s string) string {
	// Fast path for ASCII: one allocation.
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		b := make([]byte, 0, len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				b = append(b, c)
			case c >= 'A' && c <= 'Z':
				b = append(b, c+'a'-'A')
			}
		}
		return string(b)
	}
	var b strings.Builder
	b.Grow(len(s))
	// Typographic variants (curly quotes, dashes) are not letters, so no
	// folding is needed before dropping them.
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func loadGazetteer() {
	gazByKey = map[string]*gazEntry{}
	gazAcronymOnly = map[string]bool{}
	demonymOf = map[string]*gazEntry{}
	add := func(block, typ string) {
		for _, line := range strings.Split(block, "\n") {
			f := strings.Split(line, "|")
			if len(f) < 2 {
				continue
			}
			e := &gazEntry{Name: f[0], Type: typ, Subtype: f[1]}
			if len(f) > 2 && f[2] != "" {
				e.Aliases = strings.Split(f[2], ";")
			}
			if len(f) > 3 && f[3] != "" {
				e.Demonyms = strings.Split(f[3], ";")
			}
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				k := nameKey(n)
				if _, dup := gazByKey[k]; !dup {
					gazByKey[k] = e
					if isAcronym(n) && !strings.Contains(n, ".") {
						gazAcronymOnly[k] = true
					}
				} else if !isAcronym(n) {
					delete(gazAcronymOnly, k)
				}
				if w := len(strings.Fields(n)); w > gazMaxLen {
					gazMaxLen = w
				}
			}
			for _, d := range e.Demonyms {
				demonymOf[nameKey(d)] = e
			}
		}
	}
	add(gazCountries, "place")
	add(gazPlaces, "place")
	add(gazSpace, "place")
	add(gazOrgs, "organization")
	add(gazPeople, "person")
	loadTeams(add)
}

// gazAcronymOnly holds the keys known only as acronyms ("WHO", "IS"):
// they match a name written in capitals, never a word such as "Who" or
// "Is" opening a sentence or question.
var gazAcronymOnly map[string]bool

// lookupName returns the known entity a name denotes, or nil.
func lookupName(name string) *gazEntry {
	gazOnce.Do(loadGazetteer)
	k := nameKey(name)
	if gazAcronymOnly[k] && !isAcronym(name) {
		return nil
	}
	return gazByKey[k]
}

// lookupDemonym returns the country an adjective such as "Iranian" stands for.
func lookupDemonym(word string) *gazEntry {
	gazOnce.Do(loadGazetteer)
	return demonymOf[nameKey(word)]
}
