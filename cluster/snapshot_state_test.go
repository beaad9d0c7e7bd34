package cluster

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"time"
	"unsafe"
)

// snapshotScratch names the fields (Type.field) that are scratch space,
// not state: a snapshot leaves them out and a restored clusterer starts
// them empty. Every other field of the clusterer, at any depth, must come
// back from a snapshot equal: a field added later and not written by the
// snapshot fails TestSnapshotRestoresEveryField.
var snapshotScratch = map[string]bool{
	"Clusterer.dense":        true, // the scattered query, zero between calls
	"Clusterer.queryBits":    true, // its filter, zero between calls
	"Clusterer.postingRanks": true, // compactPostings' buffer
	"Clusterer.pre":          true, // rankExcept's buffer
	"Clusterer.warmSink":     true, // warm's loads, never read
	"Clusterer.hits":         true, // cosines' buffer
	"Clusterer.lists":        true, // rankExcept's buffer
	"Clusterer.extract":      true, // extraction buffers; lex and opt are checked apart
	"lexicon.recent":         true, // a cache of byWord, rebuilt as words are read
	"slot.stamp":             true, // lookup stamps: any value below Clusterer.stamp
	"slot.partial":           true,
}

// stateDiff compares two clusterers field by field, recursively, and
// returns the first differences found (at most limit). Nil and empty
// slices and maps are alike; times are alike when they are the same
// instant with the same zone offset (a location's name is not state);
// floats must have the same bits. A field of a kind it does not know is
// reported, so that a new kind of state cannot pass unseen.
func stateDiff(a, b *Clusterer, limit int) []string {
	d := &differ{limit: limit}
	d.walk("c", reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem())
	if a.extract.lex != a.lex || b.extract.lex != b.lex || a.extract.opt != &a.opt || b.extract.opt != &b.opt {
		d.add("c.extract: not wired to the clusterer's lexicon and options")
	}
	return d.out
}

type differ struct {
	out   []string
	limit int
}

func (d *differ) add(format string, args ...any) {
	if len(d.out) < d.limit {
		d.out = append(d.out, fmt.Sprintf(format, args...))
	}
}

var timeType = reflect.TypeOf(time.Time{})

// timeOf reads a time.Time held in a (possibly unexported) field.
func timeOf(v reflect.Value) (time.Time, bool) {
	if !v.CanAddr() {
		return time.Time{}, false
	}
	return *(*time.Time)(unsafe.Pointer(v.UnsafeAddr())), true
}

func (d *differ) walk(path string, a, b reflect.Value) {
	if len(d.out) >= d.limit {
		return
	}
	if a.Type() == timeType {
		ta, oka := timeOf(a)
		tb, okb := timeOf(b)
		_, offA := ta.Zone()
		_, offB := tb.Zone()
		if !oka || !okb {
			d.add("%s: time not addressable", path)
		} else if !ta.Equal(tb) || offA != offB || ta.IsZero() != tb.IsZero() {
			d.add("%s: %v != %v", path, ta, tb)
		}
		return
	}
	switch a.Kind() {
	case reflect.Bool:
		if a.Bool() != b.Bool() {
			d.add("%s: %v != %v", path, a.Bool(), b.Bool())
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if a.Int() != b.Int() {
			d.add("%s: %d != %d", path, a.Int(), b.Int())
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if a.Uint() != b.Uint() {
			d.add("%s: %d != %d", path, a.Uint(), b.Uint())
		}
	case reflect.Float32, reflect.Float64:
		if math.Float64bits(a.Float()) != math.Float64bits(b.Float()) {
			d.add("%s: %v != %v", path, a.Float(), b.Float())
		}
	case reflect.String:
		if a.String() != b.String() {
			d.add("%s: %q != %q", path, a.String(), b.String())
		}
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			name := a.Type().Name() + "." + a.Type().Field(i).Name
			if snapshotScratch[name] {
				continue
			}
			d.walk(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i))
		}
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				d.add("%s: nil %v != nil %v", path, a.IsNil(), b.IsNil())
			}
			return
		}
		d.walk(path, a.Elem(), b.Elem())
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			d.add("%s: length %d != %d", path, a.Len(), b.Len())
			return
		}
		for i := 0; i < a.Len(); i++ {
			d.walk(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i))
		}
	case reflect.Map:
		if a.Len() != b.Len() {
			d.add("%s: %d entries != %d", path, a.Len(), b.Len())
			return
		}
		keys := a.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			vb := b.MapIndex(k)
			if !vb.IsValid() {
				d.add("%s[%v]: missing", path, k)
				continue
			}
			d.walk(fmt.Sprintf("%s[%v]", path, k), a.MapIndex(k), vb)
		}
	default:
		d.add("%s: state of kind %s the comparison does not know", path, a.Kind())
	}
}
