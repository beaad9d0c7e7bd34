package understand

import (
	"strings"

	"github.com/storyline-news/storyline"
)

// eventVerbs maps a trigger word to its event type, a small CAMEO-like
// typology. Entries with a second word must be followed by it
// ("pulled out", "slapped down").
var eventVerbs = map[string]string{
	"met": "meet", "meet": "meet", "meets": "meet", "hosted": "meet", "hosts": "meet",
	"visited": "visit", "visits": "visit",
	"rejected": "reject", "rejects": "reject", "reject": "reject", "refused": "reject", "refuses": "reject",
	"dismissed": "reject", "rebuffed": "reject", "slapped down": "reject", "turned down": "reject",
	"accuses": "accuse", "accused": "accuse", "accuse": "accuse", "blamed": "accuse", "blames": "accuse", "blame": "accuse",
	"denies": "deny", "denied": "deny", "deny": "deny",
	"sanctioned": "sanction", "reimposed": "sanction", "imposed": "sanction",
	"pulled out": "withdraw", "pull out": "withdraw", "withdrew": "withdraw", "withdrawing": "withdraw", "withdraw": "withdraw", "withdraws": "withdraw",
	"attacked": "attack", "attacks": "attack", "bombed": "attack", "killed": "attack", "struck": "attack", "stabbed": "attack", "shot": "attack",
	"criticised": "criticize", "criticized": "criticize", "condemned": "criticize", "criticises": "criticize", "criticizes": "criticize", "condemns": "criticize",
	"threatened": "threaten", "threatens": "threaten", "warned": "threaten",
	"signed": "agree", "agreed": "agree", "agrees": "agree",
	"arrested": "arrest", "detained": "arrest", "charged": "charge", "sued": "charge",
	"announced": "statement", "announces": "statement", "declared": "statement",
	"supported": "support", "welcomed": "support", "welcomes": "support", "backed": "support",
	"worked": "cooperate", "cooperate": "cooperate", "cooperated": "cooperate",
	"acquired": "acquire", "bought": "acquire", "acquire": "acquire",
	"requested": "request", "request": "request", "requests": "request", "asked": "request", "sought": "request",
	"seeking": "request", "seeks": "request", "approached": "request", "proposed": "request",
}

// talkWords turn a request into a request for talks.
var talkWords = wordSet(`talks talk negotiations negotiate negotiating meeting meetings dialogue`)

// findEvents reads who-did-what-to-whom from each sentence of a doc.
func findEvents(d *doc, dates []storyline.DateMention) []storyline.Event {
	var out []storyline.Event
	var lastPerson *entAcc
	for si, sent := range d.sents {
		toks := d.toks[si]
		quotes := quoteSpans(sent)
		inQuote := func(pos int) bool {
			for _, q := range quotes {
				if pos >= q[0] && pos < q[1] {
					return true
				}
			}
			return false
		}
		seen := map[string]bool{}
		prevActor := ""
		for ti, t := range toks {
			if !t.Word || t.Cap || inQuote(t.Start) {
				continue
			}
			w := lower(t.Text)
			typ, end := eventVerbs[w], t.End
			if ti+1 < len(toks) {
				if two, ok := eventVerbs[w+" "+lower(toks[ti+1].Text)]; ok {
					typ, end = two, toks[ti+1].End
				}
			}
			if typ == "" {
				continue
			}
			if typ == "request" {
				if !talkWordNear(toks, ti, 8) {
					continue
				}
				typ = "request-talks"
			}
			if typ == "attack" && verbalAttack(toks, ti) {
				typ = "criticize"
			}
			if typ == "attack" && accidentAfter(sent[end:]) {
				continue
			}
			if ambiguousTriggers[w] && !verbPosition(toks, ti) {
				continue // "the September 11 attacks", "U.S. requests"
			}
			var actor, target string
			if passiveBefore(toks, ti) {
				// "X was arrested (by Y)": X is the target.
				target = eventActor(d, si, t.Start, lastPerson, "", inQuote)
				if ti+1 < len(toks) && strings.HasPrefix(sent[end:], " by ") {
					actor = eventTarget(d, si, end, target, inQuote)
				}
			} else {
				if ti > 0 && (toks[ti-1].Text == "that" || toks[ti-1].Text == "which") {
					continue // a relative clause whose antecedent is rarely a name
				}
				if agent := byAgent(d, si, end, inQuote); agent != "" && pastParticiple(w) {
					// "the move announced on Monday by Pompeo": a reduced
					// passive; the agent after "by" acts.
					actor, target = agent, ""
				} else if reducedRelative(toks, ti) {
					continue // "…, a deal announced this week": no actor stated
				} else {
					actor = eventActor(d, si, t.Start, lastPerson, prevActor, inQuote)
					target = eventTarget(d, si, end, actor, inQuote)
				}
			}
			if actor == "" && (target == "" || !transitiveTypes[typ]) || seen[typ+actor+target] {
				continue
			}
			seen[typ+actor+target] = true
			if actor != "" {
				prevActor = actor
			}
			ev := storyline.Event{Type: typ, Actor: actor, Action: sent[t.Start:end], Target: target,
				Place: eventPlace(d, si, actor, target), Article: d.art.ID, Sentence: sent}
			for _, dm := range dates {
				if dm.Sentence == sent && dm.Value != "" {
					ev.Date = dm.Value
					break
				}
			}
			if typ == "request-talks" {
				ev.Action = strings.TrimSpace(sent[t.Start:talkWordEnd(toks, ti, 8)])
			}
			out = append(out, ev)
		}
		for mi, e := range d.ents[si] {
			if e != nil && e.ent.Type == "person" && !inQuote(d.ments[si][mi].Start) {
				lastPerson = e
			}
		}
	}
	return out
}

// ambiguousTriggers are nouns as often as verbs; they count only where a verb stands.
var ambiguousTriggers = wordSet(`attack attacks request requests visits support meet deny blame threatened shot`)

// verbalTargets after "attacked" make it criticism, not violence:
// "attacked each other's policies".
var verbalTargets = wordSet(`policy policies plan plans proposal proposals remarks comments decision decisions record
claims statement statements stance views position positions other's idea ideas bill budget`)

// verbalAttack reports whether an attack trigger at ti takes a verbal target.
func verbalAttack(toks []token, ti int) bool {
	for k := ti + 1; k < len(toks) && k <= ti+4; k++ {
		if verbalTargets[lower(toks[k].Text)] {
			return true
		}
		if !toks[k].Word && !toks[k-1].Poss {
			return false // a possessive's "'s" goes on: "each other's policies"
		}
	}
	return false
}

// transitiveTypes may be reported without an actor ("X was arrested").
var transitiveTypes = map[string]bool{"arrest": true, "attack": true, "charge": true, "sanction": true}

// verbPosition reports whether the word at ti stands where a verb does:
// after an auxiliary, a pronoun or a name.
func verbPosition(toks []token, ti int) bool {
	if ti == 0 {
		return false
	}
	p := toks[ti-1]
	switch lower(p.Text) {
	case "to", "will", "would", "could", "can", "may", "might", "has", "have", "had", "did", "does", "do", "also", "not", "he", "she", "they", "it", "we", "i", "who":
		return true
	}
	if !p.Word || !p.Cap || p.Poss {
		return false
	}
	// "eight U.S. requests": a name after a determiner or number modifies a noun.
	if ti >= 2 {
		switch w := lower(toks[ti-2].Text); {
		case w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "his" || w == "her" || hasDigit(w) || numberWords[w] > 0 || w == "'s" || w == "’s":
			return false
		}
	}
	return true
}

// passiveBefore reports "was/were/been/be (also) VERB".
func passiveBefore(toks []token, ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-2; k-- {
		switch lower(toks[k].Text) {
		case "was", "were", "been", "be", "being", "is", "are":
			return true
		case "also", "reportedly", "later", "then":
			continue
		}
		return false
	}
	return false
}

func talkWordNear(toks []token, ti, n int) bool { return talkWordEnd(toks, ti, n) > 0 }

func talkWordEnd(toks []token, ti, n int) int {
	for k := ti + 1; k < len(toks) && k <= ti+n; k++ {
		if talkWords[lower(toks[k].Text)] {
			return toks[k].End
		}
		if toks[k].Text == "." || toks[k].Text == ";" {
			break
		}
	}
	return 0
}

// eventActor is the subject of the verb at pos: the nearest entity named
// before it in the clause (a pronoun resolves to the last person).
//
// A verb coordinated without a subject of its own ("…, and then reimposed
// sanctions") takes prevActor, the actor of the sentence's previous event.
func eventActor(d *doc, si, pos int, lastPerson *entAcc, prevActor string, inQuote func(int) bool) string {
	sent := d.sents[si]
	clause := strings.LastIndexAny(sent[:pos], ";\u2014") + 1
	prevClause := clause
	for _, sep := range []string{", and ", ", but ", " that "} {
		if c := strings.LastIndex(sent[:pos], sep); c >= 0 && c+len(sep) > clause {
			prevClause, clause = clause, c+len(sep)
		}
	}
	if c := strings.LastIndex(sent[:pos], ", "); c >= 0 && c+2 > clause {
		// A clause after a comma has its own subject only if it names one.
		// One that names none but has a noun subject of its own ("…,
		// executives of both companies announced") has an unnamed actor.
		if hasEntityBetween(d, si, c, pos) || pronounBetween(sent, c, pos) {
			clause = c
		} else if ws := strings.Fields(sent[c+2 : pos]); len(ws) > 2 && !strings.Contains(sent[c+2:pos], "\u201d") {
			return ""
		}
	}
	between := strings.Fields(sent[clause:pos])
	if n := len(between); n > 0 && n <= 3 && pronounSubjects[lower(between[n-1])] || n >= 2 && pronounSubjects[lower(between[n-2])] && n <= 3 {
		if lastPerson != nil {
			return lastPerson.ent.Name
		}
	}
	// Reported speech: "X said Tehran had rejected": the clause after the verb of saying.
	for _, t := range tokenize(sent[clause:pos]) {
		if t.Word && !t.Cap && reportingVerbs[lower(t.Text)] {
			clause += t.End
			break
		}
	}
	// The subject is the first entity of the clause not inside a
	// prepositional phrase ("Vietnam … in the South China Sea and has accused").
	if s := clauseSubject(d, si, clause, pos, inQuote); s != "" {
		return s
	}
	// "…, and then reimposed sanctions": the verb shares the previous subject.
	if len(strings.Fields(sent[clause:pos])) <= 2 && prevClause < clause {
		if prevActor != "" {
			return prevActor
		}
		return clauseSubject(d, si, prevClause, pos, inQuote)
	}
	return ""
}

func clauseSubject(d *doc, si, from, to int, inQuote func(int) bool) string {
	sent := d.sents[si]
	for mi, m := range d.ments[si] {
		e := d.ents[si][mi]
		if e == nil || m.Start < from || m.End > to || inQuote(m.Start) || m.InRole {
			continue
		}
		if inPrepPhrase(sent[from:m.Start]) {
			continue
		}
		if e.ent.Type == "place" && personNounAfter(sent[m.End:]) {
			return "" // "A New York man who threatened …": the man acts, unnamed
		}
		return e.ent.Name
	}
	return ""
}

// personNouns after a place make it a modifier of a person: "a New York man".
var personNouns = wordSet(`man woman men women boy girl teen teenager resident residents native natives couple
mother father student students driver`)

func personNounAfter(text string) bool {
	ws := strings.Fields(text)
	return len(ws) > 0 && personNouns[lower(strings.Trim(ws[0], ",.;"))]
}

// inPrepPhrase reports whether the words before a name end in a
// preposition (allowing a determiner or possessive between).
func inPrepPhrase(before string) bool {
	ws := strings.Fields(before)
	for k := len(ws) - 1; k >= 0 && k >= len(ws)-3; k-- {
		w := lower(strings.Trim(ws[k], ","))
		if prepositions[w] || w == "and" || w == "between" || w == "than" {
			return true
		}
		if w != "the" && w != "a" && w != "an" && !strings.HasSuffix(w, "'s") {
			return false
		}
	}
	return false
}

func hasEntityBetween(d *doc, si, from, to int) bool {
	for mi, m := range d.ments[si] {
		if d.ents[si][mi] != nil && m.Start >= from && m.End <= to {
			return true
		}
	}
	return false
}

func pronounBetween(s string, from, to int) bool {
	for _, w := range strings.Fields(s[from:to]) {
		if pronounSubjects[lower(strings.Trim(w, ","))] {
			return true
		}
	}
	return false
}

// eventTarget is the first entity named after the verb in its clause.
func eventTarget(d *doc, si, from int, actor string, inQuote func(int) bool) string {
	sent := d.sents[si]
	to := len(sent)
	if i := strings.IndexAny(sent[from:], ";,"); i >= 0 {
		to = from + i
	}
	for mi, m := range d.ments[si] {
		e := d.ents[si][mi]
		if e == nil || m.Start < from || m.Start >= to || inQuote(m.Start) || e.ent.Name == actor || m.InRole {
			continue
		}
		if e.ent.Type == "place" && locativeBefore(sent[from:m.Start]) {
			continue // "killed a wild rabbit in China": where, not whom
		}
		return e.ent.Name
	}
	return ""
}

// locativeBefore reports whether text ends with a preposition of place.
func locativeBefore(text string) bool {
	ws := strings.Fields(text)
	return len(ws) > 0 && placePrepositions[lower(ws[len(ws)-1])]
}

// accidentNouns after "killed in a …" make a death an accident, not an attack.
var accidentNouns = wordSet(`crash accident collision fire blaze explosion blast avalanche earthquake flood floods
storm landslide stampede derailment`)

// accidentAfter reports whether the words after a trigger tell of an
// accident: "killed in a helicopter crash".
func accidentAfter(text string) bool {
	ws := strings.Fields(text)
	if len(ws) < 2 || ws[0] != "in" {
		return false
	}
	for k := 1; k < len(ws) && k <= 4; k++ {
		if accidentNouns[lower(strings.Trim(ws[k], ",.;"))] {
			return true
		}
	}
	return false
}

// eventPlace is a city or place named in the sentence ("in Kabul") that is
// neither actor nor target.
func eventPlace(d *doc, si int, actor, target string) string {
	sent := d.sents[si]
	for mi, m := range d.ments[si] {
		e := d.ents[si][mi]
		if e == nil || e.ent.Type != "place" || e.ent.Name == actor || e.ent.Name == target {
			continue
		}
		before := strings.Fields(sent[:m.Start])
		if n := len(before); n > 0 {
			switch lower(before[n-1]) {
			case "in", "at", "to", "near":
				return e.ent.Name
			}
		}
	}
	return ""
}

// pastParticiple reports whether a trigger word can be a past participle.
func pastParticiple(w string) bool {
	return strings.HasSuffix(w, "ed") || w == "sought" || w == "bought" || w == "struck" || w == "shot" || w == "pulled out"
}

// byAgent is the entity named right after "by" within a few words of a
// verb ("announced on Monday by US Secretary of State Mike Pompeo"), or "".
func byAgent(d *doc, si, from int, inQuote func(int) bool) string {
	sent := d.sents[si]
	rest := sent[from:]
	if i := strings.IndexAny(rest, ",;."); i >= 0 {
		rest = rest[:i]
	}
	k := strings.Index(rest, " by ")
	if k < 0 || len(strings.Fields(rest[:k])) > 4 {
		return ""
	}
	start := from + k + len(" by ")
	first := ""
	for mi, m := range d.ments[si] {
		e := d.ents[si][mi]
		if e == nil || m.Start < start || m.Start > start+60 || m.End > from+len(rest) || inQuote(m.Start) {
			continue
		}
		if e.ent.Type == "person" {
			return e.ent.Name // "by US Secretary of State Mike Pompeo": the person, not "US"
		}
		if first == "" {
			first = e.ent.Name
		}
	}
	return first
}

// reducedRelative reports whether a participle follows a noun phrase that
// is itself an object or an apposition ("condemned the move announced",
// "…, a deal announced"): the verb then has no subject of its own.
func reducedRelative(toks []token, ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-4; k-- {
		t := toks[k]
		w := lower(t.Text)
		switch w {
		case "a", "an", "the", "this", "that", "its", "their", "his", "her":
			if k == ti-1 || k == 0 {
				return false
			}
			prev := lower(toks[k-1].Text)
			return prev == "," || prepositions[prev] || strings.HasSuffix(prev, "ed") && !toks[k-1].Cap
		}
		if !t.Word || t.Cap || pronounSubjects[w] || auxiliaries[w] {
			return false
		}
	}
	return false
}

var auxiliaries = wordSet(`has have had was were is are be been being will would could can may might did does do not also`)
