package schedule

import (
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func date(s string) casefile.Date {
	d, err := casefile.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func at(s string) time.Time { return date(s).Time().Add(9 * time.Hour) }

func TestClockForCaseReviewsTasksFollowUps(t *testing.T) {
	month := 30 * 24 * time.Hour
	opened := []casefile.HistoryEntry{{At: at("2026-01-05"), To: "intake"}}
	tests := []struct {
		name    string
		c       casefile.Case
		want    []string // kind@date
		overdue bool     // on 2026-03-01
	}{
		{"intake has no schedule", casefile.Case{Phase: "intake", History: opened}, nil, false},
		{"monitoring: interval after entering phase",
			casefile.Case{Phase: "monitoring", History: append(opened, casefile.HistoryEntry{At: at("2026-02-10"), From: "implementation", To: "monitoring"})},
			[]string{"review@2026-03-12"}, false},
		{"next date from last review wins",
			casefile.Case{Phase: "monitoring", History: opened, Reviews: []casefile.Review{{At: at("2026-01-20"), Next: date("2026-02-20")}}},
			[]string{"review@2026-02-20"}, true},
		{"open actions with due dates",
			casefile.Case{Phase: "planning", History: opened, Plan: casefile.Plan{Goals: []casefile.Goal{{Actions: []casefile.Action{
				{ID: "A1", Due: date("2026-03-05"), Status: "planned"},
				{ID: "A2", Due: date("2026-02-01"), Status: "done"},
				{ID: "A3", Due: date("2026-02-15"), Status: "active"},
			}}}}},
			[]string{"task@2026-02-15", "task@2026-03-05"}, true},
		{"closed: follow-up",
			casefile.Case{Phase: "closed", History: opened, Closure: &casefile.Closure{At: at("2026-02-01"), FollowUp: date("2026-02-28")}},
			[]string{"follow-up@2026-02-28"}, true},
		{"closed: follow-up done by a later review",
			casefile.Case{Phase: "closed", History: opened, Closure: &casefile.Closure{At: at("2026-02-01"), FollowUp: date("2026-02-28")}, Reviews: []casefile.Review{{At: at("2026-02-27")}}},
			nil, false},
		{"closed: a review in the same second as the closure is no follow-up",
			casefile.Case{Phase: "closed", History: opened, Closure: &casefile.Closure{At: at("2026-02-01"), FollowUp: date("2026-02-28")}, Reviews: []casefile.Review{{At: at("2026-02-01")}}},
			[]string{"follow-up@2026-02-28"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := Clock{Initial: "intake", ReviewDefault: month}
			items := k.ForCase(&tt.c)
			var got []string
			for _, it := range items {
				got = append(got, it.Kind+"@"+it.Date.String())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("item %d = %s, want %s", i, got[i], tt.want[i])
				}
			}
			if o := k.Overdue(&tt.c, date("2026-03-01")); o != tt.overdue {
				t.Errorf("overdue = %v, want %v", o, tt.overdue)
			}
		})
	}
}
