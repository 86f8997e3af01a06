package store

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestOutGuard checks each rule of where --out may write, on a repository
// laid out on disk, with and without --force.
func TestOutGuard(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses symbolic links and /dev/null")
	}
	root := t.TempDir()
	for _, d := range []string{"cases/C-1", "workers", ".casework", "out", "out/dir"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{".casework.yaml", "cases/C-1/case.yaml", "out/plan.md"} {
		if err := os.WriteFile(filepath.Join(root, f), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for link, to := range map[string]string{"into": "cases/C-1", "out/link.md": "plan.md", "lnk": "out"} {
		if err := os.Symlink(to, filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		path  string
		force bool
		want  string // "" allowed, "exists" for errOutExists, else part of the message
	}{
		{"out/new.md", false, ""},
		{"new/deep/plan.md", false, ""},
		{"out/plan.md", false, "exists"},
		{"out/plan.md", true, ""},
		{"cases/C-1/case.yaml", true, "inside the repository's cases/"},
		{"cases/C-1/new.md", false, "inside the repository's cases/"},
		{"CASES/x.md", false, "inside the repository's cases/"},
		{"workers/w.md", false, "inside the repository's workers/"},
		{".casework/x", true, "inside the repository's .casework/"},
		{"out/../cases/x.md", false, "inside the repository's cases/"},
		{"into/plan.md", true, "inside the repository's cases/"},
		{".casework.yaml", true, "the repository's configuration"},
		{"out/link.md", true, "is a symbolic link"},
		{"out/dir", true, "is a directory"},
		{"/dev/null", true, "is not a regular file (a device)"},
		{".casework.yaml/x.md", false, "cannot be used"},
		{"casesfile.md", false, ""},
	}
	for _, tt := range tests {
		g := NewOutGuard(root, tt.force, func(p string) string { return p })
		path := tt.path
		if !filepath.IsAbs(path) {
			path = filepath.Join(root, path)
		}
		err := g.check(path)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s (force %v): refused: %v", tt.path, tt.force, err)
		case tt.want == "exists" && !errors.Is(err, errOutExists):
			t.Errorf("%s (force %v): %v, want errOutExists", tt.path, tt.force, err)
		case tt.want != "" && tt.want != "exists" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s (force %v): %v, want %q", tt.path, tt.force, err, tt.want)
		}
	}
}

// TestOutGuardDir checks --out DIR (export fhir --all, render --all): the
// directory itself under the same rules, then each of its files, every
// existing one named in one message.
func TestOutGuardDir(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	for _, d := range []string{"cases/C-1", "resources", ".casework", "out"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"out/a.json", "out/b.json", "afile"} {
		if err := os.WriteFile(filepath.Join(root, f), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(root, "lnk")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		dir   string
		files []string
		force bool
		want  string // "" allowed, else part of the message
	}{
		{"new", []string{"a.json"}, false, ""},
		{"out", []string{"c.json"}, false, ""},
		{"out", []string{"a.json", "c.json"}, false, "--out out/a.json already exists: add --force"},
		{"out", []string{"a.json", "b.json"}, false, "--out out: out/a.json and 1 more file already exist"},
		{"out", []string{"a.json", "b.json"}, true, ""},
		{"resources", []string{"a.json"}, true, "inside the repository's resources/"},
		{"cases", []string{"a.json"}, true, "inside the repository's cases/"},
		{".casework/x", []string{"a.json"}, true, "inside the repository's .casework/"},
		{"lnk", []string{"a.json"}, true, "--out lnk is a symbolic link"},
		{"afile", []string{"a.json"}, true, "--out afile is not a directory"},
	}
	for _, tt := range tests {
		g := NewOutGuard(root, tt.force, func(p string) string { r, _ := filepath.Rel(root, p); return r })
		paths, err := g.Dir(filepath.Join(root, tt.dir), tt.files)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s (force %v): refused: %v", tt.dir, tt.force, err)
		case tt.want == "" && len(paths) != len(tt.files):
			t.Errorf("%s: %d paths for %d files", tt.dir, len(paths), len(tt.files))
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s (force %v): %v, want %q", tt.dir, tt.force, err, tt.want)
		}
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("written through the link: %v", entries)
	}
}

// TestOutGuardFile: --out FILE never takes a directory, with or without
// --force (only --all writes into one).
func TestOutGuardFile(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "d"), 0o700)
	for _, force := range []bool{false, true} {
		err := NewOutGuard(root, force, filepath.Base).File(filepath.Join(root, "d"))
		if err == nil || !strings.Contains(err.Error(), "--out d is a directory, which --out never replaces") {
			t.Errorf("force %v: %v", force, err)
		}
	}
}
