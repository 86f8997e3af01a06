package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// newRepo returns a repository with case C-1 (with a note) and worker w.
func newRepo(t *testing.T) *Repo {
	t.Helper()
	r := &Repo{Root: t.TempDir()}
	t.Cleanup(func() { r.Close() })
	c := casefile.Case{ID: "C-1", Phase: "intake", Worker: "w", Client: casefile.Client{Name: "N"}}
	if _, err := r.CreateCase(&c); err != nil {
		t.Fatal(err)
	}
	if _, err := r.CreateNote("C-1", &casefile.Note{By: "w", Kind: "contact", Body: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := r.Write(WorkerPath("w"), []byte("id: w\n")); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestSymlinksAreRefused: a symbolic link anywhere on the way to a file,
// pointing outside the repository or inside it, is refused by every
// access, and nothing is written through it. os.Root alone would follow
// the links that stay inside the root.
func TestSymlinksAreRefused(t *testing.T) {
	outside := t.TempDir()
	tests := []struct {
		name, link, target string // link relative to the root
		access             func(r *Repo) error
		refused            string
	}{
		{"case directory outside", "cases/C-2", outside, func(r *Repo) error { _, err := r.LoadCase("C-2"); return err }, "cases/C-2"},
		{"case directory to another case", "cases/C-2", "C-1", func(r *Repo) error { _, err := r.LoadCase("C-2"); return err }, "cases/C-2"},
		{"case directory listed", "cases/C-2", outside, func(r *Repo) error { _, err := r.CaseIDs(); return err }, "cases/C-2"},
		{"case file", "cases/C-1/case.yaml", outside + "/x.yaml", func(r *Repo) error { _, err := r.LoadCase("C-1"); return err }, "cases/C-1/case.yaml"},
		{"notes directory written", "cases/C-1/notes", outside, func(r *Repo) error {
			_, err := r.CreateNote("C-1", &casefile.Note{By: "w", Kind: "contact", Body: "x"})
			return err
		}, "cases/C-1/notes"},
		{"notes directory listed", "cases/C-1/notes", outside, func(r *Repo) error { _, err := r.NotePaths("C-1"); return err }, "cases/C-1/notes"},
		{"workers directory", "workers", outside, func(r *Repo) error { return r.Write(WorkerPath("w2"), []byte("id: w2\n")) }, "workers"},
		{"worker file", "workers/w2.yaml", outside + "/w.yaml", func(r *Repo) error { return r.Write(WorkerPath("w2"), []byte("id: w2\n")) }, "workers/w2.yaml"},
		{"state directory (lock)", ".casework", outside, func(r *Repo) error { _, err := r.Lock(); return err }, ".casework"},
		{"state directory (cache)", ".casework", outside, func(r *Repo) error { return r.WriteCache(CacheDir+"/x", []byte("x")) }, ".casework"},
		{"cases directory", "cases", outside, func(r *Repo) error {
			_, err := r.CreateCase(&casefile.Case{ID: "C-3"})
			return err
		}, "cases"},
		{"stray link in a case directory", "cases/C-1/stray", "/etc/hostname", func(r *Repo) error { _, err := r.LoadCase("C-1"); return err }, "cases/C-1/stray"},
		{"note link with any name", "cases/C-1/notes/evil", outside + "/n.md", func(r *Repo) error { _, err := r.LoadCase("C-1"); return err }, "cases/C-1/notes/evil"},
		{"worker link beside the worker loaded", "workers/w-evil.yaml", outside + "/w.yaml", func(r *Repo) error { _, err := r.LoadWorker("w"); return err }, "workers/w-evil.yaml"},
		{"resource link", "resources/r.yaml", outside + "/r.yaml", func(r *Repo) error { _, err := r.LoadResource("r2"); return err }, "resources/r.yaml"},
		{"stray link in cases/", "cases/README", outside, func(r *Repo) error { _, err := r.CaseIDs(); return err }, "cases/README"},
		{"template", "templates/t.md", "/etc/passwd", func(r *Repo) error {
			f, err := r.FS(TemplatesDir).Open("t.md")
			if err == nil {
				f.Close()
			}
			return err
		}, "templates/t.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			link := r.Abs(tt.link)
			os.RemoveAll(link)
			os.MkdirAll(filepath.Dir(link), DirMode)
			if err := os.Symlink(tt.target, link); err != nil {
				t.Fatal(err)
			}
			r2 := &Repo{Root: r.Root} // a fresh view, as a new command has
			defer r2.Close()
			err := tt.access(r2)
			var se *SymlinkError
			if !errors.As(err, &se) || se.Path != tt.refused {
				t.Fatalf("got %v, want the link %s refused", err, tt.refused)
			}
			if msg := err.Error(); strings.Contains(msg, r.Root) || strings.Contains(msg, outside) || !strings.Contains(msg, "replace it with the real file or directory") {
				t.Errorf("message %q", msg)
			}
			if entries, _ := os.ReadDir(outside); len(entries) != 0 {
				t.Errorf("written outside the repository: %v", entries)
			}
		})
	}
}

// TestPathsStayInside: paths that would leave the root are refused before
// any access, whatever their origin.
func TestPathsStayInside(t *testing.T) {
	r := newRepo(t)
	for _, rel := range []string{"../x", "cases/../../x", "/etc/passwd", "cases//C-1", "", `cases\C-1`} {
		if _, err := r.ReadFile(rel); err == nil {
			t.Errorf("%q read", rel)
		}
		if err := r.Write(rel, []byte("x")); err == nil {
			t.Errorf("%q written", rel)
		}
	}
	if _, err := r.CreateNote("../../x", &casefile.Note{By: "w", Kind: "contact", Body: "x"}); err == nil {
		t.Error("a note was written under an unsafe case ID")
	}
}

// TestIdentity: the case directory is the case's identity; a file whose
// id: says otherwise does not load, with a message that says how to fix it.
func TestIdentity(t *testing.T) {
	r := newRepo(t)
	path := r.Abs(CasePath("C-1"))
	data, _ := os.ReadFile(path)
	for _, id := range []string{"../../../tmp/leak", "C-2", "~", "c-1", "\"\\e[2J\""} {
		os.WriteFile(path, []byte(strings.Replace(string(data), "id: C-1", "id: "+id, 1)), FileMode)
		_, err := r.LoadCase("C-1")
		var ie *IdentityError
		if !errors.As(err, &ie) {
			t.Fatalf("id %s: got %v", id, err)
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "cases/C-1/case.yaml:1:5: id is ") || !strings.Contains(msg, "put back 'id: C-1'") || strings.ContainsAny(msg, "\x1b\n") {
			t.Errorf("id %s: message %q", id, msg)
		}
		if _, err := r.AllCases(); !errors.As(err, &ie) {
			t.Errorf("id %s: AllCases: %v", id, err)
		}
	}
}

// TestCreateCaseLeavesNoHalfCase: up to the moment the new case is renamed
// into place, nothing of it is in cases/ (a crash there leaves only a
// temporary directory under the git-ignored .casework/); after it, the
// case is whole and no temporary file is left.
func TestCreateCaseLeavesNoHalfCase(t *testing.T) {
	r := newRepo(t)
	var before []os.DirEntry
	var tmpAt string
	MidWriteHook = func(tmp, target string) {
		if strings.HasSuffix(target, "C-9") {
			before, _ = os.ReadDir(r.Abs(CasesDir))
			tmpAt = tmp
		}
	}
	defer func() { MidWriteHook = nil }()
	c := casefile.Case{ID: "C-9", Phase: "intake", Worker: "w", Client: casefile.Client{Name: "N"}}
	if _, err := r.CreateCase(&c); err != nil {
		t.Fatal(err)
	}
	if len(before) != 1 || before[0].Name() != "C-1" {
		t.Errorf("cases/ held %v while the new case was being written", before)
	}
	if rel, _ := filepath.Rel(r.Root, tmpAt); !strings.HasPrefix(filepath.ToSlash(rel), TempDir+"/"+tempPrefix) {
		t.Errorf("the new case was written at %s, not in %s", rel, TempDir)
	}
	if _, err := os.Stat(filepath.Join(tmpAt, CaseFile)); !os.IsNotExist(err) {
		t.Error("the temporary directory is left")
	}
	if _, err := r.LoadCase("C-9"); err != nil {
		t.Error(err)
	}
	if _, err := r.CreateCase(&c); !errors.Is(err, ErrCaseExists) {
		t.Errorf("second create: %v", err)
	}
	if entries, _ := os.ReadDir(r.Abs(TempDir)); len(entries) != 0 {
		t.Errorf("left in %s: %v", TempDir, entries)
	}
}

// TestNamedPipesAreRefused: a named pipe where a record, a note or the
// notes directory belongs is refused at once with a message naming it.
// Before, opening it waited for a writer forever: validate and case list
// hung.
func TestNamedPipesAreRefused(t *testing.T) {
	tests := []struct {
		name, pipe string
		access     func(r *Repo) error
	}{
		{"case file", "cases/C-1/case.yaml", func(r *Repo) error { _, err := r.LoadCase("C-1"); return err }},
		{"notes directory", "cases/C-1/notes", func(r *Repo) error { _, err := r.NotePaths("C-1"); return err }},
		{"note", "cases/C-1/notes/20260101T000000Z-ABCD.md", func(r *Repo) error { _, err := r.ReadFile("cases/C-1/notes/20260101T000000Z-ABCD.md"); return err }},
		{"worker file", "workers/w.yaml", func(r *Repo) error { _, err := r.LoadWorker("w"); return err }},
		{"template", "templates/t.md.tmpl", func(r *Repo) error {
			f, err := r.FS(TemplatesDir).Open("t.md.tmpl")
			if err == nil {
				f.Close()
			}
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			p := filepath.Join(r.Root, tt.pipe)
			os.MkdirAll(filepath.Dir(p), 0o700)
			os.RemoveAll(p)
			if err := mkfifo(p); err != nil {
				t.Skip("no named pipes here:", err)
			}
			done := make(chan error, 1)
			go func() { done <- tt.access(r) }()
			select {
			case err := <-done:
				var ne *NotRegularError
				if !errors.As(err, &ne) || ne.Path != tt.pipe {
					t.Fatalf("got %v, want a NotRegularError for %s", err, tt.pipe)
				}
				if want := tt.pipe + " is a named pipe (FIFO), not a file or directory; casework reads only regular files: remove it"; err.Error() != want {
					t.Errorf("got  %s\nwant %s", err, want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("still waiting on the pipe after 10s")
			}
		})
	}
}

// TestRepoFSCapsReads: a file read through Repo.FS (templates) stops past
// casefile.MaxFileSize with a message naming it; before, a template of
// any size was read whole into memory.
func TestRepoFSCapsReads(t *testing.T) {
	r := newRepo(t)
	os.MkdirAll(filepath.Join(r.Root, TemplatesDir), 0o700)
	os.WriteFile(filepath.Join(r.Root, TemplatesDir, "big.md.tmpl"), make([]byte, casefile.MaxFileSize+1), 0o600)
	os.WriteFile(filepath.Join(r.Root, TemplatesDir, "ok.md.tmpl"), make([]byte, casefile.MaxFileSize), 0o600)
	fsys := r.FS(TemplatesDir)
	if _, err := fs.ReadFile(fsys, "big.md.tmpl"); err == nil || err.Error() != "templates/big.md.tmpl is larger than 4194304 bytes, the most casework reads of a file" {
		t.Errorf("big: %v", err)
	}
	if data, err := fs.ReadFile(fsys, "ok.md.tmpl"); err != nil || len(data) != casefile.MaxFileSize {
		t.Errorf("ok: %d bytes, %v", len(data), err)
	}
	if names, err := fs.Glob(fsys, "*.md.tmpl"); err != nil || len(names) != 2 {
		t.Errorf("glob: %v, %v", names, err)
	}
}

// TestSymlinksWalk: Symlinks finds every link under the root, however
// deep and whatever its name, without following any, and skips .git.
func TestSymlinksWalk(t *testing.T) {
	r := newRepo(t)
	outside := t.TempDir()
	os.MkdirAll(filepath.Join(outside, "d"), DirMode)
	os.MkdirAll(r.Abs(".git/objects"), DirMode)
	for _, l := range []string{"cases/C-1/stray", "cases/C-1/notes/x", "workers/w-evil.yaml", "deep/a/b/link", "dirlink", ".git/objects/l"} {
		os.MkdirAll(filepath.Dir(r.Abs(l)), DirMode)
		if err := os.Symlink(outside, r.Abs(l)); err != nil {
			t.Fatal(err)
		}
	}
	got := strings.Join(r.Symlinks(nil, func(string) bool { return false }), " ")
	want := "cases/C-1/notes/x cases/C-1/stray deep/a/b/link dirlink workers/w-evil.yaml"
	if got != want {
		t.Errorf("Symlinks() = %s, want %s", got, want)
	}
}

// TestCaseLinks: a case directory is plain when it holds files and its
// notes directory, which holds files; every link in it is found.
func TestCaseLinks(t *testing.T) {
	for _, tc := range []struct {
		name      string
		make      func(dir string) error
		wantLinks string
		wantPlain bool
	}{
		{"files and notes", func(string) error { return nil }, "", true},
		{"no notes directory", func(dir string) error { return os.RemoveAll(filepath.Join(dir, NotesDir)) }, "", true},
		{"a link beside the case file", func(dir string) error { return os.Symlink("/etc", filepath.Join(dir, "stray")) }, "cases/C-1/stray", false},
		{"a link among the notes", func(dir string) error { return os.Symlink("/etc/hostname", filepath.Join(dir, NotesDir, "x.md")) }, "cases/C-1/notes/x.md", false},
		{"a directory beside the case file", func(dir string) error { return os.Mkdir(filepath.Join(dir, "extra"), DirMode) }, "", false},
		{"a link deep in it", func(dir string) error {
			if err := os.MkdirAll(filepath.Join(dir, "a", "b"), DirMode); err != nil {
				return err
			}
			return os.Symlink("/etc", filepath.Join(dir, "a", "b", "l"))
		}, "cases/C-1/a/b/l", false},
		{"a directory among the notes", func(dir string) error { return os.Mkdir(filepath.Join(dir, NotesDir, "sub"), DirMode) }, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, CaseDir("C-1"))
			if err := os.MkdirAll(filepath.Join(dir, NotesDir), DirMode); err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{filepath.Join(dir, CaseFile), filepath.Join(dir, NotesDir, "2026-01-02T09-00-00Z-a.md")} {
				if err := os.WriteFile(f, []byte("x\n"), FileMode); err != nil {
					t.Fatal(err)
				}
			}
			if err := tc.make(dir); err != nil {
				t.Fatal(err)
			}
			r := &Repo{Root: root}
			defer r.Close()
			links, plain := r.CaseLinks("C-1")
			if got := strings.Join(links, " "); got != tc.wantLinks || plain != tc.wantPlain {
				t.Fatalf("CaseLinks = %q, plain %v; want %q, %v", got, plain, tc.wantLinks, tc.wantPlain)
			}
		})
	}
}
