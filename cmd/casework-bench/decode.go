package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
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
		names, err := list(filepath.Join(root, dir))
		if err != nil {
			return 0, 0, err
		}
		store.Parallel(len(names), func(i int) {
			done(1, decodeFile(filepath.Join(root, dir, names[i])))
		})
	}
	cases, err := list(filepath.Join(root, store.CasesDir))
	if err != nil {
		return 0, 0, err
	}
	store.Parallel(len(cases), func(i int) {
		dir := filepath.Join(root, store.CasesDir, cases[i])
		if err := decodeFile(filepath.Join(dir, store.CaseFile)); err != nil {
			done(0, err)
			return
		}
		notes, err := list(filepath.Join(dir, store.NotesDir))
		for _, n := range notes {
			if err == nil {
				err = decodeFile(filepath.Join(dir, store.NotesDir, n))
			}
		}
		done(1+len(notes), err)
	})
	return time.Since(start), count, first
}

// list returns the names in a directory, but dot files; a missing
// directory is empty.
func list(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var names []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	return names, err
}

// decodeFile reads a file and decodes it into a yaml.Node.
func decodeFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if strings.HasSuffix(path, ".md") {
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
