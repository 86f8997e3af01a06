// Package approvecmd implements `casework approve`.
package approvecmd

import (
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
	F       *cmdutil.Factory
	CaseID  string
	What    casefile.ApprovalKind
	By      string
	Note    string
	Amount  float64
	Request bool
	Reject  bool
	Force   bool
	Reason  string
}

// NewCmdApprove returns `casework approve ID plan|closure|expense [--by
// SUPERVISOR] [--note TEXT] [--amount X] [--request | --reject --reason R |
// --force --reason R]`.
func NewCmdApprove(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "approve ID plan|closure|expense",
		Short: "A supervisor approves or rejects a plan, a closure or an expenditure",
		Long: `Managerial case management: a worker submits the plan, the closure of a
case or an expenditure (--amount) for approval with --request, and it shows
in 'casework due' until an approver decides. An approver approves it, or
turns it down with --reject --reason.

Separation of duties: the approver is the worker who is acting (--by, if
given, must be the same worker); their role must be one of approver_roles
in .casework.yaml (default: supervisor), and they must not be the case's
reference person. An expense is capped by approval_limits for the
approver's role, if set, and by what is left of the plan's budget unless
approved with --force --reason. A plan approval holds the plan's digest,
so a later change to the plan needs a new one. The 'approval' guard of the
workflow checks these records.`,
		Example: "  casework approve C-2026-7K3Q plan --request --note 'Ready for sign-off'\n" +
			"  casework approve C-2026-7K3Q plan --as w-sue --note 'Costs within the quarter budget'\n" +
			"  casework approve C-2026-7K3Q closure --as w-sue --reject --reason 'Goal G2 is still open'\n" +
			"  casework approve C-2026-7K3Q expense --amount 350 --as w-sue",
		GroupID: "cases",
		Args:    cmdutil.ExactArgs(2, "a case ID and what to approve: "+strings.Join(casefile.ApprovalKinds, ", ")),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CaseID, opts.What = args[0], casefile.ApprovalKind(args[1])
			return run(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.By, "by", "", "`SUPERVISOR` approving: must be who is acting (default: who is acting)")
	fl.StringVar(&opts.Note, "note", "", "the approver's (or requester's) note")
	cmdutil.AmountVar(fl, &opts.Amount, "amount", 0, "`AMOUNT` of the expenditure (expense only)")
	fl.BoolVar(&opts.Request, "request", false, "submit for approval instead of approving")
	fl.BoolVar(&opts.Reject, "reject", false, "turn it down (needs --reason)")
	fl.BoolVar(&opts.Force, "force", false, "approve an expense beyond the plan's remaining budget (needs --reason)")
	fl.StringVar(&opts.Reason, "reason", "", "why it is rejected, or why the budget is exceeded")
	cmd.MarkFlagsMutuallyExclusive("request", "reject")
	cmd.MarkFlagsMutuallyExclusive("request", "force")
	cmd.MarkFlagsMutuallyExclusive("reject", "force")
	return cmd
}

func run(opts *Options) error {
	f := opts.F
	if err := planning.CheckApprovable(opts.What); err != nil {
		return cmdutil.Usagef("%w", err)
	}
	if opts.Reason != "" && !opts.Reject && !opts.Force {
		return cmdutil.Usagef("--reason goes with --reject or --force")
	}
	actor, err := f.Actor()
	if err != nil {
		return err
	}
	if opts.By != "" && opts.By != actor {
		return cmdutil.Usagef("--by %s is not who is acting (%s): a decision is recorded for the worker who makes it, so %s must run it (--as %s)", opts.By, actor, opts.By, opts.By)
	}
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	w, err := f.RequireWorker(actor)
	if err != nil {
		return err
	}
	entry := casefile.Approval{By: actor, What: opts.What, Amount: opts.Amount, Note: opts.Note, Forced: opts.Force, Reason: opts.Reason}
	if opts.Reject {
		entry.Decision = casefile.DecisionRejected
	}
	o, err := f.Ops()
	if err != nil {
		return err
	}
	rec, err := o.UpdateCase(opts.CaseID, func(c *casefile.Case, _ *config.Config, now time.Time) error {
		entry.At = now // taken under the lock
		if opts.Request {
			entry, err = planning.Request(c, entry)
			return usage(err)
		}
		if err := planning.CheckDecision(c, *w, entry, cfg.ApproverRoles, cfg.ApprovalLimits, cfg.Currency); err != nil {
			return usage(err)
		}
		entry, err = planning.Approve(c, entry, cfg.Currency)
		return usage(err)
	})
	if err != nil {
		return err
	}
	beyond := ""
	if entry.Forced {
		beyond = ", beyond the plan's budget"
	}
	f.Infof("%s for %s%s.", describe(entry, cfg.Currency), rec.Data.ID, beyond)
	return nil
}

func usage(err error) error {
	if err != nil {
		return cmdutil.Usagef("%w", err)
	}
	return nil
}

// describe says what was recorded: "w-sue approved the plan (1a2b...)".
func describe(a casefile.Approval, currency string) string {
	what := "the " + string(a.What)
	switch a.What {
	case casefile.ApproveExpense:
		what = "an expense of " + cmdutil.Amount(a.Amount, currency)
	case casefile.ApprovePlan:
		if a.Digest != "" {
			what += " (" + a.Digest + ")"
		}
	}
	switch {
	case a.IsRequest():
		return a.By + " asked for approval of " + what
	case a.IsRejection():
		return a.By + " rejected " + what
	}
	return a.By + " approved " + what
}
