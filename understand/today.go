package understand

import (
	"strings"
	"time"

	"github.com/storyline-news/storyline"
)

// "Today" is a date only when it means the day of writing or speaking.
// A capitalised "Today" after a name is a title ("USA Today"), and "of
// today" is the present age ("the issues of today"): neither is dated.
// Inside a direct quote, "today" is the day the words were said, which a
// news report (published the morning after) names as a weekday: "we needed
// to win this game today," said after Monday night's game, is Monday.

// notADay reports whether a "today" match is a title or "of today".
func notADay(sent string, r rawDate) bool {
	if !strings.HasPrefix(strings.ToLower(r.text), "today") {
		return false
	}
	before := strings.TrimRight(sent[:r.start], " ")
	if strings.HasSuffix(strings.ToLower(before), " of") || strings.ToLower(before) == "of" {
		return !strings.HasPrefix(sent[r.start:], "today's") && !strings.HasPrefix(sent[r.start:], "today\u2019s")
	}
	if r.text[0] == 'T' && before != "" {
		ws := strings.Fields(before)
		last := ws[len(ws)-1]
		return startsUpper(last) && !strings.ContainsAny(last, ".,;:!?\"\u201c\u201d(")
	}
	return false
}

// quotedTodays re-dates "today" inside direct quotes to the latest day
// the article names in the two days before its publication, when it names
// one and names no event on the publication day itself: the day the
// quoted words were said.
func quotedTodays(d *doc, raws []rawDate, out []storyline.DateMention, base *anchor) {
	if base == nil || base.from != "published" {
		return
	}
	pub := base.t
	latest := ""
	for i, r := range raws {
		if strings.HasPrefix(strings.ToLower(r.text), "today") || out[i].Granularity != "day" {
			continue
		}
		t, err := time.Parse("2006-01-02", out[i].Value)
		if err == nil && out[i].Value == pub.Format("2006-01-02") {
			return // a same-day report ("trading Tuesday"): today is today
		}
		if err != nil || !t.Before(pub) || t.Before(pub.AddDate(0, 0, -2)) {
			continue
		}
		if out[i].Value > latest {
			latest = out[i].Value
		}
	}
	if latest == "" {
		return
	}
	inQuote := quotedSentenceSpans(d)
	for i, r := range raws {
		if strings.ToLower(r.text) != "today" && !strings.HasPrefix(strings.ToLower(r.text), "today'") && !strings.HasPrefix(strings.ToLower(r.text), "today\u2019") {
			continue
		}
		if inQuote(r.sent, r.start) {
			out[i].Value = latest
		}
	}
}

// quotedSentenceSpans returns a test of whether a sentence offset lies
// inside a direct quote, with quotes that run over several sentences of a
// paragraph taken whole.
func quotedSentenceSpans(d *doc) func(si, pos int) bool {
	type loc struct{ para, off int }
	locs := make([]loc, len(d.sents))
	var texts []string
	var spans [][][2]int
	cur := ""
	for si, s := range d.sents {
		if si == 0 || d.para[si] != d.para[si-1] {
			if si > 0 {
				texts = append(texts, cur)
			}
			cur = ""
		}
		if cur != "" {
			cur += " "
		}
		locs[si] = loc{len(texts), len(cur)}
		cur += s
	}
	texts = append(texts, cur)
	for _, t := range texts {
		spans = append(spans, quoteSpans(t))
	}
	return func(si, pos int) bool {
		l := locs[si]
		p := l.off + pos
		for _, q := range spans[l.para] {
			if p >= q[0] && p < q[1] {
				return true
			}
		}
		return false
	}
}
