package gitrev

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestCommitAndLog(t *testing.T) {
	dir := gitRepo(t, map[string]string{"cases/C-1/case.yaml": "a\n", "other.txt": "x\n"})
	t.Setenv("GIT_AUTHOR_NAME", "Ana")
	t.Setenv("GIT_AUTHOR_EMAIL", "ana@example.org")
	t.Setenv("GIT_COMMITTER_NAME", "Ana")
	t.Setenv("GIT_COMMITTER_EMAIL", "ana@example.org")
	t.Setenv("GIT_CONFIG_PARAMETERS", "'commit.gpgsign=false'")
	os.WriteFile(filepath.Join(dir, "cases/C-1/case.yaml"), []byte("b\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "cases/C-1/notes"), 0o755)
	os.WriteFile(filepath.Join(dir, "cases/C-1/notes/n.md"), []byte("n\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "other.txt"), []byte("changed\n"), 0o644)
	at := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	if err := Commit(dir, "C-1: intake → assessment", at, []string{"cases/C-1/case.yaml", "cases/C-1/notes/n.md"}); err != nil {
		t.Fatal(err)
	}
	commits, err := Log(dir, "cases/C-1")
	if err != nil {
		t.Fatal(err)
	}
	if len(commits) != 2 || commits[0].Subject != "base" {
		t.Fatalf("Log = %+v, want base then the new commit", commits)
	}
	c := commits[1]
	if c.Subject != "C-1: intake → assessment" || c.Author != "Ana" || !c.At.Equal(at) || len(c.Hash) != 40 {
		t.Errorf("new commit = %+v", c)
	}
	// other.txt was changed but not named: it stays out of the commit.
	if out, _ := run(dir, nil, "status", "--porcelain"); string(out) != " M other.txt\n" {
		t.Errorf("git status after Commit = %q", out)
	}
	if _, err := TopLevel(t.TempDir()); err == nil {
		t.Error("TopLevel outside git gave no error")
	}
}
