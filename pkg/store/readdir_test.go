package store

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReadDirTypes: the store's listing gives every entry with the type
// Go's own listing of the directory gives (a file, a directory, a link, a
// link to a directory), sorted by name, and refuses a listed directory
// that is a link.
func TestReadDirTypes(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "d")
	os.MkdirAll(filepath.Join(dir, "sub"), 0o700)
	os.WriteFile(filepath.Join(dir, "file.yaml"), []byte("x: 1\n"), 0o600)
	os.Symlink("file.yaml", filepath.Join(dir, "link"))
	os.Symlink("sub", filepath.Join(dir, "dirlink"))
	os.Symlink("d", filepath.Join(root, "linked"))
	repo, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	got, err := repo.ReadDir("d")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("listed %d entries, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Name() != want[i].Name() || got[i].Type() != want[i].Type() || got[i].IsDir() != want[i].IsDir() {
			t.Errorf("entry %d: %s %v, want %s %v", i, got[i].Name(), got[i].Type(), want[i].Name(), want[i].Type())
		}
	}
	if _, err := repo.ReadDir("linked"); err == nil {
		t.Error("a directory that is a link was listed")
	}
}
