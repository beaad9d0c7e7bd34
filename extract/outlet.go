package extract

import (
	nurl "net/url"
	"strings"
)

// htmlOutlet names the publisher: og:site_name, JSON-LD publisher,
// application-name, else the trafilatura site name.
func htmlOutlet(f *pageFacts) {
	m := f.meta
	for _, c := range []struct{ v, from string }{
		{m.meta["og:site_name"], "og:site_name"},
		{m.ld.publisher, "json-ld"},
		{m.meta["application-name"], "meta"},
		{m.meta["publisher"], "meta"},
		{f.tmeta.Sitename, "trafilatura"},
	} {
		if v := collapseSpace(c.v); v != "" && len(v) < 80 && !strings.Contains(v, "://") {
			f.outlet, f.outletFrom = v, c.from
			return
		}
	}
}

// hostName is a URL's host without "www." (kept as the outlet when nothing
// better names it: no guessing of display names).
func hostName(raw string) string {
	u, err := nurl.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	for _, p := range []string{"www.", "www1.", "www2.", "m.", "amp."} {
		host = strings.TrimPrefix(host, p)
	}
	return host
}
