package snapbin

import (
	"encoding/binary"
	"errors"
	"testing"
)

var errTest = errors.New("test snapshot")

func TestDecoderReadsWhatWasWritten(t *testing.T) {
	var buf []byte
	buf = binary.AppendUvarint(buf, 300)
	buf = binary.AppendVarint(buf, -7)
	buf = binary.AppendUvarint(buf, 3) // a length of three bytes
	buf = append(buf, "abc"...)
	d := NewDecoder(buf, errTest)
	if u, i, n := d.Uint(), d.Int(), d.Count(1); u != 300 || i != -7 || n != 3 {
		t.Fatalf("read %d %d %d, want 300 -7 3", u, i, n)
	}
	if got := string(d.Take(3)); got != "abc" || d.Err != nil || len(d.Buf) != 0 {
		t.Fatalf("took %q, err %v, %d bytes left", got, d.Err, len(d.Buf))
	}
}

// A length the data cannot hold is an error wrapping the format's
// sentinel, and the error sticks: later reads give zeros.
func TestDecoderRefusesImpossibleLengthsAndSticks(t *testing.T) {
	buf := binary.AppendUvarint(nil, 1<<40)
	buf = binary.AppendUvarint(buf, 5)
	d := NewDecoder(buf, errTest)
	if n := d.Count(8); n != 0 || !errors.Is(d.Err, errTest) {
		t.Fatalf("count %d, err %v: want 0 and an error wrapping the sentinel", n, d.Err)
	}
	first := d.Err
	if v := d.Uint(); v != 0 || d.Err != first {
		t.Fatalf("after an error Uint read %d (err %v), want 0 and the first error", v, d.Err)
	}
	if b := d.Take(4); len(b) != 4 || b[0] != 0 {
		t.Fatalf("Take after an error gave %v, want four zero bytes", b)
	}
}

func TestDecoderBadVarint(t *testing.T) {
	d := NewDecoder([]byte{0x80, 0x80}, errTest) // a varint cut short
	if v := d.Uint(); v != 0 || !errors.Is(d.Err, errTest) {
		t.Fatalf("read %d, err %v: want 0 and an error", v, d.Err)
	}
}
