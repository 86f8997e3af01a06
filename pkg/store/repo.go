package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// Repo is a case repository on disk. Every file access goes through one
// confined view of Root (see fs.go). Make one with Open, or as a literal
// (the root is then opened on first use); do not copy it.
type Repo struct {
	Root string
	// LockTimeout is how long Lock waits for another process; zero means
	// the package's LockTimeout.
	LockTimeout time.Duration
	// BeforeWrite, when set, is told the path (relative to the root, with
	// forward slashes) of every record about to be written or created; an
	// error stops the write. `--commit` uses it to check for git before
	// anything is written, and to commit exactly those files.
	BeforeWrite func(rel string) error

	openOnce   sync.Once
	root       *os.Root
	rootErr    error
	subs       sync.Map // views of top-level directories, by name
	checked    sync.Map // directories listed by checkDir, free of links
	cleanTemp  sync.Once
	tempBeside bool // temporary files beside the target (not a repository)
}

// Open returns the repository at root, its root opened as a confined view.
func Open(root string) (*Repo, error) {
	r := &Repo{Root: root}
	if _, err := r.fsys(); err != nil {
		return nil, err
	}
	return r, nil
}

// beforeWrite reports a record about to be written to BeforeWrite.
func (r *Repo) beforeWrite(rel string) error {
	if r.BeforeWrite == nil {
		return nil
	}
	return r.BeforeWrite(rel)
}

// Write replaces the repository file at rel atomically, first telling
// BeforeWrite, for commands that write whole files (fmt) rather than
// records through Save.
func (r *Repo) Write(rel string, data []byte) error {
	if err := r.beforeWrite(rel); err != nil {
		return err
	}
	if err := r.replace(rel, data, true); err != nil {
		return cannotWrite(rel, err)
	}
	return nil
}

// cannotWrite says a write failed; a refused symbolic link is said as is.
func cannotWrite(rel string, err error) error {
	var se *SymlinkError
	if errors.As(err, &se) {
		return err
	}
	return fmt.Errorf("cannot write %s: %w", rel, unwrapPath(err))
}

// Abs turns a path relative to the root into an absolute one, for messages
// and for git; files are never opened by it.
func (r *Repo) Abs(rel string) string { return filepath.Join(r.Root, filepath.FromSlash(rel)) }

// Record is one YAML record: where it lives, its document (for in-place
// updates) and its decoded data.
type Record[T any] struct {
	Path string // relative to the root, with forward slashes
	Doc  *casefile.Document
	Data T
}

// ErrNotFound matches (with errors.Is) every error about a record that does
// not exist.
var ErrNotFound = errors.New("not found")

type notFoundError struct{ msg string }

func (e *notFoundError) Error() string        { return e.msg }
func (e *notFoundError) Is(target error) bool { return target == ErrNotFound }

// ReadFile reads a file of the repository, refusing files over
// casefile.MaxFileSize without reading them whole.
func (r *Repo) ReadFile(rel string) ([]byte, error) {
	f, err := r.open(rel)
	if err != nil {
		return nil, cannotRead(rel, err)
	}
	defer f.Close()
	data, err := readAtMost(f, casefile.MaxFileSize+1)
	if err != nil {
		return nil, cannotRead(rel, err)
	}
	return data, nil
}

// readAtMost reads f to its end, or to limit bytes if it is longer. The
// buffer is sized from the file's size, as os.ReadFile does, so a record
// takes one read, not the several of a growing buffer.
func readAtMost(f *os.File, limit int64) ([]byte, error) {
	size := int64(512)
	if fi, err := f.Stat(); err == nil && fi.Size()+1 > size {
		size = fi.Size() + 1 // one byte more, to meet the end in the same read
	}
	data := make([]byte, 0, min(size, limit))
	for int64(len(data)) < limit {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // grow: the file grew since Stat
		}
		n, err := f.Read(data[len(data):min(int64(cap(data)), limit)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return data, nil
}

// cannotRead reports a file that could not be read, by its path in the
// repository (the operating system's message names the absolute path).
func cannotRead(rel string, err error) error {
	var se *SymlinkError
	var ne *NotRegularError
	if errors.As(err, &se) || errors.As(err, &ne) {
		return err
	}
	return fmt.Errorf("%s: cannot read: %w", rel, unwrapPath(err))
}

// Load reads and strictly decodes the record at rel.
func Load[T any](r *Repo, rel string) (*Record[T], error) {
	data, err := r.ReadFile(rel)
	if err != nil {
		return nil, err
	}
	rec, err := Decode[T](rel, data)
	if err != nil {
		return nil, err
	}
	if c, ok := any(&rec.Data).(*casefile.Case); ok {
		if err := checkIdentity(rel, rec.Doc, c); err != nil {
			return nil, err
		}
	}
	return rec, nil
}

// Decode parses and strictly decodes a record's bytes.
func Decode[T any](rel string, data []byte) (*Record[T], error) {
	doc, err := casefile.Parse(rel, data)
	if err != nil {
		return nil, err
	}
	rec := &Record[T]{Path: rel, Doc: doc}
	if errs := doc.Decode(&rec.Data); len(errs) > 0 {
		return nil, errs.WithPath(rel)
	}
	return rec, nil
}

// Save writes the record back in place, keeping comments and formatting.
// Call it with the repository lock held.
func Save[T any](r *Repo, rec *Record[T]) error {
	data, err := rec.Doc.Marshal(&rec.Data)
	if err != nil {
		return fmt.Errorf("%s: %w", rec.Path, err)
	}
	if err := r.beforeWrite(rec.Path); err != nil {
		return err
	}
	if err := r.replace(rec.Path, data, true); err != nil {
		return cannotWrite(rec.Path, err)
	}
	return nil
}

// Create writes a new record at rel, failing if one is already there.
func Create[T any](r *Repo, rel string, v *T) (*Record[T], error) {
	doc, data, err := encodeNew(r, rel, v)
	if err != nil {
		return nil, err
	}
	if err := r.create(rel, data); err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("%s already exists", rel)
		}
		return nil, cannotWrite(rel, err)
	}
	return &Record[T]{Path: rel, Doc: doc, Data: *v}, nil
}

// encodeNew encodes a new record for rel and tells BeforeWrite of it.
func encodeNew[T any](r *Repo, rel string, v *T) (*casefile.Document, []byte, error) {
	doc, err := casefile.NewDocument(v)
	if err != nil {
		return nil, nil, err
	}
	data, err := doc.Marshal(v)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", rel, err)
	}
	return doc, data, r.beforeWrite(rel)
}

// notFound turns a missing file into a clear error.
func notFound(kind, id string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return &notFoundError{fmt.Sprintf("no %s %q in this repository; 'casework %s list' shows them", kind, id, kind)}
	}
	return err
}

// LoadCase loads a case by its exact ID.
func (r *Repo) LoadCase(id string) (*Record[casefile.Case], error) {
	rec, err := Load[casefile.Case](r, CasePath(id))
	if err == nil {
		if err := r.checkCaseDir(id); err != nil {
			return nil, err
		}
	}
	return rec, notFound("case", id, err)
}

// checkCaseDir refuses a case whose directory or notes directory holds a
// symbolic link (see ReadDir): every command that reads or writes one case
// loads it first.
func (r *Repo) checkCaseDir(id string) error {
	if err := r.checkDir(CaseDir(id)); err != nil {
		return err
	}
	return r.checkDir(NotesPath(id))
}

// LoadWorker loads a worker by ID.
func (r *Repo) LoadWorker(id string) (*Record[casefile.Worker], error) {
	if err := ValidateID("worker", id); err != nil {
		return nil, err
	}
	if err := r.checkDir(WorkersDir); err != nil {
		return nil, err
	}
	rec, err := Load[casefile.Worker](r, WorkerPath(id))
	return rec, notFound("worker", id, err)
}

// LoadResource loads a resource by ID.
func (r *Repo) LoadResource(id string) (*Record[casefile.Resource], error) {
	if err := ValidateID("resource", id); err != nil {
		return nil, err
	}
	if err := r.checkDir(ResourcesDir); err != nil {
		return nil, err
	}
	rec, err := Load[casefile.Resource](r, ResourcePath(id))
	return rec, notFound("resource", id, err)
}

// CaseIDs lists the IDs of all cases, sorted: the names of the directories
// under cases/ that are valid IDs. A symbolic link in cases/ is refused
// (ReadDir).
func (r *Repo) CaseIDs() ([]string, error) {
	entries, err := r.ReadDir(CasesDir)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(entries))
	for _, e := range entries {
		if e.IsDir() && ValidateID("case", e.Name()) == nil {
			ids = append(ids, e.Name())
		}
	}
	return ids, nil
}

// TakenID returns the ID of a record in dir (WorkersDir or ResourcesDir)
// that equals id in any letter case, or "" when there is none. Two IDs
// that differ only in letter case would be one file on a case-insensitive
// file system, and validate reports them as duplicates, so no command
// creates the second.
func (r *Repo) TakenID(dir, id string) (string, error) {
	ids, err := r.recordIDs(dir)
	if err != nil {
		return "", err
	}
	for _, existing := range ids {
		if strings.EqualFold(existing, id) {
			return existing, nil
		}
	}
	return "", nil
}

// recordIDs lists the IDs of the YAML records in dir (workers, resources).
// A symbolic link in dir is refused (ReadDir).
func (r *Repo) recordIDs(dir string) ([]string, error) {
	entries, err := r.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range entries {
		kind, id := Classify(dir + "/" + e.Name())
		if kind == NotRecord {
			continue
		}
		if !e.IsDir() {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// WorkerIDs lists the IDs of all workers, sorted.
func (r *Repo) WorkerIDs() ([]string, error) { return r.recordIDs(WorkersDir) }

// ResourceIDs lists the IDs of all resources, sorted.
func (r *Repo) ResourceIDs() ([]string, error) { return r.recordIDs(ResourcesDir) }

// LoadAll loads the records at the given paths in parallel, in the order
// given. Records that fail to load are left out and their errors returned
// together; paths with no file are skipped (validate reports them).
func LoadAll[T any](r *Repo, paths []string) ([]*Record[T], error) {
	recs := make([]*Record[T], len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0)*2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				recs[i], errs[i] = Load[T](r, paths[i])
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	out := recs[:0]
	var all []error
	for i, rec := range recs {
		if errors.Is(errs[i], fs.ErrNotExist) {
			continue // removed since listed, or a directory left without its file
		}
		if errs[i] != nil {
			all = append(all, errs[i])
			continue
		}
		out = append(out, rec)
	}
	return out, errors.Join(all...)
}

// AllCases loads every case.
func (r *Repo) AllCases() ([]*Record[casefile.Case], error) {
	ids, err := r.CaseIDs()
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(ids))
	for i, id := range ids {
		paths[i] = CasePath(id)
	}
	return LoadAll[casefile.Case](r, paths)
}

// AllWorkers loads every worker.
func (r *Repo) AllWorkers() ([]*Record[casefile.Worker], error) {
	ids, err := r.WorkerIDs()
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(ids))
	for i, id := range ids {
		paths[i] = WorkerPath(id)
	}
	return LoadAll[casefile.Worker](r, paths)
}

// AllResources loads every resource.
func (r *Repo) AllResources() ([]*Record[casefile.Resource], error) {
	ids, err := r.ResourceIDs()
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(ids))
	for i, id := range ids {
		paths[i] = ResourcePath(id)
	}
	return LoadAll[casefile.Resource](r, paths)
}

// ResolveCaseID turns a full ID or any unique prefix of one, in any case,
// into the case's ID. An ambiguous prefix lists the candidates.
func (r *Repo) ResolveCaseID(prefix string) (string, error) {
	if prefix == "" {
		return "", errors.New("case ID is empty")
	}
	if strings.ContainsAny(prefix, `/\`) || strings.Contains(prefix, "..") {
		return "", fmt.Errorf("invalid case ID %q: IDs have no '/', '\\' or '..'", prefix)
	}
	// A full ID names its directory: no need to list every case.
	if ValidateID("case", prefix) == nil {
		if info, err := r.Stat(CaseDir(prefix)); err == nil && info.IsDir() {
			return prefix, nil
		}
	}
	ids, err := r.CaseIDs()
	if err != nil {
		return "", err
	}
	return resolvePrefix(prefix, ids)
}

func resolvePrefix(prefix string, ids []string) (string, error) {
	var matches []string
	for _, id := range ids {
		if strings.EqualFold(id, prefix) {
			return id, nil
		}
		if len(id) >= len(prefix) && strings.EqualFold(id[:len(prefix)], prefix) {
			matches = append(matches, id)
		}
	}
	switch len(matches) {
	case 0:
		return "", &notFoundError{fmt.Sprintf("no case matches %q; 'casework case list' shows the cases", prefix)}
	case 1:
		return matches[0], nil
	}
	sort.Strings(matches)
	shown := matches
	if len(shown) > 10 {
		shown = shown[:10]
	}
	more := ""
	if len(matches) > len(shown) {
		more = fmt.Sprintf(" and %d more", len(matches)-len(shown))
	}
	return "", fmt.Errorf("case ID prefix %q is ambiguous: it matches %s%s; give more characters", prefix, strings.Join(shown, ", "), more)
}
