// Package consentcmd implements `casework consent`.
package consentcmd

import (
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/consent"
	"github.com/casework/casework/pkg/safetext"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework consent`.
type Options struct {
	F       *cmdutil.Factory
	CaseID  string
	Action  string
	Purpose string
	With    []string
	By      string
	Basis   string
	Until   string
	Reason  string
}

// NewCmdConsent returns `casework consent ID [give|withdraw] --purpose P
// [--with ID]... [--by client|representative] [--basis B] [--until DATE]
// [--reason R]`.
func NewCmdConsent(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "consent ID [give|withdraw]",
		Short: "Record the client's consent per purpose, or show what is in force",
		Long: `Consent is recorded per purpose (consent.purposes in .casework.yaml:
services, the client's agreement to case management and its services;
share, to share information with a resource or provider), with whom it
may be shared (--with a resource ID or a provider's name, repeated, as
'casework resource list' shows them, anything else is refused; none or
'*' for everyone), who gave it (the client, or their representative with
the legal basis they act on), and until when.

Entries are append-only: a withdrawal is a new entry with its reason, and
the history of consent stays readable. Without give or withdraw, the
command shows what is in force today.

A referral letter needs consent to share with the action's resource or
provider ('casework render ID --template referral --action A').`,
		Example: `  casework consent C-2026-7K3Q give --purpose services
  casework consent C-2026-7K3Q give --purpose share --with food-bank --with housing-advice --until 2027-01-31
  casework consent C-2026-0GW3 give --purpose share --with '*' --by representative --basis 'parental responsibility'
  casework consent C-2026-7K3Q withdraw --purpose share --with food-bank --reason 'does not want the food bank told'
  casework consent C-2026-7K3Q`,
		GroupID: "cases",
		Args:    cmdutil.RangeArgs(1, 2, "a case ID and, to record, give or withdraw"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CaseID = args[0]
			if len(args) == 1 {
				for _, name := range []string{"purpose", "with", "by", "basis", "until", "reason"} {
					if cmd.Flags().Changed(name) {
						return cmdutil.Usagef("--%s goes with give or withdraw: 'casework consent ID give --purpose P'", name)
					}
				}
				return show(opts)
			}
			opts.Action = args[1]
			if cmd.Flags().Changed("output") {
				return cmdutil.Usagef("-o goes with showing what is in force: leave it out with %s", opts.Action)
			}
			if opts.Action != casefile.ConsentGive && opts.Action != casefile.ConsentWithdraw {
				return cmdutil.Usagef("unknown %s: say give or withdraw, or nothing to show what is in force", safetext.Word(opts.Action))
			}
			if err := cmdutil.RequireFlag(cmd, "purpose"); err != nil {
				return err
			}
			return record(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Purpose, "purpose", "", "the `PURPOSE` (consent.purposes in .casework.yaml)")
	fl.StringArrayVar(&opts.With, "with", nil, "a resource `ID` or provider name the consent covers (repeat; '*' for everyone)")
	fl.StringVar(&opts.By, "by", casefile.ConsentByClient, "who gives it: client or representative")
	fl.StringVar(&opts.Basis, "basis", "", "the representative's legal `BASIS` for acting")
	fl.StringVar(&opts.Until, "until", "", "the last `DATE` the consent holds, YYYY-MM-DD")
	fl.StringVar(&opts.Reason, "reason", "", "why it was withdrawn (required with withdraw), or how it was given")
	// What is in force prints as a table, json or yaml; give and withdraw
	// print nothing and refuse -o.
	cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML)
	return cmd
}

func record(opts *Options) error {
	f := opts.F
	var until casefile.Date
	if opts.Until != "" {
		d, err := casefile.ParseDate(opts.Until)
		if err != nil {
			return cmdutil.Usagef("--until: %w", err)
		}
		until = d
	}
	by, err := f.Actor()
	if err != nil {
		return err
	}
	_, resources, err := f.WorkersAndResources()
	if err != nil {
		return err
	}
	parties := make([]consent.Party, 0, len(resources))
	for _, r := range resources {
		parties = append(parties, consent.PartyOf(r))
	}
	o, err := f.Ops()
	if err != nil {
		return err
	}
	rec, err := o.UpdateCase(opts.CaseID, func(c *casefile.Case, cfg *config.Config, now time.Time) error {
		err := consent.Record(c, cfg.Consent.Purposes, parties, consent.Request{
			At: now, By: by, Action: opts.Action, Purpose: opts.Purpose, With: opts.With,
			GivenBy: opts.By, Basis: opts.Basis, Until: until, Reason: opts.Reason,
		})
		if err != nil {
			return cmdutil.Usagef("%w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	verb := "Recorded consent to " + opts.Purpose
	if opts.Action == casefile.ConsentWithdraw {
		verb = "Recorded the withdrawal of consent to " + opts.Purpose
	}
	f.Infof("%s for %s.", verb, rec.Data.ID)
	return nil
}

func show(opts *Options) error {
	f := opts.F
	p := f.Printer()
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	rec, err := f.LoadCase(opts.CaseID)
	if err != nil {
		return err
	}
	lines := consent.Summary(&rec.Data, cfg.Consent.Purposes, f.Now())
	tab := &output.Tabular{Header: []string{"PURPOSE", "IN FORCE", "WITH", "AS RECORDED"}}
	for _, l := range lines {
		inForce, with := "no", "-"
		switch {
		case l.Everyone && len(l.Except) > 0:
			inForce, with = "some", "everyone except "+strings.Join(l.Except, ", ")
		case l.Everyone:
			inForce, with = "yes", "everyone"
		case l.InForce:
			inForce, with = "some", strings.Join(l.With, ", ")
		}
		tab.Rows = append(tab.Rows, []string{l.Purpose, inForce, with, l.Text})
	}
	return p.Print(lines, tab)
}
