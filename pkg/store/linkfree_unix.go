//go:build unix

package store

import (
	"io/fs"
	"syscall"
)

// StampDir takes a directory's identity from its stat; ok is false where
// the system gives no inode and change time.
func StampDir(info fs.FileInfo) (DirStamp, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return DirStamp{}, false
	}
	return DirStamp{
		Ino:   int64(st.Ino),
		Ctime: int64(st.Ctim.Sec)*1e9 + int64(st.Ctim.Nsec),
		Mtime: info.ModTime().UnixNano(),
		Size:  info.Size(),
	}, true
}
