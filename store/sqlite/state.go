package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/storyline-news/storyline"
)

// SaveState stores a blob of state derived from the stored batches (the
// clusterer's snapshot, say) under name, stamped with the store's current
// generation, which every Save moves on. State returns it only while no
// batch has been saved since: a writer that saves a batch and then fails
// before saving its state leaves a stale blob, which is ignored, never
// used. The caller must hold the store's writes (one engine per store),
// so that the state it passes reflects exactly the batches saved so far.
func (s *Store) SaveState(ctx context.Context, name string, data []byte) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO engine_state (name, generation, data) VALUES (?, (SELECT value FROM generation), ?)
			 ON CONFLICT (name) DO UPDATE SET generation = excluded.generation, data = excluded.data`,
			name, data)
		return err
	})
	if err != nil {
		return fmt.Errorf("save state %s: %w", name, err)
	}
	return nil
}

// State returns the blob saved under name by SaveState, and false when
// there is none or when batches were saved since it was.
func (s *Store) State(ctx context.Context, name string) ([]byte, bool, error) {
	var data []byte
	err := s.db.QueryRowContext(ctx,
		`SELECT data FROM engine_state WHERE name = ? AND generation = (SELECT value FROM generation)`,
		name).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("load state %s: %w", name, err)
	}
	return data, true, nil
}

// EachArticleIdentity calls fn with the id, content hash and version of
// every article, in first-stored order, and with its text when withText
// (else ""): what an engine that restores its indexes from saved state
// needs of the articles, read from the columns without decoding whole
// records (each record holds its text a second time, in JSON).
func (s *Store) EachArticleIdentity(ctx context.Context, withText bool, fn func(id, contentHash string, version int, text string)) error {
	query := `SELECT id, content_hash, version, '' FROM articles ORDER BY seq`
	if withText {
		query = `SELECT id, content_hash, version, text FROM articles ORDER BY seq`
	}
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("query article identities: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, hash, text string
		var version int
		if err := rows.Scan(&id, &hash, &version, &text); err != nil {
			return fmt.Errorf("query article identities: %w", err)
		}
		fn(id, hash, version, text)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("query article identities: %w", err)
	}
	return nil
}

// EachCopyMember calls fn for every article of every copy group, the
// canonical included, with its group's canonical id, in article order. It
// reads the membership table only: an engine opening the store learns who
// belongs where without decoding every group (with each member's added
// and dropped sentences) and reads a group whole only when a new copy
// joins it (see Group).
func (s *Store) EachCopyMember(ctx context.Context, fn func(article, canonical string)) error {
	rows, err := s.db.QueryContext(ctx, `SELECT article, canonical FROM copy_members ORDER BY article`)
	if err != nil {
		return fmt.Errorf("read copy members: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var article, canonical string
		if err := rows.Scan(&article, &canonical); err != nil {
			return fmt.Errorf("read copy members: %w", err)
		}
		fn(article, canonical)
	}
	return rows.Err()
}

// Group returns the copy group whose canonical article is canonical, or
// an error wrapping storyline.ErrNotFound.
func (s *Store) Group(ctx context.Context, canonical string) (storyline.CopyGroup, error) {
	list, err := queryJSON[storyline.CopyGroup](ctx, s.db, `SELECT data FROM copy_groups WHERE canonical = ?`, canonical)
	if err != nil {
		return storyline.CopyGroup{}, err
	}
	if len(list) == 0 {
		return storyline.CopyGroup{}, fmt.Errorf("copy group %s: %w", canonical, storyline.ErrNotFound)
	}
	return list[0], nil
}
