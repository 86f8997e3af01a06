package casecmd

import (
	"fmt"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/spf13/cobra"
)

// AssignOptions are the inputs of `casework case assign`.
type AssignOptions struct {
	F      *cmdutil.Factory
	CaseID string
	Worker string
	Reason string
}

// NewCmdAssign returns `casework case assign ID WORKER [--reason R]`.
func NewCmdAssign(f *cmdutil.Factory, runF func(*AssignOptions) error) *cobra.Command {
	opts := &AssignOptions{F: f}
	cmd := &cobra.Command{
		Use:   "assign ID WORKER",
		Short: "Change the case's reference person; recorded in history",
		Long: `Give the case to another worker as the client's reference person. The
change is recorded in the case's history, for continuity of care.`,
		Example: "  casework case assign C-2026-7K3Q w-ben --reason 'Ana on parental leave'",
		Args:    cmdutil.ExactArgs(2, "a case ID and a worker ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CaseID, opts.Worker = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return runAssign(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "why the case changes hands")
	return cmd
}

func runAssign(opts *AssignOptions) error {
	f := opts.F
	if _, err := f.RequireWorker(opts.Worker); err != nil {
		return err
	}
	by, err := f.Actor()
	if err != nil {
		return err
	}
	now := f.Now()
	rec, err := f.UpdateCase(opts.CaseID, func(c *casefile.Case, cfg *config.Config) error {
		if !config.IsOpen(c.Phase) {
			return fmt.Errorf("case %s is closed; reopen it with 'casework case reopen' before assigning it", c.ID)
		}
		if c.Worker == opts.Worker {
			return fmt.Errorf("case %s is already assigned to %s", c.ID, opts.Worker)
		}
		c.History = append(c.History, casefile.HistoryEntry{
			At: now, By: by, Reason: opts.Reason,
			Assign: &casefile.Assignment{From: c.Worker, To: opts.Worker},
		})
		c.Worker = opts.Worker
		return nil
	})
	if err != nil {
		return err
	}
	f.Infof("Assigned %s to %s.", rec.Data.ID, opts.Worker)
	return nil
}
