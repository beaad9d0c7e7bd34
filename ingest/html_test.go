package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// An ISO-8859-1 page (really windows-1252, as browsers read it) with a
// meta charset is decoded to UTF-8 and its declaration rewritten.
func TestReadLatin1HTML(t *testing.T) {
	const path = "testdata/latin1.html"
	res := readAll(t, Options{}, path)
	d := res.doc(t, path)
	if d.Format != FormatHTML || !utf8.Valid(d.HTML) {
		t.Fatalf("format %s, valid UTF-8 %v", d.Format, utf8.Valid(d.HTML))
	}
	for _, want := range []string{
		"<title>L’Iran dit que les États-Unis demandent de nouveaux pourparlers – Le Courrier</title>",
		"Frédéric Müller", "« Nous avons reçu", "20 000 €",
		`content="text/html; charset=utf-8"`,
	} {
		if !bytes.Contains(d.HTML, []byte(want)) {
			t.Errorf("decoded page lacks %q", want)
		}
	}
	if bytes.Contains(d.HTML, []byte("iso-8859-1")) {
		t.Error("old charset declaration left in the page")
	}
}

func TestDecodeHTMLCharsets(t *testing.T) {
	cases := []struct {
		name, contentType string
		page              []byte
		want              string
	}{
		{"meta charset", "", []byte("<html><head><meta charset=\"windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>"), "Привет"},
		{"header wins over meta", "text/html; charset=koi8-r", []byte("<html><head><meta charset=\"utf-8\"></head><body>\xf0\xd2\xc9\xd7\xc5\xd4</body></html>"), "Привет"},
		{"BOM wins", "text/html; charset=iso-8859-1", append([]byte("\xef\xbb\xbf<html><body>"), []byte("Téhéran</body></html>")...), "<html><body>Téhéran"},
		{"utf-8 without declaration", "", []byte("<p>Kabul – Tehran</p>"), "Kabul – Tehran"},
		{"undeclared latin-1 guessed", "", []byte("<p>Caf\xe9</p>"), "Café"},
		{"shift_jis meta", "", []byte("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body>\x93\xfa\x96\x7b</body></html>"), "日本"},
	}
	for _, c := range cases {
		got, err := decodeHTML(c.page, c.contentType)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !bytes.Contains(got, []byte(c.want)) || !utf8.Valid(got) {
			t.Errorf("%s: got %q, want it to contain %q", c.name, got, c.want)
		}
	}
}

// Plain text that is not UTF-8 is a failure naming the byte offset; the
// same bytes as HTML are decoded instead.
func TestInvalidUTF8TextVersusHTML(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "a.txt")
	page := filepath.Join(dir, "b.html")
	os.WriteFile(text, []byte("Kabul, Dec. 26 \xe2\x80\x93 Shamkhani said \x93talks\x94 go on."), 0o644)
	os.WriteFile(page, []byte("<p>Kabul, Dec. 26 \x96 Shamkhani said \x93talks\x94 go on.</p>"), 0o644)
	res := readAll(t, Options{}, dir)
	if f := res.failure(t, text); !strings.Contains(f.Err.Error(), "at byte offset 34") {
		t.Errorf("text: %v", f.Err)
	}
	if d := res.doc(t, page); !bytes.Contains(d.HTML, []byte("Dec. 26 – Shamkhani said “talks” go on")) {
		t.Errorf("html: %q", d.HTML)
	}
}

// Every page of the extraction dev set (gzip HTML) reads as one UTF-8
// HTML document, when the shared data is present.
func TestReadExtractionDevPages(t *testing.T) {
	dir := "../../shared/data/extraction-dev/html"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skip("shared dev data not present")
	}
	res := readAll(t, Options{}, dir)
	if len(res.fails) != 0 {
		t.Errorf("failures: %v", res.fails)
	}
	if len(res.docs) != len(entries) {
		t.Fatalf("%d documents from %d pages", len(res.docs), len(entries))
	}
	for _, d := range res.docs {
		if d.Format != FormatHTML || !utf8.Valid(d.HTML) || !bytes.Contains(bytes.ToLower(d.HTML), []byte("<body")) {
			t.Errorf("%s: format %s, %d bytes", d.Source, d.Format, len(d.HTML))
		}
	}
}
