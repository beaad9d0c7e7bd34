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
//
// Only direct quotes of one speaker are compared, each quote's normalised
// text and words computed once: a long story repeats its quotes in many
// articles.
func quoteDrift(quotes []storyline.Quote) []storyline.QuoteDrift {
	var out []storyline.QuoteDrift
	used := make([]bool, len(quotes))
	bySpeaker := map[string][]int{} // direct quotes of each speaker, in order
	for i, q := range quotes {
		if q.Direct {
			bySpeaker[q.Speaker] = append(bySpeaker[q.Speaker], i)
		}
	}
	normal := make([]string, len(quotes))
	words := make([][]string, len(quotes))
	counts := make([]map[string]int, len(quotes))
	prepare := func(i int) {
		if counts[i] == nil {
			normal[i], words[i] = textutil.Normalize(quotes[i].Text), lowerWords(quotes[i].Text)
			counts[i] = wordCounts(words[i])
		}
	}
	for i := range quotes {
		if used[i] || !quotes[i].Direct {
			continue
		}
		a := quotes[i]
		same := bySpeaker[a.Speaker]
		for _, j := range same[sort.SearchInts(same, i+1):] {
			b := quotes[j]
			if used[j] || b.Article == a.Article {
				continue
			}
			prepare(i)
			prepare(j)
			if normal[i] == normal[j] {
				continue
			}
			wa, wb := words[i], words[j]
			if diceBound(len(wa), len(wb)) < driftThreshold {
				continue // too different in length to reach the threshold
			}
			sim := diceCounts(counts[i], counts[j], len(wa), len(wb))
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

// wordCounts is the multiset of a word list.
func wordCounts(ws []string) map[string]int {
	count := make(map[string]int, len(ws))
	for _, w := range ws {
		count[w]++
	}
	return count
}

// diceCounts is the Dice coefficient of two word multisets of na and nb
// words, given as counts: the words in common are the sum of the smaller
// counts.
func diceCounts(a, b map[string]int, na, nb int) float64 {
	if na+nb == 0 {
		return 0
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	common := 0
	for w, n := range a {
		common += min(n, b[w])
	}
	return 2 * float64(common) / float64(na+nb)
}

// diceBound is the highest dice two word lists of these lengths can have.
func diceBound(na, nb int) float64 {
	if na+nb == 0 {
		return 0
	}
	return 2 * float64(min(na, nb)) / float64(na+nb)
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
