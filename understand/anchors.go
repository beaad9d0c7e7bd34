package understand

import (
	"sort"
	"strings"
)

// factAnchor looks for the fact a relative date dates ("his visit to Kabul
// last month") in a story or related article with a trusted date: a
// sentence naming at least two of the same non-country entities and
// sharing a content word. The fact then happened around that article's
// date, and the anchor is that date moved forward by the expression's
// offset, so the expression resolves to the fact's date.
func factAnchor(d *doc, r rawDate, facts *factIndex) *anchor {
	years, months, days, gran, ok := relativeOffset(r)
	if !ok {
		return nil
	}
	ents := sentenceEntities(d, r.sent, true)
	if len(ents) < 2 {
		return nil
	}
	words := contentWords(d.sents[r.sent])
	var best *anchor
	bestScore := 0
	for _, c := range facts.candidates(d, ents) {
		o, si, shared := facts.docs[c.ref.doc], c.ref.sent, c.shared
		sharedWords := 0
		for w := range facts.contentWords(c.ref) {
			if words[w] {
				sharedWords++
			}
		}
		if sharedWords == 0 {
			continue
		}
		score := shared*2 + sharedWords
		if score > bestScore || score == bestScore && best != nil && o.art.Published.Before(best.t) {
			t := o.art.Published.AddDate(-years, -months, -days)
			if strings.Contains(strings.ToLower(o.sents[si]), strings.ToLower(r.text)) {
				// The dated article says it the same way ("last week"): same anchor.
				t = o.art.Published
			}
			from, conf := "story", 0.6
			if o.evidence {
				from, conf = "related", 0.5
			}
			g := "day"
			if gran == "month" || gran == "year" {
				g = "month"
			}
			best, bestScore = &anchor{t: t, gran: g, from: from, conf: conf}, score
		}
	}
	return best
}

// sentRef is one sentence of one doc of a story.
type sentRef struct{ doc, sent int }

// factIndex holds the sentences of the trusted (dated) docs by the
// non-country entities they name, so that factAnchor visits only the
// sentences sharing entities with the undated one rather than every
// sentence of the story; content words are computed once per sentence.
type factIndex struct {
	docs  []*doc
	byEnt map[*entAcc][]sentRef // in reading order: doc, then sentence
	words map[sentRef]map[string]bool
}

// newFactIndex indexes the trusted docs; entities must be resolved.
func newFactIndex(docs []*doc) *factIndex {
	fx := &factIndex{docs: docs, byEnt: map[*entAcc][]sentRef{}, words: map[sentRef]map[string]bool{}}
	for di, o := range docs {
		if !trusted(o.art) {
			continue
		}
		for si := range o.sents {
			ref := sentRef{di, si}
			for _, e := range o.ents[si] {
				if e == nil || e.ent.Subtype == "country" {
					continue
				}
				if refs := fx.byEnt[e]; len(refs) == 0 || refs[len(refs)-1] != ref {
					fx.byEnt[e] = append(refs, ref)
				}
			}
		}
	}
	return fx
}

// factCandidate is a dated sentence naming shared of the entities sought.
type factCandidate struct {
	ref    sentRef
	shared int
}

// candidates are the sentences of trusted docs other than d naming at
// least two of ents, in reading order.
func (fx *factIndex) candidates(d *doc, ents map[*entAcc]bool) []factCandidate {
	counts := map[sentRef]int{}
	for e := range ents {
		for _, ref := range fx.byEnt[e] {
			counts[ref]++
		}
	}
	var out []factCandidate
	for ref, n := range counts {
		if n >= 2 && fx.docs[ref.doc] != d {
			out = append(out, factCandidate{ref, n})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].ref, out[j].ref
		return a.doc < b.doc || a.doc == b.doc && a.sent < b.sent
	})
	return out
}

// contentWords is contentWords of a dated sentence, computed once.
func (fx *factIndex) contentWords(ref sentRef) map[string]bool {
	w, ok := fx.words[ref]
	if !ok {
		w = contentWords(fx.docs[ref.doc].sents[ref.sent])
		fx.words[ref] = w
	}
	return w
}

// sentenceEntities is the set of entities a sentence names; countries may
// be left out, as nearly every sentence of a story names them.
func sentenceEntities(d *doc, si int, skipCountries bool) map[*entAcc]bool {
	out := map[*entAcc]bool{}
	for _, e := range d.ents[si] {
		if e != nil && !(skipCountries && e.ent.Subtype == "country") {
			out[e] = true
		}
	}
	return out
}

// contentWords are the lower-case words of five letters or more that are
// not names or function words: what a sentence says happened.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range tokenize(s) {
		if !t.Word || t.Cap || len(t.Text) < 5 {
			continue
		}
		w := strings.ToLower(t.Text)
		if sentenceStarters[w] || speechVerbs[w] || commonWords[w] {
			continue
		}
		out[stem(w)] = true
	}
	return out
}

// commonWords are frequent words that say nothing about the fact.
var commonWords = wordSet(`about after again against being could would should their there these those which while where
other others since until under without within officials official month months years week weeks
state states government reported according comment immediately available`)

// stem strips common English suffixes so "visit", "visits", "visited" agree.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}
