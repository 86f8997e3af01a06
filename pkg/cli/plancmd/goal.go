package plancmd

import (
	"fmt"

	"github.com/casework/casework/pkg/assess"
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/planning"
	"github.com/spf13/cobra"
)

// GoalAddOptions are the inputs of `casework plan goal add`.
type GoalAddOptions struct {
	F      *cmdutil.Factory
	CaseID string
	Text   string
	Domain string
	Target string
}

// NewCmdGoalAdd returns `casework plan goal add ID TEXT [--domain D]
// [--target DATE]`.
func NewCmdGoalAdd(f *cmdutil.Factory) *cobra.Command {
	opts := &GoalAddOptions{F: f}
	cmd := &cobra.Command{
		Use:   "add ID TEXT",
		Short: "Add a goal set with the client; prints its ID (G1, G2, …)",
		Long: `Add a goal to the care plan, in the client's own words where possible. It
gets the next goal ID (G1, G2, …; IDs are never reused) and the status
open. --domain must be a domain of the instrument of the case's latest
assessment (the default instrument when there is none).`,
		Example: "  casework plan goal add C-2026-7K3Q 'Keep the flat' --domain housing --target 2026-06-30",
		Args:    cmdutil.ExactArgs(2, "a case ID and the goal's TEXT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CaseID, opts.Text = args[0], args[1]
			return runGoalAdd(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Domain, "domain", "", "assessment `DOMAIN` the goal addresses, e.g. housing")
	cmd.Flags().StringVar(&opts.Target, "target", "", "target `DATE`, YYYY-MM-DD")
	return cmd
}

func runGoalAdd(opts *GoalAddOptions) error {
	f := opts.F
	target, err := optionalDate(f, "target", opts.Target)
	if err != nil {
		return err
	}
	var goal casefile.Goal
	_, err = editPlan(f, opts.CaseID, func(c *casefile.Case, cfg *config.Config) error {
		if opts.Domain != "" {
			if err := checkDomain(c, cfg, opts.Domain); err != nil {
				return err
			}
		}
		goal, err = planning.AddGoal(&c.Plan, casefile.Goal{Text: opts.Text, Domain: opts.Domain, Target: target})
		if err != nil {
			return cmdutil.Usagef("%w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	f.Changes.Detail = goal.ID
	_, err = fmt.Fprintln(f.IO.Out, goal.ID)
	return err
}

// checkDomain checks a goal's domain against the instrument of the case's
// latest assessment, or the default instrument.
func checkDomain(c *casefile.Case, cfg *config.Config, domain string) error {
	id := cfg.Assessment.DefaultInstrument
	if as := c.ClientAssessments(); len(as) > 0 {
		id = as[len(as)-1].Instrument
	}
	in, ok := cfg.Assessment.Instrument(id)
	if !ok {
		return nil // an instrument no longer configured: nothing to check against
	}
	if err := assess.CheckDomain(in, domain); err != nil {
		return cmdutil.Usagef("--domain: %w", err)
	}
	return nil
}
