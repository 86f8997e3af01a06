// Package plancmd implements `casework plan`: goals, actions, budget,
// agreement and the plan's view.
package plancmd

import (
	"fmt"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/planning"
	"github.com/spf13/cobra"
)

// NewCmdPlan returns `casework plan` and its subcommands.
func NewCmdPlan(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "The care plan: goals, actions (package of services), budget and the client's agreement",
		Long: `The individualised care plan: goals set with the client, the actions and
services that serve them with their cost, the budget, and the client's (or
their representative's) agreement. Changing a goal or an action after the
plan was agreed makes the agreement stale: 'plan show' says so, and the
plan must be agreed again.`,
		GroupID: "cases",
	}
	goal := &cobra.Command{Use: "goal", Short: "Goals of the care plan"}
	goal.AddCommand(NewCmdGoalAdd(f), NewCmdGoalSet(f), NewCmdGoalRemove(f))
	action := &cobra.Command{Use: "action", Short: "Actions and services of the care plan"}
	action.AddCommand(NewCmdActionAdd(f), NewCmdActionSet(f), NewCmdActionRemove(f))
	cmd.AddCommand(goal, action, NewCmdAgree(f), NewCmdShow(f), NewCmdBudget(f))
	return cmd
}

// editPlan changes the plan of an open case under the repository lock and
// warns when the change made the client's agreement stale.
func editPlan(f *cmdutil.Factory, caseID string, change func(c *casefile.Case, cfg *config.Config) error) (*casefile.Case, error) {
	return editPlanAt(f, caseID, func(c *casefile.Case, cfg *config.Config, _ time.Time) error { return change(c, cfg) })
}

// editPlanAt is editPlan for a change that needs the time it is made at,
// taken under the lock (to record it in history).
func editPlanAt(f *cmdutil.Factory, caseID string, change func(c *casefile.Case, cfg *config.Config, now time.Time) error) (*casefile.Case, error) {
	var before string
	o, err := f.Ops()
	if err != nil {
		return nil, err
	}
	rec, err := o.UpdateCase(caseID, func(c *casefile.Case, cfg *config.Config, now time.Time) error {
		if !c.IsOpen() {
			return fmt.Errorf("case %s is closed; reopen it with 'casework case reopen %s --reason R' to change its plan", c.ID, c.ID)
		}
		before = planning.AgreementState(c.Plan)
		return change(c, cfg, now)
	})
	if err != nil {
		return nil, err
	}
	c := &rec.Data
	if before == planning.AgreementCurrent && planning.AgreementState(c.Plan) == planning.AgreementStale {
		f.Warnf("the plan of %s changed since the %s agreed it: agree it again with 'casework plan agree %s --by %s'", c.ID, c.Plan.Agreed.By, c.ID, c.Plan.Agreed.By)
	}
	return c, nil
}

// optionalDate reads an optional YYYY-MM-DD flag, warning when the date
// is already past.
func optionalDate(f *cmdutil.Factory, flag, s string) (casefile.Date, error) {
	if s == "" {
		return casefile.Date{}, nil
	}
	d, err := casefile.ParseDate(s)
	if err != nil {
		return d, cmdutil.Usagef("--%s: %w", flag, err)
	}
	if d.Before(f.Today()) {
		f.Warnf("--%s %s is already past", flag, s)
	}
	return d, nil
}
