package validate

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casework/casework/pkg/gitrev"
)

// recordedCase has an entry of every recorded kind.
const recordedCase = goodCase + `plan:
  agreed:
    by: w-ana
    at: 2026-02-04T10:00:00Z
    digest: sha256:aaaa
reviews:
  - at: 2026-02-05T09:00:00Z
    by: w-ana
    note: first review
approvals:
  - at: 2026-02-05T10:00:00Z
    by: w-bo
    what: expense
    amount: 100
consents:
  - at: 2026-02-02T10:00:00Z
    by: w-ana
    action: give
    purpose: services
    given_by: client
`

const recordedNote = "---\nat: 2026-02-03T11:00:00Z\nby: w-ana\nkind: visit\n---\nVisited at home.\n"

// TestAgainstHoldsEveryEntry commits a case with an entry of every kind
// and a note, edits one by hand, and checks that `validate --against`
// reports it as an error naming the file, the entry and the revision.
func TestAgainstHoldsEveryEntry(t *testing.T) {
	needGit(t)
	const casePath, notePath = "cases/C-1/case.yaml", "cases/C-1/notes/20260203T110000Z-ABCD.md"
	replace := func(old, new string) func(string) string {
		return func(s string) string {
			if !strings.Contains(s, old) {
				panic("test edit does not apply: " + old)
			}
			return strings.Replace(s, old, new, 1)
		}
	}
	tests := []struct {
		name string
		path string
		edit func(string) string // nil deletes the file
		rule string              // "" when the change is legal
		line int
		what string // in the message
	}{
		{"appended review and approval", casePath, func(s string) string {
			return s + "  - at: 2026-02-06T10:00:00Z\n    by: w-bo\n    what: expense\n    amount: 50\n"
		}, "", 0, ""},
		{"a new agreement", casePath, replace("    at: 2026-02-04T10:00:00Z\n    digest: sha256:aaaa", "    at: 2026-02-06T10:00:00Z\n    digest: sha256:bbbb"), "", 0, ""},
		{"assessment rewritten", casePath, replace("housing: 2", "housing: 4"), "entry-rewritten", 21, "assessments[0] was rewritten since HEAD (it was the entry of 2026-02-03T09:00:00Z by w-ana)"},
		{"assessment removed", casePath, replace("assessments:\n  - at: 2026-02-03T09:00:00Z\n    by: w-ana\n    instrument: ssm\n    scores:\n      housing: 2\n", ""), "entry-removed", 1, "assessments[0] to assessments[0]"},
		{"review deleted", casePath, replace("reviews:\n  - at: 2026-02-05T09:00:00Z\n    by: w-ana\n    note: first review\n", ""), "entry-removed", 1, "reviews[0] to reviews[0] (the first the entry of 2026-02-05T09:00:00Z by w-ana) were removed since HEAD"},
		{"review rewritten", casePath, replace("note: first review", "note: a nicer story"), "entry-rewritten", 32, "reviews[0] was rewritten since HEAD"},
		{"review backdated", casePath, replace("  - at: 2026-02-05T09:00:00Z", "  - at: 2026-01-05T09:00:00Z"), "entry-backdated", 32, "reviews[0] was backdated since HEAD"},
		{"approval deleted", casePath, replace("approvals:\n  - at: 2026-02-05T10:00:00Z\n    by: w-bo\n    what: expense\n    amount: 100\n", ""), "entry-removed", 1, "approvals[0]"},
		{"approval amount raised", casePath, replace("amount: 100", "amount: 100000"), "entry-rewritten", 36, "approvals[0] was rewritten since HEAD (it was the entry of 2026-02-05T10:00:00Z by w-bo)"},
		{"agreement digest forged", casePath, replace("digest: sha256:aaaa", "digest: sha256:ffff"), "entry-rewritten", 27, "plan.agreed was rewritten since HEAD"},
		{"agreement backdated", casePath, replace("    at: 2026-02-04T10:00:00Z\n    digest", "    at: 2026-02-01T10:00:00Z\n    digest"), "entry-backdated", 27, "plan.agreed was backdated since HEAD"},
		{"agreement removed", casePath, replace("  agreed:\n    by: w-ana\n    at: 2026-02-04T10:00:00Z\n    digest: sha256:aaaa\n", "  budget: 5\n"), "agreement-removed", 26, "the plan's agreement (the entry of 2026-02-04T10:00:00Z by w-ana) was removed since HEAD"},
		{"consent withdrawn by deleting it", casePath, replace("consents:\n  - at: 2026-02-02T10:00:00Z\n    by: w-ana\n    action: give\n    purpose: services\n    given_by: client\n", ""), "entry-removed", 1, "consents[0] to consents[0] (the first the entry of 2026-02-02T10:00:00Z by w-ana) were removed since HEAD"},
		{"consent widened", casePath, replace("    given_by: client\n", "    with: ['*']\n    given_by: client\n"), "entry-rewritten", 41, "consents[0] was rewritten since HEAD"},
		{"opened changed", casePath, replace("opened: 2026-02-01", "opened: 2025-02-01"), "opened-changed", 2, "changed since HEAD (it was 2026-02-01)"},
		{"worker changed without an assignment", casePath, replace("worker: w-ana", "worker: w-bo"), "unrecorded-assignment", 4, "from w-ana to w-bo since HEAD without a recorded assignment"},
		{"note deleted", notePath, nil, "note-deleted", 1, "the note of 2026-02-03T11:00:00Z by w-ana was deleted since HEAD"},
		{"note rewritten", notePath, replace("Visited at home.", "Visited at home. All fine."), "note-rewritten", 1, "was rewritten since HEAD"},
		{"note backdated", notePath, replace("at: 2026-02-03T11:00:00Z", "at: 2026-01-03T11:00:00Z"), "note-backdated", 2, "was backdated since HEAD (it was written at 2026-02-03T11:00:00Z)"},
		{"case directory deleted", "cases/C-1", nil, "case-deleted", 1, "case C-1 was deleted since HEAD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := committedRepo(t, map[string]string{
				"workers/w-ana.yaml": worker, "workers/w-bo.yaml": "id: w-bo\nname: Bo\nfte: 1\nrole: supervisor\n",
				casePath: recordedCase, notePath: recordedNote,
			})
			full := filepath.Join(root, tt.path)
			if tt.edit == nil {
				os.RemoveAll(full)
			} else {
				data, _ := os.ReadFile(full)
				os.WriteFile(full, []byte(tt.edit(string(data))), 0o644)
			}
			fs := runAgainst(t, root)
			if tt.rule == "" {
				for _, f := range fs {
					if strings.Contains(f.Message, "since HEAD") {
						t.Errorf("legal change reported: %s", f)
					}
				}
				return
			}
			f := findingOf(t, fs, tt.rule)
			wantPath := tt.path
			if tt.edit == nil && !strings.HasSuffix(tt.path, ".md") {
				wantPath = casePath
			}
			if f.Path != wantPath || f.Line != tt.line || f.Severity != Error || !strings.Contains(f.Message, tt.what) {
				t.Errorf("got  %s\nwant %s:%d: error: ...%s...", f, wantPath, tt.line, tt.what)
			}
		})
	}
}

// TestAgainstSymlinkedCase replaces a committed case directory with a
// symbolic link to another case.
func TestAgainstSymlinkedCase(t *testing.T) {
	needGit(t)
	root := committedRepo(t, map[string]string{"workers/w-ana.yaml": worker, "cases/C-1/case.yaml": goodCase, "cases/C-2/case.yaml": closedCase})
	os.RemoveAll(filepath.Join(root, "cases/C-2"))
	if err := os.Symlink("C-1", filepath.Join(root, "cases/C-2")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	f := findingOf(t, runAgainst(t, root), "record-replaced-by-symlink")
	if f.Path != "cases/C-2/case.yaml" || f.Severity != Error || !strings.Contains(f.Message, "cases/C-2 was a case's record at HEAD and is now a symbolic link") {
		t.Errorf("got %s", f)
	}
}

// committedRepo writes files into a new repository and commits them: the
// base revision HEAD.
func committedRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	root := writeRepo(t, files)
	git(t, root, "init", "-q")
	git(t, root, "add", ".")
	git(t, root, "commit", "-q", "-m", "base")
	return root
}

// runAgainst validates root against its HEAD.
func runAgainst(t *testing.T, root string) []Finding {
	t.Helper()
	files, err := gitrev.Files(root, "HEAD", BaseFile)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := Run(Options{Root: root, Config: defaultConfig(t), Now: now, Base: &Base{Rev: "HEAD", Files: files}})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// TestAgainstMoveBeforeAgreement appends a move into implementation dated
// before the plan's agreement.
func TestAgainstMoveBeforeAgreement(t *testing.T) {
	needGit(t)
	const casePath = "cases/C-1/case.yaml"
	root := committedRepo(t, map[string]string{"workers/w-ana.yaml": worker, casePath: goodCase})
	s := strings.Replace(goodCase, "phase: planning", "phase: implementation", 1)
	s = strings.Replace(s, "assessments:", "  - at: 2026-02-05T09:00:00Z\n    by: w-ana\n    from: planning\n    to: implementation\nassessments:", 1)
	s += "plan:\n  goals:\n    - id: G1\n      text: Housing\n      status: open\n  agreed:\n    by: client\n    at: 2026-02-06T09:00:00Z\n"
	os.WriteFile(filepath.Join(root, casePath), []byte(s), 0o644)
	f := findingOf(t, runAgainst(t, root), "move-before-agreement")
	if f.Path != casePath || f.Line != 20 || f.Severity != Error || !strings.Contains(f.Message, "history[3] (recorded since HEAD) moves into implementation at 2026-02-05T09:00:00Z, but the plan was agreed at 2026-02-06T09:00:00Z") {
		t.Errorf("got %s", f)
	}
}

func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}
