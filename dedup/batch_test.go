package dedup

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// batchCorpus makes texts from the seed articles with copies among them:
// each seed, its paragraphs recombined, and near copies with word edits,
// enough texts for several of AddBatch's chunks.
func batchCorpus(t *testing.T) (ids, texts []string) {
	seeds := loadSeeds(t)
	add := func(text string) {
		ids = append(ids, fmt.Sprintf("t%04d", len(ids)))
		texts = append(texts, text)
	}
	for round := 0; len(texts) < max(5*batchRing+17, 700); round++ {
		for i, s := range seeds {
			paras := strings.Split(s.Text, "\n\n")
			switch round % 4 {
			case 0:
				add(s.Text)
			case 1:
				add(editWords(s.Text, 0.05, uint64(round*10+i)))
			case 2:
				// A paragraph of this seed and one of the next: shares
				// passages with both.
				other := strings.Split(seeds[(i+1)%len(seeds)].Text, "\n\n")
				add(paras[round%len(paras)] + "\n\n" + other[round%len(other)])
			default:
				add(editWords(strings.Join(paras[:max(1, len(paras)-1-round%3)], "\n\n"), 0.3, uint64(round*7+i)))
			}
		}
		add("")
		add(fmt.Sprintf("Short note number %d.", round))
	}
	return ids, texts
}

// TestAddBatchMatchesAdd proves AddBatch returns exactly what sequential
// Add returns, text by text, with the parallel analysis in use.
func TestAddBatchMatchesAdd(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	ids, texts := batchCorpus(t)
	seq := NewIndex()
	want := make([][]Pair, len(ids))
	found := 0
	for i := range ids {
		want[i] = seq.Add(ids[i], texts[i])
		found += len(want[i])
	}
	if found < len(ids)/2 {
		t.Fatalf("corpus too easy to prove anything: %d pairs for %d texts", found, len(ids))
	}
	// Two batches, the second against what the first indexed, then a
	// plain Add: all three paths must agree.
	bat := NewIndex()
	split := 3*batchRing + 5
	got := append(bat.AddBatch(ids[:split], texts[:split]), bat.AddBatch(ids[split:len(ids)-1], texts[split:len(ids)-1])...)
	got = append(got, bat.Add(ids[len(ids)-1], texts[len(ids)-1]))
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("text %d: AddBatch %+v, Add %+v", i, got[i], want[i])
		}
	}
	if bat.Len() != seq.Len() {
		t.Fatalf("Len %d, want %d", bat.Len(), seq.Len())
	}
}

// TestInsertBatchMatchesInsert checks that an index rebuilt with
// InsertBatch answers as one rebuilt with Insert.
func TestInsertBatchMatchesInsert(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	ids, texts := batchCorpus(t)
	n := len(ids) - 20
	a, b := NewIndex(), NewIndex()
	for i := range n {
		a.Insert(ids[i], texts[i])
	}
	b.InsertBatch(ids[:n], texts[:n])
	for i := n; i < len(ids); i++ {
		pa, pb := a.Add(ids[i], texts[i]), b.Add(ids[i], texts[i])
		if !reflect.DeepEqual(pa, pb) {
			t.Fatalf("text %d: after InsertBatch %+v, after Insert %+v", i, pb, pa)
		}
	}
}

func TestAddBatchUnevenInput(t *testing.T) {
	ix := NewIndex()
	if got := ix.AddBatch([]string{"a", "b"}, []string{"one text"}); len(got) != 1 || ix.Len() != 1 {
		t.Fatalf("AddBatch with more ids than texts: %d results, Len %d", len(got), ix.Len())
	}
	if got := ix.AddBatch(nil, nil); len(got) != 0 {
		t.Fatalf("empty batch: %v", got)
	}
}
