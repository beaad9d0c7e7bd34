// Package ingest reads inputs — files, folders, stdin and http(s) URLs, any
// of them gzip-compressed — and turns them into storyline.Documents. The
// format (plain text, HTML, RSS/Atom, JSON Lines, WARC) is detected from the
// content, not only the name. One file per format. An input that cannot be
// read is reported as a storyline.Failure and the rest of the batch goes on.
package ingest
