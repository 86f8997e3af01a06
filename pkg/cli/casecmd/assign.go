package casecmd

import (
	"fmt"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseload"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/store"
	"github.com/spf13/cobra"
)

// AssignOptions are the inputs of `casework case assign`.
type AssignOptions struct {
	F      *cmdutil.Factory
	CaseID string
	Worker string
	Reason string
	Force  bool
}

// NewCmdAssign returns `casework case assign ID WORKER [--reason R]
// [--force]`.
func NewCmdAssign(f *cmdutil.Factory) *cobra.Command {
	opts := &AssignOptions{F: f}
	cmd := &cobra.Command{
		Use:   "assign ID WORKER",
		Short: "Change the case's reference person; recorded in history",
		Long: `Give the case to another worker as the client's reference person. The
change is recorded in the case's history, for continuity of care.

When the worker already holds max_active open cases, casework warns; where
caseload.enforce is true in .casework.yaml it refuses, unless --force is
given with a --reason, and the override is recorded in history as forced.`,
		Example: "  casework case assign C-2026-7K3Q w-ben --reason 'Ana on parental leave'",
		Args:    cmdutil.ExactArgs(2, "a case ID and a worker ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CaseID, opts.Worker = args[0], args[1]
			if err := requireForceReason(opts.Force, opts.Reason); err != nil {
				return err
			}
			return runAssign(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "why the case changes hands (required with --force)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "give the case even past the caseload limit (needs --reason)")
	return cmd
}

func runAssign(opts *AssignOptions) error {
	rec, err := Assign(opts.F, opts.CaseID, opts.Worker, opts.Reason, opts.Force)
	if err != nil {
		return err
	}
	opts.F.Infof("Assigned %s to %s.", rec.Data.ID, opts.Worker)
	return nil
}

// Assign gives the case named by caseID (an ID or unique prefix) to worker
// as its reference person, and records the change in its history (see
// ops.Ops.Assign). It checks the worker's caseload first (see checkRoom);
// force overrides an enforced limit. `case assign` and `caseload rebalance
// --apply` both change hands through it.
func Assign(f *cmdutil.Factory, caseID, worker, reason string, force bool) (*store.Record[casefile.Case], error) {
	w, err := f.RequireActiveWorker(worker)
	if err != nil {
		return nil, err
	}
	by, err := f.Actor()
	if err != nil {
		return nil, err
	}
	o, err := f.Ops()
	if err != nil {
		return nil, err
	}
	return o.Assign(caseID, worker, by, reason, func(held caseload.Holding, partial bool) (bool, error) {
		return checkRoom(f, w, held, partial, force, false)
	})
}

// requireForceReason refuses --force without a reason: an override of the
// caseload limit must say why.
func requireForceReason(force bool, reason string) error {
	if force && reason == "" {
		return cmdutil.Usagef("--force needs --reason: say why the caseload limit is overridden")
	}
	return nil
}

// checkRoom looks at what worker w holds (held, counted by package ops
// under the lock: from every case where caseload.enforce is on, else from
// the tally, so that an advisory check costs the same in any size of
// repository; partial when cases failed to load) before they are given one
// more case. When they already hold max_active open cases it warns or,
// where caseload.enforce is true, refuses unless force is set; forced
// reports that the limit was overridden, to be recorded in history. For a
// new case (isNew) it also warns at max_new_per_month.
func checkRoom(f *cmdutil.Factory, w *casefile.Worker, held caseload.Holding, partial, force, isNew bool) (forced bool, err error) {
	cfg, err := f.Config()
	if err != nil {
		return false, err
	}
	if partial {
		f.Warnf("%s's caseload is counted without the cases that failed to load; run 'casework validate'", w.ID)
	}
	limits := caseload.LimitsFor(cfg.Caseload, *w)
	if isNew && limits.MaxNewPerMonth > 0 && held.New >= limits.MaxNewPerMonth {
		f.Warnf("%s already has %s this month, at or past max_new_per_month %d", w.ID, count(held.New, "new case"), limits.MaxNewPerMonth)
	}
	if !limits.Full(held.Active) {
		return false, nil
	}
	full := fmt.Sprintf("%s already holds %s, at or past max_active %d", w.ID, count(held.Active, "open case"), limits.MaxActive)
	switch {
	case !cfg.Caseload.Enforce:
		f.Warnf("%s; 'casework caseload' shows who has room", full)
		return false, nil
	case !force:
		return false, fmt.Errorf("%s, and caseload.enforce is on: give the case to a worker with room ('casework caseload' shows them), or override with --force --reason TEXT", full)
	}
	f.Warnf("%s; limit overridden with --force, recorded in history", full)
	return true, nil
}

// count writes n things: "1 open case", "2 open cases".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
