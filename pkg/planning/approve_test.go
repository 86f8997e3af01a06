package planning

import (
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func TestCanApprove(t *testing.T) {
	roles := []string{"supervisor", "manager"}
	tests := []struct {
		w       casefile.Worker
		wantErr string
	}{
		{casefile.Worker{ID: "w-sue", Role: "supervisor"}, ""},
		{casefile.Worker{ID: "w-max", Role: "manager"}, ""},
		{casefile.Worker{ID: "w-ana", Role: "social-worker"}, "w-ana (social-worker) cannot approve: approving needs the role supervisor or manager"},
		{casefile.Worker{ID: "w-x"}, "w-x (no role) cannot approve"},
	}
	for _, tt := range tests {
		err := CanApprove(tt.w, roles)
		if (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("CanApprove(%s) = %v, want %q", tt.w.ID, err, tt.wantErr)
		}
	}
}

func TestApprove(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	withGoal := func() *casefile.Case {
		c := &casefile.Case{ID: "C-1"}
		AddGoal(&c.Plan, casefile.Goal{Text: "Housing"})
		return c
	}
	tests := []struct {
		name       string
		c          *casefile.Case
		a          casefile.Approval
		wantDigest bool
		wantErr    string
	}{
		{"plan", withGoal(), casefile.Approval{What: "plan", Note: " ok "}, true, ""},
		{"closure", &casefile.Case{ID: "C-1"}, casefile.Approval{What: "closure"}, false, ""},
		{"expense", &casefile.Case{ID: "C-1"}, casefile.Approval{What: "expense", Amount: 120}, false, ""},
		{"plan without goals", &casefile.Case{ID: "C-1"}, casefile.Approval{What: "plan"}, false, "no goals to approve"},
		{"expense without amount", withGoal(), casefile.Approval{What: "expense"}, false, "needs the --amount"},
		{"amount on a plan", withGoal(), casefile.Approval{What: "plan", Amount: 5}, false, "--amount is for expense"},
		{"unknown", withGoal(), casefile.Approval{What: "budget"}, false, `cannot approve "budget": approve one of plan, closure, expense`},
	}
	for _, tt := range tests {
		tt.a.At, tt.a.By = at, "w-sue"
		got, err := Approve(tt.c, tt.a)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || len(tt.c.Approvals) != 0 {
				t.Errorf("%s: error = %v, want %q", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil || len(tt.c.Approvals) != 1 || (got.Digest != "") != tt.wantDigest || got.Note != strings.TrimSpace(tt.a.Note) {
			t.Errorf("%s: %+v, %v", tt.name, got, err)
		}
		if tt.wantDigest && (got.Digest != tt.c.Plan.Digest() || !PlanApproved(tt.c)) {
			t.Errorf("%s: digest %s, plan %s", tt.name, got.Digest, tt.c.Plan.Digest())
		}
	}
	c := withGoal()
	Approve(c, casefile.Approval{What: "plan"})
	AddGoal(&c.Plan, casefile.Goal{Text: "Income"})
	if PlanApproved(c) {
		t.Error("approval still holds after the plan changed")
	}
}
