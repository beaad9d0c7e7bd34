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
	"visited": "visit", "visits": "visit", "visiting": "visit",
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
		toks := tokenize(sent)
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
			actor := eventActor(d, si, t.Start, lastPerson, inQuote)
			if actor == "" || seen[typ+actor] {
				continue
			}
			seen[typ+actor] = true
			target := eventTarget(d, si, end, actor, inQuote)
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
func eventActor(d *doc, si, pos int, lastPerson *entAcc, inQuote func(int) bool) string {
	sent := d.sents[si]
	clause := strings.LastIndexAny(sent[:pos], ";\u2014") + 1
	if c := strings.LastIndex(sent[:pos], ", "); c >= 0 && c+2 > clause {
		// A clause after a comma has its own subject only if it names one.
		if hasEntityBetween(d, si, c, pos) || pronounBetween(sent, c, pos) {
			clause = c
		}
	}
	between := strings.Fields(sent[clause:pos])
	if n := len(between); n > 0 && n <= 3 && pronounSubjects[lower(between[n-1])] || n >= 2 && pronounSubjects[lower(between[n-2])] && n <= 3 {
		if lastPerson != nil {
			return lastPerson.ent.Name
		}
	}
	var best *entAcc
	for mi, m := range d.ments[si] {
		e := d.ents[si][mi]
		if e == nil || m.Start < clause || m.End > pos || inQuote(m.Start) {
			continue
		}
		pre := strings.Fields(sent[clause:m.Start])
		if n := len(pre); n > 0 && (pre[n-1] == "of" || pre[n-1] == "to" || pre[n-1] == "for" || pre[n-1] == "with" || pre[n-1] == "between" || pre[n-1] == "and") && best != nil {
			continue
		}
		best = e
	}
	if best == nil {
		return ""
	}
	return best.ent.Name
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
		if e == nil || m.Start < from || m.Start >= to || inQuote(m.Start) || e.ent.Name == actor {
			continue
		}
		return e.ent.Name
	}
	return ""
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
