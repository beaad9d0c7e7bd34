package extract

import (
	"regexp"
	"strings"

	"github.com/storyline-news/storyline"
)

// datelineRe matches a wire dateline: an upper-case place, optionally a
// region or state, a day, an agency in parentheses, then a dash:
// "TEHRAN, April 7 (Reuters) –", "SEOUL, South Korea —", "DUBAI -".
var datelineRe = regexp.MustCompile(`(?:^|[.!?”"]\s+)(\p{Lu}[\p{Lu}\p{M}.'’\-]*(?:\s+\p{Lu}[\p{Lu}\p{M}.'’\-]*){0,3})` +
	`(?:,\s*(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2}))??` +
	`(?:,\s*(` + monthRe + `\s+\d{1,2}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))?` +
	`\s*(?:\(([^)]{2,40})\))?\s*[-–—]+\s+\S`)

// findDateline looks for a dateline opening one of the first paragraphs.
func findDateline(paragraphs []string) storyline.Dateline {
	for i, p := range paragraphs {
		if i >= 3 {
			break
		}
		head := p[:min(len(p), 600)]
		for _, m := range datelineRe.FindAllStringSubmatchIndex(head, -1) {
			place := head[m[2]:m[3]]
			letters := strings.Map(func(r rune) rune {
				if r == '.' || r == ' ' || r == '-' || r == '\'' || r == '’' {
					return -1
				}
				return r
			}, place)
			if len([]rune(letters)) < 3 || !isPlaceName(place) {
				continue
			}
			d := storyline.Dateline{Place: place}
			if m[6] >= 0 {
				d.Day = head[m[6]:m[7]]
			}
			rawEnd := m[1] - 1
			d.Raw = strings.TrimSpace(head[m[2]:rawEnd])
			return d
		}
	}
	return storyline.Dateline{}
}

// isPlaceName rejects upper-case runs that are not places: agency names,
// acronyms of organisations that open sentences ("NATO -").
func isPlaceName(s string) bool {
	if agencyIn(s) != "" {
		return false
	}
	switch s {
	case "UPDATE", "BREAKING", "WATCH", "VIDEO", "PHOTOS", "EXCLUSIVE", "ANALYSIS", "OPINION", "LIVE", "NEW":
		return false
	}
	return true
}

// dropSummaryBeforeDateline removes a summary glued before a wire
// dateline when the story after the dateline repeats it ("Reuters: Iran
// said … TEHRAN, April 7 (Reuters) – Iran said …").
func dropSummaryBeforeDateline(paragraphs []string) []string {
	for i, p := range paragraphs {
		if i >= 2 {
			break
		}
		for _, m := range datelineRe.FindAllStringSubmatchIndex(p, -1) {
			start := m[2]
			if start == 0 || !isPlaceName(p[m[2]:m[3]]) {
				continue
			}
			prefix := p[:start]
			if j := strings.Index(prefix, ":"); j >= 0 && j < 40 {
				prefix = prefix[j+1:]
			}
			if len(wordKey(prefix)) > 20 && strings.Contains(wordKey(p[start:]), wordKey(prefix)) {
				out := append([]string(nil), paragraphs...)
				out[i] = p[start:]
				return out
			}
		}
	}
	return paragraphs
}
