package validate

import (
	"fmt"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/schedule"
	"github.com/casework/casework/pkg/workflow"
)

// checkHistory checks that the history is a legal walk through the
// workflow from the initial phase to the current phase, in time order,
// with the guards of each move holding where the file shows it, and that
// the chain of reference persons ends with the current worker.
func (v *validator) checkHistory(cr *caseRecord) {
	c := &cr.data
	rec := cr.record
	if len(c.History) == 0 {
		if _, ok := Lookup(rec.root, "history"); ok {
			v.add(rec, "history", Error, "empty-history", "history is empty; it starts with the case's opening entry (to: %s)", v.wf.Initial())
		}
		return
	}
	phase, worker := "", ""
	for i, h := range c.History {
		key := fmt.Sprintf("history[%d]", i)
		v.checkEntryTime(cr, i)
		switch {
		case h.IsAssignment():
			if h.From != "" || h.To != "" {
				v.add(rec, key, Error, "invalid-history-entry", "%s records both a phase change and an assignment; an entry is one or the other", key)
			}
			if worker != "" && h.Assign.From != "" && h.Assign.From != worker {
				v.add(rec, key+".assign.from", Error, "history-gap", "%s hands the case over from %s, but the history shows it was with %s", key, h.Assign.From, worker)
			}
			worker = h.Assign.To
		case h.To == "":
			v.add(rec, key, Error, "invalid-history-entry", "%s has neither 'to' (a phase change) nor 'assign' (a change of worker)", key)
		case phase == "":
			if h.From != "" || h.To != v.wf.Initial() {
				v.add(rec, key, Error, "history-start", "the history must start with the opening entry into the initial phase %s (no from), not %s", v.wf.Initial(), describe(h))
			}
			phase = h.To
		default:
			v.checkMove(cr, i, phase)
			phase = h.To
		}
	}
	if phase != "" && c.Phase != "" && phase != c.Phase {
		v.add(rec, "phase", Error, "phase-mismatch", "phase is %s but the history ends in %s; change phases only with 'casework case move', which records the move", c.Phase, phase)
	}
	if worker != "" && c.Worker != "" && worker != c.Worker {
		v.add(rec, "worker", Error, "worker-mismatch", "worker is %s but the history last assigned the case to %s; change workers only with 'casework case assign'", c.Worker, worker)
	}
}

// describe names a history entry's move for messages.
func describe(h casefile.HistoryEntry) string {
	if h.From == "" {
		return "an entry into " + h.To
	}
	return h.From + " -> " + h.To
}

// checkEntryTime checks entry i is dated, in order and not in the future.
func (v *validator) checkEntryTime(cr *caseRecord, i int) {
	c := &cr.data
	h := c.History[i]
	key := fmt.Sprintf("history[%d].at", i)
	switch {
	case h.At.IsZero():
		return // reported by the decoder
	case v.future(h.At):
		v.add(cr.record, key, Error, "future-date", "history[%d] is dated %s, in the future", i, h.At.Format(time.RFC3339))
	case i == 0 && !c.Opened.IsZero() && casefile.NewDate(h.At).Before(c.Opened):
		v.add(cr.record, key, Error, "history-order", "history[0] is dated %s, before the case was opened (%s)", h.At.Format(time.RFC3339), c.Opened)
	case i > 0 && h.At.Before(c.History[i-1].At):
		v.add(cr.record, key, Error, "history-order", "history[%d] (%s) is earlier than history[%d] (%s); history is appended in time order", i, h.At.Format(time.RFC3339), i-1, c.History[i-1].At.Format(time.RFC3339))
	}
}

// checkMove checks the phase change recorded at history[i], made while the
// case was in phase: it must start where the case was, be allowed by the
// workflow, and the guards of its target must have held then.
func (v *validator) checkMove(cr *caseRecord, i int, phase string) {
	c := &cr.data
	h := c.History[i]
	key := fmt.Sprintf("history[%d]", i)
	switch {
	case h.From != phase:
		v.add(cr.record, key+".from", Error, "history-gap", "%s moves from %s, but the case was in %s; the history must record every move", key, h.From, phase)
		return
	case !v.wf.Has(h.To):
		return // an unknown phase, which checkEnums reports
	case !v.wf.CanMove(h.From, h.To):
		v.add(cr.record, key, Error, "illegal-transition", "%s moves from %s to %s, which the workflow does not allow (%s -> %s)", key, h.From, h.To, h.From, strings.Join(v.wf.Next(h.From), ", "))
		return
	}
	view := workflow.AsOf(c, i, h.At)
	t := workflow.Transition{
		Case: view, From: h.From, To: h.To, At: h.At,
		Since:      schedule.PhaseSince(view),
		Historical: true,
		Superseded: enteredAgain(c.History[i+1:], h.To),
	}
	if t.Superseded {
		view.Closure = c.Closure // replaced by a later closure: only its presence tells
	}
	for _, g := range v.wf.CheckGuards(t) {
		if g.Guard == "closure" && c.Closure == nil {
			continue // reported once, as missing-closure or by the closure checks
		}
		v.add(cr.record, key, Error, "guard-failed", "%s moves from %s to %s at %s, but guard %s did not hold: %s", key, h.From, h.To, h.At.Format(time.RFC3339), g.Guard, g.Problem)
	}
}

// enteredAgain reports whether a later entry moves into phase.
func enteredAgain(later []casefile.HistoryEntry, phase string) bool {
	for _, h := range later {
		if !h.IsAssignment() && h.To == phase {
			return true
		}
	}
	return false
}
