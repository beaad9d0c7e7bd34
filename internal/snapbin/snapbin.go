// Package snapbin reads the byte-level primitives shared by Storyline's
// state snapshots (the clusterer's and the copy index's): varints and
// length-checked byte runs, with a sticky error. Each snapshot format
// builds its own fields on top; corrupt input gives an error wrapping the
// format's own sentinel, never a huge allocation or a panic.
package snapbin

import (
	"encoding/binary"
	"fmt"
)

// Decoder reads a snapshot body. The first error sticks: later reads
// return zero values and Err reports it, so that decoding code reads
// straight through and checks once per section.
type Decoder struct {
	// Buf is what is left to read; Err the first error.
	Buf []byte
	Err error
	// corrupt is the sentinel every error wraps.
	corrupt error
}

// NewDecoder reads buf; its errors wrap corrupt.
func NewDecoder(buf []byte, corrupt error) Decoder {
	return Decoder{Buf: buf, corrupt: corrupt}
}

// Fail records the first error and stops reading.
func (d *Decoder) Fail(format string, args ...any) {
	if d.Err == nil {
		d.Err = fmt.Errorf("%w: %s", d.corrupt, fmt.Sprintf(format, args...))
	}
	d.Buf = nil
}

// Uint reads an unsigned varint.
func (d *Decoder) Uint() uint64 {
	if d.Err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.Buf)
	if n <= 0 {
		d.Fail("bad varint")
		return 0
	}
	d.Buf = d.Buf[n:]
	return v
}

// Int reads a zig-zag varint.
func (d *Decoder) Int() int64 {
	if d.Err != nil {
		return 0
	}
	v, n := binary.Varint(d.Buf)
	if n <= 0 {
		d.Fail("bad varint")
		return 0
	}
	d.Buf = d.Buf[n:]
	return v
}

// Count reads a length of items each at least minBytes long: a length
// the remaining bytes cannot hold is corruption.
func (d *Decoder) Count(minBytes int) int {
	v := d.Uint()
	if d.Err != nil {
		return 0
	}
	if v > uint64(len(d.Buf))/uint64(max(minBytes, 1)) {
		d.Fail("length %d exceeds the data", v)
		return 0
	}
	return int(v)
}

// Take returns the next k bytes (zeros once the data falls short, so
// that callers may index the result).
func (d *Decoder) Take(k int) []byte {
	if len(d.Buf) < k {
		d.Fail("truncated")
		return make([]byte, k)
	}
	b := d.Buf[:k]
	d.Buf = d.Buf[k:]
	return b
}
