package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/dedup"
	"github.com/storyline-news/storyline/internal/datafile"
)

// DedupPairScore is pair precision and recall for one way of reading the
// reported pairs.
type DedupPairScore struct {
	FoundPairs int     `json:"found_pairs"`
	Precision  float64 `json:"precision"`
	Recall     float64 `json:"recall"`
}

// DedupResult scores the exact and near-duplicate pairs Storyline reports
// on a corpus against its true pairs (unordered).
//
// The headline figures score the closure: every pair of the connected
// components of the reported exact/near-duplicate pairs, which are the
// copy groups Storyline builds. Copies of one text are copies of each
// other, and two copies that were each edited a little from a common
// text can differ by twice as much as either differs from it: the direct
// test may miss them while both pair directly with the original (or with
// a third copy). Closure is sound here because exact and near-duplicate
// pairs are verified with high precision; shares-wire-text pairs are left
// out of both, since texts that share a passage are not copies of one
// another. Direct scores the verified pairs as reported.
type DedupResult struct {
	Docs       int            `json:"docs"`
	TruePairs  int            `json:"true_pairs"`
	FoundPairs int            `json:"found_pairs"`
	Precision  float64        `json:"precision"`
	Recall     float64        `json:"recall"`
	DocsPerSec float64        `json:"docs_per_sec"`
	Direct     DedupPairScore `json:"direct"`
	// WireFound counts the shares-wire-text pairs reported (not scored).
	WireFound int `json:"wire_found"`
}

// Dedup indexes the documents of docsPath (JSON Lines of {"id","text"},
// gzip when it ends in .gz) in file order and scores the pairs against
// pairsPath (id TAB id per line, further columns ignored).
func Dedup(docsPath, pairsPath string) (DedupResult, error) {
	var res DedupResult
	truth, err := dedupReadPairs(pairsPath)
	if err != nil {
		return res, err
	}
	res.TruePairs = len(truth)
	ix := dedup.NewIndex()
	var found [][2]string
	var elapsed time.Duration
	// Documents reach the index in batches through AddBatch (parallel
	// analysis, search in file order: the same pairs as Add one by one).
	var ids, texts []string
	flush := func() {
		start := time.Now()
		results := ix.AddBatch(ids, texts)
		elapsed += time.Since(start)
		for _, pairs := range results {
			for _, p := range pairs {
				if p.Relation == storyline.SharesWire {
					res.WireFound++
					continue
				}
				found = append(found, dedupKey(p.A, p.B))
			}
		}
		ids, texts = ids[:0], texts[:0]
	}
	err = dedupReadDocs(docsPath, func(id, text string) {
		res.Docs++
		ids = append(ids, id)
		texts = append(texts, text)
		if len(ids) == dedupEvalBatch {
			flush()
		}
	})
	if err != nil {
		return res, err
	}
	flush()
	if elapsed > 0 {
		res.DocsPerSec = float64(res.Docs) / elapsed.Seconds()
	}
	res.Direct = dedupScore(truth, dedupUnique(found))
	closure := dedupScore(truth, dedupClosure(found))
	res.FoundPairs, res.Precision, res.Recall = closure.FoundPairs, closure.Precision, closure.Recall
	return res, nil
}

// dedupEvalBatch is how many documents go to AddBatch at a time.
const dedupEvalBatch = 4096

func dedupKey(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

func dedupUnique(pairs [][2]string) map[[2]string]bool {
	set := make(map[[2]string]bool, len(pairs))
	for _, p := range pairs {
		if p[0] != p[1] {
			set[p] = true
		}
	}
	return set
}

// dedupClosure returns every pair inside the connected components.
func dedupClosure(pairs [][2]string) map[[2]string]bool {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	for _, p := range pairs {
		if a, b := find(p[0]), find(p[1]); a != b {
			parent[a] = b
		}
	}
	members := map[string][]string{}
	seen := map[string]bool{}
	for _, p := range pairs {
		for _, x := range p {
			if !seen[x] {
				seen[x] = true
				members[find(x)] = append(members[find(x)], x)
			}
		}
	}
	set := map[[2]string]bool{}
	for _, ms := range members {
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				set[dedupKey(ms[i], ms[j])] = true
			}
		}
	}
	return set
}

func dedupScore(truth, found map[[2]string]bool) DedupPairScore {
	s := DedupPairScore{FoundPairs: len(found)}
	tp := 0
	for p := range found {
		if truth[p] {
			tp++
		}
	}
	if len(found) > 0 {
		s.Precision = float64(tp) / float64(len(found))
	}
	if len(truth) > 0 {
		s.Recall = float64(tp) / float64(len(truth))
	}
	return s
}

func dedupReadPairs(path string) (map[[2]string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval dedup: %w", err)
	}
	defer f.Close()
	truth := map[[2]string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) < 2 {
			return nil, fmt.Errorf("eval dedup: %s:%d: want id<TAB>id", path, line)
		}
		if a, b := strings.TrimSpace(cols[0]), strings.TrimSpace(cols[1]); a != b {
			truth[dedupKey(a, b)] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval dedup: %s: %w", path, err)
	}
	return truth, nil
}

func dedupReadDocs(path string, fn func(id, text string)) error {
	r, err := datafile.Open(path)
	if err != nil {
		return fmt.Errorf("eval dedup: %w", err)
	}
	defer r.Close()
	dec := json.NewDecoder(r)
	for n := 1; ; n++ {
		var rec struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := dec.Decode(&rec); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("eval dedup: %s: record %d: %w", path, n, err)
		}
		if rec.ID == "" {
			return fmt.Errorf("eval dedup: %s: record %d has no id", path, n)
		}
		fn(rec.ID, rec.Text)
	}
}
