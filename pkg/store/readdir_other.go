//go:build !unix

package store

import (
	"io/fs"
	"os"
)

// readDir lists the directory f, opened through the confined view.
func readDir(f *os.File) ([]fs.DirEntry, error) {
	return f.ReadDir(-1)
}
