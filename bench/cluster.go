package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/internal/datafile"
	"github.com/storyline-news/storyline/textutil"
)

// ClusterBenchOptions describe a synthetic clustering stream.
type ClusterBenchOptions struct {
	// DataDir holds extraction-dev/ and stories-dev/ (the real texts the
	// stream recombines).
	DataDir string
	// Items is the stream length.
	Items int
	// Headlines feeds titles only; otherwise title and full text.
	Headlines bool
	// FinishEvery runs Finish after every so many items (an ingest batch);
	// 0 means once at the end.
	FinishEvery int
	Seed        uint64
	// Cluster overrides the clusterer options (nil: cluster.DefaultOptions).
	Cluster *cluster.Options
}

// ClusterBenchResult is the speed and memory of one stream.
type ClusterBenchResult struct {
	Items     int     `json:"items"`
	Headlines bool    `json:"headlines"`
	Stories   int     `json:"true_stories"`
	Predicted int     `json:"pred_stories"`
	Seconds   float64 `json:"seconds"`
	// ItemsPerSec counts clustering only (Add and Finish), not generation.
	ItemsPerSec float64 `json:"items_per_sec"`
	// ItemsPerCPUSec divides by the process CPU time instead of wall time:
	// steadier on a shared machine (it includes the garbage collector).
	ItemsPerCPUSec float64 `json:"items_per_cpu_sec"`
	// HeapMB is the live heap held by the clusterer after the stream.
	HeapMB float64 `json:"heap_mb"`
	// BCubedF1 scores the predicted stories against the generated ones.
	BCubedF1 float64 `json:"bcubed_f1"`
	// LargestStory is the size of the largest predicted story (the
	// generated ones hold at most 200 articles): chained stories show here.
	LargestStory int `json:"largest_pred_story"`
}

// clusterbenchPool is the real text the generator recombines.
type clusterbenchPool struct {
	bodies    [][]string // sentences of each article body
	headlines []string
	words     []string // the bodies' longer words, for substitutions
	// proper holds the words the bodies write capitalised mid-sentence
	// nearly always: names, which each synthetic story replaces with its
	// own invented ones so that stories drawing the same real text differ
	// the way real stories do (same vocabulary, other actors).
	proper map[string]bool
	// capitalised and lower count the mid-sentence forms of each word.
	capitalised, lower map[string]int
}

// finishProper marks as names the words the bodies capitalise in most of
// their mid-sentence uses.
func (p *clusterbenchPool) finishProper() {
	p.proper = map[string]bool{}
	for w, n := range p.capitalised {
		if n > p.lower[w] {
			p.proper[w] = true
		}
	}
}

// isName tells a name: a word the bodies capitalise mid-sentence, an
// acronym, or a capitalised word they never write in lower case.
func (p *clusterbenchPool) isName(word string) bool {
	lw := strings.ToLower(word)
	if p.proper[lw] {
		return true
	}
	if len(word) >= 2 && strings.ToUpper(word) == word && lw != word {
		return true // an acronym: GM, NSA
	}
	return lw != word && p.lower[lw] == 0 && len(word) > 2
}

// substitute replaces the names in a text by the story's invented names
// (each real name always by the same one within a story), and replaces
// the given share of the other longer words by random words of the pool.
func (p *clusterbenchPool) substitute(rng *rand.Rand, text string, names []string, perturb float64) string {
	fields := strings.Fields(text)
	for i, f := range fields {
		core := strings.Trim(f, ".,;:!?\"'()")
		switch {
		case core != "" && p.isName(core):
			h := 0
			for _, r := range strings.ToLower(core) {
				h = h*31 + int(r)
			}
			if h < 0 {
				h = -h
			}
			fields[i] = strings.Replace(f, core, names[h%len(names)], 1)
		case len(f) >= 5 && rng.Float64() < perturb:
			fields[i] = p.words[rng.IntN(len(p.words))]
		}
	}
	return strings.Join(fields, " ")
}

// clusterbenchLoad reads bodies and titles from the dev data.
func clusterbenchLoad(dataDir string) (*clusterbenchPool, error) {
	pool := &clusterbenchPool{}
	raw, err := os.ReadFile(filepath.Join(dataDir, "extraction-dev", "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("bench cluster: %w", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		return nil, fmt.Errorf("bench cluster: ground-truth.json: %w", err)
	}
	keys := make([]string, 0, len(gt))
	for k := range gt {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		pool.addBody(gt[k].ArticleBody)
	}
	for _, name := range []string{"fulltext-dev.jsonl.gz", "headlines-dev.jsonl.gz"} {
		if err := clusterbenchReadJSONL(filepath.Join(dataDir, "stories-dev", name), func(title, text string) {
			pool.headlines = append(pool.headlines, title)
			pool.addBody(text)
		}); err != nil {
			return nil, err
		}
	}
	pool.finishProper()
	if len(pool.bodies) == 0 || len(pool.headlines) == 0 {
		return nil, fmt.Errorf("bench cluster: no texts under %s", dataDir)
	}
	return pool, nil
}

func (p *clusterbenchPool) addBody(text string) {
	if p.capitalised == nil {
		p.capitalised, p.lower = map[string]int{}, map[string]int{}
	}
	s := textutil.Sentences(text)
	if len(s) < 5 {
		return
	}
	p.bodies = append(p.bodies, s)
	for _, sentence := range s {
		for i, w := range textutil.Words(sentence) {
			if len(w) >= 5 {
				p.words = append(p.words, w)
			}
			if i == 0 {
				continue
			}
			lw := strings.ToLower(w)
			if lw != w && w[0] >= 'A' && w[0] <= 'Z' {
				p.capitalised[lw]++
			} else if lw == w {
				p.lower[lw]++
			}
		}
	}
}

func clusterbenchReadJSONL(path string, fn func(title, text string)) error {
	r, err := datafile.Open(path)
	if err != nil {
		return fmt.Errorf("bench cluster: %w", err)
	}
	defer r.Close()
	dec := json.NewDecoder(r)
	for {
		var rec struct{ Title, Text string }
		if err := dec.Decode(&rec); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("bench cluster: %s: %w", path, err)
		}
		fn(rec.Title, rec.Text)
	}
}

// clusterbenchStory is the plan of one synthetic story: real headlines
// and body sentences made distinct by invented names, with its size and
// start.
type clusterbenchStory struct {
	headlines []string
	sentences []string
	names     []string
	start     time.Time
	size      int
}

// clusterbenchArrival is one article of the stream.
type clusterbenchArrival struct {
	story, index int
	at           time.Time
}

// clusterbenchSyllables make invented names: 40 syllables, 3 or 4 to a
// name, so that names rarely repeat across stories.
var clusterbenchSyllables = []string{"ka", "ro", "vin", "mel", "tor", "sa", "dri", "lan", "bek", "u", "zo", "ran", "fel", "ist", "ou", "mar", "del", "go", "ash", "ty",
	"pe", "quin", "bo", "lur", "ne", "vak", "hi", "ster", "mo", "jen", "cal", "wu", "dax", "ri", "fon", "te", "gar", "yl", "nis", "chu"}

func clusterbenchName(rng *rand.Rand) string {
	var b strings.Builder
	for i := 0; i < 3+rng.IntN(2); i++ {
		b.WriteString(clusterbenchSyllables[rng.IntN(len(clusterbenchSyllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// clusterbenchPlan draws stories until they hold n articles: sizes are
// heavy-tailed (most stories one to three articles, a few up to 200),
// about 400 stories start per day, and a story's articles spread over a
// time that grows with its size (hours for a single report, a week or
// more for the largest). Each story takes real text, two real headlines
// and three invented names that replace the real names in them.
func clusterbenchPlan(pool *clusterbenchPool, n int, seed uint64) ([]clusterbenchStory, []clusterbenchArrival) {
	rng := rand.New(rand.NewPCG(seed, 0xc1))
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	var stories []clusterbenchStory
	var arrivals []clusterbenchArrival
	for total := 0; total < n; {
		size := int(math.Min(200, math.Floor(1/math.Pow(1-rng.Float64(), 1/1.3))))
		size = min(size, n-total)
		st := clusterbenchStory{
			start: base.Add(time.Duration(len(stories)) * 24 * time.Hour / 400),
			size:  size,
		}
		for i := 0; i < 3; i++ {
			st.names = append(st.names, clusterbenchName(rng)+" "+clusterbenchName(rng))
		}
		// Sentences drawn across the whole pool; names replaced by the
		// story's own.
		for i := 0; i < 6+rng.IntN(8); i++ {
			body := pool.bodies[rng.IntN(len(pool.bodies))]
			st.sentences = append(st.sentences, pool.substitute(rng, body[rng.IntN(len(body))], st.names, 0.1))
		}
		// Headlines are short: a third of their words are replaced, or
		// stories drawing the same real headline would differ by names only.
		for i := 0; i < 2; i++ {
			h := pool.substitute(rng, pool.headlines[rng.IntN(len(pool.headlines))], st.names, 0.3)
			st.headlines = append(st.headlines, h)
		}
		span := float64(time.Hour) * (6 + 24*math.Log(float64(size)))
		for i := 0; i < size; i++ {
			at := st.start.Add(time.Duration(rng.ExpFloat64() * span))
			arrivals = append(arrivals, clusterbenchArrival{story: len(stories), index: i, at: at})
		}
		stories = append(stories, st)
		total += size
	}
	sort.SliceStable(arrivals, func(i, j int) bool { return arrivals[i].at.Before(arrivals[j].at) })
	return stories, arrivals
}

// clusterbenchItem renders one article: one of the story's headlines with
// a word dropped, often led by one of its names, and most of its
// sentences (some naming its actors), with a stray sentence from another
// article.
func clusterbenchItem(pool *clusterbenchPool, st clusterbenchStory, a clusterbenchArrival, headlines bool) cluster.Item {
	rng := rand.New(rand.NewPCG(uint64(a.story)<<20|uint64(a.index), 0xa7))
	words := strings.Fields(st.headlines[rng.IntN(len(st.headlines))])
	if len(words) > 4 {
		drop := rng.IntN(len(words))
		words = append(words[:drop:drop], words[drop+1:]...)
	}
	title := strings.Join(words, " ")
	if rng.Float64() < 0.5 {
		title = st.names[rng.IntN(len(st.names))] + ": " + title
	}
	it := cluster.Item{ID: fmt.Sprintf("a%d-%d", a.story, a.index), Title: title, Time: a.at}
	if headlines {
		return it
	}
	var b strings.Builder
	for _, s := range st.sentences {
		if rng.Float64() < 0.3 {
			continue
		}
		if rng.Float64() < 0.3 {
			b.WriteString(st.names[rng.IntN(len(st.names))] + " said that ")
		}
		b.WriteString(s)
		b.WriteString("\n\n")
	}
	other := pool.bodies[rng.IntN(len(pool.bodies))]
	b.WriteString(other[rng.IntN(len(other))])
	it.Text = b.String()
	return it
}

// Cluster streams a synthetic corpus through a clusterer and measures
// items per second (clustering only) and the heap it holds.
func Cluster(opt ClusterBenchOptions) (ClusterBenchResult, error) {
	pool, err := clusterbenchLoad(opt.DataDir)
	if err != nil {
		return ClusterBenchResult{}, err
	}
	if opt.Items <= 0 {
		return ClusterBenchResult{}, fmt.Errorf("bench cluster: --items must be positive")
	}
	stories, arrivals := clusterbenchPlan(pool, opt.Items, opt.Seed+1)
	res := ClusterBenchResult{Items: len(arrivals), Headlines: opt.Headlines, Stories: len(stories)}
	runtime.GC()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	copts := cluster.DefaultOptions()
	if opt.Cluster != nil {
		copts = *opt.Cluster
	}
	c := cluster.NewWithOptions(copts)
	const chunk = 1000
	var elapsed, cpu time.Duration
	batch := 0
	items := make([]cluster.Item, 0, chunk)
	for lo := 0; lo < len(arrivals); lo += chunk {
		items = items[:0]
		for _, a := range arrivals[lo:min(lo+chunk, len(arrivals))] {
			items = append(items, clusterbenchItem(pool, stories[a.story], a, opt.Headlines))
		}
		start, cpuStart := time.Now(), clusterbenchCPU()
		for _, it := range items {
			c.Add(it)
			batch++
			if opt.FinishEvery > 0 && batch >= opt.FinishEvery {
				c.Finish()
				batch = 0
			}
		}
		elapsed += time.Since(start)
		cpu += clusterbenchCPU() - cpuStart
	}
	start, cpuStart := time.Now(), clusterbenchCPU()
	c.Finish()
	elapsed += time.Since(start)
	cpu += clusterbenchCPU() - cpuStart
	if cpu > 0 {
		res.ItemsPerCPUSec = float64(len(arrivals)) / cpu.Seconds()
	}
	items = nil
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	res.HeapMB = (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / (1 << 20)
	res.Seconds = elapsed.Seconds()
	res.ItemsPerSec = float64(len(arrivals)) / elapsed.Seconds()
	res.Predicted, res.BCubedF1, res.LargestStory = clusterbenchScore(c, arrivals)
	runtime.KeepAlive(c)
	runtime.KeepAlive(stories)
	return res, nil
}

// clusterbenchScore counts predicted stories, B-cubed F1 against the plan
// and the size of the largest predicted story.
func clusterbenchScore(c *cluster.Clusterer, arrivals []clusterbenchArrival) (int, float64, int) {
	pred := make([]string, len(arrivals))
	predSize := map[string]int{}
	trueSize := map[int]int{}
	both := map[string]int{}
	for i, a := range arrivals {
		pred[i], _ = c.Lookup(fmt.Sprintf("a%d-%d", a.story, a.index))
		predSize[pred[i]]++
		trueSize[a.story]++
		both[fmt.Sprintf("%s|%d", pred[i], a.story)]++
	}
	var p, r float64
	for i, a := range arrivals {
		inter := float64(both[fmt.Sprintf("%s|%d", pred[i], a.story)])
		p += inter / float64(predSize[pred[i]])
		r += inter / float64(trueSize[a.story])
	}
	largest := 0
	for _, n := range predSize {
		largest = max(largest, n)
	}
	n := float64(len(arrivals))
	p, r = p/n, r/n
	if p+r == 0 {
		return len(predSize), 0, largest
	}
	return len(predSize), 2 * p * r / (p + r), largest
}

// clusterbenchCPU is the process's user and system CPU time.
func clusterbenchCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
