package fmtcmd

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/casework/casework/pkg/store"
)

// TestCanonCache: a file recorded canonical is known without being read
// while its size and time stay, and settled; a touched file whose content
// did not change is known by its content; a changed file, a file recorded
// too recently to trust its time, a cache of another binary and a file no
// longer canonical are not known.
func TestCanonCache(t *testing.T) {
	root := t.TempDir()
	repo := &store.Repo{Root: root}
	write := func(rel, text string, at time.Time) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	stat := func(rel string) os.FileInfo {
		info, err := os.Stat(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		return info
	}
	hourAgo := time.Now().Add(-time.Hour)
	write("workers/a.yaml", "id: a\n", hourAgo)
	write("workers/b.yaml", "id: b\n", hourAgo)
	write("workers/recent.yaml", "id: r\n", time.Now())
	all := []string{"workers/a.yaml", "workers/b.yaml", "workers/recent.yaml"}

	c := openCache(repo)
	for _, rel := range all {
		if c.known(rel, stat(rel)) {
			t.Fatalf("%s known before any run", rel)
		}
		data, _ := os.ReadFile(filepath.Join(root, rel))
		c.found(rel, stat(rel), data)
	}
	c.save(all, true)

	c = openCache(repo)
	if !c.known("workers/a.yaml", stat("workers/a.yaml")) {
		t.Error("an unchanged, settled file is not known")
	}
	if c.known("workers/recent.yaml", stat("workers/recent.yaml")) {
		t.Error("a file written within the racy window is known by its time")
	}
	if !c.knownContent("workers/recent.yaml", stat("workers/recent.yaml"), []byte("id: r\n")) {
		t.Error("a file whose content is as recorded is not known by its content")
	}
	// Another run, each file looked at once as fmt does. b touched: a new
	// time, the same content.
	c = openCache(repo)
	write("workers/b.yaml", "id: b\n", hourAgo.Add(time.Minute))
	if c.known("workers/b.yaml", stat("workers/b.yaml")) {
		t.Error("a touched file is known by its time")
	}
	if !c.knownContent("workers/b.yaml", stat("workers/b.yaml"), []byte("id: b\n")) {
		t.Error("a touched file with the same content is not known by its content")
	}
	// a changed: same size, another time.
	write("workers/a.yaml", "id: x\n", hourAgo.Add(time.Minute))
	if c.known("workers/a.yaml", stat("workers/a.yaml")) || c.knownContent("workers/a.yaml", stat("workers/a.yaml"), []byte("id: x\n")) {
		t.Error("a changed file is known")
	}
	// This run found a not canonical (not recorded): it is dropped.
	c.save(all, true)
	c = openCache(repo)
	if _, ok := c.old["workers/a.yaml"]; ok {
		t.Error("a file found not canonical stayed in the cache")
	}
	if _, ok := c.old["workers/b.yaml"]; !ok {
		t.Error("a file found canonical by its content left the cache")
	}
	// A run over some files keeps what it did not look at; a full run
	// drops files gone.
	c.found("workers/recent.yaml", stat("workers/recent.yaml"), []byte("id: r\n"))
	c.save([]string{"workers/recent.yaml"}, false)
	if c = openCache(repo); len(c.old) != 2 {
		t.Errorf("after a partial run the cache holds %d files, want 2", len(c.old))
	}
	c.changed = true
	c.save(nil, true)
	if c = openCache(repo); len(c.old) != 0 {
		t.Errorf("after a full run over no files the cache holds %d files, want 0", len(c.old))
	}
	// Another binary's cache is ignored.
	c.found("workers/b.yaml", stat("workers/b.yaml"), []byte("id: b\n"))
	c.exe = "another casework"
	c.save([]string{"workers/b.yaml"}, true)
	if c = openCache(repo); len(c.old) != 0 {
		t.Error("a cache made by another binary was used")
	}
	info, err := os.Stat(repo.Abs(cachePath))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("cache file mode: %v, %v; want 0600", info, err)
	}
}
