// Package refercmd implements `casework refer` (the referral letter,
// recorded as sent) and `casework referral` (the provider's answer and the
// course of the service).
package refercmd

import (
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/rendercmd"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/planning"
	"github.com/casework/casework/pkg/referral"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework refer`.
type Options struct {
	F               *cmdutil.Factory
	CaseID          string
	Action          string
	Out             string
	Force           bool
	OverrideConsent bool
	Reason          string
}

// NewCmdRefer returns `casework refer ID --action A [--out FILE [--force]]
// [--override-consent --reason R]`.
func NewCmdRefer(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "refer ID --action A [--out FILE]",
		Short: "Write the referral letter for an action and record the referral as sent",
		Long: `Refer an action of the plan to its provider: render the referral letter,
exactly as 'casework render ID --template referral --action A' does (with
its checks: the action has a resource, it is not the client's own task,
and the client's consent to share with that resource or its provider is
in force, unless --override-consent --reason R records in the case's
history the duty that requires sharing without it), then record the
referral as sent in the case's referrals.

The provider's answer and the course of the service are recorded with
'casework referral'. 'casework due' lists a sent referral with no answer
after timescales.referral_answer (default 10 days). An action is referred
again only once its last referral was declined or its service ended.

--out writes the letter to a file, under the same rules as render --out.`,
		Example: "  casework refer C-2026-7K3Q --action A2\n  casework refer C-2026-7K3Q --action A2 --out referral-A2.md",
		GroupID: "cases",
		Args:    cmdutil.ExactArgs(1, "a case ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.RequireFlag(cmd, "action"); err != nil {
				return err
			}
			opts.CaseID = args[0]
			return runRefer(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Action, "action", "", "`ID` of the action referred, e.g. A2")
	fl.StringVar(&opts.Out, "out", "", "write the letter to `FILE` instead of stdout")
	fl.BoolVar(&opts.Force, "force", false, "replace the file at --out if it exists")
	fl.BoolVar(&opts.OverrideConsent, "override-consent", false, "write the letter without consent to share, recording --reason in the case's history")
	fl.StringVar(&opts.Reason, "reason", "", "with --override-consent: the duty that requires sharing without consent (`R`)")
	return cmd
}

func runRefer(opts *Options) error {
	f := opts.F
	by, err := f.Actor()
	if err != nil {
		return err
	}
	// The course is checked first, on the case as it is, so a referral
	// that cannot be sent renders no letter.
	rec, err := f.LoadCase(opts.CaseID)
	if err != nil {
		return err
	}
	probe := rec.Data
	if _, err := referral.Record(&probe, casefile.ReferralEntry{At: f.Now(), By: by, Action: opts.Action, Status: casefile.ReferralSent}); err != nil {
		return cmdutil.Usagef("%w", err)
	}
	render := &rendercmd.Options{F: f, CaseArg: rec.Data.ID, Action: opts.Action, Out: opts.Out, Force: opts.Force,
		OverrideConsent: opts.OverrideConsent, Reason: opts.Reason}
	if _, err := render.Referral(); err != nil {
		return err
	}
	var e casefile.ReferralEntry
	o, err := f.Ops()
	if err != nil {
		return err
	}
	_, err = o.UpdateCase(rec.Data.ID, func(c *casefile.Case, _ *config.Config, now time.Time) error {
		e, err = referral.Record(c, casefile.ReferralEntry{At: now, By: by, Action: opts.Action, Status: casefile.ReferralSent})
		return usage(err)
	})
	if err != nil {
		return err
	}
	f.Changes.Detail = e.Action
	f.Infof("Recorded the referral of %s %s to %s as sent.", rec.Data.ID, e.Action, e.Resource)
	return nil
}

func usage(err error) error {
	if err != nil {
		return cmdutil.Usagef("%w", err)
	}
	return nil
}

// AnswerOptions are the inputs of `casework referral`.
type AnswerOptions struct {
	F      *cmdutil.Factory
	CaseID string
	Action string
	Status string
	Reason string
	At     string
}

// NewCmdReferral returns `casework referral ID --action A --status S
// [--reason R] [--at TIME]`.
func NewCmdReferral(f *cmdutil.Factory) *cobra.Command {
	opts := &AnswerOptions{F: f}
	cmd := &cobra.Command{
		Use:   "referral ID --action A --status " + strings.Join(referral.Answers, "|"),
		Short: "Record a provider's answer to a referral, and the course of the service",
		Long: `Record the next step of a referral sent with 'casework refer': the
provider's answer (accepted, declined, waitlisted) and the course of the
service (started, ended). The steps follow one course:

  sent → accepted | declined | waitlisted
  waitlisted → accepted | declined
  accepted → started → ended

Any other step is refused. A decline needs the provider's --reason; it
reopens the action's planning (the action goes back to planned, to find
another provider). A started service makes a planned action active; an
ended one makes it done. --at records a step that happened earlier (not
before the referral's last step, not in the future).`,
		Example: "  casework referral C-2026-7K3Q --action A2 --status accepted\n" +
			"  casework referral C-2026-7K3Q --action A2 --status declined --reason 'No places until September'\n" +
			"  casework referral C-2026-7K3Q --action A2 --status started --at 2026-04-01",
		GroupID: "cases",
		Args:    cmdutil.ExactArgs(1, "a case ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, name := range []string{"action", "status"} {
				if err := cmdutil.RequireFlag(cmd, name); err != nil {
					return err
				}
			}
			opts.CaseID = args[0]
			return runReferral(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Action, "action", "", "`ID` of the action referred, e.g. A2")
	fl.StringVar(&opts.Status, "status", "", "the step: "+strings.Join(referral.Answers, ", "))
	fl.StringVar(&opts.Reason, "reason", "", "why the provider declined (required with declined), or a note on the step")
	fl.StringVar(&opts.At, "at", "", "when it happened, to record it late: RFC 3339 `TIME` or YYYY-MM-DD")
	return cmd
}

func runReferral(opts *AnswerOptions) error {
	f := opts.F
	status := casefile.ReferralStatus(opts.Status)
	switch {
	case status == casefile.ReferralSent:
		return cmdutil.Usagef("a referral is sent with its letter: 'casework refer %s --action %s'", opts.CaseID, opts.Action)
	case !status.Known():
		return cmdutil.Usagef("--status %q is not a referral step: use one of %s", opts.Status, strings.Join(referral.Answers, ", "))
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
	var e casefile.ReferralEntry
	var before casefile.ActionStatus
	rec, err := o.UpdateCase(opts.CaseID, func(c *casefile.Case, _ *config.Config, now time.Time) error {
		at, err := cmdutil.ParseAt(opts.At, now)
		if err != nil {
			return err
		}
		before = actionStatus(c, opts.Action)
		e, err = referral.Record(c, casefile.ReferralEntry{At: at, By: by, Action: opts.Action, Status: status, Reason: opts.Reason})
		return usage(err)
	})
	if err != nil {
		return err
	}
	f.Changes.Detail = e.Action
	f.Infof("Recorded the referral of %s %s to %s as %s.", rec.Data.ID, e.Action, e.Resource, e.Status)
	if after := actionStatus(&rec.Data, e.Action); after != before {
		f.Infof("Action %s is now %s.", e.Action, after)
	}
	return nil
}

// actionStatus is the status of the action with the ID, "" when there is
// none.
func actionStatus(c *casefile.Case, id string) casefile.ActionStatus {
	if a, err := planning.FindAction(&c.Plan, id); err == nil {
		return a.Status
	}
	return ""
}
