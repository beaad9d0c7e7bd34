package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// isoLayouts are the machine formats found in meta tags and JSON-LD.
var isoLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.000Z0700",
	"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02", "20060102",
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"January 2, 2006", "Jan 2, 2006", "2 January 2006",
}

// parseMachineDate parses a date as written in metadata.
func parseMachineDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range isoLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, plausibleYear(t)
		}
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, plausibleYear(t)
		}
	}
	if t, ok := parseProseDate(s); ok {
		return t, true
	}
	return time.Time{}, false
}

func plausibleYear(t time.Time) bool { return t.Year() >= 1990 && t.Year() <= time.Now().Year()+1 }

var monthNames = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		monthNames[name] = m
		monthNames[name[:3]] = m
	}
	monthNames["sept"] = time.September
}

const monthRe = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

var (
	// "26 December, 2018", "26 Dec 2018"
	dayMonthYear = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthRe + `)\s*,?\s+(\d{4})\b`)
	// "March 19th, 2024", "Dec. 26 2018"
	monthDayYear = regexp.MustCompile(`(?i)\b(` + monthRe + `)\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})\b`)
	// "2018-12-26"
	isoDate = regexp.MustCompile(`\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b`)
	// a /2018/12/26/ or /2018-12-26/ path in a URL
	urlDate = regexp.MustCompile(`/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)`)
)

// parseProseDate finds the first written date in s.
func parseProseDate(s string) (time.Time, bool) {
	type hit struct {
		at         int
		y, m, d    string
		monthIsStr bool
	}
	var best *hit
	if m := dayMonthYear.FindStringSubmatchIndex(s); m != nil {
		best = &hit{at: m[0], d: s[m[2]:m[3]], m: s[m[4]:m[5]], y: s[m[6]:m[7]], monthIsStr: true}
	}
	if m := monthDayYear.FindStringSubmatchIndex(s); m != nil && (best == nil || m[0] < best.at) {
		best = &hit{at: m[0], m: s[m[2]:m[3]], d: s[m[4]:m[5]], y: s[m[6]:m[7]], monthIsStr: true}
	}
	if m := isoDate.FindStringSubmatchIndex(s); m != nil && (best == nil || m[0] < best.at) {
		best = &hit{at: m[0], y: s[m[2]:m[3]], m: s[m[4]:m[5]], d: s[m[6]:m[7]]}
	}
	if best == nil {
		return time.Time{}, false
	}
	return makeDate(best.y, best.m, best.d, best.monthIsStr)
}

func makeDate(ys, ms, ds string, monthIsName bool) (time.Time, bool) {
	y, err1 := strconv.Atoi(ys)
	d, err2 := strconv.Atoi(ds)
	if err1 != nil || err2 != nil {
		return time.Time{}, false
	}
	var mon time.Month
	if monthIsName {
		mon = monthNames[strings.TrimSuffix(strings.ToLower(ms), ".")]
		if mon == 0 && len(ms) >= 3 {
			mon = monthNames[strings.ToLower(ms[:3])]
		}
	} else {
		n, err := strconv.Atoi(ms)
		if err != nil {
			return time.Time{}, false
		}
		mon = time.Month(n)
	}
	if mon < 1 || mon > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, mon, d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d && plausibleYear(t)
}

// dateFromURL reads a /yyyy/mm/dd/ path.
func dateFromURL(u string) (time.Time, bool) {
	m := urlDate.FindStringSubmatch(u)
	if m == nil {
		return time.Time{}, false
	}
	return makeDate(m[1], m[2], m[3], false)
}

// standaloneDate reports whether a line is only a date (with an optional
// weekday, time or "Published"/"Updated" label): such a line under the
// title is the article's date.
var dateLineNoise = regexp.MustCompile(`(?i)\b(published|updated|posted|last|on|at|am|pm|gmt|utc|est|edt|bst|cet|mon(day)?|tue(sday)?|wed(nesday)?|thu(rsday)?|fri(day)?|sat(urday)?|sun(day)?)\b|[\d:|,./\-–—]+`)

func standaloneDate(line string) (time.Time, bool) {
	if len(line) > 60 {
		return time.Time{}, false
	}
	t, ok := parseProseDate(line)
	if !ok {
		return t, false
	}
	rest := dateLineNoise.ReplaceAllString(line, " ")
	rest = monthWord.ReplaceAllString(rest, " ")
	rest = strings.Trim(strings.TrimSpace(rest), "stndrh ")
	if len(strings.Fields(rest)) > 0 {
		return time.Time{}, false
	}
	return t, true
}

var monthWord = regexp.MustCompile(`(?i)\b` + monthRe + `|\b\d+(st|nd|rd|th)\b`)

// htmlDates fills published and modified dates of a page, strongest source first.
func htmlDates(f *pageFacts, pageURL string) {
	m := f.meta
	set := func(t time.Time, from string, conf float64) bool {
		if f.published.IsZero() || conf > f.publishedConf {
			f.published, f.publishedFrom, f.publishedConf = t, from, conf
		}
		return true
	}
	if t, ok := parseMachineDate(m.ld.datePublished); ok {
		set(t, "json-ld", confStructured)
	}
	if v, _ := m.first("article:published_time", "og:article:published_time"); v != "" {
		if t, ok := parseMachineDate(v); ok {
			set(t, "meta", confStructured)
		}
	}
	if f.published.IsZero() {
		if v, _ := m.first("datepublished", "publishdate", "publish-date", "pubdate", "date", "dc.date", "dc.date.issued",
			"dcterms.created", "sailthru.date", "parsely-pub-date", "og:published_time", "article.published",
			"cxenseparse:recs:publishtime", "dat"); v != "" {
			if t, ok := parseMachineDate(v); ok {
				set(t, "meta", confMeta)
			}
		}
	}
	if f.published.IsZero() {
		if t, ok := dateFromURL(pageURL); ok {
			set(t, "url", confURL)
		}
	}
	if f.published.IsZero() && len(m.timeTags) > 0 {
		if t, ok := parseMachineDate(m.timeTags[0]); ok {
			set(t, "time-tag", confMeta)
		}
	}
	if f.published.IsZero() && !f.tmeta.Date.IsZero() {
		set(f.tmeta.Date, "htmldate", confHTMLDate)
	}
	if t, ok := parseMachineDate(m.ld.dateModified); ok {
		f.modified = t
	} else if v, _ := m.first("article:modified_time", "og:updated_time", "datemodified", "last-modified"); v != "" {
		if t, ok := parseMachineDate(v); ok {
			f.modified = t
		}
	}
}
