package fmtcmd

import (
	"bytes"
	"encoding/gob"
	"hash/fnv"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/casework/casework/pkg/exestamp"
	"github.com/casework/casework/pkg/store"
)

// cachePath is where fmt keeps the files it found in canonical form,
// relative to the repository's root: in git-ignored .casework/,
// owner-only. It holds file names, sizes, times and content hashes: no
// client values.
const cachePath = store.StateDir + "/cache/fmt"

const (
	cacheMagic   = "casework-fmt-cache\n"
	cacheVersion = 1
)

// cacheHeader starts the cache file. Exe is the casework binary that made
// it (exestamp): another may format differently, so its cache is ignored.
type cacheHeader struct {
	Version int
	Exe     string
	Count   int
}

// canonical is a file found in canonical form, as it was then.
type canonical struct {
	Rel     string
	Size    int64
	ModTime int64  // nanoseconds
	Hash    uint64 // of the content
	ReadAt  int64  // when the run that read it began
}

// canonCache is what fmt knows to be canonical: a file whose size and
// modification time are as recorded (and settled: see settled) is not
// read; one whose time changed but whose content did not (a checkout, a
// touch) is read and hashed, not parsed. Anything else is formatted.
type canonCache struct {
	repo  *store.Repo
	exe   string
	start int64
	old   map[string]canonical

	mu      sync.Mutex
	now     map[string]canonical // files found canonical in this run
	changed bool
}

func openCache(repo *store.Repo) *canonCache {
	c := &canonCache{repo: repo, exe: exestamp.Stamp(), start: time.Now().UnixNano(), now: map[string]canonical{}}
	c.old = c.read()
	return c
}

func hashBytes(data []byte) uint64 {
	h := fnv.New64a()
	h.Write(data)
	return h.Sum64()
}

// settled reports whether the file as stat'ed now is the file recorded,
// without reading it: same size and time, and a time far enough before
// the run that recorded it that a change within the file system's clock
// tick cannot hide (store.Settled, as git's "racily clean").
func (e canonical) settled(info fs.FileInfo) bool {
	return info.Size() == e.Size && info.ModTime().UnixNano() == e.ModTime && store.Settled(e.ModTime, e.ReadAt)
}

// known reports whether the file at rel, as info describes it, is known
// canonical without reading it.
func (c *canonCache) known(rel string, info fs.FileInfo) bool {
	e, ok := c.old[rel]
	if !ok || !e.settled(info) {
		return false
	}
	c.keep(e, false)
	return true
}

// knownContent reports whether data, read from rel as info describes it,
// is content known canonical.
func (c *canonCache) knownContent(rel string, info fs.FileInfo, data []byte) bool {
	e, ok := c.old[rel]
	if !ok || e.Size != int64(len(data)) || e.Hash != hashBytes(data) {
		return false
	}
	c.found(rel, info, data)
	return true
}

// found records that data, read from rel as info describes it (stat'ed
// before reading), is canonical.
func (c *canonCache) found(rel string, info fs.FileInfo, data []byte) {
	c.keep(canonical{Rel: rel, Size: info.Size(), ModTime: info.ModTime().UnixNano(), Hash: hashBytes(data), ReadAt: c.start}, true)
}

func (c *canonCache) keep(e canonical, changed bool) {
	c.mu.Lock()
	c.now[e.Rel] = e
	c.changed = c.changed || changed
	c.mu.Unlock()
}

// save writes what this run found, with what the cache knew of files this
// run did not look at (unless it looked at every file: all), when
// anything changed. Failing to write is not an error: the cache only
// saves time.
func (c *canonCache) save(visited []string, all bool) {
	seen := make(map[string]bool, len(visited))
	for _, rel := range visited {
		seen[rel] = true
	}
	var entries []canonical
	for _, rel := range slices.Sorted(maps.Keys(c.old)) {
		_, now := c.now[rel]
		switch {
		case !seen[rel] && !all:
			entries = append(entries, c.old[rel])
		case !now:
			c.changed = true // gone, or no longer canonical
		}
	}
	if !c.changed {
		return
	}
	for _, rel := range slices.Sorted(maps.Keys(c.now)) {
		entries = append(entries, c.now[rel])
	}
	var buf bytes.Buffer
	buf.WriteString(cacheMagic)
	enc := gob.NewEncoder(&buf)
	if enc.Encode(cacheHeader{Version: cacheVersion, Exe: c.exe, Count: len(entries)}) != nil || enc.Encode(entries) != nil {
		return
	}
	if os.MkdirAll(filepath.Dir(c.repo.Abs(cachePath)), store.DirMode) != nil {
		return
	}
	c.repo.WriteCache(cachePath, buf.Bytes())
}

// read loads the cache made by this binary; anything else gives none.
func (c *canonCache) read() map[string]canonical {
	data, err := c.repo.ReadCache(cachePath)
	if err != nil || !bytes.HasPrefix(data, []byte(cacheMagic)) {
		return nil
	}
	dec := gob.NewDecoder(bytes.NewReader(data[len(cacheMagic):]))
	var h cacheHeader
	if dec.Decode(&h) != nil || h.Version != cacheVersion || h.Exe != c.exe {
		return nil
	}
	var all []canonical
	if dec.Decode(&all) != nil || len(all) != h.Count {
		return nil
	}
	m := make(map[string]canonical, len(all))
	for _, e := range all {
		m[e.Rel] = e
	}
	return m
}
