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
	Guess     bool // typed "person" by default, without a first name or role
	InRole    bool // named inside a person's title ("US" in "US President Donald Trump")
	Headline  bool // in a headline or subhead: resolves to known names only
	Team      bool // a place standing for its sports team ("Minnesota beat Buffalo")
	Product   bool // a made thing, not an entity ("the RAV4", "its Blue Moon lander")
}

// makerNouns are kinds of company that may open a sentence before the
// company's name: "Developer Valve called …".
var makerNouns = wordSet(`developer publisher automaker carmaker retailer startup broadcaster insurer lender
chipmaker drugmaker manufacturer studio airline rival competitor`)

// questionAuxiliaries open questions: "Will Warren continue to …?"
var questionAuxiliaries = wordSet(`will can could should would did does do is are was were has have may might must shall`)

// kinshipWords are roles ("Trump's son") that are also surnames.
var kinshipWords = wordSet(`son daughter brother sister father mother wife husband widow`)

// placeNounsAfter follow a place's name in lower case: "the Gush Etzion
// settlement", "the Zaatari camp".
var placeNounsAfter = wordSet(`settlement camp neighborhood neighbourhood suburb town enclave`)

// placePrepositions before a capitalised run make it a place: "in Fort Worth".
// jobNouns name jobs that are not titles before a name: "a strategist at
// Miller Tabak", "senior fellow at the Kohelet Policy Forum".
var jobNouns = wordSet(`strategist fellow partner engineer economist analyst manager researcher scientist
professor lecturer student employee worker staffer consultant trader investor`)

var placePrepositions = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "across": true}

// nameConnectors may stand inside a capitalised name: "Department of Defense".
var nameConnectors = map[string]bool{"of": true, "for": true, "de": true, "del": true, "la": true, "du": true, "der": true, "van": true, "von": true, "bin": true, "ibn": true, "al": true, "el": true, "the": true}

// sentenceMentions finds the names of one sentence: gazetteer entries,
// capitalised runs classified by their head, titles, first names and
// context, demonyms standing for countries, and role phrases.
func sentenceMentions(sent string, idx int) []mention {
	return mentionsOf(sent, tokenize(sent), idx)
}

// mentionsOf is sentenceMentions on an already tokenised sentence.
func mentionsOf(sent string, toks []token, idx int) []mention {
	var out []mention
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.Word || !t.Cap {
			i++
			continue
		}
		j := i + 1
		start := i
		if t.Poss {
			// "People's Liberation Army": a possessive opening an organisation name.
			if e := capRunEnd(toks, j+1); e > j+1 && hasOrgHead(toks, j+1, min(e, j+4)) && lookupName(t.Text) == nil && !sentenceStarters[lower(t.Text)] {
				j = e
			}
		}
		if i > 0 && toks[i-1].Word && joinPrefixes[toks[i-1].Text] && toks[i-1].End+1 == t.Start {
			start = i - 1 // "al Qaeda"
		}
		if !t.Poss {
			for j < len(toks) {
				u := toks[j]
				if u.Word && u.Cap {
					j++
					// Middle initials and suffixes: "Elizabeth A. Burton", "Carlineo Jr.".
					if j < len(toks) && toks[j].Text == "." && (len(u.Text) == 1 || u.Text == "Jr" || u.Text == "Sr" || u.Text == "St" || u.Text == "Mt" || u.Text == "Ft" || roleWords[lower(u.Text)]) {
						if u.Text == "Jr" || u.Text == "Sr" {
							j++
							break
						}
						if j+1 < len(toks) && toks[j+1].Word && toks[j+1].Cap {
							j++
							continue
						}
					}
					if u.Poss {
						// "Sheriff's Department", "People's Liberation Army": an
						// organisation name may hold a possessive.
						if e := capRunEnd(toks, j+1); e > j+1 && hasOrgHead(toks, j+1, min(e, j+4)) && lookupName(runText(sent, toks, i, j)) == nil {
							j = e
						}
						break
					}
					continue
				}
				// "Securities and Exchange Commission": "and" joins when the
				// name goes on to an organisation head.
				if u.Word && (u.Text == "and" || u.Text == "&") && j+1 < len(toks) && toks[j+1].Word && toks[j+1].Cap {
					// Not when the left part is a name of its own: "SpaceX and Tyvak
					// Systems", "Ceres Robotics and Tyvak Systems".
					if e := capRunEnd(toks, j+1); orgHeads[lower(toks[e-1].Text)] && lookupName(runText(sent, toks, i, j)) == nil &&
						!orgHeads[lower(toks[j-1].Text)] && !innerCapital(toks[j-1].Text) {
						j = e
						continue
					}
				}
				if u.Word && u.Text == "on" && orgHeads[lower(toks[j-1].Text)] && j+1 < len(toks) && toks[j+1].Word && toks[j+1].Cap && !notNames[lower(toks[j+1].Text)] {
					j++
					continue
				}
				// "Office of the Inspector General": "of the" inside an
				// organisation's name.
				if u.Word && (u.Text == "of" || u.Text == "for") && j+2 < len(toks) && toks[j+1].Text == "the" && toks[j+2].Word && toks[j+2].Cap &&
					orgHeads[lower(toks[j-1].Text)] && !sentenceStarters[lower(toks[j+2].Text)] {
					j += 2
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
	markTeams(toks, out)
	markProducts(toks, out)
	markListedOrgs(toks, out)
	return out
}

// pluralOrgNouns announce a list of organisations: "nine companies selected
// by NASA: Astrobotic, Draper, Moon Express and OrbitBeyond".
var pluralOrgNouns = wordSet(`companies firms groups banks agencies startups carriers airlines retailers
manufacturers automakers publishers networks outlets organizations organisations charities`)

// markListedOrgs types the undecided names listed after a plural
// organisation noun and a colon or dash as organisations.
func markListedOrgs(toks []token, ms []mention) {
	listFrom := -1
	for k := 0; k < len(toks); k++ {
		if toks[k].Word && pluralOrgNouns[lower(toks[k].Text)] {
			for n := k + 1; n < len(toks) && n <= k+10; n++ {
				if t := toks[n].Text; t == ":" || t == "\u2014" || t == "\u2013" {
					listFrom = toks[n].End
					break
				}
				if t := toks[n].Text; t == "." || t == ";" {
					break
				}
			}
			if listFrom >= 0 {
				break
			}
		}
	}
	if listFrom < 0 {
		return
	}
	for k := range ms {
		m := &ms[k]
		if m.Start >= listFrom && m.Entity == "" && m.RoleOnly == "" && (m.Type == "" || m.Type == "person" && m.Role == "" && m.Honorific == "") {
			m.Type, m.Guess, m.Role = "organization", false, ""
		}
	}
}

// capRunEnd is the end of the run of capitalised words starting at i.
func capRunEnd(toks []token, i int) int {
	for i < len(toks) && toks[i].Word {
		if !toks[i].Cap {
			if !nameConnectors[toks[i].Text] || i+1 >= len(toks) || !toks[i+1].Word || !toks[i+1].Cap && toks[i+1].Text != "the" {
				break
			}
		}
		i++
		if toks[i-1].Poss {
			break
		}
	}
	for i > 0 && !toks[i-1].Cap {
		i--
	}
	return i
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
	// "Will Warren continue …?": a question's opening auxiliary is no first name.
	if j-i >= 2 && questionAuxiliaries[lower(toks[i].Text)] && !isAcronym(toks[i].Text) && initialAt(toks, i) && strings.HasSuffix(strings.TrimRight(sent, " \"\u201d'\u2019)"), "?") {
		i++
	}
	// Leading sentence words ("The", "In", "Monday") are not part of names.
	keepThe := toks[i].Text == "The" && !initialAt(toks, i) && i+1 < j // "told The Hill"
	for i < j && !keepThe && sentenceStarters[lower(toks[i].Text)] {
		i++
	}
	if i < j {
		if e := lookupName(runText(sent, toks, i, j)); e != nil {
			m := mk(i, j, e.Type, e.Subtype)
			m.Entity = e.Name
			return []mention{m}
		}
	}
	for i < j && !keepThe && (sentenceStarters[lower(toks[i].Text)] || notNames[lower(toks[i].Text)]) && !(j-i >= 3 && hasOrgHead(toks, i+1, j)) {
		i++ // ("European Space Agency" keeps its adjective)
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
	// A demonym of several words ("South Korean") is an adjective, not a
	// name: the country when it acts or stands in a list of demonyms.
	if c := lookupDemonym(runText(sent, toks, i, j)); c != nil && j-i >= 2 {
		next := ""
		if j < len(toks) && toks[j].Word {
			next = lower(toks[j].Text)
		}
		if actorNouns[next] || roleWords[next] || inDemonymList(toks, i) {
			m := mk(i, j, c.Type, c.Subtype)
			m.Entity, m.Demonym, m.InRole = c.Name, true, !actorNouns[next] && !roleWords[next]
			out = append(out, m)
		}
		return out
	}
	// A demonym before a role or an actor noun is the country acting
	// (unless the run is an organisation's name: "European Space Agency").
	if c := lookupDemonym(toks[i].Text); c != nil && !(j-i >= 2 && hasOrgHead(toks, i+1, j)) {
		next := ""
		if i+1 < len(toks) && toks[i+1].Word {
			next = lower(toks[i+1].Text)
		}
		if actorNouns[next] || roleWords[next] {
			m := mk(i, i+1, c.Type, c.Subtype)
			m.Entity, m.Demonym = c.Name, true
			m.InRole = roleWordIn(toks, i+1, j) && j-i > 2
			out = append(out, m)
		} else if j == i+1 && inDemonymList(toks, i) {
			// "American, Dutch, German and Swiss tourists": each country
			// is named, though none acts (kept out of events and quotes).
			m := mk(i, i+1, c.Type, c.Subtype)
			m.Entity, m.Demonym, m.InRole = c.Name, true, true
			out = append(out, m)
		}
		if i+1 == j || actorNouns[next] && !toks[i+1].Cap {
			return out
		}
		if r := lastRoleWord(toks, i+1, j); r < 0 || r == j-1 && r > i+1 && givenNames[lower(toks[r-1].Text)] {
			// "Afghan Taliban", "American Kevin King": the rest is a name of its own.
			return append(out, classifyRun(sent, toks, i+1, j, idx)...)
		}
	}
	// "Developer Valve", "Automaker Ford": a kind of company capitalised
	// at the start of a sentence, then the company's name.
	if j-i >= 2 && makerNouns[lower(toks[i].Text)] && initialAt(toks, i) {
		m := mk(i+1, j, "organization", "")
		if e := lookupName(m.Name); e != nil {
			m.Type, m.Subtype, m.Entity = e.Type, e.Subtype, e.Name
		}
		return append(out, m)
	}
	// Headlines and tables in capitals are not names.
	if caps := capsCount(toks, i, j); caps >= 3 && caps == j-i {
		return out
	}
	if j-i >= 2 && orgHeads[lower(toks[j-1].Text)] {
		return append(out, mk(i, j, "organization", ""))
	}
	// Role or title before a name: "Foreign Minister Shah Mehmood Qureshi";
	// an abbreviation before a name works as one ("Cleveland DL Larry Ogunjobi").
	r := lastRoleWord(toks, i, j)
	if r < 0 {
		for k := j - 3; k > i; k-- {
			if isAcronym(toks[k].Text) && lookupName(toks[k].Text) == nil && toks[k+1].Cap && toks[k+2].Cap && !isAcronym(toks[k+1].Text) {
				r = k
				break
			}
		}
	}
	// "Kevin King": a role word after a first name is a surname.
	if r == j-1 && r > i && givenNames[lower(toks[r-1].Text)] {
		r = -1
	}
	// "Masayoshi Son", "Chris Brother": a kinship word after a name is a
	// surname; a title before it still counts ("SoftBank CEO Masayoshi Son").
	if r == j-1 && r > i && kinshipWords[lower(toks[r].Text)] && !roleWords[lower(toks[r-1].Text)] && !toks[r-1].Poss {
		r = lastRoleWord(toks, i, j-1)
		if r == j-2 {
			r = -1
		}
	}
	// "Secretary of State Mike Pompeo": the role runs on through "of".
	for r >= 0 && r+2 < j && nameConnectors[toks[r+1].Text] && !givenNames[lower(toks[r+2].Text)] {
		r += 2
	}
	if r >= 0 {
		// Known names inside the role: "White House Press Secretary", "US President".
		for k := i; k < r; {
			adv := 1
			for e := min(r, k+gazMaxLen); e > k; e-- {
				if g := lookupName(runText(sent, toks, k, e)); g != nil && toks[k].Cap {
					m := mk(k, e, g.Type, g.Subtype)
					m.Entity, m.InRole = g.Name, true
					out = append(out, m)
					adv = e - k
					break
				}
			}
			k += adv
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
		if e := lookupName(runText(sent, toks, i, k)); e != nil && e.Type == "place" && !orgHeads[lastHyphenPart(lower(toks[j-1].Text))] && !placeHeads[lower(toks[j-1].Text)] &&
			!hasOrgHead(toks, k, j) && !(k == i+1 && j == k+1 && givenNames[lower(toks[i].Text)]) &&
			!sentenceStarters[lower(toks[k].Text)] && !notNames[lower(toks[k].Text)] {
			m := mk(i, k, e.Type, e.Subtype)
			m.Entity = e.Name
			return append(append(out, m), classifyRun(sent, toks, k, j, idx)...)
		}
	}
	head := lower(toks[j-1].Text)
	first := lower(toks[i].Text)
	prev := ""
	if i > 0 && toks[i-1].Word {
		prev = lower(toks[i-1].Text)
	}
	switch {
	case prev == "at" && i >= 2 && toks[i-2].Word && !toks[i-2].Cap && (roleWords[lower(toks[i-2].Text)] || jobNouns[lower(toks[i-2].Text)]):
		// "equity strategist at Miller Tabak": people work at organisations.
		return append(out, mk(i, j, "organization", ""))
	case placePrepositions[prev] && !(prev == "at" && j-i == 1) && !orgHeads[head] && !givenNames[first] && j-i <= 4 && !hasDigit(runText(sent, toks, i, j)):
		return append(out, mk(i, j, "place", ""))
	case orgHeads[head]:
		return append(out, mk(i, j, "organization", ""))
	case placeHeads[head] && j-i > 1:
		return append(out, mk(i, j, "place", ""))
	case j-i == 1 && isAcronym(toks[i].Text):
		return append(out, mk(i, j, "organization", ""))
	case j-i >= 2 && (capsCount(toks, i, j) > 0 || orgHeads[lastHyphenPart(head)]):
		return append(out, mk(i, j, "organization", ""))
	case j < len(toks) && toks[j].Word && !toks[j].Cap && (placeHeads[lower(toks[j].Text)] || placeNounsAfter[lower(toks[j].Text)]) && j-i <= 3:
		return append(out, mk(i, j, "place", "")) // "Logar province"
	case j-i >= 2 && givenNames[first]:
		return append(out, withPrecedingRole(mk(i, j, "person", ""), sent, toks))
	case j-i >= 2 && i > 0 && toks[i-1].Word && !toks[i-1].Cap && orgNouns[lower(toks[i-1].Text)]:
		return append(out, mk(i, j, "organization", "")) // "the journal Nature Astronomy"
	case j-i >= 2 && j-i <= 4 && !hasDigit(runText(sent, toks, i, j)):
		// No first name known: a person only if the context says so.
		m := withPrecedingRole(mk(i, j, "person", ""), sent, toks)
		m.Guess = m.Role == ""
		return append(out, m)
	case j-i == 1:
		if notNames[first] || sentenceStarters[first] || orgHeads[first] || placeHeads[first] {
			return out
		}
		return append(out, withPrecedingRole(mk(i, j, "", ""), sent, toks))
	}
	return append(out, mk(i, j, "organization", ""))
}

// inDemonymList reports whether the demonym at token i stands in a list of
// demonyms: a comma or "and" joins it to another.
func inDemonymList(toks []token, i int) bool {
	joined := func(k int) bool { return k >= 0 && k < len(toks) && (toks[k].Text == "," || toks[k].Text == "and") }
	demonymAt := func(k int) bool { return k >= 0 && k < len(toks) && toks[k].Cap && lookupDemonym(toks[k].Text) != nil }
	// ", Swiss", ", and South Korean": the next demonym after a comma and "and".
	if joined(i+1) && (demonymAt(i+2) || joined(i+2) && demonymAt(i+3)) {
		return true
	}
	return joined(i-1) && (demonymAt(i-2) || joined(i-2) && demonymAt(i-3))
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

func lastHyphenPart(w string) string {
	if k := strings.LastIndexByte(w, '-'); k >= 0 {
		return w[k+1:]
	}
	return w
}

func hasOrgHead(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if orgHeads[lower(toks[k].Text)] {
			return true
		}
	}
	return false
}

func capsCount(toks []token, i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if isAcronym(toks[k].Text) {
			n++
		}
	}
	return n
}

func lastRoleWord(toks []token, i, j int) int {
	for k := j - 1; k >= i; k-- {
		if roleWords[strings.TrimSuffix(lower(toks[k].Text), ".")] && !toks[k].Poss {
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

// innerCapital reports a capital after the first letter ("SpaceX",
// "WeWork"): a brand written as one word, not part of a longer name.
func innerCapital(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' && w[i-1] >= 'a' && w[i-1] <= 'z' {
			return true
		}
	}
	return false
}
