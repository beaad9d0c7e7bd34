package tell

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxQuoteParts is the most sentences quoteJoins makes into one.
const maxQuoteParts = 3

// quoteJoins finds sentences the splitter cut inside a quotation: a
// sentence that leaves a quote open (“… I don’t think.) followed by one
// that closes it (But they will be.”) is one sentence of the text, and
// the second alone is a fragment no list should show. For each sentence
// that opens such a quotation, joined holds the whole sentence (the text
// from its start to the end of the part closing the quote, verbatim);
// continues marks the parts after the first. At most maxQuoteParts
// sentences are joined, never across a paragraph break. Sentences are
// located in text in order; one not found is never joined.
func quoteJoins(text string, raws []string) (joined []string, continues []bool) {
	joined = make([]string, len(raws))
	continues = make([]bool, len(raws))
	cursor := 0
	for k := 0; k < len(raws); k++ {
		start, end, ok := spanOf(text, raws[k], cursor)
		if !ok {
			continue
		}
		cursor = end
		open, parts, first := quoteBalance(raws[k]), 1, k
		for open > 0 && parts < maxQuoteParts && k+1 < len(raws) {
			next := raws[k+1]
			balance := quoteBalance(next)
			if balance >= 0 {
				break // the next sentence does not close the quote
			}
			nStart, nEnd, nOK := spanOf(text, next, cursor)
			if !nOK || strings.Contains(text[end:nStart], "\n\n") {
				break
			}
			joined[first] = text[start:nEnd]
			end, cursor = nEnd, nEnd
			open += balance
			parts++
			k++
			continues[k] = true
		}
	}
	return joined, continues
}

// spanOf finds sentence s in text at or after from.
func spanOf(text, s string, from int) (start, end int, ok bool) {
	if from > len(text) || s == "" {
		return 0, 0, false
	}
	i := strings.Index(text[from:], s)
	if i < 0 {
		return 0, 0, false
	}
	return from + i, from + i + len(s), true
}

// quoteBalance is how many double quotes a sentence leaves open (>0) or
// closes that it did not open (<0). Curly quotes count by direction.
// Straight quotes have none: an odd number of them leaves one open when
// the last is followed by a word ("I), else closes one (be.").
func quoteBalance(s string) int {
	n := strings.Count(s, "“") - strings.Count(s, "”")
	if strings.Count(s, `"`)%2 == 1 {
		last := strings.LastIndex(s, `"`)
		if r, _ := utf8.DecodeRuneInString(s[last+1:]); last+1 < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			n++
		} else {
			n--
		}
	}
	return n
}
