package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// Options tunes reading. The zero value is ready to use.
type Options struct {
	Stdin    io.Reader    // read for the input "-"; os.Stdin when nil
	Client   *http.Client // for http(s) inputs; a client with timeouts when nil
	MaxBytes int64        // per input after decompression; 64 MiB when 0
	// Now stamps Fetched on documents read over http; time.Now when nil.
	// Tests set it to make http documents fully deterministic.
	Now func() time.Time
}

// DefaultMaxBytes caps one input (one WARC record, one JSONL line) when
// Options.MaxBytes is 0.
const DefaultMaxBytes = 64 << 20

// sniffLen is how many leading (decompressed) bytes format detection sees.
// It is also the buffer size, so a JSONL first line of up to this length is
// checked in full.
const sniffLen = 64 << 10

// Format names, as stored in storyline.Document.Format.
const (
	FormatText  = "text"
	FormatHTML  = "html"
	FormatFeed  = "feed"
	FormatJSONL = "jsonl"
	FormatWARC  = "warc"
)

// Read reads every input in a deterministic order (folders walked in name
// order), calling emit for each document and fail for each input, record or
// line that cannot be read. It stops early only when ctx is done or emit
// returns an error.
//
// An input is a file, a folder (walked recursively, hidden entries skipped,
// symlinks followed with loop detection), "-" for Options.Stdin, or an
// http(s) URL. Any of them may be gzip-compressed (detected by magic bytes).
func Read(ctx context.Context, inputs []string, opt Options, emit func(storyline.Document) error, fail func(storyline.Failure)) error {
	r := newReader(opt, emit, fail)
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case in == "-":
			stdin := opt.Stdin
			if stdin == nil {
				stdin = os.Stdin
			}
			err = r.readStream(ctx, inputMeta{source: "-"}, stdin)
		case isURL(in):
			err = r.readURL(ctx, in)
		default:
			err = r.readPath(ctx, in)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// ReadFrom reads one already opened input; source names it in the
// documents and failures (and its extension breaks format ties). It is the
// reader-level entry point behind Read, for callers that hold a stream.
func ReadFrom(ctx context.Context, source string, in io.Reader, opt Options, emit func(storyline.Document) error, fail func(storyline.Failure)) error {
	return newReader(opt, emit, fail).readStream(ctx, inputMeta{source: source}, in)
}

// reader carries the options and callbacks through one Read call.
type reader struct {
	opt     Options
	max     int64
	emitFn  func(storyline.Document) error
	failFn  func(storyline.Failure)
	client  *http.Client
	emitErr error // the first error emit returned; stops the run
}

func newReader(opt Options, emit func(storyline.Document) error, fail func(storyline.Failure)) *reader {
	r := &reader{opt: opt, max: opt.MaxBytes, emitFn: emit, failFn: fail}
	if r.max <= 0 {
		r.max = DefaultMaxBytes
	}
	if r.emitFn == nil {
		r.emitFn = func(storyline.Document) error { return nil }
	}
	if r.failFn == nil {
		r.failFn = func(storyline.Failure) {}
	}
	return r
}

// emit passes a document on, remembering the first error so that every
// format loop can stop on it.
func (r *reader) emit(d storyline.Document) error {
	if r.emitErr != nil {
		return r.emitErr
	}
	sanitizeDocument(&d)
	if err := r.emitFn(d); err != nil {
		r.emitErr = err
		return err
	}
	return nil
}

// sanitizeDocument makes every text field valid UTF-8, whatever a
// container held, so later stages can rely on it.
func sanitizeDocument(d *storyline.Document) {
	for _, f := range []*string{&d.URL, &d.Text, &d.Title, &d.Outlet, &d.Byline} {
		if !utf8.ValidString(*f) {
			*f = strings.ToValidUTF8(*f, "\uFFFD")
		}
	}
	if !utf8.Valid(d.HTML) {
		d.HTML = bytes.ToValidUTF8(d.HTML, []byte("\uFFFD"))
	}
}

// fail reports one failure.
func (r *reader) fail(source string, err error) {
	r.failFn(storyline.Failure{Source: source, Err: err})
}

// inputMeta describes one input stream: how to name it and what its
// transport said about it.
type inputMeta struct {
	source      string    // as given by the user, or path joined under a folder
	url         string    // final URL for http inputs
	contentType string    // HTTP Content-Type header, for charset decoding
	fetched     time.Time // fetch time for http inputs
}

// newDoc starts a document for a single-document input or a container item.
func (m inputMeta) newDoc(source, format string) storyline.Document {
	return storyline.Document{Source: source, URL: m.url, Format: format, Fetched: m.fetched}
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// readStream reads one input: undoes gzip, detects the format and hands the
// content to the format's reader. Failures of the input are reported; the
// returned error is only for stopping the whole run (ctx, emit).
func (r *reader) readStream(ctx context.Context, m inputMeta, in io.Reader) (err error) {
	defer func() {
		// Last line of defence for "never panic on any input": a bug in a
		// parser on strange bytes becomes a failure of that input.
		if p := recover(); p != nil {
			r.fail(m.source, fmt.Errorf("internal error reading input: %v", p))
			err = r.emitErr
		}
	}()
	br := bufio.NewReaderSize(in, sniffLen)
	magic, perr := br.Peek(2)
	if perr != nil && !errors.Is(perr, io.EOF) {
		r.fail(m.source, fmt.Errorf("read: %w", perr))
		return nil
	}
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, gerr := gzip.NewReader(br)
		if gerr != nil {
			r.fail(m.source, gzipReason(gerr))
			return nil
		}
		defer gz.Close()
		br = bufio.NewReaderSize(&gzipErrReader{gz}, sniffLen)
	}
	prefix, perr := br.Peek(sniffLen)
	if perr != nil && !errors.Is(perr, io.EOF) && !errors.Is(perr, bufio.ErrBufferFull) && len(prefix) == 0 {
		r.fail(m.source, readReason(perr))
		return nil
	}
	// A read error after some bytes (a truncated gzip) comes again on the
	// next read: container formats keep the records before it.
	if len(prefix) == 0 {
		r.fail(m.source, errors.New("empty"))
		return nil
	}
	switch detectFormat(prefix, m.source) {
	case FormatWARC:
		return r.readWARC(ctx, m, br)
	case FormatJSONL:
		return r.readJSONL(ctx, m, br)
	}
	data, rerr := readAllCapped(br, r.max)
	if rerr != nil {
		r.fail(m.source, readReason(rerr))
		return nil
	}
	return r.readContent(ctx, m, data)
}

// readContent reads a whole in-memory input whose format is text, HTML or
// a feed (or, once UTF-16 is undone, anything).
func (r *reader) readContent(ctx context.Context, m inputMeta, data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		r.fail(m.source, errors.New("empty"))
		return nil
	}
	if dec, ok := decodeUTF16(data); ok {
		data = dec
	} else if reason := binaryReason(data); reason != "" {
		r.fail(m.source, errors.New(reason))
		return nil
	}
	switch detectFormat(data, m.source) {
	case FormatWARC:
		return r.readWARC(ctx, m, bufio.NewReader(bytes.NewReader(data)))
	case FormatJSONL:
		return r.readJSONL(ctx, m, bufio.NewReader(bytes.NewReader(data)))
	case FormatFeed:
		return r.readFeed(ctx, m, data)
	case FormatHTML:
		return r.readHTML(m, data)
	default:
		return r.readText(m, data)
	}
}

// errTooLarge marks an input or record over Options.MaxBytes.
var errTooLarge = errors.New("too large")

// readAllCapped reads everything, failing once more than max bytes come.
func readAllCapped(in io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(in, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes (Options.MaxBytes)", errTooLarge, max)
	}
	return data, nil
}

// gzipError marks an error from the gzip layer so reasons can say so.
type gzipError struct{ err error }

func (e gzipError) Error() string { return e.err.Error() }
func (e gzipError) Unwrap() error { return e.err }

// gzipErrReader tags the errors of a gzip stream (other than io.EOF).
type gzipErrReader struct{ gz *gzip.Reader }

func (g *gzipErrReader) Read(p []byte) (int, error) {
	n, err := g.gz.Read(p)
	if err != nil && err != io.EOF {
		err = gzipError{err}
	}
	return n, err
}

// gzipReason phrases a gzip error for a Failure.
func gzipReason(err error) error {
	switch {
	case errors.Is(err, errTooLarge):
		return err
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Errorf("truncated gzip: %w", io.ErrUnexpectedEOF)
	case errors.Is(err, gzip.ErrChecksum):
		return fmt.Errorf("corrupt gzip: %w", err)
	case errors.Is(err, gzip.ErrHeader):
		return fmt.Errorf("corrupt gzip: %w", err)
	}
	return fmt.Errorf("corrupt gzip: %w", err)
}

// readReason phrases a read error for a Failure.
func readReason(err error) error {
	if errors.Is(err, errTooLarge) {
		return err
	}
	var ge gzipError
	if errors.As(err, &ge) {
		return gzipReason(ge.err)
	}
	return fmt.Errorf("read: %w", err)
}

// decodeUTF16 turns content with a UTF-16 byte order mark into UTF-8.
func decodeUTF16(data []byte) ([]byte, bool) {
	if len(data) < 2 {
		return nil, false
	}
	var bigEndian bool
	switch {
	case data[0] == 0xFF && data[1] == 0xFE:
	case data[0] == 0xFE && data[1] == 0xFF:
		bigEndian = true
	default:
		return nil, false
	}
	body := data[2:]
	out := make([]rune, 0, len(body)/2)
	for i := 0; i+1 < len(body); i += 2 {
		var u uint16
		if bigEndian {
			u = uint16(body[i])<<8 | uint16(body[i+1])
		} else {
			u = uint16(body[i+1])<<8 | uint16(body[i])
		}
		out = append(out, rune(u))
	}
	return []byte(string(decodeSurrogates(out))), true
}

// decodeSurrogates joins UTF-16 surrogate pairs; lone halves become U+FFFD.
func decodeSurrogates(units []rune) []rune {
	out := units[:0:0]
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case u >= 0xD800 && u < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] < 0xE000:
			out = append(out, 0x10000+(u-0xD800)<<10+(units[i+1]-0xDC00))
			i++
		case u >= 0xD800 && u < 0xE000:
			out = append(out, utf8.RuneError)
		default:
			out = append(out, u)
		}
	}
	return out
}

// binaryReason says why content is binary, or "" when it reads as text.
// It looks at the first 8 KiB: NUL bytes, a known binary signature, or a
// large share of control bytes.
func binaryReason(data []byte) string {
	sample := data[:min(len(data), 8<<10)]
	if kind := http.DetectContentType(sample); isBinaryType(kind) {
		return "binary content (" + kind + ")"
	}
	if bytes.IndexByte(sample, 0) >= 0 {
		return "binary content (NUL bytes)"
	}
	control := 0
	for _, b := range sample {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b {
			control++
		}
	}
	if control*10 > len(sample) {
		return "binary content (mostly non-text bytes)"
	}
	return ""
}

// isBinaryType reports whether a sniffed MIME type is a binary format.
func isBinaryType(kind string) bool {
	kind, _, _ = strings.Cut(kind, ";")
	switch {
	case strings.HasPrefix(kind, "text/"), kind == "application/json", kind == "application/xml":
		return false
	case kind == "application/octet-stream":
		return false // unknown: decided by the byte checks
	}
	return true
}

// detectFormat names the format of content from its first bytes; name's
// extension only breaks ties.
func detectFormat(prefix []byte, name string) string {
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")))
	if i := strings.IndexAny(ext, "?#"); i >= 0 {
		ext = ext[:i]
	}
	if bytes.HasPrefix(prefix, []byte("WARC/1.")) || bytes.HasPrefix(prefix, []byte("WARC/0.")) {
		return FormatWARC
	}
	body := bytes.TrimLeft(bytes.TrimPrefix(prefix, utf8BOM), " \t\r\n")
	if len(body) > 0 && body[0] == '{' {
		if looksLikeJSONL(body) || ext == ".jsonl" || ext == ".ndjson" {
			return FormatJSONL
		}
		return FormatText
	}
	if len(body) > 0 && body[0] == '<' {
		switch xmlRoot(body) {
		case "feed", "rss", "rdf":
			return FormatFeed
		case "html":
			return FormatHTML
		}
	}
	if looksLikeHTML(body) {
		return FormatHTML
	}
	if len(body) > 0 && body[0] == '<' {
		switch ext {
		case ".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx":
			return FormatHTML
		case ".rss", ".atom", ".rdf", ".xml":
			return FormatFeed
		}
	}
	return FormatText
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// htmlMarkers are tags whose presence near the start marks HTML.
var htmlMarkers = []string{
	"<!doctype html", "<html", "<head", "<body", "<meta ", "<title", "<div", "<p>", "<p ",
	"<article", "<section", "<main", "<h1", "<h2", "<table", "<ul", "<br", "<script", "<link ",
}

// looksLikeHTML reports whether text that starts with markup (or carries a
// doctype or html tag early on) is HTML.
func looksLikeHTML(body []byte) bool {
	head := strings.ToLower(string(body[:min(len(body), 1024)]))
	if strings.Contains(head, "<!doctype html") || strings.Contains(head, "<html") {
		return true
	}
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	for _, m := range htmlMarkers {
		if strings.Contains(head, m) {
			return true
		}
	}
	return false
}
