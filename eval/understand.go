package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textutil"
	"github.com/storyline-news/storyline/understand"
)

// UnderstandGold is one labelled article of the understanding gold file
// (JSON Lines, one object per article). Articles with the same Story are
// analysed together, as the pipeline would.
type UnderstandGold struct {
	ID                  string  `json:"id"`
	Story               string  `json:"story"`
	Title               string  `json:"title"`
	URL                 string  `json:"url,omitempty"`
	Published           string  `json:"published"` // "2006-01-02" or ""
	PublishedConfidence float64 `json:"published_confidence"`
	Text                string  `json:"text"`
	Entities            []struct {
		Name    string   `json:"name"`
		Type    string   `json:"type"`
		Aliases []string `json:"aliases"`
	} `json:"entities"`
	Quotes []struct {
		Speaker string `json:"speaker"`
		Text    string `json:"text"` // a snippet of the quote or reported clause
	} `json:"quotes"`
	Dates []struct {
		Text     string `json:"text"`
		Value    string `json:"value"` // "" when a careful reader cannot resolve it
		Relative bool   `json:"relative"`
	} `json:"dates"`
	Events []struct {
		Type   string `json:"type"`
		Actor  string `json:"actor"`
		Target string `json:"target"` // "" when not scored
	} `json:"events"`
}

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	TP        int     `json:"tp"`
	Predicted int     `json:"predicted"`
	Gold      int     `json:"gold"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (p *PRF) finish() {
	if p.Predicted > 0 {
		p.Precision = float64(p.TP) / float64(p.Predicted)
	}
	if p.Gold > 0 {
		p.Recall = float64(p.TP) / float64(p.Gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// UnderstandResult is the understanding stage's score on a gold file.
type UnderstandResult struct {
	Articles int `json:"articles"`
	Entities PRF `json:"entities"`
	Quotes   PRF `json:"quotes"`
	Dates    PRF `json:"dates"`
	Events   PRF `json:"events"`
	// SpeakerAccuracy is the share of gold quotes found (by text) whose
	// speaker is right.
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	QuotesFound     int     `json:"quotes_found"`
	// RelativeAccuracy is the share of gold relative dates found (by text)
	// whose resolved value is right ("" = rightly left unresolved).
	RelativeAccuracy float64 `json:"relative_accuracy"`
	RelativeFound    int     `json:"relative_found"`
	// Misses lists gold items not found and predictions not in gold, for reading.
	Misses []string `json:"misses,omitempty"`
}

// LoadUnderstandGold reads a gold JSON Lines file.
func LoadUnderstandGold(path string) ([]UnderstandGold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open understand gold: %w", err)
	}
	defer f.Close()
	var out []UnderstandGold
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var g UnderstandGold
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read understand gold: %w", err)
	}
	return out, nil
}

// GoldArticle turns a gold record into the article the pipeline would give.
func (g UnderstandGold) GoldArticle() storyline.Article {
	a := storyline.Article{ID: g.ID, Title: g.Title, Text: g.Text, URL: g.URL, PublishedConfidence: g.PublishedConfidence}
	if t, err := time.Parse("2006-01-02", g.Published); err == nil {
		a.Published = t
	}
	return a
}

// Understand scores understand.Analyze on a gold file: entities (typed,
// matched through aliases), quotes by speaker, dates by value, events by
// type, actor and target; with quote→speaker and relative-date accuracy.
func Understand(goldPath string) (UnderstandResult, error) {
	gold, err := LoadUnderstandGold(goldPath)
	if err != nil {
		return UnderstandResult{}, err
	}
	var res UnderstandResult
	byStory := map[string][]UnderstandGold{}
	var stories []string
	for _, g := range gold {
		if _, ok := byStory[g.Story]; !ok {
			stories = append(stories, g.Story)
		}
		byStory[g.Story] = append(byStory[g.Story], g)
	}
	speakerOK, relOK := 0, 0
	for _, s := range stories {
		var arts []storyline.Article
		for _, g := range byStory[s] {
			arts = append(arts, g.GoldArticle())
		}
		an := understand.Analyze(arts, nil)
		for _, g := range byStory[s] {
			res.Articles++
			sOK, rOK := understandScoreArticle(&res, g, an)
			speakerOK += sOK
			relOK += rOK
		}
	}
	for _, p := range []*PRF{&res.Entities, &res.Quotes, &res.Dates, &res.Events} {
		p.finish()
	}
	if res.QuotesFound > 0 {
		res.SpeakerAccuracy = float64(speakerOK) / float64(res.QuotesFound)
	}
	if res.RelativeFound > 0 {
		res.RelativeAccuracy = float64(relOK) / float64(res.RelativeFound)
	}
	sort.Strings(res.Misses)
	return res, nil
}

// understandAliasKeys maps each gold entity name and alias to all its keys.
func understandAliasKeys(g UnderstandGold) map[string][]string {
	m := map[string][]string{}
	for _, e := range g.Entities {
		keys := []string{understandKey(e.Name)}
		for _, a := range e.Aliases {
			keys = append(keys, understandKey(a))
		}
		for _, k := range keys {
			m[k] = keys
		}
	}
	return m
}

func understandKey(s string) string {
	var b strings.Builder
	for _, w := range textutil.Words(textutil.Fold(s)) {
		b.WriteString(strings.ToLower(w))
	}
	return b.String()
}

// understandSameName compares a predicted name with a gold one through the
// gold aliases; described speakers match when one's words hold the other's.
func understandSameName(pred, gold string, aliases map[string][]string, predAliases map[string][]string) bool {
	pk, gk := understandKey(pred), understandKey(gold)
	if pk == gk {
		return true
	}
	for _, k := range aliases[gk] {
		if k == pk {
			return true
		}
		for _, pa := range predAliases[pk] {
			if pa == k {
				return true
			}
		}
	}
	pw, gw := strings.Fields(strings.ToLower(pred)), strings.Fields(strings.ToLower(gold))
	return len(gw) > 0 && len(pw) > 0 && (understandContains(pw, gw) || understandContains(gw, pw)) && !aliasKnown(pk, aliases)
}

func aliasKnown(k string, aliases map[string][]string) bool { _, ok := aliases[k]; return ok }

func understandContains(big, small []string) bool {
	set := map[string]bool{}
	for _, w := range big {
		set[strings.Trim(w, ",.")] = true
	}
	for _, w := range small {
		if !set[strings.Trim(w, ",.")] {
			return false
		}
	}
	return true
}

// understandOverlap is the share of the gold snippet's words in the prediction.
func understandOverlap(pred, gold string) float64 {
	gw := textutil.Words(strings.ToLower(textutil.Fold(gold)))
	pw := map[string]int{}
	for _, w := range textutil.Words(strings.ToLower(textutil.Fold(pred))) {
		pw[w]++
	}
	if len(gw) == 0 {
		return 0
	}
	n := 0
	for _, w := range gw {
		if pw[w] > 0 {
			pw[w]--
			n++
		}
	}
	return float64(n) / float64(len(gw))
}

func understandScoreArticle(res *UnderstandResult, g UnderstandGold, an storyline.Analysis) (speakerOK, relOK int) {
	aliases := understandAliasKeys(g)
	predAliases := map[string][]string{}
	// Entities named in this article.
	var ents []storyline.Entity
	for _, e := range an.Entities {
		for _, a := range e.Articles {
			if a == g.ID {
				ents = append(ents, e)
				keys := []string{understandKey(e.Name)}
				for _, al := range e.Aliases {
					keys = append(keys, understandKey(al))
				}
				for _, k := range keys {
					predAliases[k] = keys
				}
			}
		}
	}
	used := make([]bool, len(ents))
	res.Entities.Gold += len(g.Entities)
	res.Entities.Predicted += len(ents)
	for _, ge := range g.Entities {
		found := false
		for i, pe := range ents {
			if used[i] || pe.Type != ge.Type {
				continue
			}
			if understandEntityMatch(pe, ge.Name, aliases) {
				used[i], found = true, true
				res.Entities.TP++
				break
			}
		}
		if !found {
			res.Misses = append(res.Misses, fmt.Sprintf("%s entity missed: %s (%s)", g.ID, ge.Name, ge.Type))
		}
	}
	for i, pe := range ents {
		if !used[i] {
			res.Misses = append(res.Misses, fmt.Sprintf("%s entity extra: %s (%s)", g.ID, pe.Name, pe.Type))
		}
	}
	// Quotes.
	var quotes []storyline.Quote
	for _, q := range an.Quotes {
		if q.Article == g.ID {
			quotes = append(quotes, q)
		}
	}
	res.Quotes.Gold += len(g.Quotes)
	res.Quotes.Predicted += len(quotes)
	qUsed := make([]bool, len(quotes))
	for _, gq := range g.Quotes {
		best, bestOv := -1, 0.6
		for i, q := range quotes {
			if ov := understandOverlap(q.Text, gq.Text); !qUsed[i] && ov >= bestOv {
				best, bestOv = i, ov
			}
		}
		if best < 0 {
			res.Misses = append(res.Misses, fmt.Sprintf("%s quote missed: %s: %.60s", g.ID, gq.Speaker, gq.Text))
			continue
		}
		qUsed[best] = true
		res.QuotesFound++
		if understandSameName(quotes[best].Speaker, gq.Speaker, aliases, predAliases) {
			speakerOK++
			res.Quotes.TP++
		} else {
			res.Misses = append(res.Misses, fmt.Sprintf("%s quote speaker: got %q want %q: %.50s", g.ID, quotes[best].Speaker, gq.Speaker, gq.Text))
		}
	}
	for i, q := range quotes {
		if !qUsed[i] {
			res.Misses = append(res.Misses, fmt.Sprintf("%s quote extra: %s: %.60s", g.ID, q.Speaker, q.Text))
		}
	}
	// Dates.
	var dates []storyline.DateMention
	for _, d := range an.Dates {
		if d.Article == g.ID {
			dates = append(dates, d)
		}
	}
	res.Dates.Gold += len(g.Dates)
	res.Dates.Predicted += len(dates)
	dUsed := make([]bool, len(dates))
	for _, gd := range g.Dates {
		gt := strings.ToLower(gd.Text)
		match := func(d storyline.DateMention) bool {
			pt := strings.ToLower(d.Text)
			return strings.Contains(pt, gt) || strings.Contains(gt, pt)
		}
		best := -1
		for i, d := range dates {
			if !dUsed[i] && match(d) && (best < 0 || d.Value == gd.Value) {
				best = i
				if d.Value == gd.Value {
					break
				}
			}
		}
		if best < 0 {
			res.Misses = append(res.Misses, fmt.Sprintf("%s date missed: %q = %s", g.ID, gd.Text, gd.Value))
			continue
		}
		dUsed[best] = true
		ok := dates[best].Value == gd.Value
		if gd.Relative {
			res.RelativeFound++
			if ok {
				relOK++
			}
		}
		if ok {
			res.Dates.TP++
		} else {
			res.Misses = append(res.Misses, fmt.Sprintf("%s date value: %q got %q want %q", g.ID, gd.Text, dates[best].Value, gd.Value))
		}
	}
	for i, d := range dates {
		if !dUsed[i] {
			res.Misses = append(res.Misses, fmt.Sprintf("%s date extra: %q = %s", g.ID, d.Text, d.Value))
		}
	}
	// Events.
	var events []storyline.Event
	for _, e := range an.Events {
		if e.Article == g.ID {
			events = append(events, e)
		}
	}
	res.Events.Gold += len(g.Events)
	res.Events.Predicted += len(events)
	eUsed := make([]bool, len(events))
	for _, ge := range g.Events {
		found := false
		for i, e := range events {
			if eUsed[i] || e.Type != ge.Type || !understandSameName(e.Actor, ge.Actor, aliases, predAliases) {
				continue
			}
			if ge.Target != "" && !understandSameName(e.Target, ge.Target, aliases, predAliases) {
				continue
			}
			eUsed[i], found = true, true
			res.Events.TP++
			break
		}
		if !found {
			res.Misses = append(res.Misses, fmt.Sprintf("%s event missed: %s %s -> %s", g.ID, ge.Type, ge.Actor, ge.Target))
		}
	}
	for i, e := range events {
		if !eUsed[i] {
			res.Misses = append(res.Misses, fmt.Sprintf("%s event extra: %s %s -> %s (%s)", g.ID, e.Type, e.Actor, e.Target, e.Action))
		}
	}
	return speakerOK, relOK
}

func understandEntityMatch(pe storyline.Entity, goldName string, aliases map[string][]string) bool {
	gkeys := aliases[understandKey(goldName)]
	for _, n := range append([]string{pe.Name}, pe.Aliases...) {
		pk := understandKey(n)
		for _, k := range gkeys {
			if k == pk {
				return true
			}
		}
	}
	return false
}
