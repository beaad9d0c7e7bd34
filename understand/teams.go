package understand

import "strings"

// sportsResultVerbs follow or precede a team in a match report: "Minnesota
// beat Buffalo", "Winnipeg defeated Nashville", "lead St. Louis past Tampa Bay".
var sportsResultVerbs = wordSet(`beat beats defeated defeats edged edges routed routs topped tops blanked
downed outlasted rallied rolled stunned upset trounced swept`)

// teamCuesBefore stand right before a team in a match report: "past Tampa
// Bay", "scored for Detroit", "to lift Florida".
var teamCuesBefore = wordSet(`beat beats defeated defeats edged routed topped blanked downed outlasted past lift lead`)

// markTeams types the teams of a match report. A capitalised run followed
// by a score and a comma or colon ("Bruins 5, Devils 1:") is a team; a
// place beside a result verb stands for its team; a plural name after
// "the" ("the Blue Jackets", "the Nittany Lions") is a team or group, never
// a person.
func markTeams(toks []token, ms []mention) {
	for k := range ms {
		m := &ms[k]
		if m.Entity != "" && m.Type != "place" || m.RoleOnly != "" || m.InRole || m.Demonym {
			continue
		}
		end := m.Tok
		for end < len(toks) && toks[end].Start < m.End {
			end++
		}
		team := false
		// "Wild 4, Sabres 1:": a score after the name.
		if end+1 < len(toks) && isNumber(toks[end].Text) && (toks[end+1].Text == "," || toks[end+1].Text == ":") &&
			!(end+2 < len(toks) && isNumber(toks[end+2].Text)) && !(m.Type == "person" && !m.Guess) {
			team = true
		}
		if m.Type == "place" && m.Subtype != "country" {
			if end < len(toks) && toks[end].Word && sportsResultVerbs[lower(toks[end].Text)] {
				team = true
			}
			if p := m.Tok - 1; p >= 0 && toks[p].Word && teamCuesBefore[lower(toks[p].Text)] {
				team = true
			}
			if p := m.Tok - 2; p >= 0 && lower(toks[p].Text) == "scored" && lower(toks[p+1].Text) == "for" {
				team = true
			}
		}
		if !team && m.Type == "person" && m.Guess && strings.Contains(m.Name, " ") && m.Tok > 0 && lower(toks[m.Tok-1].Text) == "the" &&
			strings.HasSuffix(m.Name, "s") && !strings.HasSuffix(m.Name, "ss") {
			team = true
		}
		if !team {
			continue
		}
		m.Team = true
		if m.Type != "place" {
			m.Type, m.Subtype, m.Guess, m.Role, m.Honorific = "organization", "team", false, "", ""
		}
	}
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var (
	teamByNick  map[string][]string // nickname key -> full names ("Panthers": Florida, Carolina)
	teamsByCity map[string][]string // city key -> full names
)

// loadTeams adds the full team names to the gazetteer (they are
// unambiguous) and indexes nicknames and cities for match reports.
func loadTeams(add func(block, typ string)) {
	teamByNick = map[string][]string{}
	teamsByCity = map[string][]string{}
	var full []string
	for _, line := range strings.Split(gazTeams, "\n") {
		name, nick, ok := strings.Cut(line, "|")
		if !ok {
			continue
		}
		full = append(full, name+"|team")
		teamByNick[nameKey(nick)] = append(teamByNick[nameKey(nick)], name)
		city := strings.TrimSpace(strings.TrimSuffix(name, nick))
		teamsByCity[nameKey(city)] = append(teamsByCity[nameKey(city)], name)
	}
	add(strings.Join(full, "\n"), "organization")
}

// resolveTeams ties a match report's nicknames ("the Bruins") and cities
// standing for teams ("lead Boston") to the teams' full names. A story is
// a match report when at least two mentions read as teams (a score line,
// a result verb) or it names a team in full; elsewhere "Cardinals" and
// "Royals" keep their ordinary meaning.
func resolveTeams(docs []*doc) {
	gazOnce.Do(loadGazetteer)
	teamMentions, full := 0, false
	places := map[string]bool{}
	for _, d := range docs {
		for _, ms := range d.ments {
			for _, m := range ms {
				if m.Team {
					teamMentions++
				}
				if m.Subtype == "team" && m.Entity != "" {
					full = true
				}
				if m.Type == "place" {
					places[nameKey(m.Name)] = true
				}
			}
		}
	}
	if teamMentions < 2 && !full {
		return
	}
	chosen := map[string]bool{}
	for _, d := range docs {
		for si := range d.ments {
			for k := range d.ments[si] {
				m := &d.ments[si][k]
				if m.Subtype == "team" && m.Entity != "" {
					chosen[m.Entity] = true
					continue
				}
				if m.Entity != "" || m.RoleOnly != "" || m.Type == "person" && !m.Guess {
					continue
				}
				names := teamByNick[nameKey(m.Name)]
				if len(names) == 0 {
					continue
				}
				pick := names[0]
				for _, n := range names {
					if places[nameKey(strings.TrimSpace(strings.TrimSuffix(n, lastWords(n, m.Name))))] {
						pick = n
						break
					}
				}
				m.Entity, m.Type, m.Subtype, m.Team, m.Guess = pick, "organization", "team", true, false
				chosen[pick] = true
			}
		}
	}
	for _, d := range docs {
		for si := range d.ments {
			for k := range d.ments[si] {
				m := &d.ments[si][k]
				if m.Type != "place" || !m.Team && !cityAsTeam(d.toks[si], m) {
					continue
				}
				var found []string
				for _, n := range teamsByCity[nameKey(m.Name)] {
					if chosen[n] {
						found = append(found, n)
					}
				}
				if len(found) == 1 {
					m.Entity, m.Type, m.Subtype = found[0], "organization", "team"
				}
			}
		}
	}
}

// lastWords is the tail of a full team name that has as many words as
// the nickname used ("Blue Jackets" of "Columbus Blue Jackets").
func lastWords(full, nick string) string {
	fw, n := strings.Fields(full), len(strings.Fields(nick))
	if n > len(fw) {
		return full
	}
	return strings.Join(fw[len(fw)-n:], " ")
}

// cityAsTeam reports whether a city named in a match report stands for its
// team: not after "in", "at", "from" ("back in Boston"), nor before
// "native" or "resident" ("a St. Louis native"), nor as a dateline.
func cityAsTeam(toks []token, m *mention) bool {
	if p := m.Tok - 1; p >= 0 && toks[p].Word && cityPrepositions[lower(toks[p].Text)] {
		return false
	}
	end := m.Tok
	for end < len(toks) && toks[end].Start < m.End {
		end++
	}
	if m.Tok == 0 && (end == len(toks) || !toks[end].Word) {
		return false // a dateline: "PITTSBURGH —"
	}
	return !(end < len(toks) && toks[end].Word && cityNouns[lower(toks[end].Text)])
}

var cityPrepositions = wordSet(`in at near from outside of to into around across`)

var cityNouns = wordSet(`native natives resident residents area suburb suburbs home city mayor police
county airport metro neighborhood street`)
