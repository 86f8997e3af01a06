package validate

import (
	"fmt"
	"testing"
)

var sprintf = fmt.Sprintf

// TestAmounts: validate reports every amount of money that the commands
// refuse (casefile.CheckAmount), naming the key; before, a negative
// budget, cost or approved amount in a case file passed.
func TestAmounts(t *testing.T) {
	const plan = "plan:\n  budget: %s\n  goals:\n    - id: G1\n      text: t\n      status: open\n      actions:\n        - id: A1\n          text: t\n          status: planned\n          cost: %s\n"
	tests := []struct {
		name, path, file string
		line             int
		want             string // "" when clean
	}{
		{"amounts of 0 and more", "", goodCase + sprintf(plan, "1200", "0"), 0, ""},
		{"negative budget", "", goodCase + sprintf(plan, "-5", "10"), 27, "plan.budget must not be negative: an amount is 0 or more"},
		{"negative cost", "", goodCase + sprintf(plan, "5", "-10.5"), 36, "plan.goals[0].actions[0].cost must not be negative: an amount is 0 or more"},
		{"budget too large", "", goodCase + sprintf(plan, "1e13", "10"), 27, "plan.budget is more than 1,000,000,000,000, the most an amount may be"},
		{"negative approved amount", "", goodCase + "approvals:\n  - at: 2026-02-05T10:00:00Z\n    by: w-ana\n    what: expense\n    amount: -100\n", 30, "approvals[0].amount must not be negative: an amount is 0 or more"},
		{"negative resource cost", "resources/r-1.yaml", "id: r-1\nname: Food bank\ncategory: food\ncost: -3\nper: hour\n", 4, "cost must not be negative: an amount is 0 or more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"workers/w-ana.yaml": worker, "cases/C-1/case.yaml": goodCase}
			p := tt.path
			if p == "" {
				p = "cases/C-1/case.yaml"
			}
			files[p] = tt.file
			fs, err := Run(Options{Root: writeRepo(t, files), Config: defaultConfig(t), Now: now})
			if err != nil {
				t.Fatal(err)
			}
			var found []Finding
			for _, f := range fs {
				if f.Rule == "invalid-value" {
					found = append(found, f)
				}
			}
			if tt.want == "" {
				if len(found) > 0 {
					t.Fatalf("got %v", found)
				}
				return
			}
			if len(found) != 1 || found[0].Path != p || found[0].Line != tt.line || found[0].Message != tt.want || found[0].Severity != Error {
				t.Errorf("got  %v\nwant %s:%d: error: %s", found, p, tt.line, tt.want)
			}
		})
	}
}
