package extract

import (
	"encoding/json"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// pageMeta is what a page's head and structured data state about it.
type pageMeta struct {
	title    string            // <title>
	meta     map[string]string // <meta name|property|itemprop> → content (first wins), keys lower-case
	h1       []string
	lang     string // <html lang>
	ld       ldArticle
	hasLD    bool
	timeTags []string // datetime attributes of <time> elements, in order
}

// ldArticle is the article described by the page's JSON-LD.
type ldArticle struct {
	headline, datePublished, dateModified, publisher, body, section string
	authors                                                         []string
}

// readMeta collects the page's metadata in one walk.
func readMeta(doc *html.Node) pageMeta {
	m := pageMeta{meta: map[string]string{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				m.lang = attr(n, "lang")
			case "title":
				if m.title == "" {
					m.title = collapseSpace(textOf(n))
				}
			case "meta":
				content := strings.TrimSpace(attr(n, "content"))
				for _, k := range []string{"property", "name", "itemprop"} {
					if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" && content != "" {
						if _, seen := m.meta[key]; !seen {
							m.meta[key] = content
						}
					}
				}
			case "h1":
				if t := collapseSpace(textOf(n)); t != "" {
					m.h1 = append(m.h1, t)
				}
			case "time":
				if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
					m.timeTags = append(m.timeTags, dt)
				}
			case "script":
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					m.readLD(textOf(n))
				}
				return
			case "style", "noscript", "svg":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// articleTypes are schema.org types that describe an article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"reviewnewsarticle": true, "report": true, "techarticle": true, "scholarlyarticle": true,
	"liveblogposting": true, "posting": true, "socialmediaposting": true, "webpage": false,
}

// readLD merges one JSON-LD block: the first article object found wins.
func (m *pageMeta) readLD(raw string) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(raw)), &v); err != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 6 || m.hasLD {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if isLDArticle(x["@type"]) {
				m.hasLD = true
				m.ld = ldArticle{
					headline:      ldString(x["headline"]),
					datePublished: ldString(x["datePublished"]),
					dateModified:  ldString(x["dateModified"]),
					publisher:     ldName(x["publisher"]),
					body:          ldString(x["articleBody"]),
					section:       ldString(x["articleSection"]),
					authors:       ldNames(x["author"]),
				}
				return
			}
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			if me, ok := x["mainEntity"]; ok {
				visit(me, depth+1)
			}
		}
	}
	visit(v, 0)
}

func isLDArticle(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes[strings.ToLower(x)]
	case []any:
		for _, e := range x {
			if isLDArticle(e) {
				return true
			}
		}
	}
	return false
}

func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	}
	return ""
}

func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return ldString(x["name"])
	case []any:
		if len(x) > 0 {
			return ldName(x[0])
		}
	}
	return ""
}

func ldNames(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			out = append(out, ldNames(e)...)
		}
	default:
		if n := ldName(x); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// first returns the first non-empty meta value among keys.
func (m pageMeta) first(keys ...string) (string, string) {
	for _, k := range keys {
		if v := m.meta[k]; v != "" {
			return v, k
		}
	}
	return "", ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf concatenates the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && (c.Data == "script" || c.Data == "style"):
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// sortedKeys returns a map's keys in order, for deterministic output.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
