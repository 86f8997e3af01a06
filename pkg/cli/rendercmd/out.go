package rendercmd

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"fmt"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/store"
)

// recordAreas are the parts of a repository that hold its records and
// state: --out never writes into them, with or without --force. (.git is
// there too: a rendered file has no business in it.)
var recordAreas = []string{store.CasesDir, store.WorkersDir, store.ResourcesDir, store.StateDir, ".git"}

// areaList names recordAreas in messages.
var areaList = strings.Join(recordAreas[:len(recordAreas)-1], "/, ") + "/ and " + recordAreas[len(recordAreas)-1] + "/"

// outGuard decides whether a rendered file may be written at a path: never
// into the repository's records or over its configuration, never over a
// directory, a symbolic link or anything else that is not a regular file,
// and over an existing regular file only with --force.
type outGuard struct {
	root  string // the repository root, symbolic links resolved
	force bool
	rel   func(string) string // how a path is shown in messages
}

func newOutGuard(root string, force bool, rel func(string) string) outGuard {
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	return outGuard{root: root, force: force, rel: rel}
}

// errExists is what check returns for an existing regular file without
// --force, so that --all can name every such file in one message.
var errExists = errors.New("already exists")

// place refuses a path inside the repository's records or its
// configuration, wherever its symbolic links lead.
func (g outGuard) place(path string) error {
	rel, err := filepath.Rel(g.root, resolve(path))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil // outside the repository
	}
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	for _, area := range recordAreas {
		if strings.EqualFold(first, area) {
			return fmt.Errorf("--out %s is inside the repository's %s/: casework never writes rendered files among its records; choose a path outside %s", g.rel(path), area, areaList)
		}
	}
	if strings.EqualFold(rel, config.FileName) {
		return fmt.Errorf("--out %s is the repository's configuration: choose another file", g.rel(path))
	}
	return nil
}

// check refuses a path a rendered file must not replace (see outGuard).
// An existing regular file without --force is errExists.
func (g outGuard) check(path string) error {
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
		return fmt.Errorf("--out %s is a directory: remove it or choose another file", g.rel(path))
	case !info.Mode().IsRegular():
		return fmt.Errorf("--out %s is not a regular file (%s): leave out --out to print to stdout, or choose a file", g.rel(path), store.KindOf(info.Mode()))
	case !g.force:
		return errExists
	}
	return nil
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
