package bench

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/dedup"
)

// dedupBenchCorpus generates n documents of the near-duplicate corpus in
// memory, skipping when the shared dev data is absent.
func dedupBenchCorpus(b testing.TB, n int) (ids, texts []string) {
	b.Helper()
	dir := filepath.Join("..", "..", "shared", "data")
	if _, err := os.Stat(dir); err != nil {
		b.Skip("shared data not found")
	}
	pool, err := LoadDedupPool(dir)
	if err != nil {
		b.Fatal(err)
	}
	GenerateDedupCorpus(pool, DedupGenOptions{Docs: n, Seed: 1}, func(doc int, text string) {
		ids = append(ids, dedupgenID(doc))
		texts = append(texts, text)
	})
	return ids, texts
}

// BenchmarkDedupCorpusAdd measures Index.Add over the generated corpus
// (copies, near-duplicates and wire rewrites among singletons): one op is
// one document, indexed in corpus order into an index of up to 20k.
func BenchmarkDedupCorpusAdd(b *testing.B) {
	const n = 20000
	ids, texts := dedupBenchCorpus(b, n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := dedupCPUTime()
	var ix *dedup.Index
	for i := 0; i < b.N; i++ {
		if i%n == 0 {
			b.StopTimer()
			ix = dedup.NewIndex()
			b.StartTimer()
		}
		ix.Add(ids[i%n], texts[i%n])
	}
	dedupReportCPU(b, dedupCPUTime()-cpu)
}

func dedupReportCPU(b *testing.B, d interface{ Seconds() float64 }) {
	if s := d.Seconds(); s > 0 {
		b.ReportMetric(s*1e9/float64(b.N), "cpu-ns/op")
		b.ReportMetric(float64(b.N)/s, "ops/cpu-s")
	}
}

// BenchmarkDedupCorpusAddBatch is BenchmarkDedupCorpusAdd through
// AddBatch in batches of 4096: analysis in parallel, search in order.
func BenchmarkDedupCorpusAddBatch(b *testing.B) {
	const n, batch = 20000, 4096
	ids, texts := dedupBenchCorpus(b, n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := dedupCPUTime()
	var ix *dedup.Index
	for done := 0; done < b.N; {
		i := done % n
		if i == 0 {
			b.StopTimer()
			ix = dedup.NewIndex()
			b.StartTimer()
		}
		k := min(batch, n-i, b.N-done)
		ix.AddBatch(ids[i:i+k], texts[i:i+k])
		done += k
	}
	dedupReportCPU(b, dedupCPUTime()-cpu)
}
