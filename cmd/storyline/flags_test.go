package main

import (
	"reflect"
	"testing"
)

func TestParseArgsInterspersed(t *testing.T) {
	fs := newFlags("x", nil)
	asJSON := fs.Bool("json", false, "")
	n := fs.Int("n", 0, "")
	pos, err := parseArgs(fs, []string{"a", "--json", "-", "b", "-n", "3", "--", "-c"})
	if err != nil {
		t.Fatal(err)
	}
	if !*asJSON || *n != 3 || !reflect.DeepEqual(pos, []string{"a", "-", "b", "-c"}) {
		t.Fatalf("json=%v n=%d pos=%q", *asJSON, *n, pos)
	}
}
