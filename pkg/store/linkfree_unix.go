//go:build unix

package store

import (
	"io/fs"
	"syscall"
)

// stampDir takes a directory's identity from its stat; ok is false where
// the system gives no inode and change time.
func stampDir(info fs.FileInfo) (dirStamp, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return dirStamp{}, false
	}
	return dirStamp{
		ino:   int64(st.Ino),
		ctime: int64(st.Ctim.Sec)*1e9 + int64(st.Ctim.Nsec),
		mtime: info.ModTime().UnixNano(),
		size:  info.Size(),
	}, true
}
