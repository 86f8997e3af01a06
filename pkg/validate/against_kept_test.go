package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// peopleCase has household members and network contacts, one of each
// ended, and a risk entry.
const peopleCase = goodCase + `household:
  - id: M1
    name: Leo Lopez
    relationship: son
  - id: M2
    name: Ana Lopez
    relationship: daughter
    removed:
      at: 2026-02-03T10:00:00Z
      by: w-ana
      reason: moved out
network:
  - id: N1
    name: Rosa
    kind: informal
    relationship: sister
    strength: strong
  - id: N2
    name: Dr Ng
    kind: professional
    relationship: GP
    ended:
      at: 2026-02-03T11:00:00Z
      by: w-ana
      reason: moved practice
risks:
  - at: 2026-02-03T12:00:00Z
    by: w-ana
    level: medium
`

// TestAgainstKeepsPeopleAndRisks: household members and network contacts
// may be changed while they last and are ended (with a departure in the
// history), never erased; an ended one, and its end, never change
// (household.Kept). Risks are append-only. Before validate --against
// called household.Kept, every edit of a member or contact below passed.
func TestAgainstKeepsPeopleAndRisks(t *testing.T) {
	needGit(t)
	const casePath = "cases/C-1/case.yaml"
	const departure = "    to: planning\n  - at: 2026-02-05T10:00:00Z\n    by: w-ana\n    left:\n      member: M1\n    reason: left home\n"
	tests := []struct {
		name       string
		edits      [][2]string // old, new, in order
		rule, what string      // rule "" when the change is legal
		line       int
	}{
		{"changes the commands make", [][2]string{
			{"    name: Leo Lopez\n", "    name: Leo López\n    phone: 555-0100\n    removed:\n      at: 2026-02-05T10:00:00Z\n      by: w-ana\n      reason: left home\n"},
			{"    to: planning\n", departure},
			{"    strength: strong\n", "    strength: weak\n    provides: [emotional]\n"},
			{"network:\n", "  - id: M3\n    name: Baby Lopez\n    relationship: son\nnetwork:\n"},
			{"risks:\n", "  - id: N3\n    name: Sam\n    kind: informal\n    relationship: friend\nrisks:\n"},
			{"    level: medium\n", "    level: medium\n  - at: 2026-02-05T12:00:00Z\n    by: w-ana\n    level: high\n"},
		}, "", "", 0},
		{"a member removed by hand", [][2]string{{"    relationship: son\n", "    relationship: son\n    removed:\n      at: 2026-02-05T10:00:00Z\n      by: w-ana\n      reason: left home\n"}},
			"unrecorded-departure", `since HEAD: member "M1" was ended without a departure in the history; use 'casework member remove' or 'casework network end'`, 27},
		{"a current member erased", [][2]string{{"  - id: M1\n    name: Leo Lopez\n    relationship: son\n", ""}},
			"entry-rewritten", `since HEAD: household[0] now has ID "M2" where member "M1" was; entries keep their place and ID, and new ones are added at the end`, 27},
		{"a removed member erased", [][2]string{{"  - id: M2\n    name: Ana Lopez\n    relationship: daughter\n    removed:\n      at: 2026-02-03T10:00:00Z\n      by: w-ana\n      reason: moved out\n", ""}},
			"entry-removed", `since HEAD: member "M2" was erased; entries are never erased`, 26},
		{"a member's ID changed", [][2]string{{"id: M1", "id: M7"}},
			"entry-rewritten", `since HEAD: household[0] now has ID "M7" where member "M1" was`, 27},
		{"a removal's reason rewritten", [][2]string{{"reason: moved out", "reason: was never here"}},
			"entry-rewritten", `since HEAD: member "M2" had ended and was changed since; an ended entry is kept as it was`, 30},
		{"a removal undone", [][2]string{{"    removed:\n      at: 2026-02-03T10:00:00Z\n      by: w-ana\n      reason: moved out\n", ""}},
			"entry-reopened", `since HEAD: member "M2" had ended and its end was erased`, 30},
		{"a removed member renamed", [][2]string{{"name: Ana Lopez", "name: Anna Lopez"}},
			"entry-rewritten", `since HEAD: member "M2" had ended and was changed since`, 30},
		{"a tie's end backdated", [][2]string{{"at: 2026-02-03T11:00:00Z", "at: 2026-01-03T11:00:00Z"}},
			"entry-rewritten", `since HEAD: network contact "N2" had ended and was changed since`, 43},
		{"contacts reordered", [][2]string{
			{"  - id: N1\n    name: Rosa\n    kind: informal\n    relationship: sister\n    strength: strong\n", ""},
			{"risks:\n", "  - id: N1\n    name: Rosa\n    kind: informal\n    relationship: sister\n    strength: strong\nrisks:\n"},
		}, "entry-rewritten", `since HEAD: network[0] now has ID "N2" where network contact "N1" was`, 38},
		{"an assessment moved to a member", [][2]string{{"    instrument: ssm\n", "    member: M1\n    instrument: ssm\n"}},
			"entry-rewritten", "assessments[0] was rewritten since HEAD (it was the entry of 2026-02-03T09:00:00Z by w-ana)", 21},
		{"a risk lowered", [][2]string{{"level: medium", "level: low"}},
			"entry-rewritten", "risks[0] was rewritten since HEAD (it was the entry of 2026-02-03T12:00:00Z by w-ana); recorded entries are never changed: record a new one", 52},
		{"a risk erased", [][2]string{{"risks:\n  - at: 2026-02-03T12:00:00Z\n    by: w-ana\n    level: medium\n", ""}},
			"entry-removed", "risks[0] to risks[0] (the first the entry of 2026-02-03T12:00:00Z by w-ana) were removed since HEAD", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := committedRepo(t, map[string]string{"workers/w-ana.yaml": worker, casePath: peopleCase})
			s := peopleCase
			for _, e := range tt.edits {
				if !strings.Contains(s, e[0]) {
					t.Fatalf("test edit does not apply: %q", e[0])
				}
				s = strings.Replace(s, e[0], e[1], 1)
			}
			os.WriteFile(filepath.Join(root, casePath), []byte(s), 0o644)
			fs := runAgainst(t, root)
			if tt.rule == "" {
				for _, f := range fs {
					if strings.Contains(f.Message, "since HEAD") || f.Severity == Error {
						t.Errorf("legal change reported: %s", f)
					}
				}
				return
			}
			f := findingOf(t, fs, tt.rule)
			if f.Path != casePath || f.Line != tt.line || f.Severity != Error || !strings.Contains(f.Message, tt.what) {
				t.Errorf("got  %s\nwant %s:%d: error: ...%s...", f, casePath, tt.line, tt.what)
			}
			for _, bad := range []string{"Lopez", "Rosa", "Ng", "moved out", "moved practice"} {
				if strings.Contains(f.Message, bad) {
					t.Errorf("the message repeats client data (%s): %s", bad, f.Message)
				}
			}
		})
	}
}
