package understand

import (
	"strings"
	"unicode"
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
	roles  map[string]*entAcc
	verbs  []speechVerb // every verb of saying outside quotes, in order
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
		p.findVerbs(d)
		if d.reg != nil {
			p.roles = d.reg.byRole
		}
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
	if open >= 0 && open < len(s) {
		// A quote running on into the next paragraph closes with this one.
		out = append(out, [2]int{open, len(s)})
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
	for _, v := range p.verbs {
		if v.start >= from && v.end <= to {
			out = append(out, v)
		}
	}
	return out
}

// findVerbs lists the verbs of saying of the paragraph outside quotes,
// from the tokens of its sentences.
func (p *para) findVerbs(d *doc) {
	for k := range p.starts {
		for _, t := range d.toks[p.first+k] {
			p.verbAt(p.starts[k], t)
		}
	}
}

// verbAt records the token t of the sentence starting at from if it is a
// verb of saying outside quotes.
func (p *para) verbAt(from int, t token) {
	if !t.Word || t.Cap && t.Text != "According" {
		return // "United States" is no verb
	}
	w := lower(t.Text)
	pos := from + t.Start
	if p.inQuote(pos) {
		return
	}
	if objectVerbs[w] && objectFollows(p.text[from+t.End:]) {
		return // "added three assists", "claimed his third title": no speech
	}
	if speechVerbs[w] || w == "quoted" || (w == "according" && strings.HasPrefix(p.text[from+t.End:], " to")) {
		p.verbs = append(p.verbs, speechVerb{start: pos, end: from + t.End, word: w})
	}
}

// objectVerbs are verbs of saying that also take a thing as object.
var objectVerbs = wordSet(`added adds claimed claims noted notes`)

// objectDeterminers open the noun phrase after "added" when nothing is said.
var objectDeterminers = wordSet(`a an his her their its another two three four five six seven eight nine ten
one 1 2 3 4 5 6 7 8 9 10`)

// objectFollows reports whether text opens with a noun phrase determiner.
func objectFollows(text string) bool {
	ws := strings.Fields(text)
	return len(ws) > 0 && objectDeterminers[lower(ws[0])]
}

// reportingVerbs introduce reported speech; the wider speechVerbs also
// attribute direct quotes ("…," she wrote) but say too little on their own.
var reportingVerbs = wordSet(`said says told tells added adds stated states noted warned claimed insisted argued
explained tweeted wrote quoted according stressed reiterated`)

// findQuotes finds direct quotes and reported speech in a doc and
// attributes each to a speaker and, where stated, the medium carrying it.
func findQuotes(d *doc) []storyline.Quote {
	var out []storyline.Quote
	var outSents []int // doc sentence of each quote
	var lastPerson, lastOrg, lastSubject *entAcc
	var prevSpeaker string
	prevQuoted := false
	for _, p := range buildParas(d) {
		quotedHere := false
		for _, q := range p.quotes {
			text := strings.TrimSpace(strings.Trim(p.text[q[0]:q[1]], " ,."))
			if len(strings.Fields(text)) < minQuoteWords || p.isPartial(q) {
				continue
			}
			sStart, sEnd := p.sentenceBounds(q[0])
			_, lastEnd := p.sentenceBounds(min(q[1], len(p.text)-1))
			if lastEnd > sEnd {
				sEnd = lastEnd
			}
			speaker, medium, verb := p.attribute(sStart, sEnd, q, p.subjectPersonBefore(d, q[0], lastSubject, lastPerson), lastOrg)
			text = p.sentenceLead(sStart, q) + text
			if speaker == "" && (quotedHere || prevQuoted && isWholeQuote(p)) {
				// A quote that goes on after its attribution, in the same
				// paragraph or a paragraph of quotation only.
				speaker, verb = prevSpeaker, "continued"
			}
			if speaker == "" {
				continue
			}
			quotedHere = true
			prevSpeaker = speaker
			outSents = append(outSents, p.sentenceAt(sStart))
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
			if len(verbs) == 0 {
				continue
			}
			if speaker, text, ok := p.inverted(sStart, sEnd, verbs[len(verbs)-1]); ok {
				outSents = append(outSents, p.sentenceAt(sStart))
				out = append(out, storyline.Quote{Speaker: speaker, Text: text, Verb: verbs[len(verbs)-1].word,
					Article: d.art.ID, Sentence: strings.TrimSpace(p.text[sStart:sEnd])})
				continue
			}
			if !reportingVerbs[verbs[0].word] {
				continue
			}
			q := [2]int{sEnd, sEnd}
			speaker, medium, verb := p.attribute(sStart, sEnd, q, p.subjectPersonBefore(d, sStart, lastSubject, lastPerson), lastOrg)
			if speaker == "" {
				continue
			}
			text := reportedClause(p.text[sStart:sEnd], verbs[0].start-sStart, verbs[0].end-sStart)
			if len(strings.Fields(text)) < 3 {
				continue
			}
			outSents = append(outSents, p.sentenceAt(sStart))
			out = append(out, storyline.Quote{Speaker: speaker, Text: text, Verb: verb, Medium: medium,
				Article: d.art.ID, Sentence: strings.TrimSpace(p.text[sStart:sEnd])})
		}
		for _, pm := range p.ments {
			if pm.e != nil && pm.e.ent.Type == "person" {
				lastPerson = pm.e
			}
		}
		if s := p.subjectPersonBefore(d, len(p.text), nil, nil); s != nil {
			lastSubject = s
		}
		// The last organisation named as an actor (not after a preposition)
		// is what a later "they said" means.
		for _, pm := range p.ments {
			if pm.e == nil || pm.e.ent.Type != "organization" || p.inQuote(pm.start) {
				continue
			}
			if inPrepPhrase(p.text[max(0, pm.start-30):pm.start]) {
				continue
			}
			lastOrg = pm.e
		}
		prevQuoted = quotedHere || (len(p.quotes) > 0 && prevQuoted && isWholeQuote(p))
	}
	nameDescribedSpeakers(d, out, outSents)
	return out
}

// sentenceLead is the unquoted start of a sentence that a lower-case
// quote finishes ("That message is that anyone using meth is a problem
// for everyone and “we want to try to help,” Sanborn said."), with a
// trailing space; empty when the quote opens its sentence or the lead
// holds the attribution.
func (p *para) sentenceLead(sStart int, q [2]int) string {
	if r, _ := utf8.DecodeRuneInString(p.text[q[0]:]); !unicode.IsLower(r) {
		return ""
	}
	mark := q[0]
	if r, size := utf8.DecodeLastRuneInString(p.text[:q[0]]); r == '"' || r == '\u201c' {
		mark -= size
	}
	if mark < sStart {
		return ""
	}
	lead := strings.TrimSpace(p.text[sStart:mark])
	if len(strings.Fields(lead)) < 3 || len(p.speechVerbsIn(sStart, mark)) > 0 || hasQuoteIn(p, sStart, mark) {
		return ""
	}
	return lead + " "
}

// minQuoteWords is the shortest direct quote kept: shorter ones are scare
// quotes or catchphrases inside reported speech.
const minQuoteWords = 4

// isPartial reports whether a quote is a fragment inside reported speech
// ("he hoped the swap would “pave the way” for talks"): less than half of
// its sentence, after a verb of saying in that sentence.
func (p *para) isPartial(q [2]int) bool {
	sStart, sEnd := p.sentenceBounds(q[0])
	if q[1] > sEnd {
		return false
	}
	qw, sw := len(strings.Fields(p.text[q[0]:q[1]])), len(strings.Fields(p.text[sStart:sEnd]))
	if qw*2 >= sw {
		return false
	}
	for _, v := range p.speechVerbsIn(sStart, q[0]) {
		if reportingVerbs[v.word] {
			return true
		}
	}
	return false
}

func hasQuoteIn(p *para, from, to int) bool {
	for _, q := range p.quotes {
		if q[0] < to && q[1] > from && len(strings.Fields(p.text[q[0]:q[1]])) >= minQuoteWords && !p.isPartial(q) {
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

// subjectPersonBefore is the person who last opened a sentence (its
// subject) before a paragraph offset: what "she said" most often means.
// Without one it falls back to earlier, then to the last person named.
func (p *para) subjectPersonBefore(d *doc, pos int, earlier, lastNamed *entAcc) *entAcc {
	last := earlier
	for k := range p.starts {
		si := p.first + k
		if p.starts[k] >= pos {
			break
		}
		for mi, m := range d.ments[si] {
			e := d.ents[si][mi]
			if e == nil || m.InRole {
				continue
			}
			if p.starts[k]+m.Start < pos && e.ent.Type == "person" && !inPrepPhrase(d.sents[si][:m.Start]) && !strings.Contains(d.sents[si][:m.Start], ",") {
				last = e
			}
			break
		}
	}
	if last == nil {
		return lastPersonBefore(p, pos, lastNamed)
	}
	return last
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
func (p *para) attribute(from, to int, q [2]int, lastPerson, lastOrg *entAcc) (speaker, medium, verb string) {
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
		better := dist(v) < dist(best)
		if reportingVerbs[v.word] != reportingVerbs[best.word] {
			better = reportingVerbs[v.word] // "said" before "asked"
		}
		if better && v.word != "according" {
			best = v
		}
	}
	if q[0] == q[1] && strings.HasSuffix(p.text[from:best.start], " and ") {
		// "X said it viewed … and said it would …": a verb coordinated
		// without a subject shares the first verb's; report from that one.
		for _, v := range verbs {
			if reportingVerbs[v.word] && v.word != "according" && v.start < best.start {
				best = v
				break
			}
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
		return p.subject(from, best.start, q, lastPerson, lastOrg), medium, "quoted"
	case best.word == "quoted" && strings.Contains(p.text[best.end:to], "as saying"):
		// "MEDIUM quoted X as saying" or "X was quoted as saying".
		if before := strings.TrimSpace(p.text[from:best.start]); strings.HasSuffix(before, "was") || strings.HasSuffix(before, "were") ||
			strings.HasSuffix(before, "was also") || strings.HasSuffix(before, "were also") {
			return p.subject(from, best.start, q, lastPerson, lastOrg), medium, "was quoted as saying"
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
	s := p.subject(from, best.start, q, lastPerson, lastOrg)
	if s == "" && len(strings.Fields(p.text[clauseStart(p.text, from, best.start, q):best.start])) == 0 {
		// Inverted: "said X".
		if e := p.personAfter(best.end, min(to, best.end+60)); e != nil {
			s = e.ent.Name
		}
	}
	return s, medium, verb
}

// invertingVerbs stand before their subject at the end of a sentence.
var invertingVerbs = wordSet(`say says said adds added notes noted writes wrote explains explained`)

// inverted reads reported speech whose attribution closes the sentence
// with the verb before its subject: "…, says John Petrides, portfolio
// manager at …" or "…, say officials." The speaker is the name (or
// group) right after the verb; the text is the clause before the comma.
func (p *para) inverted(from, to int, v speechVerb) (speaker, text string, ok bool) {
	before := strings.TrimRight(p.text[from:v.start], " ")
	if !strings.HasSuffix(before, ",") || !invertingVerbs[v.word] {
		return "", "", false
	}
	text = strings.TrimSpace(strings.TrimSuffix(before, ","))
	if len(strings.Fields(text)) < 4 || p.speechVerbsIn(from, v.start) != nil {
		return "", "", false
	}
	rest := strings.TrimLeft(p.text[v.end:to], " ")
	restAt := to - len(rest)
	for _, det := range []string{"the ", "The "} {
		if strings.HasPrefix(rest, det) {
			rest, restAt = rest[len(det):], restAt+len(det)
		}
	}
	for _, pm := range p.ments {
		if pm.start == restAt && pm.e != nil {
			if tail := strings.TrimSpace(p.text[pm.end:to]); tail != "" && !strings.HasPrefix(tail, ",") && !strings.HasPrefix(tail, ".") {
				return "", "", false // "…, told US media this month that …": an object, not the speaker
			}
			return pm.e.ent.Name, text, true
		}
	}
	ws := strings.Fields(rest)
	if len(ws) > 0 && len(ws) <= 3 && groupSpeakers[lower(strings.Trim(ws[0], ".,"))] {
		return strings.Trim(ws[0], ".,"), text, true
	}
	return "", "", false
}
