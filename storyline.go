// Package storyline holds Storyline's domain types: the documents read by
// ingest, the articles extraction makes of them, the copy groups, stories,
// entities, quotes, dates, events and story summaries the later stages add.
//
// It imports nothing of this module's, so that every stage, the stores and
// the servers can depend on it without depending on one another.
package storyline

import (
	"context"
	"errors"
	"time"
)

// Document is one raw input as ingest reads it, before extraction: a page,
// a feed item, a JSON Lines record, a WARC response record or a text file.
type Document struct {
	// Source names where the document came from, as the user gave it:
	// a path, a URL, "-" for stdin, with "#N" for the Nth item of a
	// container (feed item, JSONL line, WARC record offset).
	Source string
	// URL is the article's own URL when the container states it (feed item
	// link, JSONL url, WARC-Target-URI, the fetched URL).
	URL string
	// Format is the detected input format: "text", "html", "feed", "jsonl", "warc".
	Format string
	// HTML holds the page as UTF-8 HTML when the content is markup.
	HTML []byte
	// Text holds the content when it is plain text (text files, JSONL text,
	// feed items without markup).
	Text string
	// Hints the container gives about the article; extraction weighs them
	// against what the content itself says.
	Title     string
	Published time.Time // zero when unknown
	DateFrom  string    // where Published came from: "feed", "jsonl", "warc", "http"
	Outlet    string
	Byline    string
	// Fetched is when the content was retrieved (WARC-Date, HTTP fetch time).
	Fetched time.Time
	// Extra keeps container fields Storyline does not interpret (JSONL).
	Extra map[string]any
}

// Failure is an input that could not be read or extracted. The batch goes on.
type Failure struct {
	Source string // path, URL or "path#offset"
	Err    error
}

func (f Failure) Error() string { return f.Source + ": " + f.Err.Error() }

// Dateline is the place (and day, when given) that opens a wire story:
// "TEHRAN, April 7 (Reuters) –" gives Place "TEHRAN", Day "April 7".
type Dateline struct {
	Place string `json:"place,omitempty"`
	Day   string `json:"day,omitempty"`
	Raw   string `json:"raw,omitempty"`
}

// Article is an extracted news article: its main text without site
// furniture, and its metadata, each field with where it came from.
type Article struct {
	// ID is stable: derived from the canonical URL when known, else from the
	// normalised text. The same article read twice has the same ID.
	ID string `json:"id"`
	// ContentHash identifies this version of the text; a changed text under
	// the same URL is a new version of the same article.
	ContentHash string `json:"content_hash"`
	Version     int    `json:"version"`

	Source string `json:"source"`
	URL    string `json:"url,omitempty"`

	Title     string `json:"title"`
	TitleFrom string `json:"title_from,omitempty"`
	// Text is the main text; paragraphs are separated by a blank line.
	Text string `json:"text"`

	Published           time.Time `json:"published"`
	PublishedFrom       string    `json:"published_from,omitempty"`
	PublishedConfidence float64   `json:"published_confidence,omitempty"`
	Modified            time.Time `json:"modified"`

	Outlet     string `json:"outlet"`
	OutletFrom string `json:"outlet_from,omitempty"`
	// Byline lists the people credited as authors (never "Staff" or agencies).
	Byline []string `json:"byline"`
	// Agencies lists the wire agencies the article credits, most prominent first.
	Agencies   []string `json:"agencies"`
	AgencyFrom string   `json:"agency_from,omitempty"`
	Dateline   Dateline `json:"dateline"`
	Language   string   `json:"language"`
	// Credit is a "Source: …" credit line, kept out of the body.
	Credit string `json:"credit,omitempty"`

	Fetched time.Time      `json:"fetched"`
	Extra   map[string]any `json:"extra,omitempty"`
}

// Agency is the wire agency most prominently credited, or "".
func (a Article) Agency() string {
	if len(a.Agencies) == 0 {
		return ""
	}
	return a.Agencies[0]
}

// Time is the article's best-known time: publication, else fetch, else zero.
func (a Article) Time() time.Time {
	if !a.Published.IsZero() {
		return a.Published
	}
	return a.Fetched
}

// Relation says how a copy relates to the canonical article of its group.
type Relation string

const (
	Exact         Relation = "exact"
	NearDuplicate Relation = "near-duplicate"
	SharesWire    Relation = "shares-wire-text"
)

// SentenceChange is a sentence of the canonical copy reworded in another copy.
type SentenceChange struct {
	From       string  `json:"from"`
	To         string  `json:"to"`
	Similarity float64 `json:"similarity"`
}

// Copy is one non-canonical member of a copy group, compared with the
// canonical (fullest) copy.
type Copy struct {
	Article  string   `json:"article"`
	Of       string   `json:"of"`
	Relation Relation `json:"relation"`
	// Jaccard and Containment are over word shingles; Containment is the
	// share of the smaller text found in the larger one.
	Jaccard     float64 `json:"jaccard"`
	Containment float64 `json:"containment"`
	// Overlap is the share of this copy's sentences found (exactly or
	// fuzzily) in the canonical copy: how much wire text it carries.
	Overlap float64          `json:"overlap"`
	Added   []string         `json:"added"`   // sentences only this copy has
	Removed []string         `json:"removed"` // canonical sentences this copy leaves out
	Changed []SentenceChange `json:"changed"` // canonical sentences this copy rewords
}

// CopyGroup is a set of articles that are copies of one text.
type CopyGroup struct {
	Canonical string `json:"canonical"`
	Members   []Copy `json:"members"`
}

// Version is an earlier text of an article kept when its URL was re-read
// with changed text.
type Version struct {
	Article     string    `json:"article"`
	Version     int       `json:"version"`
	ContentHash string    `json:"content_hash"`
	Text        string    `json:"text"`
	Seen        time.Time `json:"seen"`
}

// Assignment records why an article joined its story.
type Assignment struct {
	Article string  `json:"article"`
	Story   string  `json:"story"`
	Score   float64 `json:"score"`
	// New is true when the article started the story.
	New bool `json:"new"`
	// Via is "cluster", "copy" when the article followed its original (an
	// exact or near-duplicate copy), or "redecided" when the end-of-batch
	// pass moved it to another story.
	Via string `json:"via"`
	// Shared lists the top terms and entities the article shares with the story.
	Shared        []string `json:"shared"`
	RunnerUp      string   `json:"runner_up,omitempty"`
	RunnerUpScore float64  `json:"runner_up_score,omitempty"`
}

// Related links a story to another with a score and the shared actors/terms.
type Related struct {
	Story  string   `json:"story"`
	Score  float64  `json:"score"`
	Shared []string `json:"shared,omitempty"`
}

// Entity is a person, organisation or place with its aliases merged.
type Entity struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`              // "person", "organization", "place"
	Subtype  string   `json:"subtype,omitempty"` // e.g. "country", "city", "agency"
	Aliases  []string `json:"aliases"`
	Roles    []string `json:"roles,omitempty"`
	Mentions int      `json:"mentions"`
	Articles []string `json:"articles,omitempty"`
	Stories  []string `json:"stories,omitempty"`
}

// Quote is a direct quote or reported speech, attributed.
type Quote struct {
	Speaker  string `json:"speaker"`
	Text     string `json:"text"`
	Direct   bool   `json:"direct"`
	Verb     string `json:"verb,omitempty"`
	Medium   string `json:"medium,omitempty"`
	Article  string `json:"article"`
	Sentence string `json:"sentence"`
}

// QuoteDrift links the same quote as worded by different outlets.
type QuoteDrift struct {
	Speaker    string   `json:"speaker"`
	Articles   []string `json:"articles"`
	Texts      []string `json:"texts"`
	Similarity float64  `json:"similarity"`
	// Differences lists word-level changes, "-old +new".
	Differences []string `json:"differences"`
}

// DateMention is a date expression normalised against its anchor.
type DateMention struct {
	Text        string  `json:"text"`
	Value       string  `json:"value"`       // ISO 8601: "2018-12-26", "2018-11", "2018"
	Granularity string  `json:"granularity"` // "day", "month", "year"
	Relative    bool    `json:"relative"`
	Anchor      string  `json:"anchor,omitempty"`      // the date it was resolved against
	AnchorFrom  string  `json:"anchor_from,omitempty"` // "published", "story", "dateline"
	Confidence  float64 `json:"confidence"`
	Article     string  `json:"article"`
	Sentence    string  `json:"sentence"`
}

// Event is a who-did-what-to-whom triple from one sentence.
type Event struct {
	Type     string `json:"type"` // "request-talks", "meet", "reject", "accuse", "deny", ...
	Actor    string `json:"actor"`
	Action   string `json:"action"` // the verb phrase as written
	Target   string `json:"target,omitempty"`
	Date     string `json:"date,omitempty"`
	Place    string `json:"place,omitempty"`
	Article  string `json:"article"`
	Sentence string `json:"sentence"`
}

// Analysis is what the understand stage finds in a story.
type Analysis struct {
	Entities []Entity      `json:"entities"`
	Quotes   []Quote       `json:"quotes"`
	Drift    []QuoteDrift  `json:"quote_drift"`
	Dates    []DateMention `json:"dates"`
	Events   []Event       `json:"events"`
}

// Citation names an article that carries a summary sentence.
type Citation struct {
	Article string `json:"article"`
	Outlet  string `json:"outlet"`
}

// SummarySentence is a sentence some outlet wrote, with every article that carries it.
type SummarySentence struct {
	Text      string     `json:"text"`
	Citations []Citation `json:"citations"`
}

// TimelineEntry is a dated event or article of a story, or of a related story.
type TimelineEntry struct {
	Date    string `json:"date"`
	Text    string `json:"text"`
	Article string `json:"article,omitempty"`
	Story   string `json:"story,omitempty"`
	Kind    string `json:"kind"` // "article", "event", "related"
	// Citations lists every article carrying the entry's sentence.
	Citations []Citation `json:"citations,omitempty"`
}

// Additions is what one article adds beyond the story's other copies, and
// what it leaves out of their shared text.
type Additions struct {
	Article string   `json:"article"`
	Outlet  string   `json:"outlet"`
	Added   []string `json:"added"`
	Omitted []string `json:"omitted"`
}

// Telling is the story page the tell stage writes.
type Telling struct {
	Headline        string            `json:"headline"`
	HeadlineDerived bool              `json:"headline_derived"`
	Summary         []SummarySentence `json:"summary"`
	Timeline        []TimelineEntry   `json:"timeline"`
	Additions       []Additions       `json:"additions"`
}

// Story is a set of articles about one event.
type Story struct {
	ID       string    `json:"id"`
	Articles []string  `json:"articles"` // article ids, in story order
	First    time.Time `json:"first"`
	Last     time.Time `json:"last"`
	Related  []Related `json:"related"`
}

// ErrNotFound is returned by stores for an unknown id.
var ErrNotFound = errors.New("not found")

// Batch is what one ingest run adds to a store, written in one transaction.
type Batch struct {
	Articles    []Article    // new articles and new versions
	Versions    []Version    // earlier texts replaced by a new version
	Assignments []Assignment // story membership of the batch's articles
	Stories     []Story      // stories created or changed by the batch
	Redirects   map[string]string
	Groups      []CopyGroup // copy groups touched by the batch, whole
	Removed     []string    // story ids merged away (see Redirects)
}

// Store persists articles, copies and stories. The SQLite store is the
// embedded default; others (PostgreSQL) implement the same interface.
type Store interface {
	// Save writes a batch atomically: all of it or none of it.
	Save(ctx context.Context, b Batch) error
	// HasContent reports whether an article version with this content hash is stored.
	HasContent(ctx context.Context, contentHash string) (bool, error)
	Article(ctx context.Context, id string) (Article, error)
	// Articles returns all articles in the order they were first stored.
	Articles(ctx context.Context) ([]Article, error)
	Versions(ctx context.Context, articleID string) ([]Version, error)
	Assignments(ctx context.Context) ([]Assignment, error)
	Stories(ctx context.Context) ([]Story, error)
	// Story resolves redirects of merged stories.
	Story(ctx context.Context, id string) (Story, error)
	Groups(ctx context.Context) ([]CopyGroup, error)
	Close() error
}
