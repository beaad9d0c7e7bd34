package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textutil"
)

// trackingParams are query parameters that name a campaign, not a page.
var trackingParams = []string{"utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "ref", "src"}

// CanonicalURL normalises a URL for identity: lower-case scheme and host,
// no fragment, no tracking parameters, sorted query, no trailing slash.
// It returns "" for anything that is not an absolute http(s) URL.
func CanonicalURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(strings.ReplaceAll(raw, `\?`, "?")))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	u.Scheme = "https" // the same page is served over both
	u.Host = strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	u.Fragment = ""
	q := u.Query()
	for k := range q {
		lk := strings.ToLower(k)
		for _, p := range trackingParams {
			if lk == p || (strings.HasSuffix(p, "_") && strings.HasPrefix(lk, p)) {
				q.Del(k)
			}
		}
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		for _, v := range q[k] {
			parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	u.RawQuery = strings.Join(parts, "&")
	u.Path = strings.TrimSuffix(u.Path, "/")
	return u.String()
}

func digest(kind, s string, n int) string {
	sum := sha256.Sum256([]byte(kind + "\x00" + s))
	return hex.EncodeToString(sum[:])[:n]
}

// Identify sets an article's ID and ContentHash. The ID comes from the
// canonical URL when there is one, so that a changed text under the same
// URL is a new version of the same article; otherwise from the normalised
// text, so that the same text read twice is the same article.
func Identify(a *storyline.Article) {
	body := textutil.Normalize(a.Text)
	if body == "" {
		body = textutil.Normalize(a.Title)
	}
	a.ContentHash = digest("text", body, 32)
	if u := CanonicalURL(a.URL); u != "" {
		a.ID = "a" + digest("url", u, 15)
	} else {
		a.ID = "a" + digest("text", body, 15)
	}
	if a.Version == 0 {
		a.Version = 1
	}
}
