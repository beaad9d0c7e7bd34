package understand

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textutil"
)

// doc is one article read for names: its sentences, their paragraphs and
// mentions, each mention resolved to a merged entity (or nil).
type doc struct {
	art      storyline.Article
	evidence bool // a related story's article: read for evidence, not reported
	sents    []string
	para     []int
	ments    [][]mention
	toks     [][]token
	ents     [][]*entAcc
	title    []mention
	reg      *registry
}

func newDoc(a storyline.Article, evidence bool) *doc {
	d := &doc{art: a, evidence: evidence}
	for p, para := range textutil.Paragraphs(a.Text) {
		for _, s := range textutil.Sentences(para) {
			d.sents = append(d.sents, s)
			d.para = append(d.para, p)
		}
	}
	d.ments = make([][]mention, len(d.sents))
	d.ents = make([][]*entAcc, len(d.sents))
	d.toks = make([][]token, len(d.sents))
	for i, s := range d.sents {
		d.toks[i] = tokenize(s)
		d.ments[i] = mentionsOf(s, d.toks[i], i)
		if isHeadline(s, d.toks[i]) {
			for k := range d.ments[i] {
				d.ments[i][k].Headline = true
			}
		}
		d.ents[i] = make([]*entAcc, len(d.ments[i]))
	}
	if a.Title != "" {
		d.title = sentenceMentions(a.Title, -1)
	}
	return d
}

// Analyze reads the articles of one story. context holds articles of related
// stories, used only as evidence (e.g. to anchor relative dates when the
// story's own articles are undated).
func Analyze(articles []storyline.Article, context []storyline.Article) storyline.Analysis {
	docs := make([]*doc, 0, len(articles)+len(context))
	for _, a := range articles {
		docs = append(docs, newDoc(a, false))
	}
	for _, a := range context {
		docs = append(docs, newDoc(a, true))
	}
	reg := newRegistry()
	reg.vocab = lowerVocabulary(docs)
	resolveTeams(docs)
	resolveEntities(reg, docs)
	reg.settleGuesses(reg.vocab)
	for _, d := range docs {
		d.reg = reg
	}
	var an storyline.Analysis
	an.Entities = reg.entities()
	anchors := storyAnchors(docs)
	facts := newFactIndex(docs)
	for _, d := range docs {
		if d.evidence {
			continue
		}
		qs := findQuotes(d)
		an.Quotes = append(an.Quotes, qs...)
		ds := findDates(d, facts, anchors)
		an.Dates = append(an.Dates, ds...)
		an.Events = append(an.Events, findEvents(d, ds)...)
	}
	an.Drift = quoteDrift(an.Quotes)
	if an.Entities == nil {
		an.Entities = []storyline.Entity{}
	}
	return an
}

// AnalyzeArticle reads one article on its own.
func AnalyzeArticle(a storyline.Article) storyline.Analysis {
	return Analyze([]storyline.Article{a}, nil)
}

// resolveEntities merges the mentions of all docs into entities: full
// names first (so a surname or role met before its full name still
// resolves), then every mention in reading order.
func resolveEntities(reg *registry, docs []*doc) {
	products := productKeys(docs)
	for _, d := range docs {
		for si := range d.ments {
			for mi := range d.ments[si] {
				m := &d.ments[si][mi]
				if isProduct(m, products) {
					continue
				}
				if m.Type == "" || m.RoleOnly != "" || m.Headline && m.Entity == "" || m.Entity == "" && shouted(m.Name, reg.vocab) || (m.Entity == "" && len(reg.partsOf(m.Name)) < 2 && !isAcronym(m.Name)) {
					continue // single words wait for the full names (pass two)
				}
				e := reg.register(m)
				addAcronymAlias(reg, e, d.sents[si], m)
				if m.Type == "person" {
					for _, role := range []string{m.Role, appositiveRole(d.sents[si], m)} {
						if role == "" {
							continue
						}
						e.roles[role] = true
						if k := roleKey(role); strings.Count(k, " ") >= 1 {
							if _, taken := reg.byRole[k]; !taken {
								reg.byRole[k] = e
							}
						}
					}
					if m.Honorific != "" {
						reg.addAlias(e, m.Honorific+" "+m.Name)
					}
				}
			}
		}
	}
	seq := 0
	for _, d := range docs {
		counts := untypedCounts(d)
		for si := range d.ments {
			for mi := range d.ments[si] {
				m := &d.ments[si][mi]
				if isProduct(m, products) {
					continue
				}
				e := resolveMention(reg, d, si, m, counts)
				d.ents[si][mi] = e
				if e == nil {
					continue
				}
				if m.Team && e.ent.Type == "place" {
					e.ent.Type, e.ent.Subtype = "organization", "team" // the city's team, not the city
				}
				seq++
				e.lastSeen = seq
				if e.ent.Type == "person" && !e.evidence && personEvidence(d.sents[si], m) {
					e.evidence = true
				}
				if !d.evidence {
					e.ent.Mentions++
					if d.art.ID != "" {
						e.articles[d.art.ID] = true
					}
				}
			}
		}
		if d.evidence {
			continue
		}
		for i := range d.title {
			m := &d.title[i]
			var e *entAcc
			if m.Entity != "" {
				e = reg.byKey[nameKey(m.Entity)]
			} else if m.RoleOnly == "" {
				e = reg.byKey[nameKey(m.Name)]
				if e == nil && len(reg.partsOf(m.Name)) == 1 {
					e = reg.bySurname(m.Name)
				}
			}
			if e != nil {
				e.ent.Mentions++
			}
		}
	}
}

// resolveMention finds the entity of one mention in reading order.
func resolveMention(reg *registry, d *doc, si int, m *mention, counts map[string]int) *entAcc {
	if m.Entity == "" && shouted(m.Name, reg.vocab) {
		return nil // "A HUNTER who…", "WHAT SAY YOU": ordinary words in capitals
	}
	if m.Headline && m.Entity == "" {
		if e := reg.byKey[nameKey(m.Name)]; e != nil {
			return e
		}
		if len(reg.partsOf(m.Name)) == 1 {
			return reg.bySurname(m.Name)
		}
		return nil
	}
	if m.RoleOnly != "" {
		if e := reg.byRole[roleKey(m.RoleOnly)]; e != nil {
			reg.addAlias(e, m.RoleOnly)
			return e
		}
		return nil
	}
	if m.Entity == "" && m.Type != "person" && len(reg.partsOf(m.Name)) == 1 {
		// "in Tays' vehicle": a surname first, whatever the context suggests.
		if e := reg.bySurname(m.Name); e != nil {
			reg.addAlias(e, m.Name)
			return e
		}
	}
	if m.Type != "" && (m.Type != "person" || len(reg.partsOf(m.Name)) >= 2) {
		return reg.register(m)
	}
	if e := reg.byKey[nameKey(m.Name)]; e != nil {
		return e
	}
	if m.Initial && m.Entity == "" && reg.vocab[strings.ToLower(m.Name)] {
		return nil // "Officials said": a common word opening the sentence
	}
	if len(reg.partsOf(m.Name)) == 1 {
		if e := reg.bySurname(m.Name); e != nil {
			reg.addAlias(e, m.Name)
			e.evidence = true
			return e
		}
	}
	if len(reg.partsOf(m.Name)) == 1 {
		if e := reg.byFirstName(m.Name); e != nil {
			reg.addAlias(e, m.Name)
			return e
		}
		if givenNames[lower(m.Name)] && !m.Initial && !(m.Tok > 0 && (hasDigit(d.toks[si][m.Tok-1].Text) || productDeterminers[lower(d.toks[si][m.Tok-1].Text)])) {
			m.Type = "person" // "his wife, Kimberly": a first name alone is still a person
		}
	}
	if m.Type == "person" {
		return reg.register(m)
	}
	sent := d.sents[si]
	after := strings.Fields(sent[m.End:])
	if len(after) > 0 && personVerbs[lower(strings.Trim(after[0], ",.;:"))] {
		m.Type = "person"
		return reg.register(m)
	}
	before := strings.Fields(sent[:m.Start])
	if len(before) > 0 {
		switch lower(before[len(before)-1]) {
		case "in", "near", "outside", "across":
			m.Type, m.Subtype = "place", ""
			return reg.register(m)
		}
	}
	if !m.Initial && len(m.Name) > 1 && (counts[m.Name] >= 2 || orgContext(sent, m)) {
		m.Type = "organization"
		return reg.register(m)
	}
	return nil
}

// lowerVocabulary is the set of words the docs use in lower case.
func lowerVocabulary(docs []*doc) map[string]bool {
	v := map[string]bool{}
	for _, d := range docs {
		for _, toks := range d.toks {
			for _, t := range toks {
				if t.Word && t.Text[0] >= 'a' && t.Text[0] <= 'z' {
					v[t.Text] = true
				}
			}
		}
	}
	return v
}

// isHeadline reports whether a sentence is a headline or subhead standing
// in the text: no closing punctuation and most words capitalised. Its
// capitals say nothing about names.
func isHeadline(s string, toks []token) bool {
	if s == "" || strings.ContainsRune(".!?\"\u201d:)", rune(s[len(s)-1])) || strings.ContainsAny(s, "(;") {
		return false
	}
	words, caps := 0, 0
	for _, t := range toks {
		if t.Word && len(t.Text) > 3 {
			words++
			if t.Cap {
				caps++
			}
		}
	}
	return words >= 2 && caps*10 >= words*6
}

// ageRe matches an age after a name: "Webb, 51,".
var ageRe = regexp.MustCompile(`^,? \d{1,3}\b`)

// personEvidence reports whether a mention shows a person: a first name,
// a role or honorific, an age, or a verb of saying right after it.
func personEvidence(sent string, m *mention) bool {
	if m.Type == "person" && !m.Guess {
		return true
	}
	if m.Role != "" || m.Honorific != "" || ageRe.MatchString(sent[m.End:]) || appositiveRole(sent, m) != "" {
		return true
	}
	after := strings.Fields(sent[m.End:])
	return len(after) > 0 && personVerbs[lower(strings.Trim(after[0], ",.;:"))]
}

// personVerbs after a name suggest a person speaking (companies "report"
// and "announce", people "say" and "tell").
var personVerbs = wordSet(`said says told tells added adds tweeted wrote explained argued insisted recalled`)

// orgNouns before or in apposition to a single name make it an organisation:
// "the research firm Oanda", "Huawei, the embattled Chinese tech company".
var orgNouns = wordSet(`firm company group agency network outlet newspaper broadcaster startup retailer carrier
airline maker manufacturer investor platform app website site service band team club channel station
publication magazine tabloid broker bank lender insurer chain brand label studio journal`)

// orgContext reports whether a single capitalised word is an organisation
// by its context: an organisation noun before it or in apposition after
// it, or a verb organisations use ("Kan reported").
func orgContext(sent string, m *mention) bool {
	before := strings.Fields(sent[:m.Start])
	if n := len(before); n > 0 && orgNouns[lower(before[n-1])] {
		return true
	}
	after := sent[m.End:]
	if strings.HasPrefix(after, ", ") {
		ws := strings.Fields(after[2:])
		for k := 0; k < len(ws) && k < 6; k++ {
			w := lower(strings.Trim(ws[k], ",.;"))
			if orgNouns[w] {
				return true
			}
			if strings.HasSuffix(ws[k], ",") || strings.HasSuffix(ws[k], ".") {
				break
			}
		}
	}
	if ws := strings.Fields(after); len(ws) > 0 {
		switch lower(strings.Trim(ws[0], ",.")) {
		case "reported", "reports", "announced", "announces", "launched", "shares", "acquired":
			return true
		}
	}
	return false
}

// untypedCounts counts the undecided single names of a doc: a name used
// again and again mid-sentence is a name even without a cue.
func untypedCounts(d *doc) map[string]int {
	c := map[string]int{}
	for _, ms := range d.ments {
		for _, m := range ms {
			if m.Type == "" && m.RoleOnly == "" && !m.Initial {
				c[m.Name]++
			}
		}
	}
	return c
}

// addAcronymAlias registers "(SIIC)" after a name as its alias.
func addAcronymAlias(reg *registry, e *entAcc, sent string, m *mention) {
	rest := strings.TrimLeft(sent[m.End:], " ")
	if !strings.HasPrefix(rest, "(") {
		return
	}
	end := strings.IndexByte(rest, ')')
	if end < 0 {
		return
	}
	if inner := rest[1:end]; isAcronym(inner) {
		reg.addAlias(e, inner)
	}
}

// appositiveRole reads a role set off by commas around a name:
// "Ali Shamkhani, secretary of Iran's Supreme National Security Council,"
// or "the secretary of …, Ali Shamkhani,".
func appositiveRole(sent string, m *mention) string {
	after := sent[m.End:]
	if strings.HasPrefix(after, ", ") {
		rest := after[2:]
		if isRolePhrase(rest) {
			if end := strings.IndexAny(rest, ",;.\u2014("); end > 0 {
				return strings.TrimSpace(rest[:end])
			}
		}
	}
	before := strings.TrimRight(sent[:m.Start], " ")
	if strings.HasSuffix(before, ",") {
		before = strings.TrimSuffix(before, ",")
		start := 0
		if k := strings.LastIndexAny(before, ",;\u201c\u201d\""); k >= 0 {
			_, size := utf8.DecodeRuneInString(before[k:])
			start = k + size
		}
		phrase := strings.TrimSpace(before[start:])
		if isRolePhrase(phrase) && len(phrase) < 120 {
			return strings.TrimPrefix(strings.TrimPrefix(phrase, "the "), "The ")
		}
	}
	return ""
}

// isRolePhrase reports whether a phrase opens with a role noun ("secretary
// of …", "the spokesman for …", "a senior adviser to …").
func isRolePhrase(s string) bool {
	ws := strings.Fields(s)
	for i := 0; i < len(ws) && i < 4; i++ {
		w := lower(strings.Trim(ws[i], ",.;:"))
		if roleWords[w] {
			return true
		}
		if w != "the" && w != "a" && w != "an" && w != "its" && w != "his" && w != "her" && w != "their" && w != "senior" && w != "top" && w != "deputy" && w != "former" && w != "chief" && w != "younger" && w != "elder" && w != "older" && !strings.HasSuffix(w, "'s") {
			return false
		}
	}
	return false
}

// shouted reports whether a name is written in capitals and made of words
// the story also uses in lower case ("A HUNTER", "IMPEACHMENT JURY"): a
// headline or lead-in set in capitals, not an acronym.
func shouted(name string, vocab map[string]bool) bool {
	ws := strings.Fields(name)
	for _, w := range ws {
		if strings.ToUpper(w) != w {
			return false
		}
	}
	for _, w := range ws {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if vocab[lw] || sentenceStarters[lw] {
			return true
		}
	}
	return false
}
