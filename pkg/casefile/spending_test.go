package casefile

import "testing"

func TestMoney(t *testing.T) {
	plan := func(budget float64, costs ...float64) Plan {
		g := Goal{ID: "G1"}
		for i, c := range costs {
			st := ActionPlanned
			if i == 2 {
				st = ActionCancelled
			}
			g.Actions = append(g.Actions, Action{ID: "A" + string(rune('1'+i)), Cost: c, Status: st})
		}
		return Plan{Budget: budget, Goals: []Goal{g}}
	}
	spend := func(pairs ...any) []SpendEntry {
		var out []SpendEntry
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, SpendEntry{Action: pairs[i].(string), Amount: pairs[i+1].(float64)})
		}
		return out
	}
	tests := []struct {
		name     string
		c        Case
		want     Money
		spentOn1 float64
	}{
		{"nothing", Case{}, Money{}, 0},
		{"committed within budget, nothing spent", Case{Plan: plan(1500, 720, 100)}, Money{Budget: 1500, Committed: 820, Remaining: 680}, 0},
		{"cancelled actions are not committed", Case{Plan: plan(1000, 720, 100, 500)}, Money{Budget: 1000, Committed: 820, Remaining: 180}, 0},
		{"spent below committed leaves the remainder", Case{Plan: plan(1500, 720), Spending: spend("A1", 60.0, "A1", 60.0)}, Money{Budget: 1500, Committed: 720, Spent: 120, Remaining: 780}, 120},
		{"spent beyond committed counts", Case{Plan: plan(1000, 720, 100, 500), Spending: spend("A1", 700.0, "A3", 300.0)}, Money{Budget: 1000, Committed: 820, Spent: 1000, Remaining: 0}, 700},
		{"over budget", Case{Plan: plan(500, 720)}, Money{Budget: 500, Committed: 720, Remaining: -220}, 0},
		{"cents", Case{Plan: plan(1, 0.1, 0.2), Spending: spend("A1", 0.1, "A2", 0.2)}, Money{Budget: 1, Committed: 0.3, Spent: 0.3, Remaining: 0.7}, 0.1},
		{"no budget", Case{Plan: plan(0, 50), Spending: spend("A1", 20.0)}, Money{Committed: 50, Spent: 20, Remaining: -50}, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.Money(); got != tt.want {
				t.Errorf("Money() = %+v, want %+v", got, tt.want)
			}
			if got := tt.c.Spent("A1"); got != tt.spentOn1 {
				t.Errorf("Spent(A1) = %v, want %v", got, tt.spentOn1)
			}
		})
	}
}

func TestUnitsCost(t *testing.T) {
	for _, tt := range []struct{ units, cost, want float64 }{
		{12, 60, 720}, {0, 60, 0}, {2.5, 22.5, 56.25}, {3, 0.1, 0.3}, {1.0 / 3, 10, 3.33},
	} {
		if got := UnitsCost(tt.units, tt.cost); got != tt.want {
			t.Errorf("UnitsCost(%v, %v) = %v, want %v", tt.units, tt.cost, got, tt.want)
		}
	}
}

func TestCurrentReferrals(t *testing.T) {
	c := Case{Referrals: []ReferralEntry{
		{Action: "A2", Status: ReferralSent},
		{Action: "A1", Status: ReferralSent},
		{Action: "A2", Status: ReferralAccepted},
	}}
	cur := c.CurrentReferrals()
	if len(cur) != 2 || cur[0].Action != "A2" || cur[0].Status != ReferralAccepted || cur[1].Action != "A1" {
		t.Errorf("CurrentReferrals = %+v", cur)
	}
	if r, ok := c.ReferralOf("A2"); !ok || r.Status != ReferralAccepted {
		t.Errorf("ReferralOf(A2) = %+v, %v", r, ok)
	}
	if _, ok := c.ReferralOf("A3"); ok {
		t.Error("ReferralOf(A3): never referred")
	}
}
