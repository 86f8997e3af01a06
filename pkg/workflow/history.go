package workflow

import (
	"fmt"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/history"
	"github.com/casework/casework/pkg/safetext"
)

// HistoryProblem is a place where a recorded history breaks the rules a
// move would have been held to. Key is the dotted path of the offending
// value in the case file (history[3].from, phase, worker); Rule names the
// rule broken; Guard names the guard that did not hold, for guard-failed.
type HistoryProblem struct {
	Key   string
	Rule  string
	Msg   string
	Guard string
}

// CheckHistory checks that c's recorded history is a legal walk through
// the workflow: it starts with the opening entry into the initial phase;
// each phase change starts where the case was, is allowed by the
// workflow, and the guards of its target held when it was made (on the
// case as it stood then, see AsOf); each entry is one phase change, one
// assignment, one departure (a member or tie that ended) or one other
// event (with a Kind, checked by validate); and the walk ends in the
// case's phase, with its worker.
// Whether entries are dated and in time order is the caller's to check.
func (w *Workflow) CheckHistory(c *casefile.Case) []HistoryProblem {
	var probs []HistoryProblem
	add := func(key, rule, format string, args ...any) {
		probs = append(probs, HistoryProblem{Key: key, Rule: rule, Msg: fmt.Sprintf(format, args...)})
	}
	phase, worker := "", ""
	for i, h := range c.History {
		key := fmt.Sprintf("history[%d]", i)
		switch {
		case h.Kind != "":
			// Another event (a consent override): it moves nothing;
			// validate checks its kind and fields.
		case history.IsDeparture(h):
			if h.From != "" || h.To != "" || h.IsAssignment() || (h.Left.Member == "") == (h.Left.Contact == "") {
				add(key, "invalid-history-entry", "%s records a departure; it names one member (left.member) or one contact (left.contact) and nothing else", key)
			}
		case h.IsAssignment():
			if h.From != "" || h.To != "" {
				add(key, "invalid-history-entry", "%s records both a phase change and an assignment; an entry is one or the other", key)
			}
			if worker != "" && h.Assign.From != "" && h.Assign.From != worker {
				add(key+".assign.from", "history-gap", "%s hands the case over from %s, but the history shows it was with %s", key, h.Assign.From, worker)
			}
			worker = h.Assign.To
		case !history.IsPhaseChange(h):
			add(key, "invalid-history-entry", "%s has neither 'to' (a phase change), 'assign' (a change of worker) nor 'left' (a member or tie that ended)", key)
		case phase == "":
			if !history.IsOpening(h) || h.To != w.Initial() {
				add(key, "history-start", "the history must start with the opening entry into the initial phase %s (no from), not %s", w.Initial(), Describe(h))
			}
			phase = h.To
		default:
			probs = append(probs, w.checkMove(c, i, phase)...)
			phase = h.To
		}
	}
	if phase != "" && c.Phase != "" && phase != c.Phase {
		add("phase", "phase-mismatch", "phase is %s but the history ends in %s; change phases only with 'casework case move', which records the move", c.Phase, phase)
	}
	if worker != "" && c.Worker != "" && worker != c.Worker {
		add("worker", "worker-mismatch", "worker is %s but the history last assigned the case to %s; change workers only with 'casework case assign'", c.Worker, worker)
	}
	return probs
}

// Describe names a phase change for messages: "an entry into intake" for
// an opening, else "intake → assessment".
func Describe(h casefile.HistoryEntry) string {
	if history.IsDeparture(h) {
		return history.DescribeDeparture(*h.Left)
	}
	if history.IsOpening(h) {
		return "an entry into " + h.To
	}
	return h.From + " → " + h.To
}

// checkMove checks the phase change recorded at history[i], made while the
// case was in phase: it must start where the case was, be allowed by the
// workflow, and the guards of its target must have held then.
func (w *Workflow) checkMove(c *casefile.Case, i int, phase string) []HistoryProblem {
	h := c.History[i]
	key := fmt.Sprintf("history[%d]", i)
	problem := func(key, rule, format string, args ...any) []HistoryProblem {
		return []HistoryProblem{{Key: key, Rule: rule, Msg: fmt.Sprintf(format, args...)}}
	}
	switch {
	case h.From != phase:
		return problem(key+".from", "history-gap", "%s moves from %s, but the case was in %s; the history must record every move", key, h.From, phase)
	case !w.Has(h.To):
		return problem(key+".to", "unknown-phase", "%s moves to %s, which is not a phase of the workflow", key, safetext.Token(h.To))
	case !w.CanMove(h.From, h.To):
		return problem(key, "illegal-transition", "%s moves from %s to %s, which the workflow does not allow (%s → %s)", key, h.From, h.To, h.From, strings.Join(w.Next(h.From), ", "))
	}
	view := AsOf(c, i, h.At)
	t := Transition{
		Case: view, From: h.From, To: h.To, At: h.At,
		Since:      history.Of(view).PhaseSince(),
		Historical: true,
		Superseded: enteredAgain(c.History[i+1:], h.To),
	}
	if t.Superseded {
		view.Closure = c.Closure // replaced by a later closure: only its presence tells
	}
	var probs []HistoryProblem
	for _, g := range w.CheckGuards(t) {
		probs = append(probs, HistoryProblem{Key: key, Rule: "guard-failed", Guard: g.Guard,
			Msg: fmt.Sprintf("%s moves from %s to %s at %s, but guard %s did not hold: %s", key, h.From, h.To, h.At.Format(time.RFC3339), g.Guard, g.Problem)})
	}
	return probs
}

// enteredAgain reports whether a later entry moves into phase.
func enteredAgain(later []casefile.HistoryEntry, phase string) bool {
	for _, h := range later {
		if history.IsPhaseChange(h) && h.To == phase {
			return true
		}
	}
	return false
}
