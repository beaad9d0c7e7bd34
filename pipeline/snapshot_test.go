package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/sqlite"
)

// hiddenState hides the store's state methods: an engine opened on it
// rebuilds its clusterer from the stored articles, as before snapshots.
type hiddenState struct{ storyline.Store }

// storeDump is what a store holds of the clustering and the copies:
// every story, every assignment (story, score, why) and every copy group,
// as JSON.
func storeDump(t *testing.T, s storyline.Store) string {
	t.Helper()
	ctx := context.Background()
	stories, err := s.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	assignments, err := s.Assignments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	groups, err := s.Groups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(struct {
		Stories     []storyline.Story
		Assignments []storyline.Assignment
		Groups      []storyline.CopyGroup
	}{stories, assignments, groups}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// splitDevFile writes the first n records of a stories-dev file to a.jsonl
// and the rest to b.jsonl, or skips when the shared data is absent.
func splitDevFile(t *testing.T, name string, n int) (string, string) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "shared", "data", "stories-dev", name))
	if err != nil {
		t.Skipf("dev data absent: %v", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var a, b bytes.Buffer
	for i := 0; sc.Scan(); i++ {
		out := &a
		if i >= n {
			out = &b
		}
		out.Write(sc.Bytes())
		out.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pa, pb := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	if err := os.WriteFile(pa, a.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pb, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return pa, pb
}

// reopenRuns ingests batch A and then batch B three ways: in one process;
// closing the store after A and reopening it (the clusterer read from the
// snapshot A's ingest saved); and reopening it with the snapshot hidden
// (the clusterer rebuilt from the stored articles). The first two must
// leave exactly the same store and the same clusterer state; the rebuild
// is reported as it compares.
func reopenRuns(t *testing.T, a, b []string, opt Options) {
	ctx := context.Background()
	dir := t.TempDir()

	one, s1 := openEngine(t, filepath.Join(dir, "one.db"))
	defer s1.Close()
	if _, err := one.Ingest(ctx, a, opt); err != nil {
		t.Fatal(err)
	}
	if _, err := one.Ingest(ctx, b, opt); err != nil {
		t.Fatal(err)
	}
	want := storeDump(t, s1)
	wantState, err := one.clusters.AppendSnapshot(nil)
	if err != nil {
		t.Fatal(err)
	}
	wantIndex := one.index.AppendSnapshot(nil)

	reopened := func(name string, hide bool) (*Engine, *sqlite.Store) {
		path := filepath.Join(dir, name)
		e, s := openEngine(t, path)
		if _, err := e.Ingest(ctx, a, opt); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		var store storyline.Store = s
		if hide {
			store = hiddenState{s}
		}
		if e, err = Open(ctx, store); err != nil {
			t.Fatal(err)
		}
		if e.snapshotFresh == hide {
			t.Fatalf("%s: snapshot used %v, want %v", name, e.snapshotFresh, !hide)
		}
		if _, err := e.Ingest(ctx, b, opt); err != nil {
			t.Fatal(err)
		}
		return e, s
	}

	snap, s2 := reopened("snap.db", false)
	defer s2.Close()
	if got := storeDump(t, s2); got != want {
		t.Errorf("reopened from the snapshot, the store differs from one run's:\n%s", firstDiff(got, want))
	}
	state, err := snap.clusters.AppendSnapshot(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(state, wantState) {
		t.Errorf("reopened from the snapshot, the clusterer's state differs from one run's")
	}
	if !bytes.Equal(snap.index.AppendSnapshot(nil), wantIndex) {
		t.Errorf("reopened from the snapshot, the copy index differs from one run's")
	}

	rebuilt, s3 := reopened("rebuilt.db", true)
	defer s3.Close()
	state, err = rebuilt.clusters.AppendSnapshot(nil)
	if err != nil {
		t.Fatal(err)
	}
	sameIndex := bytes.Equal(rebuilt.index.AppendSnapshot(nil), wantIndex)
	if got := storeDump(t, s3); got != want {
		t.Logf("rebuilt from the articles (no snapshot), the store differs from one run's: %s (copy index the same: %v)",
			assignmentDiff(t, s3, s1), sameIndex)
	} else {
		t.Logf("rebuilt from the articles, the store is the same as one run's (clusterer state the same: %v, copy index the same: %v)",
			bytes.Equal(state, wantState), sameIndex)
	}
}

// assignmentDiff counts the articles two stores put in different stories
// or give different scores, and their stories.
func assignmentDiff(t *testing.T, got, want storyline.Store) string {
	ctx := context.Background()
	ga, err := got.Assignments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wa, err := want.Assignments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]storyline.Assignment{}
	for _, as := range wa {
		byID[as.Article] = as
	}
	story, score := 0, 0
	for _, as := range ga {
		w := byID[as.Article]
		if as.Story != w.Story {
			story++
		} else if as.Score != w.Score || as.RunnerUpScore != w.RunnerUpScore {
			score++
		}
	}
	gs, _ := got.Stories(ctx)
	ws, _ := want.Stories(ctx)
	return fmt.Sprintf("%d of %d articles in another story, %d more with other scores; %d stories vs %d",
		story, len(ga), score, len(gs), len(ws))
}

// firstDiff shows where two dumps first differ.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-200, 0)
	return "got:  ..." + a[from:min(i+200, len(a))] + "\nwant: ..." + b[from:min(i+200, len(b))]
}

// TestReopenFromSnapshotSeeds runs the reopen comparison on the seeds,
// three then two, one document per batch.
func TestReopenFromSnapshotSeeds(t *testing.T) {
	files := seedPaths(t)
	reopenRuns(t, files[:3], files[3:], Options{BatchSize: 1})
}

// TestReopenJoinsStoredCopyGroup runs the comparison where the second
// run brings a third copy of a group the first run stored: the reopened
// engine, which knows only the group's membership, must read the group
// and grow it as one process does.
func TestReopenJoinsStoredCopyGroup(t *testing.T) {
	files := seedPaths(t)
	raw, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	third := filepath.Join(t.TempDir(), "third-copy.txt")
	extra := "\n\nThe aide gave no further details of the approach, an outlet republishing the wire report added.\n"
	if err := os.WriteFile(third, append(raw, extra...), 0o644); err != nil {
		t.Fatal(err)
	}
	reopenRuns(t, files[:2], []string{third, files[2]}, Options{BatchSize: 1})

	// And the group holds the three copies.
	ctx := context.Background()
	e, s := openEngine(t, filepath.Join(t.TempDir(), "check.db"))
	defer s.Close()
	for _, in := range [][]string{files[:2], {third}} {
		if _, err := e.Ingest(ctx, in, Options{BatchSize: 1}); err != nil {
			t.Fatal(err)
		}
	}
	groups, err := s.Groups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 1 || len(groups[0].Members) != 2 {
		t.Fatalf("copy groups %+v, want one group of three articles", groups)
	}
}

// TestReopenFromSnapshotDev runs it on the dev full texts (two thirds,
// then the rest) in batches of 25.
func TestReopenFromSnapshotDev(t *testing.T) {
	a, b := splitDevFile(t, "fulltext-dev.jsonl.gz", 100)
	reopenRuns(t, []string{a}, []string{b}, Options{BatchSize: 25})
}

// TestReopenFromSnapshotHeadlines runs it on the first 900 dev headlines
// (600, then 300) in batches of 200.
func TestReopenFromSnapshotHeadlines(t *testing.T) {
	a, b := splitDevFile(t, "headlines-dev.jsonl.gz", 600)
	// Only the first 300 of the rest: the test stays fast.
	raw, err := os.ReadFile(b)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfterN(raw, []byte("\n"), 301)
	if len(lines) == 301 {
		raw = bytes.Join(lines[:300], nil)
	}
	if err := os.WriteFile(b, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	reopenRuns(t, []string{a}, []string{b}, Options{BatchSize: 200})
}

// TestStaleSnapshotIsNotUsed checks that a snapshot saved before a batch
// is ignored once the batch is saved: the engine rebuilds instead.
func TestStaleSnapshotIsNotUsed(t *testing.T) {
	ctx := context.Background()
	files := seedPaths(t)
	path := filepath.Join(t.TempDir(), "s.db")
	e, s := openEngine(t, path)
	if _, err := e.Ingest(ctx, files[:3], Options{}); err != nil {
		t.Fatal(err)
	}
	// A second engine on the same store saves a batch without writing a
	// snapshot (as a crash after the batch's commit would leave it).
	other, err := Open(ctx, hiddenState{s})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Ingest(ctx, files[3:], Options{}); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.State(ctx, clusterStateName); err != nil || ok {
		t.Fatalf("stale snapshot returned: ok %v err %v", ok, err)
	}
	again, err := Open(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if again.snapshotFresh {
		t.Fatal("a stale snapshot was used")
	}
	if n := again.clusters.Len(); n != 3 {
		t.Fatalf("rebuilt clusterer holds %d stories, want 3", n)
	}
	s.Close()
}
