package workflow

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/history"
	"github.com/casework/casework/pkg/safetext"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// GuardsFailed is a move refused because guards of the target phase do
// not hold. Its message names every failed guard and how to satisfy it.
type GuardsFailed struct {
	CaseID, From, To string
	Failed           []*GuardError
}

// Error gives one line per failed guard, the first naming the move.
func (e *GuardsFailed) Error() string {
	lines := make([]string, len(e.Failed))
	for i, g := range e.Failed {
		lines[i] = g.Error()
	}
	return fmt.Sprintf("cannot move case %s from %s to %s: %s", e.CaseID, e.From, e.To, strings.Join(lines, "\n"))
}

// Unwrap gives the refusal as one error per line, the first naming the
// move, so that each prints on a line of its own.
func (e *GuardsFailed) Unwrap() []error {
	errs := make([]error, len(e.Failed))
	for i, g := range e.Failed {
		errs[i] = g
	}
	if len(errs) > 0 {
		errs[0] = fmt.Errorf("cannot move case %s from %s to %s: %w", e.CaseID, e.From, e.To, e.Failed[0])
	}
	return errs
}

// AsOf returns a copy of c as it stood just after its first n history
// entries, at time at: the history cut to n entries, the phase those
// entries lead to, and only the assessments, reviews, approvals and
// closure recorded by then. The plan, agreement and client are as they
// are now: the file keeps no earlier version of them.
func AsOf(c *casefile.Case, n int, at time.Time) *casefile.Case {
	v := *c
	v.History = c.History[:n:n]
	v.Phase = history.PhaseAfter(c.History, n)
	v.Assessments = upTo(c.Assessments, at, func(a casefile.Assessment) time.Time { return a.At })
	v.Reviews = upTo(c.Reviews, at, func(r casefile.Review) time.Time { return r.At })
	v.Approvals = upTo(c.Approvals, at, func(a casefile.Approval) time.Time { return a.At })
	if c.Closure != nil && c.Closure.At.After(at) {
		v.Closure = nil
	}
	return &v
}

// upTo returns the records dated at or before at.
func upTo[T any](recs []T, at time.Time, when func(T) time.Time) []T {
	return slices.DeleteFunc(slices.Clone(recs), func(r T) bool { return when(r).After(at) })
}

// Move moves an open case c to the open phase to at time at, by the
// acting worker, for reason (see move). A closed case is reopened with
// Reopen, and a case is closed with Close, which records the closure.
// On error c is unchanged.
func (w *Workflow) Move(c *casefile.Case, to string, at time.Time, by, reason string) error {
	if !c.IsOpen() {
		return fmt.Errorf("case %s is closed; reopen it with 'casework case reopen %s --reason REASON'", c.ID, c.ID)
	}
	if !casefile.IsOpenPhase(to) {
		return fmt.Errorf("close cases with 'casework case close %s --reason REASON', which records the closure", c.ID)
	}
	return w.move(c, to, at, by, reason)
}

// move moves c to phase to at time at, by the acting worker, for reason:
// it checks the move is allowed, that at is not before the last history
// entry, and that the guards of to hold on the case as it stood at at;
// then it sets the phase and appends {at, by, from, to, reason} to the
// history. On error c is unchanged.
func (w *Workflow) move(c *casefile.Case, to string, at time.Time, by, reason string) error {
	if !w.Has(to) {
		return fmt.Errorf("unknown phase %q: the phases are %s ('casework workflow' shows them)", to, strings.Join(w.cfg.PhaseNames(), ", "))
	}
	if to == c.Phase {
		return fmt.Errorf("case %s is already in %s", c.ID, to)
	}
	if !w.CanMove(c.Phase, to) {
		next := w.Next(c.Phase)
		allowed := "nowhere"
		if len(next) > 0 {
			allowed = strings.Join(next, ", ")
		}
		return fmt.Errorf("cannot move case %s from %s to %s: the workflow allows %s → %s ('casework workflow' shows every move)", c.ID, c.Phase, to, c.Phase, allowed)
	}
	at = at.UTC()
	if err := checkTime(c, "move", at); err != nil {
		return err
	}
	view := AsOf(c, len(c.History), at)
	view.Phase = c.Phase
	t := Transition{Case: view, From: c.Phase, To: to, At: at, Since: history.Of(view).PhaseSince()}
	if failed := w.CheckGuards(t); len(failed) > 0 {
		return &GuardsFailed{CaseID: c.ID, From: c.Phase, To: to, Failed: failed}
	}
	c.History = append(c.History, casefile.HistoryEntry{At: at, By: by, From: c.Phase, To: to, Reason: reason})
	c.Phase = to
	return nil
}

// checkTime refuses a new entry dated before the case's last history
// entry: history is kept in time order.
func checkTime(c *casefile.Case, what string, at time.Time) error {
	if last := history.Of(c).Last(); at.Before(last) {
		return fmt.Errorf("cannot record the %s at %s: it is before the case's last history entry (%s), and history is kept in time order", what, at.Format(time.RFC3339), last.Format(time.RFC3339))
	}
	return nil
}

// checkClosureReason refuses a closure reason that is not one of reasons.
func checkClosureReason(reason string, reasons []string) error {
	if !slices.Contains(reasons, reason) {
		return fmt.Errorf("unknown closure reason %s: use one of %s (closure_reasons in .casework.yaml)", safetext.Word(reason), strings.Join(reasons, ", "))
	}
	return nil
}

// Close records the closure cl (its At is the time of the move) and moves
// c to the closed phase; the closure reason must be one of reasons and is
// also the reason of the history entry. On error c is unchanged.
func (w *Workflow) Close(c *casefile.Case, cl casefile.Closure, by string, reasons []string) error {
	if !c.IsOpen() {
		return fmt.Errorf("case %s is already closed", c.ID)
	}
	if err := checkClosureReason(cl.Reason, reasons); err != nil {
		return err
	}
	if !cl.FollowUp.IsZero() && cl.FollowUp.Before(casefile.NewDate(cl.At)) {
		return fmt.Errorf("the follow-up date %s is before the closure (%s)", cl.FollowUp, casefile.NewDate(cl.At))
	}
	old := c.Closure
	cl.At = cl.At.UTC()
	c.Closure = &cl
	if err := w.move(c, casefile.ClosedPhase, cl.At, by, cl.Reason); err != nil {
		c.Closure = old
		return err
	}
	return nil
}

// ErrCannotReopen is returned when the workflow lets closed cases go
// nowhere.
var ErrCannotReopen = errors.New("the workflow does not let closed cases be reopened (closed has no next phase in .casework.yaml)")

// Reopen moves a closed case back into the open phase to (ReopenTarget
// when empty), recorded in history like any other move. The closure
// record is kept: it is the record of the last closure, and the history
// shows the case was reopened after it.
func (w *Workflow) Reopen(c *casefile.Case, to string, at time.Time, by, reason string) error {
	if c.IsOpen() {
		return fmt.Errorf("case %s is not closed (it is in %s); only closed cases are reopened", c.ID, c.Phase)
	}
	if to == "" {
		if to = w.ReopenTarget(); to == "" {
			return ErrCannotReopen
		}
	}
	if !casefile.IsOpenPhase(to) {
		return fmt.Errorf("cannot reopen case %s into %s: choose an open phase", c.ID, to)
	}
	return w.move(c, to, at, by, reason)
}

// Open opens the new case c in the workflow's initial phase at time at,
// by the acting worker: it sets the phase and records the opening entry,
// with reason (OpeningReason when empty) and forced when a caseload limit
// was overridden to open it. The initial phase must be an open phase of
// the workflow. On error c is unchanged.
func (w *Workflow) Open(c *casefile.Case, at time.Time, by, reason string, forced bool) error {
	if p := checkInitial(w.cfg); p != nil {
		return fmt.Errorf("no case can be opened: %s in %s ('casework validate' checks the workflow)", p.Msg, config.FileName)
	}
	if len(c.History) > 0 {
		return fmt.Errorf("case %s is already open: its history has %d entries", c.ID, len(c.History))
	}
	initial := w.Initial()
	if reason == "" {
		reason = casefile.OpeningReason
	}
	c.Phase = initial
	c.History = []casefile.HistoryEntry{{At: at.UTC(), By: by, To: initial, Reason: reason, Forced: forced}}
	return nil
}

// CanAssign reports why the case c cannot be given to worker: it is
// closed (reopen it first), or worker already holds it.
func CanAssign(c *casefile.Case, worker string) error {
	switch {
	case !c.IsOpen():
		return fmt.Errorf("case %s is closed; reopen it with 'casework case reopen' before assigning it", c.ID)
	case c.Worker == worker:
		return fmt.Errorf("case %s is already assigned to %s", c.ID, worker)
	}
	return nil
}

// Assign makes worker the reference person of the open case c at time at,
// by the acting worker, for reason, recorded in its history (forced when a
// caseload limit was overridden). A closed case is reopened before it is
// assigned, and a case is not assigned to the worker who holds it. On
// error c is unchanged.
func Assign(c *casefile.Case, worker string, at time.Time, by, reason string, forced bool) error {
	if err := CanAssign(c, worker); err != nil {
		return err
	}
	at = at.UTC()
	if err := checkTime(c, "assignment", at); err != nil {
		return err
	}
	c.History = append(c.History, casefile.HistoryEntry{
		At: at, By: by, Reason: reason, Forced: forced,
		Assign: &casefile.Assignment{From: c.Worker, To: worker},
	})
	c.Worker = worker
	return nil
}
