package validate

import (
	"errors"
	"io/fs"
	"slices"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/merge"
	"github.com/casework/casework/pkg/store"
	"go.yaml.in/yaml/v3"
)

// record is one parsed YAML file and its node tree (nil when it did not
// parse), for the positions of findings.
type record struct {
	path string
	root *yaml.Node
}

// pos returns the position of a key path in the record.
func (r *record) pos(key string) (int, int) { return Pos(r.root, key) }

// layout is what the repository holds, by kind of file (see
// store.Classify).
type layout struct {
	cases []string // case directory names
	// caseEntries is the listing of cases/, links and all, for the walk
	// for links (linkFindings), which then does not list it again.
	caseEntries []fs.DirEntry
	workers     []string // worker file paths
	resources   []string // resource file paths
	strays      []Finding
}

// readLayout lists the repository's record files from disk, never a
// cache, through the store's confined view of the root. Symbolic links
// met on the way are skipped, and what is behind them is not read:
// linkFindings reports every link of the repository.
func readLayout(repo *store.Repo) (*layout, error) {
	l := &layout{}
	linked := map[string]bool{}
	top, err := repo.Entries(".")
	if err != nil {
		return nil, err
	}
	for _, e := range top {
		switch {
		case isLink(e):
			linked[e.Name()] = true // reported by linkFindings
		case e.Name() == store.StateDir && !e.IsDir():
			l.strays = append(l.strays, at(e.Name(), 1, 1, Error, "state-not-directory", "%s", store.StateNotDirectory))
		}
	}
	list := func(dir string) ([]fs.DirEntry, error) {
		if linked[dir] {
			return nil, nil
		}
		entries, err := repo.Entries(dir)
		if dir == store.CasesDir {
			l.caseEntries = slices.Clone(entries)
		}
		out := entries[:0]
		for _, e := range entries {
			switch {
			case isLink(e): // reported by linkFindings
			case !strings.HasPrefix(e.Name(), "."):
				out = append(out, e)
			}
		}
		return out, err
	}
	for _, dir := range []struct {
		name string
		kind store.Kind
		into *[]string
		what string
	}{{store.WorkersDir, store.WorkerKind, &l.workers, "worker"}, {store.ResourcesDir, store.ResourceKind, &l.resources, "resource"}} {
		entries, err := list(dir.name)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			rel := dir.name + "/" + e.Name()
			if kind, _ := store.Classify(rel); e.IsDir() || kind != dir.kind {
				l.strays = append(l.strays, at(rel, 1, 1, Warning, "stray-file", "%s/ holds one <id>.yaml file per %s; this is not one and is not checked", dir.name, dir.what))
				continue
			}
			*dir.into = append(*dir.into, rel)
		}
	}
	entries, err := list(store.CasesDir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		rel := store.CasesDir + "/" + e.Name()
		if !e.IsDir() {
			l.strays = append(l.strays, at(rel, 1, 1, Warning, "stray-file", "cases/ holds one directory per case; this file is not checked"))
			continue
		}
		l.cases = append(l.cases, e.Name())
	}
	return l, nil
}

func isLink(e fs.DirEntry) bool { return e.Type()&fs.ModeSymlink != 0 }

// symlinkFinding reports a symbolic link inside the repository.
func symlinkFinding(rel string) Finding {
	return ReadFailure(rel, &store.SymlinkError{Path: rel})
}

// ReadFailure is the finding for a file that could not be read: a
// symbolic link (rule symlink), or any other failure (cannot-read).
func ReadFailure(rel string, err error) Finding {
	var se *store.SymlinkError
	if errors.As(err, &se) {
		return at(se.Path, 1, 1, Error, "symlink", "%s", se.Error())
	}
	return at(rel, 1, 1, Error, "cannot-read", "%v", err)
}

// parse reads a YAML record into out, strictly, reporting every problem;
// the record's data is whatever could be decoded.
func parse(rel string, data []byte, out any) (*record, []Finding) {
	if merge.HasMarkers(data) {
		return &record{path: rel}, conflictFindings(rel, data)
	}
	doc, err := casefile.Parse(rel, data)
	if err != nil {
		return &record{path: rel}, FromError(err, rel)
	}
	rec := &record{path: rel, root: doc.Root()}
	if errs := doc.Decode(out); len(errs) > 0 {
		return rec, FromError(errs.WithPath(rel), rel)
	}
	return rec, nil
}

// linkFindings walks the whole repository once (store.Repo.Symlinks) and
// reports every symbolic link that found does not already report: a link
// anywhere under the root is an error, not only where records are
// looked for (SPEC section 8). The case directories of cases are left out
// of the walk: checkCases walked each one it checked (caseLinks are the
// links it found), and the cache keeps only directories it found free of
// links, for as long as they do not change.
func linkFindings(repo *store.Repo, found []Finding, l *layout, caseLinks []string) []Finding {
	reported := map[string]bool{}
	for _, f := range found {
		if f.Rule == "symlink" {
			reported[f.Path] = true
		}
	}
	walked := make(map[string]bool, len(l.cases))
	for _, name := range l.cases {
		walked[name] = true
	}
	listed := l.caseEntries
	if listed == nil {
		listed = []fs.DirEntry{} // none, or cases/ is a link: nothing to walk there
	}
	links := append(repo.Symlinks(listed, func(name string) bool { return walked[name] }), caseLinks...)
	var out []Finding
	for _, rel := range links {
		if !reported[rel] {
			out = append(out, symlinkFinding(rel))
		}
	}
	return out
}
