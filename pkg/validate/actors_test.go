package validate

import (
	"strings"
	"testing"
)

// TestUnknownActor: every entry's `by`, and every note's, must be a
// worker.
func TestUnknownActor(t *testing.T) {
	tests := []struct {
		name, path, content string
		line                int // 0: no finding
	}{
		{name: "history entry", content: strings.Replace(goodCase, "  - at: 2026-02-02T09:00:00Z\n    by: w-ana", "  - at: 2026-02-02T09:00:00Z\n    by: w-zed", 1), line: 13},
		{name: "assessment", content: strings.Replace(goodCase, "instrument: ssm", "instrument: ssm", 1)[:len(goodCase)-len("    by: w-ana\n    instrument: ssm\n    scores:\n      housing: 2\n")] + "    by: ana@example.org\n    instrument: ssm\n    scores:\n      housing: 2\n", line: 22},
		{name: "a later list", content: goodCase + "risks:\n  - at: 2026-02-03T09:00:00Z\n    by: w-zed\n", line: 28},
		{name: "note", path: "cases/C-1/notes/20260202T090000Z-AAAA.md", content: "---\nat: 2026-02-02T09:00:00Z\nby: w-zed\nkind: visit\n---\nHello\n", line: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"workers/w-ana.yaml": worker, "cases/C-1/case.yaml": goodCase}
			p := tt.path
			if p == "" {
				p = "cases/C-1/case.yaml"
			}
			files[p] = tt.content
			fs, err := Run(Options{Root: writeRepo(t, files), Config: defaultConfig(t), Now: now})
			if err != nil {
				t.Fatal(err)
			}
			var got []Finding
			for _, f := range fs {
				if f.Rule == "unknown-actor" {
					got = append(got, f)
				}
			}
			if tt.line == 0 {
				if len(got) > 0 {
					t.Fatalf("unexpected: %v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Line != tt.line || got[0].Path != p || got[0].Severity != Error {
				t.Fatalf("got %v, want one unknown-actor error at %s:%d", got, p, tt.line)
			}
		})
	}
}
