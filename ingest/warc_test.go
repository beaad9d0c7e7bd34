package ingest

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

var updateWARC = flag.Bool("update-warc", false, "rewrite testdata/sample.warc.gz with the test-only WARC writer")

// testWARCRecord is one record for the test-only WARC writer.
type testWARCRecord struct {
	typ, uri, contentType string
	block                 []byte
}

// writeTestWARC writes records as a WARC 1.1 file, each record its own
// gzip member when compress is set (as Common Crawl writes them). It
// returns each record's offset in the uncompressed stream.
func writeTestWARC(t testing.TB, w io.Writer, compress bool, records []testWARCRecord) []int64 {
	t.Helper()
	var offsets []int64
	var off int64
	date := time.Date(2019, 1, 21, 10, 0, 0, 0, time.UTC)
	for i, rec := range records {
		var raw bytes.Buffer
		fmt.Fprintf(&raw, "WARC/1.1\r\nWARC-Type: %s\r\n", rec.typ)
		fmt.Fprintf(&raw, "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", i+1)
		fmt.Fprintf(&raw, "WARC-Date: %s\r\n", date.Add(time.Duration(i)*time.Second).Format(time.RFC3339))
		if rec.uri != "" {
			fmt.Fprintf(&raw, "WARC-Target-URI: %s\r\n", rec.uri)
		}
		fmt.Fprintf(&raw, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", rec.contentType, len(rec.block))
		raw.Write(rec.block)
		raw.WriteString("\r\n\r\n")
		offsets = append(offsets, off)
		off += int64(raw.Len())
		if !compress {
			w.Write(raw.Bytes())
			continue
		}
		zw := gzip.NewWriter(w)
		zw.Write(raw.Bytes())
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return offsets
}

func httpBlock(head string, body []byte) []byte {
	return append([]byte(strings.ReplaceAll(head, "\n", "\r\n")+"\r\n"), body...)
}

// sampleWARCRecords is the content of testdata/sample.warc.gz.
func sampleWARCRecords(t testing.TB) []testWARCRecord {
	page1 := []byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Iran held talks with Afghan Taliban</title></head>
<body><article><h1>Iran held talks with Afghan Taliban amid peace push</h1>
<p>Iran has met with the Afghan Taliban, a top Iranian security official said on Wednesday according to the Tasnim news agency.</p>
<p>Ali Shamkhani, secretary of Iran’s Supreme National Security Council, made the announcement in Kabul.</p></article></body></html>`)
	page2 := []byte("<html><head><title>Iran says U.S. requests new talks</title></head><body><p>T\xc9H\xc9RAN \x96 Iran said on Monday it had received a request from the United States for a new round of talks on Iraq\x92s security.</p></body></html>")
	page3 := []byte(`<html><body><div class="story"><h1>Taliban reject talks with Kabul</h1><p>The Taliban have been waging an insurgency for a decade and a half.</p></div></body></html>`)
	var chunked bytes.Buffer
	fmt.Fprintf(&chunked, "%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", 60, page3[:60], len(page3)-60, page3[60:])
	return []testWARCRecord{
		{typ: "warcinfo", contentType: "application/warc-fields", block: []byte("software: storyline-test-writer\r\nformat: WARC File Format 1.1\r\n")},
		{typ: "request", uri: "https://news.example.org/2018/12/26/iran-taliban", contentType: "application/http; msgtype=request",
			block: httpBlock("GET /2018/12/26/iran-taliban HTTP/1.1\nHost: news.example.org\nUser-Agent: storyline/0.1\n", nil)},
		{typ: "response", uri: "https://news.example.org/2018/12/26/iran-taliban", contentType: "application/http; msgtype=response",
			block: httpBlock(fmt.Sprintf("HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\nContent-Length: %d\n", len(page1)), page1)},
		{typ: "metadata", uri: "https://news.example.org/2018/12/26/iran-taliban", contentType: "application/warc-fields",
			block: []byte("fetchTimeMs: 412\r\n")},
		{typ: "response", uri: "<https://wire.example.com/2008/04/07/iraq-talks>", contentType: "application/http; msgtype=response",
			block: httpBlock("HTTP/1.1 200 OK\nContent-Type: text/html; charset=windows-1252\nContent-Encoding: gzip\n", gzipBytes(t, page2))},
		{typ: "response", uri: "https://news.example.org/img/kabul.png", contentType: "application/http; msgtype=response",
			block: httpBlock("HTTP/1.1 200 OK\nContent-Type: image/png\nContent-Length: 12\n", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d"))},
		{typ: "response", uri: "https://news.example.org/broken", contentType: "application/http; msgtype=response",
			block: []byte("this is not an HTTP response at all")},
		{typ: "response", uri: "http://news.example.org/old", contentType: "application/http; msgtype=response",
			block: httpBlock("HTTP/1.1 301 Moved Permanently\nLocation: https://news.example.org/new\nContent-Type: text/html\nContent-Length: 0\n", nil)},
		{typ: "response", uri: "https://dispatch.example.net/2018/12/20/taliban-reject-talks", contentType: "application/http; msgtype=response",
			block: httpBlock("HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked\n", chunked.Bytes())},
	}
}

func TestWriteWARCFixture(t *testing.T) {
	if !*updateWARC {
		t.Skip("run with -update-warc to rewrite testdata/sample.warc.gz")
	}
	var buf bytes.Buffer
	writeTestWARC(t, &buf, true, sampleWARCRecords(t))
	if err := os.WriteFile("testdata/sample.warc.gz", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// warcOffsets finds where records start in the fixture, independently of
// the reader: every "WARC/1.1\r\nWARC-Type" in the uncompressed stream.
func warcOffsets(t *testing.T, path string) []int {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(mustRead(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var offsets []int
	for i := 0; ; {
		j := bytes.Index(raw[i:], []byte("WARC/1.1\r\nWARC-Type"))
		if j < 0 {
			return offsets
		}
		offsets = append(offsets, i+j)
		i += j + 1
	}
}

// The committed multi-member WARC.gz: HTML responses are read (one with
// gzip Content-Encoding and windows-1252, one chunked), the other records
// are skipped, and the bad payload is reported without losing the records
// after it.
func TestReadWARCFixture(t *testing.T) {
	const path = "testdata/sample.warc.gz"
	offsets := warcOffsets(t, path)
	if len(offsets) != 9 {
		t.Fatalf("fixture has %d records, want 9", len(offsets))
	}
	res := readAll(t, Options{}, path)
	src := func(record int) string { return fmt.Sprintf("%s@%d", path, offsets[record]) }
	if got, want := strings.Join(res.sources(), " "), strings.Join([]string{src(2), src(4), src(8)}, " "); got != want {
		t.Fatalf("documents %s, want %s", got, want)
	}
	if len(res.fails) != 1 || res.fails[0].Source != src(6) || !strings.Contains(res.fails[0].Err.Error(), "bad HTTP response") {
		t.Fatalf("failures %v, want one bad HTTP response at %s", res.fails, src(6))
	}
	first := res.docs[0]
	if first.Format != FormatWARC || first.URL != "https://news.example.org/2018/12/26/iran-taliban" ||
		!first.Fetched.Equal(time.Date(2019, 1, 21, 10, 0, 2, 0, time.UTC)) || !bytes.Contains(first.HTML, []byte("Iran’s Supreme National Security Council")) {
		t.Errorf("first document: %+v", first)
	}
	second := res.docs[1]
	if second.URL != "https://wire.example.com/2008/04/07/iraq-talks" {
		t.Errorf("angle brackets not stripped from URL %q", second.URL)
	}
	if !bytes.Contains(second.HTML, []byte("TÉHÉRAN – Iran said")) || !bytes.Contains(second.HTML, []byte("Iraq’s security")) {
		t.Errorf("gzip + windows-1252 payload not decoded: %s", second.HTML)
	}
	if third := res.docs[2]; !bytes.HasSuffix(third.HTML, []byte("</div></body></html>")) || !bytes.HasPrefix(third.HTML, []byte("<html><body>")) {
		t.Errorf("chunked payload not decoded: %q", third.HTML)
	}
}

// A record with a lying Content-Length or garbage between records is
// reported at its offset and the reader finds the next record.
func TestReadWARCResync(t *testing.T) {
	recs := sampleWARCRecords(t)
	good := recs[2]
	var buf bytes.Buffer
	offs := writeTestWARC(t, &buf, false, []testWARCRecord{good})
	garbageAt := buf.Len()
	buf.WriteString("garbage line that is no record\r\nmore garbage\r\n")
	badAt := buf.Len()
	buf.WriteString("WARC/1.1\r\nWARC-Type: response\r\nthis header has no colon\r\n\r\nbody\r\n\r\n")
	noLenAt := buf.Len()
	buf.WriteString("WARC/1.1\r\nWARC-Type: response\r\n\r\n")
	lastAt := buf.Len()
	writeTestWARC(t, &buf, false, []testWARCRecord{good})
	truncAt := buf.Len()
	buf.WriteString("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nshort")

	res, path := readBytes(t, "crawl.warc", buf.Bytes())
	if got := res.sources(); len(got) != 2 || got[0] != fmt.Sprintf("%s@%d", path, offs[0]) || got[1] != fmt.Sprintf("%s@%d", path, lastAt) {
		t.Errorf("documents %v, want records at %d and %d", got, offs[0], lastAt)
	}
	wants := map[int]string{garbageAt: "not a WARC record", badAt: "malformed header line", noLenAt: "no Content-Length", truncAt: "truncated record"}
	for at, reason := range wants {
		f := res.failure(t, fmt.Sprintf("%s@%d", path, at))
		if !strings.Contains(f.Err.Error(), reason) {
			t.Errorf("@%d: %v, want %q", at, f.Err, reason)
		}
	}
	if len(res.fails) != len(wants) {
		t.Errorf("failures %v", res.fails)
	}
}

// A truncated WARC.gz keeps the records before the cut and names the cause.
func TestReadWARCTruncatedGzip(t *testing.T) {
	data := mustRead(t, "testdata/sample.warc.gz")
	res, path := readBytes(t, "cut.warc.gz", data[:len(data)-40])
	if len(res.docs) != 2 {
		t.Errorf("documents before the cut: %v", res.sources())
	}
	if f := res.failure(t, path); !strings.Contains(f.Err.Error(), "truncated gzip") {
		t.Errorf("reason %v", f.Err)
	}
}
