package understand

import "strings"

// Products (car models, consoles, games, spacecraft, shows) are written
// like names but are not the people, organisations and places Storyline
// tracks. A capitalised run is a product when one of its words mixes
// letters and digits ("RAV4", "PS4 Pro"), when a product noun follows it
// ("its Blue Moon lander", "the Sentra compact sedan", "Red Dead
// Redemption 2 port") or ends it ("Space Vizzion Concept"). Once a story
// names something as a product, its other mentions are products too.

// productNouns name kinds of made things; after a name they make it a product.
// Only singular nouns: "Boeing jets" and "Apple devices" are the maker's.
var productNouns = wordSet(`console lander rover probe telescope spacecraft capsule rocket vehicle car sedan
suv truck pickup wagon hatchback coupe minivan crossover roadster port sequel browser device smartphone
handset laptop tablet headset drone airliner satellite concept prototype sitcom podcast edition`)

// productDeterminers open a product's mention: "its Blue Moon lander".
var productDeterminers = wordSet(`the its a an their his her our new`)

// productModifiers may stand between a product name and its noun: "its
// Starship reusable launch vehicle", "the Sentra compact sedan".
var productModifiers = wordSet(`small compact electric hybrid reusable launch lunar new flagship plug-in
sports video mobile smart luxury midsize mid-size full-size crewed cargo heavy-lift streaming reality tv
animated hit drama comedy`)

// mixedAlnum reports a word of two or more letters followed by digits,
// the shape of model names ("RAV4", "PS4", "RDR2", "F150").
func mixedAlnum(w string) bool {
	letters := 0
	for letters < len(w) && isASCIILetter(w[letters]) {
		letters++
	}
	if letters < 2 || letters == len(w) {
		return false
	}
	for k := letters; k < len(w); k++ {
		if w[k] < '0' || w[k] > '9' {
			return false
		}
	}
	return true
}

// markProducts flags the mentions of one sentence that name products.
// Gazetteer names and people with a first name or role are left alone.
func markProducts(toks []token, ms []mention) {
	for k := range ms {
		m := &ms[k]
		if m.End-m.Start == len(toks[m.Tok].Text) && isAcronym(toks[m.Tok].Text) && termAcronym(toks, m.Tok) {
			// "hypersensitivity pneumonitis, or HP": a term defined here,
			// whatever else the letters may stand for.
			m.Product = true
			continue
		}
		if m.Entity != "" || m.RoleOnly != "" || m.InRole || m.Demonym || m.Team || m.Type == "person" && !m.Guess {
			continue
		}
		end := m.Tok
		product := false
		for end < len(toks) && toks[end].Start < m.End {
			if mixedAlnum(toks[end].Text) {
				product = true
			}
			end++
		}
		if end-m.Tok >= 2 && productNouns[lower(toks[end-1].Text)] && toks[end-1].Cap {
			product = true
		}
		// The product noun after the name, past a model number or year and
		// a few modifiers.
		n := end
		if n < len(toks) && isNumber(toks[n].Text) {
			n++
		}
		for hops := 0; n < len(toks) && hops < 3 && toks[n].Word && productModifiers[lower(toks[n].Text)] && !productNouns[lower(toks[n].Text)]; hops++ {
			n++
		}
		if n < len(toks) && toks[n].Word && productNouns[lower(toks[n].Text)] && (!toks[n].Cap || isAcronym(toks[n].Text)) && determinedAt(toks, m.Tok) {
			product = true
		}
		if (quotedAlone(toks, m.Tok, end) || inQuotedTitle(toks, m.Tok, end)) && !orgHeads[lower(toks[end-1].Text)] {
			product = true // a title in quotation marks: “Ground Game”
		}
		if product {
			m.Product = true
		}
	}
}

// productKeys is the set of name keys a story uses for products.
func productKeys(docs []*doc) map[string]bool {
	keys := map[string]bool{}
	for _, d := range docs {
		for _, ms := range d.ments {
			for _, m := range ms {
				if m.Product {
					keys[nameKey(m.Name)] = true
				}
			}
		}
	}
	return keys
}

// isProduct reports whether a mention names one of the story's products.
func isProduct(m *mention, products map[string]bool) bool {
	if m.Product {
		return true
	}
	if m.Entity != "" && !isAcronym(m.Name) || m.RoleOnly != "" || m.Type == "person" && !m.Guess || len(products) == 0 {
		return false
	}
	return products[nameKey(strings.TrimSpace(m.Name))]
}

// determinedAt reports whether a determiner or a possessive stands right
// before token i: "the Sentra", "its Starship", "Ford's Mustang".
func determinedAt(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	p := toks[i-1]
	if p.Word {
		return productDeterminers[lower(p.Text)]
	}
	return i >= 2 && toks[i-2].Poss
}

// quotedAlone reports whether toks[i:j] is all a quotation holds.
func quotedAlone(toks []token, i, j int) bool {
	if i == 0 || j >= len(toks) || !isQuoteMark(toks[i-1].Text) {
		return false
	}
	k := j
	if k < len(toks) && (toks[k].Text == "." || toks[k].Text == ",") {
		k++
	}
	return k < len(toks) && isQuoteMark(toks[k].Text)
}

func isQuoteMark(s string) bool {
	switch s {
	case "\"", "\u201c", "\u201d", "\u2018", "\u2019":
		return true
	}
	return false
}

// titleFunctionWords may stand in lower case inside a title.
var titleFunctionWords = wordSet(`a an the and or of in on to for with at by from`)

// inQuotedTitle reports whether toks[i:j] lies inside a quotation written
// as a title ("10 Things in Tech You Need to Know", “Dancing with the
// Stars”): every word capitalised, a number or a short function word, at
// least two capitalised.
func inQuotedTitle(toks []token, i, j int) bool {
	open := i - 1
	for open >= 0 && !isQuoteMark(toks[open].Text) {
		if !titleToken(toks[open]) {
			return false
		}
		open--
	}
	closeAt := j
	for closeAt < len(toks) && !isQuoteMark(toks[closeAt].Text) {
		if !titleToken(toks[closeAt]) && !(closeAt+1 < len(toks) && isQuoteMark(toks[closeAt+1].Text) && (toks[closeAt].Text == "." || toks[closeAt].Text == ",")) {
			return false
		}
		closeAt++
	}
	if open < 0 || closeAt >= len(toks) {
		return false
	}
	caps := 0
	for k := open + 1; k < closeAt; k++ {
		if toks[k].Word && toks[k].Cap {
			caps++
		}
	}
	return caps >= 2
}

func titleToken(t token) bool {
	return t.Word && (t.Cap || isNumber(t.Text) || titleFunctionWords[t.Text])
}

// termAcronym reports whether the acronym at token i abbreviates the
// lower-case words just before it, introduced by "(" or ", or":
// "hypersensitivity pneumonitis (HP)". Such an acronym names a thing.
func termAcronym(toks []token, i int) bool {
	acr := strings.ToLower(strings.ReplaceAll(toks[i].Text, ".", ""))
	k := i - 1
	switch {
	case k >= 0 && toks[k].Text == "(":
		k--
	case k >= 1 && toks[k].Text == "or" && toks[k-1].Text == ",":
		k -= 2
	default:
		return false
	}
	if k+1 < len(acr) {
		return false
	}
	for n := len(acr) - 1; n >= 0; n, k = n-1, k-1 {
		t := toks[k]
		if !t.Word || t.Cap || t.Text[0] != acr[n] {
			return false
		}
	}
	return true
}
