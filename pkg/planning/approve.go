package planning

import (
	"fmt"
	"slices"
	"strings"

	"github.com/casework/casework/pkg/casefile"
)

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

// Approve records a supervisor's approval on the case. A plan approval
// holds the plan's digest, so a later change to the plan needs a new
// approval; a plan without goals cannot be approved. An expense approval
// needs a positive amount; other approvals take no amount.
func Approve(c *casefile.Case, a casefile.Approval) (casefile.Approval, error) {
	if err := CheckApprovable(a.What); err != nil {
		return a, err
	}
	switch {
	case a.What == casefile.ApproveExpense && a.Amount <= 0:
		return a, fmt.Errorf("an expense approval needs the --amount approved (a positive number)")
	case a.What != casefile.ApproveExpense && a.Amount != 0:
		return a, fmt.Errorf("--amount is for expense approvals, not for a %s", a.What)
	case a.What == casefile.ApprovePlan && len(c.Plan.Goals) == 0:
		return a, fmt.Errorf("the plan of case %s has no goals to approve: add one with 'casework plan goal add'", c.ID)
	}
	a.Note = strings.TrimSpace(a.Note)
	if a.What == casefile.ApprovePlan {
		a.Digest = c.Plan.Digest()
	}
	c.Approvals = append(c.Approvals, a)
	return a, nil
}

// PlanApproved reports whether a supervisor approved the plan as it stands
// now.
func PlanApproved(c *casefile.Case) bool {
	digest := c.Plan.Digest()
	for _, a := range c.Approvals {
		if a.What == casefile.ApprovePlan && a.Digest == digest {
			return true
		}
	}
	return false
}
