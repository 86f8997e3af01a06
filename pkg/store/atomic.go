package store

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// File modes: records hold clients' personal data and are readable by their
// owner only.
const (
	FileMode os.FileMode = 0o600
	DirMode  os.FileMode = 0o700
)

// tempPrefix starts the name of every temporary file, so that a leftover
// one (after a crash) is never mistaken for a record.
const tempPrefix = ".casework-tmp-"

// IsTemp reports whether name is a temporary file left by a write.
func IsTemp(name string) bool { return strings.HasPrefix(filepath.Base(name), tempPrefix) }

// StaleTempAge is how old a temporary file must be before a later write in
// the same directory removes it as the leftover of a crashed process.
const StaleTempAge = 10 * time.Minute

// removeStaleTemps deletes temporary files in dir older than StaleTempAge:
// what a killed process left behind. Younger ones may belong to a write in
// progress and are left alone.
func removeStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !IsTemp(e.Name()) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > StaleTempAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// writeTemp writes data to a new temporary file in dir, synced to disk.
func writeTemp(dir string, data []byte) (string, error) {
	return writeTempSync(dir, data, true)
}

func writeTempSync(dir string, data []byte, durable bool) (string, error) {
	if err := os.MkdirAll(dir, DirMode); err != nil {
		return "", err
	}
	removeStaleTemps(dir)
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	tmp := filepath.Join(dir, tempPrefix+hex.EncodeToString(b[:]))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, FileMode)
	if err != nil {
		return "", err
	}
	_, werr := f.Write(data)
	var serr error
	if durable {
		serr = f.Sync()
	}
	cerr := f.Close()
	for _, err := range []error{werr, serr, cerr} {
		if err != nil {
			os.Remove(tmp)
			return "", err
		}
	}
	return tmp, nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// MidWriteHook, when not nil, is called by WriteFile and CreateFile when
// the new data is in its temporary file and has not yet replaced path: the
// moment a crash must leave the old file whole. Tests set it, to stop a
// process there and kill it; casework itself never does.
var MidWriteHook func(tmp, path string)

// WriteFile replaces path with data atomically: a reader or a crash sees
// either the old file or the new one, never a mix.
func WriteFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := writeTemp(dir, data)
	if err != nil {
		return err
	}
	if MidWriteHook != nil {
		MidWriteHook(tmp, path)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(dir)
	return nil
}

// WriteCache replaces a cache file atomically but without syncing it to
// disk: readers never see a mix, and after a power cut the file may be
// old, empty or torn, which a cache detects and rebuilds. Records are
// never written this way.
func WriteCache(path string, data []byte) error {
	tmp, err := writeTempSync(filepath.Dir(path), data, false)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// CreateFile writes data to path atomically, failing with os.ErrExist if
// path already exists, even when another process creates it at the same
// moment.
func CreateFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := writeTemp(dir, data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if MidWriteHook != nil {
		MidWriteHook(tmp, path)
	}
	if err := os.Link(tmp, path); err != nil {
		if os.IsExist(err) {
			return fmt.Errorf("%s: %w", path, os.ErrExist)
		}
		return err
	}
	syncDir(dir)
	return nil
}
