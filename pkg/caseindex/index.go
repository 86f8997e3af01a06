// Package caseindex keeps a local summary of every case, like git's index:
// the few fields that `case list`, `caseload` and `due` need, so that they
// do not parse every case file on every run.
//
// The index lives in .casework/cache/cases (git-ignored, mode 0600: it
// holds client names). It is never the source of truth: each entry is
// trusted only while its file has the same size and modification time (in
// nanoseconds) as when it was read, every case file is checked with a
// stat on every run, changed files are read again, and a missing, corrupt
// or older-version index is silently rebuilt. `casework validate` never
// uses it.
//
// Racily clean entries: a file changed again within the same tick of the
// file system's clock, keeping its size, would keep its modification time.
// As git does, an entry is trusted only when the file's modification time
// is at least RacyWindow before the moment the reading of it began; files
// changed more recently are read again on every run until they settle.
package caseindex

import (
	"bytes"
	"encoding/gob"
	"errors"
	"io/fs"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/casetable"
	"github.com/casework/casework/pkg/schedule"
	"github.com/casework/casework/pkg/store"
)

// Path is where the index is kept, relative to the repository's root.
const Path = store.CacheDir + "/cases"

// version is the format of the index file; an index of another version is
// ignored and rebuilt.
const version = 8 // 8: referral steps; 7: household members and the member an assessment is of (dupes, level of attention); 6: both of 5 (pending approvals) and 4 (date of birth, referral, plan figures, closure reason)

// magic starts the index file.
const magic = "casework-case-index\n"

// RacyWindow is how long after a file's modification time its entry stays
// untrusted: longer than the coarsest file-system clock in common use (2 s
// on FAT).
const RacyWindow = 2 * time.Second

// entry is one case file as it was when read.
type entry struct {
	Name    string // the case's directory name
	Size    int64
	ModTime int64 // nanoseconds
	ReadAt  int64 // when the run that read the file began, nanoseconds
	Summary summary
}

// header starts the index on disk; Count entries follow, gob-encoded in
// lists of at most chunk. One list of 100,000 entries would be decoded
// into a slice grown many times over; lists of a known total go into one
// slice made at its size.
type header struct {
	Version int
	Count   int
}

const chunk = 4096

// trusted reports whether e still describes a file with this size and
// modification time.
func (e *entry) trusted(size, mtime int64) bool {
	return e.Size == size && e.ModTime == mtime && mtime < e.ReadAt-int64(RacyWindow)
}

// FileError is a case file that could not be read or does not load: Cases
// and Rows leave it out and return one FileError for it, so that a listing
// can name the file, go on without it, and say the list is incomplete.
type FileError struct {
	Path string // the case file, relative to the repository's root
	Err  error  // why it does not load
}

func (e *FileError) Error() string { return e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// Cases returns every case of the repository as a partial case (see
// summary.Case), in ID order, reading only the case files that changed
// since the index was written. Files that fail to load are left out and
// their errors (each a *FileError) returned together, as store.LoadAll
// does; any other error (the cases folder cannot be listed) comes alone. The index is
// brought up to date on disk when anything changed; when it cannot be
// written (a read-only checkout), the answer is the same, only slower
// next time.
func Cases(repo *store.Repo) ([]*casefile.Case, error) {
	entries, err := current(repo)
	cases := make([]*casefile.Case, len(entries))
	for i, e := range entries {
		cases[i] = e.Summary.Case()
	}
	return cases, err
}

// Rows returns every case as its row of casetable (as `export csv` prints
// it, not redacted), in ID order, from the index as Cases does. clock
// holds the agency's timescales.
func Rows(repo *store.Repo, clock schedule.Clock) ([][]string, error) {
	entries, err := current(repo)
	rows := make([][]string, len(entries))
	for i, e := range entries {
		rows[i] = casetable.RowOf(e.Summary.Case(), e.Summary.Figures, clock)
	}
	return rows, err
}

// current returns the entry of every case that loads, brought up to date,
// and the errors of those that do not; see Cases.
func current(repo *store.Repo) ([]*entry, error) {
	start := time.Now().UnixNano()
	names, err := repo.CaseIDs()
	if err != nil {
		return nil, err
	}
	old := read(repo)
	entries := make([]*entry, len(names))
	errs := make([]error, len(names))
	worth := make([]bool, len(names))
	store.Parallel(len(names), func(i int) {
		entries[i], worth[i], errs[i] = refresh(repo, names[i], old[names[i]], start)
	})
	// Rewrite the index when an entry is worth writing, or when one it
	// holds is gone.
	dirty, stillThere := false, 0
	found := make([]*entry, 0, len(names))
	for i, e := range entries {
		dirty = dirty || worth[i]
		if e == nil {
			continue
		}
		if old[names[i]] != nil {
			stillThere++
		}
		found = append(found, e)
	}
	if dirty || stillThere != len(old) {
		kept := make([]entry, len(found))
		for i, e := range found {
			kept[i] = *e
		}
		write(repo, kept)
	}
	return found, errors.Join(errs...)
}

// refresh returns the entry of the case in directory name: the old one
// when it is still trusted, else one made by reading the file. A missing
// file gives no entry and no error (validate reports it). worth reports
// whether the index on disk should be rewritten for it: not for a file
// changed so recently that its new entry would not be trusted either
// (writing the whole index after every 'case new' would cost more than
// reading one file again).
func refresh(repo *store.Repo, name string, old *entry, start int64) (e *entry, worth bool, err error) {
	rel := store.CasePath(name)
	info, err := repo.Stat(rel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, &FileError{Path: rel, Err: err}
	}
	size, mtime := info.Size(), info.ModTime().UnixNano()
	if old != nil && old.trusted(size, mtime) {
		return old, false, nil
	}
	rec, err := store.Load[casefile.Case](repo, rel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, &FileError{Path: rel, Err: err}
	}
	e = &entry{Name: name, Size: size, ModTime: mtime, ReadAt: start, Summary: summarize(&rec.Data)}
	return e, e.trusted(size, mtime), nil
}

// read loads the index, by directory name; anything wrong with it gives an
// empty index, rebuilt by the caller.
func read(repo *store.Repo) map[string]*entry {
	data, err := repo.ReadCache(Path)
	if err != nil || !bytes.HasPrefix(data, []byte(magic)) {
		return nil
	}
	dec := gob.NewDecoder(bytes.NewReader(data[len(magic):]))
	var h header
	if err := dec.Decode(&h); err != nil || h.Version != version || h.Count < 0 || h.Count > len(data) {
		return nil
	}
	entries := make([]entry, 0, h.Count)
	for len(entries) < h.Count {
		var list []entry
		if err := dec.Decode(&list); err != nil || len(list) == 0 || len(list) > h.Count-len(entries) {
			return nil
		}
		entries = append(entries, list...)
	}
	m := make(map[string]*entry, len(entries))
	for i := range entries {
		m[entries[i].Name] = &entries[i]
	}
	return m
}

// write replaces the index atomically. Failing to write it is not an
// error: the index only saves time.
func write(repo *store.Repo, entries []entry) {
	var buf bytes.Buffer
	buf.WriteString(magic)
	enc := gob.NewEncoder(&buf)
	if err := enc.Encode(header{Version: version, Count: len(entries)}); err != nil {
		return
	}
	for len(entries) > 0 {
		n := min(len(entries), chunk)
		if err := enc.Encode(entries[:n]); err != nil {
			return
		}
		entries = entries[n:]
	}
	repo.WriteCache(Path, buf.Bytes())
}
