// Package understand reads a story's articles for who and what: people,
// organisations and places with their aliases merged, attributed quotes,
// date expressions resolved against their anchors, and who-did-what-to-whom
// events, each pointing back to its sentence.
package understand
