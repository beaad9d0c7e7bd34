package tell

import (
	"math"
	"slices"
)

// vector is a sparse TF-IDF vector, sorted by term id, of unit length.
type vector struct {
	terms   []int
	weights []float64
}

func (v vector) dot(u vector) float64 {
	sum, i, j := 0.0, 0, 0
	for i < len(v.terms) && j < len(u.terms) {
		switch {
		case v.terms[i] == u.terms[j]:
			sum += v.weights[i] * u.weights[j]
			i++
			j++
		case v.terms[i] < u.terms[j]:
			i++
		default:
			j++
		}
	}
	return sum
}

// groupVectors builds one TF-IDF vector per carry group, from the group's
// first sentence; document frequency counts groups, so a sentence repeated
// by many outlets does not make its own words look common. It also returns
// that document frequency per token id (stopwords included).
func (ix *storyIndex) groupVectors(reps []int) ([]vector, []int) {
	df := make([]int, len(ix.words))
	lastRep := make([]int, len(ix.words)) // 1 + the last group counted per token
	total := 0
	for g, i := range reps {
		for _, t := range ix.sents[i].tokens {
			if lastRep[t] != g+1 {
				lastRep[t] = g + 1
				df[t]++
			}
			if !ix.stop[t] {
				total++
			}
		}
	}
	n := float64(len(reps))
	idf := make([]float64, len(ix.words)) // 0 until computed
	tf := make([]float64, len(ix.words))  // scratch, zero between groups
	termBuf := make([]int, 0, total)
	weightBuf := make([]float64, 0, total)
	out := make([]vector, len(reps))
	for g, i := range reps {
		from := len(termBuf)
		for _, t := range ix.sents[i].tokens {
			if ix.stop[t] {
				continue
			}
			if tf[t] == 0 {
				termBuf = append(termBuf, t)
			}
			tf[t]++
		}
		terms := termBuf[from:len(termBuf):len(termBuf)]
		slices.Sort(terms)
		norm := 0.0
		for _, t := range terms {
			if idf[t] == 0 {
				idf[t] = math.Log(1 + n/float64(df[t]))
			}
			w := tf[t] * idf[t]
			weightBuf = append(weightBuf, w)
			norm += w * w
			tf[t] = 0
		}
		weights := weightBuf[from:len(weightBuf):len(weightBuf)]
		if norm > 0 {
			norm = math.Sqrt(norm)
			for k := range weights {
				weights[k] /= norm
			}
		}
		out[g] = vector{terms: terms, weights: weights}
	}
	return out, df
}

// edge is a link of the sentence graph.
type edge struct {
	to int
	w  float64
}

// graph is the sentence graph in compressed rows: node g's edges are
// edges[start[g]:start[g+1]], sorted by neighbour.
type graph struct {
	start []int
	edges []edge
}

func (gr graph) of(g int) []edge { return gr.edges[gr.start[g]:gr.start[g+1]] }

// similarityGraph links groups whose vectors' cosine is at least 0.1.
// Cosines are accumulated through an inverted index over the pairs sharing
// a term, each pair once (from its lower group), term by term in the lower
// group's term order, as vector.dot sums them.
func similarityGraph(vecs []vector, vocabSize int) graph {
	n := len(vecs)
	type posting struct {
		group  int
		weight float64
	}
	// Postings in one flat array, per term in ascending group order.
	start := make([]int, vocabSize+1)
	for _, v := range vecs {
		for _, t := range v.terms {
			start[t+1]++
		}
	}
	for t := 1; t <= vocabSize; t++ {
		start[t] += start[t-1]
	}
	flat := make([]posting, start[vocabSize])
	cursor := append([]int(nil), start[:vocabSize]...)
	for g, v := range vecs {
		for k, t := range v.terms {
			flat[cursor[t]] = posting{g, v.weights[k]}
			cursor[t]++
		}
	}
	// cursor[t] is g's own posting in term t's list while g is scanned.
	copy(cursor, start[:vocabSize])
	// Links found from group g are linkTo[linkEnd[g-1]:linkEnd[g]]: the
	// higher groups it links to, with the cosines in linkW.
	bound := 0 // pairs sharing a term: at most that many links
	for t := 0; t < vocabSize; t++ {
		df := start[t+1] - start[t]
		bound += df * (df - 1) / 2
	}
	linkTo := make([]int, 0, min(bound, 16*n))
	linkW := make([]float64, 0, min(bound, 16*n))
	linkEnd := make([]int, n)
	degree := make([]int, n+1)
	acc := make([]float64, n)
	var touched []int
	for g, v := range vecs {
		for k, t := range v.terms {
			for _, p := range flat[cursor[t]+1 : start[t+1]] {
				if acc[p.group] == 0 {
					touched = append(touched, p.group)
				}
				acc[p.group] += v.weights[k] * p.weight
			}
			cursor[t]++
		}
		for _, h := range touched {
			if acc[h] >= 0.1 {
				linkTo = append(linkTo, h)
				linkW = append(linkW, acc[h])
				degree[g]++
				degree[h]++
			}
			acc[h] = 0
		}
		touched = touched[:0]
		linkEnd[g] = len(linkTo)
	}
	// Each row holds its links to lower groups, then to higher ones. Links
	// come by ascending lower group, so the lower parts fill in order; the
	// higher parts are filled from the lower parts by ascending group.
	gr := graph{start: make([]int, n+1), edges: make([]edge, 2*len(linkTo))}
	for g := 0; g < n; g++ {
		gr.start[g+1] = gr.start[g] + degree[g]
	}
	fill := degree[:n]
	copy(fill, gr.start[:n])
	from := 0
	for g, end := range linkEnd {
		for l := from; l < end; l++ {
			h := linkTo[l]
			gr.edges[fill[h]] = edge{g, linkW[l]}
			fill[h]++
		}
		from = end
	}
	for h := 0; h < n; h++ {
		for _, e := range gr.edges[gr.start[h]:fill[h]] {
			if e.to < h {
				gr.edges[fill[e.to]] = edge{h, e.w}
				fill[e.to]++
			}
		}
	}
	return gr
}

// lexRank scores groups by continuous LexRank over the sentence graph with
// each group standing for all its copies: an edge to a group weighs its
// cosine times the number of articles carrying it (copies link each other
// with similarity 1), so sentences many outlets repeat, and sentences like
// many others, come out central. Edges below 0.1 cosine are dropped. The
// power iteration stops when the ranks move by less than 1e-7 in total.
func lexRank(vecs []vector, support []float64, vocabSize int) []float64 {
	n := len(vecs)
	adj := similarityGraph(vecs, vocabSize)
	total := 0.0
	for _, s := range support {
		total += s
	}
	out := make([]float64, n)
	if total == 0 {
		return out
	}
	outW := make([]float64, n)
	for g := range n {
		outW[g] = support[g] - 1 // links among the group's own copies
		for _, e := range adj.of(g) {
			outW[g] += e.w * support[e.to]
		}
	}
	rank := make([]float64, n)
	for g := range rank {
		rank[g] = support[g] / total
	}
	const damping = 0.85
	next := make([]float64, n)
	for iter := 0; iter < 40; iter++ {
		dangling := 0.0
		for g := range next {
			next[g] = (1 - damping) * support[g] / total
		}
		for g := range n {
			if outW[g] <= 0 {
				dangling += rank[g]
				continue
			}
			f := damping * rank[g] / outW[g]
			next[g] += f * (support[g] - 1)
			for _, e := range adj.of(g) {
				next[e.to] += f * e.w * support[e.to]
			}
		}
		delta := 0.0
		for g := range next {
			next[g] += damping * dangling * support[g] / total
			delta += math.Abs(next[g] - rank[g])
		}
		rank, next = next, rank
		if delta < 1e-7 {
			break
		}
	}
	return rank
}
