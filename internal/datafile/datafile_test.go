package datafile

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

func TestReadAllPlainAndGzip(t *testing.T) {
	dir := t.TempDir()
	want := []byte("{\"id\":\"1\"}\n")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(want)
	zw.Close()
	os.WriteFile(filepath.Join(dir, "plain.jsonl.gz"), want, 0o644) // misnamed: plain
	os.WriteFile(filepath.Join(dir, "packed.jsonl"), gz.Bytes(), 0o644)
	for _, name := range []string{"plain.jsonl.gz", "packed.jsonl"} {
		got, err := ReadAll(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %q, %v", name, got, err)
		}
	}
	os.WriteFile(filepath.Join(dir, "cut.gz"), gz.Bytes()[:gz.Len()-6], 0o644)
	if _, err := ReadAll(filepath.Join(dir, "cut.gz")); err == nil {
		t.Error("a truncated gzip must be an error")
	}
}
