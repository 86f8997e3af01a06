package validate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/config"
	"go.yaml.in/yaml/v3"
)

var now = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func defaultConfig(t testing.TB) *config.Config {
	t.Helper()
	var cfg config.Config
	if err := yaml.Unmarshal(config.DefaultYAML, &cfg); err != nil {
		t.Fatal(err)
	}
	return &cfg
}

// writeRepo writes files (path -> content) into a new repository.
func writeRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	files[config.FileName] += ""
	for p, content := range files {
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const worker = "id: w-ana\nname: Ana Ruiz\nfte: 1\n"

// goodCase is a case in planning that went there legally.
const goodCase = `id: C-1
opened: 2026-02-01
phase: planning
worker: w-ana
client:
  name: Maria Lopez
history:
  - at: 2026-02-01T09:00:00Z
    by: w-ana
    to: intake
    reason: opened
  - at: 2026-02-02T09:00:00Z
    by: w-ana
    from: intake
    to: assessment
  - at: 2026-02-04T09:00:00Z
    by: w-ana
    from: assessment
    to: planning
assessments:
  - at: 2026-02-03T09:00:00Z
    by: w-ana
    instrument: ssm
    scores:
      housing: 2
`

// TestRules runs each rule against a file that breaks it, and checks the
// finding's rule and line.
func TestRules(t *testing.T) {
	tests := []struct {
		name  string
		path  string // file to replace; default the case file
		edit  func(string) string
		rule  string
		line  int
		sev   Severity
		extra map[string]string
	}{
		{name: "clean"},
		{name: "syntax", edit: func(s string) string { return s + "  bad: [\n" }, rule: "yaml-syntax"},
		{name: "unknown key", edit: func(s string) string { return strings.Replace(s, "phase:", "phsae: x\nphase:", 1) }, rule: "unknown-key", line: 3},
		{name: "wrong type", edit: func(s string) string { return strings.Replace(s, "  name: Maria Lopez", "  name: [a]", 1) }, rule: "wrong-type", line: 6},
		{name: "impossible date", edit: func(s string) string { return strings.Replace(s, "opened: 2026-02-01", "opened: 2026-02-30", 1) }, rule: "invalid-date", line: 2},
		{name: "empty required", edit: func(s string) string { return strings.Replace(s, "worker: w-ana", "worker: ''", 1) }, rule: "empty-value", line: 4},
		{name: "id mismatch", edit: func(s string) string { return strings.Replace(s, "id: C-1", "id: C-2", 1) }, rule: "id-mismatch", line: 1},
		{name: "unknown worker", edit: func(s string) string { return strings.Replace(s, "worker: w-ana", "worker: w-bob", 1) }, rule: "unknown-worker", line: 4},
		{name: "unknown phase", edit: func(s string) string { return strings.Replace(s, "phase: planning", "phase: limbo", 1) }, rule: "unknown-phase", line: 3},
		{name: "faked phase", edit: func(s string) string { return strings.Replace(s, "phase: planning", "phase: monitoring", 1) }, rule: "phase-mismatch", line: 3},
		{name: "illegal transition", edit: func(s string) string {
			return strings.Replace(s, "    from: assessment\n    to: planning", "    from: assessment\n    to: monitoring", 1)
		}, rule: "illegal-transition", line: 16},
		{name: "history gap", edit: func(s string) string {
			return strings.Replace(s, "    from: assessment\n", "    from: intake\n", 1)
		}, rule: "history-gap", line: 18},
		{name: "history out of order", edit: func(s string) string {
			return strings.Replace(s, "at: 2026-02-04T09:00:00Z", "at: 2026-02-01T10:00:00Z", 1)
		}, rule: "history-order", line: 16},
		{name: "history does not start with opening", edit: func(s string) string {
			return strings.Replace(s, "    to: intake\n    reason: opened", "    to: assessment\n    reason: opened", 1)
		}, rule: "history-start", line: 8},
		{name: "guard: assessment after the move", edit: func(s string) string {
			return strings.Replace(s, "  - at: 2026-02-03T09:00:00Z", "  - at: 2026-02-05T09:00:00Z", 1)
		}, rule: "guard-failed", line: 16},
		{name: "future date", edit: func(s string) string {
			return strings.Replace(s, "  - at: 2026-02-03T09:00:00Z", "  - at: 2027-02-05T09:00:00Z", 1)
		}, rule: "future-date", line: 21},
		{name: "closed without closure", edit: func(s string) string {
			return strings.Replace(s, "phase: planning", "phase: closed", 1) + "  - at: 2026-02-05T09:00:00Z\n    by: w-ana\n    from: planning\n    to: closed\n"
		}, rule: "missing-closure", line: 3},
		{name: "closure reason", edit: func(s string) string {
			return s + "closure:\n  at: 2026-02-05T09:00:00Z\n  reason: bored\n"
		}, rule: "unknown-closure-reason", line: 28},
		{name: "unknown resource", edit: func(s string) string {
			return s + "plan:\n  goals:\n    - id: g1\n      text: t\n      status: open\n      actions:\n        - id: a1\n          text: t\n          status: open\n          resource: r-none\n"
		}, rule: "unknown-resource", line: 35},
		{name: "worker without fte", path: "workers/w-ana.yaml", edit: func(string) string { return "id: w-ana\nname: Ana\nfte: 0\n" }, rule: "invalid-value", line: 3},
		{name: "worker id mismatch", path: "workers/w-ana.yaml", edit: func(string) string { return "id: w-anna\nname: Ana\nfte: 1\n" }, rule: "id-mismatch", line: 1},
		{name: "resource without category", path: "resources/r-1.yaml", edit: func(string) string { return "id: r-1\nname: Food bank\ncategory: ''\n" }, rule: "empty-value", line: 3},
		{name: "note kind", path: "cases/C-1/notes/20260202T090000Z-AAAA.md", edit: func(string) string {
			return "---\nat: 2026-02-02T09:00:00Z\nby: w-ana\nkind: gossip\n---\nHello\n"
		}, rule: "invalid-value", line: 2},
		{name: "empty note", path: "cases/C-1/notes/20260202T090000Z-AAAB.md", edit: func(string) string {
			return "---\nat: 2026-02-02T09:00:00Z\nby: w-ana\nkind: call\n---\n\n"
		}, rule: "empty-file", line: 1},
		{name: "note with invalid UTF-8", path: "cases/C-1/notes/20260202T090000Z-AAAC.md", edit: func(string) string {
			return "---\nat: 2026-02-02T09:00:00Z\nby: w-ana\nkind: call\n---\nbad \xff\n"
		}, rule: "yaml-syntax", line: 6},
		{name: "stray file", path: "workers/notes.txt", edit: func(string) string { return "x" }, rule: "stray-file", line: 1, sev: Warning},
		{name: "workflow unknown guard", path: config.FileName, edit: func(string) string {
			return "workflow:\n  initial: intake\n  phases:\n    - name: intake\n      next: [closed]\n    - name: closed\n      requires: [stars]\n"
		}, rule: "workflow-unknown-guard", line: 7},
		{name: "missing case file", path: "cases/C-3/notes/x.txt", edit: func(string) string { return "" }, rule: "missing-file", line: 1},
		{name: "name with a line break", edit: func(s string) string { return strings.Replace(s, "  name: Maria Lopez", `  name: "Maria\nLopez"`, 1) }, rule: "implausible-name", line: 6},
		{name: "email", edit: func(s string) string {
			return strings.Replace(s, "  name: Maria Lopez", "  name: Maria Lopez\n  email: notanemail", 1)
		}, rule: "implausible-email", line: 7},
		{name: "dob before 1900", edit: func(s string) string {
			return strings.Replace(s, "  name: Maria Lopez", "  name: Maria Lopez\n  dob: 1800-01-01", 1)
		}, rule: "implausible-dob", line: 7},
		{name: "dob in the future", edit: func(s string) string {
			return strings.Replace(s, "  name: Maria Lopez", "  name: Maria Lopez\n  dob: 2030-01-01", 1)
		}, rule: "future-date", line: 7},
		{name: "retired worker holds an open case", path: "workers/w-ana.yaml", edit: func(s string) string {
			return s + "retired:\n  date: 2026-02-10\n  by: w-ana\n"
		}, rule: "retired-worker", line: 4, sev: Warning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"workers/w-ana.yaml": worker, "cases/C-1/case.yaml": goodCase}
			if tt.edit != nil {
				p := tt.path
				if p == "" {
					p = "cases/C-1/case.yaml"
				}
				files[p] = tt.edit(files[p])
			}
			root := writeRepo(t, files)
			cfg := defaultConfig(t)
			if tt.path == config.FileName {
				yaml.Unmarshal([]byte(files[config.FileName]), cfg)
			}
			fs, err := Run(Options{Root: root, Config: cfg, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if tt.rule == "" {
				if len(fs) > 0 {
					t.Fatalf("clean repository: %v", fs)
				}
				return
			}
			f := findingOf(t, fs, tt.rule)
			sev := tt.sev
			if sev == "" {
				sev = Error
			}
			if (tt.line != 0 && f.Line != tt.line) || f.Severity != sev || f.Message == "" {
				t.Errorf("got %s, want line %d, %s", f, tt.line, sev)
			}
		})
	}
}

// findingOf returns the first finding of rule, failing the test when
// there is none.
func findingOf(t *testing.T, fs []Finding, rule string) Finding {
	t.Helper()
	i := slices.IndexFunc(fs, func(f Finding) bool { return f.Rule == rule })
	if i < 0 {
		t.Fatalf("no %s finding in %v", rule, fs)
	}
	return fs[i]
}

func TestLookupAndPos(t *testing.T) {
	var doc yaml.Node
	yaml.Unmarshal([]byte(goodCase), &doc)
	tests := []struct {
		path      string
		line, col int
		found     bool
	}{
		{"id", 1, 1, true},
		{"client.name", 6, 3, true},
		{"history[2]", 16, 5, true},
		{"history[2].to", 19, 5, true},
		{"assessments[0].scores.housing", 25, 7, true},
		{"client.phone", 5, 1, false}, // reported at its parent
		{"history[9]", 7, 1, false},
	}
	for _, tt := range tests {
		line, col := Pos(&doc, tt.path)
		_, found := Lookup(&doc, tt.path)
		if line != tt.line || col != tt.col || found != tt.found {
			t.Errorf("%s: got %d:%d found %v, want %d:%d %v", tt.path, line, col, found, tt.line, tt.col, tt.found)
		}
	}
}

func TestFormats(t *testing.T) {
	f := Finding{Path: "cases/C-1/case.yaml", Line: 14, Col: 3, Severity: Error, Message: "100% wrong, really", Rule: "illegal-transition"}
	if got, want := f.String(), "cases/C-1/case.yaml:14:3: error: 100% wrong, really [illegal-transition]"; got != want {
		t.Errorf("text %q", got)
	}
	if got, want := f.GitHub(), "::error file=cases/C-1/case.yaml,line=14,col=3::100%25 wrong, really [illegal-transition]"; got != want {
		t.Errorf("github %q", got)
	}
	within := Within([]Finding{f, {Path: "workers/w.yaml"}}, []string{"cases/"})
	if len(within) != 1 || within[0].Path != f.Path {
		t.Errorf("Within: %v", within)
	}
}

// TestValuesAreQuotedShort: a wrong value that is free text, not a token,
// is quoted as a short excerpt, escaped.
func TestValuesAreQuotedShort(t *testing.T) {
	root := writeRepo(t, map[string]string{
		"workers/w-ana.yaml":                       worker,
		"cases/C-1/case.yaml":                      goodCase,
		"cases/C-1/notes/20260202T090000Z-AAAA.md": "---\nat: 2026-02-02T09:00:00Z\nby: w-ana\nkind: Maria told me she drinks again\n---\nHello\n",
	})
	fs, err := Run(Options{Root: root, Config: defaultConfig(t), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	f := findingOf(t, fs, "invalid-value")
	if want := `note kind "Maria told me she dr…" is not one of`; !strings.Contains(f.Message, want) || strings.Contains(f.Message, "drinks") {
		t.Errorf("got %s, want %s", f, want)
	}
}
