package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// result is everything one Read call produced.
type result struct {
	docs  []storyline.Document
	fails []storyline.Failure
}

// failure returns the failure for source, or fails the test.
func (r result) failure(t *testing.T, source string) storyline.Failure {
	t.Helper()
	for _, f := range r.fails {
		if f.Source == source {
			return f
		}
	}
	t.Fatalf("no failure for %q; failures: %v", source, r.fails)
	return storyline.Failure{}
}

// doc returns the document for source, or fails the test.
func (r result) doc(t *testing.T, source string) storyline.Document {
	t.Helper()
	for _, d := range r.docs {
		if d.Source == source {
			return d
		}
	}
	t.Fatalf("no document %q; have %v", source, r.sources())
	return storyline.Document{}
}

func (r result) sources() []string {
	var s []string
	for _, d := range r.docs {
		s = append(s, d.Source)
	}
	return s
}

// readAll runs Read and collects its output; Read itself must not fail.
func readAll(t *testing.T, opt Options, inputs ...string) result {
	t.Helper()
	var res result
	err := Read(context.Background(), inputs, opt,
		func(d storyline.Document) error { res.docs = append(res.docs, d); return nil },
		func(f storyline.Failure) { res.fails = append(res.fails, f) })
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return res
}

// readBytes writes data to a temp file named name and reads it.
func readBytes(t *testing.T, name string, data []byte) (result, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return readAll(t, Options{}, path), path
}

func gzipBytes(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

const seedsDir = "../examples/articles"

// The bundled seed articles are five plain-text files read in name order.
func TestReadSeedFolder(t *testing.T) {
	res := readAll(t, Options{}, seedsDir)
	if len(res.fails) != 0 {
		t.Fatalf("failures: %v", res.fails)
	}
	entries, err := os.ReadDir(seedsDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.docs) != 5 || len(entries) != 5 {
		t.Fatalf("got %d documents from %d files, want 5", len(res.docs), len(entries))
	}
	for i, d := range res.docs {
		want := filepath.Join(seedsDir, entries[i].Name())
		if d.Source != want {
			t.Errorf("document %d: Source %q, want %q (name order)", i, d.Source, want)
		}
		if d.Format != FormatText {
			t.Errorf("%s: Format %q, want text", d.Source, d.Format)
		}
		if len(d.Text) < 1000 || !strings.Contains(d.Text, "Iran") || strings.Contains(d.Text, "\r") {
			t.Errorf("%s: unexpected text (%d bytes): %.80q", d.Source, len(d.Text), d.Text)
		}
		if !utf8.ValidString(d.Text) || len(d.HTML) != 0 {
			t.Errorf("%s: text must be UTF-8 and HTML empty", d.Source)
		}
	}
}

// Reading the same inputs twice gives identical documents in the same order.
func TestReadDeterministic(t *testing.T) {
	inputs := []string{"testdata", seedsDir}
	a := readAll(t, Options{}, inputs...)
	b := readAll(t, Options{}, inputs...)
	if len(a.docs) < 15 {
		t.Fatalf("only %d documents from %v", len(a.docs), inputs)
	}
	if len(a.docs) != len(b.docs) || len(a.fails) != len(b.fails) {
		t.Fatalf("runs differ: %d/%d docs, %d/%d failures", len(a.docs), len(b.docs), len(a.fails), len(b.fails))
	}
	for i := range a.docs {
		x, y := a.docs[i], b.docs[i]
		if x.Source != y.Source || x.Text != y.Text || !bytes.Equal(x.HTML, y.HTML) || !x.Published.Equal(y.Published) || x.URL != y.URL {
			t.Errorf("document %d differs: %q vs %q", i, x.Source, y.Source)
		}
	}
}

func TestReadTextNormalises(t *testing.T) {
	res, path := readBytes(t, "note.txt", []byte("\xEF\xBB\xBFFirst line\r\nSecond line\rThird\n"))
	d := res.doc(t, path)
	if d.Text != "First line\nSecond line\nThird\n" || d.Format != FormatText {
		t.Errorf("got %q (%s)", d.Text, d.Format)
	}
}

func TestReadUTF16Text(t *testing.T) {
	utf16le := []byte{0xFF, 0xFE}
	for _, r := range "Tehran – Kabul" {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	res, path := readBytes(t, "u16.txt", utf16le)
	if d := res.doc(t, path); d.Text != "Tehran – Kabul" {
		t.Errorf("got %q", d.Text)
	}
}

// Format comes from the content; the name only breaks ties.
func TestDetectFormat(t *testing.T) {
	cases := []struct{ name, content, want string }{
		{"a.txt", "WARC/1.0\r\nWARC-Type: warcinfo\r\n", FormatWARC},
		{"a.txt", `{"title": "x"}` + "\n" + `{"title": "y"}`, FormatJSONL},
		{"a.jsonl", "{broken\n", FormatJSONL},
		{"a.txt", "{broken\n", FormatText},
		{"a.html", `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, FormatFeed},
		{"a", `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`, FormatFeed},
		{"a", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>`, FormatFeed},
		{"a.xml", "<!DOCTYPE html>\n<html><body><p>x</p></body></html>", FormatHTML},
		{"a.txt", "  <div class=\"story\"><p>Hello</p></div>", FormatHTML},
		{"a.txt", "<!-- saved page -->\n<html><p>x</p></html>", FormatHTML},
		{"a.html", "<custom>markup</custom>", FormatHTML},
		{"a.txt", "<custom>markup</custom>", FormatText},
		{"a.html", "Plain words that mention <p> later on but start as text.", FormatText},
		{"page.html.gz", "TEHRAN, April 7 (Reuters) - Iran said on Monday.", FormatText},
	}
	for _, c := range cases {
		if got := detectFormat([]byte(c.content), c.name); got != c.want {
			t.Errorf("detectFormat(%q, %q) = %s, want %s", c.content, c.name, got, c.want)
		}
	}
}

// One folder of corrupt inputs beside good ones: every good file is read,
// every bad one is reported with its path and reason, and the walk ends.
func TestReadCorruptBatch(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	seed := mustRead(t, filepath.Join(seedsDir, "000_24c3c9cab6b15f29.txt"))
	good := map[string]string{
		write("01-good.txt", seed):                                         FormatText,
		write("02-good.txt.gz", gzipBytes(t, seed)):                        FormatText,
		write("sub/03-page.html", mustRead(t, "testdata/latin1.html")):     FormatHTML,
		write("sub/deeper/04-notes.md", []byte("Kabul talks, day two.\n")): FormatText,
		write("05-feed.xml", mustRead(t, "testdata/atom.xml")):             FormatFeed,
		write(".hidden/ignored.txt", []byte("must not be read")):           "",
		write(".ignored.txt", []byte("must not be read")):                  "",
	}
	gz := gzipBytes(t, bytes.Repeat(seed, 4))
	bad := map[string]string{
		write("10-truncated.txt.gz", gz[:len(gz)/2]):                                                                               "truncated gzip",
		write("11-latin1.txt", []byte("Caf\xe9 au lait, na\xefve.\n")):                                                             "not valid UTF-8 text: bad byte 0xe9 at byte offset 3",
		write("12-empty.txt", nil):                                                                                                 "empty",
		write("13-binary.dat", []byte("\x00\x01\x02\x03\x04binary\x00\xff")):                                                       "binary content",
		write("14-image.txt", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)):                                            "binary content (image/png)",
		write("15-broken-feed.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</ti`)): "malformed feed",
	}
	loop := filepath.Join(dir, "sub", "deeper", "loop")
	if err := os.Symlink("../..", loop); err != nil {
		t.Skipf("symlinks unsupported: %v", err)
	}
	bad[loop] = "directory loop: links back to " + dir
	dangling := filepath.Join(dir, "16-dangling.txt")
	if err := os.Symlink("nowhere.txt", dangling); err != nil {
		t.Fatal(err)
	}
	bad[dangling] = "broken symlink"
	res := readAll(t, Options{}, dir)

	for path, format := range good {
		if format == "" {
			for _, d := range res.docs {
				if strings.HasPrefix(d.Source, path) {
					t.Errorf("hidden file read: %s", d.Source)
				}
			}
			continue
		}
		found := false
		for _, d := range res.docs {
			if d.Source == path || strings.HasPrefix(d.Source, path+"#") {
				found = true
				if d.Format != format {
					t.Errorf("%s: format %s, want %s", d.Source, d.Format, format)
				}
			}
		}
		if !found {
			t.Errorf("good file %s not read", path)
		}
	}
	for path, reason := range bad {
		f := res.failure(t, path)
		if !strings.Contains(f.Err.Error(), reason) {
			t.Errorf("%s: reason %q, want it to contain %q", path, f.Err, reason)
		}
	}
	if len(res.fails) != len(bad) {
		t.Errorf("%d failures, want %d: %v", len(res.fails), len(bad), res.fails)
	}
	// 2 text files, 1 page, 1 note, 3 feed entries.
	if len(res.docs) != 7 {
		t.Errorf("%d documents, want 7: %v", len(res.docs), res.sources())
	}
	// Name order, depth first.
	want := []string{"01-good.txt", "02-good.txt.gz", "05-feed.xml#1", "05-feed.xml#2", "05-feed.xml#3", "sub/03-page.html", "sub/deeper/04-notes.md"}
	for i, s := range res.sources() {
		if i < len(want) && s != filepath.Join(dir, want[i]) {
			t.Errorf("document %d is %s, want %s", i, s, want[i])
		}
	}
}

func TestReadUnreadableFile(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("permissions do not stop root (or Windows) from reading")
	}
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked.txt")
	if err := os.WriteFile(locked, []byte("secret"), 0o000); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "open.txt"), []byte("public"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := readAll(t, Options{}, dir)
	if f := res.failure(t, locked); !errors.Is(f.Err, os.ErrPermission) {
		t.Errorf("reason %v, want permission denied", f.Err)
	}
	res.doc(t, filepath.Join(dir, "open.txt"))
}

func TestReadMissingInput(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.txt")
	res := readAll(t, Options{}, missing, filepath.Join(seedsDir, "004_6f41c58a0392cbfd.txt"))
	if f := res.failure(t, missing); !errors.Is(f.Err, os.ErrNotExist) {
		t.Errorf("reason %v", f.Err)
	}
	if len(res.docs) != 1 {
		t.Errorf("the batch must go on after a missing input: %d documents", len(res.docs))
	}
}

func TestReadStdin(t *testing.T) {
	feed := mustRead(t, "testdata/rss2.xml")
	res := readAll(t, Options{Stdin: bytes.NewReader(gzipBytes(t, feed))}, "-")
	if len(res.docs) != 3 || len(res.fails) != 0 {
		t.Fatalf("docs %v, failures %v", res.sources(), res.fails)
	}
	if res.docs[0].Source != "-#1" || res.docs[0].Format != FormatFeed {
		t.Errorf("first document %q (%s), want -#1 (feed)", res.docs[0].Source, res.docs[0].Format)
	}
	res = readAll(t, Options{Stdin: strings.NewReader("Iran held talks with the Taliban.\r\n")}, "-")
	if d := res.doc(t, "-"); d.Text != "Iran held talks with the Taliban.\n" {
		t.Errorf("stdin text %q", d.Text)
	}
	res = readAll(t, Options{Stdin: strings.NewReader("")}, "-")
	if f := res.failure(t, "-"); f.Err.Error() != "empty" {
		t.Errorf("empty stdin: %v", f.Err)
	}
}

func TestReadMaxBytes(t *testing.T) {
	res, path := readBytes(t, "big.txt", bytes.Repeat([]byte("news "), 1000))
	if len(res.docs) != 1 {
		t.Fatalf("default cap: %v", res.fails)
	}
	res = readAll(t, Options{MaxBytes: 100}, path)
	if f := res.failure(t, path); !strings.Contains(f.Err.Error(), "more than 100 bytes") {
		t.Errorf("reason %v", f.Err)
	}
}

// emit's error stops the run and is returned; so does a cancelled context.
func TestReadStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Read(context.Background(), []string{seedsDir}, Options{},
		func(storyline.Document) error { n++; return stop }, nil)
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d documents, want stop after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = Read(ctx, []string{seedsDir}, Options{}, func(storyline.Document) error { n++; return nil }, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err %v", err)
	}
}

// FuzzRead feeds arbitrary bytes through the reader: it must not panic,
// and every document it emits must be well formed.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"testdata/rss2.xml", "testdata/atom.xml", "testdata/articles.jsonl", "testdata/latin1.html", "testdata/sample.warc.gz"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\nHTTP/1.1 2"))
	f.Add([]byte("WARC/1.1\r\nContent-Length: -1\r\n\r\n\r\nWARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b"))
	f.Add([]byte("{\"title\": 1}\n{\"text\": \"a\"}\n"))
	f.Add([]byte("\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00"))
	f.Add(gzipBytes(f, []byte("<rss><channel><item><title>x")))
	f.Fuzz(func(t *testing.T, data []byte) {
		var docs []storyline.Document
		err := ReadFrom(context.Background(), "in.gz", bytes.NewReader(data), Options{MaxBytes: 1 << 20},
			func(d storyline.Document) error { docs = append(docs, d); return nil },
			func(f storyline.Failure) {
				if !strings.HasPrefix(f.Source, "in.gz") || f.Err == nil {
					t.Errorf("bad failure %+v", f)
				}
			})
		if err != nil {
			t.Fatalf("Read returned %v", err)
		}
		for _, d := range docs {
			if !strings.HasPrefix(d.Source, "in.gz") {
				t.Errorf("bad source %q", d.Source)
			}
			switch d.Format {
			case FormatText, FormatHTML, FormatFeed, FormatJSONL, FormatWARC:
			default:
				t.Errorf("bad format %q", d.Format)
			}
			if !utf8.ValidString(d.Text) || !utf8.Valid(d.HTML) || !utf8.ValidString(d.Title) {
				t.Errorf("%s: invalid UTF-8 in document", d.Source)
			}
		}
	})
}
