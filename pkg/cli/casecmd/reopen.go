package casecmd

import (
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/spf13/cobra"
	"time"
)

// ReopenOptions are the inputs of `casework case reopen`.
type ReopenOptions struct {
	F      *cmdutil.Factory
	CaseID string
	Reason string
	To     string
}

// NewCmdReopen returns `casework case reopen ID --reason R [--to PHASE]`.
func NewCmdReopen(f *cmdutil.Factory) *cobra.Command {
	opts := &ReopenOptions{F: f}
	cmd := &cobra.Command{
		Use:   "reopen ID --reason REASON",
		Short: "Reopen a closed case (re-assessment)",
		Long: `Reopen a closed case. It goes back to assessment (re-assessment) unless
--to names another phase the workflow lets closed cases move to. The reopen
is recorded in history like any move; nothing is removed, and the closure
record stays as the record of the last closure.`,
		Example: "  casework case reopen C-2026-7K3Q --reason 'lost housing again'",
		Args:    cmdutil.ExactArgs(1, "one case ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.RequireFlag(cmd, "reason"); err != nil {
				return err
			}
			opts.CaseID = args[0]
			return runReopen(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "why the case is reopened")
	cmd.Flags().StringVar(&opts.To, "to", "", "`PHASE` to reopen into (default: assessment)")
	return cmd
}

func runReopen(opts *ReopenOptions) error {
	f := opts.F
	if opts.Reason == "" {
		return cmdutil.Usagef("--reason must not be empty: say why the case is reopened")
	}
	wf, err := loadWorkflow(f, "move")
	if err != nil {
		return err
	}
	by, err := f.Actor()
	if err != nil {
		return err
	}
	o, err := f.Ops()
	if err != nil {
		return err
	}
	rec, err := o.UpdateCase(opts.CaseID, func(c *casefile.Case, _ *config.Config, now time.Time) error {
		return wf.Reopen(c, opts.To, now, by, opts.Reason)
	})
	if err != nil {
		return err
	}
	f.Infof("Reopened %s in %s.", rec.Data.ID, rec.Data.Phase)
	return nil
}
