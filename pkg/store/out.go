package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/casework/casework/pkg/config"
)

// The --out rule (SPEC section 8), for every command that writes files
// outside the repository's records (render, refer, export fhir --all): it
// lives here, and only here.

// outAreas are the parts of a repository that hold its records and
// state: --out never writes into them, with or without --force. (.git is
// there too: a written file has no business in it.)
var outAreas = []string{CasesDir, WorkersDir, ResourcesDir, StateDir, ".git"}

// outAreaList names outAreas in messages.
var outAreaList = strings.Join(outAreas[:len(outAreas)-1], "/, ") + "/ and " + outAreas[len(outAreas)-1] + "/"

// OutGuard decides whether a command may write a file at a path given by
// --out: never into the repository's records or over its configuration,
// never over a directory, a symbolic link or anything else that is not a
// regular file, never through a linked directory, and over an existing
// regular file only with --force. Its errors are one line each, naming
// the path as Rel shows it and how to fix it.
type OutGuard struct {
	root  string // the repository root, symbolic links resolved
	force bool
	rel   func(string) string // how a path is shown in messages
}

// NewOutGuard returns the guard for the repository at root; force is
// --force, rel shows a path in messages (relative to the working
// directory).
func NewOutGuard(root string, force bool, rel func(string) string) OutGuard {
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	return OutGuard{root: root, force: force, rel: rel}
}

// errOutExists is what check returns for an existing regular file without
// --force, so that a directory's files can be named in one message.
var errOutExists = errors.New("already exists")

// place refuses a path inside the repository's records or its
// configuration, wherever its symbolic links lead.
func (g OutGuard) place(path string) error {
	rel, err := filepath.Rel(g.root, resolve(path))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil // outside the repository
	}
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	for _, area := range outAreas {
		if strings.EqualFold(first, area) {
			return fmt.Errorf("--out %s is inside the repository's %s/: casework never writes rendered files among its records; choose a path outside %s", g.rel(path), area, outAreaList)
		}
	}
	if strings.EqualFold(rel, config.FileName) {
		return fmt.Errorf("--out %s is the repository's configuration: choose another file", g.rel(path))
	}
	return nil
}

// check refuses a path a written file must not replace (see OutGuard).
// An existing regular file without --force is errOutExists.
func (g OutGuard) check(path string) error {
	if err := g.place(path); err != nil {
		return err
	}
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("--out %s cannot be used: %v; choose another path", g.rel(path), errors.Unwrap(err))
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("--out %s is a symbolic link: casework does not write through links; give the real path or another file", g.rel(path))
	case info.IsDir():
		return fmt.Errorf("--out %s is a directory, which --out never replaces: give the name of a file (inside it, or elsewhere)", g.rel(path))
	case !info.Mode().IsRegular():
		return fmt.Errorf("--out %s is not a regular file (%s): leave out --out to print to stdout, or choose a file", g.rel(path), KindOf(info.Mode()))
	case !g.force:
		return errOutExists
	}
	return nil
}

// File checks --out FILE, the absolute path one file is written to. A
// directory is refused, as --out never replaces one: only a command's
// --all takes a directory.
func (g OutGuard) File(path string) error {
	if err := g.check(path); errors.Is(err, errOutExists) {
		return fmt.Errorf("--out %s already exists: add --force to replace it, or choose another file", g.rel(path))
	} else if err != nil {
		return err
	}
	return nil
}

// Dir checks --out DIR, the absolute path of a directory that files (base
// names) are written into, and returns their paths: the directory must
// not be among the records, a symbolic link or anything but a directory
// (it may not exist yet), and each file is checked as File checks one;
// every existing file is named in one message.
func (g OutGuard) Dir(dir string, files []string) ([]string, error) {
	if err := g.place(dir); err != nil {
		return nil, err
	}
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("--out %s cannot be used: %v; choose another directory", g.rel(dir), errors.Unwrap(err))
	case info.Mode()&fs.ModeSymlink != 0:
		return nil, fmt.Errorf("--out %s is a symbolic link: casework does not write through links; give the real directory", g.rel(dir))
	case !info.IsDir():
		return nil, fmt.Errorf("--out %s is not a directory; --all writes one file per case into a directory", g.rel(dir))
	}
	paths := make([]string, len(files))
	var existing []string
	for i, name := range files {
		paths[i] = filepath.Join(dir, name)
		if err := g.check(paths[i]); errors.Is(err, errOutExists) {
			existing = append(existing, g.rel(paths[i]))
		} else if err != nil {
			return nil, err
		}
	}
	switch {
	case len(existing) == 1:
		return nil, fmt.Errorf("--out %s already exists: add --force to replace it, or choose another file", existing[0])
	case len(existing) > 1:
		more := "files"
		if len(existing) == 2 {
			more = "file"
		}
		return nil, fmt.Errorf("--out %s: %s and %d more %s already exist: add --force to replace them, or choose another directory", g.rel(dir), existing[0], len(existing)-1, more)
	}
	return paths, nil
}

// resolve returns path with the symbolic links of its longest existing
// prefix resolved: where a file created at path would really be.
func resolve(path string) string {
	dir, rest := filepath.Clean(path), ""
	for {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return path
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
}
