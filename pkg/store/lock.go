package store

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// StateDir is the repository's local, git-ignored state: the write lock
// and caches. It is never the source of truth.
const StateDir = ".casework"

// LockTimeout is how long a write waits for another casework process to
// finish before giving up.
var LockTimeout = 30 * time.Second

// Lock takes the repository's write lock, waiting for other casework
// processes that hold it. Every read-modify-write of a record happens under
// it, so concurrent commands never lose each other's changes.
func (r *Repo) Lock() (release func(), err error) {
	dir := filepath.Join(r.Root, StateDir)
	if err := os.MkdirAll(dir, DirMode); err != nil {
		return nil, fmt.Errorf("cannot create %s: %w", StateDir, err)
	}
	path := filepath.Join(dir, "lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, FileMode)
	if err != nil {
		return nil, fmt.Errorf("cannot open the repository lock: %w", err)
	}
	deadline := time.Now().Add(LockTimeout)
	for wait := time.Millisecond; ; wait = min(wait*2, 50*time.Millisecond) {
		ok, err := tryLock(f)
		if ok {
			return func() { unlock(f); f.Close() }, nil
		}
		if err != nil || time.Now().After(deadline) {
			f.Close()
			if err == nil {
				err = fmt.Errorf("waited %s", LockTimeout)
			}
			return nil, fmt.Errorf("another casework command is writing to this repository (%s/lock): %w; try again", StateDir, err)
		}
		time.Sleep(wait)
	}
}
