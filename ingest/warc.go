package ingest

// The WARC reader is written by hand: no Go WARC module is available from
// the module proxy this project builds with. It follows WARC 1.0/1.1
// (ISO 28500): a version line, header lines, a blank line, Content-Length
// bytes of block, then CRLF CRLF. Records are found by Content-Length, so a
// bad payload loses only its own record; a bad header makes the reader scan
// forward to the next line that starts a record.

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
)

// maxWARCHeaderLine caps one WARC header line.
const maxWARCHeaderLine = 64 << 10

// warcRecord is one record: its headers (names in lower case) and block.
type warcRecord struct {
	offset int64
	header map[string]string
	block  []byte
}

// warcRecordError is a bad record at offset; fatal when no later record
// can be reached.
type warcRecordError struct {
	offset int64
	err    error
	fatal  bool
}

func (e *warcRecordError) Error() string { return e.err.Error() }

// warcScanner reads records from a WARC stream (already gunzipped: Go's
// gzip reader reads the multi-member files Common Crawl writes as one
// stream), counting the bytes it consumes so each record has its offset in
// the uncompressed stream.
type warcScanner struct {
	in   *bufio.Reader
	off  int64
	lost bool // after a bad header: skip lines until a record starts
	max  int64
}

// readLine reads one line without its CRLF or LF. Lines over the cap are
// cut and flagged.
func (s *warcScanner) readLine() (line []byte, tooLong bool, err error) {
	for {
		chunk, err := s.in.ReadSlice('\n')
		s.off += int64(len(chunk))
		if len(line)+len(chunk) <= maxWARCHeaderLine {
			line = append(line, chunk...)
		} else {
			tooLong = true
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
		return line, tooLong, err
	}
}

func isRecordStart(line []byte) bool {
	return bytes.HasPrefix(line, []byte("WARC/1.")) || bytes.HasPrefix(line, []byte("WARC/0."))
}

// next returns the next record, io.EOF at the end, a *warcRecordError for
// a bad record, or another error when the stream itself fails.
func (s *warcScanner) next() (warcRecord, error) {
	var start int64
	for {
		start = s.off
		line, _, err := s.readLine()
		if err != nil && !errors.Is(err, io.EOF) {
			return warcRecord{}, err
		}
		if isRecordStart(line) {
			s.lost = false
			break
		}
		if len(bytes.TrimSpace(line)) > 0 && !s.lost {
			s.lost = true
			if errors.Is(err, io.EOF) {
				return warcRecord{}, &warcRecordError{offset: start, err: errors.New("trailing bytes that are not a WARC record"), fatal: true}
			}
			return warcRecord{}, &warcRecordError{offset: start, err: errors.New("not a WARC record: no WARC/1.x version line")}
		}
		if errors.Is(err, io.EOF) {
			return warcRecord{}, io.EOF
		}
	}
	rec := warcRecord{offset: start, header: map[string]string{}}
	bad := func(format string, args ...any) (warcRecord, error) {
		s.lost = true
		return warcRecord{}, &warcRecordError{offset: start, err: fmt.Errorf(format, args...)}
	}
	last := ""
	for {
		line, tooLong, err := s.readLine()
		if err != nil && !errors.Is(err, io.EOF) {
			return warcRecord{}, err
		}
		if errors.Is(err, io.EOF) && len(line) == 0 {
			return warcRecord{}, &warcRecordError{offset: start, err: errors.New("truncated record header"), fatal: true}
		}
		if tooLong {
			return bad("header line longer than %d bytes", maxWARCHeaderLine)
		}
		if len(line) == 0 {
			break
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			rec.header[last] += " " + strings.TrimSpace(string(line))
			continue
		}
		name, value, ok := strings.Cut(string(line), ":")
		if !ok || strings.TrimSpace(name) == "" {
			return bad("malformed header line %q", truncate(string(line), 60))
		}
		last = strings.ToLower(strings.TrimSpace(name))
		rec.header[last] = strings.TrimSpace(value)
	}
	lengthText, ok := rec.header["content-length"]
	if !ok {
		return bad("record has no Content-Length")
	}
	length, err := strconv.ParseInt(lengthText, 10, 64)
	if err != nil || length < 0 {
		return bad("bad Content-Length %q", truncate(lengthText, 30))
	}
	if length > s.max {
		n, err := s.in.Discard(int(min(length, int64(^uint(0)>>1))))
		s.off += int64(n)
		if err != nil && !errors.Is(err, io.EOF) {
			return warcRecord{}, err
		}
		s.skipRecordEnd()
		return warcRecord{}, &warcRecordError{offset: start, err: fmt.Errorf("%w: record of %d bytes, more than Options.MaxBytes", errTooLarge, length), fatal: n < int(length)}
	}
	rec.block = make([]byte, length)
	n, err := io.ReadFull(s.in, rec.block)
	s.off += int64(n)
	if err != nil {
		var ge gzipError
		if errors.As(err, &ge) {
			return warcRecord{}, err // the stream failed, not the record
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return warcRecord{}, &warcRecordError{offset: start, err: fmt.Errorf("truncated record: Content-Length %d, only %d bytes left", length, n), fatal: true}
		}
		return warcRecord{}, err
	}
	s.skipRecordEnd()
	return rec, nil
}

// skipRecordEnd consumes the CRLF CRLF after a block (leniently: any run
// of CR and LF).
func (s *warcScanner) skipRecordEnd() {
	for {
		b, err := s.in.ReadByte()
		if err != nil {
			return
		}
		if b != '\r' && b != '\n' {
			_ = s.in.UnreadByte()
			return
		}
		s.off++
	}
}

// readWARC emits one document per HTML response record; Source is
// "<input>@<offset>", the record's byte offset in the uncompressed WARC
// stream. Request, metadata, warcinfo, revisit and non-HTML records are
// skipped silently; a bad record is a Failure and reading goes on.
func (r *reader) readWARC(ctx context.Context, m inputMeta, in *bufio.Reader) error {
	s := &warcScanner{in: in, max: r.max}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := s.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		var recErr *warcRecordError
		if errors.As(err, &recErr) {
			r.fail(warcSource(m.source, recErr.offset), recErr.err)
			if recErr.fatal {
				return nil
			}
			continue
		}
		if err != nil {
			r.fail(m.source, readReason(err))
			return nil
		}
		doc, ok, derr := warcDoc(m, rec, r.max)
		if derr != nil {
			r.fail(warcSource(m.source, rec.offset), derr)
			continue
		}
		if ok {
			if err := r.emit(doc); err != nil {
				return err
			}
		}
	}
}

func warcSource(source string, offset int64) string {
	return source + "@" + strconv.FormatInt(offset, 10)
}

// warcDoc turns a response record holding an HTML page into a document;
// ok is false for records that are skipped by design.
func warcDoc(m inputMeta, rec warcRecord, max int64) (doc storyline.Document, ok bool, err error) {
	if !strings.EqualFold(rec.header["warc-type"], "response") {
		return doc, false, nil
	}
	if ct := rec.header["content-type"]; ct != "" && !strings.Contains(strings.ToLower(ct), "application/http") {
		return doc, false, nil // e.g. a DNS response
	}
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(rec.block)), nil)
	if err != nil {
		return doc, false, fmt.Errorf("bad HTTP response in record: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return doc, false, nil // redirects, errors: no article
	}
	contentType := resp.Header.Get("Content-Type")
	if contentType != "" && !isHTMLType(contentType) {
		return doc, false, nil
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil && (rec.header["warc-truncated"] == "" || len(body) == 0) {
		return doc, false, fmt.Errorf("bad HTTP body in record: %w", err)
	}
	body, err = decodeContentEncoding(body, resp.Header.Get("Content-Encoding"), max)
	if err != nil {
		return doc, false, err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return doc, false, errors.New("empty HTML payload")
	}
	if contentType == "" && !looksLikeHTML(bytes.TrimLeft(body, " \t\r\n")) {
		return doc, false, nil
	}
	if reason := binaryReason(body); reason != "" {
		return doc, false, errors.New("HTML response with " + reason)
	}
	page, err := decodeHTML(body, contentType)
	if err != nil {
		return doc, false, err
	}
	doc = m.newDoc(warcSource(m.source, rec.offset), FormatWARC)
	doc.URL = strings.Trim(rec.header["warc-target-uri"], "<> ")
	if t, err := time.Parse(time.RFC3339Nano, rec.header["warc-date"]); err == nil {
		doc.Fetched = t.UTC()
	}
	doc.HTML = page
	return doc, true, nil
}

// isHTMLType reports whether a Content-Type names an HTML page.
func isHTMLType(contentType string) bool {
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mediaType, _, _ = strings.Cut(strings.ToLower(contentType), ";")
		mediaType = strings.TrimSpace(mediaType)
	}
	return mediaType == "text/html" || mediaType == "application/xhtml+xml"
}

// decodeContentEncoding undoes an HTTP Content-Encoding of gzip or deflate
// (zlib-wrapped, or raw as some servers send it).
func decodeContentEncoding(body []byte, encoding string, max int64) ([]byte, error) {
	encoding = strings.ToLower(strings.TrimSpace(encoding))
	var dec io.Reader
	switch encoding {
	case "", "identity", "none":
		return body, nil
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("bad gzip Content-Encoding: %w", err)
		}
		dec = gz
	case "deflate":
		if zr, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			dec = zr
		} else {
			dec = flate.NewReader(bytes.NewReader(body))
		}
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", truncate(encoding, 30))
	}
	out, err := io.ReadAll(io.LimitReader(dec, max+1))
	if err != nil {
		return nil, fmt.Errorf("bad %s Content-Encoding: %w", encoding, err)
	}
	if int64(len(out)) > max {
		return nil, fmt.Errorf("%w: decoded payload more than Options.MaxBytes", errTooLarge)
	}
	return out, nil
}

// truncate shortens s to at most n bytes for error messages.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}
