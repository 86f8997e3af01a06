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
		got, err := Approve(tt.c, tt.a, "")
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
	Approve(c, casefile.Approval{What: "plan"}, "")
	AddGoal(&c.Plan, casefile.Goal{Text: "Income"})
	if PlanApproved(c) {
		t.Error("approval still holds after the plan changed")
	}
}

func TestCheckApprover(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	c := &casefile.Case{ID: "C-1", Worker: "w-sue", History: []casefile.HistoryEntry{
		{At: t0.Add(time.Hour), Assign: &casefile.Assignment{From: "w-ana", To: "w-sue"}},
	}}
	roles := []string{"supervisor"}
	sue := casefile.Worker{ID: "w-sue", Role: "supervisor"}
	ana := casefile.Worker{ID: "w-ana", Role: "supervisor"}
	tests := []struct {
		name    string
		w       casefile.Worker
		at      time.Time
		wantErr string
	}{
		{"another's case", sue, t0, ""},
		{"own case now", sue, t0.Add(2 * time.Hour), "w-sue cannot approve for case C-1: it is their own case"},
		{"own case then", ana, t0, "w-ana cannot approve for case C-1: it is their own case"},
		{"no longer their case", ana, t0.Add(2 * time.Hour), ""},
		{"role", casefile.Worker{ID: "w-bo", Role: "nurse"}, t0, "needs the role supervisor"},
	}
	for _, tt := range tests {
		err := CheckApprover(c, tt.w, tt.at, roles)
		if (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestExpenseCaps(t *testing.T) {
	limits := Limits{"supervisor": 500}
	if err := limits.CheckLimit(casefile.Worker{ID: "w-sue", Role: "supervisor"}, 600, "GBP"); err == nil || !strings.Contains(err.Error(), "above what a supervisor may approve (500.00 GBP") {
		t.Errorf("over the limit: %v", err)
	}
	for _, ok := range []casefile.Worker{{Role: "supervisor"}, {Role: "manager"}} {
		if err := limits.CheckLimit(ok, 500, "GBP"); err != nil {
			t.Errorf("%s at 500: %v", ok.Role, err)
		}
	}
	c := &casefile.Case{ID: "C-1", Plan: casefile.Plan{Budget: 1000}}
	steps := []struct {
		a       casefile.Approval
		wantErr string
		forced  bool
	}{
		{casefile.Approval{What: "expense", Amount: 700}, "", false},
		{casefile.Approval{What: "expense", Amount: 400}, "more than the 300.00 left of the plan's budget", false},
		{casefile.Approval{What: "expense", Amount: 400, Forced: true}, "--force needs a --reason", false},
		{casefile.Approval{What: "expense", Amount: 400, Decision: casefile.DecisionRejected}, "a rejection needs a --reason", false},
		{casefile.Approval{What: "expense", Amount: 400, Decision: casefile.DecisionRejected, Reason: "not now"}, "", false},
		{casefile.Approval{What: "expense", Amount: 400, Forced: true, Reason: "eviction hearing"}, "", true},
		{casefile.Approval{What: "expense", Amount: 10}, "more than the 0.00 left", false},
		{casefile.Approval{What: "closure", Forced: true, Reason: "x"}, "--force is for expenses", false},
	}
	for i, s := range steps {
		got, err := Approve(c, s.a, "")
		if (s.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), s.wantErr)) {
			t.Errorf("step %d: %v, want %q", i, err, s.wantErr)
		}
		if err == nil && got.Forced != s.forced {
			t.Errorf("step %d: forced = %v", i, got.Forced)
		}
	}
	if left, has := Remaining(c); !has || left != -100 {
		t.Errorf("Remaining = %v, %v; want -100 (rejections do not count)", left, has)
	}
	if _, has := Remaining(&casefile.Case{}); has {
		t.Error("no budget: Remaining has one")
	}
}

func TestPending(t *testing.T) {
	c := &casefile.Case{ID: "C-1"}
	AddGoal(&c.Plan, casefile.Goal{Text: "Housing"})
	if _, err := Request(c, casefile.Approval{What: "plan", By: "w-ana"}); err != nil {
		t.Fatal(err)
	}
	Request(c, casefile.Approval{What: "closure", By: "w-ana"})
	if p := Pending(c); len(p) != 2 || p[0].What != "plan" || p[1].What != "closure" {
		t.Fatalf("Pending = %+v", p)
	}
	if PlanApproved(c) {
		t.Error("a request counts as an approval")
	}
	Approve(c, casefile.Approval{What: "closure", Decision: casefile.DecisionRejected, Reason: "goals open"}, "")
	if p := Pending(c); len(p) != 1 || p[0].What != "plan" {
		t.Fatalf("after the rejection: %+v", p)
	}
	AddGoal(&c.Plan, casefile.Goal{Text: "Income"}) // the plan requested is not the plan now
	if p := Pending(c); len(p) != 0 {
		t.Fatalf("after the plan changed: %+v", p)
	}
	if _, err := Request(c, casefile.Approval{What: "expense"}); err == nil {
		t.Error("expense request without an amount")
	}
}
