package dedup

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"reflect"
	"strings"
	"testing"
)

// indexScratch names the Index fields that are per-query scratch, which a
// snapshot leaves out. Every other field must come back equal: a field
// added later and not written by the snapshot fails TestIndexSnapshot.
var indexScratch = map[string]bool{
	"one": true, "ring": true, "seen": true, "query": true, "cands": true, "bandHits": true,
	"sentHeads": true, "sentHits": true, "sentDocs": true, "sentCounts": true,
	"candViews": true, "candBuf": true, "seenSet": true,
}

// TestIndexSnapshot indexes texts with copies among them, restores the
// index from its snapshot, checks it field by field, and then adds the
// same further texts to both: every copy pair found must be the same.
func TestIndexSnapshot(t *testing.T) {
	ids, texts := batchCorpus(t)
	cut := len(ids) * 3 / 5
	a := NewIndex()
	a.AddBatch(ids[:cut], texts[:cut])
	data := a.AppendSnapshot(nil)
	b, err := DecodeSnapshot(data)
	if err != nil {
		t.Fatal(err)
	}
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for i := 0; i < va.NumField(); i++ {
		name := va.Type().Field(i).Name
		if indexScratch[name] {
			continue
		}
		fa := reflect.NewAt(va.Field(i).Type(), va.Field(i).Addr().UnsafePointer()).Elem().Interface()
		fb := reflect.NewAt(vb.Field(i).Type(), vb.Field(i).Addr().UnsafePointer()).Elem().Interface()
		if !reflect.DeepEqual(fa, fb) {
			t.Errorf("field %s differs after the round trip", name)
		}
	}
	if len(b.seen) != len(a.seen) {
		t.Errorf("seen: %d stamps for %d texts", len(b.seen), len(a.seen))
	}
	if again := b.AppendSnapshot(nil); !bytes.Equal(again, data) {
		t.Error("the restored index's snapshot differs")
	}
	pa := a.AddBatch(ids[cut:], texts[cut:])
	pb := b.AddBatch(ids[cut:], texts[cut:])
	found := 0
	for i := range pa {
		if !reflect.DeepEqual(pa[i], pb[i]) {
			t.Fatalf("text %s: pairs differ:\n%+v\n%+v", ids[cut+i], pa[i], pb[i])
		}
		found += len(pa[i])
	}
	if found == 0 {
		t.Fatal("no copies among the later texts: the comparison saw nothing")
	}
}

// TestIndexSnapshotCorruptIsAnError truncates and alters a snapshot: an
// error each time, and with the checksum recomputed the decoder's own
// checks (not the recover safety net) must catch what breaks references.
func TestIndexSnapshotCorruptIsAnError(t *testing.T) {
	ids, texts := batchCorpus(t)
	ix := NewIndex()
	ix.AddBatch(ids[:60], texts[:60])
	data := ix.AppendSnapshot(nil)
	for n := 0; n < len(data); n += 1 + n/20 {
		if _, err := DecodeSnapshot(data[:n]); err == nil {
			t.Fatalf("truncated at %d: no error", n)
		}
	}
	bumped := bytes.Clone(data)
	bumped[len(snapshotMagic)] = SnapshotVersion + 1
	if _, err := DecodeSnapshot(bumped); !errors.Is(err, ErrSnapshot) || !strings.Contains(err.Error(), "version") {
		t.Fatalf("other version: %v", err)
	}
	// About 300 places, denser near the start where the lengths are.
	for i := len(snapshotMagic) + 1; i < len(data)-4; i += 1 + i/50 {
		for _, flip := range []byte{0x01, 0x80, 0xff} {
			bad := bytes.Clone(data)
			bad[i] ^= flip
			if _, err := DecodeSnapshot(bad); err == nil {
				t.Fatalf("byte %d altered: no error", i)
			}
			body := bad[:len(bad)-4]
			resum := binary.LittleEndian.AppendUint32(bytes.Clone(body), crc32.ChecksumIEEE(body))
			if _, err := DecodeSnapshot(resum); err != nil && strings.Contains(err.Error(), "runtime error") {
				t.Fatalf("byte %d altered, checksum fixed: the decoder panicked: %v", i, err)
			}
		}
	}
}
