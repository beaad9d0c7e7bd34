package understand

import (
	"strings"

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
	ents     [][]*entAcc
	title    []mention
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
	for i, s := range d.sents {
		d.ments[i] = sentenceMentions(s, i)
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
	resolveEntities(reg, docs)
	var an storyline.Analysis
	an.Entities = reg.entities()
	anchors := storyAnchors(docs)
	for _, d := range docs {
		if d.evidence {
			continue
		}
		qs := findQuotes(d)
		an.Quotes = append(an.Quotes, qs...)
		ds := findDates(d, docs, anchors)
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
	for _, d := range docs {
		for si := range d.ments {
			for mi := range d.ments[si] {
				m := &d.ments[si][mi]
				if m.Type == "" || m.RoleOnly != "" || (m.Type == "person" && len(nameParts(m.Name)) < 2) {
					continue
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
				e := resolveMention(reg, d, si, m, counts)
				d.ents[si][mi] = e
				if e == nil {
					continue
				}
				seq++
				e.lastSeen = seq
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
				if e == nil && len(nameParts(m.Name)) == 1 {
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
	if m.RoleOnly != "" {
		if e := reg.byRole[roleKey(m.RoleOnly)]; e != nil {
			reg.addAlias(e, m.RoleOnly)
			return e
		}
		return nil
	}
	if m.Type != "" && (m.Type != "person" || len(nameParts(m.Name)) >= 2) {
		return reg.register(m)
	}
	if e := reg.byKey[nameKey(m.Name)]; e != nil {
		return e
	}
	if len(nameParts(m.Name)) == 1 {
		if e := reg.bySurname(m.Name); e != nil {
			reg.addAlias(e, m.Name)
			return e
		}
	}
	if m.Type == "person" {
		return reg.register(m)
	}
	sent := d.sents[si]
	after := strings.Fields(sent[m.End:])
	if len(after) > 0 && speechVerbs[lower(strings.Trim(after[0], ",.;:"))] {
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
	if !m.Initial && counts[m.Name] >= 2 {
		m.Type = "organization"
		return reg.register(m)
	}
	return nil
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
		start := strings.LastIndexAny(before, ",;\u201c\"") + 1
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
		if w != "the" && w != "a" && w != "an" && w != "its" && w != "senior" && w != "top" && w != "deputy" && w != "former" && w != "chief" {
			return false
		}
	}
	return false
}
