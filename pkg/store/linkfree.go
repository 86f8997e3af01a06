package store

import (
	"bytes"
	"fmt"
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
	return rel == WorkersDir || rel == ResourcesDir
}

// dirStamp is a directory as it was when listed: its inode, change and
// modification times and size. Adding, removing or renaming an entry (a
// link among them) changes both times; a tool that sets the modification
// time back (tar, cp -p) cannot set the change time, which the kernel
// keeps. readAt is when the run that listed it began.
type dirStamp struct {
	ino, ctime, mtime, size, readAt int64
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
	var now dirStamp
	stamped := err == nil && info.IsDir()
	if stamped {
		now, stamped = stampDir(info)
	}
	known := r.linkFree()
	if old, ok := known[rel]; stamped && ok && old.sameDir(now) && old.settled() {
		return nil
	}
	if err := r.list(rel); err != nil {
		return err
	}
	if stamped {
		now.readAt = start
		if now.settled() {
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

func (s dirStamp) sameDir(o dirStamp) bool {
	return s.ino == o.ino && s.ctime == o.ctime && s.mtime == o.mtime && s.size == o.size
}

// settled: the directory last changed at least RacyWindow before the run
// that listed it began.
func (s dirStamp) settled() bool {
	return Settled(max(s.ctime, s.mtime), s.readAt)
}

// linkFree reads the remembered directories; anything unreadable gives
// none.
func (r *Repo) linkFree() map[string]dirStamp {
	known := map[string]dirStamp{}
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
func parseLinkFree(data []byte) map[string]dirStamp {
	known := map[string]dirStamp{}
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
			known[f[0]] = dirStamp{ino: n[0], ctime: n[1], mtime: n[2], size: n[3], readAt: n[4]}
		}
	}
	return known
}

// formatLinkFree writes what parseLinkFree reads.
func formatLinkFree(known map[string]dirStamp) []byte {
	var b bytes.Buffer
	b.WriteString(linkFreeMagic)
	for _, rel := range []string{WorkersDir, ResourcesDir} {
		if s, ok := known[rel]; ok {
			fmt.Fprintf(&b, "%s %d %d %d %d %d\n", rel, s.ino, s.ctime, s.mtime, s.size, s.readAt)
		}
	}
	return b.Bytes()
}
