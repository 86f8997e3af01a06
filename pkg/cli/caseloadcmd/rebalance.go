package caseloadcmd

import (
	"github.com/casework/casework/pkg/caseload"
	"github.com/casework/casework/pkg/cli/casecmd"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/spf13/cobra"
)

// RebalanceOptions are the inputs of `casework caseload rebalance`.
type RebalanceOptions struct {
	F      *cmdutil.Factory
	DryRun bool
	Apply  bool
}

// NewCmdRebalance returns `casework caseload rebalance [--dry-run]
// [--apply]`.
func NewCmdRebalance(f *cmdutil.Factory) *cobra.Command {
	opts := &RebalanceOptions{F: f}
	cmd := &cobra.Command{
		Use:   "rebalance",
		Short: "Propose moves of cases from workers over max_active to workers with room",
		Long: `Propose moves of open cases from workers holding more than max_active to
workers with room: a worker of the same team first, then the worker with
the fewest open cases. A worker's most recently opened cases move first;
closed cases never move; supervisors (approver_roles) receive none.

Without --apply this is a proposal only and nothing is written. With
--apply every move is made as 'casework case assign' makes it, recorded in
the case's history with the reason.`,
		Example: "  casework caseload rebalance\n  casework caseload rebalance --apply",
		Args:    cmdutil.ExactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.DryRun && opts.Apply {
				return cmdutil.Usagef("--dry-run and --apply cannot be used together")
			}
			return runRebalance(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "only show the proposal (the default)")
	cmd.Flags().BoolVar(&opts.Apply, "apply", false, "make the proposed moves")
	cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML, output.CSV)
	return cmd
}

func runRebalance(opts *RebalanceOptions) error {
	f := opts.F
	p := f.Printer()
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	if opts.Apply {
		if _, err := f.Actor(); err != nil {
			return err
		}
	}
	cases, workers, err := loadAll(f, opts.Apply)
	if err != nil {
		return err
	}
	prop := caseload.Rebalance(cases, workers, cfg.Caseload, cfg.ApproverRoles)
	tab := &output.Tabular{Header: []string{"case", "opened", "from", "to", "reason"}}
	for _, m := range prop.Moves {
		tab.Rows = append(tab.Rows, []string{m.Case, m.Opened.String(), m.From, m.To, m.Reason})
	}
	if err := p.Print(prop, tab); err != nil {
		return err
	}
	for _, s := range prop.Stuck {
		f.Warnf("%s stays over max_active by %d: no other worker has room", s.Worker, s.Excess)
	}
	switch {
	case len(prop.Moves) == 0:
		f.Infof("No case to move.")
	case !opts.Apply:
		f.Infof("Proposal only, nothing written; 'casework caseload rebalance --apply' makes %s.", cmdutil.Plural(len(prop.Moves), "move", "moves"))
	default:
		for _, m := range prop.Moves {
			if _, err := casecmd.Assign(f, m.Case, m.To, m.Reason, false); err != nil {
				return err
			}
		}
		f.Infof("Moved %s.", cmdutil.Plural(len(prop.Moves), "case", "cases"))
	}
	return nil
}
