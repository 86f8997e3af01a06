// Package duecmd implements `casework due`.
package duecmd

import (
	"fmt"
	"strconv"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/ical"
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
	Kind    string        `json:"kind" yaml:"kind"`
	Ref     string        `json:"ref,omitempty" yaml:"ref,omitempty"`
	What    string        `json:"what" yaml:"what"`
	Days    int           `json:"days" yaml:"days"`
	Overdue bool          `json:"overdue" yaml:"overdue"`
	Status  string        `json:"status" yaml:"status"`
}

// NewCmdDue returns `casework due [--within DURATION] [--worker W]`.
func NewCmdDue(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "due",
		Short: "Reviews, actions and follow-ups that are overdue or due soon",
		Long: `List what is overdue or due within --within (default 14d) across all
cases: monitoring reviews of cases in implementation or monitoring, the due
dates of actions not done or cancelled, and follow-ups of closed cases.
Each item belongs to the case's reference person (--worker filters).

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
	interval, err := cfg.ReviewEvery()
	if err != nil {
		return cmdutil.Usagef("review_interval in %s: %w", config.FileName, err)
	}
	all, err := f.CaseSummaries()
	if err != nil {
		return err
	}
	var cases []*casefile.Case
	for _, c := range all {
		if opts.Worker == "" || c.Worker == opts.Worker {
			cases = append(cases, c)
		}
	}
	items := schedule.Until(cases, interval, casefile.NewDate(f.Now().Add(within)))
	if p.Format == ICS {
		return ical.Write(f.IO.Out, calendar(items, f))
	}
	today := f.Today()
	rows := []Row{}
	tab := &output.Tabular{Header: []string{"date", "case", "worker", "kind", "what", "status"}}
	for _, it := range items {
		r := row(it, today)
		rows = append(rows, r)
		tab.Rows = append(tab.Rows, []string{r.Date.String(), r.Case, r.Worker, r.Kind, what(it), r.Status})
	}
	if p.Format == output.Table && len(rows) == 0 {
		f.Infof("Nothing overdue or due within %s.", opts.Within)
		return nil
	}
	return p.Print(rows, tab)
}

func row(it schedule.Item, today casefile.Date) Row {
	days := it.DaysFrom(today)
	return Row{Date: it.Date, Case: it.CaseID, Worker: it.Worker, Kind: it.Kind, Ref: it.Ref, What: it.What,
		Days: days, Overdue: it.Overdue(today), Status: status(days)}
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
func calendar(items []schedule.Item, f *cmdutil.Factory) ical.Calendar {
	cal := ical.Calendar{ProdID: "-//casework//casework " + cmdutil.Version() + "//EN", Name: "casework: due", Stamp: f.Now()}
	for _, it := range items {
		summary := it.CaseID + " " + it.Kind
		if it.Ref != "" {
			summary += " " + it.Ref
		}
		cal.Events = append(cal.Events, ical.Event{
			UID:         it.Key() + "@casework",
			Date:        it.Date.Time(),
			Summary:     summary,
			Description: fmt.Sprintf("Reference person: %s", it.Worker),
			Categories:  []string{it.Kind},
		})
	}
	return cal
}
