// Package tell writes a story page from what the earlier stages found: a
// headline, an extractive summary whose every sentence cites the articles
// carrying it, a timeline, and what each outlet adds beyond the shared text.
// Nothing is invented: every sentence shown is one an outlet wrote.
package tell
