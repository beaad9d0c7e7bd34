package dedup

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storyline-news/storyline/textutil"
)

// benchTexts returns n distinct ~3 KB texts drawn from a unigram model
// of the seed articles (words at their natural frequencies), in sentences
// of 12-30 words and paragraphs of three sentences.
func benchTexts(b *testing.B, n int) []string {
	var vocab []string
	for _, a := range loadSeeds(b) {
		vocab = append(vocab, textutil.Words(a.Text)...)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	out := make([]string, n)
	for i := range out {
		var sb strings.Builder
		for k := 0; sb.Len() < 3000; k++ {
			words := make([]string, 12+rng.IntN(19))
			for j := range words {
				words[j] = vocab[rng.IntN(len(vocab))]
			}
			words[0] = strings.ToUpper(words[0][:1]) + words[0][1:]
			sb.WriteString(strings.Join(words, " "))
			if k%3 == 2 {
				sb.WriteString(".\n\n")
			} else {
				sb.WriteString(". ")
			}
		}
		out[i] = sb.String()
	}
	return out
}

// BenchmarkSignature measures the per-text hot path: normalising and
// tokenising a ~3 KB text, its shingles and its one-permutation MinHash.
func BenchmarkSignature(b *testing.B) {
	texts := benchTexts(b, 64)
	var an analyzer
	var sk sketch
	b.SetBytes(int64(len(texts[0])))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		f := an.analyze(texts[i%len(texts)])
		signature(f.shingles, &sk)
	}
	reportCPU(b, cpu)
}

// BenchmarkPrepare measures everything AddBatch does per text in its
// parallel stage: BenchmarkSignature plus band keys, sentence hashes, the
// shingle set and the sentence views verification compares.
func BenchmarkPrepare(b *testing.B) {
	texts := benchTexts(b, 64)
	var p prepared
	b.SetBytes(int64(len(texts[0])))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		p.prepare(texts[i%len(texts)])
	}
	reportCPU(b, cpu)
}

// BenchmarkIndexAddBatch is BenchmarkIndexAdd through AddBatch (batches
// of 1024): the analysis runs on all CPUs.
func BenchmarkIndexAddBatch(b *testing.B) {
	texts := benchTexts(b, 20000+b.N)
	ids := make([]string, len(texts))
	for i := range ids {
		ids[i] = fmt.Sprint(i)
	}
	ix := NewIndex()
	ix.InsertBatch(ids[:20000], texts[:20000])
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 20000; i < len(texts); i += 1024 {
		end := min(i+1024, len(texts))
		ix.AddBatch(ids[i:end], texts[i:end])
	}
	reportCPU(b, cpu)
}

// BenchmarkIndexAdd measures Add (search, verification, insertion) on an
// index that already holds 20k texts.
func BenchmarkIndexAdd(b *testing.B) {
	texts := benchTexts(b, 20000+b.N)
	ix := NewIndex()
	for i, t := range texts[:20000] {
		ix.Insert(fmt.Sprint(i), t)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		ix.Add("q", texts[20000+i])
	}
	reportCPU(b, cpu)
}

// cpuTime is the process CPU time; benchmarks report CPU ns per op and
// ops per CPU second besides wall time, which other load on a shared
// machine inflates.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	if d := cpuTime() - start; d > 0 {
		b.ReportMetric(float64(d.Nanoseconds())/float64(b.N), "cpu-ns/op")
		b.ReportMetric(float64(b.N)/d.Seconds(), "ops/cpu-s")
	}
}
