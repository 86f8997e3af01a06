package validate

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const closedCase = `id: C-2
opened: 2026-02-01
phase: closed
worker: w-ana
client:
  name: Tom Berg
history:
  - at: 2026-02-01T09:00:00Z
    by: w-ana
    to: intake
    reason: opened
  - at: 2026-02-02T09:00:00Z
    by: w-ana
    from: intake
    to: closed
    reason: moved-away
closure:
  at: 2026-02-02T09:00:00Z
  reason: moved-away
`

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestAgainst commits a clean repository, fakes one change by hand, and
// checks that comparing with the commit catches it, at the right line.
func TestAgainst(t *testing.T) {
	needGit(t)
	appendMove := "  - at: 2026-02-05T09:00:00Z\n    by: w-ana\n    from: planning\n    to: assessment\n"
	tests := []struct {
		name string
		path string
		edit func(string) string // nil deletes the file
		rule string              // "" when nothing must be found
		line int
	}{
		{"legal appended move", "cases/C-1/case.yaml", func(s string) string {
			s = strings.Replace(s, "phase: planning", "phase: assessment", 1)
			return strings.Replace(s, "assessments:", appendMove+"assessments:", 1)
		}, "", 0},
		{"faked phase change", "cases/C-1/case.yaml", func(s string) string {
			return strings.Replace(s, "phase: planning", "phase: assessment", 1)
		}, "unrecorded-phase-change", 3},
		{"rewritten entry", "cases/C-1/case.yaml", func(s string) string {
			return strings.Replace(s, "    from: intake\n    to: assessment\n", "    from: intake\n    to: assessment\n    reason: nicer story\n", 1)
		}, "history-rewritten", 12},
		{"removed entry", "cases/C-1/case.yaml", func(s string) string {
			s = strings.Replace(s, "phase: planning", "phase: assessment", 1)
			return strings.Replace(s, "  - at: 2026-02-04T09:00:00Z\n    by: w-ana\n    from: assessment\n    to: planning\n", "", 1)
		}, "history-removed", 7},
		{"changed ID", "cases/C-1/case.yaml", func(s string) string {
			return strings.Replace(s, "id: C-1", "id: C-1X", 1)
		}, "id-changed", 1},
		{"edited closed case", "cases/C-2/case.yaml", func(s string) string {
			return strings.Replace(s, "name: Tom Berg", "name: Thomas Berg", 1)
		}, "closed-case-edited", 5},
		{"closed case with an appended assignment", "cases/C-2/case.yaml", func(s string) string {
			return strings.Replace(s, "closure:", "  - at: 2026-02-03T09:00:00Z\n    by: w-ana\n    assign:\n      from: w-ana\n      to: w-ana\nclosure:", 1)
		}, "closed-case-edited", 7},
		{"deleted case", "cases/C-2/case.yaml", nil, "case-deleted", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := committedRepo(t, map[string]string{"workers/w-ana.yaml": worker, "cases/C-1/case.yaml": goodCase, "cases/C-2/case.yaml": closedCase})
			full := filepath.Join(root, tt.path)
			if tt.edit == nil {
				os.RemoveAll(filepath.Dir(full))
			} else {
				data, _ := os.ReadFile(full)
				os.WriteFile(full, []byte(tt.edit(string(data))), 0o644)
			}
			fs := runAgainst(t, root)
			if tt.rule == "" {
				if len(fs) > 0 {
					t.Fatalf("legal change: %v", fs)
				}
				return
			}
			if f := findingOf(t, fs, tt.rule); f.Path != tt.path || f.Line != tt.line || f.Severity != Error || !strings.Contains(f.Message, "HEAD") {
				t.Errorf("got %s, want %s:%d", f, tt.path, tt.line)
			}
		})
	}
}
