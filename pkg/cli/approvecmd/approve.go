// Package approvecmd implements `casework approve`.
package approvecmd

import (
	"fmt"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/planning"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework approve`.
type Options struct {
	F      *cmdutil.Factory
	CaseID string
	What   casefile.ApprovalKind
	By     string
	Note   string
	Amount float64
}

// NewCmdApprove returns `casework approve ID plan|closure|expense [--by
// SUPERVISOR] [--note TEXT] [--amount X]`.
func NewCmdApprove(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "approve ID plan|closure|expense",
		Short: "A supervisor approves a plan, a closure or an expenditure",
		Long: `Managerial case management: a supervisor approves the plan a caseworker
submits, the closure of a case, or an expenditure (--amount). The approver
(--by, default whoever is acting) must be a worker whose role is one of
approver_roles in .casework.yaml (default: supervisor). A plan approval
holds the plan's digest, so a later change to the plan needs a new one.
The 'approval' guard of the workflow checks these records.`,
		Example: "  casework approve C-2026-7K3Q plan --by w-sue --note 'Costs within the quarter budget'\n  casework approve C-2026-7K3Q expense --amount 350 --as w-sue",
		GroupID: "cases",
		Args:    cmdutil.ExactArgs(2, "a case ID and what to approve: "+strings.Join(casefile.ApprovalKinds, ", ")),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CaseID, opts.What = args[0], casefile.ApprovalKind(args[1])
			return run(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.By, "by", "", "`SUPERVISOR` approving (default: who is acting)")
	fl.StringVar(&opts.Note, "note", "", "the approver's note")
	fl.Float64Var(&opts.Amount, "amount", 0, "`AMOUNT` of the expenditure approved (expense only)")
	return cmd
}

func run(opts *Options) error {
	f := opts.F
	if err := planning.CheckApprovable(opts.What); err != nil {
		return cmdutil.Usagef("%w", err)
	}
	by := opts.By
	if by == "" {
		actor, err := f.Actor()
		if err != nil {
			return err
		}
		by = actor
	}
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	w, err := f.RequireWorker(by)
	if err != nil {
		return fmt.Errorf("approver: %w", err)
	}
	if err := planning.CanApprove(*w, cfg.ApproverRoles); err != nil {
		return cmdutil.Usagef("%w", err)
	}
	var a casefile.Approval
	o, err := f.Ops()
	if err != nil {
		return err
	}
	rec, err := o.UpdateCase(opts.CaseID, func(c *casefile.Case, _ *config.Config, now time.Time) error {
		a, err = planning.Approve(c, casefile.Approval{At: now, By: by, What: opts.What, Amount: opts.Amount, Note: opts.Note})
		if err != nil {
			return cmdutil.Usagef("%w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	what := string(a.What)
	switch a.What {
	case casefile.ApproveExpense:
		what = "an expense of " + cmdutil.Money(a.Amount)
	case casefile.ApprovePlan:
		what = "the plan (" + a.Digest + ")"
	}
	f.Infof("%s approved %s for %s.", by, what, rec.Data.ID)
	return nil
}
