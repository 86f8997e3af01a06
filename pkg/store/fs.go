package store

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// Every file access of a command goes through the Repo's one confined view
// of the repository root, an os.Root: no path, whatever a file says, can
// leave it. os.Root still follows a symbolic link that stays inside the
// root, so each access also refuses any link on its way (SymlinkError):
// casework reads and writes real files and directories only.

// File modes: records hold clients' personal data and are readable by their
// owner only.
const (
	FileMode os.FileMode = 0o600
	DirMode  os.FileMode = 0o700
)

// TempDir is where files and directories are written before they are
// renamed into place: inside the git-ignored state directory, so that what
// a crash leaves behind is never beside the records nor committed.
const TempDir = StateDir + "/tmp"

// StaleTempAge is how old a temporary file must be before a later write
// removes it as the leftover of a crashed process.
const StaleTempAge = 10 * time.Minute

// SymlinkError is returned for a symbolic link met inside the repository:
// casework never follows one (SPEC section 8).
type SymlinkError struct {
	Path string // relative to the root, with forward slashes
}

func (e *SymlinkError) Error() string {
	return fmt.Sprintf("%s is a symbolic link, which casework never follows inside a repository; replace it with the real file or directory (or remove it), then run 'casework validate'", e.Path)
}

// fsys returns the confined view of the root, opened on first use.
func (r *Repo) fsys() (*os.Root, error) {
	r.openOnce.Do(func() {
		r.root, r.rootErr = os.OpenRoot(r.Root)
		if r.rootErr != nil {
			r.rootErr = fmt.Errorf("cannot open the case repository: %w", unwrapPath(r.rootErr))
		}
	})
	return r.root, r.rootErr
}

// Close releases the repository's root. A Repo is not used after it.
func (r *Repo) Close() error {
	r.subs.Range(func(_, v any) bool { v.(*os.Root).Close(); return true })
	if r.root == nil {
		return nil
	}
	return r.root.Close()
}

// checkRel refuses a path that is not a clean path below the root.
func checkRel(rel string) error {
	if rel == "" || path.IsAbs(rel) || path.Clean(rel) != rel || rel == ".." || strings.HasPrefix(rel, "../") || strings.Contains(rel, `\`) {
		return fmt.Errorf("%q is not a path inside the repository", rel)
	}
	return nil
}

// at returns the view of the root to reach rel through and rel's name in
// it, after checking that no part of rel that exists is a symbolic link
// (SymlinkError), and rel's own description when it exists (else nil). A
// path under a top-level directory is reached through a view of that
// directory, opened once: a case file is then a lookup or two from
// cases/, not a walk from the root each time.
//
// The parts below the top are checked with lstat on their full paths: two
// system calls for a case file, where os.Root would walk each one again.
// The check only decides what is refused; every open, write and rename
// still goes through the os.Root, so a link swapped in after the check
// still cannot lead outside the root.
func (r *Repo) at(rel string) (*os.Root, string, fs.FileInfo, error) {
	rt, err := r.fsys()
	if err != nil {
		return nil, "", nil, err
	}
	if rel == "." {
		return rt, rel, nil, nil
	}
	if err := checkRel(rel); err != nil {
		return nil, "", nil, err
	}
	top, rest, nested := strings.Cut(rel, "/")
	sub, err := r.topDir(rt, top, nested)
	if err != nil || sub == nil || !nested {
		return rt, rel, nil, err
	}
	var info fs.FileInfo
	for end := 0; end < len(rest); {
		if next := strings.IndexByte(rest[end+1:], '/'); next < 0 {
			end = len(rest)
		} else {
			end += 1 + next
		}
		p := top + "/" + rest[:end]
		info, err = os.Lstat(r.Root + "/" + p)
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			return sub, rest, nil, nil
		}
		if err != nil {
			return nil, "", nil, fmt.Errorf("%s: %w", p, unwrapPath(err))
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return nil, "", nil, &SymlinkError{Path: p}
		}
	}
	return sub, rest, info, nil
}

// topDir checks the top-level entry name and, when it is a directory and
// nested paths are wanted, returns a view of it (nil when it does not
// exist yet, or is not wanted).
func (r *Repo) topDir(rt *os.Root, name string, nested bool) (*os.Root, error) {
	if v, ok := r.subs.Load(name); ok {
		return v.(*os.Root), nil
	}
	info, err := rt.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		return nil, &SymlinkError{Path: name}
	}
	if !nested || !info.IsDir() {
		return nil, nil
	}
	sub, err := rt.OpenRoot(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	if v, loaded := r.subs.LoadOrStore(name, sub); loaded {
		sub.Close()
		return v.(*os.Root), nil
	}
	return sub, nil
}

// confined returns the whole root, for operations that span directories
// (renames, links), after checking rel as at does.
func (r *Repo) confined(rel string) (*os.Root, error) {
	if _, _, _, err := r.at(rel); err != nil {
		return nil, err
	}
	return r.fsys()
}

// unwrapPath drops the absolute path an *fs.PathError carries: messages
// name files relative to the root.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// open opens a repository file or directory for reading. Anything else (a
// named pipe, a device, a socket) is refused with NotRegularError: reading
// a named pipe would wait forever for a writer. The open does not wait
// (O_NONBLOCK) and the check is made on the opened file, so a pipe swapped
// in after a check cannot make casework hang either.
func (r *Repo) open(rel string) (*os.File, error) {
	rt, name, _, err := r.at(rel)
	if err != nil {
		return nil, err
	}
	f, err := rt.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		f.Close()
		return nil, &NotRegularError{Path: rel, Mode: info.Mode()}
	}
	return f, nil
}

// NotRegularError is returned for a path inside the repository that is
// neither a regular file nor a directory: a named pipe, a device or a
// socket, which git never checks out and casework never reads.
type NotRegularError struct {
	Path string // relative to the root, with forward slashes
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is %s, not a file or directory; casework reads only regular files: remove it", e.Path, KindOf(e.Mode))
}

// KindOf names, for messages, the type of a file that is neither regular
// nor a directory.
func KindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// Stat describes the file at rel, refusing symbolic links.
func (r *Repo) Stat(rel string) (fs.FileInfo, error) {
	rt, name, info, err := r.at(rel)
	if err != nil || info != nil {
		return info, err
	}
	return rt.Lstat(name)
}

// Exists reports whether a file or directory exists at rel.
func (r *Repo) Exists(rel string) bool {
	_, err := r.Stat(rel)
	return err == nil
}

// ReadDir lists the directory at rel, sorted by name; a missing directory
// is empty. A symbolic link among its entries, whatever its name, is
// refused (SymlinkError): this is the one place every listing of a
// command goes through, so no command reads or writes a directory that
// holds a link (SPEC section 8). validate lists with Entries instead, to
// report the links rather than stop at them.
func (r *Repo) ReadDir(rel string) ([]fs.DirEntry, error) {
	entries, err := r.Entries(rel)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if e.Type()&fs.ModeSymlink != 0 {
			return nil, &SymlinkError{Path: path.Join(rel, e.Name())}
		}
	}
	return entries, nil
}

// checkDir lists the directory at rel once per Repo (ReadDir), refusing
// it when it holds a symbolic link. The loaders call it for the directory
// of what they load: a case's directory and its notes, workers/,
// resources/. workers/ and resources/ are remembered across runs while
// they do not change (checkRemembered).
func (r *Repo) checkDir(rel string) error {
	if _, ok := r.checked.Load(rel); ok {
		return nil
	}
	check := r.list
	if remembered(rel) {
		check = r.checkRemembered
	}
	if err := check(rel); err != nil {
		return err
	}
	r.checked.Store(rel, true)
	return nil
}

// Entries lists the directory at rel like ReadDir, but lists symbolic
// links as such (their Type has fs.ModeSymlink) rather than refusing
// them: for validate, which reports them.
func (r *Repo) Entries(rel string) ([]fs.DirEntry, error) {
	f, err := r.open(rel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, cannotRead(rel, err)
	}
	defer f.Close()
	entries, err := readDir(f)
	if err != nil {
		return nil, cannotRead(rel, err)
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

// StateNotDirectory says that StateDir is not a directory.
const StateNotDirectory = StateDir + " is a file, where casework keeps its lock and caches in a directory, so no command can write; remove it ('git rm " + StateDir + "' if it was committed)"

// MkdirAll creates the directory at rel and its parents.
func (r *Repo) MkdirAll(rel string) error {
	rt, name, _, err := r.at(rel)
	if err != nil {
		return err
	}
	if err := rt.MkdirAll(name, DirMode); err != nil {
		if rel == StateDir || strings.HasPrefix(rel, StateDir+"/") {
			if info, serr := r.Stat(StateDir); serr == nil && !info.IsDir() {
				return errors.New(StateNotDirectory)
			}
		}
		return fmt.Errorf("cannot create %s: %w", rel, unwrapPath(err))
	}
	return nil
}

// MidWriteHook, when not nil, is called with the absolute paths of the
// temporary file (or directory, for a new case) and of its target, when
// the new data is written and has not yet replaced the target: the moment
// a crash must leave the old state whole. Tests set it, to stop a process
// there and kill it; casework itself never does.
var MidWriteHook func(tmp, path string)

func (r *Repo) midWrite(tmp, rel string) {
	if MidWriteHook != nil {
		MidWriteHook(r.Abs(tmp), r.Abs(rel))
	}
}

// tempName returns a new name for a temporary file or directory in dir.
func tempName(dir string) (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return path.Join(dir, tempPrefix+hex.EncodeToString(b[:])), nil
}

// tempDirFor is where a temporary file for rel is written: TempDir in a
// repository, beside rel for a file written elsewhere (--out).
func (r *Repo) tempDirFor(rel string) string {
	if r.tempBeside {
		return path.Dir(rel)
	}
	return TempDir
}

// prepareTemp makes sure TempDir exists and removes what crashed
// processes left in it.
func (r *Repo) prepareTemp() (*os.Root, error) {
	if r.tempBeside {
		return r.fsys()
	}
	if err := r.MkdirAll(TempDir); err != nil {
		return nil, err
	}
	rt, err := r.confined(TempDir)
	if err != nil {
		return nil, err
	}
	r.cleanTemp.Do(func() { removeStaleTemps(rt) })
	return rt, nil
}

// removeStaleTemps deletes what is in TempDir and older than StaleTempAge:
// what a killed process left behind. Younger ones may belong to a write in
// progress and are left alone.
func removeStaleTemps(rt *os.Root) {
	d, err := rt.Open(TempDir)
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	for _, name := range names {
		rel := TempDir + "/" + name
		if info, err := rt.Lstat(rel); err == nil && time.Since(info.ModTime()) > StaleTempAge {
			rt.RemoveAll(rel)
		}
	}
}

// writeTemp writes data to a new temporary file for rel, synced to disk
// when durable, and returns its path.
func (r *Repo) writeTemp(rel string, data []byte, durable bool) (string, error) {
	rt, err := r.prepareTemp()
	if err != nil {
		return "", err
	}
	tmp, err := tempName(r.tempDirFor(rel))
	if err != nil {
		return "", err
	}
	if err := writeNew(rt, tmp, data, durable); err != nil {
		rt.Remove(tmp)
		return "", err
	}
	return tmp, nil
}

// syncDir flushes a directory's entries to disk, after a rename into it.
func (r *Repo) syncDir(rel string) {
	if d, err := r.open(rel); err == nil {
		d.Sync()
		d.Close()
	}
}

// prepareWrite checks rel and makes its directory, returning the root to
// rename or link through and the directory.
func (r *Repo) prepareWrite(rel string) (*os.Root, string, error) {
	rt, err := r.confined(rel)
	if err != nil {
		return nil, "", err
	}
	dir := path.Dir(rel)
	return rt, dir, r.MkdirAll(dir)
}

// replace writes data to rel atomically: a reader or a crash sees either
// the old file or the new one, never a mix. durable syncs it to disk.
func (r *Repo) replace(rel string, data []byte, durable bool) error {
	rt, dir, err := r.prepareWrite(rel)
	if err != nil {
		return err
	}
	if info, err := rt.Lstat(rel); err == nil && !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", rel)
	}
	tmp, err := r.writeTemp(rel, data, durable)
	if err != nil {
		return err
	}
	r.midWrite(tmp, rel)
	if err := rt.Rename(tmp, rel); err != nil {
		rt.Remove(tmp)
		return unwrapPath(err)
	}
	if durable {
		r.syncDir(dir)
	}
	return nil
}

// create writes data to rel atomically, failing with an error matching
// os.ErrExist if rel already exists, even when another process creates it
// at the same moment.
func (r *Repo) create(rel string, data []byte) error {
	rt, dir, err := r.prepareWrite(rel)
	if err != nil {
		return err
	}
	tmp, err := r.writeTemp(rel, data, true)
	if err != nil {
		return err
	}
	defer rt.Remove(tmp)
	r.midWrite(tmp, rel)
	if err := rt.Link(tmp, rel); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w", rel, os.ErrExist)
		}
		return unwrapPath(err)
	}
	r.syncDir(dir)
	return nil
}

// WriteCache replaces a file under StateDir atomically but without
// syncing it to disk: readers never see a mix, and after a power cut the
// file may be old, empty or torn, which a cache detects and rebuilds.
// Records are never written this way.
func (r *Repo) WriteCache(rel string, data []byte) error {
	if !strings.HasPrefix(rel, StateDir+"/") {
		return fmt.Errorf("%s is not under %s: only caches are written without syncing", rel, StateDir)
	}
	return r.replace(rel, data, false)
}

// WriteFile replaces the file at path (anywhere, not in a repository, for
// --out and init) with data atomically, through a confined view of its
// directory, which is made when missing.
func WriteFile(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), DirMode); err != nil {
		return err
	}
	dir := &Repo{Root: filepath.Dir(p), tempBeside: true}
	defer dir.Close()
	return dir.replace(filepath.Base(p), data, true)
}

// CreateFile writes data to path (anywhere, for init) atomically, failing
// with os.ErrExist if path already exists.
func CreateFile(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), DirMode); err != nil {
		return err
	}
	dir := &Repo{Root: filepath.Dir(p), tempBeside: true}
	defer dir.Close()
	return dir.create(filepath.Base(p), data)
}

// writeNew creates the file at rel with data, synced to disk when durable;
// it fails if rel exists.
func writeNew(rt *os.Root, rel string, data []byte, durable bool) error {
	f, err := rt.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, FileMode)
	if err != nil {
		return unwrapPath(err)
	}
	_, werr := f.Write(data)
	var serr error
	if durable {
		serr = f.Sync()
	}
	return errors.Join(werr, serr, f.Close())
}

// ReadCache reads a file of StateDir whole, of any size: caches are
// written by casework, not by hand, and may be larger than a record.
func (r *Repo) ReadCache(rel string) ([]byte, error) {
	f, err := r.open(rel)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAtMost(f, 1<<40)
}

// OpenCache opens a cache under StateDir to be read as a stream, through
// the confined view and without the cap of FS: the case index is 70 MB at
// 100,000 cases, and a cap there made it read as torn, so it was rebuilt
// on every other run.
func (r *Repo) OpenCache(rel string) (*os.File, error) {
	if !strings.HasPrefix(rel, StateDir+"/") {
		return nil, fmt.Errorf("%s is not under %s: only caches are opened this way", rel, StateDir)
	}
	return r.open(rel)
}

// FS returns the repository's directory dir as an fs.FS read through the
// confined view: what a template set or any other reader of a directory
// opens there is refused if it is, or passes through, a symbolic link.
func (r *Repo) FS(dir string) fs.FS { return dirFS{r: r, dir: dir} }

type dirFS struct {
	r   *Repo
	dir string
}

func (d dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	rel := d.dir
	if name != "." {
		rel += "/" + name
	}
	f, err := d.r.open(rel)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return f, nil
	}
	return &cappedFile{f: f, rel: rel, left: casefile.MaxFileSize}, nil
}

// cappedFile is a file of a dirFS read at most casefile.MaxFileSize bytes
// far: a template of gigabytes in a repository fails with a message
// instead of filling memory.
type cappedFile struct {
	f    *os.File
	rel  string
	left int64
}

func (f *cappedFile) Stat() (fs.FileInfo, error) { return f.f.Stat() }
func (f *cappedFile) Close() error               { return f.f.Close() }

func (f *cappedFile) Read(p []byte) (int, error) {
	if f.left < 0 {
		return 0, fmt.Errorf("%s is larger than %d bytes, the most casework reads of a file", f.rel, casefile.MaxFileSize)
	}
	if int64(len(p)) > f.left+1 {
		p = p[:f.left+1]
	}
	n, err := f.f.Read(p)
	if f.left -= int64(n); f.left < 0 {
		return 0, fmt.Errorf("%s is larger than %d bytes, the most casework reads of a file", f.rel, casefile.MaxFileSize)
	}
	return n, err
}

// WriteShared replaces the file at rel (not a record: a schema, an editor
// setting) atomically, readable by everyone, like the rest of a
// repository's tooling. With create it fails with os.ErrExist when the
// file is already there, and leaves it as it is.
func (r *Repo) WriteShared(rel string, data []byte, create bool) error {
	var err error
	if create {
		err = r.create(rel, data)
	} else {
		err = r.replace(rel, data, true)
	}
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return err
		}
		return cannotWrite(rel, err)
	}
	rt, name, _, err := r.at(rel)
	if err != nil {
		return err
	}
	return rt.Chmod(name, 0o644)
}

// Symlinks walks the whole repository once, through its confined view
// (walk: no link is ever followed), and returns the path (relative to the
// root, with forward slashes) of every symbolic link in it, sorted; .git
// is skipped, and so is every case directory cases/NAME for which
// skip(NAME) is true (validate walks those itself with CaseLinks, or
// knows them unchanged since one was). The other case directories are
// walked in parallel. cases, when not nil, is the listing of cases/ the
// caller already made (Entries), which is not listed again: 100,000
// entries in a county. A directory that cannot be listed is left out:
// what reads it reports that. validate reports each link as a finding.
func (r *Repo) Symlinks(cases []fs.DirEntry, skip func(name string) bool) []string {
	var links, walk []string
	visitCase := func(e fs.DirEntry) {
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			links = append(links, CasesDir+"/"+e.Name())
		case e.IsDir() && !skip(e.Name()):
			walk = append(walk, e.Name()) // walked below, in parallel
		}
	}
	r.walk(".", func(p string, e fs.DirEntry) bool {
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			links = append(links, p)
		case p == ".git":
			return false
		case p == CasesDir && cases != nil && e.IsDir():
			for _, c := range cases {
				visitCase(c)
			}
			return false
		case path.Dir(p) == CasesDir:
			visitCase(e)
			return false
		}
		return true
	})
	found := make([][]string, len(walk))
	Parallel(len(walk), func(i int) { found[i], _ = r.CaseLinks(walk[i]) })
	for _, l := range found {
		links = append(links, l...)
	}
	slices.Sort(links)
	return links
}

// CaseLinks walks the case directory cases/name, through the confined
// view, and returns the symbolic links in it, sorted, and whether it is
// plain: no link, and no directory in it but its notes directory, which
// holds none. A plain directory's contents change only if its stamp or
// its notes directory's does (DirStamp), so validate's cache can keep it
// as walked. A directory that cannot be walked whole is not plain.
func (r *Repo) CaseLinks(name string) (links []string, plain bool) {
	dir, notes := CaseDir(name), NotesPath(name)
	plain = true
	whole := r.walk(dir, func(p string, e fs.DirEntry) bool {
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			links = append(links, p)
			plain = false
		case e.IsDir() && p != notes:
			plain = false
		}
		return true
	})
	slices.Sort(links)
	return links, plain && whole
}

// walk visits every entry under the directory at rel, depth first, in
// name order, listing each directory as ReadDir does (the entries' types
// come from the directory; no link is followed, none is refused), and
// descends into a directory when visit returns true for it. It reports
// whether every directory could be listed.
func (r *Repo) walk(rel string, visit func(p string, e fs.DirEntry) bool) bool {
	entries, err := r.Entries(rel)
	whole := err == nil
	for _, e := range entries {
		p := path.Join(rel, e.Name())
		if visit(p, e) && e.IsDir() && e.Type()&fs.ModeSymlink == 0 {
			whole = r.walk(p, visit) && whole
		}
	}
	return whole
}
