package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
)

// looksLikeJSONL reports whether content that starts with "{" is JSON
// Lines: its first line is a JSON object. When the first line is longer
// than the sniffed prefix, the prefix must at least tokenize as the start
// of a JSON object.
func looksLikeJSONL(body []byte) bool {
	line, _, complete := bytes.Cut(body, []byte("\n"))
	if complete || len(body) < sniffLen {
		line = bytes.TrimSpace(line)
		var obj map[string]json.RawMessage
		return json.Unmarshal(line, &obj) == nil
	}
	d := json.NewDecoder(bytes.NewReader(body))
	for {
		_, err := d.Token()
		if err != nil {
			return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		}
	}
}

// jsonlKnown are the fields a JSONL record maps to Document fields; every
// other field is kept in Document.Extra.
var jsonlKnown = map[string]bool{
	"url": true, "title": true, "text": true, "html": true, "published": true,
	"outlet": true, "publisher": true, "byline": true, "author": true,
}

// jsonlDateFallbacks are fields read for Published when "published" is
// absent, in order. They stay in Extra too, since their meaning varies
// between data sets (a crawl time is not a publication time).
var jsonlDateFallbacks = []string{"date_published", "datePublished", "published_at", "date", "timestamp"}

// readJSONL emits one document per line; Source is "<input>#<line>". A
// line that is not a JSON object, or whose known fields have the wrong
// type, is a Failure and reading goes on with the next line. Blank lines
// are skipped (but counted).
func (r *reader) readJSONL(ctx context.Context, m inputMeta, in *bufio.Reader) error {
	for lineNo := 1; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := readLineCapped(in, r.max)
		source := m.source + "#" + strconv.Itoa(lineNo)
		if errors.Is(err, errTooLarge) {
			r.fail(source, err)
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			r.fail(m.source, readReason(err))
			return nil
		}
		if len(bytes.TrimSpace(line)) > 0 {
			doc, derr := jsonlDoc(m, source, line)
			if derr != nil {
				r.fail(source, derr)
			} else if eerr := r.emit(doc); eerr != nil {
				return eerr
			}
		}
		if err != nil { // io.EOF
			return nil
		}
	}
}

// readLineCapped reads one line (without its end) of at most max bytes; a
// longer line is skipped to its end and reported with errTooLarge. At the
// end of input it returns the last bytes (maybe none) with io.EOF.
func readLineCapped(in *bufio.Reader, max int64) ([]byte, error) {
	var line []byte
	tooLarge := false
	for {
		chunk, err := in.ReadSlice('\n')
		if !tooLarge {
			line = append(line, chunk...)
			if int64(len(line)) > max+2 {
				tooLarge, line = true, nil
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLarge {
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: line longer than %d bytes (Options.MaxBytes)", errTooLarge, max)
		}
		line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
		return line, err
	}
}

// jsonlDoc maps one JSON object to a document.
func jsonlDoc(m inputMeta, source string, line []byte) (storyline.Document, error) {
	doc := m.newDoc(source, FormatJSONL)
	line = bytes.TrimPrefix(bytes.TrimSpace(line), utf8BOM)
	if len(line) == 0 || line[0] != '{' {
		return doc, errors.New("bad JSON line: not a JSON object")
	}
	var rec map[string]any
	if err := json.Unmarshal(line, &rec); err != nil {
		return doc, fmt.Errorf("bad JSON line: %w", err)
	}
	var errs []error
	str := func(keys ...string) string {
		for _, k := range keys {
			v, ok := rec[k]
			if !ok || v == nil {
				continue
			}
			s, ok := v.(string)
			if !ok {
				errs = append(errs, fmt.Errorf("field %q: want a string, got %s", k, jsonType(v)))
				continue
			}
			if s = strings.TrimSpace(s); s != "" {
				return s
			}
		}
		return ""
	}
	doc.URL = str("url")
	doc.Title = str("title")
	doc.Text = normalizeNewlines(str("text"))
	if h := str("html"); h != "" {
		doc.HTML = []byte(h)
	}
	doc.Outlet = str("outlet", "publisher")
	doc.Byline = jsonlByline(rec, &errs)
	if len(errs) > 0 {
		return doc, errors.Join(errs...)
	}
	if doc.Title == "" && doc.Text == "" && len(doc.HTML) == 0 {
		return doc, errors.New("record has no title, text or html")
	}
	for k, v := range rec {
		if !jsonlKnown[k] {
			if doc.Extra == nil {
				doc.Extra = map[string]any{}
			}
			doc.Extra[k] = v
		}
	}
	for _, k := range append([]string{"published"}, jsonlDateFallbacks...) {
		if t, ok := jsonDate(rec[k]); ok {
			doc.Published, doc.DateFrom = t, "jsonl"
			break
		}
	}
	if v, ok := rec["published"]; ok && v != nil && doc.DateFrom == "" {
		// Keep an unreadable date for later stages rather than lose it.
		if doc.Extra == nil {
			doc.Extra = map[string]any{}
		}
		doc.Extra["published"] = v
	}
	return doc, nil
}

// jsonlByline reads "byline" or "author": a string, a list of strings, or
// objects with a "name".
func jsonlByline(rec map[string]any, errs *[]error) string {
	for _, k := range []string{"byline", "author", "authors"} {
		v, ok := rec[k]
		if !ok || v == nil {
			continue
		}
		var names []string
		switch x := v.(type) {
		case string:
			names = append(names, x)
		case map[string]any:
			if n, ok := x["name"].(string); ok {
				names = append(names, n)
			}
		case []any:
			for _, e := range x {
				switch y := e.(type) {
				case string:
					names = append(names, y)
				case map[string]any:
					if n, ok := y["name"].(string); ok {
						names = append(names, n)
					}
				}
			}
		default:
			if k != "authors" {
				*errs = append(*errs, fmt.Errorf("field %q: want a string or a list, got %s", k, jsonType(v)))
			}
			continue
		}
		var kept []string
		for _, n := range names {
			if n = strings.TrimSpace(n); n != "" {
				kept = append(kept, n)
			}
		}
		if len(kept) > 0 {
			return strings.Join(kept, ", ")
		}
	}
	return ""
}

func jsonType(v any) string {
	switch v.(type) {
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// jsonDate reads a JSON date value: a string in one of dateLayouts, or a
// number of Unix seconds (milliseconds when it is that large).
func jsonDate(v any) (time.Time, bool) {
	switch x := v.(type) {
	case string:
		return parseDate(x)
	case float64:
		if x <= 0 || x > 1e15 {
			return time.Time{}, false
		}
		if x > 1e11 {
			return time.UnixMilli(int64(x)).UTC(), true
		}
		return time.Unix(int64(x), 0).UTC(), true
	}
	return time.Time{}, false
}

// dateLayouts are the date forms parseDate accepts, tried in order.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
}

// parseDate reads a date in one of dateLayouts; a time without zone is
// taken as UTC. The result is in UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
