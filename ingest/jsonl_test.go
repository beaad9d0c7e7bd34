package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A bad line in the middle is reported with its line number; the lines
// around it are still read.
func TestReadJSONL(t *testing.T) {
	const path = "testdata/articles.jsonl"
	res := readAll(t, Options{}, path)
	if got := strings.Join(res.sources(), " "); got != path+"#1 "+path+"#2 "+path+"#5 "+path+"#7" {
		t.Fatalf("documents %s", got)
	}
	if f := res.failure(t, path+"#4"); !strings.Contains(f.Err.Error(), "bad JSON line") {
		t.Errorf("line 4: %v", f.Err)
	}
	if f := res.failure(t, path+"#6"); !strings.Contains(f.Err.Error(), "not a JSON object") {
		t.Errorf("line 6: %v", f.Err)
	}
	if len(res.fails) != 2 {
		t.Errorf("failures %v", res.fails)
	}
	one := res.docs[0]
	if one.Format != FormatJSONL || one.URL != "https://wire.example.com/2018/12/26/iran-taliban" || one.Outlet != "The New Arab" ||
		one.Byline != "Staff Writer" || one.DateFrom != "jsonl" || !one.Published.Equal(time.Date(2018, 12, 26, 11, 42, 0, 0, time.UTC)) {
		t.Errorf("line 1: %+v", one)
	}
	if one.Text != "Iran has met with the Afghan Taliban, a top Iranian security official said on Wednesday.\n\nAli Shamkhani made the announcement while on a visit to Kabul." {
		t.Errorf("line 1 text %q", one.Text)
	}
	if len(one.Extra) != 2 || one.Extra["id"] != "a1" || one.Extra["story"] != "iran-taliban" {
		t.Errorf("line 1 extra %v", one.Extra)
	}
	two := res.docs[1]
	if two.Outlet != "Al Jazeera" || two.Byline != "Reza Karimi, Lena Haddad" || !bytes.HasPrefix(two.HTML, []byte("<article>")) ||
		!two.Published.Equal(time.Date(2019, 1, 21, 9, 15, 30, 0, time.UTC)) {
		t.Errorf("line 2: %+v", two)
	}
	if two.Extra["score"] != 0.87 || len(two.Extra) != 2 {
		t.Errorf("line 2 extra %v", two.Extra)
	}
	five := res.docs[2]
	if five.Byline != "Parisa Hafezi" || !five.Published.Equal(time.Date(2008, 4, 7, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("line 5: %+v", five)
	}
	seven := res.docs[3]
	if seven.Title != "Iran, US ready for talks" || seven.Published.IsZero() || seven.Extra["timestamp"] == nil {
		t.Errorf("headline-only line 7: %+v", seven)
	}
}

func TestJSONLFieldErrors(t *testing.T) {
	data := strings.Join([]string{
		`{"title": 42, "text": "x"}`,
		`{"url": "https://a.example/1"}`,
		`{"title": "Dated oddly", "published": "next Tuesday"}`,
		`{"title": "Epoch", "published": 1545824520}`,
		`{"title": "Spaced", "published": "2018-12-26 11:42"}`,
	}, "\n")
	res, path := readBytes(t, "fields.jsonl", []byte(data))
	if f := res.failure(t, path+"#1"); !strings.Contains(f.Err.Error(), `field "title": want a string`) {
		t.Errorf("#1: %v", f.Err)
	}
	if f := res.failure(t, path+"#2"); !strings.Contains(f.Err.Error(), "no title, text or html") {
		t.Errorf("#2: %v", f.Err)
	}
	if d := res.doc(t, path+"#3"); !d.Published.IsZero() || d.Extra["published"] != "next Tuesday" {
		t.Errorf("#3: unreadable date must stay in Extra: %+v", d)
	}
	if d := res.doc(t, path+"#4"); !d.Published.Equal(time.Date(2018, 12, 26, 11, 42, 0, 0, time.UTC)) {
		t.Errorf("#4 epoch: %v", d.Published)
	}
	if d := res.doc(t, path+"#5"); !d.Published.Equal(time.Date(2018, 12, 26, 11, 42, 0, 0, time.UTC)) {
		t.Errorf("#5: %v", d.Published)
	}
}

func TestJSONLLongLine(t *testing.T) {
	long := `{"title": "big", "text": "` + strings.Repeat("a", 300) + `"}`
	data := []byte(`{"title": "small"}` + "\n" + long + "\n" + `{"title": "after"}` + "\n")
	path := filepath.Join(t.TempDir(), "long.jsonl")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res := readAll(t, Options{MaxBytes: 100}, path)
	if f := res.failure(t, path+"#2"); !strings.Contains(f.Err.Error(), "longer than 100 bytes") {
		t.Errorf("#2: %v", f.Err)
	}
	if len(res.docs) != 2 || res.docs[1].Title != "after" {
		t.Errorf("documents %v", res.sources())
	}
}

// The labelled dev data (gzip JSON Lines) reads in full, when present.
func TestReadStoriesDevData(t *testing.T) {
	path := "../../shared/data/stories-dev/fulltext-dev.jsonl.gz"
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared dev data not present")
	}
	res := readAll(t, Options{}, path)
	if len(res.fails) != 0 || len(res.docs) != 156 {
		t.Fatalf("%d documents, failures %v", len(res.docs), res.fails)
	}
	for _, d := range res.docs {
		if d.Title == "" || d.Text == "" || d.URL == "" || d.Outlet == "" || d.Published.IsZero() || d.Extra["story"] == nil {
			t.Errorf("%s: missing fields: %q %q %v", d.Source, d.Title, d.Outlet, d.Published)
			break
		}
	}
}
