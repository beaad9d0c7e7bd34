package understand

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
)

// The date expressions are matched with rules rather than a general date
// parser: news uses a small set of forms, and the rules run far faster
// than a multilingual parser, which matters at hundreds of articles/s.
const monthRe = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`
const weekdayRe = `(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`

// dateRule is one date pattern and the kind of value it gives.
type dateRule struct {
	re   *regexp.Regexp
	kind string
}

var dateRules = []dateRule{
	{regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)? ` + monthRe + `\.?,? (\d{4})\b`), "dmy"},
	{regexp.MustCompile(`\b` + monthRe + `\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b`), "mdy"},
	{regexp.MustCompile(`\b` + monthRe + `\.?,? (\d{4})\b`), "my"},
	{regexp.MustCompile(`\b` + monthRe + `\.? (\d{1,2})(?:st|nd|rd|th)?\b`), "md"},
	{regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)? ` + monthRe + `\b`), "dm"},
	{regexp.MustCompile(`(?i)\b(last|next|this|past) (week|month|year|weekend)\b`), "rel-unit"},
	{regexp.MustCompile(`\b(?i:last|next|this) ` + monthRe + `\b`), "rel-month"},
	{regexp.MustCompile(`\b(?i:last|next|this) ` + weekdayRe + `\b`), "rel-weekday"},
	{regexp.MustCompile(`\b(?i:in|since|by|until|from|before|after|during|early|late|mid-|end of|through|between|as of) ` + monthRe + `\b`), "month"},
	{regexp.MustCompile(`\b(?:(?i:on|since|by|until|from|before|after|late|early) )?` + weekdayRe + `\b`), "weekday"},
	{regexp.MustCompile(`(?i)\b(yesterday|today|tomorrow|last night|tonight)\b`), "rel-day"},
	{regexp.MustCompile(`(?i)\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (day|week|month|year)s? ago\b`), "ago"},
	{regexp.MustCompile(`\b(?:the )?(1[89]\d0|20\d0)s\b`), "decade"},
	{regexp.MustCompile(`\b(1[89]\d\d|20\d\d)\b`), "year"},
}

// namedDays are dates known by name: "the September 11 attacks".
var namedDays = []struct {
	re    *regexp.Regexp
	value string
}{
	{regexp.MustCompile(`\bSept(?:ember|\.)? 11(?:th)?(?:, 2001)? (?:attacks?|terror)`), "2001-09-11"},
	{regexp.MustCompile(`\b9/11\b`), "2001-09-11"},
}

// futureCue marks a sentence about what is to come, so a bare month or
// weekday is the next one, not the last.
var futureCue = regexp.MustCompile(`(?i)(?:\b(?:he|she|it|they|we|you|i|who|that|which|[a-z]+s|[A-Z]\w+) will (?:not )?[a-z]+|'ll|\bis scheduled|\bare scheduled|\bset to|\bdue to|\bis expected to|\bupcoming|\bexpire|\bgo on sale)\b`)

var monthNum = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

func parseMonth(s string) int {
	if len(s) < 3 {
		return 0
	}
	return monthNum[strings.ToLower(s)[:3]]
}

var weekdayNum = map[string]time.Weekday{"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday}

var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// rawDate is a matched date expression before resolution.
type rawDate struct {
	sent       int
	start, end int
	text       string
	kind       string
	groups     []string
}

// scanDates finds the date expressions of one sentence, longest rules first.
func scanDates(sent string, si int) []rawDate {
	var out []rawDate
	taken := func(a, b int) bool {
		for _, r := range out {
			if a < r.end && b > r.start {
				return true
			}
		}
		return false
	}
	for _, nd := range namedDays {
		if !strings.Contains(sent, "11") {
			break
		}
		for _, loc := range nd.re.FindAllStringIndex(sent, -1) {
			text := sent[loc[0]:loc[1]]
			if sp := strings.LastIndex(text, " "); sp > 0 && !strings.HasPrefix(text, "9/11") {
				text = text[:sp] // keep "September 11" without the noun
			}
			out = append(out, rawDate{sent: si, start: loc[0], end: loc[0] + len(text), text: text, kind: "named", groups: []string{nd.value}})
		}
	}
	low := strings.ToLower(sent)
	hasDigit := strings.ContainsAny(sent, "0123456789")
	hasMonth, hasWeekday := hasMonthWord(sent), false
	for w := range weekdayNum {
		if strings.Contains(low, w) {
			hasWeekday = true
			break
		}
	}
	hasUnit := strings.Contains(low, "week") || strings.Contains(low, "month") || strings.Contains(low, "year")
	hasYear := yearLike(sent)
	for _, rule := range dateRules {
		// Cheap checks first: most sentences hold no date words at all.
		switch rule.kind {
		case "dmy", "mdy", "my", "md", "dm":
			if !hasMonth || !hasDigit {
				continue
			}
		case "month", "rel-month":
			if !hasMonth {
				continue
			}
		case "weekday", "rel-weekday":
			if !hasWeekday {
				continue
			}
		case "rel-unit":
			if !hasUnit || !strings.Contains(low, "last") && !strings.Contains(low, "next") && !strings.Contains(low, "this") && !strings.Contains(low, "past") {
				continue
			}
		case "rel-day":
			if !strings.Contains(low, "day") && !strings.Contains(low, "night") && !strings.Contains(low, "tomorrow") {
				continue
			}
		case "ago":
			if !strings.Contains(low, " ago") {
				continue
			}
		case "decade", "year":
			if !hasYear {
				continue
			}
		}
		for _, loc := range rule.re.FindAllStringSubmatchIndex(sent, -1) {
			a, b := loc[0], loc[1]
			if taken(a, b) {
				continue
			}
			if rule.kind == "year" && !plausibleYear(sent, a, b) {
				continue
			}
			var groups []string
			for g := 2; g+1 < len(loc); g += 2 {
				if loc[g] >= 0 {
					groups = append(groups, sent[loc[g]:loc[g+1]])
				}
			}
			out = append(out, rawDate{sent: si, start: a, end: b, text: sent[a:b], kind: rule.kind, groups: groups})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// monthWords are the capitalised month names and abbreviations the rules know.
var monthWords = map[string]bool{"January": true, "February": true, "March": true, "April": true, "May": true, "June": true,
	"July": true, "August": true, "September": true, "October": true, "November": true, "December": true, "Jan": true,
	"Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sept": true, "Sep": true, "Oct": true,
	"Nov": true, "Dec": true}

// hasMonthWord reports whether s holds a capitalised month word.
func hasMonthWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' || i > 0 && isASCIILetter(s[i-1]) {
			continue
		}
		j := i + 1
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if monthWords[s[i:j]] {
			return true
		}
		i = j
	}
	return false
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// yearLike reports whether s holds four digits in a row starting 18, 19 or 20.
func yearLike(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 && (s[i-3] == '1' && (s[i-2] == '8' || s[i-2] == '9') || s[i-3] == '2' && s[i-2] == '0') {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

// plausibleYear rejects four-digit numbers that are counts or amounts.
func plausibleYear(s string, a, b int) bool {
	if a > 0 && strings.ContainsAny(s[a-1:a], "$£€,.#-/") {
		return false
	}
	if b < len(s) && strings.ContainsAny(s[b:b+1], ",%/-") && !(s[b] == ',' && (b+1 >= len(s) || s[b+1] == ' ')) {
		return false
	}
	rest := strings.ToLower(strings.TrimSpace(s[b:]))
	for _, unit := range []string{"people", "troops", "soldiers", "km", "miles", "votes", "points", "feet", "meters", "metres", "hp", "horsepower", "pounds", "dollars", "yards"} {
		if strings.HasPrefix(rest, unit) {
			return false
		}
	}
	return true
}

// anchor is a date relative expressions are resolved against.
type anchor struct {
	t    time.Time
	gran string // "day" or "month"
	from string // "published", "story", "related", "dateline"
	conf float64
}

func (a anchor) String() string {
	if a.gran == "month" {
		return a.t.Format("2006-01")
	}
	return a.t.Format("2006-01-02")
}

// trusted reports whether an article's publication date can anchor dates.
func trusted(a storyline.Article) bool { return !a.Published.IsZero() && a.PublishedConfidence >= 0.5 }

// storyAnchors finds the fallback anchors: the earliest trusted publication
// date among the story's articles, and among the related stories'.
func storyAnchors(docs []*doc) [2]*anchor {
	var out [2]*anchor
	for _, d := range docs {
		if !trusted(d.art) {
			continue
		}
		i, from, conf := 0, "story", 0.6
		if d.evidence {
			i, from, conf = 1, "related", 0.45
		}
		if out[i] == nil || d.art.Published.Before(out[i].t) {
			out[i] = &anchor{t: d.art.Published, gran: "day", from: from, conf: conf}
		}
	}
	return out
}

// findDates finds and resolves every date expression of a doc. Relative
// ones are resolved against the article's trusted publication date; when
// it has none, against a dated article of the story (or a related story)
// that reports the same fact, else the story's earliest trusted date.
func findDates(d *doc, facts *factIndex, fallback [2]*anchor) []storyline.DateMention {
	var raws []rawDate
	for si, s := range d.sents {
		for _, r := range scanDates(s, si) {
			if !notADay(s, r) {
				raws = append(raws, r)
			}
		}
	}
	var base *anchor
	if trusted(d.art) {
		base = &anchor{t: d.art.Published, gran: "day", from: "published", conf: 0.9}
	}
	matched := map[int]*anchor{}
	if base == nil {
		// Look for the same fact reported by a dated article.
		for i, r := range raws {
			if !isRelativeKind(r.kind) {
				continue
			}
			if a := factAnchor(d, r, facts); a != nil {
				matched[i] = a
				if base == nil || a.conf > base.conf {
					derived := *a
					derived.conf = a.conf - 0.1
					base = &derived
				}
			}
		}
	}
	if base == nil {
		if fallback[0] != nil {
			base = fallback[0]
		} else {
			base = fallback[1]
		}
	}
	out := make([]storyline.DateMention, 0, len(raws))
	var story narrativeMonth
	for i, r := range raws {
		a := base
		if m := matched[i]; m != nil {
			a = m
		}
		dm := resolveDate(r, a, d.sents[r.sent])
		dm = story.follow(r, dm, a)
		dm.Article = d.art.ID
		dm.Sentence = d.sents[r.sent]
		out = append(out, dm)
	}
	quotedTodays(d, raws, out, base)
	return out
}

func isRelativeKind(k string) bool {
	switch k {
	case "dmy", "mdy", "my", "decade", "year", "named":
		return false
	}
	return true
}

// resolveDate normalises one expression against an anchor (nil: unknown).
func resolveDate(r rawDate, a *anchor, sent string) storyline.DateMention {
	dm := storyline.DateMention{Text: r.text, Relative: isRelativeKind(r.kind)}
	g := r.groups
	set := func(t time.Time, gran string) {
		dm.Granularity = gran
		switch gran {
		case "day":
			dm.Value = t.Format("2006-01-02")
		case "week":
			y, w := t.ISOWeek()
			dm.Value = fmt.Sprintf("%d-W%02d", y, w)
		case "month":
			dm.Value = t.Format("2006-01")
		case "year":
			dm.Value = t.Format("2006")
		}
	}
	switch r.kind {
	case "dmy", "mdy":
		day, month, year := atoi(g[0]), parseMonth(g[1]), atoi(g[2])
		if r.kind == "mdy" {
			day, month = atoi(g[1]), parseMonth(g[0])
		}
		if day >= 1 && day <= 31 && month > 0 {
			set(time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC), "day")
			dm.Confidence = 0.95
		}
		return dm
	case "my":
		set(time.Date(atoi(g[1]), time.Month(parseMonth(g[0])), 1, 0, 0, 0, 0, time.UTC), "month")
		dm.Confidence = 0.95
		return dm
	case "year":
		dm.Value, dm.Granularity, dm.Confidence = g[0], "year", 0.8
		return dm
	case "named":
		dm.Value, dm.Granularity, dm.Confidence = g[0], "day", 0.9
		return dm
	case "decade":
		dm.Value, dm.Granularity, dm.Confidence = g[0][:3], "decade", 0.8
		return dm
	}
	if a == nil {
		dm.Granularity = "unknown"
		return dm
	}
	dm.Anchor, dm.AnchorFrom, dm.Confidence = a.String(), a.from, a.conf
	at := a.t
	ay, am := at.Year(), int(at.Month())
	// Only the words just before the expression say whether it is to come.
	future := futureCue.MatchString(sent[max(0, r.start-100):r.start]) || strings.HasPrefix(strings.ToLower(r.text), "next")
	switch r.kind {
	case "md", "dm":
		month, day := parseMonth(g[0]), atoi(g[len(g)-1])
		if r.kind == "dm" {
			month, day = parseMonth(g[1]), atoi(g[0])
		}
		if day < 1 || day > 31 {
			return storyline.DateMention{}
		}
		set(time.Date(nearestYear(ay, am, month, future), time.Month(month), day, 0, 0, 0, 0, time.UTC), "day")
	case "month":
		month := parseMonth(g[0])
		set(time.Date(nearestYear(ay, am, month, future), time.Month(month), 1, 0, 0, 0, 0, time.UTC), "month")
	case "rel-month":
		month, y := parseMonth(g[0]), ay
		switch strings.ToLower(strings.Fields(r.text)[0]) {
		case "last":
			if month >= am {
				y--
			}
		case "next":
			if month <= am {
				y++
			}
		}
		set(time.Date(y, time.Month(month), 1, 0, 0, 0, 0, time.UTC), "month")
	case "rel-unit":
		step := map[string]int{"last": -1, "past": -1, "this": 0, "next": 1}[strings.ToLower(g[0])]
		switch strings.ToLower(g[1]) {
		case "week", "weekend":
			set(at.AddDate(0, 0, 7*step), "week")
		case "month":
			set(time.Date(ay, time.Month(am+step), 1, 0, 0, 0, 0, time.UTC), "month")
		case "year":
			set(time.Date(ay+step, 1, 1, 0, 0, 0, 0, time.UTC), "year")
		}
	case "rel-day":
		step := map[string]int{"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}[strings.ToLower(g[0])]
		set(at.AddDate(0, 0, step), "day")
	case "weekday", "rel-weekday":
		wd := weekdayNum[strings.ToLower(g[len(g)-1])]
		first := strings.ToLower(strings.Fields(r.text)[0])
		diff := int(wd) - int(at.Weekday())
		if future || first == "next" {
			// A weekday to come named on that very day is mostly today.
			if diff < 0 || diff == 0 && first == "next" {
				diff += 7
			}
		} else if diff > 0 {
			diff -= 7
		}
		if first == "last" && diff == 0 {
			diff = -7
		}
		set(at.AddDate(0, 0, diff), "day")
	case "ago":
		n, ok := numberWords[strings.ToLower(g[0])]
		if !ok {
			n = atoi(g[0])
		}
		switch strings.ToLower(g[1]) {
		case "day":
			set(at.AddDate(0, 0, -n), "day")
		case "week":
			set(at.AddDate(0, 0, -7*n), "week")
		case "month":
			set(time.Date(ay, time.Month(am-n), 1, 0, 0, 0, 0, time.UTC), "month")
		case "year":
			set(time.Date(ay-n, 1, 1, 0, 0, 0, 0, time.UTC), "year")
		}
	}
	// A day worked out from a month-only anchor is only known to the month.
	if a.gran == "month" && dm.Granularity == "day" || a.gran == "month" && dm.Granularity == "week" {
		set(at, "month")
		dm.Confidence = a.conf / 2
	}
	return dm
}

// nearestYear picks the year of a month named without one: news reports
// the recent past, so a month more than two months ahead of the anchor is
// last year's (and one behind it is next year's only when the sentence
// speaks of the future).
func nearestYear(ay, am, month int, future bool) int {
	switch {
	case month > am+2:
		return ay - 1
	case future && month < am:
		return ay + 1
	}
	return ay
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// relativeOffset is how far back (in the unit of its granularity) a
// relative expression points: "last month" is 1 month back.
func relativeOffset(r rawDate) (years, months, days int, gran string, ok bool) {
	t := strings.ToLower(r.text)
	switch {
	case strings.HasPrefix(t, "last month") || strings.HasPrefix(t, "past month"):
		return 0, -1, 0, "month", true
	case strings.HasPrefix(t, "this month"):
		return 0, 0, 0, "month", true
	case strings.HasPrefix(t, "last year") || strings.HasPrefix(t, "past year"):
		return -1, 0, 0, "year", true
	case strings.HasPrefix(t, "this year"):
		return 0, 0, 0, "year", true
	case strings.HasPrefix(t, "last week") || strings.HasPrefix(t, "past week"):
		return 0, 0, -7, "week", true
	case strings.HasPrefix(t, "yesterday"):
		return 0, 0, -1, "day", true
	case strings.HasPrefix(t, "today"):
		return 0, 0, 0, "day", true
	}
	return 0, 0, 0, "", false
}

// narrativeMonth is the last month-and-year a story's narrative named
// ("in November 2016"): a bare month a few sentences later ("But by
// December, they worsened") goes on in that narrative's year, not in
// the year of publication.
type narrativeMonth struct {
	year, month, sent int
}

// follow records explicit month-year dates and re-dates a bare month that
// continues a past narrative; other mentions pass unchanged.
func (n *narrativeMonth) follow(r rawDate, dm storyline.DateMention, a *anchor) storyline.DateMention {
	if !isRelativeKind(r.kind) && len(dm.Value) >= 7 {
		n.year, n.month, n.sent = atoi(dm.Value[:4]), atoi(dm.Value[5:7]), r.sent
		return dm
	}
	if r.kind != "month" || n.year == 0 || a == nil || r.sent-n.sent > 3 || n.year >= a.t.Year() {
		return dm
	}
	month := parseMonth(r.groups[0])
	if month <= n.month || month-n.month > 3 {
		return dm
	}
	dm.Value = time.Date(n.year, time.Month(month), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	return dm
}
