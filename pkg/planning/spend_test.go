package planning

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func spendCase() *casefile.Case {
	return &casefile.Case{ID: "C-1", Plan: casefile.Plan{Budget: 1000, Goals: []casefile.Goal{{ID: "G1", Actions: []casefile.Action{
		{ID: "A1", Cost: 720, Status: casefile.ActionActive},
		{ID: "A2", Status: casefile.ActionPlanned},
	}}}}}
}

func TestSpend(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 4, d, 9, 0, 0, 0, time.UTC) }
	tests := []struct {
		name   string
		entry  casefile.SpendEntry
		err    string
		amount float64
	}{
		{"recorded, rounded to cents", casefile.SpendEntry{At: day(2), Action: "a1", Amount: 60.004}, "", 60},
		{"zero", casefile.SpendEntry{At: day(2), Action: "A1", Amount: 0}, "more than zero", 0},
		{"negative", casefile.SpendEntry{At: day(2), Action: "A1", Amount: -5}, "more than zero", 0},
		{"not a number", casefile.SpendEntry{At: day(2), Action: "A1", Amount: math.NaN()}, "must be a number", 0},
		{"less than a cent", casefile.SpendEntry{At: day(2), Action: "A1", Amount: 0.004}, "at least 0.01", 0},
		{"unknown action", casefile.SpendEntry{At: day(2), Action: "A9", Amount: 5}, `unknown action "A9"`, 0},
		{"before the last entry", casefile.SpendEntry{At: day(1), Action: "A1", Amount: 5}, "cannot be dated before it", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := spendCase()
			c.Spending = []casefile.SpendEntry{{At: day(1).Add(time.Hour), Action: "A2", Amount: 10}}
			e, err := Spend(c, tt.entry)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one with %q", err, tt.err)
				}
				if len(c.Spending) != 1 {
					t.Error("a refused entry was recorded")
				}
				return
			}
			if err != nil || e.Amount != tt.amount || e.Action != "A1" || len(c.Spending) != 2 {
				t.Errorf("Spend = %+v, %v", e, err)
			}
		})
	}
}

func TestOverspending(t *testing.T) {
	approve := func(amount float64) casefile.Approval {
		return casefile.Approval{What: casefile.ApproveExpense, Amount: amount}
	}
	tests := []struct {
		name      string
		spent     map[string]float64
		approvals []casefile.Approval
		want      []string
	}{
		{"nothing spent", nil, nil, nil},
		{"within everything", map[string]float64{"A1": 700}, []casefile.Approval{approve(720)}, nil},
		{"no approvals asked for", map[string]float64{"A1": 700}, nil, nil},
		{"past the approved expense", map[string]float64{"A1": 700}, []casefile.Approval{approve(300), approve(200)}, []string{"700.00 GBP spent on case C-1, more than the 500.00 GBP of expenses approved"}},
		{"a rejection approves nothing", map[string]float64{"A1": 100}, []casefile.Approval{approve(200), {What: casefile.ApproveExpense, Amount: 500, Decision: casefile.DecisionRejected}}, nil},
		{"past an action's cost", map[string]float64{"A1": 800}, nil, []string{"800.00 GBP spent on action A1 of case C-1, more than its cost of 720.00 GBP in the plan"}},
		{"past the budget", map[string]float64{"A1": 700, "A2": 400}, nil, []string{"1100.00 GBP spent on case C-1, more than the plan's budget of 1000.00 GBP"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := spendCase()
			c.Approvals = tt.approvals
			for _, a := range []string{"A1", "A2"} {
				if x := tt.spent[a]; x > 0 {
					c.Spending = append(c.Spending, casefile.SpendEntry{Action: a, Amount: x})
				}
			}
			got := Overspending(c, "GBP")
			if len(got) != len(tt.want) {
				t.Fatalf("Overspending = %+v, want %d findings", got, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i].Message, w) {
					t.Errorf("finding %d: %q, want it to start %q", i, got[i].Message, w)
				}
			}
		})
	}
}
