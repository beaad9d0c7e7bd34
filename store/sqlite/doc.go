// Package sqlite implements storyline.Store over an embedded SQLite file
// through modernc.org/sqlite (pure Go: no cgo, one static binary).
//
// The database runs in WAL mode and every Batch is written in one
// transaction, so a process killed mid-ingest leaves the last committed
// batch intact and a re-run completes the rest. The schema is versioned by
// numbered migrations applied at Open.
package sqlite
