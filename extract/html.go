package extract

import (
	"bytes"
	"fmt"
	nurl "net/url"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
)

// Baseline runs plain go-trafilatura with its default options on a page and
// returns its body text: the reference Storyline's extraction is measured
// against (eval and bench use it).
func Baseline(page []byte, pageURL string) (string, error) {
	opts := trafilatura.Options{}
	if u, err := nurl.ParseRequestURI(pageURL); err == nil {
		opts.OriginalURL = u
	}
	res, err := trafilatura.Extract(bytes.NewReader(page), opts)
	if err != nil {
		return "", fmt.Errorf("trafilatura: %w", err)
	}
	return res.ContentText, nil
}

// decodeHTML returns the page as UTF-8. Ingest already hands over UTF-8,
// but a page read some other way may carry a legacy charset: the BOM,
// a <meta charset> or, failing both, a guess from the bytes decides.
func decodeHTML(raw []byte) []byte {
	if utf8.Valid(raw) {
		return bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	}
	enc, _, _ := charset.DetermineEncoding(raw, "text/html")
	out, _, err := transform.Bytes(enc.NewDecoder(), raw)
	if err != nil {
		return bytes.ToValidUTF8(raw, []byte("\uFFFD"))
	}
	return out
}

// parseHTML decodes and parses a page.
func parseHTML(raw []byte) (*html.Node, error) {
	doc, err := html.Parse(bytes.NewReader(decodeHTML(raw)))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	return doc, nil
}

// extractHTML gathers the body and the metadata of a page.
func extractHTML(raw []byte, pageURL string) (pageFacts, error) {
	doc, err := parseHTML(raw)
	if err != nil {
		return pageFacts{}, err
	}
	meta := readMeta(doc)
	opts := trafilatura.Options{}
	if u, err := nurl.ParseRequestURI(pageURL); err == nil {
		opts.OriginalURL = u
	}
	var facts pageFacts
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err == nil && res != nil {
		facts.paragraphs = renderBlocks(res.ContentNode)
		facts.tmeta = res.Metadata
		facts.detectedLang = res.Metadata.Language
	}
	facts.meta = meta
	facts.paragraphs = cleanHTMLParagraphs(facts.paragraphs, meta, pageURL)
	if len(facts.paragraphs) >= 3 {
		// trafilatura leaves doc untouched; readability may now mutate it.
		second := cleanHTMLParagraphs(readabilityParagraphs(doc), meta, pageURL)
		facts.paragraphs = trimEdgesByOpinion(facts.paragraphs, second)
	}
	htmlMetadata(&facts, doc, pageURL)
	return facts, nil
}
