package planning

import (
	"strings"
	"testing"

	"github.com/casework/casework/pkg/casefile"
)

func editPlanFixture() casefile.Plan {
	return casefile.Plan{Goals: []casefile.Goal{
		{ID: "G1", Text: "Keep the flat", Status: casefile.GoalOpen, Actions: []casefile.Action{
			{ID: "A1", Text: "Repayment plan", Status: casefile.ActionPlanned, Due: mustDate("2026-03-16")},
			{ID: "A2", Text: "Letter", Status: casefile.ActionDone},
			{ID: "A3", Text: "Advice", Status: casefile.ActionActive, Start: mustDate("2026-03-01"), End: mustDate("2026-05-01")},
		}},
		{ID: "G2", Text: "Income", Status: casefile.GoalAchieved},
		{ID: "G3", Text: "Health", Status: casefile.GoalDropped},
	}}
}

func mustDate(s string) casefile.Date {
	d, err := casefile.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestDropGoal(t *testing.T) {
	for _, tc := range []struct {
		id, wantErr string
		cancelled   []string
	}{
		{"g1", "", []string{"A1", "A3"}},
		{"G2", "goal G2 was achieved", nil},
		{"G3", "goal G3 is already dropped", nil},
		{"G9", `unknown goal "G9"`, nil},
	} {
		p := editPlanFixture()
		g, cancelled, err := DropGoal(&p, tc.id)
		if tc.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
				t.Errorf("DropGoal(%s) error %v, want %q", tc.id, err, tc.wantErr)
			}
			continue
		}
		if err != nil || g.Status != casefile.GoalDropped || strings.Join(cancelled, ",") != strings.Join(tc.cancelled, ",") {
			t.Fatalf("DropGoal(%s) = %+v, %v, %v", tc.id, g, cancelled, err)
		}
		if len(g.Actions) != 3 || g.Actions[1].Status != casefile.ActionDone || g.Actions[0].Status != casefile.ActionCancelled {
			t.Errorf("actions after drop: %+v", g.Actions)
		}
	}
}

func TestCancelAction(t *testing.T) {
	for _, tc := range []struct{ id, wantErr string }{
		{"a1", ""},
		{"A3", ""},
		{"A2", "action A2 is done"},
		{"A9", `unknown action "A9"`},
	} {
		p := editPlanFixture()
		a, err := CancelAction(&p, tc.id)
		if tc.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
				t.Errorf("CancelAction(%s) error %v, want %q", tc.id, err, tc.wantErr)
			}
			continue
		}
		if err != nil || a.Status != casefile.ActionCancelled {
			t.Errorf("CancelAction(%s) = %+v, %v", tc.id, a, err)
		}
		if _, err := CancelAction(&p, tc.id); err == nil || !strings.Contains(err.Error(), "already cancelled") {
			t.Errorf("second CancelAction(%s): %v", tc.id, err)
		}
	}
}

func TestEditAction(t *testing.T) {
	s := func(v string) *string { return &v }
	d := func(v string) *casefile.Date {
		if v == "" {
			return &casefile.Date{}
		}
		x := mustDate(v)
		return &x
	}
	neg, cost := -1.0, 99.5
	for _, tc := range []struct {
		name, id string
		edit     ActionEdit
		wantErr  string
		check    func(a *casefile.Action) bool
	}{
		{"text", "A1", ActionEdit{Text: s(" New ")}, "", func(a *casefile.Action) bool { return a.Text == "New" }},
		{"empty text", "A1", ActionEdit{Text: s(" ")}, "the action's text is empty", nil},
		{"cost", "A1", ActionEdit{Cost: &cost}, "", func(a *casefile.Action) bool { return a.Cost == 99.5 }},
		{"negative cost", "A1", ActionEdit{Cost: &neg}, "the action's cost must not be negative", nil},
		{"task to service", "A1", ActionEdit{Due: d(""), Start: d("2026-03-09"), End: d("2026-04-01")}, "", func(a *casefile.Action) bool { return a.IsService() && a.Due.IsZero() }},
		{"both", "A1", ActionEdit{Start: d("2026-03-09")}, "an action is a service", nil},
		{"ends before start", "A3", ActionEdit{End: d("2026-02-01")}, "the service ends", nil},
		{"clear resource", "A3", ActionEdit{Resource: s("")}, "", func(a *casefile.Action) bool { return a.Resource == "" }},
	} {
		p := editPlanFixture()
		before := p.Goals[0].Actions
		a, err := EditAction(&p, tc.id, tc.edit)
		if tc.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
				t.Errorf("%s: error %v, want %q", tc.name, err, tc.wantErr)
			}
			if p.Goals[0].Actions[0] != editPlanFixture().Goals[0].Actions[0] || len(before) != 3 {
				t.Errorf("%s: a refused edit changed the plan", tc.name)
			}
			continue
		}
		if err != nil || !tc.check(a) {
			t.Errorf("%s: %+v, %v", tc.name, a, err)
		}
	}
}

func TestEditGoal(t *testing.T) {
	p := editPlanFixture()
	text, domain := "Keep the flat on Elm Street", "housing"
	target := mustDate("2026-09-30")
	g, err := EditGoal(&p, "g1", GoalEdit{Text: &text, Domain: &domain, Target: &target})
	if err != nil || g.Text != text || g.Domain != domain || g.Target != target || g.Status != casefile.GoalOpen || len(g.Actions) != 3 {
		t.Fatalf("EditGoal = %+v, %v", g, err)
	}
	empty := ""
	if _, err := EditGoal(&p, "G1", GoalEdit{Text: &empty}); err == nil || p.Goals[0].Text != text {
		t.Errorf("empty text: %v, text now %q", err, p.Goals[0].Text)
	}
}
