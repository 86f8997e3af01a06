package store

import (
	"bytes"
	"io"

	"github.com/casework/casework/pkg/casefile"
	"os"
	"path/filepath"
	"testing"
)

// TestReadDirTypes: the store's listing (Entries, which lists links as
// such) gives every entry with the type Go's own listing of the directory
// gives (a file, a directory, a link, a link to a directory), sorted by
// name; it refuses a listed directory that is a link, and ReadDir refuses
// a directory that holds one.
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
	if _, err := repo.ReadDir("d"); err == nil {
		t.Error("ReadDir listed a directory holding links")
	}
	got, err := repo.Entries("d")
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
	if _, err := repo.Entries("linked"); err == nil {
		t.Error("a directory that is a link was listed")
	}
}

// TestOpenCacheUncapped: a cache is read whole past casefile.MaxFileSize
// (the case index at 100,000 cases is 70 MB), and only a cache can be
// opened this way.
func TestOpenCacheUncapped(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, StateDir, "cache"), 0o700)
	big := bytes.Repeat([]byte("x"), casefile.MaxFileSize+10)
	os.WriteFile(filepath.Join(root, StateDir, "cache", "big"), big, 0o600)
	repo, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	f, err := repo.OpenCache(StateDir + "/cache/big")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := io.ReadAll(f)
	if err != nil || len(got) != len(big) {
		t.Fatalf("read %d bytes, %v; want %d", len(got), err, len(big))
	}
	if _, err := repo.OpenCache("cases/x"); err == nil {
		t.Error("a file outside the caches was opened")
	}
}
