package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

// BenchmarkReadWARC reads a WARC.gz of 300 HTML responses (100 of them
// gzip-encoded), made from the committed fixture's good records.
func BenchmarkReadWARC(b *testing.B) {
	recs := sampleWARCRecords(b)
	var many []testWARCRecord
	for i := 0; i < 100; i++ {
		for _, r := range recs {
			if !strings.HasSuffix(r.uri, "/broken") { // the fixture's one bad record
				many = append(many, r)
			}
		}
	}
	var buf bytes.Buffer
	writeTestWARC(b, &buf, true, many)
	path := filepath.Join(b.TempDir(), "bench.warc.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	benchRead(b, path, 300)
}

// BenchmarkReadJSONLDev reads the full-text dev set (gzip JSON Lines).
func BenchmarkReadJSONLDev(b *testing.B) {
	path := "../../shared/data/stories-dev/fulltext-dev.jsonl.gz"
	if _, err := os.Stat(path); err != nil {
		b.Skip("shared dev data not present")
	}
	benchRead(b, path, 156)
}

// BenchmarkReadHTMLDev reads the 91 gzip HTML pages of the extraction dev set.
func BenchmarkReadHTMLDev(b *testing.B) {
	path := "../../shared/data/extraction-dev/html"
	if _, err := os.Stat(path); err != nil {
		b.Skip("shared dev data not present")
	}
	benchRead(b, path, 91)
}

func benchRead(b *testing.B, path string, want int) {
	b.ReportAllocs()
	var size int64
	for b.Loop() {
		n := 0
		size = 0
		err := Read(context.Background(), []string{path}, Options{},
			func(d storyline.Document) error { n++; size += int64(len(d.HTML) + len(d.Text)); return nil },
			func(f storyline.Failure) { b.Fatalf("failure %v", f) })
		if err != nil || n != want {
			b.Fatalf("read %d documents (err %v), want %d", n, err, want)
		}
	}
	b.SetBytes(size)
	b.ReportMetric(float64(want), "docs/op")
}
