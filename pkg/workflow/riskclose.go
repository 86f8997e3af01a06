package workflow

import (
	"fmt"
	"slices"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/history"
)

// ClosureRules are what closing a case needs beyond the workflow's guards:
// the agency's highest risk level, at which a case is not closed without
// an evaluation and a supervisor's approval of the closure, and whether
// every closure needs an evaluation.
type ClosureRules struct {
	HighestRisk       string
	RequireEvaluation bool
}

// ClosureRulesOf reads the closure rules from the configuration.
func ClosureRulesOf(cfg *config.Config) ClosureRules {
	return ClosureRules{HighestRisk: cfg.Risk.Highest(), RequireEvaluation: cfg.RequireClosureEvaluation}
}

// CloseChecked closes c like Close, after checking the closure rules: a
// case whose current risk is the highest level needs the closure's
// evaluation and a supervisor's approval of the closure given since it
// entered its phase; with RequireEvaluation every closure needs an
// evaluation. A refusal is a *GuardsFailed naming each thing missing and
// how to give it; c is then unchanged.
func (w *Workflow) CloseChecked(c *casefile.Case, cl casefile.Closure, by string, reasons []string, rules ClosureRules) error {
	if c.IsOpen() {
		// An unknown reason comes first: the fixes below repeat the reason.
		if err := checkClosureReason(cl.Reason, reasons); err != nil {
			return err
		}
	}
	if failed := w.closureFailures(c, cl, rules); len(failed) > 0 && c.IsOpen() {
		return &GuardsFailed{CaseID: c.ID, From: c.Phase, To: casefile.ClosedPhase, Failed: failed}
	}
	return w.Close(c, cl, by, reasons)
}

// closureFailures lists what the closure rules find missing.
func (w *Workflow) closureFailures(c *casefile.Case, cl casefile.Closure, rules ClosureRules) []*GuardError {
	var failed []*GuardError
	noEvaluation := strings.TrimSpace(cl.Evaluation) == ""
	atRisk := rules.HighestRisk != ""
	if r := c.CurrentRisk(); r == nil || r.Level != rules.HighestRisk {
		atRisk = false
	}
	if atRisk {
		if noEvaluation {
			failed = append(failed, &GuardError{Guard: "risk",
				Problem: fmt.Sprintf("the case's current risk is %s, and a case at that level is not closed without a final evaluation", rules.HighestRisk),
				Fix:     fmt.Sprintf("give it with 'casework case close %s --reason %s --evaluation TEXT'", c.ID, reasonOr(cl.Reason))})
		}
		// The approval guard already runs when the workflow requires it.
		if !slices.Contains(w.Requires(casefile.ClosedPhase), "approval") {
			t := Transition{Case: c, From: c.Phase, To: casefile.ClosedPhase, At: cl.At, Since: history.Of(c).PhaseSince()}
			if g := checkApproval(t); g != nil {
				g.Guard = "risk"
				g.Problem = fmt.Sprintf("the case's current risk is %s, and %s", rules.HighestRisk, g.Problem)
				g.Fix += " first"
				failed = append(failed, g)
			}
		}
	} else if rules.RequireEvaluation && noEvaluation {
		failed = append(failed, &GuardError{Guard: "evaluation",
			Problem: "the closure has no final evaluation, which require_closure_evaluation in .casework.yaml asks for",
			Fix:     fmt.Sprintf("give it with 'casework case close %s --reason %s --evaluation TEXT'", c.ID, reasonOr(cl.Reason))})
	}
	return failed
}

func reasonOr(reason string) string {
	if reason == "" {
		return "REASON"
	}
	return reason
}
