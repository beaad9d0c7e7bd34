package cluster

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"time"

	"github.com/storyline-news/storyline/internal/snapbin"
)

// ReadSnapshot restores a clusterer written by WriteSnapshot. opt must
// be the options the snapshot was taken under (ErrSnapshotOptions
// otherwise): the caller's options are the ones it means to run with, and
// a state decided under others is not theirs. A snapshot of another
// format version gives ErrSnapshotVersion; corrupt data an error, never a
// panic.
func ReadSnapshot(r io.Reader, opt Options) (*Clusterer, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read cluster snapshot: %w", err)
	}
	return DecodeSnapshot(data, opt)
}

// DecodeSnapshot is ReadSnapshot over a snapshot held in memory.
func DecodeSnapshot(data []byte, opt Options) (c *Clusterer, err error) {
	// The decoder checks every length and index it reads; this is the
	// last line of defence should a check be missing.
	defer func() {
		if p := recover(); p != nil {
			c, err = nil, fmt.Errorf("%w: %v", errSnapshotCorrupt, p)
		}
	}()
	if !bytes.HasPrefix(data, []byte(snapshotMagic)) {
		return nil, fmt.Errorf("%w: not a cluster snapshot", errSnapshotCorrupt)
	}
	d := &snapDecoder{snapbin.NewDecoder(data[len(snapshotMagic):], errSnapshotCorrupt)}
	if v := d.Uint(); d.Err != nil || v != SnapshotVersion {
		return nil, fmt.Errorf("%w: version %d, this storyline reads %d", ErrSnapshotVersion, v, SnapshotVersion)
	}
	fp := OptionsFingerprint(opt)
	if len(d.Buf) < len(fp)+4 {
		return nil, fmt.Errorf("%w: truncated", errSnapshotCorrupt)
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch", errSnapshotCorrupt)
	}
	if !bytes.Equal(d.Buf[:len(fp)], fp[:]) {
		return nil, ErrSnapshotOptions
	}
	d.Buf = d.Buf[len(fp) : len(d.Buf)-4]
	c = NewWithOptions(opt)
	c.decodeCounters(d)
	c.decodeLexicon(d)
	c.decodeStories(d)
	c.decodeIndex(d)
	c.decodeKept(d)
	c.decodeFinishState(d)
	if d.Err == nil && len(d.Buf) != 0 {
		d.Fail("%d bytes left over", len(d.Buf))
	}
	if d.Err != nil {
		return nil, d.Err
	}
	return c, nil
}

func (c *Clusterer) decodeCounters(d *snapDecoder) {
	for _, p := range []*int{&c.items, &c.tick, &c.stamp, &c.coldHead, &c.recentNext, &c.recentCap,
		&c.keptHead, &c.archived, &c.alive, &c.settledAlive, &c.snap, &c.snapItems} {
		*p = d.signed()
	}
	c.storyShare = d.float()
	for _, n := range []int{c.coldHead, c.recentNext, c.recentCap, c.keptHead} {
		if n < 0 {
			d.Fail("negative position %d", n)
		}
	}
}

func (c *Clusterer) decodeLexicon(d *snapDecoder) {
	l := c.lex
	n := d.Count(20)
	l.terms = make([]term, n)
	l.weights = make([]termWeight, n)
	l.byKey = make(map[string]int32, n)
	for i := 0; i < n && d.Err == nil; i++ {
		key := d.string()
		t := &l.terms[i]
		t.surface = d.string()
		for _, p := range []*int32{&t.df, &t.capitalised, &t.lower, &t.stories, &t.settledStories} {
			*p = int32(d.Int())
		}
		t.storyPart = d.float()
		t.storyPartSnap = d.signed()
		t.name = d.bool()
		w := &l.weights[i]
		w.weight = d.float()
		w.at = int32(d.Int())
		w.snap = int32(d.Int())
		if _, dup := l.byKey[key]; dup {
			d.Fail("term key %q twice", key)
		}
		l.byKey[key] = int32(i)
	}
	words := d.Count(2)
	l.byWord = make(map[string]int32, words)
	l.recent = nil // it repeated the old byWord
	for i := 0; i < words && d.Err == nil; i++ {
		w := d.string()
		id := d.Int()
		if id < -1 || id >= int64(n) {
			d.Fail("word %q: term %d out of range", w, id)
		}
		l.byWord[w] = int32(id)
	}
}

// termIn reads a term id below the vocabulary size.
func (c *Clusterer) termIn(d *snapDecoder, v int64) int32 {
	if v < 0 || v >= int64(len(c.lex.terms)) {
		d.Fail("term %d out of range", v)
		return 0
	}
	return int32(v)
}

func (c *Clusterer) decodeStories(d *snapDecoder) {
	n := d.Count(10)
	c.stories = make([]*story, 0, n)
	for i := 0; i < n && d.Err == nil; i++ {
		s := &story{}
		s.id = d.string()
		s.alive = d.bool()
		s.archived = d.bool()
		s.founder = d.string()
		s.first = d.time()
		s.last = d.time()
		if m := d.Count(3); m > 0 {
			s.members = make([]member, m)
			for j := range s.members {
				s.members[j] = member{id: d.string(), tick: d.signed(), at: d.time()}
			}
		}
		switch kind := d.Uint(); kind {
		case snapCentroidReleased:
		case snapCentroidHeld:
			c.decodeCentroid(d, &s.centroid)
		default:
			d.Fail("story %d: centroid kind %d", i, kind)
		}
		switch kind := d.Uint(); kind {
		case snapWeightedNone:
		case snapWeightedSameTerm:
			m := d.Count(8)
			if m != len(s.centroid.terms) {
				d.Fail("story %d: %d weights for %d terms", i, m, len(s.centroid.terms))
				break
			}
			s.wterms = make([]int32, m)
			copy(s.wterms, s.centroid.terms)
			s.wweights = make([]float64, m)
			for j := range s.wweights {
				s.wweights[j] = d.float()
			}
		case snapWeightedOwnTerms:
			m := d.Count(9)
			s.wterms = make([]int32, m)
			s.wweights = make([]float64, m)
			for j := range s.wterms {
				s.wterms[j] = c.termIn(d, d.Int())
				s.wweights[j] = d.float()
			}
		default:
			d.Fail("story %d: weighted kind %d", i, kind)
		}
		s.norm = d.float()
		for _, p := range []*int{&s.seq, &s.size, &s.normItems, &s.normSnap, &s.active, &s.version, &s.churn, &s.decidedAt, &s.splitAt} {
			*p = d.signed()
		}
		s.stale = d.bool()
		c.stories = append(c.stories, s)
	}
}

// decodeCentroid reads a held centroid and rebuilds its position map.
func (c *Clusterer) decodeCentroid(d *snapDecoder, ct *centroid) {
	m := d.Count(9)
	ct.pos = newTermIndex(m)
	if m > 0 {
		ct.terms = make([]int32, m)
		ct.weights = make([]float64, m)
	}
	for j := 0; j < m && d.Err == nil; j++ {
		raw := d.Int()
		key := raw
		if raw < 0 {
			key = ^raw
		}
		id := c.termIn(d, key)
		if _, dup := ct.pos.find(id); dup {
			d.Fail("centroid term %d twice", key)
			break
		}
		ct.pos.insert(id, int32(j))
		if raw < 0 {
			id = ^id
		}
		ct.terms[j] = id
		ct.weights[j] = d.float()
	}
	ct.live = int32(d.signed())
	ct.dead = int32(d.signed())
}

func (c *Clusterer) decodeIndex(d *snapDecoder) {
	ns := len(c.stories)
	for i, n := 0, d.Count(2); i < n && d.Err == nil; i++ {
		id := d.string()
		c.byID[id] = d.index(ns)
	}
	switch mode := d.Uint(); mode {
	case snapItemsFromMembers:
		if !c.makeTickStory(d) {
			return
		}
		c.ticks = make(map[string]int, c.memberCount())
		for si, s := range c.stories {
			for _, m := range s.members {
				if m.tick <= 0 || m.tick > c.tick || c.tickStory[m.tick] != noStory {
					d.Fail("member tick %d", m.tick)
					return
				}
				c.ticks[m.id] = m.tick
				c.tickStory[m.tick] = int32(si)
			}
		}
	case snapItemsListed:
		if !c.makeTickStory(d) {
			return
		}
		for i, n := 0, d.Count(2); i < n && d.Err == nil; i++ {
			id := d.string()
			si := d.index(ns)
			j := -1
			if d.Err == nil {
				j = c.memberIndex(si, id)
			}
			if j < 0 {
				d.Fail("item %q not a member of its story", id)
				return
			}
			t := c.stories[si].members[j].tick
			if t <= 0 || t > c.tick {
				d.Fail("member tick %d", t)
				return
			}
			c.ticks[id] = t
			c.tickStory[t] = int32(si)
		}
	default:
		d.Fail("item story mode %d", mode)
	}
	if n := d.Count(1); n > 0 {
		c.postings = make([][]int32, n)
		for t := 0; t < n && d.Err == nil; t++ {
			if m := d.Count(1); m > 0 {
				list := make([]int32, m)
				for j := range list {
					list[j] = int32(d.index(ns))
				}
				c.postings[t] = list
			}
		}
	}
	for i, n := 0, d.Count(2); i < n && d.Err == nil; i++ {
		old := d.string()
		c.redirects[old] = d.string()
	}
	if n := d.Count(1); n != ns {
		d.Fail("%d slots for %d stories", n, ns)
	} else {
		c.slots = make([]slot, n)
		for i := range c.slots {
			c.slots[i].out = d.bool()
		}
	}
	if n := d.Count(2); n > 0 {
		c.coldQueue = make([]coldEntry, n)
		for i := range c.coldQueue {
			c.coldQueue[i] = coldEntry{story: int32(d.index(ns)), tick: d.signed()}
		}
	}
	if c.coldHead > len(c.coldQueue) {
		d.Fail("cold queue head %d past its %d entries", c.coldHead, len(c.coldQueue))
	}
	if n := d.Count(1); n > 0 {
		c.recent = make([]time.Time, n)
		for i := range c.recent {
			c.recent[i] = d.time()
		}
	}
	if len(c.recent) > c.recentCap || (c.recentNext > 0 && c.recentNext >= c.recentCap) {
		d.Fail("recent times: %d held, cap %d, next %d", len(c.recent), c.recentCap, c.recentNext)
	}
}

func (c *Clusterer) decodeKept(d *snapDecoder) {
	if d.Err != nil {
		return
	}
	values := make([]float64, d.Count(8))
	for i := range values {
		values[i] = d.float()
	}
	n := d.Count(2)
	if c.keptHead > 2*n+2048 {
		d.Fail("kept head %d for %d kept items", c.keptHead, n)
		return
	}
	c.keptTicks = make([]int, c.keptHead, c.keptHead+n)
	c.keptVecs = make([]keptVector, c.keptHead, c.keptHead+n)
	for i := 0; i < n && d.Err == nil; i++ {
		id := d.string()
		t, ok := c.ticks[id]
		if !ok || (len(c.keptTicks) > c.keptHead && t <= c.keptTicks[len(c.keptTicks)-1]) {
			d.Fail("kept item %q unknown or out of order", id)
			return
		}
		if !d.bool() {
			d.Fail("kept item %q without a vector", id)
			return
		}
		kv := keptVector{norm: d.float()}
		if m := d.Count(2); m > 0 {
			kv.vec = make([]weighted, m)
			prev := int64(0)
			for j := range kv.vec {
				prev += d.Int()
				term := c.termIn(d, prev)
				if v := d.index(len(values)); d.Err == nil {
					kv.vec[j] = weighted{term, values[v]}
				}
			}
		}
		c.keptTicks = append(c.keptTicks, t)
		c.keptVecs = append(c.keptVecs, kv)
	}
}

func (c *Clusterer) decodeFinishState(d *snapDecoder) {
	ns := len(c.stories)
	for i, n := 0, d.Count(2); i < n && d.Err == nil; i++ {
		c.batch = append(c.batch, batchItem{id: d.string(), story: d.string()})
	}
	if d.bool() {
		c.moved = map[string]string{}
	}
	for i, n := 0, d.Count(2); i < n && d.Err == nil; i++ {
		id := d.string()
		to := d.string()
		if c.moved != nil {
			c.moved[id] = to
		}
	}
	marks := []uint8{markPending, markRelDirty, markChanged}
	for j, set := range []map[int]bool{c.pending, c.relDirty, c.changed} {
		for i, n := 0, d.Count(2); i < n && d.Err == nil; i++ {
			k := d.index(ns)
			set[k] = d.bool()
			if d.Err == nil {
				c.stories[k].marks |= marks[j] // see touch
			}
		}
	}
	if d.bool() {
		c.links = map[int]map[int]float64{}
	}
	for i, n := 0, d.Count(2); i < n && d.Err == nil; i++ {
		a := d.index(ns)
		inner := map[int]float64{}
		for j, m := 0, d.Count(9); j < m && d.Err == nil; j++ {
			b := d.index(ns)
			inner[b] = d.float()
		}
		if c.links != nil {
			c.links[a] = inner
		}
	}
}

// makeTickStory sizes tickStory for the restored ticks, no item placed
// yet. Every arrival is an item of some story, so more ticks than members
// mark a corrupt snapshot (and would allocate without bound).
func (c *Clusterer) makeTickStory(d *snapDecoder) bool {
	if c.tick < 0 || c.tick > c.memberCount() {
		d.Fail("%d arrivals for %d members", c.tick, c.memberCount())
		return false
	}
	if c.tick > 0 {
		c.tickStory = make([]int32, c.tick+1)
		for i := range c.tickStory {
			c.tickStory[i] = noStory
		}
	}
	return true
}
