// Package bench measures Storyline's speed and memory on real inputs, each
// stage against the library or baseline it builds on, so that regressions
// show up as numbers.
package bench
