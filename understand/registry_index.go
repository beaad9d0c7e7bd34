package understand

import "sort"

// The registry's person lookups (surname, first name, full name) were
// linear scans of every entity for every mention, quadratic in the
// mentions of a story. They now go through indexes keyed by what a match
// must share: every pair of name words sameNameWord accepts has equal
// skeletons, so a skeleton bucket holds all candidates. Buckets keep
// first-seen order, and each lookup applies the same test and tie-break
// to its bucket as the scan did to the whole registry, so the answers are
// unchanged.
//
// Only persons are indexed: an entity's type never becomes "person" after
// it is created, and lookups check the type, which may still change away
// from person.

// insertOrdered adds e to a bucket kept in first-seen order, once.
func insertOrdered(list []*entAcc, e *entAcc) []*entAcc {
	i := sort.Search(len(list), func(i int) bool { return list[i].order >= e.order })
	if i < len(list) && list[i] == e {
		return list
	}
	list = append(list, nil)
	copy(list[i+1:], list[i:])
	list[i] = e
	return list
}

// removeOrdered drops e from a bucket kept in first-seen order.
func removeOrdered(list []*entAcc, e *entAcc) []*entAcc {
	i := sort.Search(len(list), func(i int) bool { return list[i].order >= e.order })
	if i < len(list) && list[i] == e {
		return append(list[:i], list[i+1:]...)
	}
	return list
}

// indexName files a person under the surname and first name of its
// current name (names of two words or more).
func (r *registry) indexName(e *entAcc) {
	if e.ent.Type != "person" {
		return
	}
	parts := r.partsOf(e.ent.Name)
	if len(parts) < 2 {
		return
	}
	e.surname, e.first = parts[len(parts)-1], parts[0]
	e.surSkel = r.skeletonOf(e.surname)
	r.bySurnameSkel[e.surSkel] = insertOrdered(r.bySurnameSkel[e.surSkel], e)
	r.byFirst[e.first] = insertOrdered(r.byFirst[e.first], e)
}

// rename gives an entity a new name, refiling it in the name indexes.
func (r *registry) rename(e *entAcc, name string) {
	if e.surname != "" {
		r.bySurnameSkel[e.surSkel] = removeOrdered(r.bySurnameSkel[e.surSkel], e)
		r.byFirst[e.first] = removeOrdered(r.byFirst[e.first], e)
		e.surname, e.surSkel, e.first = "", "", ""
	}
	e.ent.Name = name
	r.indexName(e)
}

// indexAlias files a person under the skeleton of the last word of a new
// alias of two words or more, the only aliases samePerson can match.
func (r *registry) indexAlias(e *entAcc, alias string) {
	if e.ent.Type != "person" {
		return
	}
	parts := r.partsOf(alias)
	if len(parts) < 2 {
		return
	}
	k := r.skeletonOf(parts[len(parts)-1])
	r.byAliasSkel[k] = insertOrdered(r.byAliasSkel[k], e)
}

// findPerson finds a registered person a full name refers to: the first
// registered whose name or an alias is the same person. Every match has a
// last word of the same skeleton (equal words for compound surnames).
func (r *registry) findPerson(parts []string) *entAcc {
	if len(parts) < 2 {
		return nil
	}
	for _, e := range r.byAliasSkel[r.skeletonOf(parts[len(parts)-1])] {
		if e.ent.Type != "person" {
			continue
		}
		for a := range e.aliases {
			if r.samePerson(parts, r.partsOf(a)) {
				return e
			}
		}
	}
	return nil
}

// bySurname finds the person whose last name matches a single word,
// preferring the most recently mentioned (the first registered on a tie).
func (r *registry) bySurname(word string) *entAcc {
	k := nameKey(word)
	var best *entAcc
	for _, e := range r.bySurnameSkel[r.skeletonOf(k)] {
		if e.ent.Type != "person" {
			continue
		}
		if r.sameNameWord(e.surname, k) && (best == nil || e.lastSeen > best.lastSeen) {
			best = e
		}
	}
	return best
}

// byFirstName finds the one person of the story with this first name
// ("Taylor" for Taylor Swift); none when two share it.
func (r *registry) byFirstName(word string) *entAcc {
	var found *entAcc
	for _, e := range r.byFirst[nameKey(word)] {
		if e.ent.Type != "person" {
			continue
		}
		if found != nil {
			return nil
		}
		found = e
	}
	return found
}

// nameIndex finds entities by the nameKey of their name, and by each
// run of leading words of their name ("Sierra Nevada" and "Sierra" of
// "Sierra Nevada Corporation"), each list in registry order.
type nameIndex struct {
	byKey    map[string][]*entAcc
	byPrefix map[string][]*entAcc // name up to (not including) a space
}

func newNameIndex(ents []*entAcc) *nameIndex {
	ix := &nameIndex{byKey: map[string][]*entAcc{}, byPrefix: map[string][]*entAcc{}}
	for _, e := range ents {
		k := nameKey(e.ent.Name)
		ix.byKey[k] = append(ix.byKey[k], e)
		name := e.ent.Name
		for i := 0; i < len(name); i++ {
			if name[i] == ' ' {
				ix.byPrefix[name[:i]] = append(ix.byPrefix[name[:i]], e)
			}
		}
	}
	return ix
}
