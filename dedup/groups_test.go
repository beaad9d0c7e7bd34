package dedup

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

func TestGroupsOnSeeds(t *testing.T) {
	arts := loadSeeds(t)
	ix := NewIndex()
	var pairs []Pair
	for _, a := range arts {
		pairs = append(pairs, ix.Add(a.ID, a.Text)...)
	}
	groups := Groups(arts, pairs)
	if len(groups) != 2 {
		t.Fatalf("groups = %+v", groups)
	}
	// Canonical is the copy with more words: 001 (522) over 000, 002 (572) over 004.
	if groups[0].Canonical != "001" || groups[1].Canonical != "002" {
		t.Fatalf("canonicals %s, %s", groups[0].Canonical, groups[1].Canonical)
	}
	for _, g := range groups {
		if len(g.Members) != 1 {
			t.Fatalf("group %s members %+v", g.Canonical, g.Members)
		}
		m := g.Members[0]
		if m.Relation != storyline.SharesWire || m.Of != g.Canonical {
			t.Fatalf("member %+v", m)
		}
		if m.Overlap <= 0.1 || m.Overlap >= 0.9 || len(m.Added) == 0 || len(m.Removed) == 0 {
			t.Fatalf("group %s: implausible diff: overlap %.2f, %d added, %d removed", g.Canonical, m.Overlap, len(m.Added), len(m.Removed))
		}
	}
	// 001 adds Shamkhani rejecting the offer: a canonical sentence 000 lacks.
	removed := strings.Join(groups[0].Members[0].Removed, "\n")
	if !strings.Contains(removed, "rejected the offer") {
		t.Errorf("000 should lack 001's sentence on rejecting the offer; removed:\n%s", removed)
	}
}

func TestCompareDescribesANearCopy(t *testing.T) {
	seeds := loadSeeds(t)
	canon := seeds[3]
	paras := strings.Split(canon.Text, "\n\n")
	text := strings.Join(paras[:len(paras)-1], "\n\n") + "\n\nRead more on our website about this."
	text = strings.Replace(text, "considering it", "studying it closely", 1)
	c := Compare(canon, storyline.Article{ID: "copy", Text: text})
	if c.Relation != storyline.NearDuplicate || c.Of != canon.ID || c.Article != "copy" {
		t.Fatalf("relation %+v", c)
	}
	if len(c.Added) != 1 || !strings.Contains(c.Added[0], "Read more") {
		t.Errorf("added = %q", c.Added)
	}
	if len(c.Removed) == 0 || len(c.Changed) == 0 {
		t.Errorf("removed %d, changed %d", len(c.Removed), len(c.Changed))
	}
	exact := Compare(canon, storyline.Article{ID: "x", Text: strings.ToLower(canon.Text)})
	if exact.Relation != storyline.Exact || exact.Overlap != 1 || len(exact.Added) != 0 {
		t.Errorf("exact copy: %+v", exact)
	}
}

func TestGroupsDeterministicAndIgnoresUnknownIDs(t *testing.T) {
	arts := loadSeeds(t)
	pairs := []Pair{{A: "000", B: "001", Relation: storyline.SharesWire}, {A: "zzz", B: "003", Relation: storyline.Exact}}
	g1 := Groups(arts, pairs)
	g2 := Groups([]storyline.Article{arts[4], arts[1], arts[0], arts[3], arts[2]}, pairs)
	if len(g1) != 1 || len(g2) != 1 || g1[0].Canonical != g2[0].Canonical || g1[0].Members[0].Article != "000" {
		t.Fatalf("groups %+v vs %+v", g1, g2)
	}
}
