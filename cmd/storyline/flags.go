package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("storyline "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseArgs parses flags that may stand before, between or after the
// positional arguments ("eval extract DIR --json"), and returns the
// positional ones. "--" ends the flags; a lone "-" is positional (stdin).
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
		// A run of positionals is taken whole before parsing again.
		for len(args) > 0 && (!strings.HasPrefix(args[0], "-") || args[0] == "-") {
			positional = append(positional, args[0])
			args = args[1:]
		}
	}
}

// oneArg parses the flags of a command that takes exactly one positional
// argument (an id) and returns it; on a usage error it has told stderr.
func oneArg(fs *flag.FlagSet, args []string, usage string, stderr io.Writer) (string, bool) {
	pos, err := parseArgs(fs, args)
	if err != nil {
		return "", false
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: "+usage)
		return "", false
	}
	return pos[0], true
}
