package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/casework/casework/pkg/store"
	"go.yaml.in/yaml/v3"
)

// bareDecode is the yardstick: find every file validate reads (workers,
// resources, each case directory's case.yaml and notes), read it and decode
// it into a yaml.Node (a note's front matter only), in parallel on every
// core, and nothing else. No tool that checks every record can do less: it
// too must list the directories to find the files, and read and parse each
// one. It returns how long that took and how many files it decoded.
func bareDecode(root string) (time.Duration, int, error) {
	start := time.Now()
	var (
		mu    sync.Mutex
		count int
		first error
	)
	done := func(n int, err error) {
		mu.Lock()
		defer mu.Unlock()
		count += n
		if first == nil && err != nil {
			first = err
		}
	}
	for _, dir := range []string{store.WorkersDir, store.ResourcesDir} {
		names, err := records(root, dir)
		if err != nil {
			return 0, 0, err
		}
		store.Parallel(len(names), func(i int) {
			done(1, decodeFile(filepath.Join(root, names[i])))
		})
	}
	cases, err := list(root, store.CasesDir)
	if err != nil {
		return 0, 0, err
	}
	cases = slices.DeleteFunc(cases, func(name string) bool {
		kind, _ := store.Classify(store.CasePath(name))
		return kind != store.CaseKind
	})
	store.Parallel(len(cases), func(i int) {
		if err := decodeFile(filepath.Join(root, store.CasePath(cases[i]))); err != nil {
			done(0, err)
			return
		}
		notes, err := records(root, store.NotesPath(cases[i]))
		for _, n := range notes {
			if err == nil {
				err = decodeFile(filepath.Join(root, n))
			}
		}
		done(1+len(notes), err)
	})
	return time.Since(start), count, first
}

// list returns the names in the directory rel of the repository at root;
// a missing directory is empty.
func list(root, rel string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(root, rel))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names, err
}

// records returns the paths of the records in the directory rel, as the
// repository layout defines them (store.Classify).
func records(root, rel string) ([]string, error) {
	names, err := list(root, rel)
	var paths []string
	for _, n := range names {
		if kind, _ := store.Classify(rel + "/" + n); kind != store.NotRecord {
			paths = append(paths, rel+"/"+n)
		}
	}
	return paths, err
}

// decodeFile reads a file and decodes it into a yaml.Node.
func decodeFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if strings.HasSuffix(path, store.NoteExt) {
		data = frontMatter(data)
	}
	var n yaml.Node
	return yaml.Unmarshal(data, &n)
}

// frontMatter returns the YAML between a note's '---' fences.
func frontMatter(data []byte) []byte {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil
	}
	if end := bytes.Index(rest, []byte("\n---\n")); end >= 0 {
		return rest[:end+1]
	}
	return nil
}
