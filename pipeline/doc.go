// Package pipeline wires the stages: documents flow one way from ingest
// through extract, copy detection (dedup) and clustering into the store,
// one transaction per batch; stories are read back through understand and
// tell into views for the CLI and servers.
//
// The Engine keeps the copy index and the story clusters in memory and
// rebuilds them from the store when it opens, so a store written by an
// earlier run (or a run killed mid-ingest) continues where it stopped.
// The clusters come from a snapshot each ingest run saves beside its
// batches when the store keeps one (store/sqlite does), stamped so that it
// is used only while no batch has been saved after it.
package pipeline
