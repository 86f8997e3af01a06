package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestReferenceIsCurrent regenerates the reference from the live command
// tree and compares it with the committed docs/cli and docs/man: a command,
// flag or help text changed without `make docs` fails here.
func TestReferenceIsCurrent(t *testing.T) {
	tmp := t.TempDir()
	if err := generate(filepath.Join(tmp, "cli"), filepath.Join(tmp, "man")); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"cli", "man"} {
		want := readDir(t, filepath.Join(tmp, dir))
		got := readDir(t, filepath.Join("..", "..", "docs", dir))
		for name, data := range want {
			if old, ok := got[name]; !ok {
				t.Errorf("docs/%s/%s is missing; run 'make docs'", dir, name)
			} else if !bytes.Equal(old, data) {
				t.Errorf("docs/%s/%s is stale; run 'make docs'", dir, name)
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("docs/%s/%s documents no command; run 'make docs'", dir, name)
			}
		}
	}
}

func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = data
	}
	return files
}

// TestManPages checks what a Unix user expects of the man pages: each is
// titled for its command, and casework(1) has the sections of a tool's
// page, in man-pages(7) order.
func TestManPages(t *testing.T) {
	tmp := t.TempDir()
	if err := generate(filepath.Join(tmp, "cli"), filepath.Join(tmp, "man")); err != nil {
		t.Fatal(err)
	}
	for name, title := range map[string]string{
		"casework.1":               `.TH "CASEWORK" "1"`,
		"casework-case-new.1":      `.TH "CASEWORK-CASE-NEW" "1"`,
		"casework-plan-goal-set.1": `.TH "CASEWORK-PLAN-GOAL-SET" "1"`,
	} {
		data, err := os.ReadFile(filepath.Join(tmp, "man", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(title)) {
			t.Errorf("%s is not titled %s:\n%.200s", name, title, data)
		}
	}
	root, err := os.ReadFile(filepath.Join(tmp, "man", "casework.1"))
	if err != nil {
		t.Fatal(err)
	}
	last := -1
	for _, section := range []string{"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO"} {
		i := bytes.Index(root, []byte("\n.SH "+section+"\n"))
		if i < 0 || i < last {
			t.Errorf("casework(1): section %s missing or out of order", section)
		}
		last = i
	}
	for _, want := range []string{"CASEWORK_DIR", "CASEWORK_USER", "CASEWORK_COMMIT", "\\fIcases/ID/case.yaml\\fP", "casework validate", "\\fBgit(1)\\fP"} {
		if !bytes.Contains(root, []byte(want)) {
			t.Errorf("casework(1) does not mention %s", want)
		}
	}
}
