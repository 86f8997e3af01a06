package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestMakeInstall runs 'make install' into a temporary PREFIX and checks
// that the binary, every man page and the three shells' completions land
// where each looks for them; 'make uninstall' removes them again.
func TestMakeInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds casework")
	}
	for _, tool := range []string{"make", "install"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	tmp := t.TempDir()
	prefix := filepath.Join(tmp, "prefix")
	make := func(target string) {
		t.Helper()
		cmd := exec.Command("make", "-C", filepath.Join("..", ".."), target, "PREFIX="+prefix, "BIN="+filepath.Join(tmp, "casework"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("make %s: %v\n%s", target, err, out)
		}
	}
	make("install")
	pages, err := filepath.Glob(filepath.Join("..", "..", "docs", "man", "*.1"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no man pages in docs/man: %v", err)
	}
	want := []string{
		"bin/casework",
		"share/bash-completion/completions/casework",
		"share/zsh/site-functions/_casework",
		"share/fish/vendor_completions.d/casework.fish",
	}
	for _, p := range pages {
		want = append(want, "share/man/man1/"+filepath.Base(p))
	}
	for _, rel := range want {
		info, err := os.Stat(filepath.Join(prefix, rel))
		if err != nil || info.Size() == 0 {
			t.Errorf("make install did not install %s: %v", rel, err)
		}
	}
	if info, err := os.Stat(filepath.Join(prefix, "bin", "casework")); err == nil && info.Mode().Perm()&0o111 == 0 {
		t.Errorf("bin/casework is not executable: %v", info.Mode())
	}
	make("uninstall")
	for _, rel := range want {
		if _, err := os.Stat(filepath.Join(prefix, rel)); err == nil {
			t.Errorf("make uninstall left %s", rel)
		}
	}
}
