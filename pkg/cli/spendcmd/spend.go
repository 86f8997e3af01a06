// Package spendcmd implements `casework spend`: money actually spent on
// an action of the plan.
package spendcmd

import (
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/planning"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework spend`.
type Options struct {
	F      *cmdutil.Factory
	CaseID string
	Action string
	Amount float64
	At     string
	Note   string
}

// NewCmdSpend returns `casework spend ID --action A --amount X [--at
// TIME] [--note N]`.
func NewCmdSpend(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "spend ID --action A --amount X",
		Short: "Record money actually spent on an action of the plan",
		Long: `Record an amount actually spent on an action of the plan (an invoice
paid, a voucher given), in the agency's currency (currency in
.casework.yaml). Entries go to the case's spending list and are never
changed; a refund is not a negative entry but a note on the next one.

'casework plan show' then shows the plan's budget, what is committed (the
cost of its actions), what was spent and what remains. 'casework validate'
warns when spending passes the expenses approved for the case or the
plan's budget.`,
		Example: "  casework spend C-2026-7K3Q --action A2 --amount 60 --note 'Invoice 2026-031, March'\n" +
			"  casework spend C-2026-7K3Q --action A2 --amount 60 --at 2026-04-30",
		GroupID: "cases",
		Args:    cmdutil.ExactArgs(1, "a case ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, name := range []string{"action", "amount"} {
				if err := cmdutil.RequireFlag(cmd, name); err != nil {
					return err
				}
			}
			opts.CaseID = args[0]
			return run(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Action, "action", "", "`ID` of the action the money was spent on, e.g. A2")
	cmdutil.AmountVar(fl, &opts.Amount, "amount", 0, "`AMOUNT` spent, more than zero")
	fl.StringVar(&opts.At, "at", "", "when it was spent, to record it late: RFC 3339 `TIME` or YYYY-MM-DD")
	fl.StringVar(&opts.Note, "note", "", "what it was for (an invoice number, a period)")
	return cmd
}

func run(opts *Options) error {
	f := opts.F
	if err := planning.CheckAmount(opts.Amount); err != nil {
		return cmdutil.Usagef("%w", err)
	}
	if _, err := cmdutil.ParseAt(opts.At, f.Now()); err != nil {
		return err // checked before the lock, and again under it
	}
	by, err := f.Actor()
	if err != nil {
		return err
	}
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	o, err := f.Ops()
	if err != nil {
		return err
	}
	var e casefile.SpendEntry
	rec, err := o.UpdateCase(opts.CaseID, func(c *casefile.Case, _ *config.Config, now time.Time) error {
		at, err := cmdutil.ParseAt(opts.At, now)
		if err != nil {
			return err
		}
		e, err = planning.Spend(c, casefile.SpendEntry{At: at, By: by, Action: opts.Action, Amount: opts.Amount, Note: opts.Note})
		if err != nil {
			return cmdutil.Usagef("%w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	c := &rec.Data
	m := c.Money()
	f.Changes.Detail = e.Action
	f.Infof("Recorded %s spent on %s %s; spent in all %s.", cmdutil.Amount(e.Amount, cfg.Currency), c.ID, e.Action, cmdutil.Amount(m.Spent, cfg.Currency))
	if m.Budget > 0 && m.Spent > m.Budget {
		f.Warnf("spending on %s (%s) is over the plan's budget of %s", c.ID, cmdutil.Amount(m.Spent, cfg.Currency), cmdutil.Amount(m.Budget, cfg.Currency))
	}
	return nil
}
