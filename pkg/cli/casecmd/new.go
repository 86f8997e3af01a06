package casecmd

import (
	"fmt"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseindex"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/dupes"
	"github.com/casework/casework/pkg/dupes/keyindex"
	"github.com/casework/casework/pkg/store"
	"github.com/spf13/cobra"
)

// NewOptions are the inputs of `casework case new`.
type NewOptions struct {
	F              *cmdutil.Factory
	Client         string
	Worker         string
	ReferralSource string
	ReferralDate   string
	ReferralReason string
	Model          string
	DOB            string
	ID             string
	Reason         string
	Force          bool
}

// NewCmdNew returns `casework case new`.
func NewCmdNew(f *cmdutil.Factory) *cobra.Command {
	opts := &NewOptions{F: f}
	cmd := &cobra.Command{
		Use:   "new --client NAME --worker ID",
		Short: "Open a case in the workflow's initial phase; prints the new ID",
		Long: `Open a case in the workflow's initial phase (intake by default), with the
given worker as the client's reference person. The new case ID is printed
alone on stdout, so scripts can capture it.

When the worker already holds max_active open cases, casework warns (and
also at max_new_per_month new cases this month); where caseload.enforce is
true in .casework.yaml it refuses, unless --force is given with a --reason,
and the override is recorded on the opening history entry as forced.`,
		Example: "  id=$(casework case new --client 'Maria Lopez' --worker w-ana --referral-source school --dob 1984-05-01)",
		Args:    cmdutil.ExactArgs(0, "no arguments (give the client with --client)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, name := range []string{"client", "worker"} {
				if err := cmdutil.RequireFlag(cmd, name); err != nil {
					return err
				}
			}
			if err := requireForceReason(opts.Force, opts.Reason); err != nil {
				return err
			}
			if cmd.Flags().Changed("id") && opts.ID == "" {
				return cmdutil.Usagef("--id: case ID is empty; leave --id out to generate one")
			}
			return runNew(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Client, "client", "", "the client's full `NAME`")
	fl.StringVar(&opts.Worker, "worker", "", "`ID` of the reference person (case manager)")
	fl.StringVar(&opts.ReferralSource, "referral-source", "", "who referred the client: school, GP, hospital, self, …")
	fl.StringVar(&opts.ReferralDate, "referral-date", "", "`DATE` of the referral, YYYY-MM-DD")
	fl.StringVar(&opts.ReferralReason, "referral-reason", "", "why the client was referred")
	fl.StringVar(&opts.Model, "model", "", "model of practice (default: default_model in config)")
	fl.StringVar(&opts.DOB, "dob", "", "the client's date of birth, YYYY-MM-DD")
	fl.StringVar(&opts.ID, "id", "", "keep an `ID` from a legacy system instead of generating one")
	fl.BoolVar(&opts.Force, "force", false, "open the case even past the worker's caseload limit (needs --reason)")
	fl.StringVar(&opts.Reason, "reason", "", "`TEXT` saying why the case is opened, recorded in history (required with --force)")
	return cmd
}

// parseDate reads an optional date flag, refusing dates after today.
func parseDate(flag, s string, today casefile.Date) (casefile.Date, error) {
	if s == "" {
		return casefile.Date{}, nil
	}
	d, err := casefile.ParseDate(s)
	if err != nil {
		return d, cmdutil.Usagef("--%s: %w", flag, err)
	}
	if d.After(today) {
		return d, cmdutil.Usagef("--%s is in the future (the date given is not shown: it may be client data)", flag)
	}
	return d, nil
}

func runNew(opts *NewOptions) error {
	f := opts.F
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	wf, err := loadWorkflow(f, "be opened")
	if err != nil {
		return err
	}
	if strings.TrimSpace(opts.Client) == "" {
		return cmdutil.Usagef("--client must not be empty")
	}
	if opts.Model == "" {
		opts.Model = cfg.DefaultModel
	}
	if err := checkModel(cfg, opts.Model); err != nil {
		return err
	}
	today := f.Today()
	dob, err := parseDate("dob", opts.DOB, today)
	if err != nil {
		return err
	}
	refDate, err := parseDate("referral-date", opts.ReferralDate, today)
	if err != nil {
		return err
	}
	if opts.ID != "" {
		if err := store.ValidateID("case", opts.ID); err != nil {
			return cmdutil.Usagef("--id: %w", err)
		}
	}
	worker, err := f.RequireActiveWorker(opts.Worker)
	if err != nil {
		return err
	}
	by, err := f.Actor()
	if err != nil {
		return err
	}
	o, err := f.Ops()
	if err != nil {
		return err
	}
	repo, err := f.Repo()
	if err != nil {
		return err
	}
	client := dupes.Client{Name: opts.Client, DOB: dob}
	likely, keysCurrent := likelyDuplicates(f, repo, client)
	rec, err := o.CreateCase(opts.ID, func(_ *config.Config, now time.Time) (*casefile.Case, error) {
		held, partial, err := o.HeldBy(worker.ID)
		if err != nil {
			return nil, err
		}
		forced, err := checkRoom(f, worker, held, partial, opts.Force, true)
		if err != nil {
			return nil, err
		}
		c := &casefile.Case{
			Opened: casefile.NewDate(now),
			Model:  opts.Model,
			Worker: opts.Worker,
			Client: casefile.Client{Name: opts.Client, DOB: dob},
			Referral: casefile.Referral{
				Source: opts.ReferralSource,
				Date:   refDate,
				Reason: opts.ReferralReason,
			},
		}
		return c, wf.Open(c, now, by, opts.Reason, forced)
	})
	if err != nil {
		return err
	}
	id := rec.Data.ID
	if keysCurrent {
		client.Case = id
		keyindex.Add(repo, client)
	}
	if len(likely) > 0 {
		f.Warnf("the client may already have a case: %s; check with 'casework dupes', and if they are two people, 'casework dupes --not-duplicate %s %s'", strings.Join(likely, ", "), id, likely[0])
	}
	_, err = fmt.Fprintln(f.IO.Out, id)
	return err
}

// likelyDuplicates returns the cases whose clients the new client likely
// duplicates, from the key index kept beside the case index: a few small
// files read, whatever the size of the repository. The index is rebuilt
// first when it is missing or cases were added or removed since it was
// built (a git pull): that once reads the case index. keysCurrent reports
// whether the index is current, so that the new client can be added to it.
func likelyDuplicates(f *cmdutil.Factory, repo *store.Repo, client dupes.Client) (ids []string, keysCurrent bool) {
	if !keyindex.Current(repo) {
		// The case index, not f.CaseSummaries: that would also recount
		// the caseload tally, which stays as it is until a full count.
		summaries, err := caseindex.Cases(repo)
		if err != nil {
			return nil, false // a case that does not load: validate says which
		}
		clients := make([]dupes.Client, len(summaries))
		for i, s := range summaries {
			clients[i] = dupes.Client{Case: s.ID, Name: s.Client.Name, DOB: s.Client.DOB}
		}
		keyindex.Refresh(repo, clients)
	}
	if !keyindex.Current(repo) {
		return nil, false // not writable: go without
	}
	return keyindex.Likely(repo, client, dupes.DefaultThreshold), true
}
