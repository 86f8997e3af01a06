package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestReferenceIsCurrent regenerates the reference from the live command
// tree and compares it with the committed docs/cli and docs/man: a command,
// flag or help text changed without `make docs` fails here.
func TestReferenceIsCurrent(t *testing.T) {
	tmp := t.TempDir()
	if err := generate(filepath.Join(tmp, "cli"), filepath.Join(tmp, "man")); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"cli", "man"} {
		want := readDir(t, filepath.Join(tmp, dir))
		got := readDir(t, filepath.Join("..", "..", "docs", dir))
		for name, data := range want {
			if old, ok := got[name]; !ok {
				t.Errorf("docs/%s/%s is missing; run 'make docs'", dir, name)
			} else if !bytes.Equal(old, data) {
				t.Errorf("docs/%s/%s is stale; run 'make docs'", dir, name)
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("docs/%s/%s documents no command; run 'make docs'", dir, name)
			}
		}
	}
}

func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = data
	}
	return files
}
