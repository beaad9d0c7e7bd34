package understand

import "strings"

// mention is one occurrence of a name in a sentence, before aliases are merged.
type mention struct {
	Name      string // surface name, titles stripped
	Type      string // "person", "organization", "place", or "" when undecided
	Subtype   string
	Role      string // title or role stated with the name
	Honorific string // "Ayatollah", "Mr"
	Demonym   bool   // the country stands behind an adjective ("Iranian officials")
	RoleOnly  string // a role phrase without a name ("Iran's Supreme Leader"): key to resolve
	Sent      int
	Start     int // byte offset in the sentence
	End       int
	Tok       int  // index of the first token
	Initial   bool // first word of the sentence or quote
	Entity    string
}

// nameConnectors may stand inside a capitalised name: "Department of Defense".
var nameConnectors = map[string]bool{"of": true, "for": true, "de": true, "del": true, "la": true, "du": true, "der": true, "van": true, "von": true, "bin": true, "ibn": true, "al": true, "el": true, "the": true}

// sentenceMentions finds the names of one sentence: gazetteer entries,
// capitalised runs classified by their head, titles, first names and
// context, demonyms standing for countries, and role phrases.
func sentenceMentions(sent string, idx int) []mention {
	toks := tokenize(sent)
	var out []mention
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.Word || !t.Cap {
			i++
			continue
		}
		j := i + 1
		start := i
		if i > 0 && toks[i-1].Word && joinPrefixes[toks[i-1].Text] && toks[i-1].End+1 == t.Start {
			start = i - 1 // "al Qaeda"
		}
		if !t.Poss {
			for j < len(toks) {
				u := toks[j]
				if u.Word && u.Cap {
					j++
					if u.Poss {
						break
					}
					continue
				}
				if u.Word && nameConnectors[u.Text] && j+1 < len(toks) && toks[j+1].Word && toks[j+1].Cap &&
					!(u.Text == "the" && toks[j-1].Text != "of") {
					j++
					continue
				}
				break
			}
		}
		if start < i {
			if e := lookupName(runText(sent, toks, start, j)); e != nil {
				m := mention{Name: runText(sent, toks, start, j), Type: e.Type, Subtype: e.Subtype, Entity: e.Name, Sent: idx,
					Start: toks[start].Start, End: toks[j-1].End, Tok: start}
				out = append(out, m)
				i = j
				continue
			}
		}
		out = append(out, classifyRun(sent, toks, i, j, idx)...)
		i = j
	}
	return out
}

// initialAt reports whether token i opens the sentence or a quotation.
func initialAt(toks []token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if toks[k].Word {
			return false
		}
		if strings.ContainsAny(toks[k].Text, "\"\u201c\u2018:(-\u2014\u2013") {
			return true
		}
	}
	return true
}

func runText(sent string, toks []token, i, j int) string { return sent[toks[i].Start:toks[j-1].End] }

// classifyRun turns the capitalised run toks[i:j] into mentions.
func classifyRun(sent string, toks []token, i, j, idx int) []mention {
	mk := func(a, b int, typ, sub string) mention {
		return mention{Name: runText(sent, toks, a, b), Type: typ, Subtype: sub, Sent: idx,
			Start: toks[a].Start, End: toks[b-1].End, Tok: a, Initial: initialAt(toks, a)}
	}
	var out []mention
	// Whole run known.
	if e := lookupName(runText(sent, toks, i, j)); e != nil {
		m := mk(i, j, e.Type, e.Subtype)
		m.Entity = e.Name
		return []mention{m}
	}
	// Leading sentence words ("The", "In", "Monday") are not part of names.
	for i < j && (sentenceStarters[lower(toks[i].Text)] || notNames[lower(toks[i].Text)]) && !(toks[i].Text == "The" && i+1 < j && lookupName(runText(sent, toks, i, j)) != nil) {
		i++
	}
	// Trailing connectors, days and months cannot end a name.
	for j > i && (!toks[j-1].Cap || notNames[lower(toks[j-1].Text)]) {
		j--
	}
	if i >= j {
		return nil
	}
	if e := lookupName(runText(sent, toks, i, j)); e != nil {
		m := mk(i, j, e.Type, e.Subtype)
		m.Entity = e.Name
		return []mention{m}
	}
	// A demonym before a role or an actor noun is the country acting
	// (unless the run is an organisation's name: "European Space Agency").
	if c := lookupDemonym(toks[i].Text); c != nil && !(j-i >= 2 && orgHeads[lower(toks[j-1].Text)]) {
		next := ""
		if i+1 < len(toks) && toks[i+1].Word {
			next = lower(toks[i+1].Text)
		}
		if actorNouns[next] || roleWords[next] {
			m := mk(i, i+1, c.Type, c.Subtype)
			m.Entity, m.Demonym = c.Name, true
			out = append(out, m)
		}
		if i+1 == j || actorNouns[next] && !toks[i+1].Cap {
			return out
		}
		if !roleWordIn(toks, i+1, j) {
			// "Afghan Taliban": the rest may be a name of its own.
			return append(out, classifyRun(sent, toks, i+1, j, idx)...)
		}
	}
	// Role or title before a name: "Foreign Minister Shah Mehmood Qureshi".
	if r := lastRoleWord(toks, i, j); r >= 0 {
		roleStart := i
		if roleStart < r || !honorifics[lower(toks[r].Text)] || roleStart == r {
			if e := lookupName(toks[i].Text); e != nil && e.Subtype == "country" && i < r {
				m := mk(i, i+1, e.Type, e.Subtype)
				m.Entity = e.Name
				out = append(out, m)
			}
		}
		if r == j-1 {
			// A role without a name: "Iran's Supreme Leader" may stand for a person.
			m := mk(i, j, "", "")
			m.RoleOnly = rolePhrase(sent, toks, i, j)
			return append(out, m)
		}
		p := mk(r+1, j, "person", "")
		hon := r
		for hon >= i && honorifics[strings.TrimSuffix(lower(toks[hon].Text), ".")] {
			hon--
		}
		if hon < r {
			p.Honorific = runText(sent, toks, hon+1, r+1)
		}
		if hon >= i {
			p.Role = rolePhrase(sent, toks, i, hon+1)
		}
		if head := lower(toks[j-1].Text); orgHeads[head] {
			p.Type = "organization"
			p.Role, p.Honorific = "", ""
		}
		return append(out, p)
	}
	// A run that starts with a known place and goes on ("US Taliban") is split.
	for k := j - 1; k > i; k-- {
		if e := lookupName(runText(sent, toks, i, k)); e != nil && e.Type == "place" && !orgHeads[lower(toks[j-1].Text)] && !placeHeads[lower(toks[j-1].Text)] {
			m := mk(i, k, e.Type, e.Subtype)
			m.Entity = e.Name
			return append(append(out, m), classifyRun(sent, toks, k, j, idx)...)
		}
	}
	head := lower(toks[j-1].Text)
	first := lower(toks[i].Text)
	switch {
	case orgHeads[head]:
		return append(out, mk(i, j, "organization", ""))
	case placeHeads[head] && j-i > 1:
		return append(out, mk(i, j, "place", ""))
	case j-i == 1 && isAcronym(toks[i].Text):
		return append(out, mk(i, j, "organization", ""))
	case j-i >= 2 && givenNames[first]:
		return append(out, withPrecedingRole(mk(i, j, "person", ""), sent, toks))
	case j-i >= 2 && j-i <= 4 && !hasDigit(runText(sent, toks, i, j)):
		return append(out, withPrecedingRole(mk(i, j, "person", ""), sent, toks))
	case j-i == 1:
		if notNames[first] || sentenceStarters[first] {
			return out
		}
		return append(out, withPrecedingRole(mk(i, j, "", ""), sent, toks))
	}
	return append(out, mk(i, j, "organization", ""))
}

// withPrecedingRole attaches a lower-case role right before a name:
// "Foreign Ministry spokesman Bahram Qasemi".
func withPrecedingRole(m mention, sent string, toks []token) mention {
	k := m.Tok - 1
	if k < 0 || !toks[k].Word || toks[k].Cap || !roleWords[lower(toks[k].Text)] {
		return m
	}
	if m.Type == "" {
		m.Type = "person"
	}
	start := k
	for start-1 >= 0 && toks[start-1].Word && (toks[start-1].Cap || roleWords[lower(toks[start-1].Text)]) &&
		!sentenceStarters[lower(toks[start-1].Text)] && m.Tok-start < 6 {
		start--
	}
	m.Role = rolePhrase(sent, toks, start, k+1)
	return m
}

// rolePhrase is the role text, with a possessive owner before it when there
// is one ("Iran's Supreme Leader").
func rolePhrase(sent string, toks []token, i, j int) string {
	if i >= 2 && !toks[i-1].Word && strings.HasSuffix(toks[i-1].Text, "s") && toks[i-2].Poss {
		return sent[toks[i-2].Start:toks[j-1].End]
	}
	return runText(sent, toks, i, j)
}

func lastRoleWord(toks []token, i, j int) int {
	for k := j - 1; k >= i; k-- {
		if roleWords[strings.TrimSuffix(lower(toks[k].Text), ".")] {
			return k
		}
	}
	return -1
}

func roleWordIn(toks []token, i, j int) bool { return lastRoleWord(toks, i, j) >= 0 }

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// roleKey is the comparable form of a role phrase, with the owning country
// normalised: "Iran's Supreme Leader" and "Iranian Supreme Leader" agree.
func roleKey(role string) string {
	toks := tokenize(role)
	var parts []string
	for _, t := range toks {
		if !t.Word {
			continue
		}
		if c := lookupDemonym(t.Text); c != nil {
			parts = append(parts, nameKey(c.Name))
			continue
		}
		if e := lookupName(t.Text); e != nil && e.Subtype == "country" {
			parts = append(parts, nameKey(e.Name))
			continue
		}
		parts = append(parts, lower(t.Text))
	}
	return strings.Join(parts, " ")
}
