package casefile

import (
	"slices"
	"testing"
)

func TestStatusPredicates(t *testing.T) {
	actions := []struct {
		s            ActionStatus
		open, counts bool
	}{
		{ActionPlanned, true, true},
		{ActionActive, true, true},
		{ActionDone, false, true},
		{ActionCancelled, false, false},
	}
	for _, tt := range actions {
		a := Action{Status: tt.s}
		if a.IsOpen() != tt.open || a.Counts() != tt.counts || !tt.s.Known() {
			t.Errorf("action %s: open %v counts %v known %v", tt.s, a.IsOpen(), a.Counts(), tt.s.Known())
		}
	}
	goals := map[GoalStatus]bool{GoalOpen: true, GoalInProgress: true, GoalAchieved: false, GoalDropped: false}
	for s, open := range goals {
		if (Goal{Status: s}).IsOpen() != open || !s.Known() {
			t.Errorf("goal %s: open %v", s, !open)
		}
	}
	if ActionStatus("bogus").Known() || GoalStatus("bogus").Known() || ApprovalKind("my-cat").Known() {
		t.Error("an unknown word is known")
	}
	for _, k := range []ApprovalKind{ApprovePlan, ApproveClosure, ApproveExpense} {
		if !k.Known() {
			t.Errorf("approval %s unknown", k)
		}
	}
	if !slices.Equal(ActionStatuses, []string{"planned", "active", "done", "cancelled"}) {
		t.Errorf("action statuses %v", ActionStatuses)
	}
	if (&Case{Phase: ClosedPhase}).IsOpen() || !(&Case{Phase: "intake"}).IsOpen() {
		t.Error("closed phase")
	}
	var none *Closure
	if none.GoalsMet() || (&Closure{Reason: "other"}).GoalsMet() || !(&Closure{Reason: ClosureGoalsMet}).GoalsMet() {
		t.Error("GoalsMet")
	}
}

// TestCommittedCost: cancelled actions do not count, done ones do, and the
// sum is rounded to cents (case show once summed every action: 150.00
// against plan show's 100.00).
func TestCommittedCost(t *testing.T) {
	p := Plan{Goals: []Goal{
		{Actions: []Action{{Cost: 100, Status: ActionDone}, {Cost: 50, Status: ActionCancelled}}},
		{Actions: []Action{{Cost: 0.1, Status: ActionPlanned}, {Cost: 0.2, Status: ActionActive}}},
	}}
	if got := p.CommittedCost(); got != 100.3 {
		t.Errorf("CommittedCost = %v, want 100.3", got)
	}
	if got := (Plan{}).CommittedCost(); got != 0 {
		t.Errorf("empty plan costs %v", got)
	}
}
