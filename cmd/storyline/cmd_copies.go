package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/storyline-news/storyline"
)

func init() {
	register(command{name: "copies", summary: "show the copies of an article or of a story's articles, with what each changed", run: runCopies})
	register(command{name: "why", summary: "explain why an article joined its story", run: runWhy})
}

func runCopies(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("copies", stderr)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print {\"groups\":[...]} as JSON")
	id, ok := oneArg(fs, args, "storyline copies [--json] STORY_OR_ARTICLE_ID", stderr)
	if !ok {
		return 2
	}
	ctx := context.Background()
	r, done, err := openReader(ctx, *db, 5)
	if err != nil {
		return fail(stderr, err)
	}
	defer done()
	var groups []storyline.CopyGroup
	if g, ok := r.GroupOf(id); ok {
		groups = append(groups, g)
	} else if _, ok := r.Article(id); ok {
		// an article with no copies: an empty list, not an error
	} else {
		st, err := r.Story(ctx, id)
		if err != nil {
			return fail(stderr, err)
		}
		seen := map[string]bool{}
		for _, id := range st.Articles {
			if g, ok := r.GroupOf(id); ok && !seen[g.Canonical] {
				seen[g.Canonical] = true
				groups = append(groups, g)
			}
		}
	}
	if *asJSON {
		if groups == nil {
			groups = []storyline.CopyGroup{}
		}
		return exitOn(stderr, writeJSON(stdout, map[string]any{"groups": groups}))
	}
	if len(groups) == 0 {
		fmt.Fprintln(stdout, "no copies")
	}
	for _, g := range groups {
		can, _ := r.Article(g.Canonical)
		fmt.Fprintf(stdout, "canonical %s  %s  %s\n", g.Canonical, orNone(can.Outlet), can.Source)
		for _, m := range g.Members {
			a, _ := r.Article(m.Article)
			fmt.Fprintf(stdout, "  %s %s  %s — %s, overlap %.0f%%, containment %.2f, jaccard %.2f\n",
				m.Article, orNone(a.Outlet), a.Source, m.Relation, 100*m.Overlap, m.Containment, m.Jaccard)
			printDiff(stdout, m.Added, m.Removed, m.Changed)
		}
	}
	return 0
}

func runWhy(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("why", stderr)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the assignment as JSON")
	id, ok := oneArg(fs, args, "storyline why [--json] ARTICLE_ID", stderr)
	if !ok {
		return 2
	}
	ctx := context.Background()
	store, err := openStore(ctx, *db)
	if err != nil {
		return fail(stderr, err)
	}
	defer store.Close()
	all, err := store.Assignments(ctx)
	if err != nil {
		return fail(stderr, err)
	}
	for _, as := range all {
		if as.Article != id {
			continue
		}
		if *asJSON {
			return exitOn(stderr, writeJSON(stdout, as))
		}
		switch {
		case as.Via == "copy":
			fmt.Fprintf(stdout, "%s joined story %s as a copy: %s\n", as.Article, as.Story, strings.Join(as.Shared, ", "))
		case as.New:
			fmt.Fprintf(stdout, "%s started story %s", as.Article, as.Story)
			if as.RunnerUp != "" {
				fmt.Fprintf(stdout, " (closest story %s scored %.3f, under the joining threshold)", as.RunnerUp, as.RunnerUpScore)
			}
			fmt.Fprintln(stdout)
		default:
			fmt.Fprintf(stdout, "%s joined story %s with score %.3f\n  shared: %s\n", as.Article, as.Story, as.Score, strings.Join(as.Shared, ", "))
			if as.RunnerUp != "" {
				fmt.Fprintf(stdout, "  runner-up: story %s with score %.3f\n", as.RunnerUp, as.RunnerUpScore)
			}
		}
		return 0
	}
	return fail(stderr, fmt.Errorf("article %s: %w", id, storyline.ErrNotFound))
}
