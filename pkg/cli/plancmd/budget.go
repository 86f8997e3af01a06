package plancmd

import (
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/planning"
	"github.com/spf13/cobra"
)

// NewCmdBudget returns `casework plan budget ID AMOUNT`.
func NewCmdBudget(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "budget ID AMOUNT",
		Short: "Set the plan's budget (0 removes it)",
		Long: `Set the budget the plan's actions must fit in (fiscal responsibility).
'plan show' compares the cost total with it, and 'validate' warns when the
plan is over budget. The budget is not part of what the client agrees, so
changing it does not make the agreement stale.`,
		Example: "  casework plan budget C-2026-7K3Q 1200",
		Args:    cmdutil.ExactArgs(2, "a case ID and the budget AMOUNT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			amount, err := cmdutil.ParseAmount("the budget", args[1])
			if err != nil {
				return err
			}
			var currency string
			c, err := editPlan(f, args[0], func(c *casefile.Case, cfg *config.Config) error {
				c.Plan.Budget = amount
				currency = cfg.Currency
				return nil
			})
			if err != nil {
				return err
			}
			if total, over := planning.OverBudget(c.Plan); over {
				f.Warnf("the plan of %s costs %s, over its budget of %s", c.ID, cmdutil.Amount(total, currency), cmdutil.Amount(c.Plan.Budget, currency))
			}
			if amount == 0 {
				f.Infof("Removed the budget of %s.", c.ID)
			} else {
				f.Infof("Budget of %s set to %s.", c.ID, cmdutil.Amount(amount, currency))
			}
			return nil
		},
	}
}
