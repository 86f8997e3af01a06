package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoWorkflowCommandInjection names a case directory with a newline
// and a GitHub Actions workflow command: no output line of validate, in
// any format, may start with "::" except validate's own annotations, and
// the name is shown escaped.
func TestNoWorkflowCommandInjection(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("CASEWORK_NOW", "2026-03-02T09:00:00Z")
	t.Setenv("CASEWORK_USER", "w-ana")
	t.Setenv("HOME", dir)
	run := func(args ...string) (string, string, int) {
		var out, errOut bytes.Buffer
		code := Main(args, strings.NewReader(""), &out, &errOut)
		return out.String(), errOut.String(), code
	}
	if _, e, code := run("init", "--agency", "X", "."); code != 0 {
		t.Fatalf("init: %s", e)
	}
	evil := "C-X\n::warning file=README.md::owned\x1b[2J"
	if err := os.MkdirAll(filepath.Join(dir, "cases", evil), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cases", evil, "case.yaml"), []byte("id: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Every other command that meets the file reports it on stderr.
	for _, args := range [][]string{{"case", "list"}, {"case", "show", "C-X"}, {"caseload"}} {
		out, errOut, _ := run(args...)
		for _, line := range strings.Split(out+errOut, "\n") {
			if strings.HasPrefix(line, "::") || strings.Contains(line, "\x1b") {
				t.Errorf("%v printed an injected line: %q", args, line)
			}
		}
	}
	for _, format := range []string{"text", "github"} {
		out, errOut, code := run("validate", "-o", format)
		if code != 1 {
			t.Errorf("validate -o %s exit %d, want 1\n%s%s", format, code, out, errOut)
		}
		for _, line := range strings.Split(out+errOut, "\n") {
			if strings.HasPrefix(line, "::warning file=README.md") || strings.Contains(line, "\x1b") {
				t.Errorf("validate -o %s printed an injected line: %q", format, line)
			}
		}
		if format == "text" && !strings.Contains(out, `cases/C-X\n::warning file=README.md::owned\x1b[2J/case.yaml:`) {
			t.Errorf("validate does not show the file name escaped:\n%s", out)
		}
	}
}
