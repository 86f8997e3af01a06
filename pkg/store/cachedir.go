package store

import (
	"fmt"
	"os"
	"path"
	"strings"
)

// Caches kept as a directory of files (the key index of dupes) go through
// the confined view like every other file: a .casework/ or cache/ linked
// outside the repository is refused, not written through.

// ReplaceCacheDir replaces the directory rel under StateDir with one
// holding files (name to content) atomically: the new directory is made
// whole in TempDir and renamed into place, so a reader sees the old one or
// the new one. Cache files are not synced.
func (r *Repo) ReplaceCacheDir(rel string, files map[string][]byte) error {
	if !strings.HasPrefix(rel, StateDir+"/") {
		return fmt.Errorf("%s is not under %s: only caches are written this way", rel, StateDir)
	}
	if err := r.MkdirAll(path.Dir(rel)); err != nil {
		return err
	}
	rt, err := r.prepareTemp()
	if err != nil {
		return err
	}
	if _, err := r.confined(rel); err != nil {
		return err
	}
	tmp, err := tempName(TempDir)
	if err != nil {
		return err
	}
	if err := rt.Mkdir(tmp, DirMode); err != nil {
		return cannotWrite(rel, err)
	}
	defer rt.RemoveAll(tmp) // nothing left once renamed
	var failed error
	for name, data := range files {
		if strings.Contains(name, "/") || name == "" || name == "." || name == ".." {
			return fmt.Errorf("%q is not a file name", name)
		}
		if err := writeNew(rt, tmp+"/"+name, data, false); err != nil && failed == nil {
			failed = err
		}
	}
	if failed != nil {
		return cannotWrite(rel, failed)
	}
	old, err := tempName(TempDir)
	if err != nil {
		return err
	}
	if err := rt.Rename(rel, old); err != nil && !os.IsNotExist(err) {
		return cannotWrite(rel, err)
	}
	defer rt.RemoveAll(old)
	if err := rt.Rename(tmp, rel); err != nil {
		return cannotWrite(rel, err)
	}
	return nil
}

// AppendCache appends data to the file rel under StateDir, creating it
// when missing.
func (r *Repo) AppendCache(rel string, data []byte) error {
	if !strings.HasPrefix(rel, StateDir+"/") {
		return fmt.Errorf("%s is not under %s: only caches are appended to", rel, StateDir)
	}
	rt, name, info, err := r.at(rel)
	if err != nil {
		return err
	}
	if info != nil && !info.Mode().IsRegular() {
		return &NotRegularError{Path: rel, Mode: info.Mode()}
	}
	f, err := rt.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, FileMode)
	if err != nil {
		return cannotWrite(rel, err)
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return werr
}
