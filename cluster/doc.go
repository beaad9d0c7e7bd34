// Package cluster groups articles into stories online: each article joins
// the most similar recent story or starts a new one, deterministically and
// with its reasons recorded. A story is an event (who, what, where, when),
// so similarity weighs named entities and decays with time. It also links
// related stories.
package cluster
