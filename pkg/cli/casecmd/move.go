package casecmd

import (
	"errors"
	"fmt"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/validate"
	"github.com/casework/casework/pkg/workflow"
	"github.com/spf13/cobra"
)

// MoveOptions are the inputs of `casework case move`.
type MoveOptions struct {
	F      *cmdutil.Factory
	CaseID string
	Phase  string
	Reason string
	At     string
}

// NewCmdMove returns `casework case move ID PHASE [--reason R] [--at TIME]`.
func NewCmdMove(f *cmdutil.Factory) *cobra.Command {
	opts := &MoveOptions{F: f}
	cmd := &cobra.Command{
		Use:   "move ID PHASE",
		Short: "Move a case to another phase, if the workflow allows it and its guards hold",
		Long: `Move a case to another phase. The workflow in .casework.yaml says which
moves are allowed and which guards must hold to enter a phase (see
'casework workflow'). A refused move changes nothing and says what to do.
The move is appended to the case's history with who, when and why.

Close and reopen cases with 'casework case close' and 'casework case reopen'.`,
		Example: "  casework case move C-2026-7K3Q planning --reason 'assessment done'\n  casework case move C-2026-7K3Q implementation --at 2026-02-27",
		Args:    cmdutil.ExactArgs(2, "a case ID and a phase"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CaseID, opts.Phase = args[0], args[1]
			return runMove(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "why the case moves")
	cmd.Flags().StringVar(&opts.At, "at", "", "when the move happened, to record it late: RFC 3339 `TIME` or YYYY-MM-DD (not before the last history entry, not in the future)")
	return cmd
}

func runMove(opts *MoveOptions) error {
	f := opts.F
	wf, err := loadWorkflow(f, "move")
	if err != nil {
		return err
	}
	if _, err := cmdutil.ParseAt(opts.At, f.Now()); err != nil {
		return err // checked before the lock, and again under it
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
		at, err := cmdutil.ParseAt(opts.At, now)
		if err != nil {
			return err
		}
		return wf.Move(c, opts.Phase, at, by, opts.Reason)
	})
	if err != nil {
		return err
	}
	f.Infof("Moved %s to %s.", rec.Data.ID, rec.Data.Phase)
	return nil
}

// loadWorkflow returns the configured workflow, refusing to open or move
// cases through a broken one; what says what no case can do ("move", "be
// opened").
func loadWorkflow(f *cmdutil.Factory, what string) (*workflow.Workflow, error) {
	cfg, err := f.Config()
	if err != nil {
		return nil, err
	}
	probs := workflow.Errors(workflow.CheckConfig(cfg.Workflow))
	if len(probs) == 0 {
		return workflow.New(cfg.Workflow), nil
	}
	repo, err := f.Repo()
	if err != nil {
		return nil, err
	}
	data, _ := repo.ReadFile(config.FileName)
	//lint:ignore ST1005 a header line that ends in a colon: the problems follow, one a line
	problems := []error{fmt.Errorf("the workflow in .casework.yaml is broken, so no case can %s; fix it ('casework validate' checks it):", what)}
	for _, fd := range validate.WorkflowFindings(data, cfg.Workflow) {
		if fd.Severity == validate.Error {
			problems = append(problems, errors.New(fd.String()))
		}
	}
	return nil, errors.Join(problems...)
}
