package understand

import (
	"strings"
	"unicode/utf8"
)

// subject finds the speaker before a verb at pos: the nearest person named
// in the clause, a pronoun's antecedent, a named organisation or country,
// or a described speaker ("a senior security official").
func (p *para) subject(from, pos int, q [2]int, lastPerson, lastOrg *entAcc) string {
	start := clauseStart(p.text, from, pos, q)
	// A coordinated clause has its own subject: "… and Iranian officials have said".
	for _, sep := range []string{" and ", ", and ", " but ", "; ", ", "} {
		if k := strings.LastIndex(p.text[start:pos], sep); k >= 0 {
			seg := start + k + len(sep)
			segWords := len(strings.Fields(p.text[seg:pos]))
			if p.namesBetween(seg, pos) && (sep != " and " || segWords <= 4) {
				start = seg
			} else if sep == ", " {
				// "…, an insurgent source told AFP": a described speaker closes the sentence.
				segWords := strings.Fields(trimAdverbials(strings.TrimSpace(p.text[seg:pos])))
				if n := len(segWords); n > 0 && n <= 6 && describedSpeaker(segWords) {
					return trimDeterminer(strings.Join(segWords, " "))
				}
			}
		}
	}
	left := strings.TrimSpace(p.text[start:pos])
	left = trimAdverbials(left)
	words := strings.Fields(left)
	if len(words) == 0 {
		return ""
	}
	lastWord := lower(strings.Trim(words[len(words)-1], ",;:"))
	if pronounSubjects[lastWord] && len(words) <= 2 && lastPerson != nil {
		return lastPerson.ent.Name
	}
	if (lastWord == "they" || lastWord == "it") && len(words) <= 2 && lastOrg != nil {
		return lastOrg.ent.Name
	}
	if lastWord == "they" || lastWord == "it" || lastWord == "we" || lastWord == "i" {
		return ""
	}
	if len(words) == 1 && groupSpeakers[lastWord] {
		return lastWord
	}
	// A person named in the clause, unless only as the one a described
	// speaker belongs to ("a close aide to X").
	var person, other *entAcc
	ownerRole := false
	for _, pm := range p.ments {
		if pm.start < start || pm.end > pos || pm.e == nil || p.inQuote(pm.start) {
			continue
		}
		pre := strings.Fields(p.text[start:pm.start])
		if n := len(pre); n > 0 && (pre[n-1] == "the" || pre[n-1] == "its") {
			pre = pre[:n-1] // "a spokesperson for the British Foreign Office"
		}
		if n := len(pre); n >= 2 && (pre[n-1] == "to" || pre[n-1] == "of" || pre[n-1] == "for") && !roleWordInWords(pre[n-2:n-1]) {
			continue
		}
		if n := len(pre); n >= 2 && (pre[n-1] == "to" || pre[n-1] == "of" || pre[n-1] == "for") && roleWords[lower(pre[n-2])] && !strings.Contains(p.text[pm.end:pos], ",") {
			// "aide to Khamenei said": the aide speaks, not Khamenei.
			return trimDeterminer(strings.TrimSpace(p.text[start:pos]))
		}
		if n := len(pre); n > 0 && pre[n-1] == "via" {
			continue // the medium, not the speaker
		}
		if rest := p.text[pm.end:]; strings.HasPrefix(rest, "\u2019s ") || strings.HasPrefix(rest, "'s ") {
			// "Rudolph's supporters": a modifier, not the speaker. "Khamenei's
			// top security adviser said": a person described by whose they are.
			if pm.e.ent.Type == "person" && roleWordInWords(strings.Fields(p.text[pm.end:pos])) && !p.namesBetween(pm.end, pos) {
				ownerRole = true
			}
			if p.institutionAfter(pm.e, pm.start, pos) {
				ownerRole = true // "Russia's foreign ministry said"
			}
			continue
		}
		if pm.e.ent.Type == "person" {
			if person == nil {
				person = pm.e
			}
		} else {
			other = pm.e
		}
	}
	if person != nil {
		return person.ent.Name
	}
	if ownerRole && person == nil {
		return trimDeterminer(left)
	}
	if other != nil && p.institutionAfter(other, start, pos) {
		// "The French foreign ministry said": the ministry speaks, not France.
		return trimDeterminer(left)
	}
	if other != nil {
		// "Iran said", "Iranian officials said", "the Taliban said".
		return other.ent.Name
	}
	if len(words) <= 8 && roleWordInWords(words) || strings.HasSuffix(lastWord, "s") && len(words) <= 5 && len(words) >= 2 {
		// "Afghanistan's national security advisor" may be a person whose
		// role was stated earlier.
		if p.roles != nil {
			if e := p.roles[roleKey(trimDeterminer(left))]; e != nil {
				return e.ent.Name
			}
		}
		return trimDeterminer(left)
	}
	return ""
}

var prepositions = wordSet(`of to by for with from at in on via about against into`)

// groupSpeakers speak as a group without a name: "officers announced".
var groupSpeakers = wordSet(`police officers officials authorities investigators prosecutors witnesses residents
protesters analysts sources experts`)

// describedSpeaker reports whether words name a speaker by description:
// "an insurgent source", "a person familiar with the matter".
func describedSpeaker(ws []string) bool {
	if roleWordInWords(ws) {
		return true
	}
	for _, w := range ws {
		switch lower(strings.Trim(w, ",;:")) {
		case "source", "sources", "person", "people", "user", "statement", "report", "spokesperson", "representative":
			return true
		}
	}
	return false
}

func roleWordInWords(ws []string) bool {
	for _, w := range ws {
		if roleWords[lower(strings.Trim(w, ",;:"))] {
			return true
		}
	}
	return false
}

// clauseStart is where the clause holding the verb at pos begins: after
// the closing quote mark or the sentence start.
func clauseStart(text string, from, pos int, q [2]int) int {
	start := from
	if q[1] <= pos && q[1] >= from {
		start = q[1]
		if r, size := utf8.DecodeRuneInString(text[start:]); r == '\u201d' || r == '"' {
			start += size
		}
	}
	for start < pos && strings.ContainsRune(" ,", rune(text[start])) {
		start++
	}
	// A dateline opening the story is no part of the subject: "DUBAI - A close aide…".
	if start == from {
		for _, dash := range []string{" - ", " -- ", " \u2013 ", " \u2014 "} {
			if k := strings.Index(text[start:pos], dash); k > 0 && k < 40 && strings.ToUpper(text[start:start+k]) == text[start:start+k] {
				start += k + len(dash)
				break
			}
		}
	}
	return start
}

// trimAdverbials drops auxiliaries and time phrases that stand between a
// subject and its verb: "X has also", "X on Monday".
func trimAdverbials(s string) string {
	for changed := true; changed; {
		changed = false
		for _, suf := range []string{" has", " have", " had", " also", " was", " were", " is", " recently", " later", " again", " previously", " repeatedly", " then", " told", " once", " earlier", " further", ","} {
			if strings.HasSuffix(s, suf) {
				s, changed = strings.TrimSpace(strings.TrimSuffix(s, suf)), true
			}
		}
	}
	return s
}

func trimDeterminer(s string) string {
	s = strings.Trim(s, " ,;:")
	for _, d := range []string{"a ", "an ", "the ", "A ", "An ", "The "} {
		s = strings.TrimPrefix(s, d)
	}
	return s
}

// namesBetween reports whether a resolved mention lies in [from,to).
func (p *para) namesBetween(from, to int) bool {
	for _, pm := range p.ments {
		if pm.start >= from && pm.end <= to && pm.e != nil {
			return true
		}
	}
	return false
}

// personAfter is the first person named in [from,to) outside quotes.
func (p *para) personAfter(from, to int) *entAcc {
	for _, pm := range p.ments {
		if pm.start >= from && pm.start < to && pm.e != nil && pm.e.ent.Type == "person" && !p.inQuote(pm.start) {
			return pm.e
		}
	}
	return nil
}

// mentionAfter is the first resolved mention in [from,to) outside quotes.
func (p *para) mentionAfter(from, to int, q [2]int) *entAcc {
	for _, pm := range p.ments {
		if pm.start >= from && pm.start < to && pm.e != nil && !p.inQuote(pm.start) {
			return pm.e
		}
	}
	return nil
}

// mentionBefore is the last resolved mention in [from,to) outside quotes.
func (p *para) mentionBefore(from, to int, q [2]int, personOnly bool) *entAcc {
	var last *entAcc
	for _, pm := range p.ments {
		if pm.start >= from && pm.end <= to && pm.e != nil && !p.inQuote(pm.start) && (!personOnly || pm.e.ent.Type == "person") {
			last = pm.e
		}
	}
	return last
}

// reportedClause is what a sentence of reported speech reports: the words
// after the verb ("said on Monday that X…") or, when the attribution
// closes the sentence ("X, an official said."), the words before it.
func reportedClause(s string, vStart, vEnd int) string {
	if lower(s[vStart:vEnd]) == "according" {
		// "X can still influence the company, according to a new report":
		// what is reported comes before.
		return strings.TrimRight(strings.TrimSpace(s[:vStart]), " ,")
	}
	after := strings.TrimSpace(s[vEnd:])
	for _, pre := range []string{"to ", "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday", "last week", "on", "that ", ",", "in a statement"} {
		after = strings.TrimSpace(strings.TrimPrefix(after, pre))
	}
	// "X, an official said on Wednesday according to Tasnim, just days
	// after …": the medium and a time clause follow; X is what was said.
	saidBefore := strings.HasPrefix(after, "according to ")
	// "Targeting audiences is key, Graham said, offering the example …":
	// a participle after the verb adds the speaker's doing, not the words.
	if ws := strings.Fields(after); len(ws) > 0 && strings.HasSuffix(ws[0], "ing") {
		if i := strings.LastIndex(s[:vStart], ","); i > 0 && len(strings.Fields(s[:i])) >= 4 && len(strings.Fields(s[i:vStart])) <= 4 {
			saidBefore = true
		}
	}
	if len(strings.Fields(after)) >= 4 && !saidBefore {
		return strings.TrimRight(after, " .")
	}
	before := s[:vStart]
	if i := strings.LastIndex(before, ","); i > 0 {
		return strings.TrimSpace(before[:i])
	}
	return strings.TrimRight(after, " .")
}

// institutionAfter reports whether the last mention of a place in
// [start,pos) is followed, up to pos, by a lower-case institution only:
// "French foreign ministry", "Russia's defence ministry".
func (p *para) institutionAfter(e *entAcc, start, pos int) bool {
	if e.ent.Type != "place" {
		return false
	}
	end := -1
	for _, pm := range p.ments {
		if pm.e == e && pm.start >= start && pm.end <= pos {
			end = pm.end
		}
	}
	if end < 0 {
		return false
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(p.text[end:pos], "\u2019s"), "'s")
	ws := strings.Fields(trimAdverbials(strings.TrimSpace(rest)))
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if startsUpper(w) {
			return false
		}
	}
	return orgHeads[lower(ws[len(ws)-1])]
}
