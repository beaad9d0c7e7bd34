package understand

import (
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// para is one paragraph of a doc joined back from its sentences, with the
// resolved mentions placed at paragraph offsets.
type para struct {
	text   string
	starts []int // paragraph offset of each sentence
	first  int   // doc index of its first sentence
	ments  []pmention
	quotes [][2]int // quoted spans (inside the marks)
}

type pmention struct {
	m     *mention
	e     *entAcc
	start int
	end   int
}

func buildParas(d *doc) []*para {
	var out []*para
	for si, s := range d.sents {
		if si == 0 || d.para[si] != d.para[si-1] {
			out = append(out, &para{first: si})
		}
		p := out[len(out)-1]
		if p.text != "" {
			p.text += " "
		}
		off := len(p.text)
		p.starts = append(p.starts, off)
		p.text += s
		for mi := range d.ments[si] {
			m := &d.ments[si][mi]
			p.ments = append(p.ments, pmention{m: m, e: d.ents[si][mi], start: off + m.Start, end: off + m.End})
		}
	}
	for _, p := range out {
		p.quotes = quoteSpans(p.text)
	}
	return out
}

// quoteSpans finds quoted text: curly pairs, and straight double quotes
// taken in pairs.
func quoteSpans(s string) [][2]int {
	var out [][2]int
	open := -1
	for i, r := range s {
		switch r {
		case '\u201c':
			open = i + utf8.RuneLen(r)
		case '\u201d':
			if open >= 0 {
				out = append(out, [2]int{open, i})
				open = -1
			}
		case '"':
			if open >= 0 {
				out = append(out, [2]int{open, i})
				open = -1
			} else {
				open = i + 1
			}
		}
	}
	return out
}

func (p *para) inQuote(pos int) bool {
	for _, q := range p.quotes {
		if pos >= q[0] && pos < q[1] {
			return true
		}
	}
	return false
}

// sentenceAt returns the doc sentence index holding a paragraph offset.
func (p *para) sentenceAt(pos int) int {
	k := 0
	for i, s := range p.starts {
		if s <= pos {
			k = i
		}
	}
	return p.first + k
}

func (p *para) sentenceBounds(pos int) (int, int) {
	k := p.sentenceAt(pos) - p.first
	end := len(p.text)
	if k+1 < len(p.starts) {
		end = p.starts[k+1]
	}
	return p.starts[k], end
}

// speechVerb is a verb of saying found outside quotes.
type speechVerb struct {
	start, end int
	word       string
}

// speechVerbsIn lists the verbs of saying in [from,to) outside quotes.
func (p *para) speechVerbsIn(from, to int) []speechVerb {
	var out []speechVerb
	for _, t := range tokenize(p.text[from:to]) {
		if !t.Word {
			continue
		}
		w := lower(t.Text)
		pos := from + t.Start
		if p.inQuote(pos) {
			continue
		}
		if speechVerbs[w] || w == "quoted" || (w == "according" && strings.HasPrefix(p.text[from+t.End:], " to")) {
			out = append(out, speechVerb{start: pos, end: from + t.End, word: w})
		}
	}
	return out
}

// reportingVerbs introduce reported speech; the wider speechVerbs also
// attribute direct quotes ("…," she wrote) but say too little on their own.
var reportingVerbs = wordSet(`said says told tells added adds stated states noted warned claimed insisted argued
explained tweeted wrote quoted according`)

// findQuotes finds direct quotes and reported speech in a doc and
// attributes each to a speaker and, where stated, the medium carrying it.
func findQuotes(d *doc) []storyline.Quote {
	var out []storyline.Quote
	var lastPerson *entAcc
	var prevSpeaker string
	prevQuoted := false
	for _, p := range buildParas(d) {
		quotedHere := false
		for _, q := range p.quotes {
			text := strings.TrimSpace(strings.Trim(p.text[q[0]:q[1]], " ,."))
			if len(strings.Fields(text)) < 3 {
				continue
			}
			sStart, sEnd := p.sentenceBounds(q[0])
			_, lastEnd := p.sentenceBounds(max(q[1]-1, q[0]))
			if lastEnd > sEnd {
				sEnd = lastEnd
			}
			speaker, medium, verb := p.attribute(sStart, sEnd, q, lastPersonBefore(p, q[0], lastPerson))
			if speaker == "" && prevQuoted && isWholeQuote(p) {
				speaker, verb = prevSpeaker, "continued"
			}
			if speaker == "" {
				continue
			}
			quotedHere = true
			prevSpeaker = speaker
			out = append(out, storyline.Quote{Speaker: speaker, Text: text, Direct: true, Verb: verb, Medium: medium,
				Article: d.art.ID, Sentence: strings.TrimSpace(p.text[sStart:sEnd])})
		}
		// Reported speech: sentences with a verb of saying and no quote of their own.
		for k := range p.starts {
			sStart, sEnd := p.starts[k], len(p.text)
			if k+1 < len(p.starts) {
				sEnd = p.starts[k+1]
			}
			if hasQuoteIn(p, sStart, sEnd) {
				continue
			}
			verbs := p.speechVerbsIn(sStart, sEnd)
			if len(verbs) == 0 || !reportingVerbs[verbs[0].word] {
				continue
			}
			q := [2]int{sEnd, sEnd}
			speaker, medium, verb := p.attribute(sStart, sEnd, q, lastPersonBefore(p, sStart, lastPerson))
			if speaker == "" {
				continue
			}
			text := reportedClause(p.text[sStart:sEnd], verbs[0].start-sStart, verbs[0].end-sStart)
			if len(strings.Fields(text)) < 3 {
				continue
			}
			out = append(out, storyline.Quote{Speaker: speaker, Text: text, Verb: verb, Medium: medium,
				Article: d.art.ID, Sentence: strings.TrimSpace(p.text[sStart:sEnd])})
		}
		for _, pm := range p.ments {
			if pm.e != nil && pm.e.ent.Type == "person" {
				lastPerson = pm.e
			}
		}
		prevQuoted = quotedHere || (len(p.quotes) > 0 && prevQuoted && isWholeQuote(p))
	}
	return out
}

func hasQuoteIn(p *para, from, to int) bool {
	for _, q := range p.quotes {
		if q[0] < to && q[1] > from && len(strings.Fields(p.text[q[0]:q[1]])) >= 3 {
			return true
		}
	}
	return false
}

// isWholeQuote reports whether a paragraph is nothing but a quotation: a
// quote paragraph continuing the previous speaker.
func isWholeQuote(p *para) bool {
	t := strings.TrimSpace(p.text)
	return len(p.quotes) > 0 && (strings.HasPrefix(t, "\u201c") || strings.HasPrefix(t, "\"")) && len(p.speechVerbsIn(0, len(p.text))) == 0
}

// lastPersonBefore is the last person named before a paragraph offset
// (in this paragraph, else earlier): what "he said" refers to.
func lastPersonBefore(p *para, pos int, earlier *entAcc) *entAcc {
	last := earlier
	for _, pm := range p.ments {
		if pm.start < pos && pm.e != nil && pm.e.ent.Type == "person" {
			last = pm.e
		}
	}
	return last
}

// attribute finds who said the quote q inside sentence span [from,to):
// "“…,” X said", "X said: “…”", "MEDIUM quoted X as saying", "X was quoted
// as saying", "according to X", "he said" (last named person).
func (p *para) attribute(from, to int, q [2]int, lastPerson *entAcc) (speaker, medium, verb string) {
	verbs := p.speechVerbsIn(from, to)
	if len(verbs) == 0 {
		return "", "", ""
	}
	// Prefer the verb nearest the quote.
	best := verbs[0]
	dist := func(v speechVerb) int {
		if v.start >= q[1] {
			return v.start - q[1]
		}
		if v.end <= q[0] {
			return q[0] - v.end
		}
		return 1 << 30
	}
	for _, v := range verbs[1:] {
		if dist(v) < dist(best) && v.word != "according" {
			best = v
		}
	}
	verb = best.word
	// Medium from "according to X", "quoted by X", "X reported" elsewhere in the sentence.
	for _, v := range verbs {
		if v == best {
			continue
		}
		switch v.word {
		case "according", "reported", "quoted":
			if e := p.mentionAfter(v.end, to, q); e != nil && e.ent.Type == "organization" {
				medium = e.ent.Name
			} else if e := p.mentionBefore(from, v.start, q, false); e != nil && e.ent.Type == "organization" {
				medium = e.ent.Name
			}
		}
	}
	switch {
	case best.word == "quoted" && strings.HasPrefix(p.text[best.end:], " by"):
		if e := p.mentionAfter(best.end, to, q); e != nil {
			medium = e.ent.Name
		}
		return p.subject(from, best.start, q, lastPerson), medium, "quoted"
	case best.word == "quoted" && strings.Contains(p.text[best.end:to], "as saying"):
		// "MEDIUM quoted X as saying" or "X was quoted as saying".
		if strings.HasSuffix(strings.TrimSpace(p.text[from:best.start]), "was") || strings.HasSuffix(strings.TrimSpace(p.text[from:best.start]), "were") {
			return p.subject(from, best.start, q, lastPerson), medium, "was quoted as saying"
		}
		e := p.personAfter(best.end, to)
		if e == nil {
			e = p.mentionAfter(best.end, to, q)
		}
		if e != nil {
			med := strings.TrimSpace(p.text[clauseStart(p.text, from, best.start, q):best.start])
			return e.ent.Name, trimDeterminer(med), "quoted as saying"
		}
		return "", "", ""
	case best.word == "according":
		if e := p.mentionAfter(best.end, to, q); e != nil {
			return e.ent.Name, medium, "according to"
		}
		return "", "", ""
	}
	s := p.subject(from, best.start, q, lastPerson)
	if s == "" {
		// Inverted: "said X".
		if e := p.mentionAfter(best.end, min(to, best.end+60), q); e != nil && e.ent.Type == "person" {
			s = e.ent.Name
		}
	}
	return s, medium, verb
}

// subject finds the speaker before a verb at pos: the nearest person named
// in the clause, a pronoun's antecedent, a named organisation or country,
// or a described speaker ("a senior security official").
func (p *para) subject(from, pos int, q [2]int, lastPerson *entAcc) string {
	start := clauseStart(p.text, from, pos, q)
	// A coordinated clause has its own subject: "… and Iranian officials have said".
	for _, sep := range []string{" and ", ", "} {
		if k := strings.LastIndex(p.text[start:pos], sep); k >= 0 {
			seg := start + k + len(sep)
			if p.namesBetween(seg, pos) {
				start = seg
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
	if lastWord == "they" || lastWord == "it" || lastWord == "we" || lastWord == "i" {
		return ""
	}
	// A person named in the clause, unless only as the one a described
	// speaker belongs to ("a close aide to X").
	var person, other *entAcc
	for _, pm := range p.ments {
		if pm.start < start || pm.end > pos || pm.e == nil || p.inQuote(pm.start) {
			continue
		}
		pre := strings.Fields(p.text[start:pm.start])
		if n := len(pre); n >= 2 && (pre[n-1] == "to" || pre[n-1] == "of" || pre[n-1] == "for") && !roleWordInWords(pre[n-2:n-1]) {
			continue
		}
		if n := len(pre); n >= 2 && (pre[n-1] == "to" || pre[n-1] == "of") && roleWords[lower(pre[n-2])] && !strings.Contains(p.text[pm.end:pos], ",") {
			// "aide to Khamenei said": the aide speaks, not Khamenei.
			return trimDeterminer(strings.TrimSpace(p.text[start:pos]))
		}
		if pm.e.ent.Type == "person" {
			person = pm.e
		} else {
			other = pm.e
		}
	}
	if person != nil {
		return person.ent.Name
	}
	if other != nil {
		// "Iran said", "Iranian officials said", "the Taliban said".
		return other.ent.Name
	}
	if len(words) <= 8 && roleWordInWords(words) || strings.HasSuffix(lastWord, "s") && len(words) <= 5 && len(words) >= 2 {
		return trimDeterminer(left)
	}
	return ""
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
	after := strings.TrimSpace(s[vEnd:])
	for _, pre := range []string{"to ", "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday", "last week", "on", "that ", ",", "in a statement"} {
		after = strings.TrimSpace(strings.TrimPrefix(after, pre))
	}
	if len(strings.Fields(after)) >= 4 {
		return strings.TrimRight(after, " .")
	}
	before := s[:vStart]
	if i := strings.LastIndex(before, ","); i > 0 {
		return strings.TrimSpace(before[:i])
	}
	return strings.TrimRight(after, " .")
}
