package casecmd

import (
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/workflow"
	"github.com/spf13/cobra"
	"time"
)

// CloseOptions are the inputs of `casework case close`.
type CloseOptions struct {
	F          *cmdutil.Factory
	CaseID     string
	Reason     string
	Evaluation string
	FollowUp   string
}

// NewCmdClose returns `casework case close ID --reason R [--evaluation
// TEXT] [--follow-up DATE]`.
func NewCmdClose(f *cmdutil.Factory) *cobra.Command {
	opts := &CloseOptions{F: f}
	cmd := &cobra.Command{
		Use:   "close ID --reason REASON",
		Short: "Close a case with its closure record (reason, evaluation, follow-up)",
		Long: `Close a case: record the closure (a reason from closure_reasons in
.casework.yaml, the final evaluation, and a follow-up date) and move the case
to the closed phase. The guards of closed apply (by default: closure).

A case whose current risk is the highest level (risk.levels) is not closed
without a final evaluation and a supervisor's approval of the closure
('casework approve ID closure --as SUPERVISOR'), given since the case
entered its phase. Closing any other case without an evaluation is a
warning, or refused where require_closure_evaluation is true. Without
--follow-up, the follow-up falls due timescales.follow_up after closure.`,
		Example: "  casework case close C-2026-7K3Q --reason goals-met --evaluation 'Housed, employed' --follow-up 2026-06-01",
		Args:    cmdutil.ExactArgs(1, "one case ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.RequireFlag(cmd, "reason"); err != nil {
				return err
			}
			opts.CaseID = args[0]
			return runClose(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "why the case closes: one of closure_reasons in .casework.yaml")
	cmd.Flags().StringVar(&opts.Evaluation, "evaluation", "", "the final evaluation: what was achieved")
	cmd.Flags().StringVar(&opts.FollowUp, "follow-up", "", "`DATE` (YYYY-MM-DD) to follow the client up")
	return cmd
}

func runClose(opts *CloseOptions) error {
	f := opts.F
	wf, err := loadWorkflow(f, "move")
	if err != nil {
		return err
	}
	cl := casefile.Closure{Reason: opts.Reason, Evaluation: opts.Evaluation}
	if opts.FollowUp != "" {
		if cl.FollowUp, err = casefile.ParseDate(opts.FollowUp); err != nil {
			return cmdutil.Usagef("--follow-up: %w", err)
		}
		if cl.FollowUp.Before(f.Today()) {
			return cmdutil.Usagef("--follow-up %s is in the past; give the date the client will be followed up", opts.FollowUp)
		}
	}
	by, err := f.Actor()
	if err != nil {
		return err
	}
	o, err := f.Ops()
	if err != nil {
		return err
	}
	rec, err := o.UpdateCase(opts.CaseID, func(c *casefile.Case, cfg *config.Config, now time.Time) error {
		cl.At = now
		return wf.CloseChecked(c, cl, by, cfg.ClosureReasons, workflow.ClosureRulesOf(cfg))
	})
	if err != nil {
		return err
	}
	if opts.Evaluation == "" {
		f.Warnf("case %s was closed without a final evaluation (--evaluation): its record does not say what was achieved", rec.Data.ID)
	}
	f.Infof("Closed %s (%s).", rec.Data.ID, opts.Reason)
	return nil
}
