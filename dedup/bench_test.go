package dedup

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"
)

// benchTexts returns ~3 KB texts: the seed articles, each varied by a
// counter word per paragraph so that every text is distinct.
func benchTexts(b *testing.B, n int) []string {
	seeds := loadSeeds(b)
	out := make([]string, n)
	for i := range out {
		text := seeds[i%len(seeds)].Text
		if len(text) > 3200 {
			text = text[:3200]
		}
		out[i] = strings.ReplaceAll(text, "\n\n", fmt.Sprintf(" v%d.\n\n", i))
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

// BenchmarkIndexAdd measures Add (search, verification, insertion) on an
// index that already holds 20k texts.
func BenchmarkIndexAdd(b *testing.B) {
	texts := benchTexts(b, 20000+b.N)
	ix := NewIndex()
	for _, t := range texts[:20000] {
		ix.Insert(fmt.Sprint(len(t)), t)
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
