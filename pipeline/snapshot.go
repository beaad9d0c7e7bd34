package pipeline

import (
	"context"
	"errors"
	"fmt"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/dedup"
)

// stateStore is a store that keeps blobs of derived state beside the
// batches, each valid only until the next batch is saved (store/sqlite
// does: see its SaveState). The engine keeps the snapshots of its
// clusterer and of its copy index there, so that opening a store reads
// them instead of analysing every stored article again.
type stateStore interface {
	SaveState(ctx context.Context, name string, data []byte) error
	State(ctx context.Context, name string) ([]byte, bool, error)
}

// identityStore is a store that lists its articles' identities (and
// texts, when asked) without decoding whole records (store/sqlite does).
type identityStore interface {
	EachArticleIdentity(ctx context.Context, withText bool, fn func(id, contentHash string, version int, text string)) error
}

// The names of the engine's snapshots among a store's states.
const (
	clusterStateName = "cluster"
	indexStateName   = "dedup"
)

// articleNeed is what Open needs of the stored articles.
type articleNeed int

const (
	needIdentities articleNeed = iota // ids, hashes and versions
	needTexts                         // and texts, to index copies
	needArticles                      // whole, to feed the clusterer
)

// loadArticles returns the stored articles in first-stored order, whole
// or, when need allows and the store can, only their identities and
// texts.
func loadArticles(ctx context.Context, store storyline.Store, need articleNeed) ([]storyline.Article, error) {
	is, ok := store.(identityStore)
	if need == needArticles || !ok {
		return store.Articles(ctx)
	}
	var out []storyline.Article
	err := is.EachArticleIdentity(ctx, need == needTexts, func(id, hash string, version int, text string) {
		out = append(out, storyline.Article{ID: id, ContentHash: hash, Version: version, Text: text})
	})
	return out, err
}

// storedState returns the blob saved under name for the store's current
// generation, or nil when the store keeps no state or holds none that is
// current (none yet, or a batch was saved after it).
func storedState(ctx context.Context, store storyline.Store, name string) ([]byte, error) {
	ss, ok := store.(stateStore)
	if !ok {
		return nil, nil
	}
	data, ok, err := ss.State(ctx, name)
	if err != nil || !ok {
		return nil, err
	}
	return data, nil
}

// restoreClusters returns the clusterer of the store's current snapshot,
// or nil when there is none, or one of another format or options (see
// cluster.DecodeSnapshot): the caller then rebuilds it from the stored
// articles. A snapshot that fails to decode is rebuilt too, not an
// error: it is a cache.
func restoreClusters(ctx context.Context, store storyline.Store, opt cluster.Options) (*cluster.Clusterer, error) {
	data, err := storedState(ctx, store, clusterStateName)
	if data == nil || err != nil {
		return nil, err
	}
	c, err := cluster.DecodeSnapshot(data, opt)
	if err != nil {
		return nil, nil
	}
	return c, nil
}

// restoreIndex is restoreClusters for the copy index.
func restoreIndex(ctx context.Context, store storyline.Store) (*dedup.Index, error) {
	data, err := storedState(ctx, store, indexStateName)
	if data == nil || err != nil {
		return nil, err
	}
	ix, err := dedup.DecodeSnapshot(data)
	if err != nil {
		return nil, nil
	}
	return ix, nil
}

// saveSnapshots writes the snapshots of the clusterer and of the copy
// index for the store's current generation, when the store keeps state
// and the stored ones are not already this state. Each is stamped on its
// own: a crash between the two writes leaves one current, which is used,
// and one stale, which is rebuilt.
func (e *Engine) saveSnapshots(ctx context.Context) error {
	ss, ok := e.store.(stateStore)
	if !ok || e.snapshotFresh {
		return nil
	}
	if e.broken {
		return errors.New("save snapshots: a failed batch left the engine out of step with the store")
	}
	data, err := e.clusters.AppendSnapshot(nil)
	if err != nil {
		return fmt.Errorf("save cluster snapshot: %w", err)
	}
	if err := ss.SaveState(ctx, clusterStateName, data); err != nil {
		return fmt.Errorf("save cluster snapshot: %w", err)
	}
	// The store has copied the blob: its buffer takes the next one.
	if err := ss.SaveState(ctx, indexStateName, e.index.AppendSnapshot(data[:0])); err != nil {
		return fmt.Errorf("save copy index snapshot: %w", err)
	}
	e.snapshotFresh = true
	return nil
}

// groupStore is a store that lists copy-group membership without the
// groups and reads one group on demand (store/sqlite does). Open then
// reads only who belongs to which group: the groups themselves, with each
// member's added and dropped sentences, are most of a store's bytes.
type groupStore interface {
	EachCopyMember(ctx context.Context, fn func(article, canonical string)) error
	Group(ctx context.Context, canonical string) (storyline.CopyGroup, error)
}

// loadGroups learns the stored copy groups: their membership only when
// the store is a groupStore, else every group whole.
func (e *Engine) loadGroups(ctx context.Context) error {
	if gs, ok := e.store.(groupStore); ok {
		return gs.EachCopyMember(ctx, func(article, canonical string) {
			e.groupOf[article] = canonical
		})
	}
	groups, err := e.store.Groups(ctx)
	if err != nil {
		return err
	}
	for _, g := range groups {
		e.setGroup(g)
	}
	return nil
}

// group returns the copy group with this canonical article, from memory
// or else from the store.
func (e *Engine) group(ctx context.Context, canonical string) (storyline.CopyGroup, error) {
	if g, ok := e.groups[canonical]; ok {
		return g, nil
	}
	gs, ok := e.store.(groupStore)
	if !ok {
		return storyline.CopyGroup{}, fmt.Errorf("copy group %s: %w", canonical, storyline.ErrNotFound)
	}
	return gs.Group(ctx, canonical)
}
