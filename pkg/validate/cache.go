package validate

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"errors"
	"hash/fnv"
	"io/fs"
	"os"
	"path"
	"slices"
	"strconv"
	"time"

	"github.com/casework/casework/pkg/store"
)

// CachePath is where validate keeps what it found in each case directory,
// relative to the repository's root: like the case index, in git-ignored
// .casework/, owner-only (0600 in 0700). It holds findings (messages carry
// no client data), case IDs and file names, sizes, times and hashes: no
// client values.
const CachePath = store.StateDir + "/cache/validate"

// cacheVersion is the format of the cache file; another is ignored.
const cacheVersion = 1

const cacheMagic = "casework-validate-cache\n"

// clockRules are the rules whose findings depend on the clock: a case
// directory with one of them is checked again on every run (a date in the
// future stops being one). Every other check depends only on the files
// and on what the cache is keyed by.
var clockRules = []string{"future-date"}

// cacheHeader starts the cache file. Deps is the hash of everything a
// case's checks read besides its own directory: the configuration, the
// IDs of the workers and resources, and the casework binary itself. A
// cache made under other Deps is ignored whole.
type cacheHeader struct {
	Version int
	Deps    uint64
	Count   int
}

// fileStamp is one file of a case directory as it was when checked.
type fileStamp struct {
	Rel     string
	Size    int64
	ModTime int64  // nanoseconds
	Hash    uint64 // of the content
}

// cacheEntry is what checking one case directory found.
type cacheEntry struct {
	Dir        string
	Case       fileStamp   // case.yaml; Size -1 when there was none
	NotesMtime int64       // of the notes directory; 0 when there was none
	Notes      []fileStamp // every note, by name
	ReadAt     int64       // when the run that checked it began
	Findings   []Finding
	Claim      *cachedClaim
}

// cachedClaim is an idClaim, exported for gob.
type cachedClaim struct {
	Path, Kind, ID string
	Line, Col      int
}

// checkCache is the cache of one run.
type checkCache struct {
	repo  *store.Repo
	deps  uint64
	start int64
	old   map[string]*cacheEntry
}

// openCache reads the cache for a run with these dependencies; nil when
// the run must not use it (--no-cache, --against).
func (v *validator) openCache(repo *store.Repo) *checkCache {
	if v.NoCache || v.Base != nil {
		return nil
	}
	c := &checkCache{repo: repo, deps: v.deps(), start: time.Now().UnixNano()}
	c.old = readCache(repo, c.deps)
	return c
}

// deps hashes what every case's checks depend on besides the case.
func (v *validator) deps() uint64 {
	h := fnv.New64a()
	cfg, _ := json.Marshal(v.Config)
	h.Write(cfg)
	// Each worker and resource file, by ID, size and time: a case's
	// checks read which exist, and may read what they hold.
	repo := &store.Repo{Root: v.Root}
	for _, paths := range []map[string]string{v.workers, v.resources} {
		for _, id := range slices.Sorted(mapKeys(paths)) {
			s, _ := stampOf(repo, paths[id])
			h.Write([]byte(id + "\n" + strconv.FormatInt(s.Size, 10) + " " + strconv.FormatInt(s.ModTime, 10) + "\n"))
		}
		h.Write([]byte{0})
	}
	// A new casework may check more: its own identity is a dependency.
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			h.Write([]byte(exe + "\n" + strconv.FormatInt(info.Size(), 10) + " " + strconv.FormatInt(info.ModTime().UnixNano(), 10)))
		}
	}
	return h.Sum64()
}

func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// stampOf stats a file; ok is false when it is missing. A stamp only
// decides whether a directory is read again, and reading goes through the
// store's confined view, so it is taken with one lstat (the warm run's
// cost is these calls). What is not a regular file or directory (a
// symbolic link, a pipe) or cannot be stamped has Size unreadable: it
// never matches a stamp, so the directory is checked again, and its entry
// is not cached. (A case directory that is a link is never stamped: the
// layout reports it and leaves it out.)
func stampOf(repo *store.Repo, rel string) (fileStamp, bool) {
	info, err := os.Lstat(repo.Abs(rel))
	if errors.Is(err, fs.ErrNotExist) {
		return fileStamp{Rel: rel, Size: -1}, false
	}
	if err != nil || !(info.Mode().IsRegular() || info.IsDir()) {
		return fileStamp{Rel: rel, Size: unreadable, ModTime: -1}, true
	}
	return fileStamp{Rel: rel, Size: info.Size(), ModTime: info.ModTime().UnixNano()}, true
}

// unreadable is the Size of a stamp of what cannot be stamped.
const unreadable = -2

func hashBytes(data []byte) uint64 {
	h := fnv.New64a()
	h.Write(data)
	return h.Sum64()
}

// settled reports whether a file's stamp, as cached, can still be trusted
// for now: same size and time, and written long enough before the run
// that checked it (racily clean files are read again, as the case index
// does).
func (e *cacheEntry) settled(now, then fileStamp) bool {
	return now.Size == then.Size && now.ModTime == then.ModTime && then.ModTime < e.ReadAt-int64(2*time.Second)
}

// hit returns the cached entry of a case directory when nothing it was
// made from changed; nil otherwise. A case file whose time changed but
// whose content did not (a checkout, a touch) still hits: its content is
// read and hashed, not parsed.
func (c *checkCache) hit(dir string) *cacheEntry {
	if c == nil {
		return nil
	}
	e := c.old[dir]
	if e == nil {
		return nil
	}
	now, _ := stampOf(c.repo, store.CasePath(dir))
	if !e.settled(now, e.Case) {
		if now.Size != e.Case.Size || now.Size < 0 {
			return nil
		}
		data, err := c.repo.ReadFile(store.CasePath(dir))
		if err != nil || hashBytes(data) != e.Case.Hash {
			return nil
		}
	}
	notes, ok := stampOf(c.repo, store.NotesPath(dir))
	if !ok {
		notes.ModTime = 0
	}
	if notes.ModTime != e.NotesMtime || (e.NotesMtime != 0 && e.NotesMtime >= e.ReadAt-int64(2*time.Second)) {
		return nil // notes added or removed, or too recently to tell
	}
	for _, n := range e.Notes {
		if now, _ := stampOf(c.repo, n.Rel); !e.settled(now, n) {
			return nil
		}
	}
	return e
}

// stamps records the state of a case directory before it is checked, so
// that a change made while it is read makes the next run check it again.
func (c *checkCache) stamps(dir string) *cacheEntry {
	if c == nil {
		return nil
	}
	e := &cacheEntry{Dir: dir, ReadAt: c.start}
	e.Case, _ = stampOf(c.repo, store.CasePath(dir))
	if notes, ok := stampOf(c.repo, store.NotesPath(dir)); ok {
		e.NotesMtime = notes.ModTime
	}
	return e
}

// finish completes an entry after its directory was checked; nil when its
// findings depend on the clock.
func (e *cacheEntry) finish(repo *store.Repo, notes []string, findings []Finding, claim *idClaim) *cacheEntry {
	if e == nil {
		return nil
	}
	for _, f := range findings {
		if slices.Contains(clockRules, f.Rule) {
			return nil
		}
	}
	if e.Case.Size == unreadable || e.NotesMtime == -1 {
		return nil
	}
	if e.Case.Size >= 0 {
		data, err := repo.ReadFile(e.Case.Rel)
		if err != nil {
			return nil
		}
		e.Case.Hash = hashBytes(data)
	}
	for _, rel := range notes {
		s, ok := stampOf(repo, rel)
		if !ok || s.Size == unreadable {
			return nil
		}
		e.Notes = append(e.Notes, s)
	}
	e.Findings = findings
	if claim != nil {
		e.Claim = &cachedClaim{claim.path, claim.kind, claim.id, claim.line, claim.col}
	}
	return e
}

func (cc *cachedClaim) claim() *idClaim {
	if cc == nil {
		return nil
	}
	return &idClaim{path: cc.Path, kind: cc.Kind, id: cc.ID, line: cc.Line, col: cc.Col}
}

// save writes the entries when they differ from what was read. Failing to
// write is not an error: the cache only saves time.
func (c *checkCache) save(entries []*cacheEntry, changed bool) {
	if c == nil || !changed && len(c.old) == countNonNil(entries) {
		return
	}
	kept := make([]cacheEntry, 0, len(entries))
	for _, e := range entries {
		if e != nil {
			kept = append(kept, *e)
		}
	}
	var buf bytes.Buffer
	buf.WriteString(cacheMagic)
	enc := gob.NewEncoder(&buf)
	if enc.Encode(cacheHeader{Version: cacheVersion, Deps: c.deps, Count: len(kept)}) != nil || enc.Encode(kept) != nil {
		return
	}
	if c.repo.MkdirAll(path.Dir(CachePath)) != nil {
		return
	}
	c.repo.WriteCache(CachePath, buf.Bytes())
}

func countNonNil(entries []*cacheEntry) int {
	n := 0
	for _, e := range entries {
		if e != nil {
			n++
		}
	}
	return n
}

// readCache loads the cache made under deps; anything else gives none.
func readCache(repo *store.Repo, deps uint64) map[string]*cacheEntry {
	data, err := repo.ReadCache(CachePath)
	if err != nil || !bytes.HasPrefix(data, []byte(cacheMagic)) {
		return nil
	}
	dec := gob.NewDecoder(bytes.NewReader(data[len(cacheMagic):]))
	var h cacheHeader
	if dec.Decode(&h) != nil || h.Version != cacheVersion || h.Deps != deps {
		return nil
	}
	var entries []cacheEntry
	if dec.Decode(&entries) != nil || len(entries) != h.Count {
		return nil
	}
	m := make(map[string]*cacheEntry, len(entries))
	for i := range entries {
		m[entries[i].Dir] = &entries[i]
	}
	return m
}
