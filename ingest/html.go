package ingest

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// readHTML emits an HTML input as one document, its bytes decoded to UTF-8.
func (r *reader) readHTML(m inputMeta, data []byte) error {
	page, err := decodeHTML(data, m.contentType)
	if err != nil {
		r.fail(m.source, err)
		return nil
	}
	doc := m.newDoc(m.source, FormatHTML)
	doc.HTML = page
	return r.emit(doc)
}

// decodeHTML returns an HTML page as UTF-8. The charset is found as a
// browser does (golang.org/x/net/html/charset): byte order mark, then the
// Content-Type header, then <meta> tags in the first 1024 bytes, else UTF-8
// when the bytes are valid UTF-8 and windows-1252 when not. A declared
// charset other than UTF-8 is rewritten to "utf-8" in the page so that a
// later parser does not decode it a second time.
func decodeHTML(data []byte, contentType string) ([]byte, error) {
	enc, name, _ := charset.DetermineEncoding(data, contentType)
	if name == "utf-8" {
		out := bytes.TrimPrefix(data, utf8BOM)
		if !utf8.Valid(out) {
			// Declared UTF-8 but is not: keep the text readable.
			out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
		}
		return out, nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decode charset %s: %w", name, err)
	}
	out = bytes.TrimPrefix(out, utf8BOM)
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return declareUTF8(out), nil
}

// metaCharset matches a charset declaration in a <meta> tag, in either the
// <meta charset="x"> or the http-equiv content="text/html; charset=x" form.
var metaCharset = regexp.MustCompile(`(?i)(<meta\b[^>]*?charset\s*=\s*["']?)([A-Za-z0-9_:.\-]+)`)

// declareUTF8 rewrites the charset named by <meta> tags near the start of
// a page to utf-8, as the bytes now are.
func declareUTF8(page []byte) []byte {
	limit := min(len(page), 4096)
	head := metaCharset.ReplaceAll(page[:limit], []byte("${1}utf-8"))
	if bytes.Equal(head, page[:limit]) {
		return page
	}
	return append(head, page[limit:]...)
}

// looksLikeMarkup reports whether a feed or JSONL body holds HTML tags
// rather than plain text.
func looksLikeMarkup(s string) bool {
	l := strings.ToLower(s)
	for _, tag := range []string{"<p>", "<p ", "<br", "<div", "<a ", "<img", "<ul", "<ol", "<li", "<h1", "<h2", "<h3", "<blockquote", "<em>", "<strong>", "<b>", "<i>", "<span", "<table", "<figure", "<html", "<body", "<article", "<section"} {
		if strings.Contains(l, tag) {
			return true
		}
	}
	return false
}
