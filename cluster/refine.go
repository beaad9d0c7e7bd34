package cluster

import (
	"math"
	"time"
)

// refine moves each revisited item to its best story again, in arrival
// order, up to passes times or until a pass moves no item: a k-means-style
// refinement of the batch's decisions, where each item is scored against
// the stories as the items before it in the pass left them (centroids
// follow every move) and against its own story without itself (see
// leaveOneOut). An item that reaches Threshold nowhere stays in its story
// when it is alone there, and otherwise starts one of its own, as in
// redecide. An item is not scored again while none of
// the stories its last decision read has changed (see unchanged), nor,
// with RefineMargin, when that decision was clear. Stories left empty are
// retired and redirected, the redirects recorded. It returns the number
// of moves.
func (c *Clusterer) refine(items []revisitItem, passes int, redirects map[string]string) int {
	total := 0
	var left []int // the stories items moved out of
	for p := 0; p < passes; p++ {
		moves := 0
		for i := range items {
			r := &items[i]
			si, ok := c.storyAt(r.m.tick)
			if !ok || c.unchanged(r.watch, si) || c.settled(r.margin) {
				continue
			}
			kv, ok := c.keptOf(r.m.tick)
			if !ok {
				continue
			}
			q := c.query(features{vector: kv.vec})
			ranked := c.finishRank(q, r.m.at)
			own := c.leaveOneOut(q, kv, si, r.m)
			best, other := -1, 0.0
			for _, cand := range ranked {
				if cand.story != si {
					best, other = cand.story, cand.score
					if cand.score < c.opt.Threshold || cand.score <= own {
						best = -1
					}
					break
				}
			}
			r.margin = c.decisionMargin(max(own, other), min(own, other))
			target := si
			switch {
			case best >= 0:
				target = best
			case own < c.opt.Threshold && c.stories[si].size > 1:
				target = -1
			}
			if target != si {
				c.unplace(revisitItem{m: r.m, keptVector: kv, from: si}, si)
				left = append(left, si)
				if target < 0 {
					target = c.foundAgain(r.m)
				}
				c.place(r.m, kv.vec, q.norm, target)
				c.setKept(r.m.tick, keptVector{kv.vec, q.norm})
				moves++
			}
			r.watch = c.watchList(r.watch[:0], ranked, target)
		}
		total += moves
		if moves == 0 {
			break
		}
	}
	if total > 0 {
		c.retireEmpty(left, redirects)
	}
	return total
}

// decisionMargin is how clear a decision between a best score and the
// runner-up's was: the lesser of the gap between them and the gap between
// the best and Threshold (join or found).
func (c *Clusterer) decisionMargin(best, runnerUp float64) float64 {
	return min(best-runnerUp, math.Abs(best-c.opt.Threshold))
}

// settled reports whether a decision was clear enough (RefineMargin) not
// to be revisited by refine.
func (c *Clusterer) settled(margin float64) bool {
	return c.opt.RefineMargin > 0 && margin >= c.opt.RefineMargin
}

// leaveOneOut is the decayed cosine of an item (query q, kept vector kv)
// with its own story si as if it were not in it: its share of the
// centroid taken out term by term, the rest of the story's weighted
// vector as cached (Finish takes a snapshot first, so the cached norms
// carry the weights of the moment). Deciding again whether the item
// belongs there then costs a pass over its own terms, and the story is
// left untouched (and its cached norm valid) when the item stays, as most
// do.
func (c *Clusterer) leaveOneOut(q query, kv keptVector, si int, m member) float64 {
	s := c.stories[si]
	n := c.storyNorm(s)
	if n == 0 || q.norm == 0 || kv.norm == 0 || s.size <= 1 {
		return 0
	}
	var dot float64
	norm2 := n * n
	for i, w := range q.vec {
		cw, ok := s.centroid.get(w.term)
		if !ok {
			continue
		}
		g := q.global[i]
		full := saturate(cw, c.opt.CentroidPower) * g
		rest := 0.0
		if left := cw - w.weight/kv.norm; left > 1e-9 {
			rest = saturate(left, c.opt.CentroidPower) * g
		}
		dot += w.weight * g * rest
		norm2 += rest*rest - full*full
	}
	if norm2 <= 1e-18 || dot <= 0 {
		return 0
	}
	first, last := s.first, s.last
	if !m.at.IsZero() && (m.at.Equal(first) || m.at.Equal(last)) {
		// The item bounds the span: the rest of the story may end earlier
		// or start later. Only such items pay for the scan.
		first, last = spanWithout(s.members, m.id)
	}
	return dot / (math.Sqrt(norm2) * q.norm) * c.decay(first, last, m.at)
}

// spanWithout is the time span of the members other than id.
func spanWithout(members []member, id string) (first, last time.Time) {
	for _, o := range members {
		if o.id == id || o.at.IsZero() {
			continue
		}
		if first.IsZero() || o.at.Before(first) {
			first = o.at
		}
		if o.at.After(last) {
			last = o.at
		}
	}
	return first, last
}

// storyVersion is a story index with the churn it had.
type storyVersion struct {
	story, churn int
}

// watchList records the stories a decision read (the candidates it
// ranked) and the story it chose, with their churn now.
func (c *Clusterer) watchList(dst []storyVersion, ranked []candidate, target int) []storyVersion {
	dst = append(dst, storyVersion{target, c.stories[target].churn})
	for _, cand := range ranked {
		if cand.story != target {
			dst = append(dst, storyVersion{cand.story, c.stories[cand.story].churn})
		}
	}
	return dst
}

// unchanged reports whether an item's last decision still stands: it is
// in the story it chose (si) and neither that story nor any candidate it
// ranked has changed since. The global weights do not change within a
// Finish, so the scores it read are the same; only a story that was not
// among its candidates and grew into one could change the decision, which
// the pass skips.
func (c *Clusterer) unchanged(watch []storyVersion, si int) bool {
	if len(watch) == 0 || watch[0].story != si {
		return false
	}
	for _, w := range watch {
		s := c.stories[w.story]
		if s.churn != w.churn {
			return false
		}
	}
	return true
}
