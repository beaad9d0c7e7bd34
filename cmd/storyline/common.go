package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/store/sqlite"
	"golang.org/x/term"
)

// defaultDB is where the store lives unless --db or STORYLINE_DB says
// otherwise: the user's data directory, so that every command finds it.
func defaultDB() string {
	if p := os.Getenv("STORYLINE_DB"); p != "" {
		return p
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "storyline.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "storyline", "storyline.db")
}

func batchFlag(fs *flag.FlagSet) *int {
	return fs.Int("batch", 2000, "documents per transaction")
}

func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "store path (default $STORYLINE_DB or "+defaultDB()+")")
}

// openStore opens the store at path (the default when empty), creating
// its folder.
func openStore(ctx context.Context, path string) (*sqlite.Store, error) {
	if path == "" {
		path = defaultDB()
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create store folder: %w", err)
		}
	}
	return sqlite.Open(ctx, path)
}

// ingestInto runs an ingest with failures on stderr, a progress line when
// stderr is a terminal, and the one-line summary at the end.
func ingestInto(ctx context.Context, store storyline.Store, inputs []string, batch int, stderr io.Writer) (pipeline.Summary, error) {
	eng, err := pipeline.Open(ctx, store)
	if err != nil {
		return pipeline.Summary{}, err
	}
	bar := newProgress(stderr)
	sum, err := eng.Ingest(ctx, inputs, pipeline.Options{
		BatchSize: batch,
		OnFailure: func(f storyline.Failure) {
			bar.clear()
			fmt.Fprintf(stderr, "storyline: %s\n", f.Error())
		},
		OnProgress: bar.update,
	})
	bar.clear()
	fmt.Fprintf(stderr, "read %d · new %d · versions %d · unchanged %d · copies %d · failed %d · stories %d · %s\n",
		sum.Read, sum.New, sum.Versions, sum.Unchanged, sum.Copies, sum.Failed, sum.Stories, sum.Elapsed.Round(time.Millisecond))
	return sum, err
}

// progress draws a one-line counter on a terminal, at most 10 times a second.
type progress struct {
	w       io.Writer
	on      bool
	last    time.Time
	started time.Time
}

func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, on: ok && term.IsTerminal(int(f.Fd())), started: time.Now()}
}

func (p *progress) update(pr pipeline.Progress) {
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	rate := float64(pr.Read) / time.Since(p.started).Seconds()
	fmt.Fprintf(p.w, "\r%s read %d · failed %d · %.0f docs/s ", spinner(pr.Read), pr.Read, pr.Failed, rate)
}

func (p *progress) clear() {
	if p.on && !p.last.IsZero() {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 60))
	}
}

func spinner(n int) string { return string(`|/-\`[n%4]) }

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "storyline: %v\n", err)
	return 1
}
