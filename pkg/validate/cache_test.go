package validate

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/gen"
	"github.com/casework/casework/pkg/store"
)

// settle dates every file of root an hour back, as files committed long
// ago are: files changed just now are not trusted from the cache.
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
	}
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
