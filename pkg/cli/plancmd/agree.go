package plancmd

import (
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/planning"
	"github.com/spf13/cobra"
)

// AgreeOptions are the inputs of `casework plan agree`.
type AgreeOptions struct {
	F      *cmdutil.Factory
	CaseID string
	By     string
}

// NewCmdAgree returns `casework plan agree ID --by client|representative`.
func NewCmdAgree(f *cmdutil.Factory) *cobra.Command {
	opts := &AgreeOptions{F: f}
	cmd := &cobra.Command{
		Use:   "agree ID --by client|representative",
		Short: "Record that the client (or their representative) agreed the plan as it stands",
		Long: `Record the client's agreement to the care plan as it stands now
(self-determination). A representative agrees only where the case records
one (client.representative), for a client declared unable to decide. The
agreement holds the plan's digest: a later change to its goals or actions
makes it stale, and the plan must be agreed again.`,
		Example: "  casework plan agree C-2026-7K3Q --by client",
		Args:    cmdutil.ExactArgs(1, "one case ID (or a unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.RequireFlag(cmd, "by"); err != nil {
				return err
			}
			opts.CaseID = args[0]
			return runAgree(opts)
		},
	}
	cmd.Flags().StringVar(&opts.By, "by", "", "who agreed: client or representative")
	return cmd
}

func runAgree(opts *AgreeOptions) error {
	f := opts.F
	c, err := editPlan(f, opts.CaseID, func(c *casefile.Case, _ *config.Config) error {
		if err := planning.Agree(c, opts.By, f.Now()); err != nil {
			return cmdutil.Usagef("%w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	f.Infof("Plan of %s agreed by the %s on %s (plan %s).", c.ID, c.Plan.Agreed.By, c.Plan.Agreed.At.Format(time.DateOnly), c.Plan.Agreed.Digest)
	return nil
}
