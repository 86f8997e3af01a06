package validate

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/gen"
	"github.com/casework/casework/pkg/store"
)

// settle dates every file of root an hour back, as files committed long
// ago are: files changed just now are not trusted from the cache. A
// directory's change time cannot be dated back, so for the rest of the
// test directories are judged settled by their modification time alone.
func settle(t testing.TB, root string) {
	old := time.Now().Add(-time.Hour)
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Chtimes(path, old, old)
		}
		return err
	})
	entries, _ := os.ReadDir(filepath.Join(root, store.CasesDir))
	for _, e := range entries {
		os.Chtimes(filepath.Join(root, store.CasesDir, e.Name(), store.NotesDir), old, old)
		os.Chtimes(filepath.Join(root, store.CasesDir, e.Name()), old, old)
	}
	dirSettled = func(s store.DirStamp) bool { return store.Settled(s.Mtime, s.ReadAt) }
	t.Cleanup(func() { dirSettled = store.DirStamp.Settled })
}

// touchCases rewrites the first n case files with one more comment, dated
// a minute back with distinct times, as a worker's edits would be.
func touchCases(t testing.TB, root string, n int) {
	entries, err := os.ReadDir(filepath.Join(root, store.CasesDir))
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range entries[:n] {
		path := filepath.Join(root, store.CasesDir, e.Name(), store.CaseFile)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(data, "# edited\n"...), 0o600); err != nil {
			t.Fatal(err)
		}
		at := time.Now().Add(-time.Minute - time.Duration(i)*time.Second)
		os.Chtimes(path, at, at)
	}
}

// TestCache: a warm run finds what a run without the cache finds, after
// case files, a worker and the configuration change; and it does use the
// cache (a change that keeps a file's size and time, git's blind spot too,
// is not seen until --no-cache).
func TestCache(t *testing.T) {
	cfg := defaultConfig(t)
	root := t.TempDir()
	if err := gen.Generate(gen.Options{Dir: root, Cases: 40, Workers: 3, Seed: 5}, cfg); err != nil {
		t.Fatal(err)
	}
	settle(t, root)
	opts := Options{Root: root, Config: cfg, Now: time.Now()}
	same := func(step string) []Finding {
		t.Helper()
		warm, _ := warmAsCold(t, opts, step)
		return warm
	}
	base := same("first run")
	if HasErrors(base) {
		t.Fatalf("generated repository has errors: %v", base)
	}
	if info, err := os.Stat(filepath.Join(root, CachePath)); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("cache %v, %v: want a file of mode 0600", info, err)
	}
	same("warm run")

	ids, _ := (&store.Repo{Root: root}).CaseIDs()
	casePath := filepath.Join(root, store.CasesDir, ids[0], store.CaseFile)
	data, _ := os.ReadFile(casePath)
	changed := strings.Replace(string(data), "phase: ", "phase: x", 1)
	os.WriteFile(casePath, []byte(changed), 0o600)
	at := time.Now().Add(-time.Minute)
	os.Chtimes(casePath, at, at)
	if got := same("a case changed"); !HasErrors(got) {
		t.Fatal("the changed case was not checked again")
	}
	os.WriteFile(casePath, data, 0o600)
	os.Chtimes(casePath, at.Add(-time.Second), at.Add(-time.Second))
	same("the case changed back")

	// A worker removed: cases it held now name an unknown worker.
	workers, _ := filepath.Glob(filepath.Join(root, store.WorkersDir, "*.yaml"))
	os.Remove(workers[0])
	if got := same("a worker removed"); !HasErrors(got) {
		t.Fatal("cases of the removed worker were not checked again")
	}
	// The configuration: without its closure reasons, closed cases fail.
	saved := cfg.ClosureReasons
	cfg.ClosureReasons = []string{"none-of-these"}
	same("configuration changed")
	cfg.ClosureReasons = saved
	same("configuration back")

	// The cache is used: a change keeping size and time is not seen.
	info, _ := os.Stat(casePath)
	os.WriteFile(casePath, []byte(strings.Replace(string(data), "phase: ", "phase: x", 1)[:len(data)]), 0o600)
	os.Chtimes(casePath, info.ModTime(), info.ModTime())
	warm, _ := Run(opts)
	cold, _ := Run(Options{Root: root, Config: cfg, Now: opts.Now, NoCache: true})
	if len(cold) <= len(warm) {
		t.Errorf("a change keeping size and time: cold %d findings, warm %d; want the warm run to have trusted its cache", len(cold), len(warm))
	}
}

// TestCacheJournal: a warm run that checked a few directories appends
// their entries to the journal and leaves the cache as it was; the next
// run reads the journal over the cache; a torn journal, one made under
// other dependencies, or one grown past its share of the cache is not
// trusted or is compacted into the cache; and every run finds what a run
// without the cache finds.
func TestCacheJournal(t *testing.T) {
	cfg := defaultConfig(t)
	root := t.TempDir()
	if err := gen.Generate(gen.Options{Dir: root, Cases: 30, Workers: 3, Seed: 7}, cfg); err != nil {
		t.Fatal(err)
	}
	settle(t, root)
	opts := Options{Root: root, Config: cfg, Now: time.Now()}
	same := func(step string) {
		t.Helper()
		warm, err := Run(opts)
		if err != nil {
			t.Fatal(err)
		}
		cold, err := Run(Options{Root: root, Config: cfg, Now: opts.Now, NoCache: true})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(warm, cold) {
			t.Fatalf("%s: with the cache %v, without %v", step, warm, cold)
		}
	}
	read := func(rel string) []byte {
		data, _ := os.ReadFile(filepath.Join(root, rel))
		return data
	}
	same("first run")
	base := read(CachePath)
	if len(base) == 0 || len(read(JournalPath)) != 0 {
		t.Fatalf("first run: cache of %d bytes, journal of %d; want a cache and no journal", len(base), len(read(JournalPath)))
	}

	touchCases(t, root, 3)
	same("3 cases changed")
	if !bytes.Equal(read(CachePath), base) {
		t.Fatal("3 cases changed: the cache was written whole; want only the journal added to")
	}
	journal := read(JournalPath)
	if len(journal) == 0 {
		t.Fatal("3 cases changed: nothing in the journal")
	}
	if info, err := os.Stat(filepath.Join(root, JournalPath)); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("journal %v, %v: want a file of mode 0600", info, err)
	}
	same("nothing changed")
	if !bytes.Equal(read(JournalPath), journal) {
		t.Fatal("nothing changed: the journal was written")
	}

	// The journal's entries are trusted: a change to a changed case that
	// keeps its size and time is not seen (as TestCache shows for the
	// cache itself).
	ids, _ := (&store.Repo{Root: root}).CaseIDs()
	casePath := filepath.Join(root, store.CasesDir, ids[0], store.CaseFile)
	data, _ := os.ReadFile(casePath)
	info, _ := os.Stat(casePath)
	os.WriteFile(casePath, []byte(strings.Replace(string(data), "phase: ", "phase: x", 1)[:len(data)]), 0o600)
	os.Chtimes(casePath, info.ModTime(), info.ModTime())
	if warm, _ := Run(opts); HasErrors(warm) {
		t.Fatal("the journal's entry of a changed case was not used")
	}
	os.WriteFile(casePath, data, 0o600)
	os.Chtimes(casePath, info.ModTime(), info.ModTime())

	// A torn journal: what follows the tear is checked again, and the
	// cache is written whole.
	os.WriteFile(filepath.Join(root, JournalPath), journal[:len(journal)-5], 0o600)
	touchCases(t, root, 2)
	same("torn journal")
	if bytes.Equal(read(CachePath), base) || len(read(JournalPath)) != 0 {
		t.Fatal("torn journal: want the cache written whole and the journal emptied")
	}

	// A change to the configuration re-checks the cases that read what
	// changed: their entries, each with its dependencies, join the
	// journal, and the cache stays.
	base = read(CachePath)
	touchCases(t, root, 1)
	same("one case changed")
	if !bytes.Equal(read(CachePath), base) || len(read(JournalPath)) == 0 {
		t.Fatal("one case changed: want the journal added to")
	}
	journal = read(JournalPath)
	saved := cfg.ClosureReasons
	cfg.ClosureReasons = []string{"none-of-these"}
	same("configuration changed")
	if !bytes.Equal(read(CachePath), base) || len(read(JournalPath)) <= len(journal) {
		t.Fatal("configuration changed: want the journal added to, and the cache as it was")
	}
	cfg.ClosureReasons = saved
	same("configuration back")

	// A cache made by another casework is not read, nor its journal.
	defer func(deps func() uint64) { wholeDeps = deps }(wholeDeps)
	wholeDeps = func() uint64 { return 1 }
	same("another casework")
	if bytes.Equal(read(CachePath), base) || len(read(JournalPath)) != 0 {
		t.Fatal("another casework: want the cache written whole and the journal emptied")
	}

	// A journal past its share of the cache is compacted into it.
	defer func(share, least int64) { journalShare, minJournal = share, least }(journalShare, minJournal)
	journalShare, minJournal = 1<<20, 1
	base = read(CachePath)
	touchCases(t, root, 3)
	same("3 cases changed, journal full")
	if bytes.Equal(read(CachePath), base) || len(read(JournalPath)) != 0 {
		t.Fatal("journal full: want the cache written whole and the journal emptied")
	}
}

// TestReadJournal: batches are read in order; reading stops at a torn or
// altered batch; batches made under other dependencies are skipped.
func TestReadJournal(t *testing.T) {
	a := encodeBatch(1, []cacheEntry{{Dir: "a"}})
	b := encodeBatch(2, []cacheEntry{{Dir: "b"}})
	c := encodeBatch(1, []cacheEntry{{Dir: "c"}, {Dir: "a", ReadAt: 9}})
	join := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	altered := join(a, c)
	altered[len(altered)-3] ^= 1
	tests := []struct {
		name  string
		data  []byte
		dirs  []string
		whole bool
	}{
		{"empty", nil, nil, true},
		{"in order, other deps skipped", join(a, b, c), []string{"a", "c", "a"}, true},
		{"torn header", join(a, c[:10]), []string{"a"}, false},
		{"torn payload", join(a, c[:len(c)-1]), []string{"a"}, false},
		{"altered", altered, []string{"a"}, false},
		{"length past the end", join([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, make([]byte, 8)), nil, false},
	}
	for _, tt := range tests {
		entries, whole := readJournal(tt.data, 1)
		var dirs []string
		for _, e := range entries {
			dirs = append(dirs, e.Dir)
		}
		if !reflect.DeepEqual(dirs, tt.dirs) || whole != tt.whole {
			t.Errorf("%s: dirs %v, whole %v; want %v, %v", tt.name, dirs, whole, tt.dirs, tt.whole)
		}
	}
}

// FuzzReadJournal: any journal reads without panicking.
func FuzzReadJournal(f *testing.F) {
	f.Add(encodeBatch(1, []cacheEntry{{Dir: "a", Notes: []fileStamp{{Name: "n.md"}}}}))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		readJournal(data, 1)
	})
}

// TestCacheFile: the cache file's entries come back as written, in
// order, across parts, and only under the dependencies it was made under;
// a torn file gives none.
func TestCacheFile(t *testing.T) {
	for _, n := range []int{0, 1, cacheChunk, cacheChunk + 1, 2*cacheChunk + 5} {
		entries := make([]cacheEntry, n)
		for i := range entries {
			entries[i] = cacheEntry{Dir: fmt.Sprintf("C-%06d", i), Notes: []fileStamp{{Name: "n.md", Size: int64(i)}}, Horizon: int64(i)}
		}
		data := encodeCache(7, entries)
		parts, ok := decodeCache(data[len(cacheMagic):], 7)
		var got []cacheEntry
		for _, p := range parts {
			got = append(got, p...)
		}
		if !ok || len(got) != n {
			t.Fatalf("%d entries: read %d, %v", n, len(got), ok)
		}
		for i := range got {
			if got[i].Dir != entries[i].Dir || got[i].Notes[0].Size != int64(i) || got[i].Horizon != int64(i) {
				t.Fatalf("%d entries: entry %d read as %+v", n, i, got[i])
			}
		}
		if _, ok := decodeCache(data[len(cacheMagic):], 8); ok {
			t.Fatalf("%d entries: read under other dependencies", n)
		}
		if n > 0 {
			if _, ok := decodeCache(data[len(cacheMagic):len(data)-1], 7); ok {
				t.Fatalf("%d entries: a torn file was read", n)
			}
		}
	}
}

// FuzzDecodeCache: any cache file reads without panicking.
func FuzzDecodeCache(f *testing.F) {
	data := encodeCache(1, []cacheEntry{{Dir: "a", Notes: []fileStamp{{Name: "n.md"}}}})
	f.Add(data[len(cacheMagic):])
	f.Add([]byte{})
	var huge bytes.Buffer // a header that claims more than the file holds
	gob.NewEncoder(&huge).Encode(cacheHeader{Version: cacheVersion, Deps: 1, Count: 1 << 50, Parts: 1 << 40})
	f.Add(huge.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeCache(data, 1)
	})
}

// TestCacheLinks: a case directory the cache has is left out of
// validate's walk for links only while it is as cached; a link added to
// it, to its notes, or inside a directory of it that was there all along,
// is found by the next warm run, as by a cold one.
func TestCacheLinks(t *testing.T) {
	cfg := defaultConfig(t)
	root := t.TempDir()
	if err := gen.Generate(gen.Options{Dir: root, Cases: 12, Workers: 2, Seed: 3}, cfg); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(root, store.CasesDir))
	if err != nil {
		t.Fatal(err)
	}
	first, second := entries[0].Name(), entries[1].Name()
	// A directory inside the second case: never plain, never cached.
	if err := os.MkdirAll(filepath.Join(root, store.CasesDir, second, "extra"), 0o700); err != nil {
		t.Fatal(err)
	}
	settle(t, root)
	opts := Options{Root: root, Config: cfg, Now: time.Now()}
	run := func(step string, wantLinks int) []string {
		t.Helper()
		warm, checked := warmAsCold(t, opts, step)
		links := 0
		for _, f := range warm {
			if f.Rule == "symlink" {
				links++
			}
		}
		if links != wantLinks {
			t.Fatalf("%s: %d links reported, want %d: %v", step, links, wantLinks, warm)
		}
		return checked
	}
	run("first run", 0)
	if checked := run("warm run", 0); !reflect.DeepEqual(checked, []string{second}) {
		t.Fatalf("warm run checked %v again, want only %s (its directory holds a directory)", checked, second)
	}
	link := func(rel string) {
		if err := os.Symlink("/etc/hostname", filepath.Join(root, rel)); err != nil {
			t.Fatal(err)
		}
	}
	link(store.CaseDir(first) + "/stray")
	if checked := run("a link in a cached case directory", 1); !slices.Contains(checked, first) {
		t.Fatalf("the case directory given a link was not checked again: %v", checked)
	}
	os.Remove(filepath.Join(root, store.CaseDir(first), "stray"))
	link(store.CaseDir(second) + "/extra/deep")
	run("a link deep in a directory of a case", 1)
	os.Remove(filepath.Join(root, store.CaseDir(second), "extra", "deep"))
	settle(t, root)
	run("links removed", 0)
	run("warm again", 0)
	link(store.NotesPath(first) + "/evil.md")
	run("a link among a cached case's notes", 1)
	link(store.CasesDir + "/evil")
	run("a link among the case directories", 2)
	if err := os.MkdirAll(filepath.Join(root, store.CasesDir, ".hidden"), 0o700); err != nil {
		t.Fatal(err)
	}
	link(store.CasesDir + "/.hidden/deep")
	run("a link in a hidden directory of cases/", 3)
}
