package bench

import (
	"slices"
	"strings"
)

// dedupgenFurniture are lines sites add around a copied article.
var dedupgenFurniture = []string{
	"Advertisement", "Share this article", "Follow us on Twitter and Facebook",
	"Sign up for our daily newsletter", "Read more:", "Related coverage",
	"(Reporting by staff; Editing by the desk)", "This story has been corrected.",
	"Copyright 2018 The Associated Press. All rights reserved.", "Photo: Reuters",
}

// copyFamily returns a base text and 1-3 copies of it; a fifth of the
// copies derive from an earlier copy rather than the base.
func (g *dedupgen) copyFamily() []string {
	base := g.base()
	versions := []dedupgenArticle{base}
	texts := []string{g.render(base)}
	n := 1 + g.rng.IntN(3)
	for range n {
		from := base
		if g.rng.IntN(5) == 0 {
			from = versions[g.rng.IntN(len(versions))]
		}
		if g.rng.IntN(7) == 0 {
			texts = append(texts, g.retypeset(g.render(from)))
			continue
		}
		c := g.nearCopy(from)
		versions = append(versions, c)
		texts = append(texts, g.render(c))
	}
	return texts
}

// retypeset makes an exact copy: the same words with other typography,
// case and layout.
func (g *dedupgen) retypeset(text string) string {
	r := strings.NewReplacer("'", "\u2019", "\"", "\u201c", " - ", " \u2014 ", "\n\n", "\n", ". ", ".  ")
	text = r.Replace(text)
	if g.rng.IntN(2) == 0 {
		lines := strings.SplitN(text, "\n", 2)
		lines[0] = strings.ToUpper(lines[0])
		text = strings.Join(lines, "\n")
	}
	return "  " + text + "\n"
}

// nearCopy applies 3-7% word edits and one to three structural edits.
func (g *dedupgen) nearCopy(a dedupgenArticle) dedupgenArticle {
	c := a.clone()
	ops := 1 + g.rng.IntN(3)
	for range ops {
		switch g.rng.IntN(5) {
		case 0: // trim a paragraph, most often the last
			if len(c.paras) > 3 {
				i := len(c.paras) - 1
				if g.rng.IntN(3) == 0 {
					i = g.rng.IntN(len(c.paras))
				}
				c.paras = slices.Delete(c.paras, i, i+1)
			}
		case 1: // add a paragraph
			i := g.rng.IntN(len(c.paras) + 1)
			c.paras = slices.Insert(c.paras, i, g.paragraph(1, 3))
		case 2: // furniture line
			line := g.pick(dedupgenFurniture)
			if line == "Read more:" {
				line += " " + g.pick(g.pool.Headlines)
			}
			i := 0
			if g.rng.IntN(2) == 0 {
				i = len(c.paras)
			}
			c.paras = slices.Insert(c.paras, i, []string{line})
		case 3: // swap two paragraphs
			if len(c.paras) > 1 {
				i, j := g.rng.IntN(len(c.paras)), g.rng.IntN(len(c.paras))
				c.paras[i], c.paras[j] = c.paras[j], c.paras[i]
			}
		case 4: // reword one sentence
			p := c.paras[g.rng.IntN(len(c.paras))]
			i := g.rng.IntN(len(p))
			p[i] = g.editWords(p[i], 0.4)
		}
	}
	rate := 0.03 + 0.04*g.rng.Float64()
	for _, p := range c.paras {
		for i := range p {
			p[i] = g.editWords(p[i], rate)
		}
	}
	return c
}

// editWords edits each word of s with probability rate: substitution
// (60%), deletion, insertion or a typo.
func (g *dedupgen) editWords(s string, rate float64) string {
	words := strings.Fields(s)
	out := make([]string, 0, len(words)+4)
	for _, w := range words {
		if g.rng.Float64() >= rate {
			out = append(out, w)
			continue
		}
		switch r := g.rng.IntN(20); {
		case r < 12:
			out = append(out, g.pick(g.pool.Words))
		case r < 15:
			// deleted
		case r < 18:
			out = append(out, w, g.pick(g.pool.Words))
		default:
			out = append(out, dedupgenTypo(w, g.rng.IntN(len(w)+1)))
		}
	}
	if len(out) == 0 {
		return s
	}
	return strings.Join(out, " ")
}

// dedupgenTypo swaps two adjacent bytes of an ASCII word at i, or
// doubles a letter.
func dedupgenTypo(w string, i int) string {
	b := []byte(w)
	for _, c := range b {
		if c >= 0x80 {
			return w + w[len(w)-1:]
		}
	}
	if i+1 < len(b) {
		b[i], b[i+1] = b[i+1], b[i]
		return string(b)
	}
	return w + w[len(w)-1:]
}

// wireFamily returns 2-3 rewrites of a wire text, with the wire text
// itself half the time.
func (g *dedupgen) wireFamily() []string {
	wire := g.base()
	var texts []string
	if g.rng.IntN(2) == 0 {
		texts = append(texts, g.render(wire))
	}
	n := 2 + g.rng.IntN(2)
	for range n {
		texts = append(texts, g.render(g.rewrite(wire)))
	}
	return texts
}

// rewrite keeps 30-65% of the wire sentences, rewords a quarter of them,
// swaps paragraphs, adds 5-10 sentences of its own and a new title.
func (g *dedupgen) rewrite(wire dedupgenArticle) dedupgenArticle {
	keep := 0.3 + 0.35*g.rng.Float64()
	c := dedupgenArticle{title: g.pick(g.pool.Headlines)}
	for _, p := range wire.paras {
		var np []string
		for _, s := range p {
			if g.rng.Float64() >= keep {
				continue
			}
			if g.rng.IntN(4) == 0 {
				s = g.editWords(s, 0.25)
			}
			np = append(np, s)
		}
		if len(np) > 0 {
			c.paras = append(c.paras, np)
		}
	}
	if len(c.paras) > 1 && g.rng.IntN(2) == 0 {
		i, j := g.rng.IntN(len(c.paras)), g.rng.IntN(len(c.paras))
		c.paras[i], c.paras[j] = c.paras[j], c.paras[i]
	}
	own := 5 + g.rng.IntN(6)
	for own > 0 {
		p := g.paragraph(1, min(3, own))
		own -= len(p)
		c.paras = slices.Insert(c.paras, g.rng.IntN(len(c.paras)+1), p)
	}
	return c
}
