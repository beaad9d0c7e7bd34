package cluster

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"slices"
	"sort"
)

// SnapshotVersion is the version of the snapshot format WriteSnapshot
// writes. ReadSnapshot reads this version only: a snapshot is a cache of
// state the store can always rebuild, so an older one is rebuilt, not
// migrated. Bump it whenever the encoded state changes.
const SnapshotVersion = 1

// snapshotMagic opens every snapshot.
const snapshotMagic = "storyline-cluster-snapshot\n"

var (
	// ErrSnapshotVersion is returned for a snapshot of another format
	// version.
	ErrSnapshotVersion = errors.New("cluster snapshot of an unknown format version")
	// ErrSnapshotOptions is returned for a snapshot taken under other
	// options: its stories and statistics were decided with those, and
	// would not be those the given options give.
	ErrSnapshotOptions = errors.New("cluster snapshot taken under other options")
)

// OptionsFingerprint identifies a set of options: the SHA-256 of their Go
// syntax form, every field by name and exact value, so that a field
// added to Options later is covered without changing this function.
func OptionsFingerprint(opt Options) [32]byte {
	return sha256.Sum256([]byte(fmt.Sprintf("%#v", opt)))
}

// WriteSnapshot writes the clusterer's whole state (vocabulary and its
// statistics, stories with centroids, members and index, the vectors
// kept for Finish, archive and story-IDF state, redirects, relations and
// counters) so that ReadSnapshot returns a clusterer that takes exactly
// the decisions this one would: reopening a store then costs reading the
// snapshot, not feeding every stored article again.
//
// The format is a compact binary one (varints, raw float64 bits, a
// dictionary for the few distinct raw weights of the kept item vectors),
// checksummed with CRC-32. Scratch buffers are not written.
func (c *Clusterer) WriteSnapshot(w io.Writer) error {
	buf, err := c.AppendSnapshot(nil)
	if err != nil {
		return err
	}
	if _, err := w.Write(buf); err != nil {
		return fmt.Errorf("write cluster snapshot: %w", err)
	}
	return nil
}

// AppendSnapshot appends the snapshot WriteSnapshot writes to dst.
func (c *Clusterer) AppendSnapshot(dst []byte) ([]byte, error) {
	e := &snapEncoder{buf: slices.Grow(dst, c.snapshotSizeHint())}
	start := len(dst)
	e.buf = append(e.buf, snapshotMagic...)
	e.count(SnapshotVersion)
	fp := OptionsFingerprint(c.opt)
	e.buf = append(e.buf, fp[:]...)
	c.encodeCounters(e)
	c.encodeLexicon(e)
	c.encodeStories(e)
	c.encodeIndex(e)
	if err := c.encodeKept(e); err != nil {
		return dst, err
	}
	c.encodeFinishState(e)
	e.buf = binary.LittleEndian.AppendUint32(e.buf, crc32.ChecksumIEEE(e.buf[start:]))
	return e.buf, nil
}

func (c *Clusterer) encodeCounters(e *snapEncoder) {
	for _, n := range []int{c.items, c.tick, c.stamp, c.coldHead, c.recentNext, c.recentCap,
		c.keptHead, c.archived, c.alive, c.settledAlive, c.snap, c.snapItems} {
		e.int(int64(n))
	}
	e.float(c.storyShare)
}

// encodeLexicon writes the terms in id order, each with its key (byKey
// is one key per term), and the word cache in word order.
func (c *Clusterer) encodeLexicon(e *snapEncoder) {
	l := c.lex
	keys := make([]string, len(l.terms))
	for k, id := range l.byKey {
		keys[id] = k
	}
	e.count(len(l.terms))
	for i := range l.terms {
		t := &l.terms[i]
		e.string(keys[i])
		e.string(t.surface)
		for _, n := range []int32{t.df, t.capitalised, t.lower, t.stories, t.settledStories} {
			e.int(int64(n))
		}
		e.float(t.storyPart)
		e.int(int64(t.storyPartSnap))
		e.bool(t.name)
		w := l.weights[i]
		e.float(w.weight)
		e.int(int64(w.at))
		e.int(int64(w.snap))
	}
	words := make([]string, 0, len(l.byWord))
	for w := range l.byWord {
		words = append(words, w)
	}
	sort.Strings(words)
	e.count(len(words))
	for _, w := range words {
		e.string(w)
		e.int(int64(l.byWord[w]))
	}
}

// Centroid and weighted-vector encodings.
const (
	snapCentroidReleased = 0 // released: no map, no slices
	snapCentroidHeld     = 1

	snapWeightedNone     = 0 // nil
	snapWeightedSameTerm = 1 // the centroid's terms, in its order: weights only
	snapWeightedOwnTerms = 2
)

func (c *Clusterer) encodeStories(e *snapEncoder) {
	e.count(len(c.stories))
	for _, s := range c.stories {
		e.string(s.id)
		e.bool(s.alive)
		e.bool(s.archived)
		e.string(s.founder)
		e.time(s.first)
		e.time(s.last)
		e.count(len(s.members))
		for _, m := range s.members {
			e.string(m.id)
			e.int(int64(m.tick))
			e.time(m.at)
		}
		ct := &s.centroid
		if ct.pos == nil {
			e.count(snapCentroidReleased)
		} else {
			e.count(snapCentroidHeld)
			e.count(len(ct.terms))
			for i, id := range ct.terms {
				e.int(int64(id))
				e.float(ct.weights[i])
			}
			e.int(int64(ct.live))
			e.int(int64(ct.dead))
		}
		switch {
		case s.wterms == nil:
			e.count(snapWeightedNone)
		case slices.Equal(s.wterms, ct.terms):
			e.count(snapWeightedSameTerm)
			e.count(len(s.wterms))
			for _, w := range s.wweights {
				e.float(w)
			}
		default:
			e.count(snapWeightedOwnTerms)
			e.count(len(s.wterms))
			for i, id := range s.wterms {
				e.int(int64(id))
				e.float(s.wweights[i])
			}
		}
		e.float(s.norm)
		for _, n := range []int{s.seq, s.size, s.normItems, s.normSnap, s.active, s.version, s.churn, s.decidedAt, s.splitAt} {
			e.int(int64(n))
		}
		e.bool(s.stale)
	}
}

// snapshotSizeHint is a rough size of the snapshot, so that its buffer
// is allocated once rather than doubled a dozen times.
func (c *Clusterer) snapshotSizeHint() int {
	n := 32*len(c.lex.terms) + 48*len(c.ticks) + 8*len(c.recent)
	for _, s := range c.stories {
		n += 12*len(s.centroid.terms) + 12*len(s.wterms) + 32
	}
	for _, kv := range c.keptVecs[c.keptHead:] {
		n += 3*len(kv.vec) + 32
	}
	for _, p := range c.postings {
		n += 3 * len(p)
	}
	return n
}

// Item-to-story encodings.
const (
	snapItemsFromMembers = 0 // the items are exactly the stories' members
	snapItemsListed      = 1
)

// encodeIndex writes the lookup structures: story ids, item stories,
// posting lists, redirects, slots and the archive's worklist.
func (c *Clusterer) encodeIndex(e *snapEncoder) {
	ids := snapKeys(c.byID)
	e.count(len(ids))
	for _, id := range ids {
		e.string(id)
		e.count(c.byID[id])
	}
	// The items (ticks, tickStory) are, in every state the clusterer
	// reaches, the stories' members: then they are rebuilt from the
	// members rather than written again. Should they ever differ, each
	// item in a story is written with its story.
	derived := 0
	for si, s := range c.stories {
		for _, m := range s.members {
			if got, ok := c.storyAt(m.tick); ok && got == si && c.ticks[m.id] == m.tick {
				derived++
			}
		}
	}
	if derived == len(c.ticks) && derived == c.memberCount() {
		e.count(snapItemsFromMembers)
	} else {
		e.count(snapItemsListed)
		var items []string
		for _, id := range snapKeys(c.ticks) {
			if _, ok := c.storyOf(id); ok {
				items = append(items, id)
			}
		}
		e.count(len(items))
		for _, id := range items {
			si, _ := c.storyOf(id)
			e.string(id)
			e.count(si)
		}
	}
	e.count(len(c.postings))
	for _, list := range c.postings {
		e.count(len(list))
		for _, si := range list {
			e.count(int(si))
		}
	}
	olds := snapKeys(c.redirects)
	e.count(len(olds))
	for _, old := range olds {
		e.string(old)
		e.string(c.redirects[old])
	}
	// A slot's stamp and partial are the lookup's scratch.
	e.count(len(c.slots))
	for _, sl := range c.slots {
		e.bool(sl.out)
	}
	e.count(len(c.coldQueue))
	for _, ce := range c.coldQueue {
		e.count(int(ce.story))
		e.int(int64(ce.tick))
	}
	e.count(len(c.recent))
	for _, t := range c.recent {
		e.time(t)
	}
}

// memberCount is the number of members over all stories.
func (c *Clusterer) memberCount() int {
	n := 0
	for _, s := range c.stories {
		n += len(s.members)
	}
	return n
}

// encodeKept writes the item vectors kept for Finish, oldest first, each
// under its item's id.
// Their raw weights (1 + log of a field-weighted count) take few distinct
// values: a dictionary of those makes each coordinate two small varints
// instead of a varint and 8 bytes.
func (c *Clusterer) encodeKept(e *snapEncoder) error {
	live := c.keptTicks[c.keptHead:]
	// The ids of the kept items, from the members (a snapshot is rare: a
	// map of ticks to ids would cost memory all the time).
	idOf := make(map[int]string, len(live))
	if len(live) > 0 {
		for _, s := range c.stories {
			for _, m := range s.members {
				if m.tick >= live[0] {
					idOf[m.tick] = m.id
				}
			}
		}
	}
	// One pass writes the vectors to their own buffer, numbering each
	// weight at its first sight; the dictionary then goes first.
	dict := map[uint64]int{}
	var values []float64
	vecs := &snapEncoder{}
	vecs.count(len(live))
	for i, t := range live {
		id, ok := idOf[t]
		if !ok {
			return fmt.Errorf("write cluster snapshot: kept item of tick %d in no story", t)
		}
		vecs.string(id)
		kv := c.keptVecs[c.keptHead+i]
		vecs.bool(true)
		vecs.float(kv.norm)
		vecs.count(len(kv.vec))
		prev := int64(0)
		for _, w := range kv.vec {
			vecs.int(int64(w.term) - prev)
			prev = int64(w.term)
			bits := math.Float64bits(w.weight)
			k, ok := dict[bits]
			if !ok {
				k = len(values)
				dict[bits] = k
				values = append(values, w.weight)
			}
			vecs.count(k)
		}
	}
	e.count(len(values))
	for _, v := range values {
		e.float(v)
	}
	e.buf = append(e.buf, vecs.buf...)
	return nil
}

// encodeFinishState writes what links one Finish to the next: the batch
// since the last Finish, the items it moved, the stories touched and
// changed, and the relations between stories.
func (c *Clusterer) encodeFinishState(e *snapEncoder) {
	e.count(len(c.batch))
	for _, b := range c.batch {
		e.string(b.id)
		e.string(b.story)
	}
	e.bool(c.moved != nil)
	moved := snapKeys(c.moved)
	e.count(len(moved))
	for _, id := range moved {
		e.string(id)
		e.string(c.moved[id])
	}
	for _, set := range []map[int]bool{c.pending, c.relDirty, c.changed} {
		keys := sortedIntKeys(set)
		e.count(len(keys))
		for _, k := range keys {
			e.count(k)
			e.bool(set[k])
		}
	}
	e.bool(c.links != nil)
	outer := sortedIntKeys(c.links)
	e.count(len(outer))
	for _, a := range outer {
		e.count(a)
		inner := c.links[a]
		keys := sortedIntKeys(inner)
		e.count(len(keys))
		for _, b := range keys {
			e.count(b)
			e.float(inner[b])
		}
	}
}

// sortedIntKeys returns a map's int keys in order.
func sortedIntKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// snapKeys returns a map's string keys in order.
func snapKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
