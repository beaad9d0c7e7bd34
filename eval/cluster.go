package eval

import (
	"bufio"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/internal/datafile"
)

// ClusterOptions choose how Cluster feeds the labelled items.
type ClusterOptions struct {
	// Order is "shuffled" (default: sorted by the sha1 hex of the id, since
	// time order leaks the labels of the headline file), "time" (by
	// timestamp, then id) or "batch" (shuffled, then Finish: the
	// end-of-batch merge pass). shuffled and time score the online
	// assignments alone.
	Order string
	// Shuffles adds K seeded random orders and reports the spread of
	// B-cubed F1 over them (online, plus after Finish).
	Shuffles int
	// Thresholds, when set, rerun the chosen order with each join
	// threshold and report B-cubed F1 for each: a robustness check.
	Thresholds []float64
	// Cluster overrides the clusterer options (nil: cluster.DefaultOptions).
	Cluster *cluster.Options
	// IgnoreTime feeds every item with a zero time.
	IgnoreTime bool
	// FinishEvery calls Finish after every so many items, as the pipeline
	// does after each ingest batch; the "after Finish" scores then measure
	// streaming in batches of that size. 0: one Finish at the end.
	FinishEvery int
}

// ClusterScores are the README metrics of one partition.
type ClusterScores struct {
	Items          int     `json:"items"`
	TrueClusters   int     `json:"true_clusters"`
	PredClusters   int     `json:"pred_clusters"`
	PredSingletons int     `json:"pred_singletons"`
	BCubedP        float64 `json:"bcubed_precision"`
	BCubedR        float64 `json:"bcubed_recall"`
	BCubedF1       float64 `json:"bcubed_f1"`
	PairP          float64 `json:"pair_precision"`
	PairR          float64 `json:"pair_recall"`
	PairF1         float64 `json:"pair_f1"`
}

// ClusterMix is a predicted cluster mixing stories (a bad merge) or a true
// story spread over predicted clusters (a bad split).
type ClusterMix struct {
	// Cluster is the predicted cluster id (merges) or the true label (splits).
	Cluster string `json:"cluster"`
	Size    int    `json:"size"`
	// Wrong counts the items outside the largest part.
	Wrong int `json:"wrong"`
	// Parts lists the parts, largest first: "label ×count: sample title".
	Parts []string `json:"parts"`
}

// ClusterSpread is the spread of B-cubed F1 over random orders.
type ClusterSpread struct {
	Orders     int     `json:"orders"`
	Min        float64 `json:"min"`
	Mean       float64 `json:"mean"`
	Max        float64 `json:"max"`
	FinishMin  float64 `json:"finish_min"`
	FinishMean float64 `json:"finish_mean"`
	FinishMax  float64 `json:"finish_max"`
	// FinishByOrder lists the after-Finish B-cubed F1 of each order
	// (seed k+1 at index k), so that an outlier order can be rerun.
	FinishByOrder []float64 `json:"finish_by_order"`
}

// ClusterSweepPoint is B-cubed F1 at one join threshold.
type ClusterSweepPoint struct {
	Threshold float64 `json:"threshold"`
	BCubedF1  float64 `json:"bcubed_f1"`
	PairF1    float64 `json:"pair_f1"`
	Pred      int     `json:"pred_clusters"`
}

// ClusterResult is the evaluation of one labelled file.
type ClusterResult struct {
	File  string `json:"file"`
	Order string `json:"order"`
	ClusterScores
	// ItemsPerSec times the clustering step only (Add, and Finish in batch).
	ItemsPerSec float64 `json:"items_per_sec"`
	// The embedded scores are Storyline's stories: items fed in order with
	// Finish after every FinishEvery items and at the end, as ingest runs
	// it after each batch. Online scores the same order at Add time,
	// before any Finish pass: the purely online decisions.
	Online      ClusterScores       `json:"online"`
	WorstMerges []ClusterMix        `json:"worst_merges,omitempty"`
	WorstSplits []ClusterMix        `json:"worst_splits,omitempty"`
	Spread      *ClusterSpread      `json:"spread,omitempty"`
	Sweep       []ClusterSweepPoint `json:"sweep,omitempty"`
}

// clusterRecord is one labelled line of a stories-dev file.
type clusterRecord struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Text        string `json:"text"`
	URL         string `json:"url"`
	Story       string `json:"story"`
	Timestamp   string `json:"timestamp"`
	item        cluster.Item
}

// Cluster clusters a labelled JSON Lines file (gzip or plain) and scores
// the predicted stories against the `story` labels.
func Cluster(path string, opt ClusterOptions) (ClusterResult, error) {
	recs, err := clusterLoad(path)
	if err != nil {
		return ClusterResult{}, err
	}
	if opt.IgnoreTime {
		for i := range recs {
			recs[i].item.Time = time.Time{}
		}
	}
	copts := cluster.DefaultOptions()
	if opt.Cluster != nil {
		copts = *opt.Cluster
	}
	order := opt.Order
	if order == "" {
		order = "shuffled"
	}
	var ordered []clusterRecord
	switch order {
	case "shuffled", "batch":
		ordered = clusterBySHA1(recs)
	case "time":
		ordered = append([]clusterRecord(nil), recs...)
		sort.SliceStable(ordered, func(i, j int) bool {
			ti, tj := ordered[i].item.Time, ordered[j].item.Time
			if !ti.Equal(tj) {
				return ti.Before(tj)
			}
			return ordered[i].ID < ordered[j].ID
		})
	default:
		return ClusterResult{}, fmt.Errorf("eval cluster: unknown order %q (want shuffled, time or batch)", order)
	}
	res := ClusterResult{File: path, Order: order}
	batch := order == "batch"
	onlineLabels, finishedLabels, elapsed := clusterRun(ordered, copts, batch, opt.FinishEvery)
	res.Online = clusterScore(ordered, onlineLabels)
	res.ClusterScores = clusterScore(ordered, finishedLabels)
	primary := finishedLabels
	if elapsed > 0 {
		res.ItemsPerSec = float64(len(ordered)) / elapsed.Seconds()
	}
	res.WorstMerges, res.WorstSplits = clusterMixes(ordered, primary, 5)
	if opt.Shuffles > 0 {
		sp := &ClusterSpread{Orders: opt.Shuffles, Min: 2, FinishMin: 2}
		for k := 0; k < opt.Shuffles; k++ {
			shuffled := append([]clusterRecord(nil), recs...)
			rng := rand.New(rand.NewPCG(uint64(k+1), 0x5eed))
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			onl, finl, _ := clusterRun(shuffled, copts, true, opt.FinishEvery)
			on, fin := clusterScore(shuffled, onl), clusterScore(shuffled, finl)
			sp.Min, sp.Max, sp.Mean = min(sp.Min, on.BCubedF1), max(sp.Max, on.BCubedF1), sp.Mean+on.BCubedF1/float64(opt.Shuffles)
			sp.FinishMin, sp.FinishMax = min(sp.FinishMin, fin.BCubedF1), max(sp.FinishMax, fin.BCubedF1)
			sp.FinishMean += fin.BCubedF1 / float64(opt.Shuffles)
			sp.FinishByOrder = append(sp.FinishByOrder, fin.BCubedF1)
		}
		res.Spread = sp
	}
	for _, th := range opt.Thresholds {
		o := copts
		o.Threshold = th
		_, finl, _ := clusterRun(ordered, o, batch, opt.FinishEvery)
		s := clusterScore(ordered, finl)
		res.Sweep = append(res.Sweep, ClusterSweepPoint{Threshold: th, BCubedF1: s.BCubedF1, PairF1: s.PairF1, Pred: s.PredClusters})
	}
	return res, nil
}

// clusterLoad reads a labelled JSON Lines file (gzip when it ends in .gz)
// and makes each line an Item: title, description and text, timestamp.
func clusterLoad(path string) ([]clusterRecord, error) {
	r, err := datafile.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval cluster: %w", err)
	}
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var recs []clusterRecord
	seen := map[string]bool{}
	for line := 1; sc.Scan(); line++ {
		raw := strings.TrimSpace(sc.Text())
		if raw == "" {
			continue
		}
		var rec clusterRecord
		if err := json.Unmarshal([]byte(raw), &rec); err != nil {
			return nil, fmt.Errorf("eval cluster: %s line %d: %w", path, line, err)
		}
		if rec.ID == "" || seen[rec.ID] {
			return nil, fmt.Errorf("eval cluster: %s line %d: missing or repeated id %q", path, line, rec.ID)
		}
		seen[rec.ID] = true
		text := rec.Text
		if d := strings.TrimSpace(rec.Description); d != "" {
			text = d + "\n\n" + text
		}
		rec.item = cluster.Item{ID: rec.ID, Title: rec.Title, Text: text, URL: rec.URL}
		if rec.Timestamp != "" {
			if t, err := time.Parse(time.RFC3339Nano, rec.Timestamp); err == nil {
				rec.item.Time = t
			}
		}
		recs = append(recs, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval cluster: reading %s: %w", path, err)
	}
	return recs, nil
}

// clusterBySHA1 orders records by the sha1 hex of their id: a shuffle
// anyone can reproduce.
func clusterBySHA1(recs []clusterRecord) []clusterRecord {
	keys := make(map[string]string, len(recs))
	for _, r := range recs {
		sum := sha1.Sum([]byte(r.ID))
		keys[r.ID] = hex.EncodeToString(sum[:])
	}
	out := append([]clusterRecord(nil), recs...)
	sort.Slice(out, func(i, j int) bool { return keys[out[i].ID] < keys[out[j].ID] })
	return out
}

// clusterRun adds the records in order and returns each record's story
// after the online pass and after Finish, with the time spent clustering
// (Add only, or Add and Finish when withFinish). finishEvery > 0 calls
// Finish after every so many items as well.
func clusterRun(recs []clusterRecord, opt cluster.Options, withFinish bool, finishEvery int) (online, finished []string, elapsed time.Duration) {
	c := cluster.NewWithOptions(opt)
	online = make([]string, len(recs))
	start := time.Now()
	for i, r := range recs {
		online[i] = c.Add(r.item).Story
		if finishEvery > 0 && (i+1)%finishEvery == 0 {
			c.Finish()
		}
	}
	if !withFinish {
		elapsed = time.Since(start)
	}
	c.Finish()
	if withFinish {
		elapsed = time.Since(start)
	}
	finished = make([]string, len(recs))
	for i, r := range recs {
		finished[i], _ = c.Lookup(r.ID)
	}
	return online, finished, elapsed
}

// clusterScore computes the README metrics of predicted labels (one per
// record) against the records' stories.
func clusterScore(recs []clusterRecord, pred []string) ClusterScores {
	s := ClusterScores{Items: len(recs)}
	if len(recs) == 0 {
		return s
	}
	trueSize := map[string]int{}
	predSize := map[string]int{}
	both := map[[2]string]int{}
	for i, r := range recs {
		trueSize[r.Story]++
		predSize[pred[i]]++
		both[[2]string{pred[i], r.Story}]++
	}
	s.TrueClusters, s.PredClusters = len(trueSize), len(predSize)
	for _, n := range predSize {
		if n == 1 {
			s.PredSingletons++
		}
	}
	for i, r := range recs {
		inter := float64(both[[2]string{pred[i], r.Story}])
		s.BCubedP += inter / float64(predSize[pred[i]])
		s.BCubedR += inter / float64(trueSize[r.Story])
	}
	n := float64(len(recs))
	s.BCubedP, s.BCubedR = s.BCubedP/n, s.BCubedR/n
	s.BCubedF1 = clusterF1(s.BCubedP, s.BCubedR)
	pairs := func(k int) float64 { return float64(k) * float64(k-1) / 2 }
	var tp, predPos, truePos float64
	for _, k := range both {
		tp += pairs(k)
	}
	for _, k := range predSize {
		predPos += pairs(k)
	}
	for _, k := range trueSize {
		truePos += pairs(k)
	}
	if predPos > 0 {
		s.PairP = tp / predPos
	}
	if truePos > 0 {
		s.PairR = tp / truePos
	}
	s.PairF1 = clusterF1(s.PairP, s.PairR)
	return s
}

func clusterF1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// clusterMixes lists the n predicted clusters mixing most items of other
// stories (merges) and the n true stories most spread out (splits).
func clusterMixes(recs []clusterRecord, pred []string, n int) (merges, splits []ClusterMix) {
	byPred := map[string][]int{}
	byTrue := map[string][]int{}
	for i, r := range recs {
		byPred[pred[i]] = append(byPred[pred[i]], i)
		byTrue[r.Story] = append(byTrue[r.Story], i)
	}
	mix := func(name string, members []int, key func(int) string) ClusterMix {
		count := map[string]int{}
		sample := map[string]string{}
		for _, i := range members {
			k := key(i)
			if count[k] == 0 {
				sample[k] = recs[i].Title
			}
			count[k]++
		}
		keys := make([]string, 0, len(count))
		for k := range count {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if count[keys[i]] != count[keys[j]] {
				return count[keys[i]] > count[keys[j]]
			}
			return keys[i] < keys[j]
		})
		m := ClusterMix{Cluster: name, Size: len(members), Wrong: len(members) - count[keys[0]]}
		for i, k := range keys {
			if i == 4 {
				m.Parts = append(m.Parts, fmt.Sprintf("... %d more", len(keys)-4))
				break
			}
			m.Parts = append(m.Parts, fmt.Sprintf("%s x%d: %s", k, count[k], sample[k]))
		}
		return m
	}
	collect := func(groups map[string][]int, key func(int) string) []ClusterMix {
		var out []ClusterMix
		for name, members := range groups {
			if m := mix(name, members, key); m.Wrong > 0 {
				out = append(out, m)
			}
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].Wrong != out[j].Wrong {
				return out[i].Wrong > out[j].Wrong
			}
			return out[i].Cluster < out[j].Cluster
		})
		if len(out) > n {
			out = out[:n]
		}
		return out
	}
	merges = collect(byPred, func(i int) string { return recs[i].Story })
	splits = collect(byTrue, func(i int) string { return pred[i] })
	return merges, splits
}
