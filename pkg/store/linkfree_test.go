//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestLinkFreeRemembered: workers/ is listed once and then remembered
// while it is unchanged; a link added later is still refused, whatever
// the cache says; a torn cache is not trusted.
func TestLinkFreeRemembered(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, WorkersDir), DirMode); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, CacheDir), DirMode); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, WorkerPath("w-ana")), []byte("id: w-ana\nname: Ana Ruiz\nfte: 1\n"), FileMode); err != nil {
		t.Fatal(err)
	}
	// Runs that begin an hour from now find the directory settled.
	clock := time.Now().Add(time.Hour)
	defer func(f func() int64) { nowNano = f }(nowNano)
	nowNano = func() int64 { return clock.UnixNano() }
	var lists int
	defer func() { listed = nil }()
	listed = func(rel string) {
		if rel == WorkersDir {
			lists++
		}
	}
	load := func() error {
		repo := &Repo{Root: root}
		defer repo.Close()
		_, err := repo.LoadWorker("w-ana")
		return err
	}

	steps := []struct {
		name      string
		change    func()
		wantLists int
		wantLink  bool
	}{
		{"first run lists and remembers", func() {}, 1, false},
		{"unchanged: not listed", func() {}, 1, false},
		{"a link added: listed and refused", func() {
			if err := os.Symlink("/etc/hostname", filepath.Join(root, WorkersDir, "w-evil.yaml")); err != nil {
				t.Fatal(err)
			}
		}, 2, true},
		{"refused again: never remembered with a link", func() {}, 3, true},
		{"link removed: listed, remembered again", func() {
			if err := os.Remove(filepath.Join(root, WorkersDir, "w-evil.yaml")); err != nil {
				t.Fatal(err)
			}
		}, 4, false},
		{"the modification time set back does not hide a link", func() {
			dir := filepath.Join(root, WorkersDir)
			info, err := os.Stat(dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("/etc/hostname", filepath.Join(dir, "w-evil.yaml")); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(dir, info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
		}, 5, true},
		{"a torn cache is not used", func() {
			if err := os.Remove(filepath.Join(root, WorkersDir, "w-evil.yaml")); err != nil {
				t.Fatal(err)
			}
			if err := load(); err != nil { // remembered
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(root, linkFreePath), []byte("casework-link-free 1\nworkers 1 2"), FileMode); err != nil {
				t.Fatal(err)
			}
		}, 7, false},
	}
	for _, s := range steps {
		s.change()
		err := load()
		var se *SymlinkError
		if got := errors.As(err, &se); got != s.wantLink {
			t.Fatalf("%s: link refused = %v (err %v), want %v", s.name, got, err, s.wantLink)
		}
		if !s.wantLink && err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if lists != s.wantLists {
			t.Fatalf("%s: workers/ listed %d times in all, want %d", s.name, lists, s.wantLists)
		}
	}
}

// TestLinkFreeRacy: a directory changed within RacyWindow of the run that
// listed it is listed again on the next run.
func TestLinkFreeRacy(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{WorkersDir, CacheDir} {
		if err := os.MkdirAll(filepath.Join(root, d), DirMode); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, WorkerPath("w-ana")), []byte("id: w-ana\nname: Ana Ruiz\nfte: 1\n"), FileMode); err != nil {
		t.Fatal(err)
	}
	var lists int
	defer func() { listed = nil }()
	listed = func(rel string) { lists++ }
	for range 2 {
		repo := &Repo{Root: root}
		if _, err := repo.LoadWorker("w-ana"); err != nil {
			t.Fatal(err)
		}
		repo.Close()
	}
	if lists != 2 {
		t.Fatalf("a directory changed just now was listed %d times in two runs, want 2", lists)
	}
}

func TestParseLinkFree(t *testing.T) {
	in := map[string]DirStamp{WorkersDir: {1, 2, 3, 4, 5}, ResourcesDir: {6, 7, 8, 9, 10}}
	got := parseLinkFree(formatLinkFree(in))
	if len(got) != 2 || got[WorkersDir] != in[WorkersDir] || got[ResourcesDir] != in[ResourcesDir] {
		t.Fatalf("round trip: got %v, want %v", got, in)
	}
	for _, bad := range []string{"", "casework-link-free 2\nworkers 1 2 3 4 5\n", "casework-link-free 1\ncases 1 2 3 4 5\n", "casework-link-free 1\nworkers 1 2 x 4 5\n"} {
		if got := parseLinkFree([]byte(bad)); len(got) != 0 {
			t.Errorf("parseLinkFree(%q) = %v, want nothing", bad, got)
		}
	}
}
