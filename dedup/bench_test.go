package dedup

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
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

// searchCorpus returns n texts for the search-stage benchmark: new texts
// mixed with copies of earlier ones, near copies (5% of words edited) and
// trimmed, more heavily edited copies that need a sentence alignment, so
// that the search meets candidates as on a news stream.
func searchCorpus(b *testing.B, n int) []string {
	fresh := benchTexts(b, n)
	rng := rand.New(rand.NewPCG(2, 2))
	out := make([]string, n)
	for i := range out {
		if i < 1000 {
			out[i] = fresh[i]
			continue
		}
		src := out[rng.IntN(i)]
		switch r := rng.IntN(6); r {
		case 0, 1:
			out[i] = editWords(src, 0.05, uint64(i))
		case 2:
			paras := strings.Split(src, "\n\n")
			out[i] = editWords(strings.Join(paras[:max(1, len(paras)-1)], "\n\n"), 0.2, uint64(i))
		default:
			out[i] = fresh[i]
		}
	}
	return out
}

// BenchmarkIndexSearch measures the sequential stage of AddBatch alone
// (search, verification and insertion of an analysed text) on an index
// that grows from empty; the analysis runs off the clock. cpu-ns/op is
// the CPU time of that stage per text. With STORYLINE_DEDUP_CORPUS naming
// a docs.jsonl.gz written by "storyline bench dedup --write DIR", it runs
// on that corpus (-benchtime 200000x for all of a 200k corpus); otherwise
// on searchCorpus after 20k texts indexed off the clock.
func BenchmarkIndexSearch(b *testing.B) {
	const chunk = 512
	next, base := searchSource(b)
	ix := NewIndex()
	ring := make([]prepared, chunk)
	ids, texts := make([]string, chunk), make([]string, chunk)
	fill := func(n int) int {
		k := 0
		for ; k < n; k++ {
			var ok bool
			if ids[k], texts[k], ok = next(); !ok {
				break
			}
		}
		return k
	}
	for done := 0; done < base; done += chunk {
		n := fill(min(chunk, base-done))
		ix.InsertBatch(ids[:n], texts[:n])
	}
	b.ReportAllocs()
	b.ResetTimer()
	var cpu time.Duration
	for done := 0; done < b.N; {
		b.StopTimer()
		n := fill(min(chunk, b.N-done))
		if n == 0 {
			b.Fatalf("corpus ran out after %d texts", done)
		}
		for k := range n {
			ring[k].prepare(texts[k])
		}
		b.StartTimer()
		start := cpuTime()
		for k := range n {
			ix.search(ids[k], &ring[k])
			ix.insert(ids[k], &ring[k])
		}
		cpu += cpuTime() - start
		done += n
	}
	b.StopTimer()
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// searchSource returns BenchmarkIndexSearch's texts, one at a time, and
// how many of them to index before the clock starts.
func searchSource(b *testing.B) (next func() (id, text string, ok bool), base int) {
	if path := os.Getenv("STORYLINE_DEDUP_CORPUS"); path != "" {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { f.Close() })
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(zr)
		sc.Buffer(nil, 1<<26)
		return func() (string, string, bool) {
			if !sc.Scan() {
				return "", "", false
			}
			var doc struct{ ID, Text string }
			if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
				b.Fatal(err)
			}
			return doc.ID, doc.Text, true
		}, 0
	}
	const start = 20000
	texts := searchCorpus(b, start+b.N)
	i := 0
	return func() (string, string, bool) {
		if i >= len(texts) {
			return "", "", false
		}
		i++
		return fmt.Sprint(i - 1), texts[i-1], true
	}, start
}
