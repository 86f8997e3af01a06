package gitrev

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a git repository in a temp dir with the given files
// committed, and returns its path.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	for p, content := range files {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "base"}} {
		cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

func TestFiles(t *testing.T) {
	dir := gitRepo(t, map[string]string{
		"top.txt":              "top",
		"agency/a.yaml":        "a: 1\n",
		"agency/cases/x/c.yml": "",
		"agency/cases/y/c.yml": "y\n",
	})
	// Later changes in the work tree are not seen.
	os.WriteFile(filepath.Join(dir, "agency/a.yaml"), []byte("changed"), 0o644)
	tests := []struct {
		dir  string
		keep func(string) bool
		want map[string]string
	}{
		{"agency", func(string) bool { return true }, map[string]string{"a.yaml": "a: 1\n", "cases/x/c.yml": "", "cases/y/c.yml": "y\n"}},
		{"agency", func(p string) bool { return strings.HasPrefix(p, "cases/") }, map[string]string{"cases/x/c.yml": "", "cases/y/c.yml": "y\n"}},
		{".", func(p string) bool { return p == "top.txt" }, map[string]string{"top.txt": "top"}},
		{".", func(string) bool { return false }, map[string]string{}},
	}
	for _, tt := range tests {
		got, err := Files(filepath.Join(dir, tt.dir), "HEAD", tt.keep)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: got %d files, want %d: %v", tt.dir, len(got), len(tt.want), got)
		}
		for p, w := range tt.want {
			if string(got[p]) != w {
				t.Errorf("%s: %s = %q, want %q", tt.dir, p, got[p], w)
			}
		}
	}
}

func TestFilesErrors(t *testing.T) {
	dir := gitRepo(t, map[string]string{"a": "a"})
	for _, rev := range []string{"nosuchrev", "--output=x", ""} {
		if _, err := Files(dir, rev, func(string) bool { return true }); err == nil {
			t.Errorf("rev %q: no error", rev)
		}
	}
	if _, err := Files(t.TempDir(), "HEAD", func(string) bool { return true }); err == nil || !strings.Contains(err.Error(), "git") {
		t.Errorf("outside git: %v", err)
	}
}
