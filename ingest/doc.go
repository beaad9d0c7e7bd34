// Package ingest reads inputs — files, folders, stdin and http(s) URLs, any
// of them gzip-compressed — and turns them into storyline.Documents. The
// format (plain text, HTML, RSS/Atom, JSON Lines, WARC) is detected from the
// content, not only the name. One file per format. An input that cannot be
// read is reported as a storyline.Failure and the rest of the batch goes on.
//
// Document.Source is the input as given ("-" for stdin, the URL as given
// for http inputs, a folder's files as the folder joined with their path
// inside it) for single-document inputs; "<input>#<n>" for the nth feed item
// (from 1) and for JSON Lines line n (blank lines counted); and
// "<input>@<offset>" for a WARC record, offset being the record's byte
// offset in the uncompressed WARC stream. Failures use the same names.
package ingest
