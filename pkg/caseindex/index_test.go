package caseindex

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseload"
	"github.com/casework/casework/pkg/casetable"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/dupes"
	"github.com/casework/casework/pkg/gen"
	"github.com/casework/casework/pkg/schedule"
	"github.com/casework/casework/pkg/store"
)

// builtinConfig is the built-in configuration, read as a repository's.
func builtinConfig(t testing.TB) *config.Config {
	t.Helper()
	doc, err := casefile.Parse(config.FileName, config.DefaultYAML)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{}
	if errs := casefile.DecodePartial(doc.Root(), cfg); len(errs) > 0 {
		t.Fatal(errs)
	}
	return cfg
}

func generated(t testing.TB, cases int) *store.Repo {
	t.Helper()
	cfg := builtinConfig(t)
	dir := t.TempDir()
	if err := gen.Generate(gen.Options{Dir: dir, Cases: cases, Workers: 6, Seed: 11}, cfg); err != nil {
		t.Fatal(err)
	}
	// Settle the files, as if written an hour ago: entries of files
	// written just now are not trusted (racily clean) and not worth
	// writing to the index.
	old := time.Now().Add(-time.Hour)
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Chtimes(path, old, old)
		}
		return err
	})
	return &store.Repo{Root: dir}
}

// defaultClock is the schedule under the built-in timescales, first
// contacts taken as made (the index knows nothing of notes).
func defaultClock(t *testing.T) schedule.Clock {
	t.Helper()
	k, err := schedule.NewClock(builtinConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	k.Contacted = func(string, time.Time) bool { return true }
	return k
}

// TestSummaryIsEnough checks that schedule and caseload give the same
// answers on the index's partial cases as on the whole files.
func TestSummaryIsEnough(t *testing.T) {
	repo := generated(t, 300)
	full, err := repo.AllCases()
	if err != nil {
		t.Fatal(err)
	}
	for pass := range 2 { // built, then read back from the index
		slim, err := Cases(repo)
		if err != nil {
			t.Fatal(err)
		}
		if len(slim) != len(full) {
			t.Fatalf("pass %d: %d cases, want %d", pass, len(slim), len(full))
		}
		w := config.Weights{CaseManagement: 3.5, Intake: 1.75, Assessment: 3.75, Levels: map[string]float64{"intensive": 2}}
		clock := defaultClock(t)
		for i, rec := range full {
			c, s := &rec.Data, slim[i]
			if s.ID != c.ID || s.Client.Name != c.Client.Name || s.Client.DOB.String() != c.Client.DOB.String() || s.Phase != c.Phase || s.Worker != c.Worker || s.Model != c.Model || s.Opened != c.Opened {
				t.Fatalf("case %s: fields differ", c.ID)
			}
			if got, want := dupes.People(s), dupes.People(c); !reflect.DeepEqual(got, want) {
				t.Fatalf("case %s: people %+v, want %+v", c.ID, got, want)
			}
			if got, want := len(s.ClientAssessments()), len(c.ClientAssessments()); got != want {
				t.Fatalf("case %s: %d assessments of the client, want %d", c.ID, got, want)
			}
			if got, want := clock.ForCase(s), clock.ForCase(c); !reflect.DeepEqual(got, want) {
				t.Fatalf("case %s: schedule %+v, want %+v", c.ID, got, want)
			}
			for _, m := range []string{"2023-06", "2025-01", "2026-02"} {
				month, _ := caseload.ParseMonth(m)
				now := gen.DefaultEnd
				got, ok1 := caseload.InMonth(s, month, month.AsOf(now), w)
				want, ok2 := caseload.InMonth(c, month, month.AsOf(now), w)
				if got != want || ok1 != ok2 {
					t.Fatalf("case %s in %s: %+v, want %+v", c.ID, m, got, want)
				}
			}
		}
	}
}

// TestRowsAreExportRows: export csv's rows from the index are the rows of
// the whole files.
func TestRowsAreExportRows(t *testing.T) {
	repo := generated(t, 300)
	full, err := repo.AllCases()
	if err != nil {
		t.Fatal(err)
	}
	clock := defaultClock(t)
	for pass := range 2 { // built, then read back from the index
		rows, err := Rows(repo, clock)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(full) {
			t.Fatalf("pass %d: %d rows, want %d", pass, len(rows), len(full))
		}
		for i, rec := range full {
			if want := casetable.Row(&rec.Data, clock, false); !reflect.DeepEqual(rows[i], want) {
				t.Fatalf("pass %d, case %s: row %q, want %q", pass, rec.Data.ID, rows[i], want)
			}
		}
	}
}

// firstCase returns the path and ID of the first case.
func firstCase(t *testing.T, repo *store.Repo) (string, string) {
	ids, err := repo.CaseIDs()
	if err != nil || len(ids) == 0 {
		t.Fatal(err)
	}
	return repo.Abs(store.CasePath(ids[0])), ids[0]
}

// rename changes the client's name in the file, keeping its size.
func rename(t *testing.T, path, from, to string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(from) != len(to) || !strings.Contains(string(data), "name: "+from) {
		t.Fatalf("cannot rename %q in %s", from, path)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), "name: "+from, "name: "+to, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
}

func clientOf(t *testing.T, repo *store.Repo, id string) string {
	t.Helper()
	cases, err := Cases(repo)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.ID == id {
			return c.Client.Name
		}
	}
	t.Fatalf("no case %s", id)
	return ""
}

func TestChangedFilesAreReadAgain(t *testing.T) {
	repo := generated(t, 5)
	path, id := firstCase(t, repo)
	name := clientOf(t, repo, id)
	other := strings.Repeat("Z", len(name))

	// Changed within the racy window with the same size and the same
	// modification time: the entry is not trusted, the file is read.
	os.Chtimes(path, time.Now(), time.Now())
	info, _ := os.Stat(path)
	clientOf(t, repo, id)
	rename(t, path, name, other)
	os.Chtimes(path, info.ModTime(), info.ModTime())
	if got := clientOf(t, repo, id); got != other {
		t.Errorf("a racily clean file was not read again: %q", got)
	}

	// A file settled long ago is trusted on size and time: the index is
	// used (and, as documented, a same-size edit that also put the time
	// back would not be seen).
	old := time.Now().Add(-time.Hour)
	os.Chtimes(path, old, old)
	if got := clientOf(t, repo, id); got != other {
		t.Fatalf("got %q", got)
	}
	rename(t, path, other, name)
	os.Chtimes(path, old, old)
	if got := clientOf(t, repo, id); got != other {
		t.Errorf("a settled entry was not used from the index: %q", got)
	}

	// Any change of time is seen.
	os.Chtimes(path, old.Add(time.Nanosecond), old.Add(time.Nanosecond))
	if got := clientOf(t, repo, id); got != name {
		t.Errorf("a changed modification time was not seen: %q", got)
	}
}

func TestCorruptIndexIsRebuilt(t *testing.T) {
	repo := generated(t, 5)
	want, err := Cases(repo)
	if err != nil {
		t.Fatal(err)
	}
	for _, junk := range []string{"", "garbage", magic + "garbage", magic} {
		if err := os.WriteFile(repo.Abs(Path), []byte(junk), 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := Cases(repo)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("index %q: got %d cases, %v", junk, len(got), err)
		}
		if data, _ := os.ReadFile(repo.Abs(Path)); !strings.HasPrefix(string(data), magic) || len(data) < 100 {
			t.Errorf("index %q was not rebuilt", junk)
		}
	}
}

func TestIndexIsPrivate(t *testing.T) {
	repo := generated(t, 2)
	if _, err := Cases(repo); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{Path: 0o600, filepath.Dir(Path): 0o700 | os.ModeDir} {
		info, err := os.Stat(repo.Abs(path))
		if err != nil || info.Mode() != want {
			t.Errorf("%s: mode %v, want %v (%v)", path, info.Mode(), want, err)
		}
	}
}

func TestRemovedAndBrokenCases(t *testing.T) {
	repo := generated(t, 4)
	if _, err := Cases(repo); err != nil {
		t.Fatal(err)
	}
	path, id := firstCase(t, repo)
	os.RemoveAll(filepath.Dir(path))
	cases, err := Cases(repo)
	if err != nil || len(cases) != 3 {
		t.Fatalf("after removing %s: %d cases, %v", id, len(cases), err)
	}
	path, id = firstCase(t, repo)
	os.WriteFile(path, []byte("id: [\n"), 0o600)
	cases, err = Cases(repo)
	if err == nil || !strings.Contains(err.Error(), store.CasePath(id)) || len(cases) != 2 {
		t.Errorf("broken %s: %d cases, %v", id, len(cases), err)
	}
}

// TestIndexOfManyChunks writes and reads back an index of several gob
// lists, and refuses one whose header promises more entries than follow.
func TestIndexOfManyChunks(t *testing.T) {
	repo := &store.Repo{Root: t.TempDir()}
	entries := make([]entry, 2*chunk+7)
	for i := range entries {
		entries[i] = entry{Name: fmt.Sprintf("C-%06d", i), Size: int64(i), Summary: summary{ID: fmt.Sprintf("C-%06d", i), Phase: "intake"}}
	}
	write(repo, entries)
	got := read(repo)
	if len(got) != len(entries) {
		t.Fatalf("read %d entries, wrote %d", len(got), len(entries))
	}
	for _, e := range entries {
		if g := got[e.Name]; g == nil || g.Size != e.Size || g.Summary.ID != e.Summary.ID {
			t.Fatalf("entry %s read back as %+v", e.Name, g)
		}
	}
	data, err := os.ReadFile(repo.Abs(Path))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(repo.Abs(Path), data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	if got := read(repo); got != nil {
		t.Errorf("a truncated index gave %d entries, want none", len(got))
	}
}
