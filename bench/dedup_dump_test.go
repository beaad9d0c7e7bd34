package bench

import (
	"fmt"
	"hash/fnv"
	"os"
	"strconv"
	"testing"

	"github.com/storyline-news/storyline/dedup"
)

func TestDedupDumpTmp(t *testing.T) {
	out := os.Getenv("DEDUP_DUMP")
	if out == "" {
		t.Skip()
	}
	n, _ := strconv.Atoi(os.Getenv("DEDUP_DOCS"))
	ids, texts := dedupBenchCorpus(t, n)
	h := fnv.New64a()
	for _, s := range texts {
		h.Write([]byte(s))
	}
	t.Logf("corpus hash %x", h.Sum64())
	f, _ := os.Create(out)
	defer f.Close()
	ix := dedup.NewIndex()
	res := ix.AddBatch(ids, texts)
	seq := dedup.NewIndex()
	for i := range ids {
		if fmt.Sprint(seq.Add(ids[i], texts[i])) != fmt.Sprint(res[i]) {
			t.Errorf("doc %d differs", i)
		}
		for _, p := range res[i] {
			fmt.Fprintf(f, "%s %s %s %.6f %.6f %.6f\n", p.A, p.B, p.Relation, p.Jaccard, p.Containment, p.Overlap)
		}
	}
}
