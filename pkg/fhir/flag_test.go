package fhir

import (
	"slices"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

var flagStatuses = []string{"active", "inactive", "entered-in-error"}

func TestRiskFlag(t *testing.T) {
	at := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		setup  func(c *casefile.Case)
		status string // "" for no Flag
	}{
		{"no risk, no flag", func(c *casefile.Case) { c.Risks = nil }, ""},
		{"the latest risk, active", func(c *casefile.Case) {
			c.Risks = []casefile.Risk{{At: at, By: "w-ana", Level: "low"}, {At: at.Add(time.Hour), By: "w-ana", Level: "high", Flags: []string{"self-harm"}, SafetyPlan: "Daily call"}}
		}, "active"},
		{"closed after the risk: inactive from the closure", func(c *casefile.Case) {
			c.Risks = []casefile.Risk{{At: at, By: "w-ana", Level: "high", Flags: []string{"self-harm"}}}
			c.Phase = "closed"
			c.Closure = &casefile.Closure{At: at.Add(48 * time.Hour), Reason: "goals-met"}
		}, "inactive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := loadCase(t)
			tt.setup(c)
			bundle := generic(t, Build(input(c, false)))
			flags := resources(t, bundle)["Flag"]
			if tt.status == "" {
				if len(flags) != 0 {
					t.Fatalf("flags %v, want none", flags)
				}
				return
			}
			if len(flags) != 1 {
				t.Fatalf("%d flags, want 1", len(flags))
			}
			f := flags[0]
			if f["status"] != tt.status || !slices.Contains(flagStatuses, f["status"].(string)) {
				t.Errorf("status %v, want %s", f["status"], tt.status)
			}
			code := f["code"].(map[string]any)
			if code["text"] != "Risk: high (self-harm)" || code["coding"].([]any)[0].(map[string]any)["code"] != "high" {
				t.Errorf("code %v", code)
			}
			cat := f["category"].([]any)[0].(map[string]any)["coding"].([]any)[0].(map[string]any)
			if cat["system"] != flagCategorySystem || cat["code"] != "safety" {
				t.Errorf("category %v", cat)
			}
			if f["subject"].(map[string]any)["reference"] == nil {
				t.Error("Flag.subject missing")
			}
			walk(f, func(m map[string]any) {
				for _, v := range m {
					if s, ok := v.(string); ok && s == "Daily call" {
						t.Error("the safety plan travels in the Flag")
					}
				}
			})
		})
	}
}
