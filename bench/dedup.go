package bench

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	minhashlsh "github.com/ekzhu/minhash-lsh"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/dedup"
)

// DedupOptions configures the near-duplicate benchmark.
type DedupOptions struct {
	Docs    int
	Seed    uint64
	DataDir string // holds extraction-dev/ and stories-dev/
	// Exe, when set, is a storyline binary: each side then runs in its own
	// process ("bench dedup --side ..."), so that each peak RSS is its own.
	Exe string
}

// DedupScore is pair precision and recall.
type DedupScore struct {
	Found     int     `json:"found_pairs"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
}

// DedupSide is one system's result on the generated corpus. Precision and
// recall score the closure of the exact + near-duplicate pairs it reports
// (all pairs of their connected components) against the copy-family
// pairs, as Closure does; Direct scores the reported pairs themselves. Wire scores shares-wire-text:
// recall over the wire-family pairs (reported with any relation) and
// precision of the reported shares-wire-text pairs (true if a pair of
// either kind).
type DedupSide struct {
	Docs       int     `json:"docs"`
	Pairs      int     `json:"pairs"`
	Found      int     `json:"found_pairs"`
	Precision  float64 `json:"precision"`
	Recall     float64 `json:"recall"`
	DocsPerSec float64 `json:"docs_per_sec"`
	// DocsPerCPUSec divides by the process CPU time of the side's work
	// (generation excluded), which other load on the machine does not skew.
	DocsPerCPUSec float64 `json:"docs_per_cpu_sec"`
	PeakRSSMB     float64 `json:"peak_rss_mb"`
	HeapMB        float64 `json:"heap_inuse_mb"`
	// HeapLiveMB is the heap still allocated after a forced collection at
	// the end (the index itself, plus the truth pairs): what the index
	// costs to keep, whereas HeapMB and PeakRSSMB include garbage the
	// collector had not yet reclaimed.
	HeapLiveMB float64    `json:"heap_live_mb"`
	Closure    DedupScore `json:"closure"`
	Direct     DedupScore `json:"direct"`
	WirePairs  int        `json:"wire_pairs,omitempty"`
	Wire       DedupScore `json:"wire"`
}

// DedupResult compares Storyline's index with the ekzhu/minhash-lsh
// pipeline on the same corpus, shingles and parameters.
type DedupResult struct {
	DedupSide
	Baseline DedupSide `json:"baseline"`
}

// Baseline parameters: ekzhu/minhash-lsh with 128 hash functions at
// threshold 0.5 (its own optimal bands), the same shingles, and pairs
// accepted at an estimated Jaccard index of 0.5.
const (
	// dedupBatch is how many documents the Storyline side hands to
	// AddBatch at a time.
	dedupBatch = 8192

	dedupBaselineHashes    = 128
	dedupBaselineThreshold = 0.5
)

// Dedup runs both sides, each in a subprocess when opts.Exe is set, else
// one after the other in this process (Storyline's index is dropped and
// garbage collected first; peak RSS is then shared, heap in use is not).
func Dedup(opts DedupOptions) (DedupResult, error) {
	var res DedupResult
	var err error
	if opts.Exe != "" {
		if res.DedupSide, err = dedupSubprocess(opts, "storyline"); err != nil {
			return res, err
		}
		res.Baseline, err = dedupSubprocess(opts, "baseline")
		return res, err
	}
	if res.DedupSide, err = DedupRunSide(opts, "storyline"); err != nil {
		return res, err
	}
	runtime.GC()
	res.Baseline, err = DedupRunSide(opts, "baseline")
	return res, err
}

func dedupSubprocess(opts DedupOptions, side string) (DedupSide, error) {
	cmd := exec.Command(opts.Exe, "bench", "dedup", "--side", side, "--json",
		"--docs", strconv.Itoa(opts.Docs), "--seed", strconv.FormatUint(opts.Seed, 10), "--data", opts.DataDir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return DedupSide{}, fmt.Errorf("bench dedup: %s side: %w: %s", side, err, stderr.String())
	}
	var s DedupSide
	if err := json.Unmarshal(out, &s); err != nil {
		return DedupSide{}, fmt.Errorf("bench dedup: %s side output: %w", side, err)
	}
	return s, nil
}

// DedupRunSide generates the corpus and runs one side ("storyline" or
// "baseline") on it. Only the side's own work is timed, not generation.
func DedupRunSide(opts DedupOptions, side string) (DedupSide, error) {
	pool, err := LoadDedupPool(opts.DataDir)
	if err != nil {
		return DedupSide{}, err
	}
	var found, wire [][2]int
	var elapsed, cpu time.Duration
	var truth []DedupTruth
	var keep any
	switch side {
	case "storyline":
		// The texts reach the index in batches through AddBatch, as a
		// streaming pipeline would feed it: analysis runs in parallel,
		// search and insertion in corpus order.
		ix := dedup.NewIndex()
		var batchIDs, batchTexts []string
		var batchDocs []int
		flush := func() {
			start, startCPU := time.Now(), dedupCPUTime()
			res := ix.AddBatch(batchIDs, batchTexts)
			dedupLimitMemory(ix)
			elapsed += time.Since(start)
			cpu += dedupCPUTime() - startCPU
			for k, pairs := range res {
				for _, p := range pairs {
					pr := [2]int{dedupgenNum(p.A), batchDocs[k]}
					if p.Relation == storyline.SharesWire {
						wire = append(wire, pr)
					} else {
						found = append(found, pr)
					}
				}
			}
			batchIDs, batchTexts, batchDocs = batchIDs[:0], batchTexts[:0], batchDocs[:0]
		}
		truth = GenerateDedupCorpus(pool, DedupGenOptions{Docs: opts.Docs, Seed: opts.Seed}, func(doc int, text string) {
			batchIDs = append(batchIDs, dedupgenID(doc))
			batchTexts = append(batchTexts, text)
			batchDocs = append(batchDocs, doc)
			if len(batchTexts) == dedupBatch {
				flush()
			}
		})
		flush()
		keep = ix
	case "baseline":
		b := newDedupBaseline()
		truth = GenerateDedupCorpus(pool, DedupGenOptions{Docs: opts.Docs, Seed: opts.Seed}, func(doc int, text string) {
			start, startCPU := time.Now(), dedupCPUTime()
			b.add(text)
			elapsed += time.Since(start)
			cpu += dedupCPUTime() - startCPU
		})
		start, startCPU := time.Now(), dedupCPUTime()
		found = b.pairs()
		elapsed += time.Since(start)
		cpu += dedupCPUTime() - startCPU
		keep = b
	default:
		return DedupSide{}, fmt.Errorf("bench dedup: unknown side %q", side)
	}
	s := dedupScoreSide(opts.Docs, truth, found, wire)
	if elapsed > 0 {
		s.DocsPerSec = float64(opts.Docs) / elapsed.Seconds()
	}
	if cpu > 0 {
		s.DocsPerCPUSec = float64(opts.Docs) / cpu.Seconds()
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	s.HeapMB = float64(ms.HeapInuse) / (1 << 20)
	s.PeakRSSMB = dedupPeakRSSMB()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	s.HeapLiveMB = float64(ms.HeapAlloc) / (1 << 20)
	runtime.KeepAlive(keep)
	return s, nil
}

// dedupMemoryHeadroom is the heap allowed beyond the index's own before
// the collector runs early: at least dedupMinHeadroom, or an eighth of the
// index.
const dedupMinHeadroom = 256 << 20

// dedupLimitMemory sets a soft memory limit just above what the index
// holds, unless the user set GOMEMLIMIT. The index is large and long-lived
// while the garbage (texts, generated corpus) is small and short-lived:
// with the default GOGC=100 alone, the heap would grow to twice the index
// (a 1M-document run peaked at 3.1 GB RSS for a 1.64 GB index) before a
// collection; with the limit the collector runs when the garbage reaches
// the headroom, which costs little CPU as the index holds few pointers.
func dedupLimitMemory(ix *dedup.Index) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	n := ix.MemoryBytes()
	debug.SetMemoryLimit(n + max(n/8, dedupMinHeadroom))
}

// dedupBaseline is the ekzhu/minhash-lsh pipeline: a 128-function MinHash
// per text, all added to the LSH, indexed, then each text queried and its
// earlier candidates accepted by estimated Jaccard.
type dedupBaseline struct {
	sigs [][]uint64
}

func newDedupBaseline() *dedupBaseline { return &dedupBaseline{} }

func (b *dedupBaseline) add(text string) {
	mh := minhashlsh.NewMinhash(1, dedupBaselineHashes)
	var buf [4]byte
	for _, sh := range dedup.Shingles(text) {
		binary.BigEndian.PutUint32(buf[:], sh)
		mh.Push(buf[:])
	}
	b.sigs = append(b.sigs, mh.Signature())
}

func (b *dedupBaseline) pairs() [][2]int {
	lsh := minhashlsh.NewMinhashLSH64(dedupBaselineHashes, dedupBaselineThreshold)
	for i, sig := range b.sigs {
		lsh.Add(i, sig)
	}
	lsh.Index()
	var out [][2]int
	for i, sig := range b.sigs {
		for _, key := range lsh.Query(sig) {
			j := key.(int)
			if j >= i {
				continue
			}
			equal := 0
			for k, v := range sig {
				if b.sigs[j][k] == v {
					equal++
				}
			}
			if float64(equal)/float64(len(sig)) >= dedupBaselineThreshold {
				out = append(out, [2]int{j, i})
			}
		}
	}
	return out
}

func dedupgenID(doc int) string { return fmt.Sprintf("d%07d", doc) }

func dedupgenNum(id string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(id, "d"))
	return n
}

// dedupScoreSide scores found (exact/near) and wire pairs against truth.
func dedupScoreSide(docs int, truth []DedupTruth, found, wire [][2]int) DedupSide {
	kinds := make(map[[2]int]string, len(truth))
	s := DedupSide{Docs: docs}
	for _, t := range truth {
		kinds[dedupOrder(t.A, t.B)] = t.Kind
		if t.Kind == DedupKindCopy {
			s.Pairs++
		} else {
			s.WirePairs++
		}
	}
	// The headline scores the closure, as `eval dedup` does (two copies of
	// one original are copies of each other); Direct keeps the pairs as
	// reported, for both sides alike.
	direct, _ := DedupScorePairs(kinds, DedupKindCopy, s.Pairs, found)
	s.Direct = direct
	s.Closure = DedupScoreClosure(kinds, DedupKindCopy, s.Pairs, found)
	s.Found, s.Precision, s.Recall = s.Closure.Found, s.Closure.Precision, s.Closure.Recall
	// Wire: precision of reported wire pairs against any true pair, recall
	// of wire-family pairs reported with any relation.
	wp, _ := DedupScorePairs(kinds, "", s.WirePairs, wire)
	s.Wire.Found, s.Wire.Precision = wp.Found, wp.Precision
	hit := 0
	seen := map[[2]int]bool{}
	for _, p := range append(append([][2]int(nil), found...), wire...) {
		k := dedupOrder(p[0], p[1])
		if kinds[k] == DedupKindWire && !seen[k] {
			seen[k] = true
			hit++
		}
	}
	if s.WirePairs > 0 {
		s.Wire.Recall = float64(hit) / float64(s.WirePairs)
	}
	return s
}

func dedupOrder(a, b int) [2]int {
	if a > b {
		a, b = b, a
	}
	return [2]int{a, b}
}

// DedupScorePairs scores unordered found pairs against kinds: a found
// pair is right when kinds has it (of kind want, or of any kind when want
// is ""); recall is over total true pairs. It also returns the found set.
func DedupScorePairs(kinds map[[2]int]string, want string, total int, found [][2]int) (DedupScore, map[[2]int]bool) {
	set := map[[2]int]bool{}
	tp := 0
	for _, p := range found {
		k := dedupOrder(p[0], p[1])
		if set[k] || k[0] == k[1] {
			continue
		}
		set[k] = true
		if kind, ok := kinds[k]; ok && (want == "" || kind == want) {
			tp++
		}
	}
	s := DedupScore{Found: len(set)}
	if len(set) > 0 {
		s.Precision = float64(tp) / float64(len(set))
	}
	if total > 0 {
		s.Recall = float64(tp) / float64(total)
	}
	return s, set
}

// DedupScoreClosure scores every pair of the connected components of the
// found pairs.
func DedupScoreClosure(kinds map[[2]int]string, want string, total int, found [][2]int) DedupScore {
	parent := map[int]int{}
	var find func(int) int
	find = func(x int) int {
		if parent[x] == x {
			return x
		}
		r := find(parent[x])
		parent[x] = r
		return r
	}
	for _, p := range found {
		for _, x := range p {
			if _, ok := parent[x]; !ok {
				parent[x] = x
			}
		}
	}
	for _, p := range found {
		if a, b := find(p[0]), find(p[1]); a != b {
			parent[a] = b
		}
	}
	size := map[int]int{}
	for x := range parent {
		size[find(x)]++
	}
	predicted := 0
	for _, n := range size {
		predicted += n * (n - 1) / 2
	}
	tp := 0
	for k, kind := range kinds {
		if kind != want || k[0] == k[1] {
			continue
		}
		_, okA := parent[k[0]]
		_, okB := parent[k[1]]
		if okA && okB && find(k[0]) == find(k[1]) {
			tp++
		}
	}
	s := DedupScore{Found: predicted}
	if predicted > 0 {
		s.Precision = float64(tp) / float64(predicted)
	}
	if total > 0 {
		s.Recall = float64(tp) / float64(total)
	}
	return s
}

// dedupPeakRSSMB reads the process's peak resident set (VmHWM) from
// /proc/self/status, 0 where there is none.
func dedupPeakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// WriteDedupCorpus writes the generated corpus to dir as docs.jsonl.gz
// ({"id","text"} per line), pairs.tsv (true exact/near-duplicate pairs,
// id TAB id TAB kind) and wire-pairs.tsv, for `storyline eval dedup`.
func WriteDedupCorpus(dir string, opts DedupOptions) (docs, pairs int, err error) {
	pool, err := LoadDedupPool(opts.DataDir)
	if err != nil {
		return 0, 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, fmt.Errorf("write dedup corpus: %w", err)
	}
	f, err := os.Create(filepath.Join(dir, "docs.jsonl.gz"))
	if err != nil {
		return 0, 0, fmt.Errorf("write dedup corpus: %w", err)
	}
	defer f.Close()
	zw := gzip.NewWriter(f)
	enc := json.NewEncoder(zw)
	var werr error
	truth := GenerateDedupCorpus(pool, DedupGenOptions{Docs: opts.Docs, Seed: opts.Seed}, func(doc int, text string) {
		if werr == nil {
			werr = enc.Encode(map[string]string{"id": dedupgenID(doc), "text": text})
		}
		docs++
	})
	if werr == nil {
		werr = zw.Close()
	}
	if werr != nil {
		return 0, 0, fmt.Errorf("write dedup corpus: %w", werr)
	}
	for _, kind := range []string{DedupKindCopy, DedupKindWire} {
		name := "pairs.tsv"
		if kind == DedupKindWire {
			name = "wire-pairs.tsv"
		}
		out, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return 0, 0, fmt.Errorf("write dedup corpus: %w", err)
		}
		w := bufio.NewWriter(out)
		for _, t := range truth {
			if t.Kind == kind {
				fmt.Fprintf(w, "%s\t%s\t%s\n", dedupgenID(t.A), dedupgenID(t.B), t.Kind)
				if kind == DedupKindCopy {
					pairs++
				}
			}
		}
		if err := w.Flush(); err != nil {
			out.Close()
			return 0, 0, fmt.Errorf("write dedup corpus: %w", err)
		}
		if err := out.Close(); err != nil {
			return 0, 0, fmt.Errorf("write dedup corpus: %w", err)
		}
	}
	return docs, pairs, f.Close()
}
