package understand

import (
	"sort"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textutil"
)

// driftThreshold is the word-set similarity above which two differently
// worded quotes of one speaker count as the same quote.
const driftThreshold = 0.5

// quoteDrift links the same direct quote as worded in different articles:
// same speaker, different wording, word overlap (Dice) at least
// driftThreshold, with the word-level differences listed.
func quoteDrift(quotes []storyline.Quote) []storyline.QuoteDrift {
	var out []storyline.QuoteDrift
	used := map[int]bool{}
	for i := range quotes {
		if used[i] || !quotes[i].Direct {
			continue
		}
		a := quotes[i]
		for j := i + 1; j < len(quotes); j++ {
			b := quotes[j]
			if used[j] || !b.Direct || b.Article == a.Article || b.Speaker != a.Speaker {
				continue
			}
			if textutil.Normalize(a.Text) == textutil.Normalize(b.Text) {
				continue
			}
			wa, wb := lowerWords(a.Text), lowerWords(b.Text)
			sim := dice(wa, wb)
			if sim < driftThreshold {
				continue
			}
			used[j] = true
			out = append(out, storyline.QuoteDrift{Speaker: a.Speaker, Articles: []string{a.Article, b.Article},
				Texts: []string{a.Text, b.Text}, Similarity: round3(sim), Differences: wordDiff(wa, wb)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Similarity > out[j].Similarity })
	return out
}

func lowerWords(s string) []string {
	ws := textutil.Words(s)
	for i, w := range ws {
		ws[i] = strings.ToLower(w)
	}
	return ws
}

// dice is the Dice coefficient of two word multisets.
func dice(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	common := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// wordDiff lists the word-level changes from a to b as "-old +new" edits,
// from a longest-common-subsequence alignment; adjacent changes merge.
func wordDiff(a, b []string) []string {
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	var del, ins []string
	flush := func() {
		if len(del) == 0 && len(ins) == 0 {
			return
		}
		var parts []string
		if len(del) > 0 {
			parts = append(parts, "-"+strings.Join(del, " "))
		}
		if len(ins) > 0 {
			parts = append(parts, "+"+strings.Join(ins, " "))
		}
		out = append(out, strings.Join(parts, " "))
		del, ins = nil, nil
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			flush()
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			ins = append(ins, b[j])
			j++
		default:
			del = append(del, a[i])
			i++
		}
	}
	flush()
	return out
}
