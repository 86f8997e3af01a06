package validate

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"hash/fnv"
	"io/fs"
	"path"
	"slices"
	"sync/atomic"
	"time"

	"github.com/casework/casework/pkg/exestamp"
	"github.com/casework/casework/pkg/store"
)

// CachePath is where validate keeps what it found in each case directory,
// relative to the repository's root: like the case index, in git-ignored
// .casework/, owner-only (0600 in 0700). It holds findings (messages carry
// no client data), case IDs and file names, sizes, times and hashes: no
// client values.
const CachePath = store.StateDir + "/cache/validate"

// cacheVersion is the format of the cache file; another is ignored.
const cacheVersion = 7

const cacheMagic = "casework-validate-cache\n"

// cacheHeader starts the cache file. Deps is the hash of what every
// case's checks depend on: the casework binary itself (a new casework
// may check more), and whether the run has a clock (without one nothing
// is in the future). A cache made under other Deps is ignored whole.
// What each case's checks read of the configuration, workers and
// resources is its entry's own Deps; when what they read of the clock
// can change, its Horizon.
type cacheHeader struct {
	Version int
	Deps    uint64
	Count   int
	Parts   int // gob streams of at most cacheChunk entries (encodeCache)
}

// fileStamp is one file of a case directory as it was when checked.
type fileStamp struct {
	Name    string // a note's file name; empty for case.yaml
	Size    int64
	ModTime int64  // nanoseconds
	Hash    uint64 // of the content
}

// cacheEntry is what checking one case directory found.
type cacheEntry struct {
	Dir  string
	Case fileStamp // case.yaml; Size -1 when there was none
	// CaseDir and NotesDir are the case directory and its notes
	// directory (zero when there was none), as they were: while both are
	// the same, the directory holds the files it held, and, since only a
	// directory found plain and free of links is cached
	// (store.Repo.CaseLinks), still no link: validate's walk of the
	// repository leaves it out.
	CaseDir, NotesDir store.DirStamp
	Notes             []fileStamp // every note, by name
	ReadAt            int64       // when the run that checked it began
	Findings          []Finding
	Claim             *cachedClaim
	// Deps is what its checks read of the configuration, workers and
	// resources, as it was: the entry is used only while known holds it.
	Deps deps
	// st takes the stamps of the run that made the entry (not kept).
	st *statter
	// Horizon is the earliest moment (Unix nanoseconds) at which an
	// answer its checks read of the clock could change (a date stops
	// being in the future, a consent runs out, a client has a birthday
	// that takes them out of or into a resource's ages): the entry is
	// used only by runs whose Now is before it. 0 when no answer can.
	Horizon int64
}

// cachedClaim is an idClaim, exported for gob.
type cachedClaim struct {
	Path, Kind, ID string
	Line, Col      int
}

// checkCache is the cache of one run.
type checkCache struct {
	repo  *store.Repo
	st    *statter
	known *known
	deps  uint64
	start int64
	now   int64 // the run's Now, to compare with each entry's Horizon
	// old holds the entry of each case directory of the run, by its
	// index in the run's sorted list; nil where there is none.
	old []*cacheEntry
	// usable: the cache was read whole under deps, so this run's entries
	// can be appended to its journal; baseSize and journalSize say when
	// it is time to write it whole instead.
	usable                bool
	baseSize, journalSize int64
}

// openCache reads the cache for a run with these dependencies; nil when
// the run must not use it (--no-cache, --against).
// dirs are the run's case directories, sorted.
func (v *validator) openCache(repo *store.Repo, dirs []string) *checkCache {
	if v.NoCache || v.Base != nil {
		return nil
	}
	deps := wholeDeps()
	if v.Now.IsZero() {
		deps = mix(deps, 1) // no clock: nothing is in the future
	}
	c := &checkCache{repo: repo, st: newStatter(repo.Root), known: v.known, deps: deps, start: time.Now().UnixNano(), now: unixNanos(v.Now)}
	c.read(dirs)
	return c
}

// wholeDeps hashes what every case's checks depend on: a new casework
// may check more, so its own identity is a dependency of the whole cache.
// (A variable, so that a test can be another casework.)
var wholeDeps = func() uint64 {
	return hashBytes([]byte(exestamp.Stamp()))
}

// stampOf stats a file; ok is false when it is missing. A stamp only
// decides whether a directory is read again, and reading goes through the
// store's confined view, so it is taken with one lstat (the warm run's
// cost is these calls). What is not a regular file or directory (a
// symbolic link, a pipe) or cannot be stamped has Size unreadable: it
// never matches a stamp, so the directory is checked again, and its entry
// is not cached. (A case directory that is a link is never stamped: the
// layout reports it and leaves it out.)
func stampOf(st *statter, rel string) (fileStamp, bool) {
	info, err := st.lstat(rel)
	if err == nil && !info.exists {
		return fileStamp{Size: -1}, false
	}
	if err != nil || !(info.regular || info.dir) {
		return fileStamp{Size: unreadable, ModTime: -1}, true
	}
	return fileStamp{Size: info.size, ModTime: info.mtime}, true
}

// stat is what the cache needs of a file or directory, from one lstat
// (statter); stamped: the system gave its inode and change time.
type stat struct {
	exists, regular, dir, stamped bool
	size, mtime, ctime, ino       int64
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
	return now.Size == then.Size && now.ModTime == then.ModTime && store.Settled(then.ModTime, e.ReadAt)
}

// hit returns the cached entry of a case directory when nothing it was
// made from changed and the run's Now is before its horizon; nil
// otherwise. A case file whose time changed but
// whose content did not (a checkout, a touch) still hits: its content is
// read and hashed, not parsed.
func (c *checkCache) hit(i int, dir string) *cacheEntry {
	if c == nil {
		return nil
	}
	e := c.old[i]
	if e == nil || (e.Horizon != 0 && e.Horizon <= c.now) || !c.known.holds(&e.Deps) {
		return nil
	}
	now, _ := stampOf(c.st, store.CasePath(dir))
	if !e.settled(now, e.Case) {
		if now.Size != e.Case.Size || now.Size < 0 {
			return nil
		}
		data, err := c.repo.ReadFile(store.CasePath(dir))
		if err != nil || hashBytes(data) != e.Case.Hash {
			return nil
		}
	}
	if !sameDir(c.st, store.CaseDir(dir), e.CaseDir) || !sameDir(c.st, store.NotesPath(dir), e.NotesDir) {
		return nil // a file, a note or a link added or removed, or too recently to tell
	}
	notesDir := store.NotesPath(dir) + "/"
	for _, n := range e.Notes {
		if now, _ := stampOf(c.st, notesDir+n.Name); !e.settled(now, n) {
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
	e := &cacheEntry{Dir: dir, ReadAt: c.start, st: c.st}
	e.Case, _ = stampOf(c.st, store.CasePath(dir))
	var ok1, ok2 bool
	e.CaseDir, ok1 = dirStampOf(c.st, store.CaseDir(dir))
	e.NotesDir, ok2 = dirStampOf(c.st, store.NotesPath(dir))
	if !ok1 || !ok2 {
		return nil // not to be cached: what it is cannot be told again
	}
	e.CaseDir.ReadAt, e.NotesDir.ReadAt = c.start, c.start
	return e
}

// dirStampOf stamps a directory (store.StampDir); a missing one has the
// zero stamp. ok is false for what cannot be stamped: not a directory, or
// a system without change times.
func dirStampOf(st *statter, rel string) (store.DirStamp, bool) {
	info, err := st.lstat(rel)
	if err == nil && !info.exists {
		return store.DirStamp{}, true
	}
	if err != nil || !info.dir || !info.stamped {
		return store.DirStamp{}, false
	}
	return store.DirStamp{Ino: info.ino, Ctime: info.ctime, Mtime: info.mtime, Size: info.size}, true
}

// sameDir reports whether the directory at rel is as then stamped it, and
// was settled then (both missing counts as the same).
func sameDir(st *statter, rel string, then store.DirStamp) bool {
	now, ok := dirStampOf(st, rel)
	if !ok || !now.Same(then) {
		return false
	}
	return then == (store.DirStamp{}) || dirSettled(then)
}

// dirSettled is DirStamp.Settled: a directory is trusted from the cache
// once its change and modification times are at least store.RacyWindow
// before the run that stamped it. (A variable for tests, which can date a
// directory back but not its change time.)
var dirSettled = store.DirStamp.Settled

// finish completes an entry after its directory was checked, with what
// its checks read of known and the horizon of what they read of the
// clock (zero: none).
func (e *cacheEntry) finish(repo *store.Repo, notes []string, findings []Finding, claim *idClaim, d deps, horizon time.Time) *cacheEntry {
	if e == nil || e.Case.Size == unreadable {
		return nil
	}
	if e.Case.Size >= 0 {
		data, err := repo.ReadFile(store.CasePath(e.Dir))
		if err != nil {
			return nil
		}
		e.Case.Hash = hashBytes(data)
	}
	for _, rel := range notes {
		s, ok := stampOf(e.st, rel)
		if !ok || s.Size == unreadable || rel != store.NotesPath(e.Dir)+"/"+path.Base(rel) {
			return nil
		}
		s.Name = path.Base(rel)
		e.Notes = append(e.Notes, s)
	}
	e.Findings = findings
	e.Deps = d
	e.Horizon = horizonNanos(horizon)
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

// save records what this run checked. When the cache read was made
// under the same dependencies, is whole, and its journal is still small
// against it, only the entries of the directories checked in this run are
// appended to the journal (one write, so a pre-commit run that checked 3
// directories writes 3 entries, not the whole cache); otherwise the cache
// is written again from every entry (compacted) and the journal emptied.
// Failing to write is not an error: the cache only saves time.
func (c *checkCache) save(entries []*cacheEntry, checked []bool) {
	if c == nil {
		return
	}
	var fresh []cacheEntry
	for i, e := range entries {
		if e != nil && checked[i] {
			fresh = append(fresh, *e)
		}
	}
	if c.usable && c.journalSize+int64(len(fresh))*entryGuess <= max(c.baseSize/journalShare, minJournal) {
		if len(fresh) == 0 {
			return
		}
		if batch := encodeBatch(c.deps, fresh); batch != nil {
			c.repo.AppendCache(JournalPath, batch)
		}
		return
	}
	kept := make([]cacheEntry, 0, len(entries))
	for _, e := range entries {
		if e != nil {
			kept = append(kept, *e)
		}
	}
	data := encodeCache(c.deps, kept)
	if data == nil {
		return
	}
	if c.repo.MkdirAll(path.Dir(CachePath)) != nil {
		return
	}
	// The journal is emptied after the cache is replaced: a run between
	// the two reads the new cache and the old journal, whose entries are
	// still true of the states they describe (each entry stands alone).
	if c.repo.WriteCache(CachePath, data) == nil {
		c.repo.WriteCache(JournalPath, nil)
	}
}

// JournalPath is the journal of the cache of findings: batches of entries
// appended by warm runs, each read over the cache's entry of the same
// directory. It is emptied whenever the cache is written whole.
const JournalPath = CachePath + ".journal"

// journalShare: the journal is compacted into the cache once it would
// grow past this share of the cache's size (or past minJournal).
// (Variables, so that a test can make the journal compact soon.)
var (
	journalShare       = int64(8)
	minJournal   int64 = 64 << 10
)

// entryGuess is about the size of an entry in the journal, in bytes, to
// decide before encoding.
const entryGuess = 300

// batchHeader starts each batch of the journal: its payload's length and
// hash, so that a batch torn by a crash, or two runs' appends mixed, ends
// the reading of the journal there (the rest is checked again).
const batchHeader = 16

// journalBatch is the payload of a batch: the entries one run checked,
// under its dependencies.
type journalBatch struct {
	Version int
	Deps    uint64
	Entries []cacheEntry
}

func encodeBatch(deps uint64, entries []cacheEntry) []byte {
	var payload bytes.Buffer
	if gob.NewEncoder(&payload).Encode(journalBatch{Version: cacheVersion, Deps: deps, Entries: entries}) != nil {
		return nil
	}
	out := make([]byte, batchHeader, batchHeader+payload.Len())
	binary.LittleEndian.PutUint64(out, uint64(payload.Len()))
	binary.LittleEndian.PutUint64(out[8:], hashBytes(payload.Bytes()))
	return append(out, payload.Bytes()...)
}

// readJournal returns the entries of the journal's batches made under
// deps, later ones last, and whether it was read whole.
func readJournal(data []byte, deps uint64) (entries []cacheEntry, whole bool) {
	for len(data) > 0 {
		if len(data) < batchHeader {
			return entries, false
		}
		n := binary.LittleEndian.Uint64(data)
		if n > uint64(len(data)-batchHeader) {
			return entries, false
		}
		payload := data[batchHeader : batchHeader+int(n)]
		if hashBytes(payload) != binary.LittleEndian.Uint64(data[8:]) {
			return entries, false
		}
		data = data[batchHeader+int(n):]
		var b journalBatch
		if gob.NewDecoder(bytes.NewReader(payload)).Decode(&b) != nil {
			return entries, false
		}
		if b.Version == cacheVersion && b.Deps == deps {
			entries = append(entries, b.Entries...)
		}
	}
	return entries, true
}

// readCache loads the entries made under deps, lined up with dirs (the
// case directories of this run, sorted, as the cache's entries are): the
// cache's entry of each directory, or the journal's last one. usable
// reports whether the cache was read whole under deps, so that the
// journal can be added to.
func (c *checkCache) read(dirs []string) {
	c.old = make([]*cacheEntry, len(dirs))
	data, err := c.repo.ReadCache(CachePath)
	if err != nil || !bytes.HasPrefix(data, []byte(cacheMagic)) {
		return
	}
	parts, ok := decodeCache(data[len(cacheMagic):], c.deps)
	if !ok {
		return
	}
	c.baseSize = int64(len(data))
	if !slices.IsSorted(dirs) {
		return // never so (the layout sorts them); a cold run then
	}
	// Both lists are sorted: walk them together.
	i := 0
	for _, part := range parts {
		for j := range part {
			for i < len(dirs) && dirs[i] < part[j].Dir {
				i++
			}
			if i < len(dirs) && dirs[i] == part[j].Dir {
				c.old[i] = &part[j]
			}
		}
	}
	journal, err := c.repo.ReadCache(JournalPath)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return
	}
	c.journalSize = int64(len(journal))
	later, whole := readJournal(journal, c.deps)
	for k := range later {
		if i, ok := slices.BinarySearch(dirs, later[k].Dir); ok {
			c.old[i] = &later[k]
		}
	}
	c.usable = whole
}

// close releases what the run held open (nil-safe).
func (c *checkCache) close() {
	if c != nil {
		c.st.close()
	}
}

// cacheChunk is how many entries the cache file holds in each of its
// parts: each part is a gob stream of its own, so that the parts are
// encoded and decoded in parallel (decoding the 100,000 entries of a
// county's cache in one stream took 0.2 s, before any case was looked at).
const cacheChunk = 8192

// encodeCache writes the cache file's content after its magic line: the
// header (gob), then each part as its length (uvarint) and a gob stream
// of its entries. nil when it cannot be encoded.
func encodeCache(deps uint64, kept []cacheEntry) []byte {
	var buf bytes.Buffer
	buf.WriteString(cacheMagic)
	parts := (len(kept) + cacheChunk - 1) / cacheChunk
	if gob.NewEncoder(&buf).Encode(cacheHeader{Version: cacheVersion, Deps: deps, Count: len(kept), Parts: parts}) != nil {
		return nil
	}
	encoded := make([][]byte, parts)
	failed := atomic.Bool{}
	store.Parallel(parts, func(i int) {
		var part bytes.Buffer
		if gob.NewEncoder(&part).Encode(kept[i*cacheChunk:min((i+1)*cacheChunk, len(kept))]) != nil {
			failed.Store(true)
		}
		encoded[i] = part.Bytes()
	})
	if failed.Load() {
		return nil
	}
	for _, part := range encoded {
		buf.Write(binary.AppendUvarint(nil, uint64(len(part))))
		buf.Write(part)
	}
	return buf.Bytes()
}

// decodeCache reads what encodeCache wrote, when it was made under deps:
// the entries in order, part by part, the parts decoded in parallel.
func decodeCache(data []byte, deps uint64) ([][]cacheEntry, bool) {
	r := bytes.NewReader(data)
	var h cacheHeader
	if gob.NewDecoder(r).Decode(&h) != nil || h.Version != cacheVersion || h.Deps != deps || h.Parts < 0 || h.Parts > len(data) || h.Count < 0 || h.Count > h.Parts*cacheChunk {
		return nil, false
	}
	parts := make([][]byte, 0, h.Parts)
	rest := data[len(data)-r.Len():]
	for range h.Parts {
		n, k := binary.Uvarint(rest)
		if k <= 0 || n > uint64(len(rest)-k) {
			return nil, false
		}
		parts = append(parts, rest[k:k+int(n)])
		rest = rest[k+int(n):]
	}
	if len(rest) != 0 {
		return nil, false
	}
	decoded := make([][]cacheEntry, len(parts))
	failed := atomic.Bool{}
	store.Parallel(len(parts), func(i int) {
		if gob.NewDecoder(bytes.NewReader(parts[i])).Decode(&decoded[i]) != nil {
			failed.Store(true)
		}
	})
	if failed.Load() {
		return nil, false
	}
	count := 0
	for _, d := range decoded {
		count += len(d)
	}
	return decoded, count == h.Count
}
