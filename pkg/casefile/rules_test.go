package casefile

import (
	"errors"
	"strings"
	"testing"
)

// TestProblemsCarryTheirRule: each problem found reading a file carries
// the rule of where it was found, not one guessed from its message.
func TestProblemsCarryTheirRule(t *testing.T) {
	const good = "id: C-1\nopened: 2026-02-01\nphase: intake\nworker: w-a\nclient:\n  name: X\nhistory:\n  - at: 2026-02-01T09:00:00Z\n    by: w-a\n    to: intake\n"
	tests := []struct {
		name, data, rule string
	}{
		{"syntax", good + "  bad: [\n", RuleYAMLSyntax},
		{"two documents", good + "---\nid: C-2\n", RuleYAMLSyntax},
		{"invalid UTF-8", good + "client_x: \xff\n", RuleYAMLSyntax},
		{"alias", "id: &a C-1\nphase: *a\n", RuleYAMLFeature},
		{"merge key", "client: &c\n  name: X\nreferral:\n  <<: *c\n", RuleYAMLFeature},
		{"empty", "", RuleEmptyFile},
		{"unknown key", strings.Replace(good, "phase:", "phsae: x\nphase:", 1), RuleUnknownKey},
		{"missing key", strings.Replace(good, "phase: intake\n", "", 1), RuleMissingKey},
		{"duplicate key", strings.Replace(good, "phase: intake\n", "phase: intake\nphase: intake\n", 1), RuleDuplicateKey},
		{"impossible date", strings.Replace(good, "2026-02-01\n", "2026-02-30\n", 1), RuleInvalidDate},
		{"date of birth", good + "referral:\n  date: 1984-13-01\n", RuleInvalidDate},
		{"time", strings.Replace(good, "2026-02-01T09:00:00Z", "yesterday", 1), RuleInvalidTime},
		{"wrong type", strings.Replace(good, "  name: X", "  name: [X]", 1), RuleWrongType},
		{"not a list", strings.Replace(good, "history:\n", "history: 3\nx:\n", 1), RuleWrongType},
		{"empty list item", good + "team:\n  -\n", RuleEmptyValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs Errors
			doc, err := Parse("case.yaml", []byte(tt.data))
			if err == nil {
				var c Case
				errs = doc.Decode(&c)
			} else {
				var pe *PosError
				if !errors.As(err, &pe) {
					t.Fatalf("%v is not a PosError", err)
				}
				errs = Errors{pe}
			}
			if len(errs) == 0 {
				t.Fatal("no problem found")
			}
			found := false
			for _, e := range errs {
				if e.Rule == "" {
					t.Errorf("%q has no rule", e.Msg)
				}
				found = found || e.Rule == tt.rule
			}
			if !found {
				t.Errorf("no %s problem in %v", tt.rule, errs)
			}
		})
	}
	for _, data := range []string{"at: 2026-01-01T00:00:00Z\n", "---\nat: 2026-01-01T00:00:00Z\n"} {
		_, err := ParseNote("n.md", []byte(data))
		var pe *PosError
		if !errors.As(err, &pe) || pe.Rule != RuleNoteFrontMatter {
			t.Errorf("note %q: %v, want a %s problem", data, err, RuleNoteFrontMatter)
		}
	}
}
