package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/store/sqlite"
)

const samples = "../../examples/articles"

// runJSON is the part of `run --json` these tests read.
type runJSON struct {
	Stories []struct {
		ID       string `json:"id"`
		Headline string `json:"headline"`
		Articles []struct {
			ID          string  `json:"id"`
			Source      string  `json:"source"`
			Agency      string  `json:"agency"`
			DuplicateOf *string `json:"duplicate_of"`
		} `json:"articles"`
		Related []struct {
			Story string  `json:"story"`
			Score float64 `json:"score"`
		} `json:"related"`
	} `json:"stories"`
}

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = dispatch(args, &out, &errb)
	return out.String(), errb.String(), code
}

// partition renders the stories as sorted groups of seed-file prefixes.
func partition(r runJSON) []string {
	var groups []string
	for _, st := range r.Stories {
		var names []string
		for _, a := range st.Articles {
			names = append(names, filepath.Base(a.Source)[:3])
		}
		sort.Strings(names)
		groups = append(groups, strings.Join(names, ","))
	}
	sort.Strings(groups)
	return groups
}

func TestRunSeedsMakesThreeStories(t *testing.T) {
	out, errs, code := runCLI(t, "run", "--json", samples)
	if code != 0 {
		t.Fatalf("run exit %d: %s", code, errs)
	}
	var r runJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("run --json is not JSON: %v\n%s", err, out)
	}
	got := strings.Join(partition(r), " | ")
	if want := "000,001 | 002,004 | 003"; got != want {
		t.Fatalf("stories = %s, want %s", got, want)
	}
	for _, st := range r.Stories {
		if st.ID == "" || st.Headline == "" {
			t.Errorf("story without id or headline: %+v", st)
		}
	}
	// Same input, same ids, whatever the order of the inputs.
	files, _ := filepath.Glob(filepath.Join(samples, "*.txt"))
	sort.Sort(sort.Reverse(sort.StringSlice(files)))
	out2, _, _ := runCLI(t, append([]string{"run", "--json"}, files...)...)
	var r2 runJSON
	json.Unmarshal([]byte(out2), &r2)
	if ids(r) != ids(r2) {
		t.Fatalf("ids depend on input order:\n%s\n%s", ids(r), ids(r2))
	}
}

func ids(r runJSON) string {
	var s []string
	for _, st := range r.Stories {
		var as []string
		for _, a := range st.Articles {
			as = append(as, a.ID)
		}
		sort.Strings(as)
		s = append(s, st.ID+":"+strings.Join(as, ","))
	}
	sort.Strings(s)
	return strings.Join(s, " ")
}

func TestReingestChangesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if _, errs, code := runCLI(t, "ingest", "--db", db, samples); code != 0 {
		t.Fatalf("first ingest: %s", errs)
	}
	first := dump(t, db)
	_, errs, code := runCLI(t, "ingest", "--db", db, samples)
	if code != 0 {
		t.Fatalf("second ingest: %s", errs)
	}
	if !strings.Contains(errs, "new 0 ") || !strings.Contains(errs, "unchanged 5") {
		t.Fatalf("second ingest should find nothing new: %s", errs)
	}
	if second := dump(t, db); second != first {
		t.Fatalf("re-ingest changed the store:\n%s\n---\n%s", first, second)
	}
}

// dump renders everything the store holds, for comparison.
func dump(t *testing.T, db string) string {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	arts, _ := s.Articles(ctx)
	as, _ := s.Assignments(ctx)
	sts, _ := s.Stories(ctx)
	gs, _ := s.Groups(ctx)
	b, _ := json.Marshal([]any{arts, as, sts, gs})
	return string(b)
}

func TestCorruptInputsAreReportedAndTheBatchGoesOn(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile(filepath.Join(samples, "002_41c0fcd437463166.txt"))
	os.WriteFile(filepath.Join(dir, "a_good.txt"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "b_empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "c_latin1.txt"), []byte("caf\xe9 au lait \xff\xfe broken"), 0o644)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(bytes.Repeat(good, 4))
	zw.Close()
	os.WriteFile(filepath.Join(dir, "d_truncated.txt.gz"), gz.Bytes()[:gz.Len()/2], 0o644)
	os.MkdirAll(filepath.Join(dir, "e_loop"), 0o755)
	os.Symlink("..", filepath.Join(dir, "e_loop", "back"))

	out, errs, code := runCLI(t, "run", "--json", dir)
	if code == 0 {
		t.Fatal("a batch with failures must exit non-zero")
	}
	for _, name := range []string{"b_empty.txt", "c_latin1.txt", "d_truncated.txt.gz"} {
		if !strings.Contains(errs, name) {
			t.Errorf("stderr does not name %s:\n%s", name, errs)
		}
	}
	var r runJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("stories still printed as JSON: %v", err)
	}
	if len(r.Stories) != 1 || len(r.Stories[0].Articles) != 1 {
		t.Fatalf("the good file should make one story: %+v", r)
	}
}

// TestKillMidIngestLeavesAConsistentStore kills a real storyline process
// while it ingests, then checks the store and that a re-run completes it.
func TestKillMidIngestLeavesAConsistentStore(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "storyline")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	corpus := filepath.Join(dir, "corpus")
	n := writeSyntheticCorpus(t, corpus, 600)
	db := filepath.Join(dir, "s.db")

	// Kill twice, each time once some batches are committed but not all.
	for attempt := 1; attempt <= 2; attempt++ {
		before := 0
		if attempt > 1 {
			before = count(t, db)
		}
		cmd := exec.Command(bin, "ingest", "--db", db, "--batch", "25", corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(60 * time.Second)
		for time.Now().Before(deadline) && count(t, db) < before+50 {
			time.Sleep(20 * time.Millisecond)
		}
		cmd.Process.Kill()
		cmd.Wait()
		got := count(t, db)
		if got >= n {
			t.Fatalf("kill %d came too late: all %d articles were already stored", attempt, got)
		}
		checkConsistent(t, db, -1)
		t.Logf("after kill %d: %d of %d articles stored", attempt, got, n)
	}
	out, err := exec.Command(bin, "ingest", "--db", db, "--batch", "25", corpus).CombinedOutput()
	if err != nil {
		t.Fatalf("re-run: %v\n%s", err, out)
	}
	checkConsistent(t, db, n)
	before := dump(t, db)
	if out, err := exec.Command(bin, "ingest", "--db", db, corpus).CombinedOutput(); err != nil {
		t.Fatalf("third run: %v\n%s", err, out)
	}
	if dump(t, db) != before {
		t.Fatal("ingesting a completed corpus again changed the store")
	}
}

func count(t *testing.T, db string) int {
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, _ := s.Articles(context.Background())
	return len(a)
}

// checkConsistent asserts every article has one story, every story's
// articles exist and no article is in two stories; want >= 0 also checks
// the article count.
func checkConsistent(t *testing.T, db string, want int) {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatalf("store does not open after kill: %v", err)
	}
	defer s.Close()
	arts, _ := s.Articles(ctx)
	as, _ := s.Assignments(ctx)
	sts, _ := s.Stories(ctx)
	if want >= 0 && len(arts) != want {
		t.Fatalf("%d articles stored, want %d", len(arts), want)
	}
	exists := map[string]bool{}
	for _, a := range arts {
		exists[a.ID] = true
	}
	if len(as) != len(arts) {
		t.Fatalf("%d assignments for %d articles", len(as), len(arts))
	}
	storyOf := map[string]string{}
	for _, a := range as {
		storyOf[a.Article] = a.Story
	}
	inStory := map[string]string{}
	for _, st := range sts {
		for _, id := range st.Articles {
			if !exists[id] {
				t.Fatalf("story %s lists unknown article %s", st.ID, id)
			}
			if other, dup := inStory[id]; dup {
				t.Fatalf("article %s in stories %s and %s", id, other, st.ID)
			}
			inStory[id] = st.ID
			if storyOf[id] != st.ID {
				t.Fatalf("article %s assigned to %s but listed in %s", id, storyOf[id], st.ID)
			}
		}
	}
	if len(inStory) != len(arts) {
		t.Fatalf("%d of %d articles are in a story", len(inStory), len(arts))
	}
}

// writeSyntheticCorpus writes n distinct plain-text articles built from the
// seeds' vocabulary, so that the kill test has enough work to interrupt.
func writeSyntheticCorpus(t *testing.T, dir string, n int) int {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	var vocab []string
	files, _ := filepath.Glob(filepath.Join(samples, "*.txt"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		vocab = append(vocab, strings.Fields(string(b))...)
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Report number %d on %s\n\n", i, vocab[rng.Intn(len(vocab))])
		for p := 0; p < 4; p++ {
			for w := 0; w < 60; w++ {
				b.WriteString(vocab[rng.Intn(len(vocab))])
				b.WriteByte(' ')
			}
			b.WriteString("\n\n")
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), []byte(b.String()), 0o644)
	}
	return n
}

// A URL and stdin are inputs like files; the source is reported as given.
func TestRunReadsURLsAndStdin(t *testing.T) {
	page, err := os.ReadFile(filepath.Join(samples, "003_630b952499e63a00.txt"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(page)
	}))
	defer srv.Close()
	out, errs, code := runCLI(t, "run", "--json", srv.URL+"/iran-iraq")
	if code != 0 {
		t.Fatalf("run URL: exit %d: %s", code, errs)
	}
	var r runJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Stories) != 1 {
		t.Fatalf("run URL: %v %s", err, out)
	}
	a := r.Stories[0].Articles[0]
	if a.Source != srv.URL+"/iran-iraq" || a.Agency != "Reuters" {
		t.Fatalf("article from URL: %+v", a)
	}

	f, err := os.Open(filepath.Join(samples, "002_41c0fcd437463166.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stdin := os.Stdin
	os.Stdin = f
	defer func() { os.Stdin = stdin }()
	out, errs, code = runCLI(t, "run", "--json", "-")
	if code != 0 {
		t.Fatalf("run -: exit %d: %s", code, errs)
	}
	r = runJSON{}
	if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Stories) != 1 || r.Stories[0].Articles[0].Source != "-" {
		t.Fatalf("run stdin: %v %s", err, out)
	}
}

// A corrected article keeps its id; `versions` shows what the correction changed.
func TestVersionsShowTheCorrection(t *testing.T) {
	dir := t.TempDir()
	body, _ := os.ReadFile(filepath.Join(samples, "003_630b952499e63a00.txt"))
	write := func(name, text string) string {
		line, _ := json.Marshal(map[string]string{"url": "https://example.org/iran-iraq", "title": "Iran says U.S. requests new talks", "text": text})
		p := filepath.Join(dir, name)
		os.WriteFile(p, append(line, '\n'), 0o644)
		return p
	}
	v1 := write("v1.jsonl", string(body))
	v2 := write("v2.jsonl", strings.Replace(string(body), "U.S. and Iraqi officials in Baghdad were not immediately available for comment.", "A U.S. embassy spokesman in Baghdad declined to comment on the note.", 1))
	db := filepath.Join(dir, "v.db")
	for _, p := range []string{v1, v2} {
		if _, errs, code := runCLI(t, "ingest", "--db", db, p); code != 0 {
			t.Fatalf("ingest %s: %s", p, errs)
		}
	}
	out, _, _ := runCLI(t, "stories", "--db", db, "--json")
	var r runJSON
	json.Unmarshal([]byte(out), &r)
	if len(r.Stories) != 1 || len(r.Stories[0].Articles) != 1 {
		t.Fatalf("want one story with one article: %s", out)
	}
	out, errs, code := runCLI(t, "versions", "--db", db, "--json", r.Stories[0].Articles[0].ID)
	if code != 0 {
		t.Fatalf("versions: %s", errs)
	}
	var v struct {
		Version int `json:"version"`
		Changes []struct {
			Added   []string `json:"added"`
			Removed []string `json:"removed"`
			Changed []struct{ From, To string }
		} `json:"changes"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || v.Version != 2 || len(v.Changes) != 1 {
		t.Fatalf("versions output: %v %s", err, out)
	}
	c := v.Changes[0]
	got := strings.Join(append(append(c.Added, c.Removed...), func() []string {
		var s []string
		for _, ch := range c.Changed {
			s = append(s, ch.From, ch.To)
		}
		return s
	}()...), " | ")
	if !strings.Contains(got, "declined to comment") || !strings.Contains(got, "not immediately available") {
		t.Fatalf("the diff should show the corrected sentence: %s", got)
	}
}
