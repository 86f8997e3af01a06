package duecmd

import (
	"fmt"
	"slices"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/planning"
	"github.com/casework/casework/pkg/schedule"
)

// KindApproval is the kind of a row that waits for an approver.
const KindApproval = "approval"

// pendingApprovals lists the requests for approval nobody has decided on:
// all of them, or with worker set, those the worker could decide (they
// have an approver role, and the case is not theirs).
func pendingApprovals(f *cmdutil.Factory, cases []*casefile.Case, worker string, roles []string, currency string, today casefile.Date) ([]Row, error) {
	if worker != "" {
		w, err := f.RequireWorker(worker)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(roles, w.Role) {
			return nil, nil
		}
	}
	var rows []Row
	for _, c := range cases {
		if worker != "" && c.Worker == worker {
			continue
		}
		for _, a := range planning.Pending(c) {
			what := string(a.What)
			if a.What == casefile.ApproveExpense {
				what += " of " + cmdutil.Amount(a.Amount, currency)
			}
			it := schedule.Item{Date: casefile.NewDate(a.At)}
			days := it.DaysFrom(today)
			rows = append(rows, Row{Date: it.Date, Case: c.ID, Worker: c.Worker, Kind: KindApproval,
				What: what + " submitted by " + a.By, Days: days, Status: waiting(-days)})
		}
	}
	return rows, nil
}

// waiting says how long a request has waited.
func waiting(days int) string {
	if days <= 0 {
		return "waiting since today"
	}
	return fmt.Sprintf("waiting for %s", plural(days, "day"))
}
