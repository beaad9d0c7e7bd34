// Package extract turns a storyline.Document into a storyline.Article: the
// main text without site furniture (menus, mastheads, teaser lists, captions,
// share prompts) and the metadata — title, dates, outlet, byline, credited
// wire agency, dateline, language — each with where it came from.
//
// HTML goes through go-trafilatura, with a second opinion and repairs where
// it is known to fail; plain text goes through a line classifier for news
// furniture.
package extract
