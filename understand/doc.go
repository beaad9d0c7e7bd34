// Package understand reads a story's articles for who and what: people,
// organisations and places with their aliases merged, attributed quotes,
// date expressions resolved against their anchors, and who-did-what-to-whom
// events, each pointing back to its sentence.
//
// It uses no model weights: names come from capitalised runs classified by
// gazetteers (countries with demonyms, cities, organisations, well-known
// people), heads ("… Council", "… County"), titles and roles, first names
// and context; aliases merge through normalised keys, surnames, role
// phrases ("Iran's Supreme Leader") and a transliteration rule for person
// names (Qasemi = Ghasemi). Quotes, dates and events are rules over the
// same tokens. Files: tokens.go, entities.go (names), teams.go (sports
// teams in match reports), gazetteer.go (lookup) with gaz_places.go,
// gaz_orgs.go, gaz_people.go and lexicon.go (word lists), aliases.go (merging, MergeEntities), quotes.go
// and speakers.go (attribution), dates.go and anchors.go (resolution),
// events.go, drift.go, understand.go (Analyze).
package understand
