// Package reviewcmd implements `casework review`.
package reviewcmd

import (
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/planning"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework review`.
type Options struct {
	F                *cmdutil.Factory
	CaseID           string
	Goals            []string
	Actions          []string
	Note             string
	ConfidentialNote string
	Next             string
}

// NewCmdReview returns `casework review ID [--goal G=STATUS]... [--note
// TEXT] [--next DATE]`.
func NewCmdReview(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "review ID",
		Short: "Record a monitoring review; sets goal statuses and the next review date",
		Long: `Record a monitoring review of the case: the progress of each goal named
with --goal (` + strings.Join(casefile.GoalStatuses, ", ") + `) and of each action
named with --action (` + strings.Join(casefile.ActionStatuses, ", ") + `), which also
update the plan, a note, and the date of the next review. Without --next,
the next review is one review_interval (config) from today; it cannot be
in the past. A review of a closed case is its follow-up: it sets no next
review unless --next is given.

A review must record what was found: a --note, a --confidential-note, or
the status of a goal or action. A bare 'casework review ID' is refused (exit
2), so that an empty review never silences an overdue one.`,
		Example: "  casework review C-2026-7K3Q --goal G1=achieved --goal G2=in-progress --action A1=done --note 'Tenancy secured' --next 2026-04-15",
		GroupID: "cases",
		Args:    cmdutil.ExactArgs(1, "one case ID (or a unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CaseID = args[0]
			return run(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&opts.Goals, "goal", nil, "`G=STATUS` progress of a goal, e.g. G1=in-progress (repeat)")
	fl.StringArrayVar(&opts.Actions, "action", nil, "`A=STATUS` progress of an action, e.g. A1=done (repeat)")
	fl.StringVar(&opts.Note, "note", "", "what the review found")
	fl.StringVar(&opts.ConfidentialNote, "confidential-note", "", "what must never reach the client or a provider (only the case-summary shows it)")
	fl.StringVar(&opts.Next, "next", "", "`DATE` of the next review, YYYY-MM-DD (default: today plus review_interval)")
	return cmd
}

func run(opts *Options) error {
	f := opts.F
	if err := checkContent(opts); err != nil {
		return err
	}
	var next casefile.Date
	if opts.Next != "" {
		d, err := casefile.ParseDate(opts.Next)
		if err != nil {
			return cmdutil.Usagef("--next: %w", err)
		}
		next = d
	}
	by, err := f.Actor()
	if err != nil {
		return err
	}
	clock, err := f.Clock()
	if err != nil {
		return err
	}
	var review casefile.Review
	o, err := f.Ops()
	if err != nil {
		return err
	}
	rec, err := o.UpdateCase(opts.CaseID, func(c *casefile.Case, cfg *config.Config, now time.Time) error {
		review, err = planning.Review(c, planning.ReviewInput{
			At: now, By: by, Goals: opts.Goals, Actions: opts.Actions, Note: opts.Note, ConfidentialNote: opts.ConfidentialNote, Next: next, Interval: clock.ReviewInterval(c),
		}, c.IsOpen())
		if err != nil {
			return cmdutil.Usagef("%w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	msg := "Recorded a review of " + rec.Data.ID
	if !rec.Data.IsOpen() {
		msg = "Recorded the follow-up review of " + rec.Data.ID
	}
	if !review.Next.IsZero() {
		msg += "; next review " + review.Next.String()
	}
	f.Infof("%s.", msg)
	return nil
}

// checkContent refuses a review that records nothing: no note, no
// confidential note, no goal or action status. Such a review would clear
// an overdue review without anything having been reviewed.
func checkContent(opts *Options) error {
	if len(opts.Goals) > 0 || len(opts.Actions) > 0 || strings.TrimSpace(opts.Note) != "" || strings.TrimSpace(opts.ConfidentialNote) != "" {
		return nil
	}
	return cmdutil.Usagef("a review must record what was found: give --note TEXT, --goal G=STATUS or --action A=STATUS (or --confidential-note TEXT); e.g. casework review %s --note 'Rent paid; tenancy stable'", opts.CaseID)
}
