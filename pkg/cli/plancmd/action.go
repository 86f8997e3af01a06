package plancmd

import (
	"cmp"
	"fmt"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/eligibility"
	"github.com/casework/casework/pkg/planning"
	"github.com/spf13/cobra"
)

// ActionAddOptions are the inputs of `casework plan action add`.
type ActionAddOptions struct {
	F           *cmdutil.Factory
	CaseID      string
	Goal        string
	Text        string
	Resource    string
	Responsible string
	Cost        float64
	Due         string
	Start       string
	End         string
	For         string
	Force       bool
	Reason      string
	Units       float64
	Frequency   string
}

// NewCmdActionAdd returns `casework plan action add ID --goal G TEXT
// [--resource R] [--responsible WHO] [--cost X | --units N] [--frequency
// F] [--due DATE | --start DATE --end DATE] [--for M] [--force --reason
// R]`.
func NewCmdActionAdd(f *cmdutil.Factory) *cobra.Command {
	opts := &ActionAddOptions{F: f}
	cmd := &cobra.Command{
		Use:   "add ID --goal G TEXT",
		Short: "Add a service or a task to a goal; prints its ID (A1, A2, …)",
		Long: `Add an action to a goal of the care plan: a service that runs from
--start to --end (often from a community resource), or a task done by
--due, for the client, the worker or someone else. It gets the next action
ID (A1, A2, … unique across the plan) and the status planned; 'casework
review ID --action A1=active' moves it on.

A running service is never overdue in 'casework due'; once its end has
passed while it is still planned or active it is listed as "ended? review
it". A task past its due date and not done is overdue. --resource must be
a resource of the repository.

The cost is what the plan commits to this action, in the agency's
currency. Give it with --cost, or give --units: the number of the
resource's units (its "per": sessions, child-months...) the plan needs,
and the cost is the units times the resource's unit cost. --frequency
says how often the service is given (weekly, monthly); it is recorded as
written.

--for names the household member the action serves (M1, …); without it
the action serves the client. When the resource has an age range
(min_age, max_age) that excludes that person on the day the service
starts (else today), the action is refused; --force --reason TEXT adds it
anyway and records the override in the case's history. A person whose
date of birth is not recorded is not refused: a warning says the ages
were not checked.`,
		Example: "  casework plan action add C-2026-7K3Q --goal G1 'Weekly budgeting sessions' --resource debt-advice --responsible provider --cost 240 --start 2026-03-09 --end 2026-06-01\n  casework plan action add C-2026-7K3Q --goal G2 'After-school club' --resource kids-club --units 12 --frequency monthly --start 2026-03-02 --end 2027-02-28\n  casework plan action add C-2026-7K3Q --goal G1 'Bring the tenancy agreement' --responsible client --due 2026-03-16\n  casework plan action add C-2026-7K3Q --goal G2 'After-school club' --resource youth-club --for M1 --start 2026-04-13 --end 2026-07-17",
		Args:    cmdutil.ExactArgs(2, "a case ID and the action's TEXT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.RequireFlag(cmd, "goal"); err != nil {
				return err
			}
			opts.CaseID, opts.Text = args[0], args[1]
			return runActionAdd(opts, cmd.Flags().Changed("cost"), cmd.Flags().Changed("units"))
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Goal, "goal", "", "`GOAL` the action serves, e.g. G1")
	fl.StringVar(&opts.Resource, "resource", "", "`RESOURCE` id of the service used (resources/<id>.yaml)")
	fl.StringVar(&opts.Responsible, "responsible", "", "`WHO` carries it out: a worker, the client, a provider")
	cmdutil.AmountVar(fl, &opts.Cost, "cost", 0, "planned `COST` of the action, in the agency's currency")
	cmdutil.AmountVar(fl, &opts.Units, "units", 0, "`N` units of the resource (its per: sessions, child-months...); the cost is N times its unit cost")
	fl.StringVar(&opts.Frequency, "frequency", "", "how often the service is given, e.g. weekly, monthly (`TEXT`)")
	fl.StringVar(&opts.Due, "due", "", "a task's due `DATE`, YYYY-MM-DD")
	fl.StringVar(&opts.Start, "start", "", "a service's start `DATE`, YYYY-MM-DD")
	fl.StringVar(&opts.End, "end", "", "a service's end `DATE`, YYYY-MM-DD (when it is to be reviewed)")
	fl.StringVar(&opts.For, "for", "", "household `MEMBER` the action serves, e.g. M1 (default: the client)")
	fl.BoolVar(&opts.Force, "force", false, "add it although the resource's ages exclude the person (needs --reason)")
	fl.StringVar(&opts.Reason, "reason", "", "why the resource's ages are overridden (with --force); recorded in history")
	return cmd
}

func runActionAdd(opts *ActionAddOptions, costGiven, unitsGiven bool) error {
	f := opts.F
	if opts.Units < 0 || (unitsGiven && opts.Units == 0) {
		return cmdutil.Usagef("--units must be more than zero")
	}
	switch {
	case opts.Force && opts.Reason == "":
		return cmdutil.Usagef("--force needs --reason: say why the resource's ages are overridden")
	case opts.Reason != "" && !opts.Force:
		return cmdutil.Usagef("--reason goes with --force; without an override there is nothing to give a reason for")
	}
	due, err := optionalDate(f, "due", opts.Due)
	if err != nil {
		return err
	}
	var start casefile.Date
	if opts.Start != "" {
		// A service that began before it was recorded is no mistake.
		if start, err = casefile.ParseDate(opts.Start); err != nil {
			return cmdutil.Usagef("--start: %w", err)
		}
	}
	end, err := optionalDate(f, "end", opts.End)
	if err != nil {
		return err
	}
	if err := checkResponsible(f, opts.Responsible); err != nil {
		return err
	}
	var resource *casefile.Resource
	if opts.Resource != "" {
		if resource, err = f.RequireActiveResource(opts.Resource); err != nil {
			return err
		}
	}
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	cost := opts.Cost
	if unitsGiven && !costGiven {
		switch {
		case resource == nil || resource.Cost <= 0:
			return cmdutil.Usagef("--units needs a --resource with a unit cost (its cost and per) to work out the cost; give --cost instead")
		case resource.Currency != "" && resource.Currency != cfg.Currency:
			return cmdutil.Usagef("%s costs %s, not in the agency's currency (%s): give the cost in %s with --cost", resource.ID, cmdutil.Amount(resource.Cost, resource.Currency), cfg.Currency, cfg.Currency)
		}
		cost = casefile.UnitsCost(opts.Units, resource.Cost)
	}
	var by string
	if opts.Force {
		if by, err = f.Actor(); err != nil {
			return err
		}
	}
	var action casefile.Action
	var unchecked string
	forced := false
	edited, err := editPlanAt(f, opts.CaseID, func(c *casefile.Case, _ *config.Config, now time.Time) error {
		person, err := eligibility.PersonFor(c, opts.For)
		if err != nil {
			return cmdutil.Usagef("--for: %w", err)
		}
		action, err = planning.AddAction(&c.Plan, opts.Goal, casefile.Action{
			Text: opts.Text, Resource: opts.Resource, Responsible: opts.Responsible, For: person.Member, Cost: cost, Due: due, Start: start, End: end,
			Units: opts.Units, Frequency: opts.Frequency,
		})
		if err != nil {
			return cmdutil.Usagef("%w", err)
		}
		if resource == nil {
			return nil
		}
		verdict, msg := eligibility.Check(*resource, person, eligibility.On(action, now))
		switch {
		case verdict == eligibility.Unknown:
			unchecked = msg
		case verdict == eligibility.Outside && !opts.Force:
			return cmdutil.Usagef("%s; choose a resource that serves them, or add it anyway with --force --reason TEXT", msg)
		case verdict == eligibility.Outside:
			c.History = append(c.History, eligibility.Override(action, person, now, by, opts.Reason))
			forced = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	if unchecked != "" {
		f.Warnf("%s", unchecked)
	}
	if opts.Force && !forced {
		f.Warnf("--force was not needed: the resource's ages do not exclude the person %s serves; no override was recorded", action.ID)
	}
	if forced {
		f.Infof("Override recorded in the history of %s: %s added outside the ages of %s.", edited.ID, action.ID, resource.ID)
	}
	switch {
	case resource != nil && resource.Cost > 0 && !costGiven && !unitsGiven:
		f.Infof("Note: %s costs %s per %s; the cost of %s is left at 0, not guessed (plan it with --units N or --cost).", resource.ID, cmdutil.Amount(resource.Cost, cmp.Or(resource.Currency, cfg.Currency)), resource.Per, action.ID)
	case unitsGiven && !costGiven:
		per := cmp.Or(resource.Per, "unit")
		f.Infof("Cost of %s: %s × %s per %s = %s.", action.ID, cmdutil.Number(action.Units), cmdutil.Amount(resource.Cost, cfg.Currency), per, cmdutil.Amount(action.Cost, cfg.Currency))
	}
	f.Changes.Detail = action.ID
	_, err = fmt.Fprintln(f.IO.Out, action.ID)
	return err
}

// checkResponsible refuses a retired worker as responsible for an action,
// by the rule that gives cases to workers (cmdutil.RequireActiveWorker).
// Anyone else (the client, a provider, a worker not in workers/) is
// free text.
func checkResponsible(f *cmdutil.Factory, who string) error {
	if who == "" {
		return nil
	}
	workers, _, err := f.WorkersAndResources()
	if err != nil {
		return err
	}
	if _, ok := workers[who]; !ok {
		return nil
	}
	_, err = f.RequireActiveWorker(who)
	return err
}
