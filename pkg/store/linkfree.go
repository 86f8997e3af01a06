package store

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// linkFreePath remembers, across runs, the directories that were listed
// and found free of symbolic links (see checkDir), by the directory's
// identity as it was then. Like every cache it is local, owner-only and
// advisory: a missing, torn or foreign file is simply not used.
const linkFreePath = CacheDir + "/linkfree"

// remembered reports whether checkDir keeps what it found in rel across
// runs: workers/ and resources/, the directories that grow with the
// agency (a county's repository holds thousands of workers, and every
// command that acts as one would list them all), where a case's own
// directory holds a file and a few notes.
func remembered(rel string) bool {
	return slices.Contains(rememberedDirs, rel)
}

// rememberedDirs are the directories remembered, in the order the file
// lists them.
var rememberedDirs = []string{WorkersDir, ResourcesDir}

// DirStamp is a directory as it was when listed: its inode, change and
// modification times and size (StampDir), and when the run that listed
// it began. Adding, removing or renaming an entry (a link among them)
// changes both times; a tool that sets the modification time back (tar,
// cp -p) cannot set the change time, which the kernel keeps. So while a
// directory's stamp is the same and Settled, it holds the entries it
// held: what casework found of them (no link among them) still holds.
type DirStamp struct {
	Ino, Ctime, Mtime, Size, ReadAt int64
}

// nowNano is the clock the remembered checks are stamped with (a
// variable for tests).
var nowNano = func() int64 { return time.Now().UnixNano() }

// listed, when set, is told every directory checkDir lists (for tests).
var listed func(rel string)

// checkRemembered is checkDir for a remembered directory: the listing is
// skipped when the directory is exactly as when an earlier run listed it
// and found no link, and that run began at least RacyWindow after the
// directory last changed (Settled), as git trusts its index. Otherwise
// the directory is listed, and remembered when it is settled.
func (r *Repo) checkRemembered(rel string) error {
	start := nowNano()
	info, err := r.Stat(rel)
	var now DirStamp
	stamped := err == nil && info.IsDir()
	if stamped {
		now, stamped = StampDir(info)
	}
	known := r.linkFree()
	if old, ok := known[rel]; stamped && ok && old.Same(now) && old.Settled() {
		return nil
	}
	if err := r.list(rel); err != nil {
		return err
	}
	if stamped {
		now.ReadAt = start
		if now.Settled() {
			known[rel] = now
			r.WriteCache(linkFreePath, formatLinkFree(known))
		}
	}
	return nil
}

// list lists rel, refusing it when it holds a link (ReadDir).
func (r *Repo) list(rel string) error {
	if listed != nil {
		listed(rel)
	}
	_, err := r.ReadDir(rel)
	return err
}

// Same reports whether o is the directory s was: the same inode, times
// and size (when each was listed is not compared).
func (s DirStamp) Same(o DirStamp) bool {
	return s.Ino == o.Ino && s.Ctime == o.Ctime && s.Mtime == o.Mtime && s.Size == o.Size
}

// Settled reports whether the directory last changed at least
// RacyWindow before the run that listed it began (store.Settled).
func (s DirStamp) Settled() bool {
	return Settled(max(s.Ctime, s.Mtime), s.ReadAt)
}

// linkFree reads the remembered directories; anything unreadable gives
// none.
func (r *Repo) linkFree() map[string]DirStamp {
	known := map[string]DirStamp{}
	data, err := r.ReadCache(linkFreePath)
	if err != nil {
		return known
	}
	return parseLinkFree(data)
}

// linkFreeMagic starts the file; a line per directory follows:
// the directory, then inode, change time, modification time, size and
// when it was listed, in nanoseconds.
const linkFreeMagic = "casework-link-free 1\n"

// parseLinkFree reads the file; a line that does not parse is dropped,
// and a file of another format gives nothing.
func parseLinkFree(data []byte) map[string]DirStamp {
	known := map[string]DirStamp{}
	rest, ok := bytes.CutPrefix(data, []byte(linkFreeMagic))
	if !ok {
		return known
	}
	for _, line := range strings.Split(string(rest), "\n") {
		f := strings.Fields(line)
		if len(f) != 6 || !remembered(f[0]) {
			continue
		}
		var n [5]int64
		good := true
		for i := range n {
			v, err := strconv.ParseInt(f[i+1], 10, 64)
			good = good && err == nil
			n[i] = v
		}
		if good {
			known[f[0]] = DirStamp{Ino: n[0], Ctime: n[1], Mtime: n[2], Size: n[3], ReadAt: n[4]}
		}
	}
	return known
}

// formatLinkFree writes what parseLinkFree reads.
func formatLinkFree(known map[string]DirStamp) []byte {
	var b bytes.Buffer
	b.WriteString(linkFreeMagic)
	for _, rel := range rememberedDirs {
		if s, ok := known[rel]; ok {
			fmt.Fprintf(&b, "%s %d %d %d %d %d\n", rel, s.Ino, s.Ctime, s.Mtime, s.Size, s.ReadAt)
		}
	}
	return b.Bytes()
}
