package schedule

import (
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func clock() Clock {
	day := 24 * time.Hour
	return Clock{
		Initial: "intake", FirstContact: 2 * day, Screening: 3 * day, Assessment: 63 * day, Plan: 21 * day,
		Reassessment: 182 * day, ReferralAnswer: 10 * day, FollowUp: 91 * day, NoFollowUp: []string{"deceased"},
		Review: map[string]time.Duration{"high": 7 * day, "medium": 14 * day, "low": 30 * day}, ReviewDefault: 30 * day,
		Contacted: func(string, time.Time) bool { return false },
	}
}

func TestClockForCase(t *testing.T) {
	open := casefile.HistoryEntry{At: at("2026-01-05"), To: "intake"}
	move := func(day, from, to string) casefile.HistoryEntry {
		return casefile.HistoryEntry{At: at(day), From: from, To: to}
	}
	assessed := func(day string) []casefile.Assessment {
		return []casefile.Assessment{{At: at(day), Level: "care-management"}}
	}
	risk := func(day, level string) []casefile.Risk { return []casefile.Risk{{At: at(day), Level: level}} }
	monitoring := []casefile.HistoryEntry{open, move("2026-01-10", "intake", "assessment"), move("2026-01-20", "assessment", "planning"),
		move("2026-02-01", "planning", "implementation"), move("2026-02-10", "implementation", "monitoring")}
	plan := func(actions ...casefile.Action) casefile.Plan {
		return casefile.Plan{Goals: []casefile.Goal{{ID: "G1", Actions: actions}}, Agreed: &casefile.Agreement{At: at("2026-01-25")}}
	}
	tests := []struct {
		name string
		c    casefile.Case
		want string // kind@date|...
	}{
		{"intake: first contact and screening",
			casefile.Case{Phase: "intake", History: []casefile.HistoryEntry{open}},
			"first-contact@2026-01-07|screening@2026-01-08"},
		{"intake: a risk record is a contact",
			casefile.Case{Phase: "intake", History: []casefile.HistoryEntry{open}, Risks: risk("2026-01-06", "high")},
			"screening@2026-01-08"},
		{"assessment: the assessment is due 9 weeks after entering",
			casefile.Case{Phase: "assessment", History: []casefile.HistoryEntry{open, move("2026-01-10", "intake", "assessment")}},
			"assessment@2026-03-14"},
		{"assessment recorded: an agreed plan is due",
			casefile.Case{Phase: "assessment", History: []casefile.HistoryEntry{open, move("2026-01-10", "intake", "assessment")}, Assessments: assessed("2026-01-15")},
			"plan@2026-02-05"},
		{"planning: agreed after the assessment, only the re-assessment",
			casefile.Case{Phase: "planning", History: monitoring[:3], Assessments: assessed("2026-01-15"), Plan: plan()},
			"reassessment@2026-07-16"},
		{"monitoring without risk: review at the default interval, re-assessment at six months",
			casefile.Case{Phase: "monitoring", History: monitoring, Assessments: assessed("2026-01-15"), Plan: plan()},
			"review@2026-03-12|reassessment@2026-07-16"},
		{"monitoring at high risk: weekly reviews",
			casefile.Case{Phase: "monitoring", History: monitoring, Assessments: assessed("2026-01-15"), Risks: risk("2026-01-12", "high"), Plan: plan()},
			"review@2026-02-17|reassessment@2026-07-16"},
		{"a risk raised after the last review brings the review forward",
			casefile.Case{Phase: "monitoring", History: monitoring, Assessments: assessed("2026-01-15"), Plan: plan(),
				Reviews: []casefile.Review{{At: at("2026-02-20"), Next: date("2026-03-20")}}, Risks: risk("2026-02-25", "high")},
			"review@2026-03-04|reassessment@2026-07-16"},
		{"a risk raised before the last review leaves its next date",
			casefile.Case{Phase: "monitoring", History: monitoring, Assessments: assessed("2026-01-15"), Plan: plan(),
				Reviews: []casefile.Review{{At: at("2026-02-20"), Next: date("2026-03-20")}}, Risks: risk("2026-02-19", "high")},
			"review@2026-03-20|reassessment@2026-07-16"},
		{"tasks by due date, services by end; finished ones left out",
			casefile.Case{Phase: "monitoring", History: monitoring, Assessments: assessed("2026-01-15"), Plan: plan(
				casefile.Action{ID: "A1", Due: date("2026-02-15"), Status: "planned"},
				casefile.Action{ID: "A2", Start: date("2026-02-01"), End: date("2026-02-28"), Status: "active"},
				casefile.Action{ID: "A3", Start: date("2026-02-01"), Status: "active"},
				casefile.Action{ID: "A4", Due: date("2026-02-16"), Status: "done"},
			)},
			"task@2026-02-15|service@2026-02-28|review@2026-03-12|reassessment@2026-07-16"},
		{"closed: follow-up 13 weeks after closure",
			casefile.Case{Phase: "closed", Closure: &casefile.Closure{At: at("2026-02-01"), Reason: "goals-met"}},
			"follow-up@2026-05-03"},
		{"closed with a follow-up date",
			casefile.Case{Phase: "closed", Closure: &casefile.Closure{At: at("2026-02-01"), Reason: "goals-met", FollowUp: date("2026-03-01")}},
			"follow-up@2026-03-01"},
		{"closed: no follow-up after a death",
			casefile.Case{Phase: "closed", Closure: &casefile.Closure{At: at("2026-02-01"), Reason: "deceased"}},
			""},
		{"closed and followed up",
			casefile.Case{Phase: "closed", Closure: &casefile.Closure{At: at("2026-02-01"), Reason: "goals-met"}, Reviews: []casefile.Review{{At: at("2026-04-01")}}},
			""},
	}
	k := clock()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, it := range k.ForCase(&tt.c) {
				got = append(got, it.Kind+"@"+it.Date.String())
			}
			if s := strings.Join(got, "|"); s != tt.want {
				t.Errorf("got  %s\nwant %s", s, tt.want)
			}
		})
	}
}

func TestClockSwitchedOff(t *testing.T) {
	k := clock()
	k.Screening, k.FollowUp, k.Contacted = 0, 0, nil
	c := &casefile.Case{Phase: "intake", History: []casefile.HistoryEntry{{At: at("2026-01-05"), To: "intake"}}}
	if items := k.ForCase(c); len(items) != 0 {
		t.Errorf("timescales switched off, got %v", items)
	}
}

func TestServiceNeverOverdue(t *testing.T) {
	today := date("2026-03-02")
	service := Item{Kind: Service, Date: date("2026-02-28")}
	task := Item{Kind: Task, Date: date("2026-02-28")}
	running := Item{Kind: Service, Date: date("2026-03-28")}
	if service.Overdue(today) || !service.Ended(today) {
		t.Errorf("a service past its end: overdue %v, ended %v; want not overdue, ended", service.Overdue(today), service.Ended(today))
	}
	if !task.Overdue(today) || task.Ended(today) {
		t.Errorf("a task past due: overdue %v, ended %v", task.Overdue(today), task.Ended(today))
	}
	if running.Overdue(today) || running.Ended(today) {
		t.Errorf("a running service is neither overdue nor ended")
	}
}

func TestByRisk(t *testing.T) {
	items := []Item{
		{CaseID: "C-low", Kind: Review, Date: date("2026-02-01")},
		{CaseID: "C-high", Kind: Review, Date: date("2026-03-10")},
		{CaseID: "C-none", Kind: Task, Date: date("2026-01-01")},
		{CaseID: "C-high", Kind: Task, Date: date("2026-02-20")},
	}
	rank := map[string]int{"C-high": 33, "C-low": 12, "C-none": 0}
	ByRisk(items, func(id string) int { return rank[id] })
	var got []string
	for _, it := range items {
		got = append(got, it.CaseID+" "+it.Kind)
	}
	want := "C-high task|C-high review|C-low review|C-none task"
	if s := strings.Join(got, "|"); s != want {
		t.Errorf("ByRisk = %s, want %s", s, want)
	}
}

func TestReferralAnswerDue(t *testing.T) {
	k := clock()
	if d := k.ReferralAnswerDue(at("2026-03-02")); d.String() != "2026-03-12" {
		t.Errorf("referral answer due %s, want 2026-03-12", d)
	}
	k.ReferralAnswer = 0
	if d := k.ReferralAnswerDue(at("2026-03-02")); !d.IsZero() {
		t.Errorf("switched off: %s", d)
	}
}
