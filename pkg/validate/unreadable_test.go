//go:build unix

package validate

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestUnreadableCaseIsAFinding: one case directory that cannot be read is
// a finding of that case (rule cannot-read), and every other case is
// still checked; before, validate stopped with exit 2 ("cannot validate
// ...: cases/C-2/notes: cannot read: not a directory"), and a named pipe
// made it wait forever. Running as root, permissions do not apply, so
// the directory without permissions is tried only as another user; a
// file or a pipe in the notes directory's place fails the same read.
func TestUnreadableCaseIsAFinding(t *testing.T) {
	pipe := func(p string) error { return syscall.Mkfifo(p, 0o600) }
	tests := []struct {
		name, path string
		make       func(p string) error
		want       string // the finding's path and message
	}{
		{"notes is a file", "cases/C-2/notes", func(p string) error { return os.WriteFile(p, []byte("x"), 0o600) }, "cases/C-2/notes: cases/C-2/notes: cannot read: not a directory"},
		{"notes is a named pipe", "cases/C-2/notes", pipe, "cases/C-2/notes: cases/C-2/notes is a named pipe (FIFO), not a file or directory; casework reads only regular files: remove it"},
		{"case file is a named pipe", "cases/C-2/case.yaml", pipe, "cases/C-2/case.yaml: cases/C-2/case.yaml is a named pipe (FIFO)"},
		{"note is a named pipe", "cases/C-2/notes/20260203T110000Z-ABCD.md", pipe, "cases/C-2/notes/20260203T110000Z-ABCD.md: cases/C-2/notes/20260203T110000Z-ABCD.md is a named pipe (FIFO)"},
		{"directory without permissions", "cases/C-2", func(p string) error {
			if os.Geteuid() == 0 {
				return errSkip
			}
			return os.Chmod(p, 0)
		}, "cases/C-2/case.yaml: cases/C-2/case.yaml: cannot read: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c2 := strings.ReplaceAll(goodCase, "C-1", "C-2")
			root := writeRepo(t, map[string]string{"workers/w-ana.yaml": worker, "cases/C-1/case.yaml": goodCase, "cases/C-2/case.yaml": c2})
			p := filepath.Join(root, tt.path)
			if _, err := os.Stat(p); err == nil && !strings.HasSuffix(tt.path, "C-2") {
				os.Remove(p)
			}
			os.MkdirAll(filepath.Dir(p), 0o700)
			if err := tt.make(p); err == errSkip {
				t.Skip("running as root: permissions do not apply")
			} else if err != nil {
				t.Skip("cannot make it here:", err)
			}
			t.Cleanup(func() { os.Chmod(p, 0o700) })
			done := make(chan struct{})
			var fs []Finding
			var err error
			go func() {
				fs, err = Run(Options{Root: root, Config: defaultConfig(t), Now: now})
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("validate still running after 20s")
			}
			if err != nil {
				t.Fatalf("validate stopped: %v", err)
			}
			f := findingOf(t, fs, "cannot-read")
			if got := f.Path + ": " + f.Message; !strings.HasPrefix(got, tt.want) || f.Severity != Error {
				t.Errorf("got  %s\nwant %s...", got, tt.want)
			}
			for _, f := range fs {
				if strings.HasPrefix(f.Path, "cases/C-1") {
					t.Errorf("C-1 is fine, but: %s", f)
				}
			}
		})
	}
}

var errSkip = errors.New("skip")
