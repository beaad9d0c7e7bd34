// Package store documents where Storyline keeps its data. The interface is
// storyline.Store; each subpackage implements it over one database:
// store/sqlite (embedded, the default) and, later, store/postgres.
package store
