package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// UserAgent is sent with every http(s) request.
const UserAgent = "storyline/0.1"

// MaxRedirects is how many redirects the default client follows.
const MaxRedirects = 5

// errTooManyRedirects is returned by the default client's redirect policy.
var errTooManyRedirects = fmt.Errorf("stopped after %d redirects", MaxRedirects)

// DefaultClient returns the client used for http(s) inputs when
// Options.Client is nil: 30 s to connect, 30 s for the response headers,
// 2 minutes overall, at most MaxRedirects redirects.
func DefaultClient() *http.Client {
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   15 * time.Second,
		ResponseHeaderTimeout: 30 * time.Second,
		IdleConnTimeout:       60 * time.Second,
		MaxIdleConnsPerHost:   4,
	}
	return &http.Client{
		Transport: transport,
		Timeout:   2 * time.Minute,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > MaxRedirects {
				return errTooManyRedirects
			}
			return nil
		},
	}
}

// readURL fetches an http(s) input and reads its body like any stream. A
// transport error, a non-2xx status, too many redirects or a body larger
// than Options.MaxBytes is a Failure naming the URL.
func (r *reader) readURL(ctx context.Context, url string) error {
	if r.client == nil {
		r.client = r.opt.Client
		if r.client == nil {
			r.client = DefaultClient()
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		r.fail(url, fmt.Errorf("bad URL: %w", err))
		return nil
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8")
	now := time.Now
	if r.opt.Now != nil {
		now = r.opt.Now
	}
	fetched := now().UTC()
	resp, err := r.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if errors.Is(err, errTooManyRedirects) {
			r.fail(url, errTooManyRedirects)
		} else {
			r.fail(url, fmt.Errorf("fetch: %w", err))
		}
		return nil
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		r.fail(url, fmt.Errorf("HTTP status %s", resp.Status))
		return nil
	}
	final := url
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	m := inputMeta{source: url, url: final, contentType: resp.Header.Get("Content-Type"), fetched: fetched}
	body := &cappedReader{r: resp.Body, left: r.max}
	return r.readStream(ctx, m, body)
}

// cappedReader fails with errTooLarge once more than its cap is read, so
// that a huge response body is cut off whatever the format reader does.
type cappedReader struct {
	r    io.Reader
	left int64
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, fmt.Errorf("%w: body more than Options.MaxBytes", errTooLarge)
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return n, fmt.Errorf("%w: body more than Options.MaxBytes", errTooLarge)
	}
	return n, err
}
