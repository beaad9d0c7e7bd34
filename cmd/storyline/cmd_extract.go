package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/extract"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/pipeline"
)

func init() {
	register(command{name: "extract", summary: "extract articles (text and metadata) from inputs without storing them", run: runExtract})
}

// extracted is one line of `extract --json`: the contract fields first,
// then where each came from.
type extracted struct {
	ID                  string     `json:"id"`
	Source              string     `json:"source"`
	URL                 string     `json:"url,omitempty"`
	Title               string     `json:"title"`
	TitleFrom           string     `json:"title_from,omitempty"`
	Text                string     `json:"text"`
	Published           *time.Time `json:"published"`
	PublishedFrom       string     `json:"published_from,omitempty"`
	PublishedConfidence float64    `json:"published_confidence"`
	Modified            *time.Time `json:"modified"`
	Outlet              string     `json:"outlet"`
	OutletFrom          string     `json:"outlet_from,omitempty"`
	Byline              []string   `json:"byline"`
	Agency              string     `json:"agency"`
	Agencies            []string   `json:"agencies"`
	AgencyFrom          string     `json:"agency_from,omitempty"`
	Dateline            string     `json:"dateline"`
	DatelinePlace       string     `json:"dateline_place,omitempty"`
	DatelineDay         string     `json:"dateline_day,omitempty"`
	Language            string     `json:"language"`
	Credit              string     `json:"credit,omitempty"`
}

func toExtracted(a storyline.Article) extracted {
	byline, agencies := a.Byline, a.Agencies
	if byline == nil {
		byline = []string{}
	}
	if agencies == nil {
		agencies = []string{}
	}
	opt := func(t time.Time) *time.Time {
		if t.IsZero() {
			return nil
		}
		u := t.UTC()
		return &u
	}
	return extracted{
		ID: a.ID, Source: a.Source, URL: a.URL, Title: a.Title, TitleFrom: a.TitleFrom, Text: a.Text,
		Published: opt(a.Published), PublishedFrom: a.PublishedFrom, PublishedConfidence: a.PublishedConfidence,
		Modified: opt(a.Modified), Outlet: a.Outlet, OutletFrom: a.OutletFrom, Byline: byline,
		Agency: a.Agency(), Agencies: agencies, AgencyFrom: a.AgencyFrom,
		Dateline: pipeline.DatelineString(a.Dateline), DatelinePlace: a.Dateline.Place, DatelineDay: a.Dateline.Day,
		Language: a.Language, Credit: a.Credit,
	}
}

func runExtract(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("extract", stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per article per line")
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(inputs) == 0 {
		fmt.Fprintln(stderr, "usage: storyline extract [--json] PATH|URL|- ...")
		return 2
	}
	failed := 0
	report := func(f storyline.Failure) {
		failed++
		fmt.Fprintf(stderr, "storyline: %s\n", f.Error())
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	err = ingest.Read(context.Background(), inputs, ingest.Options{}, func(d storyline.Document) error {
		a, err := extract.Extract(d)
		if err != nil {
			report(storyline.Failure{Source: d.Source, Err: fmt.Errorf("extract: %w", err)})
			return nil
		}
		pipeline.Identify(&a)
		x := toExtracted(a)
		if *asJSON {
			return enc.Encode(x)
		}
		printExtracted(stdout, x)
		return nil
	}, report)
	if err != nil {
		return fail(stderr, err)
	}
	if failed > 0 {
		return 1
	}
	return 0
}

func printExtracted(w io.Writer, x extracted) {
	fmt.Fprintf(w, "== %s\n", x.Source)
	field := func(name, value, from string) {
		if value == "" {
			value = "—"
		}
		if from != "" {
			value += "  (" + from + ")"
		}
		fmt.Fprintf(w, "%-10s %s\n", name+":", value)
	}
	field("title", x.Title, x.TitleFrom)
	pub := ""
	if x.Published != nil {
		pub = fmt.Sprintf("%s, confidence %.2f", x.Published.Format("2006-01-02"), x.PublishedConfidence)
	}
	field("published", pub, x.PublishedFrom)
	field("outlet", x.Outlet, x.OutletFrom)
	field("byline", strings.Join(x.Byline, ", "), "")
	field("agency", strings.Join(x.Agencies, ", "), x.AgencyFrom)
	field("dateline", x.Dateline, "")
	field("language", x.Language, "")
	field("credit", x.Credit, "")
	fmt.Fprintf(w, "\n%s\n\n", x.Text)
}
