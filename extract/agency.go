package extract

import (
	"regexp"
	"sort"
	"strings"
)

// wireAgency is a news agency and the names it is credited under.
type wireAgency struct {
	name string
	// names are matched as whole words anywhere; shortNames (ambiguous
	// abbreviations: "AP", "PA", "Mehr") only in a credit context.
	names, shortNames []string
}

var wireAgencies = []wireAgency{
	{"Reuters", []string{"Reuters", "Thomson Reuters"}, nil},
	{"AFP", []string{"Agence France-Presse", "Agence France Presse"}, []string{"AFP"}},
	{"AP", []string{"Associated Press"}, []string{"AP"}},
	{"dpa", []string{"Deutsche Presse-Agentur"}, []string{"dpa", "DPA"}},
	{"IRNA", []string{"IRNA", "Islamic Republic News Agency"}, nil},
	{"Tasnim", []string{"Tasnim"}, nil},
	{"Fars", []string{"Fars news agency", "Fars News Agency"}, []string{"Fars"}},
	{"Mehr", []string{"Mehr news agency", "Mehr News Agency"}, []string{"Mehr"}},
	{"ISNA", []string{"ISNA", "Iranian Students' News Agency"}, nil},
	{"Xinhua", []string{"Xinhua"}, nil},
	{"Anadolu", []string{"Anadolu Agency", "Anadolu"}, nil},
	{"Bloomberg", []string{"Bloomberg News"}, []string{"Bloomberg"}},
	{"PA", []string{"Press Association", "PA Media"}, []string{"PA"}},
	{"ANSA", []string{"ANSA"}, nil},
	{"EFE", []string{"Agencia EFE"}, []string{"EFE"}},
	{"Kyodo", []string{"Kyodo"}, nil},
	{"Yonhap", []string{"Yonhap"}, nil},
	{"UPI", []string{"United Press International"}, []string{"UPI"}},
	{"Interfax", []string{"Interfax"}, nil},
	{"TASS", []string{"TASS", "ITAR-TASS"}, nil},
	{"RIA Novosti", []string{"RIA Novosti"}, nil},
	{"KCNA", []string{"Korean Central News Agency", "KCNA"}, nil},
	{"WAM", []string{"Emirates News Agency"}, []string{"WAM"}},
	{"SPA", []string{"Saudi Press Agency"}, []string{"SPA"}},
	{"PTI", []string{"Press Trust of India"}, []string{"PTI"}},
	{"ANI", []string{"Asian News International"}, []string{"ANI"}},
	{"Bernama", []string{"Bernama"}, nil},
	{"Antara", []string{"Antara news agency", "Antara News Agency"}, []string{"Antara"}},
	{"CNA", []string{"Central News Agency"}, nil},
	{"AAP", []string{"Australian Associated Press"}, []string{"AAP"}},
	{"CP", []string{"The Canadian Press", "Canadian Press"}, nil},
}

// Strength of a credit: a dateline or signature outranks a byline or
// "Source:" credit, which outranks a passing mention.
const (
	creditMention   = 1
	creditByline    = 2
	creditSignature = 3
)

type agencyPatterns struct {
	any, signature *regexp.Regexp
	// contributed matches the agency's own reporting: "told AFP",
	// "AFP contributed", "in an interview with Reuters".
	contributed *regexp.Regexp
	// keys are literal names: a text without any of them cannot match,
	// which spares the regular expressions on most paragraphs.
	keys []string
}

// mayName reports whether s contains one of the agency's names at all.
func (p agencyPatterns) mayName(s string) bool {
	for _, k := range p.keys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

var agencyRes []agencyPatterns

// reutersSignature is Reuters' closing credit line.
var reutersSignature = regexp.MustCompile(`\((?:Reporting|Additional reporting|Writing) by [^)]*(?:Editing|editing|Writing) by [^)]*\)`)

func init() {
	for _, a := range wireAgencies {
		var long, all []string
		for _, n := range a.names {
			long = append(long, regexp.QuoteMeta(n))
		}
		all = append(all, long...)
		for _, n := range a.shortNames {
			all = append(all, regexp.QuoteMeta(n))
		}
		alt := "(?:" + strings.Join(all, "|") + ")"
		var anyRe *regexp.Regexp
		credit := `(?:\(` + alt + `(?:/[^)]*)?\)|^` + alt + `\s*[:\-–—]|\b(?:told|to|by|via|from|according to|quoted by|quoting|cited by|citing|with|Source:?)\s+(?:the\s+)?` + alt + `\b|\b` + alt + `\s+(?:reported|reports|said|says|news agency|contributed|quoted|cited|added|wrote|learned|reporter|correspondent))`
		if len(long) > 0 {
			anyRe = regexp.MustCompile(`\b(?:` + strings.Join(long, "|") + `)\b|` + credit)
		} else {
			anyRe = regexp.MustCompile(credit)
		}
		sig := regexp.MustCompile(`\(` + alt + `(?:/[^)]*)?\)|^(?:[A-Z][\p{L}.' -]*,?\s*)?` + alt + `\s*[:\-–—]|[A-Z]{2,}[^.]{0,60}\(` + alt + `\)`)
		keys := append(append([]string(nil), a.names...), a.shortNames...)
		contributed := regexp.MustCompile(`\b(?:told|speaking to|in an interview with)\s+(?:the\s+)?` + alt + `\b|\b` + alt + `\s+(?:contributed|reporters?|correspondents?)\b`)
		agencyRes = append(agencyRes, agencyPatterns{any: anyRe, signature: sig, contributed: contributed, keys: keys})
	}
}

// agencyIn returns the agency a short credit string names, or "".
func agencyIn(s string) string {
	s = strings.TrimSpace(s)
	for _, a := range wireAgencies {
		for _, n := range a.names {
			if strings.EqualFold(s, n) || strings.HasPrefix(strings.ToLower(s), strings.ToLower(n)+" ") {
				return a.name
			}
		}
		for _, n := range a.shortNames {
			if s == n || strings.HasPrefix(s, n+" ") {
				return a.name
			}
		}
	}
	for i, a := range wireAgencies {
		if agencyRes[i].mayName(s) && agencyRes[i].any.MatchString(s) {
			return a.name
		}
	}
	return ""
}

// agencies lists the agencies an article credits, most prominent first,
// and where the leading credit was found.
func agencies(paragraphs []string, credit string, authors []string) ([]string, string) {
	type found struct {
		strength, at int
		from         string
	}
	best := map[string]found{}
	note := func(name string, strength, at int, from string) {
		if f, ok := best[name]; !ok || strength > f.strength || (strength == f.strength && at < f.at) {
			best[name] = found{strength, at, from}
		}
	}
	for _, a := range authors {
		if name := agencyIn(a); name != "" {
			note(name, creditByline, -1, "byline")
		}
	}
	if credit != "" {
		for i, a := range wireAgencies {
			if agencyRes[i].any.MatchString(credit) || containsWord(credit, a.shortNames) {
				note(a.name, creditByline, -1, "credit")
			}
		}
	}
	offset := 0
	for _, p := range paragraphs {
		if reutersSignature.MatchString(p) {
			note("Reuters", creditSignature, offset, "signature")
		}
		for i, a := range wireAgencies {
			if !agencyRes[i].mayName(p) {
				continue
			}
			if loc := agencyRes[i].signature.FindStringIndex(p); loc != nil {
				from := "signature"
				if offset+loc[0] < 400 {
					from = "dateline"
				}
				note(a.name, creditSignature, offset+loc[0], from)
			} else if loc := agencyRes[i].contributed.FindStringIndex(p); loc != nil {
				note(a.name, creditByline, offset+loc[0], "contributed")
			} else if loc := agencyRes[i].any.FindStringIndex(p); loc != nil {
				note(a.name, creditMention, offset+loc[0], "mention")
			}
		}
		offset += len(p) + 2
	}
	names := sortedKeys(best)
	sort.SliceStable(names, func(i, j int) bool {
		a, b := best[names[i]], best[names[j]]
		if a.strength != b.strength {
			return a.strength > b.strength
		}
		return a.at < b.at
	})
	if len(names) == 0 {
		return nil, ""
	}
	return names, best[names[0]].from
}

// containsWord reports whether one of words occurs in s as a whole word.
func containsWord(s string, words []string) bool {
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(s[i:], w)
			if j < 0 {
				break
			}
			at := i + j
			end := at + len(w)
			if (at == 0 || !isWordByte(s[at-1])) && (end == len(s) || !isWordByte(s[end])) {
				return true
			}
			i = at + 1
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}
