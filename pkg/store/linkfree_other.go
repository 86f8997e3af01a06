//go:build !unix

package store

import "io/fs"

// StampDir gives no identity where the system has no change time that a
// tool cannot set: the directory is listed on every run.
func StampDir(fs.FileInfo) (DirStamp, bool) { return DirStamp{}, false }
