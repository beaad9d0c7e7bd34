// Package cluster groups articles into stories online: each article joins
// the most similar recent story or starts a new one, deterministically and
// with its reasons recorded. A story is an event (who, what, where, when),
// so similarity weighs named entities and decays with time. It also links
// related stories.
//
// Add decides an article when it arrives, through an inverted index over
// the recent stories. Finish, run after each batch, makes the outcome
// depend little on arrival order and batch cuts: it decides the batch
// (and the recent members of the stories it touched) again until no item
// moves, merges stories that have become alike, splits a story whose
// halves have drifted apart, and archives the stories gone cold, so that
// the index, the cost of an article and the memory held stay flat as the
// corpus grows. Story ids are stable: a story keeps the id of its founding
// article, and a merged-away id redirects to the survivor.
package cluster
