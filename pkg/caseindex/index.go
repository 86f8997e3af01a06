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
// is at least store.RacyWindow before the moment the reading of it began; files
// changed more recently are read again on every run until they settle.
package caseindex

import (
	"bufio"
	"bytes"
	"encoding/gob"
	"errors"
	"io"
	"io/fs"
	"os"
	"slices"
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
const version = 9 // 9: the files' stamps first, then the summaries (read as a stream); 8: referral steps; 7: household members and the member an assessment is of (dupes, level of attention); 6: both of 5 (pending approvals) and 4 (date of birth, referral, plan figures, closure reason)

// magic starts the index file.
const magic = "casework-case-index\n"

// fileStamp is one case file as it was when read.
type fileStamp struct {
	Name    string // the case's directory name
	Size    int64
	ModTime int64 // nanoseconds
	ReadAt  int64 // when the run that read the file began, nanoseconds
}

// header starts the index on disk. Then come the Count stamps of the case
// files in one gob list, in the order of the case IDs, then their Count
// summaries in the same order, gob-encoded in lists of at most chunk.
// The stamps alone say which entries can be trusted; the summaries are
// then read as a stream, a list at a time, and handed on: they are never
// all held (at 100,000 cases they take about 200 MB decoded).
type header struct {
	Version int
	Count   int
}

const chunk = 4096

// trusted reports whether s still describes a file with this size and
// modification time.
func (s *fileStamp) trusted(size, mtime int64) bool {
	return s.Size == size && s.ModTime == mtime && store.Settled(mtime, s.ReadAt)
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
	cases := []*casefile.Case{}
	err := Each(repo, func(n int, c *casefile.Case) {
		cases = append(slices.Grow(cases, n-len(cases)), c)
	})
	return cases, err
}

// Each is Cases one case at a time: it calls fn with each partial case in
// ID order (and about how many cases fn will see), then returns the
// errors of the files that failed to load. The index is read as a stream,
// so a caller that keeps only what it computes from each case (a caseload
// report, a tally) holds neither all the cases nor all the index.
func Each(repo *store.Repo, fn func(n int, c *casefile.Case)) error {
	return each(repo, func(n int, s *summary) { fn(n, s.Case()) })
}

// Rows returns every case as its row of casetable (as `export csv` prints
// it, not redacted), in ID order, from the index as Cases does. clock
// holds the agency's timescales.
func Rows(repo *store.Repo, clock schedule.Clock) ([][]string, error) {
	rows := [][]string{}
	err := each(repo, func(n int, s *summary) {
		rows = append(slices.Grow(rows, n-len(rows)), casetable.RowOf(s.Case(), s.Figures, clock))
	})
	return rows, err
}

// caseState is what a run found of one case directory.
type caseState struct {
	present bool      // the case file loads (or its entry is trusted)
	stamp   fileStamp // as the new index will have it
	old     int       // its position in the old index; -1 when it has none
	fresh   *summary  // read from the file when the old entry was not trusted
	worth   bool      // its fresh entry is worth writing (see refresh)
	err     error
}

// each calls fn with the summary of every case that loads, in ID order,
// brought up to date: every case file is stat'ed (in parallel) and read
// again unless its old entry is trusted; then the summaries are streamed
// from the old index, or taken from what was read, in order. The index is
// rewritten, as it is streamed, when an entry is worth writing or one it
// holds is gone.
func each(repo *store.Repo, fn func(n int, s *summary)) error {
	start := time.Now().UnixNano()
	names, err := repo.CaseIDs()
	if err != nil {
		return err
	}
	old := openIndex(repo)
	defer old.close()
	states := make([]caseState, len(names))
	// Without an index for most of the cases (a fresh clone, a new
	// format), every file is read and parsed and the index written anew:
	// collect garbage less often (store.LessGarbage). A warm run keeps the
	// collector as it is (caseload's memory is held to 256 MB).
	if old.len() < len(names)/2 {
		defer store.LessGarbage()()
	}
	store.Parallel(len(names), func(i int) {
		states[i] = refresh(repo, names[i], old, start)
	})
	dirty, stillThere, count := false, 0, 0
	var errs []error
	for i := range states {
		st := &states[i]
		if st.err != nil {
			errs = append(errs, st.err)
		}
		if !st.present {
			continue
		}
		count++
		dirty = dirty || st.worth
		if old.has(names[i]) {
			stillThere++
		}
	}
	var w *indexWriter
	if dirty || stillThere != old.len() {
		stamps := make([]fileStamp, 0, count)
		for _, st := range states {
			if st.present {
				stamps = append(stamps, st.stamp)
			}
		}
		w = newIndexWriter(stamps)
	}
	for i := range states {
		st := &states[i]
		if !st.present {
			continue
		}
		s := st.fresh
		if s == nil {
			s = old.summary(st.old)
		}
		if s == nil {
			// The old index ended early, or was out of order: read the
			// file after all.
			rec, err := store.Load[casefile.Case](repo, store.CasePath(names[i]))
			if err != nil {
				if !errors.Is(err, fs.ErrNotExist) {
					errs = append(errs, &FileError{Path: store.CasePath(names[i]), Err: err})
				}
				w = nil // its stamp is already written: give the rewrite up
				continue
			}
			sum := summarize(&rec.Data)
			s = &sum
		}
		fn(count, s)
		w.add(s)
		st.fresh = nil
	}
	if w != nil {
		w.finish(repo)
	} else if old != nil && old.broken {
		old.close()
		os.Remove(repo.Abs(Path)) // rebuilt next time
	}
	return errors.Join(errs...)
}

// refresh finds the state of the case in directory name: its old entry
// when it is still trusted, else a summary made by reading the file. A
// missing file gives nothing and no error (validate reports it). worth
// reports whether the index on disk should be rewritten for it: not for a
// file changed so recently that its new entry would not be trusted either
// (writing the whole index after every 'case new' would cost more than
// reading one file again).
func refresh(repo *store.Repo, name string, old *indexReader, start int64) caseState {
	st := caseState{old: -1}
	rel := store.CasePath(name)
	info, err := repo.Stat(rel)
	if errors.Is(err, fs.ErrNotExist) {
		return st
	}
	if err != nil {
		st.err = &FileError{Path: rel, Err: err}
		return st
	}
	size, mtime := info.Size(), info.ModTime().UnixNano()
	if p, ok := old.position(name); ok && old.stamps[p].trusted(size, mtime) {
		st.present, st.stamp, st.old = true, old.stamps[p], p
		return st
	}
	rec, err := store.Load[casefile.Case](repo, rel)
	if errors.Is(err, fs.ErrNotExist) {
		return st
	}
	if err != nil {
		st.err = &FileError{Path: rel, Err: err}
		return st
	}
	s := summarize(&rec.Data)
	st.present, st.fresh = true, &s
	st.stamp = fileStamp{Name: name, Size: size, ModTime: mtime, ReadAt: start}
	st.worth = st.stamp.trusted(size, mtime)
	return st
}

// indexReader reads an index on disk: its stamps whole, its summaries as
// a stream, in order. A nil reader is an empty index.
type indexReader struct {
	f      fs.File
	dec    *gob.Decoder
	count  int
	stamps []fileStamp
	pos    map[string]int
	list   []summary // the list of summaries decoded last
	base   int       // the position of list[0]
	next   int       // the position of the first summary not decoded
	broken bool      // the summaries ended early or did not decode
}

// openIndex opens the index and reads its stamps; anything wrong with it
// gives nil: an empty index, rebuilt by the caller.
func openIndex(repo *store.Repo) *indexReader {
	f, err := repo.OpenCache(Path)
	if err != nil {
		return nil
	}
	r := &indexReader{f: f}
	if !r.start() {
		f.Close()
		return nil
	}
	return r
}

func (r *indexReader) start() bool {
	info, err := r.f.Stat()
	if err != nil {
		return false
	}
	br := bufio.NewReaderSize(r.f, 1<<16)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return false
	}
	r.dec = gob.NewDecoder(br)
	var h header
	if err := r.dec.Decode(&h); err != nil || h.Version != version || h.Count < 0 || h.Count > int(info.Size()) {
		return false
	}
	if err := r.dec.Decode(&r.stamps); err != nil && h.Count > 0 || len(r.stamps) != h.Count {
		return false
	}
	r.count = h.Count
	r.pos = make(map[string]int, h.Count)
	for i := range r.stamps {
		r.pos[r.stamps[i].Name] = i
	}
	return true
}

func (r *indexReader) close() {
	if r != nil && r.f != nil {
		r.f.Close()
		r.f = nil
	}
}

// position is where the entry of the case in directory name is.
func (r *indexReader) position(name string) (int, bool) {
	if r == nil {
		return 0, false
	}
	p, ok := r.pos[name]
	return p, ok
}

func (r *indexReader) has(name string) bool {
	_, ok := r.position(name)
	return ok
}

func (r *indexReader) len() int {
	if r == nil {
		return 0
	}
	return r.count
}

// summary returns the summary at position p, decoding lists up to it and
// dropping those before; nil when p is before the list last decoded (the
// positions asked for were not in order) or the index ends before p.
func (r *indexReader) summary(p int) *summary {
	if r == nil || p < r.base || r.broken {
		return nil
	}
	for p >= r.next {
		var list []summary
		if err := r.dec.Decode(&list); err != nil || len(list) == 0 || len(list) > r.count-r.next {
			r.broken = true
			return nil
		}
		r.list, r.base, r.next = list, r.next, r.next+len(list)
	}
	return &r.list[p-r.base]
}

// indexWriter writes a new index as it is streamed.
type indexWriter struct {
	buf  bytes.Buffer
	enc  *gob.Encoder
	list []summary
	ok   bool
}

// newIndexWriter starts an index of the cases with these stamps; their
// summaries follow, in the same order, through add.
func newIndexWriter(stamps []fileStamp) *indexWriter {
	w := &indexWriter{ok: true}
	w.buf.WriteString(magic)
	w.enc = gob.NewEncoder(&w.buf)
	if w.enc.Encode(header{Version: version, Count: len(stamps)}) != nil || len(stamps) > 0 && w.enc.Encode(stamps) != nil {
		w.ok = false
	}
	return w
}

// add adds the next summary; a nil writer adds nothing.
func (w *indexWriter) add(s *summary) {
	if w == nil || !w.ok {
		return
	}
	w.list = append(w.list, *s)
	if len(w.list) == chunk {
		w.flush()
	}
}

func (w *indexWriter) flush() {
	if len(w.list) > 0 && w.enc.Encode(w.list) != nil {
		w.ok = false
	}
	w.list = w.list[:0]
}

// finish replaces the index on disk atomically. Failing to write it is not
// an error: the index only saves time.
func (w *indexWriter) finish(repo *store.Repo) {
	w.flush()
	if w.ok {
		repo.WriteCache(Path, w.buf.Bytes())
	}
}
