package dedup

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math/bits"

	"github.com/storyline-news/storyline/internal/snapbin"
)

// SnapshotVersion is the version of the index snapshot format. Bump it
// whenever the index's layout changes: a snapshot of another version is
// refused (the caller rebuilds the index from the texts).
const SnapshotVersion = 1

const snapshotMagic = "storyline-dedup-snapshot\n"

// ErrSnapshot is wrapped by every error of DecodeSnapshot.
var ErrSnapshot = errors.New("unusable copy index snapshot")

// AppendSnapshot appends the index (every text's identity, words,
// sentence ends, signature, band and sentence entries) to dst, so that
// DecodeSnapshot gives an index that finds exactly the copies this one
// would, without analysing the texts again. The arrays are written as
// they are held, little-endian; the hash tables' empty slots are skipped.
// Query scratch is not written: a decoded index is one rebuilt by Insert.
func (ix *Index) AppendSnapshot(dst []byte) []byte {
	start := len(dst)
	b := append(dst, snapshotMagic...)
	b = binary.AppendUvarint(b, SnapshotVersion)
	b = appendChunks(b, ix.ids.chunks)
	b = binary.AppendUvarint(b, uint64(len(ix.docs)))
	for _, d := range ix.docs {
		for _, v := range []uint64{d.full, d.words, d.ends, d.id} {
			b = binary.LittleEndian.AppendUint64(b, v)
		}
		for _, v := range []uint32{d.nWords, d.nEnds, d.nDistinct, d.idLen} {
			b = binary.LittleEndian.AppendUint32(b, v)
		}
	}
	b = appendChunks(b, ix.bsig.chunks)
	for i := range ix.bands {
		b = appendSlots(b, &ix.bands[i].slotTable)
		b = binary.AppendUvarint(b, uint64(ix.bands[i].next.n))
		for j := uint32(0); j < ix.bands[i].next.n; j++ {
			b = binary.LittleEndian.AppendUint32(b, ix.bands[i].next.at(j))
		}
	}
	s := &ix.sentences
	b = appendSlots(b, &s.slotTable)
	b = binary.AppendUvarint(b, uint64(s.entries.n))
	for j := uint32(0); j < s.entries.n; j++ {
		b = binary.LittleEndian.AppendUint64(b, s.entries.at(j))
		b = append(b, s.depth.at(j))
	}
	for _, a := range []*arena16{&ix.words, &ix.ends} {
		b = binary.AppendUvarint(b, uint64(len(a.chunks)))
		for _, c := range a.chunks {
			b = binary.AppendUvarint(b, uint64(len(c)))
			for _, v := range c {
				b = binary.LittleEndian.AppendUint16(b, v)
			}
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b[start:]))
}

// appendChunks writes byte chunks (the id arena, the signatures).
func appendChunks(b []byte, chunks [][]byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(chunks)))
	for _, c := range chunks {
		b = binary.AppendUvarint(b, uint64(len(c)))
		b = append(b, c...)
	}
	return b
}

// appendSlots writes a slot table: its size, and each used slot as the
// gap since the previous one and its value.
func appendSlots(b []byte, t *slotTable) []byte {
	b = binary.AppendUvarint(b, uint64(len(t.slots)))
	b = binary.AppendUvarint(b, uint64(t.used))
	prev := -1
	for i, v := range t.slots {
		if v != 0 {
			b = binary.AppendUvarint(b, uint64(i-prev))
			b = binary.LittleEndian.AppendUint64(b, v)
			prev = i
		}
	}
	return b
}

// DecodeSnapshot restores an index written by AppendSnapshot. A snapshot
// of another version, or corrupt, is an error (wrapping ErrSnapshot),
// never a panic: every reference the index follows is checked.
func DecodeSnapshot(data []byte) (ix *Index, err error) {
	defer func() {
		// The checks below cover every reference; this is the last line
		// of defence should one be missing.
		if p := recover(); p != nil {
			ix, err = nil, fmt.Errorf("%w: %v", ErrSnapshot, p)
		}
	}()
	if !bytes.HasPrefix(data, []byte(snapshotMagic)) || len(data) < len(snapshotMagic)+5 {
		return nil, fmt.Errorf("%w: not a copy index snapshot", ErrSnapshot)
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	r := &snapReader{snapbin.NewDecoder(body[len(snapshotMagic):], ErrSnapshot)}
	if v := r.Uint(); v != SnapshotVersion {
		return nil, fmt.Errorf("%w: version %d, this storyline reads %d", ErrSnapshot, v, SnapshotVersion)
	}
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrSnapshot)
	}
	ix = NewIndex()
	ix.ids.chunks = r.chunks(byteArenaChunk)
	n := r.Count(48)
	ix.docs = make([]docRecord, n)
	for i := range ix.docs {
		d := &ix.docs[i]
		d.full, d.words, d.ends, d.id = r.u64(), r.u64(), r.u64(), r.u64()
		d.nWords, d.nEnds, d.nDistinct, d.idLen = r.u32(), r.u32(), r.u32(), r.u32()
	}
	ix.bsig.chunks = r.chunks(bsigChunkDocs * sketchBins)
	for i := range ix.bands {
		r.slots(&ix.bands[i].slotTable)
		m := r.Count(4)
		for j := 0; j < m; j++ {
			ix.bands[i].next.append(r.u32())
		}
	}
	s := &ix.sentences
	r.slots(&s.slotTable)
	m := r.Count(9)
	for j := 0; j < m; j++ {
		s.entries.append(r.u64())
		s.depth.append(r.byte())
	}
	for _, a := range []*arena16{&ix.words, &ix.ends} {
		a.chunks = make([][]uint16, r.Count(1))
		for k := range a.chunks {
			m := r.Count(2)
			capacity := m // as chunks: only the last takes more
			if k == len(a.chunks)-1 {
				capacity = max(m, arenaChunk)
			}
			c := make([]uint16, m, capacity)
			for j := range c {
				c[j] = r.u16()
			}
			a.chunks[k] = c
		}
	}
	if r.Err == nil && len(r.Buf) != 0 {
		r.Fail("%d bytes left over", len(r.Buf))
	}
	if r.Err == nil {
		ix.check(r)
	}
	if r.Err != nil {
		return nil, r.Err
	}
	ix.seen = make([]uint32, len(ix.docs))
	for i, d := range ix.docs {
		if _, ok := ix.exact[d.full]; !ok {
			ix.exact[d.full] = uint32(i)
		}
	}
	return ix, nil
}

// check verifies every reference a lookup follows: arena references in
// bounds, one signature and one band entry per text, chain links and
// slot heads pointing at existing entries.
func (ix *Index) check(r *snapReader) {
	n := uint64(len(ix.docs))
	inBytes := func(chunks [][]byte, ref uint64, size uint64) bool {
		c, off := ref>>32, uint64(uint32(ref))
		return c < uint64(len(chunks)) && off+size <= uint64(len(chunks[c]))
	}
	in16 := func(a *arena16, ref uint64, size uint32) bool {
		c, off := ref>>32, uint64(uint32(ref))
		return c < uint64(len(a.chunks)) && off+uint64(size) <= uint64(len(a.chunks[c]))
	}
	for i, d := range ix.docs {
		if !inBytes(ix.ids.chunks, d.id, uint64(d.idLen)) || !in16(&ix.words, d.words, d.nWords) || !in16(&ix.ends, d.ends, d.nEnds) {
			r.Fail("text %d: reference out of bounds", i)
			return
		}
	}
	sigs := uint64(0)
	for k, c := range ix.bsig.chunks {
		if len(c)%sketchBins != 0 || (k < len(ix.bsig.chunks)-1 && len(c) != bsigChunkDocs*sketchBins) {
			r.Fail("signature chunk %d of %d bytes", k, len(c))
			return
		}
		sigs += uint64(len(c) / sketchBins)
	}
	if sigs != n {
		r.Fail("%d signatures for %d texts", sigs, n)
		return
	}
	for b := range ix.bands {
		bt := &ix.bands[b]
		if uint64(bt.next.n) != n {
			r.Fail("band %d: %d entries for %d texts", b, bt.next.n, n)
			return
		}
		for j := uint32(0); j < bt.next.n; j++ {
			if uint64(bt.next.at(j)) > n {
				r.Fail("band %d: link out of range", b)
				return
			}
		}
		for _, v := range bt.slots {
			if v != 0 && (uint32(v) == 0 || uint64(uint32(v)) > n) {
				r.Fail("band %d: head out of range", b)
				return
			}
		}
	}
	s := &ix.sentences
	for j := uint32(0); j < s.entries.n; j++ {
		e := s.entries.at(j)
		if e>>32 >= n || uint32(e) > s.entries.n {
			r.Fail("sentence entry %d out of range", j)
			return
		}
	}
	for _, v := range s.slots {
		if v != 0 && uint32(v) != saturatedEntry+1 && (uint32(v) == 0 || uint32(v) > s.entries.n) {
			r.Fail("sentence head out of range")
			return
		}
	}
}

// snapReader reads AppendSnapshot's encoding: the shared primitives
// (varints, checked lengths, a sticky error) and the index's fixed-width
// words, chunks and slot tables.
type snapReader struct {
	snapbin.Decoder
}

func (r *snapReader) byte() byte  { return r.Take(1)[0] }
func (r *snapReader) u16() uint16 { return binary.LittleEndian.Uint16(r.Take(2)) }
func (r *snapReader) u32() uint32 { return binary.LittleEndian.Uint32(r.Take(4)) }
func (r *snapReader) u64() uint64 { return binary.LittleEndian.Uint64(r.Take(8)) }

// chunks reads byte chunks. Only the last one takes more texts, so only
// it gets the capacity put gives a chunk (minCap, or its length): a
// corrupt count of chunks then cannot make the decoder allocate more than
// the data holds.
func (r *snapReader) chunks(minCap int) [][]byte {
	out := make([][]byte, r.Count(1))
	for k := range out {
		m := r.Count(1)
		capacity := m
		if k == len(out)-1 {
			capacity = max(m, minCap)
		}
		c := make([]byte, m, capacity)
		copy(c, r.Take(m))
		out[k] = c
	}
	return out
}

// slots reads a slot table written by appendSlots.
func (r *snapReader) slots(t *slotTable) {
	size := r.Uint()
	used := r.Count(9)
	// setHead keeps a table at most 70% full and doubles it: never more
	// than four slots per key, and at least 1024.
	if size != 0 && (size&(size-1) != 0 || size > max(1024, 4*uint64(used)+4)) {
		r.Fail("slot table of %d for %d keys", size, used)
		return
	}
	if size == 0 {
		if used != 0 {
			r.Fail("%d slots used of none", used)
		}
		return
	}
	t.slots = make([]uint64, size)
	t.used = used
	t.shift = uint32(64 - bits.Len64(size-1))
	pos := -1
	for i := 0; i < used && r.Err == nil; i++ {
		gap := r.Uint()
		if gap == 0 || gap > size {
			r.Fail("bad slot gap")
			return
		}
		pos += int(gap)
		if pos >= len(t.slots) {
			r.Fail("slot %d past the table", pos)
			return
		}
		t.slots[pos] = r.u64()
	}
}
