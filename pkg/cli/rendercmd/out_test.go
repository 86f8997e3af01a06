package rendercmd

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
	for link, to := range map[string]string{"into": "cases/C-1", "out/link.md": "plan.md"} {
		if err := os.Symlink(to, filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		path  string
		force bool
		want  string // "" allowed, "exists" for errExists, else part of the message
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
		g := newOutGuard(root, tt.force, func(p string) string { return p })
		path := tt.path
		if !filepath.IsAbs(path) {
			path = filepath.Join(root, path)
		}
		err := g.check(path)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s (force %v): refused: %v", tt.path, tt.force, err)
		case tt.want == "exists" && !errors.Is(err, errExists):
			t.Errorf("%s (force %v): %v, want errExists", tt.path, tt.force, err)
		case tt.want != "" && tt.want != "exists" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s (force %v): %v, want %q", tt.path, tt.force, err, tt.want)
		}
	}
}
