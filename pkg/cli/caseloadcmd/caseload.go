// Package caseloadcmd implements `casework caseload` and `casework
// caseload rebalance`.
package caseloadcmd

import (
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseload"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/spf13/cobra"
)

// Markdown is the -o format of a Markdown table, for a supervisor's
// meeting notes.
const Markdown = "markdown"

// Options are the inputs of `casework caseload`.
type Options struct {
	F      *cmdutil.Factory
	Month  string
	Worker string
	Team   string
	FailOn string
}

// NewCmdCaseload returns `casework caseload [--month YYYY-MM] [--worker W]
// [--team T] [--fail-on warn|over]` with its `rebalance` subcommand.
func NewCmdCaseload(f *cmdutil.Factory) *cobra.Command {
	cmd := newCmdReport(f)
	cmd.AddCommand(NewCmdRebalance(f))
	return cmd
}

func newCmdReport(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "caseload",
		Short: "Caseload and workload of each worker against the agency's limits",
		Long: `For each worker in a month: active cases, new cases opened, weighted
workload hours, capacity (fte × hours_per_fte_month), load, and a status
against the limits in .casework.yaml (caseload) or the worker file (limits):

  ok    under every warning threshold
  warn  at or past warn_active or warn_new_per_month, at max_active or
        max_new_per_month (full), or load at 80% or more
  over  past max_active or max_new_per_month, or load past 100%

Active cases are those open at the end of the month (now, for the current
month); every case open at some moment of the month costs its hours, so a
past month is reproducible from the files. The totals row gives the
agency's active cases per FTE. Output: -o table (with load bars), json,
yaml, csv, or markdown for meeting notes. See docs/caseload.md for the
formula.`,
		Example: `  casework caseload
  casework caseload --month 2026-01 --team north
  casework caseload -o markdown >> meeting-notes.md
  casework caseload --fail-on over   # in CI: exit 1 when anyone is over`,
		GroupID: "agency",
		Args:    cmdutil.ExactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReport(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Month, "month", "", "the `YYYY-MM` month to report (default: this month)")
	fl.StringVar(&opts.Worker, "worker", "", "only worker `ID`")
	fl.StringVar(&opts.Team, "team", "", "only the workers of `TEAM`")
	fl.StringVar(&opts.FailOn, "fail-on", "", "exit 1 when any worker shown is at `STATUS` or worse: warn or over")
	cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML, output.CSV, Markdown)
	return cmd
}

func runReport(opts *Options) error {
	f := opts.F
	p := f.Printer()
	var failOn caseload.Status
	var err error
	if opts.FailOn != "" {
		if failOn, err = caseload.ParseStatus(opts.FailOn); err != nil {
			return cmdutil.Usagef("--fail-on: %w", err)
		}
	}
	now := f.Now()
	month := caseload.MonthOf(now)
	if opts.Month != "" {
		if month, err = caseload.ParseMonth(opts.Month); err != nil {
			return cmdutil.Usagef("--month: %w", err)
		}
		if now.Before(month.Start()) {
			return cmdutil.Usagef("--month %s has not begun (this is %s): the caseload is computed from what the files record", month, caseload.MonthOf(now))
		}
	}
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	if opts.Worker != "" {
		if _, err := f.RequireWorker(opts.Worker); err != nil {
			return err
		}
	}
	cases, workers, err := loadAll(f, false)
	if err != nil {
		return err
	}
	rep := caseload.Compute(cases, workers, cfg.Caseload, month, now)
	if rep.Workers, err = opts.filter(rep.Workers); err != nil {
		return err
	}
	rep.Totals = caseload.Total(rep.Workers)
	if err := printReport(p, &rep); err != nil {
		return err
	}
	if failOn != "" && caseload.Worst(rep.Workers).AtLeast(failOn) {
		f.Infof("caseload %s: %d over, %d at warn (--fail-on %s)", month, rep.Totals.Over, rep.Totals.Warn, failOn)
		return cmdutil.ErrFindings
	}
	return nil
}

// filter keeps the rows of --worker and --team.
func (o *Options) filter(rows []caseload.Row) ([]caseload.Row, error) {
	if o.Team != "" && !slices.ContainsFunc(rows, func(r caseload.Row) bool { return r.Team == o.Team }) {
		return nil, cmdutil.Usagef("no worker is in team %q; teams: %s", o.Team, strings.Join(teams(rows), ", "))
	}
	return slices.DeleteFunc(rows, func(r caseload.Row) bool {
		return o.Worker != "" && r.Worker != o.Worker || o.Team != "" && r.Team != o.Team
	}), nil
}

func teams(rows []caseload.Row) []string {
	seen := map[string]bool{}
	for _, r := range rows {
		if r.Team != "" {
			seen[r.Team] = true
		}
	}
	names := make([]string, 0, len(seen))
	for t := range seen {
		names = append(names, t)
	}
	sort.Strings(names)
	if len(names) == 0 {
		return []string{"(none set)"}
	}
	return names
}

// loadAll loads every case (as the index summarises it) and worker. A
// case file that fails to load is left out with a warning and the command
// exits 1 (cmdutil.Factory.CaseSummaries): the caseload is never silently
// short. With whole set (a write that acts on the counts, 'rebalance
// --apply'), such a file stops the command instead.
func loadAll(f *cmdutil.Factory, whole bool) ([]*casefile.Case, []casefile.Worker, error) {
	cases, err := f.CaseSummaries()
	if err != nil {
		return nil, nil, err
	}
	if whole && f.Incomplete() {
		return nil, nil, errors.New("cannot move cases on a caseload counted without the case files above: fix them first ('casework validate' checks them all)")
	}
	repo, err := f.Repo()
	if err != nil {
		return nil, nil, err
	}
	wrecs, err := repo.AllWorkers()
	if err != nil {
		return nil, nil, unloadable(err)
	}
	workers := make([]casefile.Worker, len(wrecs))
	for i, r := range wrecs {
		workers[i] = r.Data
	}
	return cases, workers, nil
}

// unloadable reports worker files that failed to load: a first line that
// says what, then each problem with its path. Without its workers no
// caseload can be counted.
func unloadable(err error) error {
	//lint:ignore ST1005 a header line that ends in a colon: the problems follow, one a line
	return errors.Join(errors.New("cannot compute the caseload: fix these files first ('casework validate' checks them all):"), err)
}
