package dedup

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

// editWords replaces a share of the words of text, deterministically.
func editWords(text string, rate float64, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, seed))
	var out []string
	for _, line := range strings.Split(text, "\n") {
		words := strings.Fields(line)
		for i := range words {
			if rng.Float64() < rate {
				words[i] = "edited"
			}
		}
		out = append(out, strings.Join(words, " "))
	}
	return strings.Join(out, "\n")
}

func TestIndexFindsExactAndNearCopies(t *testing.T) {
	seeds := loadSeeds(t)
	base := seeds[3].Text
	ix := NewIndex()
	if ps := ix.Add("base", base); len(ps) != 0 {
		t.Fatalf("first text paired: %+v", ps)
	}
	retyped := strings.ToUpper(strings.ReplaceAll(base, "\n\n", "\n")) + "  "
	ps := ix.Add("exact", retyped)
	if len(ps) == 0 || ps[0].Relation != storyline.Exact || ps[0].A != "base" || ps[0].B != "exact" {
		t.Fatalf("exact copy: %+v", ps)
	}
	paras := strings.Split(base, "\n\n")
	near := editWords(strings.Join(paras[:len(paras)-1], "\n\n"), 0.05, 7) + "\n\nAdvertisement"
	ps = ix.Add("near", near)
	rels := map[string]storyline.Relation{}
	for _, p := range ps {
		rels[p.A] = p.Relation
	}
	if rels["base"] != storyline.NearDuplicate || rels["exact"] != storyline.NearDuplicate {
		t.Fatalf("near copy: %+v", ps)
	}
	if ps := ix.Add("other", seeds[2].Text); len(ps) != 0 {
		t.Fatalf("unrelated text paired: %+v", ps)
	}
	if ix.Len() != 4 {
		t.Fatalf("Len = %d", ix.Len())
	}
}

func TestInsertThenAddMatchesAddOnly(t *testing.T) {
	seeds := loadSeeds(t)
	a, b := NewIndex(), NewIndex()
	for _, s := range seeds[:4] {
		a.Add(s.ID, s.Text)
		b.Insert(s.ID, s.Text)
	}
	pa, pb := a.Add("new", seeds[4].Text), b.Add("new", seeds[4].Text)
	if !reflect.DeepEqual(pa, pb) || len(pa) != 1 || pa[0].A != "002" {
		t.Fatalf("Add after Add %+v, after Insert %+v", pa, pb)
	}
}

func TestIndexHandlesOddTexts(t *testing.T) {
	ix := NewIndex()
	for i, s := range []string{"", "   ", "one", "\xff\xfe", strings.Repeat("word ", 40000)} {
		ix.Add(string(rune('a'+i)), s)
	}
	if ps := ix.Add("z", ""); len(ps) != 1 || ps[0].Relation != storyline.Exact {
		t.Fatalf("empty text should be an exact copy of the first empty text: %+v", ps)
	}
}

func TestEstimateJaccardTracksExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, share := range []float64{0, 0.3, 0.6, 0.9} {
		var a, b []uint32
		for i := 0; i < 600; i++ {
			x := rng.Uint32()
			a = append(a, x)
			if rng.Float64() < share {
				b = append(b, x)
			} else {
				b = append(b, rng.Uint32())
			}
		}
		var sa, sb sketch
		signature(a, &sa)
		signature(b, &sb)
		var ba, bb [sketchBins]byte
		sa.bbits(ba[:])
		sb.bbits(bb[:])
		slicesA, slicesB := shingleSorted(a), shingleSorted(b)
		j, _ := similarity(slicesA, slicesB)
		if est := estimateJaccard(ba[:], bb[:]); est < j-0.12 || est > j+0.12 {
			t.Errorf("share %.1f: estimate %.3f, exact %.3f", share, est, j)
		}
	}
}

func shingleSorted(x []uint32) []uint32 {
	f := features{shingles: append([]uint32(nil), x...)}
	f.sortShingles()
	return f.shingles
}
