package casecmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
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
		return d, cmdutil.Usagef("--%s %s is in the future", flag, s)
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
	if err := checkIDFree(repoOf(f), opts.ID); err != nil {
		return err
	}
	worker, err := f.RequireWorker(opts.Worker)
	if err != nil {
		return err
	}
	by, err := f.Actor()
	if err != nil {
		return err
	}
	repo := repoOf(f)
	now := f.Now()
	if cfg.Caseload.Enforce {
		// An enforced limit must not race another command giving the
		// worker a case.
		release, err := repo.Lock()
		if err != nil {
			return err
		}
		defer release()
	}
	forced, err := checkRoom(f, cfg, worker, opts.Force, true)
	if err != nil {
		return err
	}
	c := casefile.Case{
		Opened: today,
		Model:  opts.Model,
		Worker: opts.Worker,
		Client: casefile.Client{Name: opts.Client, DOB: dob},
		Referral: casefile.Referral{
			Source: opts.ReferralSource,
			Date:   refDate,
			Reason: opts.ReferralReason,
		},
	}
	if err := wf.Open(&c, now, by, opts.Reason, forced); err != nil {
		return err
	}
	id, err := claimCaseDir(repo, opts.ID, cfg.IDPrefix, now)
	if err != nil {
		return err
	}
	c.ID = id
	if _, err := store.Create(repo, store.CasePath(id), &c); err != nil {
		os.RemoveAll(repo.Abs(filepath.Dir(store.CasePath(id))))
		return err
	}
	f.AdjustHolding(c.Worker, 1, 1)
	_, err = fmt.Fprintln(f.IO.Out, id)
	return err
}

func repoOf(f *cmdutil.Factory) *store.Repo {
	repo, _ := f.Repo()
	return repo
}

// checkIDFree refuses a given ID that differs only in letter case from an
// existing one: prefixes are matched case-insensitively, and on some file
// systems the two would be the same directory.
func checkIDFree(repo *store.Repo, id string) error {
	if id == "" {
		return nil
	}
	ids, err := repo.CaseIDs()
	if err != nil {
		return err
	}
	for _, existing := range ids {
		if strings.EqualFold(existing, id) {
			return cmdutil.Usagef("case %s already exists; choose another --id", existing)
		}
	}
	return nil
}

// claimCaseDir creates the directory of a new case, which reserves its ID
// even against another process creating a case at the same moment.
func claimCaseDir(repo *store.Repo, id, prefix string, now time.Time) (string, error) {
	if err := os.MkdirAll(repo.Abs(store.CasesDir), store.DirMode); err != nil {
		return "", err
	}
	for try := 0; try < 5; try++ {
		candidate := id
		if candidate == "" {
			var err error
			if candidate, err = store.NewCaseID(prefix, now, nil); err != nil {
				return "", err
			}
		}
		err := os.Mkdir(repo.Abs(store.CasesDir+"/"+candidate), store.DirMode)
		if err == nil {
			return candidate, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return "", fmt.Errorf("cannot create the case directory: %w", err)
		}
		if id != "" {
			return "", cmdutil.Usagef("case %s already exists; choose another --id", id)
		}
	}
	return "", errors.New("cannot find a free case ID; try again")
}
