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
