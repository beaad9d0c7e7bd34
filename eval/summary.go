package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/datafile"
	"github.com/storyline-news/storyline/tell"
	"github.com/storyline-news/storyline/textutil"
)

// SummaryStory is one labelled story for the summary evaluation: its
// articles in story order and a reference summary.
type SummaryStory struct {
	Set   string `json:"set"`
	Story string `json:"story"`
	// Proxy is true when the reference was not written as a summary of the
	// story (e.g. publishers' ledes standing in for one).
	Proxy     bool                `json:"proxy"`
	Reference []string            `json:"reference"`
	Articles  []storyline.Article `json:"articles"`
}

// Rouge is a ROUGE F1 triple on lower-cased textutil.Words tokens, without
// stemming or stop-word removal. ROUGE-L is the summary-level LCS of the
// whole token sequences (not the union-LCS variant).
type Rouge struct {
	R1 float64 `json:"rouge1_f1"`
	R2 float64 `json:"rouge2_f1"`
	RL float64 `json:"rougeL_f1"`
}

// SummaryStoryResult is one story's figures.
type SummaryStoryResult struct {
	Story     string `json:"story"`
	Articles  int    `json:"articles"`
	Sentences int    `json:"sentences"`
	Rouge     Rouge  `json:"rouge"`
	Lead      Rouge  `json:"lead_baseline"`
	// Citations counts (sentence, cited article) pairs; Correct those where
	// the article carries the sentence; Exact those where it carries it
	// modulo white space, case and quote style only.
	Citations int      `json:"citations"`
	Correct   int      `json:"correct"`
	Exact     int      `json:"exact"`
	Verbatim  int      `json:"verbatim"` // sentences found verbatim in their first cited article
	Problems  []string `json:"problems,omitempty"`
}

// SummarySetResult is the figures for one set of stories.
type SummarySetResult struct {
	Set     string `json:"set"`
	Proxy   bool   `json:"proxy"`
	Stories int    `json:"stories"`
	// Rouge and Lead are means over stories of the page summary's and the
	// lead baseline's scores (Lead: the first sentences of the story's
	// longest article, as many as the summary has).
	Rouge     Rouge `json:"rouge"`
	Lead      Rouge `json:"lead_baseline"`
	Sentences int   `json:"sentences"`
	// CitationCorrectness is Correct/Citations; ExactShare is Exact/Citations;
	// VerbatimShare is the share of summary sentences found verbatim in
	// their first cited article.
	Citations           int                  `json:"citations"`
	CitationCorrectness float64              `json:"citation_correctness"`
	ExactShare          float64              `json:"exact_share"`
	VerbatimShare       float64              `json:"verbatim_share"`
	MillisPerStory      float64              `json:"ms_per_story"`
	PerStory            []SummaryStoryResult `json:"per_story"`
}

// SummaryResult is the evaluation over every set given.
type SummaryResult struct {
	Sets []SummarySetResult `json:"sets"`
}

// Summary tells every story and scores its summary against the reference
// (ROUGE-1/2/L F1) and its citations against the articles, grouping the
// figures by set in first-seen order.
func Summary(stories []SummaryStory, opt tell.Options) SummaryResult {
	var res SummaryResult
	bySet := map[string]int{}
	for _, st := range stories {
		k, ok := bySet[st.Set]
		if !ok {
			k = len(res.Sets)
			bySet[st.Set] = k
			res.Sets = append(res.Sets, SummarySetResult{Set: st.Set, Proxy: st.Proxy})
		}
		set := &res.Sets[k]
		start := time.Now()
		page := tell.Tell(tell.Input{Story: storyline.Story{ID: st.Story}, Articles: st.Articles}, opt)
		set.MillisPerStory += float64(time.Since(start).Microseconds()) / 1000
		set.PerStory = append(set.PerStory, summaryScoreStory(st, page))
		set.Proxy = set.Proxy || st.Proxy
	}
	for k := range res.Sets {
		set := &res.Sets[k]
		set.Stories = len(set.PerStory)
		correct, exact, verbatim := 0, 0, 0
		for _, r := range set.PerStory {
			set.Rouge.R1 += r.Rouge.R1
			set.Rouge.R2 += r.Rouge.R2
			set.Rouge.RL += r.Rouge.RL
			set.Lead.R1 += r.Lead.R1
			set.Lead.R2 += r.Lead.R2
			set.Lead.RL += r.Lead.RL
			set.Sentences += r.Sentences
			set.Citations += r.Citations
			correct += r.Correct
			exact += r.Exact
			verbatim += r.Verbatim
		}
		if n := float64(set.Stories); n > 0 {
			set.Rouge = Rouge{set.Rouge.R1 / n, set.Rouge.R2 / n, set.Rouge.RL / n}
			set.Lead = Rouge{set.Lead.R1 / n, set.Lead.R2 / n, set.Lead.RL / n}
			set.MillisPerStory /= n
		}
		if set.Citations > 0 {
			set.CitationCorrectness = float64(correct) / float64(set.Citations)
			set.ExactShare = float64(exact) / float64(set.Citations)
		}
		if set.Sentences > 0 {
			set.VerbatimShare = float64(verbatim) / float64(set.Sentences)
		}
	}
	return res
}

// summaryScoreStory scores one page.
func summaryScoreStory(st SummaryStory, page storyline.Telling) SummaryStoryResult {
	r := SummaryStoryResult{Story: st.Story, Articles: len(st.Articles), Sentences: len(page.Summary)}
	byID := map[string]storyline.Article{}
	for _, a := range st.Articles {
		byID[a.ID] = a
	}
	var texts []string
	for _, s := range page.Summary {
		texts = append(texts, s.Text)
		for c, cit := range s.Citations {
			a, ok := byID[cit.Article]
			r.Citations++
			if c == 0 && ok && strings.Contains(a.Text, s.Text) {
				r.Verbatim++
			}
			switch {
			case ok && summaryExact(a.Text, s.Text):
				r.Correct++
				r.Exact++
			case ok && summaryNear(a.Text, s.Text):
				r.Correct++
			default:
				r.Problems = append(r.Problems, fmt.Sprintf("%s does not carry %q", cit.Article, s.Text))
			}
		}
	}
	ref := strings.Join(st.Reference, " ")
	r.Rouge = RougeScores(strings.Join(texts, " "), ref)
	r.Lead = RougeScores(strings.Join(summaryLead(st.Articles, len(page.Summary)), " "), ref)
	return r
}

// summaryLead is the lead baseline: the first n sentences of the longest article.
func summaryLead(articles []storyline.Article, n int) []string {
	best, bestWords := -1, -1
	for i, a := range articles {
		if w := len(textutil.Words(a.Text)); w > bestWords {
			best, bestWords = i, w
		}
	}
	if best < 0 {
		return nil
	}
	sents := textutil.Sentences(articles[best].Text)
	return sents[:min(n, len(sents))]
}

// summaryExact reports whether text contains sent modulo white space,
// case and typography (textutil.Normalize).
func summaryExact(text, sent string) bool {
	n := textutil.Normalize(sent)
	return n != "" && strings.Contains(textutil.Normalize(text), n)
}

// summaryNear reports whether some sentence of text is near-identical to
// sent: word-sequence similarity 2·LCS/(|a|+|b|) ≥ tell.NearIdentical on
// lower-cased tokens with dots removed (so "U.S." and "US" agree). It is
// written apart from the tell package's matcher so that it checks it.
func summaryNear(text, sent string) bool {
	want := summaryTokens(sent)
	if len(want) == 0 {
		return false
	}
	for _, s := range textutil.Sentences(text) {
		got := summaryTokens(s)
		if 2*float64(summaryLCS(want, got))/float64(len(want)+len(got)) >= tell.NearIdentical {
			return true
		}
	}
	return false
}

func summaryTokens(s string) []string {
	words := textutil.Words(strings.ReplaceAll(textutil.Fold(s), ".", ""))
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	return words
}

// summaryLCS is the length of the longest common subsequence of a and b.
func summaryLCS(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// RougeScores computes ROUGE-1, ROUGE-2 and ROUGE-L F1 of a candidate
// against a reference on lower-cased textutil.Words tokens.
func RougeScores(candidate, reference string) Rouge {
	c, r := summaryTokens0(candidate), summaryTokens0(reference)
	f := func(overlap, nc, nr int) float64 {
		if overlap == 0 || nc == 0 || nr == 0 {
			return 0
		}
		p, rec := float64(overlap)/float64(nc), float64(overlap)/float64(nr)
		return 2 * p * rec / (p + rec)
	}
	ngram := func(n int) float64 {
		cc, rc := summaryNgrams(c, n), summaryNgrams(r, n)
		overlap := 0
		for g, k := range cc {
			overlap += min(k, rc[g])
		}
		return f(overlap, max(0, len(c)-n+1), max(0, len(r)-n+1))
	}
	return Rouge{R1: ngram(1), R2: ngram(2), RL: f(summaryLCS(c, r), len(c), len(r))}
}

func summaryTokens0(s string) []string {
	words := textutil.Words(s)
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	return words
}

func summaryNgrams(tokens []string, n int) map[string]int {
	out := map[string]int{}
	for i := 0; i+n <= len(tokens); i++ {
		out[strings.Join(tokens[i:i+n], " ")]++
	}
	return out
}

// LoadSummaryStories reads labelled stories, one JSON object per line (a
// SummaryStory), from a file that may be gzip-compressed.
func LoadSummaryStories(path string) ([]SummaryStory, error) {
	var out []SummaryStory
	err := summaryLines(path, func(line []byte) error {
		var st SummaryStory
		if err := json.Unmarshal(line, &st); err != nil {
			return err
		}
		if st.Set == "" {
			st.Set = "refs"
		}
		out = append(out, st)
		return nil
	})
	return out, err
}

// SummaryStoriesFromFulltext builds a multi-document set from the
// stories-dev full-text file: articles grouped by their `story` label, in
// file order, for stories with at least minArticles articles. The reference
// is a PROXY: the distinct `description` fields of the story's articles
// (publishers' own ledes and standfirsts), not a summary written for the
// story; they often repeat an article's first sentence, which favours
// lead-based summaries.
func SummaryStoriesFromFulltext(path string, minArticles int) ([]SummaryStory, error) {
	type row struct {
		ID, Title, Description, Text, URL, Publisher, Story, Timestamp string
	}
	byStory := map[string]*SummaryStory{}
	seenDesc := map[string]map[string]bool{}
	var order []string
	err := summaryLines(path, func(line []byte) error {
		var r row
		if err := json.Unmarshal(line, &r); err != nil {
			return err
		}
		st, ok := byStory[r.Story]
		if !ok {
			st = &SummaryStory{Set: "stories-dev", Story: r.Story, Proxy: true}
			byStory[r.Story] = st
			seenDesc[r.Story] = map[string]bool{}
			order = append(order, r.Story)
		}
		published, _ := time.Parse(time.RFC3339, r.Timestamp)
		st.Articles = append(st.Articles, storyline.Article{ID: r.ID, Title: r.Title, Text: r.Text, URL: r.URL,
			Outlet: r.Publisher, Published: published, Source: path})
		if d := strings.TrimSpace(r.Description); d != "" && !seenDesc[r.Story][textutil.Normalize(d)] {
			seenDesc[r.Story][textutil.Normalize(d)] = true
			st.Reference = append(st.Reference, d)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(order)
	var out []SummaryStory
	for _, s := range order {
		if st := byStory[s]; len(st.Articles) >= minArticles && len(st.Reference) > 0 {
			out = append(out, *st)
		}
	}
	return out, nil
}

// summaryLines calls fn for each non-blank line of a JSON Lines file,
// gunzipping it when it ends in ".gz".
func summaryLines(path string, fn func([]byte) error) error {
	r, err := datafile.Open(path)
	if err != nil {
		return fmt.Errorf("summary eval: %w", err)
	}
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		if err := fn(sc.Bytes()); err != nil {
			return fmt.Errorf("summary eval: %s line %d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("summary eval: %s: %w", path, err)
	}
	return nil
}
