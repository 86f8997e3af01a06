package schedule

import (
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func TestUntil(t *testing.T) {
	month := 30 * 24 * time.Hour
	opened := []casefile.HistoryEntry{{At: at("2026-01-05"), To: "intake"}}
	actions := func(dues ...string) casefile.Plan {
		g := casefile.Goal{ID: "G1"}
		for i, d := range dues {
			g.Actions = append(g.Actions, casefile.Action{ID: "A" + string(rune('1'+i)), Due: date(d), Status: "planned"})
		}
		return casefile.Plan{Goals: []casefile.Goal{g}}
	}
	cases := []*casefile.Case{
		{ID: "C-2", Worker: "w-ben", Phase: "planning", History: opened, Plan: actions("2026-03-10", "2026-05-01")},
		{ID: "C-1", Worker: "w-ana", Phase: "monitoring", History: opened, Reviews: []casefile.Review{{At: at("2026-02-01"), Next: date("2026-02-25")}}, Plan: actions("2026-03-10")},
		{ID: "C-3", Worker: "w-ana", Phase: "closed", History: opened, Closure: &casefile.Closure{At: at("2026-02-01"), FollowUp: date("2026-03-16")}},
	}
	tests := []struct {
		until string
		want  string
	}{
		{"2026-03-01", "C-1 review 2026-02-25"},
		{"2026-03-10", "C-1 review 2026-02-25|C-1 task 2026-03-10|C-2 task 2026-03-10"},
		{"2026-03-16", "C-1 review 2026-02-25|C-1 task 2026-03-10|C-2 task 2026-03-10|C-3 follow-up 2026-03-16"},
		{"2026-06-01", "C-1 review 2026-02-25|C-1 task 2026-03-10|C-2 task 2026-03-10|C-3 follow-up 2026-03-16|C-2 task 2026-05-01"},
	}
	for _, tt := range tests {
		var got []string
		k := Clock{Initial: "intake", ReviewDefault: month}
		for _, it := range k.Until(cases, date(tt.until)) {
			got = append(got, it.CaseID+" "+it.Kind+" "+it.Date.String())
		}
		if s := strings.Join(got, "|"); s != tt.want {
			t.Errorf("Until(%s) = %s\nwant %s", tt.until, s, tt.want)
		}
	}
}

func TestItemDaysAndKey(t *testing.T) {
	today := date("2026-03-02")
	tests := []struct {
		it   Item
		days int
		key  string
	}{
		{Item{CaseID: "C-1", Kind: Review, Date: date("2026-03-02")}, 0, "C-1-review-20260302"},
		{Item{CaseID: "C-1", Kind: Task, Ref: "A3", Date: date("2026-03-16")}, 14, "C-1-task-A3-20260316"},
		{Item{CaseID: "C-9", Kind: FollowUp, Date: date("2026-02-27")}, -3, "C-9-follow-up-20260227"},
		{Item{CaseID: "C-1", Kind: Review, Date: date("2026-04-01")}, 30, "C-1-review-20260401"}, // across a DST change elsewhere: dates are UTC
	}
	for _, tt := range tests {
		if d := tt.it.DaysFrom(today); d != tt.days {
			t.Errorf("%s DaysFrom = %d, want %d", tt.it.Key(), d, tt.days)
		}
		if k := tt.it.Key(); k != tt.key {
			t.Errorf("Key = %s, want %s", k, tt.key)
		}
		if o := tt.it.Overdue(today); o != (tt.days < 0) {
			t.Errorf("%s Overdue = %v with %d days", tt.key, o, tt.days)
		}
	}
}
