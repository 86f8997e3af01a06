package store

import (
	"fmt"
	"os"
	"time"
)

// LockPath is the repository's write lock, relative to the root.
const LockPath = StateDir + "/lock"

// LockTimeout is how long a write waits for another casework process to
// finish before giving up, in every Repo whose own LockTimeout is zero.
var LockTimeout = 30 * time.Second

// Lock takes the repository's write lock, waiting for other casework
// processes that hold it, up to LockTimeout. Every read-modify-write of a
// record happens under it, so concurrent commands never lose each other's
// changes.
func (r *Repo) Lock() (release func(), err error) {
	timeout := r.LockTimeout
	if timeout <= 0 {
		timeout = LockTimeout
	}
	return r.lock(timeout)
}

// TryLock takes the repository's write lock if no other process holds it,
// without waiting: for work that may be skipped (a cache).
func (r *Repo) TryLock() (release func(), ok bool) {
	release, err := r.lock(0)
	return release, err == nil
}

func (r *Repo) lock(timeout time.Duration) (release func(), err error) {
	if err := r.MkdirAll(StateDir); err != nil {
		return nil, err
	}
	rt, err := r.confined(LockPath)
	if err != nil {
		return nil, err
	}
	f, err := rt.OpenFile(LockPath, os.O_RDWR|os.O_CREATE, FileMode)
	if err != nil {
		return nil, fmt.Errorf("cannot open the repository lock %s: %w", LockPath, unwrapPath(err))
	}
	deadline := time.Now().Add(timeout)
	for wait := time.Millisecond; ; wait = min(wait*2, 50*time.Millisecond) {
		ok, err := tryLock(f)
		if ok {
			return func() { unlock(f); f.Close() }, nil
		}
		if err != nil || time.Now().After(deadline) {
			f.Close()
			if err == nil {
				err = fmt.Errorf("waited %s", timeout)
			}
			return nil, fmt.Errorf("another casework command is writing to this repository (%s): %w; try again", LockPath, err)
		}
		time.Sleep(wait)
	}
}
