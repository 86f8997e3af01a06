//go:build !unix

package store

import "io/fs"

// stampDir gives no identity where the system has no change time that a
// tool cannot set: the directory is listed on every run.
func stampDir(fs.FileInfo) (dirStamp, bool) { return dirStamp{}, false }
