// Package dedup finds copies: exact copies (same normalised text),
// near-duplicates (small edits, trimmed or added paragraphs) and syndicated
// rewrites of one wire text, and describes each copy against the fullest
// one: its overlap and the sentences it adds, drops and rewords.
package dedup
