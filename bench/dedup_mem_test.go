package bench

import (
	"github.com/storyline-news/storyline/dedup"
	"testing"
)

func TestDedupMemTmp(t *testing.T) {
	ids, texts := dedupBenchCorpus(t, 100000)
	ix := dedup.NewIndex()
	ix.AddBatch(ids, texts)
	m := ix.Memory()
	t.Logf("%+v per doc: docs %d bands %d sent %d words %d sig %d ids %d", m, m.Docs/1e5, m.Bands/1e5, m.Sentences/1e5, m.Words/1e5, m.Signatures/1e5, m.IDs/1e5)
}
