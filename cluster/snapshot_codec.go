package cluster

import (
	"encoding/binary"
	"errors"
	"math"
	"time"

	"github.com/storyline-news/storyline/internal/snapbin"
)

// snapEncoder appends the primitives of the snapshot format to a byte
// slice: unsigned and zig-zag varints for counts, indexes and ids (most
// are small), float64 as its 8 raw bytes (the exact value: a rounded
// weight would change later decisions), strings as length and bytes.
type snapEncoder struct {
	buf []byte
}

func (e *snapEncoder) uint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }
func (e *snapEncoder) int(v int64)   { e.buf = binary.AppendVarint(e.buf, v) }

// count writes a non-negative int (a length, an index).
func (e *snapEncoder) count(n int) { e.uint(uint64(n)) }

func (e *snapEncoder) float(f float64) {
	e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(f))
}

func (e *snapEncoder) bool(b bool) {
	if b {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}

func (e *snapEncoder) string(s string) {
	e.count(len(s))
	e.buf = append(e.buf, s...)
}

// time writes an instant with its zone offset, which the stories'
// first and last times carry into their JSON: 0 for the zero time, else
// 1 (UTC) or 2 (any other location, kept as its offset), the Unix
// seconds and the nanoseconds. A location's name is not kept (as in
// time.Time's own binary form): decisions read instants only, and
// outputs print the offset.
func (e *snapEncoder) time(t time.Time) {
	if t.IsZero() {
		e.buf = append(e.buf, 0)
		return
	}
	_, offset := t.Zone()
	if t.Location() == time.UTC {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 2)
		e.int(int64(offset))
	}
	e.int(t.Unix())
	e.uint(uint64(t.Nanosecond()))
}

// errSnapshotCorrupt is wrapped by every decoding error of a snapshot.
var errSnapshotCorrupt = errors.New("corrupt cluster snapshot")

// snapDecoder reads what snapEncoder wrote: the shared primitives
// (varints, checked lengths, a sticky error) and this format's own
// fields.
type snapDecoder struct {
	snapbin.Decoder
}

// index reads a non-negative int below limit.
func (d *snapDecoder) index(limit int) int {
	v := d.Uint()
	if d.Err == nil && v >= uint64(limit) {
		d.Fail("index %d out of range %d", v, limit)
		return 0
	}
	return int(v)
}

// number reads a non-negative int that is not an index (a counter).
func (d *snapDecoder) number() int {
	v := d.Uint()
	if v > math.MaxInt {
		d.Fail("counter %d out of range", v)
		return 0
	}
	return int(v)
}

// signed reads an int that may be negative.
func (d *snapDecoder) signed() int { return int(d.Int()) }

func (d *snapDecoder) float() float64 {
	if d.Err != nil {
		return 0
	}
	if len(d.Buf) < 8 {
		d.Fail("truncated float")
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(d.Buf))
	d.Buf = d.Buf[8:]
	return f
}

func (d *snapDecoder) bool() bool {
	if d.Err != nil {
		return false
	}
	if len(d.Buf) < 1 || d.Buf[0] > 1 {
		d.Fail("bad bool")
		return false
	}
	b := d.Buf[0] == 1
	d.Buf = d.Buf[1:]
	return b
}

func (d *snapDecoder) string() string {
	n := d.Count(1)
	if d.Err != nil {
		return ""
	}
	s := string(d.Buf[:n])
	d.Buf = d.Buf[n:]
	return s
}

func (d *snapDecoder) time() time.Time {
	if d.Err != nil {
		return time.Time{}
	}
	if len(d.Buf) < 1 {
		d.Fail("truncated time")
		return time.Time{}
	}
	kind := d.Buf[0]
	d.Buf = d.Buf[1:]
	var loc *time.Location
	switch kind {
	case 0:
		return time.Time{}
	case 1:
		loc = time.UTC
	case 2:
		offset := d.Int()
		if offset < -24*3600 || offset > 24*3600 {
			d.Fail("bad zone offset %d", offset)
			return time.Time{}
		}
		loc = time.FixedZone("", int(offset))
	default:
		d.Fail("bad time kind %d", kind)
		return time.Time{}
	}
	sec := d.Int()
	nsec := d.Uint()
	if d.Err != nil || nsec >= 1e9 {
		d.Fail("bad time")
		return time.Time{}
	}
	return time.Unix(sec, int64(nsec)).In(loc)
}
