package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/tell"
)

func init() {
	register(command{name: "run", summary: "ingest inputs into a store (temporary by default) and print the stories", run: runRun})
	register(command{name: "ingest", summary: "ingest files, folders, - (stdin) or URLs into the store", run: runIngest})
}

func runRun(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("run", stderr)
	db := fs.String("db", "", "store path (default: a temporary store, removed afterwards)")
	asJSON := fs.Bool("json", false, "print the stories as one JSON object")
	batch := batchFlag(fs)
	sentences := fs.Int("sentences", 5, "summary length in sentences (3-7)")
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(inputs) == 0 {
		fmt.Fprintln(stderr, "usage: storyline run [--json] [--db PATH] PATH|URL|- ...")
		return 2
	}
	ctx := context.Background()
	path := *db
	if path == "" {
		dir, err := os.MkdirTemp("", "storyline-run-")
		if err != nil {
			return fail(stderr, err)
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "run.db")
	}
	store, err := openStore(ctx, path)
	if err != nil {
		return fail(stderr, err)
	}
	defer store.Close()
	sum, err := ingestInto(ctx, store, inputs, *batch, stderr)
	if err != nil {
		return fail(stderr, err)
	}
	reader, err := pipeline.NewReader(ctx, store, pipeline.ViewOptions{Tell: tell.Options{SummarySentences: *sentences}})
	if err != nil {
		return fail(stderr, err)
	}
	views := reader.Views(reader.Stories())
	if *asJSON {
		if views == nil {
			views = []pipeline.StoryView{}
		}
		if err := writeJSON(stdout, map[string]any{"stories": views}); err != nil {
			return fail(stderr, err)
		}
	} else {
		for i, v := range views {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			printStoryBrief(stdout, v)
		}
	}
	if sum.Failed > 0 {
		return 1
	}
	return 0
}

func runIngest(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("ingest", stderr)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the run's counts and failures as JSON")
	batch := batchFlag(fs)
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(inputs) == 0 {
		fmt.Fprintln(stderr, "usage: storyline ingest [--db PATH] [--json] PATH|URL|- ...")
		return 2
	}
	ctx := context.Background()
	store, err := openStore(ctx, *db)
	if err != nil {
		return fail(stderr, err)
	}
	defer store.Close()
	sum, err := ingestInto(ctx, store, inputs, *batch, stderr)
	if err != nil {
		return fail(stderr, err)
	}
	if *asJSON {
		failures := []map[string]string{}
		for _, f := range sum.Failures {
			failures = append(failures, map[string]string{"source": f.Source, "error": f.Err.Error()})
		}
		writeJSON(stdout, map[string]any{
			"read": sum.Read, "new": sum.New, "versions": sum.Versions, "unchanged": sum.Unchanged,
			"copies": sum.Copies, "failed": sum.Failed, "stories": sum.Stories,
			"elapsed_sec": sum.Elapsed.Seconds(), "failures": failures,
		})
	}
	if sum.Failed > 0 {
		return 1
	}
	return 0
}
