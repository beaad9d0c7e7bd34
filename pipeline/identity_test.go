package pipeline

import (
	"testing"

	"github.com/storyline-news/storyline"
)

func TestCanonicalURL(t *testing.T) {
	same := []string{
		"https://www.example.com/news/story-1/?utm_source=x&b=2&a=1#top",
		"http://example.com/news/story-1?a=1&b=2",
	}
	if CanonicalURL(same[0]) != CanonicalURL(same[1]) {
		t.Fatalf("%q != %q", CanonicalURL(same[0]), CanonicalURL(same[1]))
	}
	if CanonicalURL("not a url") != "" || CanonicalURL("ftp://x.org/a") != "" {
		t.Fatal("non-http URLs have no canonical form")
	}
}

func TestIdentify(t *testing.T) {
	a := storyline.Article{Text: "Iran said on Monday \u201cno talks\u201d."}
	b := storyline.Article{Text: "  iran said on monday \"no talks\". "}
	Identify(&a)
	Identify(&b)
	if a.ID != b.ID || a.ContentHash != b.ContentHash {
		t.Fatal("texts equal after normalisation must have one identity")
	}
	c := storyline.Article{Text: a.Text, URL: "https://x.org/a"}
	d := storyline.Article{Text: "a corrected text", URL: "https://x.org/a?utm_medium=rss"}
	Identify(&c)
	Identify(&d)
	if c.ID != d.ID || c.ContentHash == d.ContentHash {
		t.Fatal("same URL with another text: same article, new content")
	}
	if c.ID == a.ID {
		t.Fatal("a URL-identified article differs from a text-identified one")
	}
}
