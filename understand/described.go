package understand

import (
	"strings"

	"github.com/storyline-news/storyline"
)

// describedLookahead is how many sentences after a described speaker the
// named person may first appear.
const describedLookahead = 4

// nameDescribedSpeakers credits quotes whose speaker is a description ("a
// close aide to Iran's Supreme Leader", "Khamenei's top security
// adviser") to the person the article names soon after with a matching
// role: a lead often withholds the name and gives it a few sentences on
// ("…, the secretary of Iran's Supreme National Security Council, Ali
// Shamkhani, was quoted as saying"). The person must be named within a few
// sentences after the description, and their stated role must share a
// distinctive word with it. Generic descriptions ("a senior official")
// stay as they are: they may be anyone.
func nameDescribedSpeakers(d *doc, quotes []storyline.Quote, sents []int) {
	if d.reg == nil {
		return
	}
	seenAt := map[*entAcc][]int{} // sentences naming each person
	for si, es := range d.ents {
		for _, e := range es {
			if e != nil && e.ent.Type == "person" {
				seenAt[e] = append(seenAt[e], si)
			}
		}
	}
	for i := range quotes {
		desc := quotes[i].Speaker
		if d.reg.byKey[nameKey(desc)] != nil || !singularRole(desc) {
			continue
		}
		words := distinctiveWords(desc)
		if len(words) == 0 {
			continue
		}
		var best *entAcc
		bestAt := len(d.sents)
		for e, seen := range seenAt {
			at := -1
			for _, si := range seen {
				if si > sents[i] && si <= sents[i]+describedLookahead {
					at = si
					break
				}
			}
			if at < 0 || at > bestAt || at == bestAt && best != nil && best.ent.Name < e.ent.Name {
				continue
			}
			for role := range e.roles {
				if sharesWord(words, distinctiveWords(role)) {
					best, bestAt = e, at
					break
				}
			}
		}
		if best != nil {
			quotes[i].Speaker = best.ent.Name
		}
	}
}

// singularRole reports whether a description names one person by a
// specific role ("adviser", "aide"; not "officials" nor "official").
func singularRole(desc string) bool {
	ws := strings.Fields(desc)
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		w = lower(strings.Trim(w, ",;:.\u2019'"))
		if roleWords[w] && !genericRoleWords[w] {
			return true
		}
	}
	return false
}

// distinctiveWords are the words of a role phrase that tell one role from
// another: not function words, countries or the most generic role words.
func distinctiveWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range tokenize(s) {
		if !t.Word || len(t.Text) < 4 {
			continue
		}
		w := lower(t.Text)
		if sentenceStarters[w] || prepositions[w] || genericRoleWords[w] || lookupDemonym(t.Text) != nil {
			continue
		}
		if e := lookupName(t.Text); e != nil && e.Type == "place" {
			continue
		}
		out[w] = true
	}
	return out
}

// genericRoleWords say too little to tie two role phrases together.
var genericRoleWords = wordSet(`senior official officials former close top chief head deputy`)

func sharesWord(a, b map[string]bool) bool {
	for w := range a {
		if b[w] {
			return true
		}
	}
	return false
}
