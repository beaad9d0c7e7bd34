package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// newLocalServer starts an httptest server bound to 127.0.0.1 only.
func newLocalServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skipf("no loopback: %v", err)
	}
	srv := &httptest.Server{Listener: l, Config: &http.Server{Handler: h}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

func TestReadHTTP(t *testing.T) {
	latin1 := mustRead(t, "testdata/latin1.html")
	rss := mustRead(t, "testdata/rss2.xml")
	var agents []string
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		agents = append(agents, r.UserAgent())
		// The header names the charset; the page itself has a meta too.
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write(latin1)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/loop/%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/loop/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for i := 0; i < 100; i++ {
			w.Write(bytes.Repeat([]byte("all work and no play "), 100))
		}
	})
	mux.HandleFunc("/feed.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/gzip")
		w.Write(gzipBytes(t, rss))
	})
	mux.HandleFunc("/encoded", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte("<!doctype html><title>Talks</title><p>Shamkhani – Kabul</p>"))
		zw.Close()
	})
	srv := newLocalServer(t, mux)
	base := srv.URL
	fetched := time.Date(2024, 3, 19, 8, 0, 0, 0, time.UTC)
	opt := Options{Now: func() time.Time { return fetched }, MaxBytes: 100 << 10}
	inputs := []string{base + "/article", base + "/moved", base + "/loop/0", base + "/huge", base + "/missing", base + "/feed.gz", base + "/encoded"}
	res := readAll(t, opt, inputs...)

	page := res.doc(t, base+"/article")
	if page.Format != FormatHTML || page.URL != base+"/article" || !page.Fetched.Equal(fetched) ||
		!bytes.Contains(page.HTML, []byte("L’Iran dit que les États-Unis")) {
		t.Errorf("page: %s %s %v %.200q", page.Format, page.URL, page.Fetched, page.HTML)
	}
	if moved := res.doc(t, base+"/moved"); moved.URL != base+"/article" {
		t.Errorf("redirected page URL %q, want the final URL", moved.URL)
	}
	if f := res.failure(t, base+"/loop/0"); !strings.Contains(f.Err.Error(), "stopped after 5 redirects") {
		t.Errorf("redirect loop: %v", f.Err)
	}
	if f := res.failure(t, base+"/huge"); !strings.Contains(f.Err.Error(), "too large") {
		t.Errorf("oversize: %v", f.Err)
	}
	if f := res.failure(t, base+"/missing"); !strings.Contains(f.Err.Error(), "404") {
		t.Errorf("404: %v", f.Err)
	}
	if item := res.doc(t, base+"/feed.gz#2"); item.Format != FormatFeed || item.Byline != "Reza Karimi, Lena Haddad" || !item.Fetched.Equal(fetched) {
		t.Errorf("gzip feed item: %+v", item)
	}
	if enc := res.doc(t, base+"/encoded"); !bytes.Contains(enc.HTML, []byte("<p>Shamkhani – Kabul</p>")) {
		t.Errorf("Content-Encoding gzip page: %q", enc.HTML)
	}
	if len(res.fails) != 3 || len(res.docs) != 2+3+1 {
		t.Errorf("documents %v, failures %v", res.sources(), res.fails)
	}
	for _, ua := range agents {
		if ua != UserAgent {
			t.Errorf("User-Agent %q, want %q", ua, UserAgent)
		}
	}
	if len(agents) != 2 {
		t.Errorf("article fetched %d times, want 2", len(agents))
	}
}
