package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"time"

	"github.com/storyline-news/storyline"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is a storyline.Store backed by one SQLite file.
type Store struct {
	db *sql.DB
}

var _ storyline.Store = (*Store)(nil)

// Open opens (creating if needed) the database at path and migrates it to
// the current schema.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "synchronous(NORMAL)", "foreign_keys(ON)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// One writer at a time is SQLite's model; one connection also keeps
	// the pragmas above in force for every statement.
	db.SetMaxOpenConns(1)
	s := &Store{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// migrations are applied in order, each in its own transaction; the
// number of applied ones is kept in schema_version. Append, never edit.
var migrations = []string{
	`CREATE TABLE articles (
		seq          INTEGER PRIMARY KEY AUTOINCREMENT,
		id           TEXT NOT NULL UNIQUE,
		content_hash TEXT NOT NULL,
		version      INTEGER NOT NULL,
		source       TEXT NOT NULL,
		url          TEXT NOT NULL,
		title        TEXT NOT NULL,
		text         TEXT NOT NULL,
		published    TEXT NOT NULL,
		outlet       TEXT NOT NULL,
		data         TEXT NOT NULL
	);
	CREATE TABLE contents (
		content_hash TEXT PRIMARY KEY,
		article      TEXT NOT NULL
	);
	CREATE TABLE article_versions (
		article      TEXT NOT NULL,
		version      INTEGER NOT NULL,
		content_hash TEXT NOT NULL,
		text         TEXT NOT NULL,
		seen         TEXT NOT NULL,
		PRIMARY KEY (article, version)
	);
	CREATE TABLE assignments (
		article TEXT PRIMARY KEY,
		story   TEXT NOT NULL,
		seq     INTEGER NOT NULL,
		data    TEXT NOT NULL
	);
	CREATE INDEX assignments_story ON assignments(story);
	CREATE TABLE stories (
		id   TEXT PRIMARY KEY,
		data TEXT NOT NULL
	);
	CREATE TABLE story_redirects (
		old TEXT PRIMARY KEY,
		new TEXT NOT NULL
	);
	CREATE TABLE copy_groups (
		canonical TEXT PRIMARY KEY,
		data      TEXT NOT NULL
	);
	CREATE TABLE copy_members (
		article   TEXT PRIMARY KEY,
		canonical TEXT NOT NULL
	);`,
	// generation counts the batches saved; engine_state holds blobs of
	// derived state (the engine's snapshots), each stamped with the
	// generation it reflects (see SaveState).
	`CREATE TABLE generation (value INTEGER NOT NULL);
	INSERT INTO generation VALUES (0);
	CREATE TABLE engine_state (
		name       TEXT PRIMARY KEY,
		generation INTEGER NOT NULL,
		data       BLOB NOT NULL
	);`,
}

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var version int
	err := s.db.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&version)
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := s.db.ExecContext(ctx, `INSERT INTO schema_version VALUES (0)`); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	} else if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this storyline (%d)", version, len(migrations))
	}
	for i := version; i < len(migrations); i++ {
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, i+1)
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	return nil
}

func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Save writes the batch in one transaction.
func (s *Store) Save(ctx context.Context, b storyline.Batch) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// Every saved batch moves the generation on: state saved for an
		// earlier one is then no longer returned by State.
		if _, err := tx.ExecContext(ctx, `UPDATE generation SET value = value + 1`); err != nil {
			return fmt.Errorf("bump generation: %w", err)
		}
		for _, v := range b.Versions {
			if _, err := tx.ExecContext(ctx,
				`INSERT OR IGNORE INTO article_versions (article, version, content_hash, text, seen) VALUES (?, ?, ?, ?, ?)`,
				v.Article, v.Version, v.ContentHash, v.Text, formatTime(v.Seen)); err != nil {
				return fmt.Errorf("save version of %s: %w", v.Article, err)
			}
		}
		for _, a := range b.Articles {
			if err := saveArticle(ctx, tx, a); err != nil {
				return err
			}
		}
		for _, as := range b.Assignments {
			data, err := json.Marshal(as)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO assignments (article, story, seq, data)
				 VALUES (?, ?, (SELECT seq FROM articles WHERE id = ?), ?)
				 ON CONFLICT (article) DO UPDATE SET story = excluded.story, data = excluded.data`,
				as.Article, as.Story, as.Article, string(data)); err != nil {
				return fmt.Errorf("save assignment of %s: %w", as.Article, err)
			}
		}
		if err := saveRedirects(ctx, tx, b.Redirects); err != nil {
			return err
		}
		for _, id := range b.Removed {
			if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ?`, id); err != nil {
				return fmt.Errorf("remove story %s: %w", id, err)
			}
		}
		for _, st := range b.Stories {
			data, err := json.Marshal(st)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO stories (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data`,
				st.ID, string(data)); err != nil {
				return fmt.Errorf("save story %s: %w", st.ID, err)
			}
			// A live story is never a redirect: an id merged away in an
			// earlier run can be founded again (the article that founded
			// it starts a story of its own after a split).
			if _, err := tx.ExecContext(ctx, `DELETE FROM story_redirects WHERE old = ?`, st.ID); err != nil {
				return fmt.Errorf("save story %s: %w", st.ID, err)
			}
		}
		for _, g := range b.Groups {
			if err := saveGroup(ctx, tx, g); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save batch: %w", err)
	}
	return nil
}

func saveArticle(ctx context.Context, tx *sql.Tx, a storyline.Article) error {
	data, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	// A new version keeps the article's seq (its place in arrival order).
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO articles (id, content_hash, version, source, url, title, text, published, outlet, data)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash, version = excluded.version,
		   source = excluded.source, url = excluded.url, title = excluded.title, text = excluded.text,
		   published = excluded.published, outlet = excluded.outlet, data = excluded.data`,
		a.ID, a.ContentHash, a.Version, a.Source, a.URL, a.Title, a.Text, formatTime(a.Published), a.Outlet, string(data)); err != nil {
		return fmt.Errorf("save article %s: %w", a.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO contents (content_hash, article) VALUES (?, ?)`, a.ContentHash, a.ID); err != nil {
		return fmt.Errorf("save article %s: %w", a.ID, err)
	}
	return nil
}

// saveRedirects records merged story ids and points earlier redirects and
// assignments at the surviving story, so that a lookup takes one hop.
func saveRedirects(ctx context.Context, tx *sql.Tx, redirects map[string]string) error {
	olds := make([]string, 0, len(redirects))
	for old := range redirects {
		olds = append(olds, old)
	}
	sort.Strings(olds)
	for _, old := range olds {
		to := redirects[old]
		for _, q := range []string{
			`INSERT INTO story_redirects (old, new) VALUES (?2, ?1) ON CONFLICT (old) DO UPDATE SET new = excluded.new`,
			`UPDATE story_redirects SET new = ?1 WHERE new = ?2`,
			`UPDATE assignments SET story = ?1, data = json_set(data, '$.story', ?1) WHERE story = ?2`,
		} {
			if _, err := tx.ExecContext(ctx, q, to, old); err != nil {
				return fmt.Errorf("redirect story %s to %s: %w", old, to, err)
			}
		}
	}
	return nil
}

// saveGroup replaces every stored group that shares a member with g.
func saveGroup(ctx context.Context, tx *sql.Tx, g storyline.CopyGroup) error {
	ids := []string{g.Canonical}
	for _, m := range g.Members {
		ids = append(ids, m.Article)
	}
	for _, id := range ids {
		var old string
		err := tx.QueryRowContext(ctx, `SELECT canonical FROM copy_members WHERE article = ?`, id).Scan(&old)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return fmt.Errorf("save copy group %s: %w", g.Canonical, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM copy_groups WHERE canonical = ?`, old); err != nil {
			return fmt.Errorf("save copy group %s: %w", g.Canonical, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM copy_members WHERE canonical = ?`, old); err != nil {
			return fmt.Errorf("save copy group %s: %w", g.Canonical, err)
		}
	}
	data, err := json.Marshal(g)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO copy_groups (canonical, data) VALUES (?, ?)`, g.Canonical, string(data)); err != nil {
		return fmt.Errorf("save copy group %s: %w", g.Canonical, err)
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT INTO copy_members (article, canonical) VALUES (?, ?)`, id, g.Canonical); err != nil {
			return fmt.Errorf("save copy group %s: %w", g.Canonical, err)
		}
	}
	return nil
}

// HasContent reports whether any article version with this hash is stored.
func (s *Store) HasContent(ctx context.Context, hash string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM contents WHERE content_hash = ?`, hash).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look up content %s: %w", hash, err)
	}
	return n > 0, nil
}

// Article returns one article by id.
func (s *Store) Article(ctx context.Context, id string) (storyline.Article, error) {
	var data string
	err := s.db.QueryRowContext(ctx, `SELECT data FROM articles WHERE id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return storyline.Article{}, fmt.Errorf("article %s: %w", id, storyline.ErrNotFound)
	}
	if err != nil {
		return storyline.Article{}, fmt.Errorf("article %s: %w", id, err)
	}
	var a storyline.Article
	if err := json.Unmarshal([]byte(data), &a); err != nil {
		return a, fmt.Errorf("decode article %s: %w", id, err)
	}
	return a, nil
}

// Articles returns all articles in first-stored order.
func (s *Store) Articles(ctx context.Context) ([]storyline.Article, error) {
	return queryJSON[storyline.Article](ctx, s.db, `SELECT data FROM articles ORDER BY seq`)
}

// Versions returns the earlier texts of an article, oldest first.
func (s *Store) Versions(ctx context.Context, id string) ([]storyline.Version, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT article, version, content_hash, text, seen FROM article_versions WHERE article = ? ORDER BY version`, id)
	if err != nil {
		return nil, fmt.Errorf("versions of %s: %w", id, err)
	}
	defer rows.Close()
	var out []storyline.Version
	for rows.Next() {
		var v storyline.Version
		var seen string
		if err := rows.Scan(&v.Article, &v.Version, &v.ContentHash, &v.Text, &seen); err != nil {
			return nil, fmt.Errorf("versions of %s: %w", id, err)
		}
		v.Seen = parseTime(seen)
		out = append(out, v)
	}
	return out, rows.Err()
}

// Assignments returns every article's story assignment in arrival order.
func (s *Store) Assignments(ctx context.Context) ([]storyline.Assignment, error) {
	return queryJSON[storyline.Assignment](ctx, s.db, `SELECT data FROM assignments ORDER BY seq, article`)
}

// Stories returns every story, ordered by id.
func (s *Store) Stories(ctx context.Context) ([]storyline.Story, error) {
	return queryJSON[storyline.Story](ctx, s.db, `SELECT data FROM stories ORDER BY id`)
}

// Story returns a story by id, following the redirect of a merged story.
func (s *Store) Story(ctx context.Context, id string) (storyline.Story, error) {
	var to string
	err := s.db.QueryRowContext(ctx, `SELECT new FROM story_redirects WHERE old = ?`, id).Scan(&to)
	if err == nil {
		id = to
	} else if !errors.Is(err, sql.ErrNoRows) {
		return storyline.Story{}, fmt.Errorf("story %s: %w", id, err)
	}
	list, err := queryJSON[storyline.Story](ctx, s.db, `SELECT data FROM stories WHERE id = ?`, id)
	if err != nil {
		return storyline.Story{}, err
	}
	if len(list) == 0 {
		return storyline.Story{}, fmt.Errorf("story %s: %w", id, storyline.ErrNotFound)
	}
	return list[0], nil
}

// Groups returns every copy group, ordered by canonical id.
func (s *Store) Groups(ctx context.Context) ([]storyline.CopyGroup, error) {
	return queryJSON[storyline.CopyGroup](ctx, s.db, `SELECT data FROM copy_groups ORDER BY canonical`)
}

func queryJSON[T any](ctx context.Context, db *sql.DB, query string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query store: %w", err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("query store: %w", err)
		}
		var v T
		if err := json.Unmarshal([]byte(data), &v); err != nil {
			return nil, fmt.Errorf("decode stored record: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
