// Package duecmd implements `casework due`.
package duecmd

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/ical"
	"github.com/casework/casework/pkg/risk"
	"github.com/casework/casework/pkg/schedule"
	"github.com/spf13/cobra"
)

// ICS is the iCalendar output format.
const ICS = "ics"

// Options are the inputs of `casework due`.
type Options struct {
	F      *cmdutil.Factory
	Within string
	Worker string
}

// Row is one thing due, as printed.
type Row struct {
	Date    casefile.Date `json:"date" yaml:"date"`
	Case    string        `json:"case" yaml:"case"`
	Worker  string        `json:"worker" yaml:"worker"`
	Risk    string        `json:"risk,omitempty" yaml:"risk,omitempty"`
	Kind    string        `json:"kind" yaml:"kind"`
	Ref     string        `json:"ref,omitempty" yaml:"ref,omitempty"`
	What    string        `json:"what" yaml:"what"`
	Days    int           `json:"days" yaml:"days"`
	Overdue bool          `json:"overdue" yaml:"overdue"`
	// Ended marks a service past its end and still planned or active.
	Ended  bool   `json:"ended" yaml:"ended"`
	Status string `json:"status" yaml:"status"`
}

// NewCmdDue returns `casework due [--within DURATION] [--worker W]`.
func NewCmdDue(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "due",
		Short: "Every deadline that is overdue or due soon, highest risk first",
		Long: `List what is overdue or due within --within (default 14d) across all
cases, by the timescales in .casework.yaml: first contact and the screening
decision of new cases, assessments, an agreed plan, monitoring reviews (at
an interval per risk level), re-assessments, tasks not done, services
ending, and follow-ups of closed cases. Each item belongs to the case's
reference person (--worker filters).

Items are ordered risk first, then lateness: cases at the highest current
risk (then the highest level of attention) come first, each case's items
most overdue first. A running service is never overdue; one past its end
and still active is listed as "ended? review it".
Plans, closures and expenses submitted for approval ('casework approve ID
plan --request') are listed after the rest until an approver decides:
with --worker, only to a worker whose role may approve, and not for their
own cases.

-o ics writes an iCalendar file (RFC 5545) to subscribe to or import: one
all-day event per item, named by case ID and kind only, never by the
client's name, so the calendar can live on a phone.`,
		Example: "  casework due\n  casework due --within 4w --worker w-ana -o ics > ana.ics",
		GroupID: "cases",
		Args:    cmdutil.ExactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Within, "within", "14d", "`DURATION` ahead to look: 7d, 2w, 36h")
	cmd.Flags().StringVar(&opts.Worker, "worker", "", "only the cases of worker `ID`")
	cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML, output.CSV, ICS)
	return cmd
}

func run(opts *Options) error {
	f := opts.F
	p := f.Printer()
	within, err := config.ParseDuration(opts.Within)
	if err != nil {
		return cmdutil.Usagef("--within: %w", err)
	}
	if opts.Worker != "" {
		if _, err := f.RequireWorker(opts.Worker); err != nil {
			return err
		}
	}
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	clock, err := f.Clock()
	if err != nil {
		return err
	}
	all, err := f.CaseSummaries()
	if err != nil {
		return err
	}
	var cases []*casefile.Case
	byID := map[string]*casefile.Case{}
	for _, c := range all {
		if opts.Worker == "" || c.Worker == opts.Worker {
			cases = append(cases, c)
			byID[c.ID] = c
		}
	}
	items := clock.Until(cases, casefile.NewDate(f.Now().Add(within)))
	schedule.ByRisk(items, func(id string) int { return risk.Priority(cfg.Risk, byID[id]) })
	if p.Format == ICS {
		return ical.Write(f.IO.Out, calendar(items, byID, f))
	}
	today := f.Today()
	rows := []Row{}
	tab := &output.Tabular{Header: []string{"date", "case", "worker", "risk", "kind", "what", "status"}}
	for _, it := range items {
		r := row(it, risk.Level(byID[it.CaseID]), today)
		rows = append(rows, r)
		tab.Rows = append(tab.Rows, []string{r.Date.String(), r.Case, r.Worker, r.Risk, r.Kind, what(it), r.Status})
	}
	approvals, err := pendingApprovals(f, all, opts.Worker, cfg.ApproverRoles, cfg.Currency, today)
	if err != nil {
		return err
	}
	for _, r := range approvals {
		rows = append(rows, r)
		tab.Rows = append(tab.Rows, []string{r.Date.String(), r.Case, r.Worker, r.Kind, r.What, r.Status})
	}
	if p.Format == output.Table && len(rows) == 0 {
		f.Infof("Nothing overdue or due within %s.", opts.Within)
		return nil
	}
	return p.Print(rows, tab)
}

func row(it schedule.Item, level string, today casefile.Date) Row {
	days := it.DaysFrom(today)
	r := Row{Date: it.Date, Case: it.CaseID, Worker: it.Worker, Risk: level, Kind: it.Kind, Ref: it.Ref, What: it.What,
		Days: days, Overdue: it.Overdue(today), Ended: it.Ended(today), Status: status(days)}
	switch {
	case r.Ended:
		r.Status = "ended? review it"
	case it.Kind == schedule.Service:
		r.Status = "ends " + strings.TrimPrefix(r.Status, "due ")
	}
	return r
}

// what names the item for the table: the action's ID and text.
func what(it schedule.Item) string {
	if it.Ref != "" {
		return it.Ref + " " + it.What
	}
	return it.What
}

// status says how far off an item is: "overdue by 3 days", "due today",
// "due in 5 days".
func status(days int) string {
	switch {
	case days < 0:
		return "overdue by " + plural(-days, "day")
	case days == 0:
		return "due today"
	}
	return "due in " + plural(days, "day")
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

// calendar turns the items into all-day events. Summaries name the case
// and the kind of item only: no client names leave the repository.
func calendar(items []schedule.Item, cases map[string]*casefile.Case, f *cmdutil.Factory) ical.Calendar {
	cal := ical.Calendar{ProdID: "-//casework//casework " + cmdutil.Version() + "//EN", Name: "casework: due", Stamp: f.Now()}
	for _, it := range items {
		summary := it.CaseID + " " + it.Kind
		if it.Ref != "" {
			summary += " " + it.Ref
		}
		description := fmt.Sprintf("Reference person: %s", it.Worker)
		categories := []string{it.Kind}
		if level := risk.Level(cases[it.CaseID]); level != "" {
			description += fmt.Sprintf("\nRisk: %s", level)
			categories = append(categories, "risk-"+level)
		}
		cal.Events = append(cal.Events, ical.Event{
			UID:         it.Key() + "@casework",
			Date:        it.Date.Time(),
			Summary:     summary,
			Description: description,
			Categories:  categories,
		})
	}
	return cal
}
