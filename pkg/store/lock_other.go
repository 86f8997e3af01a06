//go:build !unix

package store

import "os"

// Without flock, the lock file's exclusive open is the lock.
func tryLock(f *os.File) (bool, error) { return true, nil }

func unlock(f *os.File) error { return nil }
