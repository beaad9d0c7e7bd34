package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/dedup"
	"github.com/storyline-news/storyline/extract"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/textutil"
)

// Engine runs ingest batches into a store. It is not safe for concurrent
// use; one Engine owns its store's writes.
type Engine struct {
	store    storyline.Store
	index    *dedup.Index
	clusters *cluster.Clusterer

	current  map[string]known  // article id -> its stored version (texts stay in the store)
	storyOf  map[string]string // article id -> story id
	assigned map[string]storyline.Assignment
	groupOf  map[string]string // article id -> canonical id of its copy group
	// groups holds the copy groups read or made by this engine; with a
	// groupStore the others are read when a new copy joins them.
	groups   map[string]storyline.CopyGroup
	lastSave map[string]string // story id -> JSON last saved, to write only changed stories
	now      func() time.Time

	// snapshotFresh is set while the store's snapshots are the state of
	// this clusterer and copy index (restored from them, or saved since
	// the last batch); broken once a failed batch may have left them
	// ahead of the store, when their state must never be saved.
	snapshotFresh bool
	broken        bool
}

// Open rebuilds the engine's in-memory indexes from what the store holds.
// The clusterer and the copy index are read from the snapshots the last
// Ingest saved beside the store (see saveSnapshots) when the store keeps
// them and they are current; otherwise they are rebuilt by analysing every
// stored article, which costs time in proportion to the store, and for
// the clusterer need not give the very state the runs that stored them
// had (the next Finish then decides again the stories the rebuild left
// undecided).
func Open(ctx context.Context, store storyline.Store) (*Engine, error) {
	restored, err := restoreClusters(ctx, store, cluster.DefaultOptions())
	if err != nil {
		return nil, fmt.Errorf("load store: %w", err)
	}
	index, err := restoreIndex(ctx, store)
	if err != nil {
		return nil, fmt.Errorf("load store: %w", err)
	}
	e := &Engine{
		store:         store,
		index:         index,
		clusters:      restored,
		snapshotFresh: restored != nil && index != nil,
		current:       map[string]known{},
		storyOf:       map[string]string{},
		assigned:      map[string]storyline.Assignment{},
		groupOf:       map[string]string{},
		groups:        map[string]storyline.CopyGroup{},
		lastSave:      map[string]string{},
		now:           time.Now,
	}
	need := needIdentities
	if index == nil {
		e.index = dedup.NewIndex()
		need = needTexts
	}
	if restored == nil {
		e.clusters = cluster.New()
		need = needArticles
	}
	articles, err := loadArticles(ctx, store, need)
	if err != nil {
		return nil, fmt.Errorf("load store: %w", err)
	}
	byID := make(map[string]storyline.Article, len(articles))
	for _, a := range articles {
		byID[a.ID] = a
		e.current[a.ID] = known{hash: a.ContentHash, version: a.Version}
	}
	assignments, err := store.Assignments(ctx)
	if err != nil {
		return nil, fmt.Errorf("load store: %w", err)
	}
	if index == nil {
		var ids, texts []string
		for _, as := range assignments {
			if a, ok := byID[as.Article]; ok && copyCheckable(a) {
				ids, texts = append(ids, a.ID), append(texts, a.Text)
			}
		}
		e.index.InsertBatch(ids, texts) // signs the texts on all cores
	}
	for _, as := range assignments {
		a, ok := byID[as.Article]
		if !ok {
			continue
		}
		if restored == nil {
			e.clusters.Join(item(a), as.Story)
		}
		e.storyOf[a.ID] = as.Story
		e.assigned[a.ID] = as
	}
	if err := e.loadGroups(ctx); err != nil {
		return nil, fmt.Errorf("load store: %w", err)
	}
	stories, err := store.Stories(ctx)
	if err != nil {
		return nil, fmt.Errorf("load store: %w", err)
	}
	for _, st := range stories {
		e.lastSave[st.ID] = storyJSON(st)
	}
	return e, nil
}

// Options tunes an ingest run.
type Options struct {
	Ingest ingest.Options
	// BatchSize is how many documents are extracted and committed together;
	// each batch is one transaction. 2000 when 0.
	BatchSize int
	// Workers extract documents in parallel; GOMAXPROCS when 0. The result
	// does not depend on it.
	Workers int
	// OnFailure is called for each input that could not be read or
	// extracted; OnProgress after each document read. Both may be nil.
	OnFailure  func(storyline.Failure)
	OnProgress func(Progress)
}

// Progress counts an ingest run so far.
type Progress struct {
	Read, New, Versions, Unchanged, Copies, Failed int
}

// Summary is the outcome of an ingest run.
type Summary struct {
	Progress
	Stories  int
	Elapsed  time.Duration
	Failures []storyline.Failure
}

// Ingest reads the inputs, extracts, detects copies, clusters and commits
// the articles batch by batch. Input failures are collected in the summary
// and do not stop the run; a store error does.
func (e *Engine) Ingest(ctx context.Context, inputs []string, opt Options) (Summary, error) {
	start := e.now()
	if opt.BatchSize <= 0 {
		opt.BatchSize = 2000
	}
	var sum Summary
	// Failures come from the reader and from the extraction goroutine.
	var mu sync.Mutex
	fail := func(f storyline.Failure) {
		mu.Lock()
		defer mu.Unlock()
		sum.Failed++
		sum.Failures = append(sum.Failures, f)
		if opt.OnFailure != nil {
			opt.OnFailure(f)
		}
	}
	// Batch k+1 is extracted (on all cores) while batch k is committed, so
	// the sequential copy detection, clustering and store writes overlap
	// with extraction. Commits stay in input order.
	var pending []storyline.Document
	var inflight chan []storyline.Article
	commitInflight := func() error {
		if inflight == nil {
			return nil
		}
		articles := <-inflight
		inflight = nil
		mu.Lock()
		defer mu.Unlock()
		if err := e.commit(ctx, articles, &sum); err != nil {
			e.broken = true
			return err
		}
		return nil
	}
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		docs := pending
		pending = nil
		next := make(chan []storyline.Article, 1)
		go func() { next <- extractAll(docs, opt.Workers, fail) }()
		err := commitInflight()
		inflight = next
		return err
	}
	err := ingest.Read(ctx, inputs, opt.Ingest, func(d storyline.Document) error {
		pending = append(pending, d)
		mu.Lock()
		sum.Read++
		progress := sum.Progress
		mu.Unlock()
		if opt.OnProgress != nil {
			opt.OnProgress(progress)
		}
		if len(pending) >= opt.BatchSize {
			return flush()
		}
		return nil
	}, fail)
	if err == nil {
		err = flush()
	}
	if err == nil {
		err = commitInflight()
	} else if inflight != nil {
		<-inflight // let the extraction finish; its batch is not committed
	}
	if err == nil {
		// Once per run, not per batch: the next Open reads the clusterer
		// and the copy index from them instead of analysing every stored
		// article again.
		err = e.saveSnapshots(ctx)
	}
	sum.Stories = e.clusters.Len()
	sum.Elapsed = e.now().Sub(start)
	return sum, err
}

// extractAll extracts documents in parallel; the result keeps input order.
func extractAll(docs []storyline.Document, workers int, fail func(storyline.Failure)) []storyline.Article {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]storyline.Article, len(docs))
	errs := make([]error, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = extractSafely(docs[i])
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	kept := out[:0]
	for i, a := range out {
		if errs[i] != nil {
			fail(storyline.Failure{Source: docs[i].Source, Err: errs[i]})
			continue
		}
		kept = append(kept, a)
	}
	return kept
}

// extractSafely turns a panic in extraction (a bug, but one bad page must
// not take the batch down) into an error naming it.
func extractSafely(d storyline.Document) (a storyline.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extract: internal error: %v", r)
		}
	}()
	a, err = extract.Extract(d)
	if err != nil {
		return a, fmt.Errorf("extract: %w", err)
	}
	if len(a.Text) == 0 && a.Title == "" {
		return a, fmt.Errorf("extract: no article text found")
	}
	Identify(&a)
	return a, nil
}

// commit runs copy detection and clustering over one batch of extracted
// articles and writes the result in one transaction.
func (e *Engine) commit(ctx context.Context, articles []storyline.Article, sum *Summary) error {
	var batch storyline.Batch
	seen := map[string]bool{}
	var fresh []storyline.Article
	for _, a := range articles {
		old, exists := e.current[a.ID]
		switch {
		case seen[a.ID+a.ContentHash] || (exists && old.hash == a.ContentHash):
			sum.Unchanged++
		case exists:
			earlier, err := e.knownVersion(ctx, a.ID, a.ContentHash)
			if err != nil {
				return err
			}
			if earlier {
				sum.Unchanged++
				break
			}
			prev, err := e.store.Article(ctx, a.ID)
			if err != nil {
				return err
			}
			batch.Versions = append(batch.Versions, storyline.Version{
				Article: prev.ID, Version: prev.Version, ContentHash: prev.ContentHash, Text: prev.Text, Seen: e.now(),
			})
			a.Version = prev.Version + 1
			batch.Articles = append(batch.Articles, a)
			e.current[a.ID] = known{hash: a.ContentHash, version: a.Version}
			sum.Versions++
		default:
			fresh = append(fresh, a)
		}
		seen[a.ID+a.ContentHash] = true
	}
	// Order-independence: within a batch, articles are processed by time
	// (undated last) and id, whatever order the inputs were read in.
	sort.SliceStable(fresh, func(i, j int) bool {
		ti, tj := trustedTime(fresh[i]), trustedTime(fresh[j])
		if ti.IsZero() != tj.IsZero() {
			return !ti.IsZero()
		}
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return fresh[i].ID < fresh[j].ID
	})
	// Copy detection does not depend on clustering: sign the batch's texts
	// on all cores, then search and index them in order (AddBatch returns
	// exactly what Add would, text by text).
	var ids, texts []string
	for _, a := range fresh {
		if copyCheckable(a) {
			ids, texts = append(ids, a.ID), append(texts, a.Text)
		}
	}
	copies := map[string][]dedup.Pair{}
	for i, found := range e.index.AddBatch(ids, texts) {
		copies[ids[i]] = found
	}
	var pairs []dedup.Pair
	for _, a := range fresh {
		e.current[a.ID] = known{hash: a.ContentHash, version: a.Version}
		batch.Articles = append(batch.Articles, a)
		sum.New++
		found := copies[a.ID]
		pairs = append(pairs, found...)
		var as storyline.Assignment
		if best, ok := closestCopy(found); ok {
			// An exact or near-duplicate copy is the same article: it
			// follows its original. A text that only shares wire sentences
			// is clustered on its own merits (shared boilerplate or a
			// digest page must not pull unrelated articles together).
			story := e.storyOf[best.A]
			e.clusters.Join(item(a), story)
			as = storyline.Assignment{Article: a.ID, Story: story, Score: best.Jaccard, Via: "copy",
				Shared: []string{fmt.Sprintf("%s of %s", best.Relation, best.A)}}
			sum.Copies++
		} else {
			as = e.clusters.Add(item(a))
			as.Via = "cluster"
			if len(found) > 0 {
				sum.Copies++
			}
		}
		e.storyOf[a.ID] = as.Story
		e.assigned[a.ID] = as
		batch.Assignments = append(batch.Assignments, as)
	}
	if len(fresh) == 0 && len(batch.Articles) == 0 {
		return nil // nothing new: the store stays exactly as it was
	}
	batch.Redirects = e.clusters.Finish()
	for old := range batch.Redirects {
		batch.Removed = append(batch.Removed, old)
		delete(e.lastSave, old)
	}
	// Only the stories the batch changed: every article that moved is in
	// one of them, and a batch then costs its own size, not the store's.
	stories := e.clusters.Changed()
	batch.Assignments = e.reconcile(stories, batch.Assignments)
	sort.Strings(batch.Removed)
	groups, err := e.regroup(ctx, e.sameStory(pairs), batch.Articles)
	if err != nil {
		return err
	}
	batch.Groups = groups
	batch.Stories = e.changedStories(stories)
	e.snapshotFresh = false // the indexes moved on, and the store's generation with the save
	if err := e.store.Save(ctx, batch); err != nil {
		return err
	}
	return nil
}

// reconcile brings the assignments in line with the stories as the
// clusterer left them after Finish: merges and re-decisions can move
// articles of this batch and of earlier ones. It returns the batch's
// assignments plus an updated one for every earlier article that moved.
func (e *Engine) reconcile(stories []storyline.Story, batch []storyline.Assignment) []storyline.Assignment {
	inBatch := map[string]int{}
	for i, as := range batch {
		inBatch[as.Article] = i
	}
	var moved []storyline.Assignment
	for _, st := range stories {
		for _, id := range st.Articles {
			if e.storyOf[id] == st.ID {
				continue
			}
			e.storyOf[id] = st.ID
			as := e.assigned[id]
			if as.Story != "" && as.Via != "copy" {
				// Finish moved it: it no longer founds the story it started.
				as.New, as.Via = false, "redecided"
				as.Shared = append([]string{"moved from " + as.Story + " by the end-of-batch pass"}, as.Shared...)
			}
			as.Story = st.ID
			e.assigned[id] = as
			if i, ok := inBatch[id]; ok {
				batch[i] = as
			} else {
				moved = append(moved, as)
			}
		}
	}
	sort.Slice(moved, func(i, j int) bool { return moved[i].Article < moved[j].Article })
	return append(batch, moved...)
}

// changedStories returns the stories the clusterer reports changed by the
// batch (articles, span or related list; see cluster.Changed) that differ
// from what was last saved.
func (e *Engine) changedStories(stories []storyline.Story) []storyline.Story {
	var out []storyline.Story
	for _, st := range stories {
		if js := storyJSON(st); e.lastSave[st.ID] != js {
			out = append(out, st)
			e.lastSave[st.ID] = js
		}
	}
	return out
}

// knownVersion reports whether hash is an earlier text of the article, so
// that re-reading an old copy of a page does not flip its versions.
func (e *Engine) knownVersion(ctx context.Context, id, hash string) (bool, error) {
	vs, err := e.store.Versions(ctx, id)
	if err != nil {
		return false, err
	}
	for _, v := range vs {
		if v.ContentHash == hash {
			return true, nil
		}
	}
	return false, nil
}

// closestCopy returns the first exact or near-duplicate pair (pairs come
// best first).
func closestCopy(pairs []dedup.Pair) (dedup.Pair, bool) {
	for _, p := range pairs {
		if p.Relation == storyline.Exact || p.Relation == storyline.NearDuplicate {
			return p, true
		}
	}
	return dedup.Pair{}, false
}

// sameStory keeps the copy pairs whose two articles ended in one story:
// a syndicated copy tells the same story, so wire-text pairs across
// stories are shared passages (boilerplate, digests), not copies.
func (e *Engine) sameStory(pairs []dedup.Pair) []dedup.Pair {
	kept := pairs[:0]
	for _, p := range pairs {
		if e.storyOf[p.A] == e.storyOf[p.B] {
			kept = append(kept, p)
		}
	}
	return kept
}

// regroup merges the new copy pairs with the stored groups they touch and
// rebuilds those groups whole.
func (e *Engine) regroup(ctx context.Context, pairs []dedup.Pair, batch []storyline.Article) ([]storyline.CopyGroup, error) {
	if len(pairs) == 0 {
		return nil, nil
	}
	involved := map[string]bool{}
	for _, p := range pairs {
		involved[p.A], involved[p.B] = true, true
	}
	// Edges of stored groups that share an article with the new pairs.
	canonicals := map[string]bool{}
	for id := range involved {
		if c, ok := e.groupOf[id]; ok {
			canonicals[c] = true
		}
	}
	names := sortedKeys(canonicals)
	for _, c := range names {
		g, err := e.group(ctx, c)
		if err != nil {
			return nil, fmt.Errorf("regroup copies: %w", err)
		}
		for _, m := range g.Members {
			pairs = append(pairs, dedup.Pair{A: g.Canonical, B: m.Article, Relation: m.Relation,
				Jaccard: m.Jaccard, Containment: m.Containment, Overlap: m.Overlap})
			involved[m.Article] = true
		}
		involved[g.Canonical] = true
		delete(e.groups, c)
	}
	// Texts come from the batch, else from the store: the engine keeps
	// only identities in memory, so its size does not grow with the text.
	inBatch := map[string]storyline.Article{}
	for _, a := range batch {
		inBatch[a.ID] = a
	}
	var arts []storyline.Article
	for _, id := range sortedKeys(involved) {
		a, ok := inBatch[id]
		if !ok {
			var err error
			if a, err = e.store.Article(ctx, id); err != nil {
				return nil, fmt.Errorf("regroup copies: %w", err)
			}
		}
		arts = append(arts, a)
	}
	groups := dedup.Groups(arts, pairs)
	for _, g := range groups {
		e.setGroup(g)
	}
	return groups, nil
}

// known is what the engine remembers of a stored article.
type known struct {
	hash    string
	version int
}

func (e *Engine) setGroup(g storyline.CopyGroup) {
	e.groups[g.Canonical] = g
	e.groupOf[g.Canonical] = g.Canonical
	for _, m := range g.Members {
		e.groupOf[m.Article] = g.Canonical
	}
}

// minCopyWords is the shortest text copy detection looks at: below it (a
// headline, a teaser) two texts are alike by chance, not by copying.
const minCopyWords = 25

func copyCheckable(a storyline.Article) bool {
	// A prefix holds no more words than the whole text (a word cut at its
	// end is still a word of the text), so a prefix with enough words
	// settles it without reading a long text through.
	const prefix = 320
	if len(a.Text) > prefix && len(textutil.Words(a.Text[:prefix])) >= minCopyWords {
		return true
	}
	return len(textutil.Words(a.Text)) >= minCopyWords
}

// item is what clustering sees of an article.
func item(a storyline.Article) cluster.Item {
	return cluster.Item{ID: a.ID, Title: a.Title, Text: a.Text, URL: a.URL, Time: trustedTime(a)}
}

// trustedTime is the article's publication time when extraction trusts it,
// else its fetch time, else zero. A masthead date (low confidence) is not
// evidence of when the article appeared.
func trustedTime(a storyline.Article) time.Time {
	if Trusted(a) {
		return a.Published
	}
	return a.Fetched
}

// Trusted reports whether an article's publication date is evidence enough
// to show and use as its date (confidence 0 means the source gave none).
func Trusted(a storyline.Article) bool {
	return !a.Published.IsZero() && (a.PublishedConfidence == 0 || a.PublishedConfidence >= 0.5)
}

func storyJSON(st storyline.Story) string {
	b, _ := json.Marshal(st)
	return string(b)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
