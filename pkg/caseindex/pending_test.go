package caseindex

import (
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/planning"
)

// TestPendingSurvivesTheSummary: the partial case answers "what waits for
// an approver" as the whole case does.
func TestPendingSurvivesTheSummary(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	c := &casefile.Case{ID: "C-1", Phase: "planning", Worker: "w-ana"}
	planning.AddGoal(&c.Plan, casefile.Goal{Text: "Housing"})
	planning.Request(c, casefile.Approval{At: at, By: "w-ana", What: casefile.ApprovePlan})
	planning.Request(c, casefile.Approval{At: at, By: "w-ana", What: casefile.ApproveExpense, Amount: 40})
	planning.Request(c, casefile.Approval{At: at, By: "w-ana", What: casefile.ApproveClosure})
	planning.Approve(c, casefile.Approval{At: at, By: "w-sue", What: casefile.ApproveClosure}, "")
	s := summarize(c)
	got, want := planning.Pending(s.Case()), planning.Pending(c)
	if len(want) != 2 || len(got) != len(want) {
		t.Fatalf("pending %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].What != want[i].What || got[i].By != want[i].By || !got[i].At.Equal(want[i].At) || got[i].Amount != want[i].Amount {
			t.Errorf("pending[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}
