package planning

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// Decisions are the values an approvals entry's decision may take (empty
// is an approval).
var Decisions = []string{casefile.DecisionRequested, casefile.DecisionRejected}

// CheckApprovable reports what cannot be approved.
func CheckApprovable(what casefile.ApprovalKind) error {
	if !what.Known() {
		return fmt.Errorf("cannot approve %q: approve one of %s", what, strings.Join(casefile.ApprovalKinds, ", "))
	}
	return nil
}

// CanApprove reports whether a worker may approve, by role: the role must
// be one of the agency's approver roles.
func CanApprove(w casefile.Worker, roles []string) error {
	if slices.Contains(roles, w.Role) {
		return nil
	}
	role := w.Role
	if role == "" {
		role = "no role"
	}
	return fmt.Errorf("%s (%s) cannot approve: approving needs the role %s (approver_roles in .casework.yaml)", w.ID, role, strings.Join(roles, " or "))
}

// CheckDecision reports why w may not record the decision a (an approval
// or a rejection) on case c: the approver rule (CheckApprover) and, for an
// expense granted, the limit of w's role (amounts in currency). Both
// 'casework approve' and validate hold decisions to it.
func CheckDecision(c *casefile.Case, w casefile.Worker, a casefile.Approval, roles []string, limits Limits, currency string) error {
	if err := CheckApprover(c, w, a.At, roles); err != nil {
		return err
	}
	if a.Grants() && a.What == casefile.ApproveExpense {
		return limits.CheckLimit(w, a.Amount, currency)
	}
	return nil
}

// CheckApprover reports why w may not decide (approve or reject) on case
// c at time at: w needs an approver role, and must not be the case's
// reference person at that time (separation of duties: nobody approves
// their own case).
func CheckApprover(c *casefile.Case, w casefile.Worker, at time.Time, roles []string) error {
	if err := CanApprove(w, roles); err != nil {
		return err
	}
	if WorkerAt(c, at) == w.ID {
		return fmt.Errorf("%s cannot approve for case %s: it is their own case, and approvals are given by someone else (another approver, or after 'casework case assign')", w.ID, c.ID)
	}
	return nil
}

// WorkerAt returns the case's reference person at time at: the worker the
// first assignment after at took the case from, else the current one.
func WorkerAt(c *casefile.Case, at time.Time) string {
	for _, h := range c.History {
		if h.IsAssignment() && h.At.After(at) {
			return h.Assign.From
		}
	}
	return c.Worker
}

// Limits are the agency's caps on expense approvals: the most each
// approver role may approve at once (a role without an entry has no cap).
type Limits map[string]float64

// CheckLimit reports an expense above the limit of the approver's role;
// amounts are given in the agency's currency.
func (l Limits) CheckLimit(w casefile.Worker, amount float64, currency string) error {
	if limit, ok := l[w.Role]; ok && amount > limit {
		return fmt.Errorf("an expense of %s is above what a %s may approve (%s, approval_limits in .casework.yaml): ask an approver with a higher limit", casefile.Amount(amount, currency), w.Role, casefile.Amount(limit, currency))
	}
	return nil
}

// Remaining returns the plan's budget less the expenses approved so far,
// and whether the plan has a budget at all.
func Remaining(c *casefile.Case) (float64, bool) {
	if c.Plan.Budget <= 0 {
		return 0, false
	}
	left := c.Plan.Budget
	for _, a := range c.Approvals {
		if a.Grants() && a.What == casefile.ApproveExpense {
			left -= a.Amount
		}
	}
	return left, true
}

// Approve records a supervisor's decision on the case: an approval, or a
// rejection (a.Decision rejected, with a.Reason). A plan approval holds the
// plan's digest, so a later change to the plan needs a new approval; a plan
// without goals cannot be approved. An expense approval needs a positive
// amount within the plan's remaining budget, unless a.Forced with a
// reason; other approvals take no amount. Who may decide is checked by
// the caller with CheckApprover and Limits. Messages give amounts in
// currency, the agency's.
func Approve(c *casefile.Case, a casefile.Approval, currency string) (casefile.Approval, error) {
	if err := checkEntry(c, a); err != nil {
		return a, err
	}
	a.Note, a.Reason = strings.TrimSpace(a.Note), strings.TrimSpace(a.Reason)
	switch {
	case a.IsRejection() && a.Reason == "":
		return a, fmt.Errorf("a rejection needs a --reason the worker can act on")
	case a.Forced && a.Reason == "":
		return a, fmt.Errorf("--force needs a --reason, recorded with the approval")
	case a.Forced && a.What != casefile.ApproveExpense:
		return a, fmt.Errorf("--force is for expenses beyond the remaining budget, not for a %s", a.What)
	}
	if a.Grants() && a.What == casefile.ApproveExpense {
		left, has := Remaining(c)
		switch {
		case has && a.Amount > left+0.005 && !a.Forced:
			return a, fmt.Errorf("an expense of %s is more than the %s left of the plan's budget for case %s: raise the budget, or approve beyond it with --force --reason R", casefile.Amount(a.Amount, currency), casefile.Amount(max(left, 0), currency), c.ID)
		case a.Forced && (!has || a.Amount <= left+0.005):
			a.Forced = false // within the budget: nothing was forced
		}
	}
	if a.What == casefile.ApprovePlan {
		a.Digest = c.Plan.Digest()
	}
	c.Approvals = append(c.Approvals, a)
	return a, nil
}

// Request records that a worker submits the plan, the closure or an
// expense for approval; approvers see it in `casework due` until someone
// decides.
func Request(c *casefile.Case, a casefile.Approval) (casefile.Approval, error) {
	a.Decision = casefile.DecisionRequested
	if err := checkEntry(c, a); err != nil {
		return a, err
	}
	a.Note = strings.TrimSpace(a.Note)
	if a.What == casefile.ApprovePlan {
		a.Digest = c.Plan.Digest()
	}
	c.Approvals = append(c.Approvals, a)
	return a, nil
}

// checkEntry checks what is decided on and the amount.
func checkEntry(c *casefile.Case, a casefile.Approval) error {
	if err := CheckApprovable(a.What); err != nil {
		return err
	}
	switch {
	case a.What == casefile.ApproveExpense && a.Amount <= 0 && !a.IsRejection():
		return fmt.Errorf("an expense approval needs the --amount approved (a positive number)")
	case a.What != casefile.ApproveExpense && a.Amount != 0:
		return fmt.Errorf("--amount is for expense approvals, not for a %s", a.What)
	case a.What == casefile.ApprovePlan && len(c.Plan.Goals) == 0 && !a.IsRejection():
		return fmt.Errorf("the plan of case %s has no goals to approve: add one with 'casework plan goal add'", c.ID)
	}
	return nil
}

// Pending returns the requests for approval of the case that nobody has
// decided on yet: the latest entry for a plan, closure or expense is a
// request (for a plan, of the plan as it stands now).
func Pending(c *casefile.Case) []casefile.Approval {
	var pending []casefile.Approval
	for _, kind := range casefile.ApprovalKinds {
		what := casefile.ApprovalKind(kind)
		for i := len(c.Approvals) - 1; i >= 0; i-- {
			a := c.Approvals[i]
			if a.What != what {
				continue
			}
			if a.IsRequest() && (what != casefile.ApprovePlan || a.Digest == c.Plan.Digest()) {
				pending = append(pending, a)
			}
			break
		}
	}
	return pending
}

// PlanApproved reports whether a supervisor approved the plan as it stands
// now.
func PlanApproved(c *casefile.Case) bool {
	digest := c.Plan.Digest()
	for _, a := range c.Approvals {
		if a.Grants() && a.What == casefile.ApprovePlan && a.Digest == digest {
			return true
		}
	}
	return false
}
