package cluster

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// roundTrip snapshots c and restores it under the same options.
func roundTrip(t *testing.T, c *Clusterer) (*Clusterer, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := c.WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	data := bytes.Clone(buf.Bytes())
	r, err := ReadSnapshot(&buf, c.Options())
	if err != nil {
		t.Fatal(err)
	}
	if diff := stateDiff(c, r, 10); len(diff) > 0 {
		t.Fatalf("restored state differs:\n%s", strings.Join(diff, "\n"))
	}
	again, err := r.AppendSnapshot(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, data) {
		t.Fatalf("the restored clusterer's snapshot differs from the original's (%d vs %d bytes)", len(again), len(data))
	}
	return r, data
}

// feedBoth gives the same items to two clusterers, as a pipeline would
// (every joinEvery-th item Joined to the story of the item before, as a
// copy; Finish every finishEvery items and at the end), and fails at the
// first assignment, redirect, moved item, changed story or story that
// differs.
func feedBoth(t *testing.T, a, b *Clusterer, items []Item, finishEvery, joinEvery int) {
	t.Helper()
	finish := func(at int) {
		ra, rb := a.Finish(), b.Finish()
		if !reflect.DeepEqual(ra, rb) {
			t.Fatalf("item %d: Finish redirects differ:\n%v\n%v", at, ra, rb)
		}
		if !reflect.DeepEqual(a.Moved(), b.Moved()) {
			t.Fatalf("item %d: moved items differ:\n%v\n%v", at, a.Moved(), b.Moved())
		}
		if ca, cb := a.Changed(), b.Changed(); !reflect.DeepEqual(ca, cb) {
			t.Fatalf("item %d: changed stories differ (%d vs %d)", at, len(ca), len(cb))
		}
	}
	for i, it := range items {
		if joinEvery > 0 && i > 0 && i%joinEvery == 0 {
			prev, _ := a.Lookup(items[i-1].ID)
			a.Join(it, prev)
			b.Join(it, prev)
			sa, _ := a.Lookup(it.ID)
			sb, _ := b.Lookup(it.ID)
			if sa != sb {
				t.Fatalf("item %d joined %s vs %s", i, sa, sb)
			}
		} else if as, bs := a.Add(it), b.Add(it); !reflect.DeepEqual(as, bs) {
			t.Fatalf("item %d: assignments differ:\n%+v\n%+v", i, as, bs)
		}
		if (i+1)%finishEvery == 0 {
			finish(i)
		}
	}
	finish(len(items))
	if sa, sb := a.Stories(), b.Stories(); !reflect.DeepEqual(sa, sb) {
		t.Fatalf("stories differ (%d vs %d)", len(sa), len(sb))
	}
	if a.Len() != b.Len() {
		t.Fatalf("Len %d vs %d", a.Len(), b.Len())
	}
	if diff := stateDiff(a, b, 10); len(diff) > 0 {
		t.Fatalf("states differ after the same items:\n%s", strings.Join(diff, "\n"))
	}
}

// snapshotAndContinue feeds the first cut items to a clusterer, takes a
// snapshot (once after a Finish, once in the middle of a batch), and
// checks that the restored clusterer then decides the remaining items
// exactly as the original does.
func snapshotAndContinue(t *testing.T, opt Options, items []Item, cut, finishEvery, joinEvery int) {
	for _, midBatch := range []bool{false, true} {
		orig := NewWithOptions(opt)
		head := items[:cut]
		for i, it := range head {
			if joinEvery > 0 && i > 0 && i%joinEvery == 0 {
				prev, _ := orig.Lookup(head[i-1].ID)
				orig.Join(it, prev)
			} else {
				orig.Add(it)
			}
			if (i+1)%finishEvery == 0 && !(midBatch && i+1 == len(head)) {
				orig.Finish()
			}
		}
		if !midBatch {
			orig.Finish()
			orig.Changed() // relations computed, as the pipeline does
		}
		restored, data := roundTrip(t, orig)
		t.Logf("mid-batch %v: %d items, %d stories, snapshot %d bytes", midBatch, cut, orig.Len(), len(data))
		feedBoth(t, orig, restored, items[cut:], finishEvery, joinEvery)
	}
}

// TestSnapshotSeeds checks the round trip on the example articles, which
// are always present: a snapshot after three, the last two fed to both.
func TestSnapshotSeeds(t *testing.T) {
	items := seedItems(t)
	snapshotAndContinue(t, DefaultOptions(), items, 3, 2, 0)
}

// TestSnapshotHeadlines runs the round trip over the dev headlines in
// hashed order: two thirds before the snapshot, the rest after, with
// copies Joined and Finish every 250 items.
func TestSnapshotHeadlines(t *testing.T) {
	items := devItems(t, "headlines-dev.jsonl.gz")
	sha1Order(items)
	snapshotAndContinue(t, DefaultOptions(), items, 2*len(items)/3, 250, 17)
}

// TestSnapshotArchivedFullText runs it over the dev full texts in date
// order with archiving after a few arrivals, so that the snapshot holds
// archived stories (released centroids) and later copies revive some.
func TestSnapshotArchivedFullText(t *testing.T) {
	items := devItems(t, "fulltext-dev.jsonl.gz")
	sort.SliceStable(items, func(i, j int) bool { return items[i].Time.Before(items[j].Time) })
	snapshotAndContinue(t, archiveOptions(), items, 100, 20, 9)
}

// TestSnapshotRestoresEveryField fills every kind of state (stories
// merged, split, archived; relations; a batch in progress) and checks the
// restored clusterer field by field: a field the snapshot forgets fails
// here, whatever its name.
func TestSnapshotRestoresEveryField(t *testing.T) {
	seeds := seedItems(t)
	if len(seeds) != 5 {
		t.Skipf("%d seeds, want 5", len(seeds))
	}
	// 003 (unrelated to the others) first: it is archived while the two
	// related stories stay in the index.
	items := []Item{seeds[3], seeds[0], seeds[1], seeds[2], seeds[4]}
	opt := archiveOptions()
	opt.ArchiveArrivals = 3
	opt.MaxRedecide = 3
	// Archive by arrivals alone: the seeds span weeks, not ArchiveAge.
	opt.ArchiveAge = -1000 * 24 * time.Hour
	c := NewWithOptions(opt)
	for i, it := range items {
		it.Time = time.Date(2018, 12, 1+10*i, 9, 0, 0, 0, time.FixedZone("", 3600*i))
		c.Add(it)
		if i%2 == 1 {
			c.Finish()
			c.Stories()
		}
	}
	c.Finish()
	c.Stories()
	last := items[len(items)-1]
	c.Add(Item{ID: "copy", Title: last.Title, Text: last.Text, Time: time.Date(2019, 2, 1, 0, 0, 0, 0, time.UTC)})
	if c.archived == 0 || len(c.links) == 0 || len(c.batch) == 0 {
		t.Fatalf("state not filled: archived %d, links %d, batch %d", c.archived, len(c.links), len(c.batch))
	}
	roundTrip(t, c)
	// The comparison itself must see a difference in any field.
	r, _ := roundTrip(t, c)
	r.stories[0].splitAt++
	r.lex.terms[len(r.lex.terms)-1].lower++
	r.recent = append(r.recent, time.Time{})
	if diff := stateDiff(c, r, 10); len(diff) != 3 {
		t.Fatalf("the comparison missed changed fields: %v", diff)
	}
}

// TestSnapshotRefusesOtherOptionsAndVersions checks that a snapshot is
// used only under the options it was taken with and in its own format.
func TestSnapshotRefusesOtherOptionsAndVersions(t *testing.T) {
	c := New()
	for _, it := range seedItems(t) {
		c.Add(it)
	}
	c.Finish()
	data, err := c.AppendSnapshot(nil)
	if err != nil {
		t.Fatal(err)
	}
	other := DefaultOptions()
	other.Threshold += 0.01
	if _, err := DecodeSnapshot(data, other); !errors.Is(err, ErrSnapshotOptions) {
		t.Fatalf("other options: got %v", err)
	}
	bumped := bytes.Clone(data)
	bumped[len(snapshotMagic)] = SnapshotVersion + 1
	if _, err := DecodeSnapshot(bumped, DefaultOptions()); !errors.Is(err, ErrSnapshotVersion) {
		t.Fatalf("other version: got %v", err)
	}
}

// TestSnapshotCorruptDataIsAnError truncates and alters a snapshot in
// many places: each read must fail with an error (the checksum catches
// alterations), never panic; with the checksum recomputed, alterations
// reach the decoder, whose checks must catch them without the recover
// safety net.
func TestSnapshotCorruptDataIsAnError(t *testing.T) {
	c := NewWithOptions(archiveOptions())
	for _, it := range seedItems(t) {
		c.Add(it)
	}
	c.Finish()
	c.Stories()
	data, err := c.AppendSnapshot(nil)
	if err != nil {
		t.Fatal(err)
	}
	opt := c.Options()
	for n := 0; n < len(data); n += 1 + n/50 {
		if _, err := DecodeSnapshot(data[:n], opt); err == nil {
			t.Fatalf("truncated at %d: no error", n)
		}
	}
	for i := len(snapshotMagic) + 1 + 32; i < len(data)-4; i += 1 + i/200 {
		for _, flip := range []byte{0x01, 0x80, 0xff} {
			bad := bytes.Clone(data)
			bad[i] ^= flip
			if _, err := DecodeSnapshot(bad, opt); err == nil {
				t.Fatalf("byte %d altered: no error", i)
			}
			body := bad[:len(bad)-4]
			resum := appendCRC(bytes.Clone(body))
			if _, err := DecodeSnapshot(resum, opt); err != nil && strings.Contains(err.Error(), "runtime error") {
				t.Fatalf("byte %d altered, checksum fixed: the decoder panicked: %v", i, err)
			}
		}
	}
}

// appendCRC appends the checksum a snapshot ends with.
func appendCRC(body []byte) []byte {
	return binary.LittleEndian.AppendUint32(body, crc32.ChecksumIEEE(body))
}
