// Package workflow is the phase workflow of case management: which phases
// a case may move between, the guards that must hold to enter a phase, and
// the moves themselves (move, close, reopen), which append to the case's
// history. The workflow is data, built from the agency's configuration.
package workflow

import (
	"github.com/casework/casework/pkg/casefile"
	"slices"

	"github.com/casework/casework/pkg/config"
)

// Workflow is a configured set of phases and the moves allowed between
// them.
type Workflow struct {
	cfg config.Workflow
}

// New returns the workflow described by cfg. It does not check cfg; see
// CheckConfig.
func New(cfg config.Workflow) *Workflow { return &Workflow{cfg: cfg} }

// Initial is the phase a new case starts in.
func (w *Workflow) Initial() string { return w.cfg.Initial }

// Has reports whether phase is a configured phase.
func (w *Workflow) Has(phase string) bool {
	_, ok := w.cfg.Phase(phase)
	return ok
}

// Next lists the phases a case in phase may move to.
func (w *Workflow) Next(phase string) []string {
	p, _ := w.cfg.Phase(phase)
	return p.Next
}

// Requires lists the guards that must hold to enter phase.
func (w *Workflow) Requires(phase string) []string {
	p, _ := w.cfg.Phase(phase)
	return p.Requires
}

// CanMove reports whether a case may move from one phase to another
// (guards aside).
func (w *Workflow) CanMove(from, to string) bool {
	return w.Has(to) && slices.Contains(w.Next(from), to)
}

// DefaultReopenPhase is where a reopened case goes unless told otherwise:
// re-assessment.
const DefaultReopenPhase = "assessment"

// ReopenTarget returns the phase a closed case reopens into by default:
// assessment when the workflow allows it, else the first phase closed may
// move to. It returns "" when closed cases cannot be reopened.
func (w *Workflow) ReopenTarget() string {
	next := w.Next(casefile.ClosedPhase)
	if slices.Contains(next, DefaultReopenPhase) {
		return DefaultReopenPhase
	}
	for _, p := range next {
		if casefile.IsOpenPhase(p) {
			return p
		}
	}
	return ""
}
