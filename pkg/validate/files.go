package validate

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
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

// layout is what the repository holds, by kind of file.
type layout struct {
	cases     []string // case directory names
	workers   []string // worker file paths
	resources []string // resource file paths
	strays    []Finding
}

// readLayout lists the repository's record files from disk; never a cache.
func readLayout(root string) (*layout, error) {
	l := &layout{}
	for _, dir := range []struct {
		name string
		into *[]string
		what string
	}{{store.WorkersDir, &l.workers, "worker"}, {store.ResourcesDir, &l.resources, "resource"}} {
		entries, err := readDir(filepath.Join(root, dir.name))
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			rel := dir.name + "/" + e.Name()
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
				l.strays = append(l.strays, at(rel, 1, 1, Warning, "stray-file", "%s/ holds one <id>.yaml file per %s; this is not one and is not checked", dir.name, dir.what))
				continue
			}
			*dir.into = append(*dir.into, rel)
		}
	}
	entries, err := readDir(filepath.Join(root, store.CasesDir))
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

// readDir lists a directory, sorted, leaving out dot files; a missing
// directory is empty.
func readDir(dir string) ([]os.DirEntry, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := entries[:0] // os.ReadDir sorts them by name
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e)
		}
	}
	return out, nil
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
