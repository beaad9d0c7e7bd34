package ingest

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestReadRSSFeed(t *testing.T) {
	const path = "testdata/rss2.xml"
	res := readAll(t, Options{}, path)
	if len(res.fails) != 0 || len(res.docs) != 3 {
		t.Fatalf("documents %v, failures %v", res.sources(), res.fails)
	}
	for i, d := range res.docs {
		if want := path + "#" + string(rune('1'+i)); d.Source != want || d.Format != FormatFeed {
			t.Errorf("item %d: Source %q Format %q, want %q feed", i, d.Source, d.Format, want)
		}
		if d.Outlet != "Gulf Wire & Region" || d.DateFrom != "feed" {
			t.Errorf("%s: Outlet %q DateFrom %q", d.Source, d.Outlet, d.DateFrom)
		}
	}
	first := res.docs[0]
	if first.URL != "https://news.example.org/world/2018/12/26/iran-taliban-talks" ||
		first.Title != "Iran held talks with Afghan Taliban amid peace push" ||
		!first.Published.Equal(time.Date(2018, 12, 26, 11, 42, 0, 0, time.UTC)) || first.Byline != "Sara Nouri" {
		t.Errorf("first item: %+v", first)
	}
	// content:encoded wins over the description and stays markup.
	if !bytes.HasPrefix(first.HTML, []byte("<p>Iran has met with the Afghan Taliban")) || !bytes.Contains(first.HTML, []byte("<figure>")) || first.Text != "" {
		t.Errorf("first item body: HTML %.80q Text %.40q", first.HTML, first.Text)
	}
	second := res.docs[1]
	if second.Byline != "Reza Karimi, Lena Haddad" {
		t.Errorf("two dc:creator: Byline %q", second.Byline)
	}
	if want := time.Date(2019, 1, 21, 5, 45, 30, 0, time.UTC); !second.Published.Equal(want) {
		t.Errorf("+0330 date: %v, want %v", second.Published, want)
	}
	third := res.docs[2]
	if len(third.HTML) != 0 || !strings.HasPrefix(third.Text, "Iran said on Monday it had received a request") || third.Byline != "Gulf Desk" {
		t.Errorf("plain description: %+v", third)
	}
}

func TestReadAtomFeed(t *testing.T) {
	const path = "testdata/atom.xml"
	res := readAll(t, Options{}, path)
	if len(res.fails) != 0 || len(res.docs) != 3 {
		t.Fatalf("documents %v, failures %v", res.sources(), res.fails)
	}
	first, second, third := res.docs[0], res.docs[1], res.docs[2]
	if first.Outlet != "Kabul Daily Dispatch" || first.Byline != "Hamid Ahmadi, Nadia Rahimi" ||
		first.URL != "https://dispatch.example.net/2018/12/27/iran-taliban-coordination" {
		t.Errorf("first entry: %+v", first)
	}
	// published wins over updated; +04:30 is normalised to UTC.
	if want := time.Date(2018, 12, 27, 1, 40, 0, 0, time.UTC); !first.Published.Equal(want) {
		t.Errorf("published %v, want %v", first.Published, want)
	}
	if !bytes.HasPrefix(first.HTML, []byte("<p>Iran will continue talks")) || !bytes.Contains(first.HTML, []byte("“The Afghan government")) {
		t.Errorf("escaped html content not unescaped: %.100q", first.HTML)
	}
	// No published: updated is used.
	if want := time.Date(2019, 1, 21, 12, 0, 0, 0, time.UTC); !second.Published.Equal(want) || second.DateFrom != "feed" {
		t.Errorf("updated fallback: %v %q", second.Published, second.DateFrom)
	}
	if !bytes.Contains(second.HTML, []byte("<p>Shamkhani said he rejected the offer")) {
		t.Errorf("xhtml content: %q", second.HTML)
	}
	if third.Byline != "" || !strings.HasPrefix(third.Text, "The Taliban have been waging") || len(third.HTML) != 0 {
		t.Errorf("summary-only entry: %+v", third)
	}
}

func TestReadMalformedFeed(t *testing.T) {
	data := []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>One</title></item><item><title>Two</ti`)
	res, path := readBytes(t, "broken.xml", data)
	if f := res.failure(t, path); !strings.HasPrefix(f.Err.Error(), "malformed feed") {
		t.Errorf("reason %v", f.Err)
	}
	if len(res.docs) != 0 {
		t.Errorf("documents from a malformed feed: %v", res.sources())
	}
}

func TestReadRDFFeed(t *testing.T) {
	data := []byte(`<?xml version="1.0" encoding="ISO-8859-1"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://old.example.org/"><title>Old Wire</title><link>https://old.example.org/</link><description>d</description></channel>
<item rdf:about="https://old.example.org/1"><title>Caf` + "\xe9" + ` talks in Kabul</title><link>https://old.example.org/1</link><dc:date>2008-04-07T10:00:00Z</dc:date><dc:creator>Ana Ruiz</dc:creator><description>Talks resumed.</description></item>
</rdf:RDF>`)
	res, path := readBytes(t, "old.rdf", data)
	d := res.doc(t, path+"#1")
	if d.Title != "Café talks in Kabul" || d.Outlet != "Old Wire" || d.Byline != "Ana Ruiz" || d.Text != "Talks resumed." ||
		!d.Published.Equal(time.Date(2008, 4, 7, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("RDF item: %+v", d)
	}
}
