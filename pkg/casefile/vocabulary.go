package casefile

import (
	"slices"
)

// This file is the vocabulary of case files: the words with meaning in
// statuses, approvals, closures and phases. Every other package asks these
// constants and predicates and never compares the strings itself.

// ClosedPhase is the phase a closed case is in. The other phases are the
// agency's to configure (workflow.phases); closed is the one casework
// itself gives meaning to.
const ClosedPhase = "closed"

// IsOpenPhase reports whether a case in phase is open, that is, not closed.
func IsOpenPhase(phase string) bool { return phase != ClosedPhase }

// IsOpen reports whether the case is open: in any phase but closed.
func (c *Case) IsOpen() bool { return IsOpenPhase(c.Phase) }

// GoalStatus is where a goal of the plan stands.
type GoalStatus string

// Goal statuses.
const (
	GoalOpen       GoalStatus = "open"
	GoalInProgress GoalStatus = "in-progress"
	GoalAchieved   GoalStatus = "achieved"
	GoalDropped    GoalStatus = "dropped"
)

// GoalStatuses are the statuses a goal can have, in order of progress
// (the table `validate` and `casework schema` both check against).
var GoalStatuses = []string{string(GoalOpen), string(GoalInProgress), string(GoalAchieved), string(GoalDropped)}

// IsOpen reports whether the goal is still being worked on: neither
// achieved nor dropped.
func (s GoalStatus) IsOpen() bool { return s != GoalAchieved && s != GoalDropped }

// Known reports whether s is one of GoalStatuses.
func (s GoalStatus) Known() bool { return slices.Contains(GoalStatuses, string(s)) }

// IsOpen reports whether the goal is still being worked on.
func (g Goal) IsOpen() bool { return g.Status.IsOpen() }

// ActionStatus is where an action (a service or task) of the plan stands.
type ActionStatus string

// Action statuses.
const (
	ActionPlanned   ActionStatus = "planned"
	ActionActive    ActionStatus = "active"
	ActionDone      ActionStatus = "done"
	ActionCancelled ActionStatus = "cancelled"
)

// ActionStatuses are the statuses an action can have, in order of progress.
var ActionStatuses = []string{string(ActionPlanned), string(ActionActive), string(ActionDone), string(ActionCancelled)}

// IsOpen reports whether something is still due on the action: it is
// neither done nor cancelled.
func (s ActionStatus) IsOpen() bool { return s != ActionDone && s != ActionCancelled }

// Counts reports whether the action's cost is committed, and so counted in
// the plan's cost: every action but a cancelled one (a done action was
// paid for).
func (s ActionStatus) Counts() bool { return s != ActionCancelled }

// Known reports whether s is one of ActionStatuses.
func (s ActionStatus) Known() bool { return slices.Contains(ActionStatuses, string(s)) }

// IsOpen reports whether something is still due on the action.
func (a Action) IsOpen() bool { return a.Status.IsOpen() }

// Counts reports whether the action's cost counts in the plan's cost.
func (a Action) Counts() bool { return a.Status.Counts() }

// CommittedCost is the cost of the plan: the sum of the costs of the
// actions that count (every one but the cancelled), rounded to cents.
// `case show`, `plan show`, `export csv` and the rendered documents all
// show this figure.
func (p Plan) CommittedCost() float64 {
	var total float64
	for _, g := range p.Goals {
		for _, a := range g.Actions {
			if a.Counts() {
				total += a.Cost
			}
		}
	}
	return cents(total)
}

// ApprovalKind is what a supervisor approved.
type ApprovalKind string

// What a supervisor can approve.
const (
	ApprovePlan    ApprovalKind = "plan"
	ApproveClosure ApprovalKind = "closure"
	ApproveExpense ApprovalKind = "expense"
)

// ApprovalKinds are the things a supervisor can approve.
var ApprovalKinds = []string{string(ApprovePlan), string(ApproveClosure), string(ApproveExpense)}

// Known reports whether k is one of ApprovalKinds.
func (k ApprovalKind) Known() bool { return slices.Contains(ApprovalKinds, string(k)) }

// ClosureGoalsMet is the closure reason that says the plan's goals were
// met. Closure reasons are the agency's to configure (closure_reasons);
// this is the one casework gives meaning to (a FHIR CarePlan of a case
// closed for it is completed).
const ClosureGoalsMet = "goals-met"

// GoalsMet reports whether the case was closed because its goals were met.
func (cl *Closure) GoalsMet() bool { return cl != nil && cl.Reason == ClosureGoalsMet }

// HistoryConsentOverride is the Kind of a history entry that records
// information shared with a provider without the client's consent (a
// safeguarding duty, for example), with the action and the reason.
const HistoryConsentOverride = "consent-override"

// HistoryEligibilityOverride is the Kind of a history entry that records
// an action added although its resource's ages exclude the person it
// serves (package eligibility), with the action, resource and reason.
const HistoryEligibilityOverride = "eligibility-override"

// HistoryKinds are the kinds of history entry besides phase changes and
// assignments (which have no Kind).
var HistoryKinds = []string{HistoryConsentOverride, HistoryEligibilityOverride}

// OpeningReason is the reason of a case's opening history entry when none
// is given.
const OpeningReason = "opened"

// ReferralStatus is where a referral to a provider stands: sent, the
// provider's answer (accepted, declined, waitlisted), and the course of
// the service it leads to (started, ended). Which status may follow
// which is package referral's rule.
type ReferralStatus string

// Referral statuses.
const (
	ReferralSent       ReferralStatus = "sent"
	ReferralAccepted   ReferralStatus = "accepted"
	ReferralDeclined   ReferralStatus = "declined"
	ReferralWaitlisted ReferralStatus = "waitlisted"
	ReferralStarted    ReferralStatus = "started"
	ReferralEnded      ReferralStatus = "ended"
)

// ReferralStatuses are the statuses a referral entry can record, in order
// of the course.
var ReferralStatuses = []string{string(ReferralSent), string(ReferralAccepted), string(ReferralDeclined), string(ReferralWaitlisted), string(ReferralStarted), string(ReferralEnded)}

// Known reports whether s is one of ReferralStatuses.
func (s ReferralStatus) Known() bool { return slices.Contains(ReferralStatuses, string(s)) }

// Awaiting reports whether a referral at s still waits for the
// provider's answer: it was sent and nothing since.
func (s ReferralStatus) Awaiting() bool { return s == ReferralSent }

// Closed reports whether a referral at s has run its course: declined,
// or the service ended. A new referral of the action may then be sent.
func (s ReferralStatus) Closed() bool { return s == ReferralDeclined || s == ReferralEnded }
