//go:build !unix

package validate

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// statter takes the stamps of the cache with os.Lstat where there is no
// fstatat; a directory has no change time here, so none is stamped
// (stat.stamped) and a case directory is checked on every run.
type statter struct{ root string }

func newStatter(root string) *statter { return &statter{root: root} }

func (s *statter) close() {}

func (s *statter) lstat(rel string) (stat, error) {
	info, err := os.Lstat(filepath.Join(s.root, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		return stat{}, nil
	}
	if err != nil {
		return stat{}, err
	}
	return stat{exists: true, regular: info.Mode().IsRegular(), dir: info.IsDir(), size: info.Size(), mtime: info.ModTime().UnixNano()}, nil
}
