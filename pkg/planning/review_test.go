package planning

import (
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func TestReview(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	month := 30 * 24 * time.Hour
	date := func(s string) casefile.Date {
		d, _ := casefile.ParseDate(s)
		return d
	}
	newCase := func() *casefile.Case {
		c := &casefile.Case{ID: "C-1", Phase: "monitoring"}
		AddGoal(&c.Plan, casefile.Goal{Text: "Housing"})
		AddGoal(&c.Plan, casefile.Goal{Text: "Income"})
		AddAction(&c.Plan, "G2", casefile.Action{Text: "Apply for benefits"})
		return c
	}
	tests := []struct {
		name      string
		in        ReviewInput
		open      bool
		wantNext  string
		wantGoals string // statuses of G1,G2 after
		wantErr   string
	}{
		{"default next", ReviewInput{}, true, "2026-04-01", "open,open", ""},
		{"closed case: no default next", ReviewInput{}, false, "", "open,open", ""},
		{"given next", ReviewInput{Next: date("2026-03-20")}, true, "2026-03-20", "open,open", ""},
		{"next today", ReviewInput{Next: date("2026-03-02")}, true, "2026-03-02", "open,open", ""},
		{"goal statuses", ReviewInput{Goals: []string{"G1=achieved", "g2=in-progress"}}, true, "2026-04-01", "achieved,in-progress", ""},
		{"past next", ReviewInput{Next: date("2026-03-01")}, true, "", "", "next review 2026-03-01 is in the past"},
		{"unknown goal", ReviewInput{Goals: []string{"G3=achieved"}}, true, "", "", `unknown goal "G3"`},
		{"unknown status", ReviewInput{Goals: []string{"G1=finished"}}, true, "", "", `unknown goal status "finished": use one of open, in-progress, achieved, dropped`},
		{"no status", ReviewInput{Goals: []string{"G1"}}, true, "", "", "write ID=STATUS, for example G1=in-progress"},
		{"action done", ReviewInput{Actions: []string{"a1=done"}}, true, "2026-04-01", "open,open", ""},
		{"unknown action", ReviewInput{Actions: []string{"A9=done"}}, true, "", "", `unknown action "A9": the plan has A1`},
		{"unknown action status", ReviewInput{Actions: []string{"A1=achieved"}}, true, "", "", `unknown action status "achieved"`},
		{"twice", ReviewInput{Goals: []string{"G1=open", "g1=dropped"}}, true, "", "", "given twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCase()
			tt.in.At, tt.in.By, tt.in.Interval = at, "w-ana", month
			r, err := Review(c, tt.in, tt.open)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				if len(c.Reviews) != 0 {
					t.Error("review recorded after an error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Next.String() != tt.wantNext || len(c.Reviews) != 1 || r.By != "w-ana" {
				t.Errorf("review %+v, want next %s", r, tt.wantNext)
			}
			if got := string(c.Plan.Goals[0].Status + "," + c.Plan.Goals[1].Status); got != tt.wantGoals {
				t.Errorf("goal statuses %s, want %s", got, tt.wantGoals)
			}
			for id, st := range r.Actions {
				if a, _ := FindAction(&c.Plan, id); a.Status != st || st != "done" {
					t.Errorf("review says %s=%s, plan says %s", id, st, a.Status)
				}
			}
			for id, st := range r.Goals {
				if g, _ := FindGoal(&c.Plan, id); g.Status != st {
					t.Errorf("review says %s=%s, plan says %s", id, st, g.Status)
				}
			}
		})
	}
}
