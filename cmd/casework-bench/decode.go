package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/casework/casework/pkg/store"
	"go.yaml.in/yaml/v3"
)

// recordFiles lists the files validate reads: every .yaml record and every
// note.
func recordFiles(root string) ([]string, error) {
	var files []string
	for _, dir := range []string{store.WorkersDir, store.ResourcesDir, store.CasesDir} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".md")) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// bareDecode is the yardstick: read every file and decode it into a
// yaml.Node (a note's front matter only), in parallel on every core, and
// nothing else. No checking tool can do less and still look at every file.
func bareDecode(files []string) (time.Duration, error) {
	start := time.Now()
	errs := make([]error, len(files))
	store.Parallel(len(files), func(i int) {
		data, err := os.ReadFile(files[i])
		if err != nil {
			errs[i] = err
			return
		}
		if strings.HasSuffix(files[i], ".md") {
			data = frontMatter(data)
		}
		var n yaml.Node
		errs[i] = yaml.Unmarshal(data, &n)
	})
	elapsed := time.Since(start)
	for _, err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return elapsed, nil
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
