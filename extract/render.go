package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// blockTags start a new paragraph when rendering an extracted tree.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "blockquote": true,
	"pre": true, "table": true, "tr": true, "section": true, "article": true, "figure": true,
	"figcaption": true, "header": true, "footer": true, "main": true, "aside": true, "hr": true,
	"head": true, "list": true, "item": true, "quote": true, "code": true,
}

// cellTags are separated by a space inside a table row.
var cellTags = map[string]bool{"td": true, "th": true}

// renderBlocks turns an extracted tree into paragraphs: block elements and
// <br> break lines, inline elements join their text without inventing
// spaces (so "fo<b>o</b>" stays one word).
func renderBlocks(root *html.Node) []string {
	if root == nil {
		return nil
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if s := collapseSpace(cur.String()); s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			case "br":
				flush()
				return
			case "img":
				return
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			flush()
		}
		if n.Type == html.ElementNode && cellTags[n.Data] {
			cur.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
		if n.Type == html.ElementNode && cellTags[n.Data] {
			cur.WriteByte(' ')
		}
	}
	walk(root)
	flush()
	return paras
}

// collapseSpace trims s and folds runs of white space to one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
