package extract

import (
	"strings"

	"github.com/RadhiFadlillah/whatlanggo"
)

// language detects the article's ISO 639-1 language from its text; the
// page's declared language decides when the text is too short or the
// detector is unsure.
func language(text, title, declared string) string {
	declared = strings.ToLower(strings.TrimSpace(declared))
	if i := strings.IndexAny(declared, "-_"); i > 0 {
		declared = declared[:i]
	}
	sample := title + "\n" + text
	if len(sample) > 4000 {
		sample = sample[:4000]
	}
	if len(strings.Fields(sample)) >= 5 {
		info := whatlanggo.Detect(sample)
		if code := info.Lang.Iso6391(); code != "" && (info.IsReliable() || declared == "" || len(declared) != 2) {
			return code
		}
	}
	if len(declared) == 2 {
		return declared
	}
	return ""
}
