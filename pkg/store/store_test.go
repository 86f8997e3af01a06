package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func TestNewCaseID(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	id, err := NewCaseID("C", now, bytes.NewReader(bytes.Repeat([]byte{0xff, 0x00, 0x0a}, 4)))
	if err != nil {
		t.Fatal(err)
	}
	if id != "C-2026-Z0AZ0AZ0AZ" {
		t.Errorf("got %s", id)
	}
	valid := regexp.MustCompile(`^C-2026-[0-9A-HJKMNP-TV-Z]{10}$`)
	seen := map[string]bool{}
	for i := 0; i < 2000; i++ {
		id, err := NewCaseID("C", now, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !valid.MatchString(id) || ValidateID("case", id) != nil {
			t.Fatalf("bad ID %s", id)
		}
		if seen[id] {
			t.Fatalf("duplicate ID %s", id)
		}
		seen[id] = true
	}
}

func TestValidateID(t *testing.T) {
	tests := []struct {
		id string
		ok bool
	}{
		{"C-2026-7K3QX9M2AB", true},
		{"legacy_123.4", true},
		{"a", true},
		{strings.Repeat("a", 64), true},
		{strings.Repeat("a", 65), false},
		{"", false},
		{"../etc", false},
		{"a..b", false},
		{"a/b", false},
		{".hidden", false},
		{"-flag", false},
		{"with space", false},
		{"naïve", false},
	}
	for _, tt := range tests {
		if err := ValidateID("case", tt.id); (err == nil) != tt.ok {
			t.Errorf("ValidateID(%q) = %v, want ok=%v", tt.id, err, tt.ok)
		}
	}
}

func TestResolvePrefix(t *testing.T) {
	ids := []string{"C-2026-AAAA1", "C-2026-AAAB2", "C-2026-BBBB3", "legacy-7"}
	tests := []struct {
		prefix, want, err string
	}{
		{"C-2026-BBBB3", "C-2026-BBBB3", ""},
		{"c-2026-b", "C-2026-BBBB3", ""},
		{"C-2026-AAAA", "C-2026-AAAA1", ""},
		{"LEGACY", "legacy-7", ""},
		{"C-2026-AA", "", "ambiguous: it matches C-2026-AAAA1, C-2026-AAAB2"},
		{"X", "", `no case matches "X"`},
	}
	for _, tt := range tests {
		got, err := resolvePrefix(tt.prefix, ids)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: got %v, want error %q", tt.prefix, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: got %q, %v; want %q", tt.prefix, got, err, tt.want)
		}
	}
	if _, err := resolvePrefix("X", ids); !errors.Is(err, ErrNotFound) {
		t.Errorf("no match is not ErrNotFound: %v", err)
	}
}

func TestFindRoot(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, ".casework.yaml"), nil, 0o644)
	deep := filepath.Join(root, "cases", "C-1", "notes")
	os.MkdirAll(deep, 0o755)
	if got, err := FindRoot("", deep); err != nil || got != root {
		t.Errorf("walk up: got %q, %v", got, err)
	}
	if got, err := FindRoot(root, "/"); err != nil || got != root {
		t.Errorf("explicit: got %q, %v", got, err)
	}
	if _, err := FindRoot(deep, "/"); err == nil {
		t.Error("explicit dir without config accepted")
	}
	if _, err := FindRoot("", t.TempDir()); !errors.Is(err, ErrNoRepository) {
		t.Errorf("outside: got %v", err)
	}
}

func TestCreateFileNoClobber(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.yaml")
	if err := CreateFile(path, []byte("one\n")); err != nil {
		t.Fatal(err)
	}
	if err := CreateFile(path, []byte("two\n")); !errors.Is(err, os.ErrExist) {
		t.Fatalf("second create: %v", err)
	}
	data, _ := os.ReadFile(path)
	if string(data) != "one\n" {
		t.Errorf("file clobbered: %q", data)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != FileMode {
		t.Errorf("mode %v, want %v", info.Mode().Perm(), FileMode)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// TestLockSerialisesUpdates runs many read-modify-write cycles at once; with
// the lock none is lost.
func TestLockSerialisesUpdates(t *testing.T) {
	repo := &Repo{Root: t.TempDir()}
	c := casefile.Case{ID: "C-1", Phase: "intake", Worker: "w", Client: casefile.Client{Name: "N"}}
	if err := os.MkdirAll(repo.Abs("cases/C-1"), DirMode); err != nil {
		t.Fatal(err)
	}
	if _, err := Create(repo, CasePath("C-1"), &c); err != nil {
		t.Fatal(err)
	}
	const n = 40
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			release, err := repo.Lock()
			if err != nil {
				errs <- err
				return
			}
			defer release()
			rec, err := repo.LoadCase("C-1")
			if err != nil {
				errs <- err
				return
			}
			rec.Data.Team = append(rec.Data.Team, casefile.TeamMember{Worker: "x"})
			errs <- Save(repo, rec)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	rec, err := repo.LoadCase("C-1")
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Data.Team) != n {
		t.Errorf("lost updates: %d of %d landed", len(rec.Data.Team), n)
	}
}

func TestLoadErrorsArePositioned(t *testing.T) {
	repo := &Repo{Root: t.TempDir()}
	os.MkdirAll(repo.Abs("cases/C-1"), DirMode)
	os.WriteFile(repo.Abs(CasePath("C-1")), []byte("id: C-1\nclient:\n  name: A\n  dob: 2026-13-01\n"), FileMode)
	_, err := repo.LoadCase("C-1")
	if err == nil || !strings.Contains(err.Error(), "cases/C-1/case.yaml:4:8: client.dob:") {
		t.Errorf("got %v", err)
	}
	if _, err := repo.LoadCase("C-2"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing case: %v", err)
	}
}

func TestStaleTempFilesAreRemoved(t *testing.T) {
	repo := &Repo{Root: t.TempDir()}
	if err := os.MkdirAll(repo.Abs(TempDir), DirMode); err != nil {
		t.Fatal(err)
	}
	stale := repo.Abs(TempDir + "/" + tempPrefix + "old")
	staleDir := repo.Abs(TempDir + "/" + tempPrefix + "olddir")
	fresh := repo.Abs(TempDir + "/" + tempPrefix + "new")
	os.WriteFile(stale, []byte("half"), FileMode)
	os.MkdirAll(staleDir, DirMode)
	os.WriteFile(staleDir+"/case.yaml", []byte("half"), FileMode)
	os.WriteFile(fresh, []byte("half"), FileMode)
	old := time.Now().Add(-2 * StaleTempAge)
	os.Chtimes(stale, old, old)
	os.Chtimes(staleDir, old, old)
	if err := repo.Write("workers/w.yaml", []byte("id: x\n")); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{stale, staleDir} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("stale %s left behind", filepath.Base(p))
		}
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file (a write in progress) was removed")
	}
	if !IsTemp(fresh) || IsTemp("workers/w.yaml") {
		t.Error("IsTemp misclassifies")
	}
	if entries, _ := os.ReadDir(repo.Abs("workers")); len(entries) != 1 {
		t.Errorf("workers/ holds %d entries, want only the file written", len(entries))
	}
}

func TestReadAtMost(t *testing.T) {
	dir := t.TempDir()
	const limit = 1000
	for _, size := range []int{0, 1, 511, 512, 513, limit - 1, limit, limit + 1, 5 * limit} {
		path := filepath.Join(dir, "f")
		want := bytes.Repeat([]byte("x"), size)
		if err := os.WriteFile(path, want, 0o600); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readAtMost(f, limit)
		f.Close()
		if err != nil {
			t.Fatalf("size %d: %v", size, err)
		}
		if len(want) > limit {
			want = want[:limit]
		}
		if !bytes.Equal(got, want) {
			t.Errorf("size %d: read %d bytes, want %d", size, len(got), len(want))
		}
	}
}

// TestLockTimeout: a write waits for the lock only as long as LockTimeout
// (30 s unless set), then gives up with a message that says what to do;
// TryLock does not wait at all.
func TestRepoLockTimeout(t *testing.T) {
	root := t.TempDir()
	holder := &Repo{Root: root}
	release, err := holder.Lock()
	if err != nil {
		t.Fatal(err)
	}
	waiter := &Repo{Root: root, LockTimeout: 150 * time.Millisecond}
	start := time.Now()
	_, err = waiter.Lock()
	waited := time.Since(start)
	if err == nil {
		t.Fatal("took a lock another process holds")
	}
	if want := "another casework command is writing to this repository (.casework/lock): waited 150ms; try again"; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
	if waited < 150*time.Millisecond || waited > 5*time.Second {
		t.Errorf("waited %s for a timeout of 150ms", waited)
	}
	if _, ok := waiter.TryLock(); ok {
		t.Error("TryLock took a held lock")
	}
	release()
	got, err := waiter.Lock()
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	got()
	if (&Repo{}).LockTimeout != 0 || LockTimeout != 30*time.Second {
		t.Error("the default timeout is not 30 s")
	}
}
