package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/tell"
)

func init() {
	register(command{name: "stories", summary: "list the stories in the store", run: runStories})
	register(command{name: "story", summary: "show one story: summary, timeline, copies, entities, quotes (--format text|md|json)", run: runStory})
	register(command{name: "entities", summary: "list people, organisations and places merged across the store", run: runEntities})
}

// openReader opens the store named by --db and loads it for views.
func openReader(ctx context.Context, db string, sentences int) (*pipeline.Reader, func(), error) {
	store, err := openStore(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	r, err := pipeline.NewReader(ctx, store, pipeline.ViewOptions{Tell: tell.Options{SummarySentences: sentences}})
	if err != nil {
		store.Close()
		return nil, nil, err
	}
	return r, func() { store.Close() }, nil
}

func runStories(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("stories", stderr)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print {\"stories\":[...]} as JSON")
	full := fs.Bool("full", false, "analyse and summarise every story (as run does), not only list them")
	if _, err := parseArgs(fs, args); err != nil {
		return 2
	}
	ctx := context.Background()
	r, done, err := openReader(ctx, *db, 5)
	if err != nil {
		return fail(stderr, err)
	}
	defer done()
	views := r.Briefs(r.Stories())
	if *full {
		views = r.Views(r.Stories())
	}
	if *asJSON {
		return exitOn(stderr, writeJSON(stdout, map[string]any{"stories": views}))
	}
	for i, v := range views {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		printStoryBrief(stdout, v)
	}
	return 0
}

func runStory(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("story", stderr)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "same as --format json")
	format := fs.String("format", "text", "text, md (Markdown, for newsletters) or json")
	sentences := fs.Int("sentences", 5, "summary length in sentences (3-7)")
	id, ok := oneArg(fs, args, "storyline story [--format text|md|json] STORY_ID", stderr)
	if !ok {
		return 2
	}
	if *asJSON {
		*format = "json"
	}
	ctx := context.Background()
	r, done, err := openReader(ctx, *db, *sentences)
	if err != nil {
		return fail(stderr, err)
	}
	defer done()
	st, err := r.Story(ctx, id)
	if errors.Is(err, storyline.ErrNotFound) {
		if s, ok := r.StoryOf(id); ok { // an article id names its story
			st, err = s, nil
		}
	}
	if err != nil {
		return fail(stderr, err)
	}
	v := r.View(st)
	switch *format {
	case "json":
		return exitOn(stderr, writeJSON(stdout, v))
	case "md", "markdown":
		return exitOn(stderr, tell.WriteMarkdown(stdout, v.Story, v.Telling, v.Full, v.Copies.Groups...))
	case "text":
		return exitOn(stderr, tell.WriteText(stdout, v.Story, v.Telling, v.Full, v.Copies.Groups...))
	}
	fmt.Fprintf(stderr, "storyline story: unknown format %q (text, md, json)\n", *format)
	return 2
}

func runEntities(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("entities", stderr)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print {\"entities\":[...]} as JSON")
	if _, err := parseArgs(fs, args); err != nil {
		return 2
	}
	ctx := context.Background()
	r, done, err := openReader(ctx, *db, 5)
	if err != nil {
		return fail(stderr, err)
	}
	defer done()
	ents := r.Entities()
	if *asJSON {
		return exitOn(stderr, writeJSON(stdout, map[string]any{"entities": ents}))
	}
	for _, e := range ents {
		fmt.Fprintf(stdout, "%-32s %-13s %4d mentions  %d stor%s", e.Name, e.Type, e.Mentions, len(e.Stories), map[bool]string{true: "y", false: "ies"}[len(e.Stories) == 1])
		if len(e.Aliases) > 0 {
			fmt.Fprintf(stdout, "  aka %v", e.Aliases)
		}
		fmt.Fprintln(stdout)
	}
	return 0
}

func exitOn(stderr io.Writer, err error) int {
	if err != nil {
		return fail(stderr, err)
	}
	return 0
}
