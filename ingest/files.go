package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// readPath reads a file, or walks a folder, given as an input.
func (r *reader) readPath(ctx context.Context, path string) error {
	info, err := os.Stat(path) // follows symlinks
	if err != nil {
		r.fail(path, pathReason(err, path))
		return nil
	}
	if info.IsDir() {
		return r.walkDir(ctx, path, []fs.FileInfo{info}, []string{path})
	}
	return r.readFile(ctx, path)
}

// walkDir reads a folder recursively in name order. Hidden entries (names
// starting with ".") are skipped; symlinks are followed, and a link back to
// one of the folders being walked (same device and inode, os.SameFile) is
// reported as a directory loop instead of being walked forever.
func (r *reader) walkDir(ctx context.Context, dir string, ancestors []fs.FileInfo, ancestorPaths []string) error {
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		r.fail(dir, pathReason(err, dir))
		return nil
	}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		info, err := os.Stat(path)
		if err != nil {
			if e.Type()&fs.ModeSymlink != 0 && errors.Is(err, fs.ErrNotExist) {
				r.fail(path, errors.New("broken symlink"))
			} else {
				r.fail(path, pathReason(err, path))
			}
			continue
		}
		switch {
		case info.IsDir():
			if i := indexSameFile(ancestors, info); i >= 0 {
				r.fail(path, fmt.Errorf("directory loop: links back to %s", ancestorPaths[i]))
				continue
			}
			if err := r.walkDir(ctx, path, append(ancestors[:len(ancestors):len(ancestors)], info),
				append(ancestorPaths[:len(ancestorPaths):len(ancestorPaths)], path)); err != nil {
				return err
			}
		case info.Mode().IsRegular():
			if err := r.readFile(ctx, path); err != nil {
				return err
			}
		default:
			r.fail(path, fmt.Errorf("not a regular file (%s)", info.Mode().Type()))
		}
	}
	return nil
}

// indexSameFile returns the index of the folder in dirs that is info's
// folder, or -1.
func indexSameFile(dirs []fs.FileInfo, info fs.FileInfo) int {
	for i, d := range dirs {
		if os.SameFile(d, info) {
			return i
		}
	}
	return -1
}

// readFile opens and reads one file.
func (r *reader) readFile(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		r.fail(path, pathReason(err, path))
		return nil
	}
	defer f.Close()
	return r.readStream(ctx, inputMeta{source: path}, f)
}

// pathReason strips the path from an *fs.PathError (the Failure already
// names it) and keeps the operation and cause: "open: permission denied".
func pathReason(err error, path string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == path {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
