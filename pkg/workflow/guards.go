package workflow

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/consent"
)

// Transition is a move being checked: the case as it stood at the moment
// of the move (records dated later left out, see AsOf), where it moves
// from and to, and when.
type Transition struct {
	Case     *casefile.Case
	From, To string
	At       time.Time
	// Since is when the case entered From.
	Since time.Time
	// Historical marks the check of a transition recorded in the past. The
	// file keeps only the current plan and agreement, so goals, agreement
	// and plan approval are then checked loosely (see docs/validation.md).
	Historical bool
	// Superseded marks a historical move into a phase the case entered
	// again later: the closure record has since been replaced, so only its
	// presence can be checked.
	Superseded bool
}

// GuardError is a guard that does not hold: which one, what is missing,
// and how to satisfy it.
type GuardError struct {
	Guard   string
	Problem string
	Fix     string
}

// Error reads "guard agreement failed: the client has not agreed the
// current plan; run 'casework plan agree ID --by client'".
func (e *GuardError) Error() string {
	msg := fmt.Sprintf("guard %s failed: %s", e.Guard, e.Problem)
	if e.Fix != "" {
		msg += "; " + e.Fix
	}
	return msg
}

// Guard is a named check a phase can require on entry.
type Guard struct {
	// Doc says what the guard requires, for help and docs.
	Doc string
	// Check returns nil when the guard holds for the transition.
	Check func(t Transition) *GuardError
}

// Guards are the known guards, by name.
var Guards = map[string]Guard{
	"assessment": {"an assessment has been recorded", checkAssessment},
	"goals":      {"the plan has at least one goal", checkGoals},
	"agreement":  {"the client or their representative agreed the current plan", checkAgreement},
	"consent":    {"the client's consent is recorded", checkConsent},
	"closure":    {"a closure with a reason was recorded since the case entered its current phase", checkClosure},
	"review":     {"a review was recorded since the case entered its current phase", checkReview},
	"approval":   {"a supervisor approved the current plan (entering closed: the closure, since the case entered its current phase)", checkApproval},
}

// GuardNames lists the known guards, sorted.
func GuardNames() []string {
	names := make([]string, 0, len(Guards))
	for n := range Guards {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// CheckGuards checks every guard required to enter t.To and returns the
// ones that fail, in configured order.
func (w *Workflow) CheckGuards(t Transition) []*GuardError {
	var failed []*GuardError
	for _, name := range w.Requires(t.To) {
		g, ok := Guards[name]
		if !ok {
			failed = append(failed, &GuardError{Guard: name, Problem: "the workflow names an unknown guard", Fix: "fix workflow in .casework.yaml; 'casework validate' shows where"})
			continue
		}
		if err := g.Check(t); err != nil {
			err.Guard = name
			failed = append(failed, err)
		}
	}
	return failed
}

// within reports whether at lies in [since, until].
func within(at, since, until time.Time) bool {
	return !at.Before(since) && !at.After(until)
}

func checkAssessment(t Transition) *GuardError {
	if len(t.Case.ClientAssessments()) > 0 {
		return nil
	}
	return &GuardError{Problem: "no assessment has been recorded", Fix: fmt.Sprintf("run 'casework assess %s --score DOMAIN=N...'", t.Case.ID)}
}

func checkGoals(t Transition) *GuardError {
	if len(t.Case.Plan.Goals) > 0 {
		return nil
	}
	return &GuardError{Problem: "the plan has no goals", Fix: fmt.Sprintf("run 'casework plan goal add %s TEXT'", t.Case.ID)}
}

func checkAgreement(t Transition) *GuardError {
	fix := fmt.Sprintf("run 'casework plan agree %s --by client' (or --by representative)", t.Case.ID)
	p := t.Case.Plan
	switch {
	case p.Agreed == nil:
		return &GuardError{Problem: "the client has not agreed the plan", Fix: fix}
	case !t.Historical && p.Agreed.At.After(t.At):
		// A move recorded late (--at) cannot come before the agreement it
		// needs. (A historical move is not checked so: the file keeps only
		// the latest agreement, which may be a later re-agreement.)
		return &GuardError{Problem: fmt.Sprintf("the plan was agreed at %s, after the move at %s", p.Agreed.At.Format(time.RFC3339), t.At.Format(time.RFC3339)), Fix: "record the move at or after the agreement"}
	case !t.Historical && !p.AgreementCurrent():
		return &GuardError{Problem: "the client has not agreed the current plan (it changed after the agreement)", Fix: fix}
	}
	return nil
}

func checkConsent(t Transition) *GuardError {
	st := consent.At(t.Case, consent.Services, consent.Everyone, t.At)
	if st.InForce {
		return nil
	}
	return &GuardError{Problem: "the client's consent to services is not in force: " + st.Describe(consent.Services),
		Fix: fmt.Sprintf("record it with 'casework consent %s give --purpose services'", t.Case.ID)}
}

func checkClosure(t Transition) *GuardError {
	cl := t.Case.Closure
	fix := fmt.Sprintf("close the case with 'casework case close %s --reason REASON'", t.Case.ID)
	switch {
	case cl == nil:
		return &GuardError{Problem: "no closure has been recorded", Fix: fix}
	case cl.Reason == "":
		return &GuardError{Problem: "the closure has no reason", Fix: fix}
	case !t.Superseded && !within(cl.At, t.Since, t.At):
		return &GuardError{Problem: fmt.Sprintf("the closure recorded at %s does not belong to this move (the case entered %s at %s)", cl.At.Format(time.RFC3339), t.From, t.Since.Format(time.RFC3339)), Fix: fix}
	}
	return nil
}

func checkReview(t Transition) *GuardError {
	for _, r := range t.Case.Reviews {
		if within(r.At, t.Since, t.At) {
			return nil
		}
	}
	return &GuardError{Problem: fmt.Sprintf("no review has been recorded since the case entered %s", t.From), Fix: fmt.Sprintf("run 'casework review %s --note TEXT'", t.Case.ID)}
}

func checkApproval(t Transition) *GuardError {
	c := t.Case
	if t.To == casefile.ClosedPhase {
		if slices.ContainsFunc(c.Approvals, func(a casefile.Approval) bool {
			return a.Grants() && a.What == casefile.ApproveClosure && within(a.At, t.Since, t.At)
		}) {
			return nil
		}
		return &GuardError{Problem: fmt.Sprintf("no supervisor has approved the closure since the case entered %s", t.From), Fix: fmt.Sprintf("run 'casework approve %s closure --as SUPERVISOR'", c.ID)}
	}
	digest := c.Plan.Digest()
	if slices.ContainsFunc(c.Approvals, func(a casefile.Approval) bool {
		return a.Grants() && a.What == casefile.ApprovePlan && !a.At.After(t.At) && (t.Historical || a.Digest == digest)
	}) {
		return nil
	}
	return &GuardError{Problem: "no supervisor has approved the current plan", Fix: fmt.Sprintf("run 'casework approve %s plan --as SUPERVISOR'", c.ID)}
}
