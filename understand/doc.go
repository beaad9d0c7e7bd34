// Package understand reads a story's articles for who and what: people,
// organisations and places with their aliases merged, attributed quotes,
// date expressions resolved against their anchors, and who-did-what-to-whom
// events, each pointing back to its sentence.
//
// It uses no model weights: names come from capitalised runs classified by
// gazetteers (countries with demonyms, cities, organisations, well-known
// people, major-league teams), heads ("… Council", "… County"), titles and
// roles, first names and context; aliases merge through normalised keys,
// surnames (compound ones too: "Van Der Beek"), role phrases ("Iran's
// Supreme Leader") and a transliteration rule for person names (Qasemi =
// Ghasemi). Products ("the RAV4", "its Blue Moon lander", quoted titles)
// are recognised and left out. Quotes, dates and events are rules over the
// same tokens.
//
// Files: tokens.go, entities.go (names), products.go (made things and
// titles), teams.go with gaz_teams.go (teams in match reports),
// gazetteer.go (lookup) with gaz_places.go, gaz_orgs.go, gaz_people.go
// and lexicon.go (word lists), aliases.go (merging, MergeEntities),
// quotes.go, speakers.go and described.go (attribution, described
// speakers named later), dates.go, today.go and anchors.go (resolution),
// events.go, drift.go, understand.go (Analyze).
package understand
