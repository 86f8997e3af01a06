//go:build unix

package store

import (
	"io/fs"
	"os"
	"syscall"
)

// readDir lists the directory f, opened through the confined view. Go's
// ReadDir of a directory opened in an os.Root takes an lstat of every
// entry to learn its type (one system call per case at 100,000 cases for
// a listing of cases/), where the type the directory's entries already
// carry (d_type) is enough for every caller: so it lists a duplicate of
// the same descriptor, opened in no Root, which uses the entries' types
// and takes an lstat only where the file system gives none. The
// directory listed is still the one opened through the confined view;
// no entry is opened through it, and no caller asks for an entry's Info.
func readDir(f *os.File) ([]fs.DirEntry, error) {
	sc, err := f.SyscallConn()
	if err != nil {
		return f.ReadDir(-1)
	}
	dup := -1
	var derr error
	if err := sc.Control(func(fd uintptr) { dup, derr = syscall.Dup(int(fd)) }); err != nil || derr != nil {
		return f.ReadDir(-1)
	}
	syscall.CloseOnExec(dup)
	d := os.NewFile(uintptr(dup), f.Name())
	defer d.Close()
	return d.ReadDir(-1)
}
