package main

import (
	"context"
	"fmt"
	"io"

	"github.com/storyline-news/storyline/pipeline"
)

func init() {
	register(command{name: "versions", summary: "show an article's earlier texts and what each new version changed", run: runVersions})
}

func runVersions(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("versions", stderr)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print {\"article\":...,\"version\":N,\"changes\":[...]} as JSON")
	id, ok := oneArg(fs, args, "storyline versions [--json] ARTICLE_ID", stderr)
	if !ok {
		return 2
	}
	ctx := context.Background()
	store, err := openStore(ctx, *db)
	if err != nil {
		return fail(stderr, err)
	}
	defer store.Close()
	current, err := store.Article(ctx, id)
	if err != nil {
		return fail(stderr, err)
	}
	old, err := store.Versions(ctx, current.ID)
	if err != nil {
		return fail(stderr, err)
	}
	changes := pipeline.VersionChanges(current, old)
	if *asJSON {
		return exitOn(stderr, writeJSON(stdout, map[string]any{"article": current.ID, "version": current.Version, "changes": changes}))
	}
	fmt.Fprintf(stdout, "%s  %s  version %d\n", current.ID, current.Source, current.Version)
	if len(changes) == 0 {
		fmt.Fprintln(stdout, "  one version only")
	}
	for _, c := range changes {
		fmt.Fprintf(stdout, "  version %d -> %d (replaced %s)\n", c.From, c.To, c.Seen.UTC().Format("2006-01-02 15:04"))
		printDiff(stdout, c.Added, c.Removed, c.Changed)
	}
	return 0
}
