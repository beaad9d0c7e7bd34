package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/datafile"
	"github.com/storyline-news/storyline/textutil"
)

// DedupPool is the real text the near-duplicate generator recombines:
// sentences of article bodies and headlines from the dev data sets.
type DedupPool struct {
	Sentences []string
	Headlines []string
	Words     []string // vocabulary for word substitutions
}

// LoadDedupPool reads article bodies from extraction-dev/ground-truth.json
// and texts and titles from stories-dev/*.jsonl.gz under dataDir.
func LoadDedupPool(dataDir string) (*DedupPool, error) {
	pool := &DedupPool{}
	var bodies []string
	gt, err := os.ReadFile(filepath.Join(dataDir, "extraction-dev", "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("dedup pool: %w", err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(gt, &truth); err != nil {
		return nil, fmt.Errorf("dedup pool: ground-truth.json: %w", err)
	}
	for _, v := range truth {
		bodies = append(bodies, v.ArticleBody)
	}
	files, err := filepath.Glob(filepath.Join(dataDir, "stories-dev", "*.jsonl.gz"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("dedup pool: no stories-dev/*.jsonl.gz under %s", dataDir)
	}
	for _, f := range files {
		if err := dedupgenReadJSONL(f, func(text, title string) {
			if text != "" {
				bodies = append(bodies, text)
			}
			if n := len(textutil.Words(title)); n >= 4 {
				pool.Headlines = append(pool.Headlines, strings.TrimSuffix(strings.TrimSpace(title), " ..."))
			}
		}); err != nil {
			return nil, err
		}
	}
	// Map iteration above is random: sort so the pool, and so the corpus,
	// depends on the seed only.
	slices.Sort(bodies)
	slices.Sort(pool.Headlines)
	vocab := map[string]bool{}
	for _, b := range bodies {
		for _, s := range textutil.Sentences(b) {
			n := len(textutil.Words(s))
			if n >= 6 && n <= 60 && utf8.ValidString(s) {
				pool.Sentences = append(pool.Sentences, s)
			}
			for _, w := range textutil.Words(s) {
				if len(w) >= 3 {
					vocab[w] = true
				}
			}
		}
	}
	for w := range vocab {
		pool.Words = append(pool.Words, w)
	}
	slices.Sort(pool.Words)
	if len(pool.Sentences) < 100 || len(pool.Headlines) < 10 {
		return nil, fmt.Errorf("dedup pool: too little text under %s (%d sentences)", dataDir, len(pool.Sentences))
	}
	return pool, nil
}

func dedupgenReadJSONL(path string, fn func(text, title string)) error {
	r, err := datafile.Open(path)
	if err != nil {
		return fmt.Errorf("dedup pool: %w", err)
	}
	defer r.Close()
	dec := json.NewDecoder(r)
	for {
		var rec struct {
			Text  string `json:"text"`
			Title string `json:"title"`
		}
		if err := dec.Decode(&rec); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("dedup pool: %s: %w", path, err)
		}
		fn(rec.Text, rec.Title)
	}
}

// Kinds of generated documents and truth pairs.
const (
	DedupKindCopy = "copy" // exact or near-duplicate copies of one text
	DedupKindWire = "wire" // syndicated rewrites of one wire text
)

// DedupGenOptions configures the generator.
type DedupGenOptions struct {
	Docs int
	Seed uint64
}

// DedupTruth is a known copy pair, by document number (A < B).
type DedupTruth struct {
	A, B int
	Kind string
}

// dedupgenDoc is a document waiting in the shuffle window.
type dedupgenDoc struct {
	text   string
	family int // index into pending families; -1 for singletons
}

// GenerateDedupCorpus streams a near-duplicate corpus of opts.Docs
// documents to emit (document number, text) and returns the true pairs.
// Base texts are distinct at any scale: each is spliced from random pool
// sentences, a quarter of them recombined at a comma from two sentences,
// each with one word swapped for another of the pool.
// Copy families (half the units) get a base text plus 1-3 copies, each
// exact (re-typeset) or near-duplicate: 3-7% word edits (substitutions,
// deletions, insertions, typos) plus some of a trimmed paragraph, an
// added paragraph, a furniture line, two paragraphs swapped, a reworded
// sentence. Wire units (5%) get a wire text and 2-3 rewrites that keep
// 30-65% of its sentences, reword a quarter of them, reorder and add 5-10
// of their own; the wire text itself is in the corpus half the time. Documents are
// shuffled through a window so copies are not adjacent. Deterministic for
// a given seed and pool.
func GenerateDedupCorpus(pool *DedupPool, opts DedupGenOptions, emit func(doc int, text string)) []DedupTruth {
	g := &dedupgen{pool: pool, rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x5eed))}
	const window = 4096
	var buf []dedupgenDoc
	families := map[int][]int{} // family → emitted doc numbers
	familyKind := map[int]string{}
	familyLeft := map[int]int{}
	var truth []DedupTruth
	next, fam := 0, 0
	pop := func() {
		i := g.rng.IntN(len(buf))
		d := buf[i]
		buf[i] = buf[len(buf)-1]
		buf = buf[:len(buf)-1]
		doc := next
		next++
		emit(doc, d.text)
		if d.family < 0 {
			return
		}
		for _, other := range families[d.family] {
			truth = append(truth, DedupTruth{A: other, B: doc, Kind: familyKind[d.family]})
		}
		families[d.family] = append(families[d.family], doc)
		if familyLeft[d.family]--; familyLeft[d.family] == 0 {
			delete(families, d.family)
			delete(familyKind, d.family)
			delete(familyLeft, d.family)
		}
	}
	produced := 0
	for produced < opts.Docs {
		var texts []string
		kind := ""
		switch r := g.rng.Float64(); {
		case r < 0.5:
			texts = []string{g.render(g.base())}
		case r < 0.95:
			kind = DedupKindCopy
			texts = g.copyFamily()
		default:
			kind = DedupKindWire
			texts = g.wireFamily()
		}
		if len(texts) > opts.Docs-produced {
			texts = texts[:opts.Docs-produced]
		}
		family := -1
		if len(texts) > 1 {
			family = fam
			fam++
			familyKind[family] = kind
			familyLeft[family] = len(texts)
		}
		for _, t := range texts {
			buf = append(buf, dedupgenDoc{text: t, family: family})
			produced++
			if len(buf) >= window {
				pop()
			}
		}
	}
	for len(buf) > 0 {
		pop()
	}
	return truth
}

type dedupgen struct {
	pool *DedupPool
	rng  *rand.Rand
}

// article is a generated text: a title and paragraphs of sentences.
type dedupgenArticle struct {
	title string
	paras [][]string
}

func (g *dedupgen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// sentence draws a pool sentence, a quarter of the time spliced at a
// comma with another so that base texts stay distinct at a million.
func (g *dedupgen) sentence() string {
	s := g.pick(g.pool.Sentences)
	if g.rng.IntN(4) == 0 {
		t := g.pick(g.pool.Sentences)
		i, j := strings.Index(s, ", "), strings.Index(t, ", ")
		if i > 0 && j > 0 {
			s = s[:i] + t[j:]
		}
	}
	// One word swapped for another of the pool: the same pool sentence in
	// two base texts is then rarely the same sentence, as in real corpora.
	words := strings.Fields(s)
	words[g.rng.IntN(len(words))] = g.pick(g.pool.Words)
	return strings.Join(words, " ")
}

func (g *dedupgen) paragraph(minS, maxS int) []string {
	n := minS + g.rng.IntN(maxS-minS+1)
	p := make([]string, n)
	for i := range p {
		p[i] = g.sentence()
	}
	return p
}

func (g *dedupgen) base() dedupgenArticle {
	a := dedupgenArticle{title: g.pick(g.pool.Headlines)}
	n := 5 + g.rng.IntN(5)
	for range n {
		a.paras = append(a.paras, g.paragraph(2, 4))
	}
	return a
}

func (g *dedupgen) render(a dedupgenArticle) string {
	var b strings.Builder
	b.WriteString(a.title)
	for _, p := range a.paras {
		b.WriteString("\n\n")
		b.WriteString(strings.Join(p, " "))
	}
	return b.String()
}

func (a dedupgenArticle) clone() dedupgenArticle {
	c := dedupgenArticle{title: a.title, paras: make([][]string, len(a.paras))}
	for i, p := range a.paras {
		c.paras[i] = append([]string(nil), p...)
	}
	return c
}
