// Package store finds a case repository and reads and writes its records:
// atomically, under a lock, with positioned errors.
package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/casework/casework/pkg/config"
)

// ErrNoRepository is returned when no case repository can be found.
var ErrNoRepository = errors.New("not inside a case repository (no .casework.yaml here or in any parent directory); create one with 'casework init', or point at one with --dir or CASEWORK_DIR")

// FindRoot returns the repository root: dir when given (from --dir or
// CASEWORK_DIR), else the nearest ancestor of cwd that holds .casework.yaml.
func FindRoot(dir, cwd string) (string, error) {
	if dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return "", err
		}
		if _, err := os.Stat(filepath.Join(abs, config.FileName)); err != nil {
			return "", fmt.Errorf("%s is not a case repository (no %s); create one with 'casework init %s'", dir, config.FileName, dir)
		}
		return abs, nil
	}
	d, err := filepath.Abs(cwd)
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(d, config.FileName)); err == nil {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", ErrNoRepository
		}
		d = parent
	}
}
