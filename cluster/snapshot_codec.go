package cluster

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"
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

// snapDecoder reads what snapEncoder wrote. The first error sticks: later
// reads return zero values, and err reports it, so that decoding code
// reads straight through and checks once per section. Every length is
// checked against the bytes left, so corrupt data cannot ask for a huge
// allocation.
type snapDecoder struct {
	buf []byte
	err error
}

func (d *snapDecoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", errSnapshotCorrupt, fmt.Sprintf(format, args...))
	}
	d.buf = nil
}

func (d *snapDecoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

func (d *snapDecoder) int() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.buf)
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

// count reads a length of items each at least minBytes long: a length
// the remaining bytes cannot hold is corruption.
func (d *snapDecoder) count(minBytes int) int {
	v := d.uint()
	if d.err != nil {
		return 0
	}
	if v > uint64(len(d.buf))/uint64(max(minBytes, 1)) {
		d.fail("length %d exceeds the data", v)
		return 0
	}
	return int(v)
}

// index reads a non-negative int below limit.
func (d *snapDecoder) index(limit int) int {
	v := d.uint()
	if d.err == nil && v >= uint64(limit) {
		d.fail("index %d out of range %d", v, limit)
		return 0
	}
	return int(v)
}

// number reads a non-negative int that is not an index (a counter).
func (d *snapDecoder) number() int {
	v := d.uint()
	if v > math.MaxInt {
		d.fail("counter %d out of range", v)
		return 0
	}
	return int(v)
}

// signed reads an int that may be negative.
func (d *snapDecoder) signed() int { return int(d.int()) }

func (d *snapDecoder) float() float64 {
	if d.err != nil {
		return 0
	}
	if len(d.buf) < 8 {
		d.fail("truncated float")
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(d.buf))
	d.buf = d.buf[8:]
	return f
}

func (d *snapDecoder) bool() bool {
	if d.err != nil {
		return false
	}
	if len(d.buf) < 1 || d.buf[0] > 1 {
		d.fail("bad bool")
		return false
	}
	b := d.buf[0] == 1
	d.buf = d.buf[1:]
	return b
}

func (d *snapDecoder) string() string {
	n := d.count(1)
	if d.err != nil {
		return ""
	}
	s := string(d.buf[:n])
	d.buf = d.buf[n:]
	return s
}

func (d *snapDecoder) time() time.Time {
	if d.err != nil {
		return time.Time{}
	}
	if len(d.buf) < 1 {
		d.fail("truncated time")
		return time.Time{}
	}
	kind := d.buf[0]
	d.buf = d.buf[1:]
	var loc *time.Location
	switch kind {
	case 0:
		return time.Time{}
	case 1:
		loc = time.UTC
	case 2:
		offset := d.int()
		if offset < -24*3600 || offset > 24*3600 {
			d.fail("bad zone offset %d", offset)
			return time.Time{}
		}
		loc = time.FixedZone("", int(offset))
	default:
		d.fail("bad time kind %d", kind)
		return time.Time{}
	}
	sec := d.int()
	nsec := d.uint()
	if d.err != nil || nsec >= 1e9 {
		d.fail("bad time")
		return time.Time{}
	}
	return time.Unix(sec, int64(nsec)).In(loc)
}
