package understand

import (
	"sort"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline"
	"golang.org/x/text/unicode/norm"
)

// entAcc accumulates one entity while aliases are merged.
type entAcc struct {
	ent      storyline.Entity
	aliases  map[string]bool
	roles    map[string]bool
	articles map[string]bool
	stories  map[string]bool
	order    int  // first-seen order, for stable ties
	evidence bool // some mention shows a person (first name, role, speech, age)
	lastSeen int  // position of the latest mention, for surname resolution
	// The registry's index keys of ent.Name (persons of two words or more):
	// last and first name parts, and the last part's skeleton.
	surname, surSkel, first string
}

// registry merges names into entities: known aliases, initialisms,
// surnames after a first full mention, transliteration variants of
// person names, and role phrases that stand for a person.
type registry struct {
	ents   []*entAcc
	byKey  map[string]*entAcc  // nameKey of a name or alias
	byRole map[string]*entAcc  // roleKey of a role stated with a person
	skel   map[string]string   // skeleton cache
	vocab  map[string]bool     // words the story uses in lower case
	parts  map[string][]string // nameParts cache
	// Indexes of the persons, each list in first-seen order (see
	// registry_index.go): lookups by surname, first name or full name
	// visit only the candidates, not the whole registry.
	bySurnameSkel map[string][]*entAcc // skeleton of the surname of ent.Name
	byFirst       map[string][]*entAcc // first name part of ent.Name
	byAliasSkel   map[string][]*entAcc // skeleton of the last part of any alias of two words or more
}

// partsOf is nameParts with a cache.
func (r *registry) partsOf(name string) []string {
	p, ok := r.parts[name]
	if !ok {
		p = nameParts(name)
		r.parts[name] = p
	}
	return p
}

func newRegistry() *registry {
	return &registry{byKey: map[string]*entAcc{}, byRole: map[string]*entAcc{}, skel: map[string]string{}, parts: map[string][]string{},
		bySurnameSkel: map[string][]*entAcc{}, byFirst: map[string][]*entAcc{}, byAliasSkel: map[string][]*entAcc{}}
}

// nameParts splits a person name into comparable word keys, dropping
// honorifics and name particles ("al-Hakim" compares as "hakim").
func nameParts(name string) []string {
	var out []string
	for _, t := range tokenize(name) {
		if !t.Word {
			continue
		}
		w := lower(t.Text)
		if honorifics[strings.TrimSuffix(w, ".")] || w == "jr" || w == "sr" || w == "ii" || w == "iii" {
			continue
		}
		for p := range joinPrefixes {
			if strings.HasPrefix(w, p+"-") {
				w = w[len(p)+1:]
			}
		}
		if k := nameKey(w); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// foldAccents strips diacritics: "Rodríguez" compares as "Rodriguez".
func foldAccents(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// skeleton is a transliteration-tolerant key: first letter kept, common
// digraphs unified (gh/q, kh/k, ph/f, ou/u), later vowels dropped and
// doubled letters collapsed. Qasemi and Ghasemi, Mohammad and Muhammad
// share one.
func skeleton(w string) string {
	w = foldAccents(strings.ToLower(w))
	for _, p := range [][2]string{{"gh", "g"}, {"q", "g"}, {"kh", "k"}, {"ph", "f"}, {"ck", "k"}, {"ou", "u"}, {"oo", "u"}, {"ee", "i"}, {"dh", "d"}, {"th", "t"}, {"w", "v"}, {"z", "s"}} {
		w = strings.ReplaceAll(w, p[0], p[1])
	}
	var b []byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i > 0 && strings.IndexByte("aeiouy", c) >= 0 {
			continue
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// levenshtein is the edit distance between two short strings.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// skeletonOf is skeleton with a cache.
func (r *registry) skeletonOf(w string) string {
	s, ok := r.skel[w]
	if !ok {
		s = skeleton(w)
		r.skel[w] = s
	}
	return s
}

// sameNameWord reports whether two name words are one name, allowing
// transliteration variants: equal skeletons and a small edit distance.
func (r *registry) sameNameWord(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < 4 || len(b) < 4 || len(a)-len(b) > 2 || len(b)-len(a) > 2 {
		return false
	}
	return r.skeletonOf(a) == r.skeletonOf(b) && levenshtein(a, b) <= max(2, min(len(a), len(b))/3)
}

// samePerson reports whether two full person names denote one person:
// surnames alike and first names alike (middle names may differ).
func (r *registry) samePerson(a, b []string) bool {
	if len(a) < 2 || len(b) < 2 {
		return false
	}
	if particleSurname(a, b) || particleSurname(b, a) {
		return true // "Van Der Beek" is "James Van Der Beek"
	}
	if !r.sameNameWord(a[len(a)-1], b[len(b)-1]) {
		return false
	}
	// First names alike, or one a short form of the other ("Pat", "Patrick").
	fa, fb := a[0], b[0]
	return r.sameNameWord(fa, fb) || len(fa) >= 3 && len(fb) >= 3 && (strings.HasPrefix(fa, fb) || strings.HasPrefix(fb, fa))
}

// surnameParticles open compound surnames: "Van Der Beek", "de la Cruz".
var surnameParticles = wordSet(`van von der den de del della da di du le la dos das ter ten`)

// particleSurname reports whether short, opening with a particle, is the
// compound surname that ends full ("Van Der Beek" of "James Van Der Beek").
func particleSurname(short, full []string) bool {
	if len(full) <= len(short) || !surnameParticles[short[0]] {
		return false
	}
	tail := full[len(full)-len(short):]
	for i := range short {
		if tail[i] != short[i] {
			return false
		}
	}
	return true
}

func (r *registry) newEntity(name, typ, sub string) *entAcc {
	e := &entAcc{ent: storyline.Entity{Name: name, Type: typ, Subtype: sub}, aliases: map[string]bool{},
		roles: map[string]bool{}, articles: map[string]bool{}, stories: map[string]bool{}, order: len(r.ents)}
	r.ents = append(r.ents, e)
	r.indexName(e)
	r.addAlias(e, name)
	return e
}

func (r *registry) addAlias(e *entAcc, alias string) {
	alias = strings.TrimSpace(alias)
	if alias == "" {
		return
	}
	if !e.aliases[alias] {
		e.aliases[alias] = true
		r.indexAlias(e, alias)
	}
	if k := nameKey(alias); k != "" {
		if _, taken := r.byKey[k]; !taken {
			r.byKey[k] = e
		}
	}
}

// register resolves a typed mention to an entity, creating it if new.
func (r *registry) register(m *mention) *entAcc {
	name := m.Name
	if m.Entity != "" {
		name = m.Entity
	}
	if e := r.byKey[nameKey(name)]; e != nil && (m.Type == "" || e.ent.Type == m.Type || m.Entity != "" || e.ent.Type != "person" && m.Type != "person") {
		r.addAlias(e, m.Name)
		return e
	}
	if m.Type == "person" {
		parts := r.partsOf(name)
		if len(parts) >= 2 {
			if e := r.findPerson(parts); e != nil {
				r.addAlias(e, m.Name)
				// Prefer the fuller form as the name.
				if len(parts) > len(r.partsOf(e.ent.Name)) {
					r.rename(e, name)
				}
				return e
			}
		}
	}
	e := r.newEntity(name, m.Type, m.Subtype)
	r.addAlias(e, m.Name)
	return e
}

// settleGuesses decides the names typed "person" only by default: with no
// sign of a person anywhere, they join a same-named entity of another type
// ("Fort Worth" the place) or become organisations.
//
// A name none of whose words the story also uses in lower case ("Trey
// Edmunds") stays a person; "Big Machine" or "Rolling Stone", made of
// ordinary words, becomes an organisation.
//
// Names do not change here (types and mentions do), so the candidates are
// looked up in a name index built once, in registry order.
func (r *registry) settleGuesses(vocab map[string]bool) {
	var names *nameIndex
	for _, e := range r.ents {
		if e.ent.Type != "person" || e.evidence || e.ent.Mentions == 0 {
			continue
		}
		if names == nil {
			names = newNameIndex(r.ents)
		}
		var other *entAcc
		for _, o := range names.byKey[nameKey(e.ent.Name)] {
			if o != e && o.ent.Type != "person" {
				other = o
				break
			}
		}
		if other == nil {
			// "Sierra Nevada" beside "Sierra Nevada Corporation": the short
			// form of an organisation's name.
			for _, o := range names.byPrefix[e.ent.Name] {
				if o != e && o.ent.Type == "organization" && o.ent.Mentions > 0 {
					other = o
					r.addAlias(o, e.ent.Name)
					break
				}
			}
		}
		if other == nil {
			ordinary := false
			for _, w := range strings.Fields(e.ent.Name) {
				w = strings.ToLower(strings.Trim(w, ".,"))
				if vocab[w] || ordinaryNameWords[w] {
					ordinary = true
				}
			}
			if ordinary {
				e.ent.Type = "organization"
			}
			continue
		}
		other.ent.Mentions += e.ent.Mentions
		for a := range e.articles {
			other.articles[a] = true
		}
		e.ent.Mentions = 0
	}
}

// entities returns the merged entities in order: mentions desc, name.
func (r *registry) entities() []storyline.Entity {
	out := make([]storyline.Entity, 0, len(r.ents))
	for _, e := range r.ents {
		if e.ent.Mentions == 0 || e.ent.Type == "" {
			continue
		}
		ent := e.ent
		ent.Aliases = sortedKeys(e.aliases, ent.Name)
		ent.Roles = sortedKeys(e.roles, "")
		ent.Articles = sortedKeys(e.articles, "")
		ent.Stories = sortedKeys(e.stories, "")
		out = append(out, ent)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func sortedKeys(m map[string]bool, skip string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		if k != skip {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		return nil
	}
	return out
}

// MergeEntities merges the entity lists of several stories into one list
// across the store, keyed by story id: aliases merged (shared alias keys,
// transliteration variants of person names), Stories filled, Mentions
// summed, ordered by mentions (desc) then name.
func MergeEntities(byStory map[string][]storyline.Entity) []storyline.Entity {
	ids := make([]string, 0, len(byStory))
	for id := range byStory {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	r := newRegistry()
	for _, id := range ids {
		for _, ent := range byStory[id] {
			e := r.matchEntity(ent)
			if e == nil {
				e = r.newEntity(ent.Name, ent.Type, ent.Subtype)
			}
			for _, a := range append([]string{ent.Name}, ent.Aliases...) {
				r.addAlias(e, a)
			}
			for _, x := range ent.Roles {
				e.roles[x] = true
			}
			for _, x := range ent.Articles {
				e.articles[x] = true
			}
			e.stories[id] = true
			for _, x := range ent.Stories {
				e.stories[x] = true
			}
			e.ent.Mentions += ent.Mentions
		}
	}
	return r.entities()
}

// matchEntity finds the registered entity an already merged entity is.
func (r *registry) matchEntity(ent storyline.Entity) *entAcc {
	for _, a := range append([]string{ent.Name}, ent.Aliases...) {
		if e := r.byKey[nameKey(a)]; e != nil && e.ent.Type == ent.Type {
			return e
		}
	}
	if ent.Type == "person" {
		return r.findPerson(nameParts(ent.Name))
	}
	return nil
}
