package planning

import (
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func goals(ids ...string) casefile.Plan {
	var p casefile.Plan
	for _, id := range ids {
		p.Goals = append(p.Goals, casefile.Goal{ID: id})
	}
	return p
}

func TestNextGoalID(t *testing.T) {
	tests := []struct {
		plan casefile.Plan
		want string
	}{
		{casefile.Plan{}, "G1"},
		{goals("G1"), "G2"},
		{goals("G1", "G2", "G3"), "G4"},
		{goals("G1", "G3"), "G4"},      // never reuse, even with a gap
		{goals("G3", "G1"), "G4"},      // order does not matter
		{goals("g7"), "G8"},            // hand-written lower case
		{goals("housing", "G2"), "G3"}, // non-numbered IDs are skipped
		{goals("G10", "G9"), "G11"},    // numeric, not lexical
	}
	for _, tt := range tests {
		if got := NextGoalID(tt.plan); got != tt.want {
			t.Errorf("NextGoalID(%v) = %s, want %s", tt.plan.Goals, got, tt.want)
		}
	}
}

func TestNextActionIDAcrossGoals(t *testing.T) {
	p := casefile.Plan{Goals: []casefile.Goal{
		{ID: "G1", Actions: []casefile.Action{{ID: "A1"}, {ID: "A4"}}},
		{ID: "G2", Actions: []casefile.Action{{ID: "A2"}}},
		{ID: "G3"},
	}}
	if got := NextActionID(p); got != "A5" {
		t.Errorf("NextActionID = %s, want A5", got)
	}
	if got := NextActionID(casefile.Plan{}); got != "A1" {
		t.Errorf("NextActionID(empty) = %s, want A1", got)
	}
}

func TestAddGoalAndAction(t *testing.T) {
	var p casefile.Plan
	g1, err := AddGoal(&p, casefile.Goal{Text: " Stable housing ", Domain: "housing", Status: "achieved"})
	if err != nil || g1.ID != "G1" || g1.Status != casefile.GoalOpen || g1.Text != "Stable housing" {
		t.Fatalf("AddGoal = %+v, %v", g1, err)
	}
	g2, _ := AddGoal(&p, casefile.Goal{Text: "Regular income"})
	if g2.ID != "G2" {
		t.Errorf("second goal %s", g2.ID)
	}
	if _, err := AddGoal(&p, casefile.Goal{Text: "  "}); err == nil {
		t.Error("empty goal accepted")
	}
	a1, err := AddAction(&p, "g2", casefile.Action{Text: "Apply for benefit", Cost: 10})
	if err != nil || a1.ID != "A1" || a1.Status != casefile.ActionPlanned {
		t.Fatalf("AddAction = %+v, %v", a1, err)
	}
	a2, _ := AddAction(&p, "G1", casefile.Action{Text: "Housing officer visit", Cost: 25.5})
	if a2.ID != "A2" || len(p.Goals[0].Actions) != 1 || len(p.Goals[1].Actions) != 1 {
		t.Errorf("actions: %+v", p.Goals)
	}
	for _, tt := range []struct {
		goal    string
		a       casefile.Action
		wantErr string
	}{
		{"G9", casefile.Action{Text: "x"}, `unknown goal "G9": the plan has G1, G2`},
		{"G1", casefile.Action{Text: ""}, "text is empty"},
		{"G1", casefile.Action{Text: "x", Cost: -1}, "negative"},
	} {
		if _, err := AddAction(&p, tt.goal, tt.a); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("AddAction(%s, %+v) error = %v, want %q", tt.goal, tt.a, err, tt.wantErr)
		}
	}
	if _, err := AddAction(&casefile.Plan{}, "G1", casefile.Action{Text: "x"}); err == nil || !strings.Contains(err.Error(), "no goals yet") {
		t.Errorf("no goals: %v", err)
	}
}

func TestOverBudget(t *testing.T) {
	plan := func(budget float64, costs ...float64) casefile.Plan {
		g := casefile.Goal{ID: "G1"}
		for _, c := range costs {
			g.Actions = append(g.Actions, casefile.Action{Cost: c, Status: casefile.ActionPlanned})
		}
		return casefile.Plan{Budget: budget, Goals: []casefile.Goal{g}}
	}
	cancelled := plan(100, 80, 50)
	cancelled.Goals[0].Actions[1].Status = casefile.ActionCancelled
	tests := []struct {
		name      string
		p         casefile.Plan
		wantTotal float64
		wantOver  bool
	}{
		{"no budget", plan(0, 500), 500, false},
		{"under", plan(100, 40, 50), 90, false},
		{"exactly", plan(100, 50, 50), 100, false},
		{"over", plan(100, 50, 50.01), 100.01, true},
		{"cancelled actions cost nothing", cancelled, 80, false},
		{"float sums are rounded to cents", plan(0.3, 0.1, 0.2), 0.3, false},
	}
	for _, tt := range tests {
		total, over := OverBudget(tt.p)
		if total != tt.wantTotal || over != tt.wantOver {
			t.Errorf("%s: OverBudget = %v, %v; want %v, %v", tt.name, total, over, tt.wantTotal, tt.wantOver)
		}
	}
}

func TestAgree(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	withGoal := func() *casefile.Case {
		c := &casefile.Case{ID: "C-1"}
		AddGoal(&c.Plan, casefile.Goal{Text: "Stable housing"})
		return c
	}
	c := withGoal()
	if AgreementState(c.Plan) != AgreementNone {
		t.Errorf("state before = %s", AgreementState(c.Plan))
	}
	if err := Agree(c, ByClient, at); err != nil {
		t.Fatal(err)
	}
	if AgreementState(c.Plan) != AgreementCurrent || c.Plan.Agreed.By != ByClient || !c.Plan.Agreed.At.Equal(at) {
		t.Errorf("after agreeing: %s %+v", AgreementState(c.Plan), c.Plan.Agreed)
	}
	c.Plan.Goals[0].Status = casefile.GoalInProgress // progress does not change what was agreed
	c.Plan.Budget = 300
	if AgreementState(c.Plan) != AgreementCurrent {
		t.Errorf("status change made the agreement %s", AgreementState(c.Plan))
	}
	AddAction(&c.Plan, "G1", casefile.Action{Text: "Visit"})
	if AgreementState(c.Plan) != AgreementStale {
		t.Errorf("after a new action: %s", AgreementState(c.Plan))
	}

	for _, tt := range []struct {
		name    string
		c       *casefile.Case
		by      string
		wantErr string
	}{
		{"no goals", &casefile.Case{ID: "C-1"}, ByClient, "has no goals to agree"},
		{"no representative", withGoal(), ByRepresentative, "has no representative"},
		{"who", withGoal(), "mother", `--by "mother"`},
	} {
		if err := Agree(tt.c, tt.by, at); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: Agree = %v, want %q", tt.name, err, tt.wantErr)
		}
		if tt.c.Plan.Agreed != nil {
			t.Errorf("%s: agreement recorded after an error", tt.name)
		}
	}
	rep := withGoal()
	rep.Client.Representative = &casefile.Representative{Name: "Rosa Lopez"}
	if err := Agree(rep, ByRepresentative, at); err != nil || rep.Plan.Agreed.By != ByRepresentative {
		t.Errorf("representative: %v", err)
	}
}

func TestCheckWhen(t *testing.T) {
	d := func(s string) casefile.Date {
		v, err := casefile.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name string
		a    casefile.Action
		want string // part of the error, "" for none
	}{
		{"a task", casefile.Action{Due: d("2026-03-10")}, ""},
		{"a service", casefile.Action{Start: d("2026-03-01"), End: d("2026-06-01")}, ""},
		{"an open-ended service", casefile.Action{Start: d("2026-03-01")}, ""},
		{"neither", casefile.Action{}, ""},
		{"both", casefile.Action{Start: d("2026-03-01"), Due: d("2026-03-10")}, "not both"},
		{"ends before it starts", casefile.Action{Start: d("2026-03-01"), End: d("2026-02-01")}, "ends (2026-02-01) before it starts (2026-03-01)"},
	}
	for _, tt := range tests {
		err := CheckWhen(tt.a)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestGoalActionsOpen(t *testing.T) {
	g := casefile.Goal{Actions: []casefile.Action{{ID: "A1", Status: casefile.ActionDone}, {ID: "A2", Status: casefile.ActionActive}, {ID: "A3", Status: casefile.ActionPlanned}, {ID: "A4", Status: casefile.ActionCancelled}}}
	if got := strings.Join(GoalActionsOpen(g), ","); got != "A2,A3" {
		t.Errorf("GoalActionsOpen = %s, want A2,A3", got)
	}
}
