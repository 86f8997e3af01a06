// Package workercmd implements `casework worker add|set|retire|list|show`.
package workercmd

import (
	"fmt"
	"os"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/signatures"
	"github.com/casework/casework/pkg/store"
	"github.com/spf13/cobra"
)

// NewCmdWorker returns `casework worker` and its subcommands.
func NewCmdWorker(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "worker",
		Short:   "Caseworkers: social workers, nurses, psychologists, educators, supervisors",
		GroupID: "agency",
	}
	cmd.AddCommand(NewCmdAdd(f), NewCmdSet(f), NewCmdRetire(f), NewCmdList(f), NewCmdShow(f))
	return cmd
}

// AddOptions are the inputs of `casework worker add`.
type AddOptions struct {
	F          *cmdutil.Factory
	Worker     casefile.Worker
	SigningKey string
}

// NewCmdAdd returns `casework worker add ID --name N [--role R] [--fte F]
// [--team T]`.
func NewCmdAdd(f *cmdutil.Factory) *cobra.Command {
	opts := &AddOptions{F: f}
	cmd := &cobra.Command{
		Use:     "add ID --name NAME",
		Short:   "Add a caseworker",
		Example: "  casework worker add w-ana --name 'Ana Ruiz' --role nurse --fte 0.8 --team north",
		Args:    cmdutil.ExactArgs(1, "one worker ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.RequireFlag(cmd, "name"); err != nil {
				return err
			}
			opts.Worker.ID = args[0]
			return runAdd(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Worker.Name, "name", "", "full `NAME`")
	fl.StringVar(&opts.Worker.Role, "role", "social-worker", "`ROLE`: social-worker, nurse, psychologist, educator, supervisor, …")
	fl.Float64Var(&opts.Worker.FTE, "fte", 1, "full-time equivalent, more than 0 and at most 1")
	fl.StringVar(&opts.Worker.Team, "team", "", "`TEAM` the worker belongs to")
	fl.StringVar(&opts.Worker.Email, "email", "", "e-mail `ADDRESS`")
	fl.StringVar(&opts.Worker.Phone, "phone", "", "`NUMBER` clients call the worker on (the client's care plan prints it)")
	fl.StringVar(&opts.SigningKey, "signing-key", "", "SSH public key the worker signs commits with: a .pub `FILE`, or the key itself")
	return cmd
}

func runAdd(opts *AddOptions) error {
	w := opts.Worker
	if err := store.ValidateID("worker", w.ID); err != nil {
		return err
	}
	if err := checkWorker(w); err != nil {
		return err
	}
	if opts.SigningKey != "" {
		key, err := readKey(opts.SigningKey)
		if err != nil {
			return err
		}
		w.SigningKey = key
	}
	repo, err := opts.F.Repo()
	if err != nil {
		return err
	}
	if _, err := opts.F.Config(); err != nil {
		return err
	}
	// The first worker bootstraps the repository; after that, adding a
	// worker (a new identity) is done by one.
	ids, err := repo.WorkerIDs()
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		if _, err := opts.F.Actor(); err != nil {
			return err
		}
	}
	if taken, err := repo.TakenID(store.WorkersDir, w.ID); err != nil || taken != "" {
		if err != nil {
			return err
		}
		return cmdutil.Usagef("worker %s already exists; IDs must differ in more than letter case", taken)
	}
	if _, err := store.Create(repo, store.WorkerPath(w.ID), &w); err != nil {
		return fmt.Errorf("cannot add worker %s: %w", w.ID, err)
	}
	opts.F.Infof("Added worker %s (%s).", w.ID, w.Role)
	return nil
}

// NewCmdList returns `casework worker list`.
func NewCmdList(f *cmdutil.Factory) *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List caseworkers who can take cases (--all: the retired ones too)",
		Args:  cmdutil.ExactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p := f.Printer()
			repo, err := f.Repo()
			if err != nil {
				return err
			}
			recs, err := repo.AllWorkers()
			if err != nil {
				return err
			}
			data := []casefile.Worker{}
			tab := &output.Tabular{Header: []string{"id", "name", "role", "fte", "team"}}
			if all {
				tab.Header = append(tab.Header, "retired")
			}
			for _, r := range recs {
				w := r.Data
				if w.IsRetired() && !all {
					continue
				}
				data = append(data, w)
				row := []string{w.ID, w.Name, w.Role, cmdutil.Number(w.FTE), w.Team}
				if all {
					row = append(row, w.Retired.Date())
				}
				tab.Rows = append(tab.Rows, row)
			}
			return p.Print(data, tab)
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "list retired workers too, with the date they retired")
	return cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML, output.CSV)
}

// NewCmdShow returns `casework worker show ID`.
func NewCmdShow(f *cmdutil.Factory) *cobra.Command {
	return cmdutil.Prints(&cobra.Command{
		Use:   "show ID",
		Short: "Show one caseworker",
		Args:  cmdutil.ExactArgs(1, "one worker ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p := f.Printer()
			w, err := f.RequireWorker(args[0])
			if err != nil {
				return err
			}
			details := []output.Detail{
				{Label: "ID", Value: w.ID},
				{Label: "Name", Value: w.Name},
				{Label: "Role", Value: w.Role},
				{Label: "FTE", Value: cmdutil.Number(w.FTE)},
				{Label: "Team", Value: w.Team},
				{Label: "Email", Value: w.Email},
			}
			if w.SigningKey != "" {
				details = append(details, output.Detail{Label: "Signing key", Value: w.SigningKey})
			}
			if w.Retired != nil {
				details = append(details, output.Detail{Label: "Retired", Value: w.Retired.String()})
			}
			if l := w.Limits; l != nil {
				details = append(details, output.Detail{Label: "Limits", Value: fmt.Sprintf("max_active %d, warn_active %d, max_new_per_month %d, warn_new_per_month %d (0 = agency default)", l.MaxActive, l.WarnActive, l.MaxNewPerMonth, l.WarnNewPerMonth)})
			}
			return p.PrintRecord(w, details)
		},
	}, output.Table, output.JSON, output.YAML)
}

// readKey reads --signing-key: the key itself, or a .pub file holding it.
func readKey(arg string) (string, error) {
	text := arg
	if !strings.Contains(arg, " ") {
		data, err := os.ReadFile(arg)
		if err != nil {
			return "", cmdutil.Usagef("--signing-key: cannot read %s: give the path of a .pub file or the key itself", arg)
		}
		text = string(data)
	}
	key, err := signatures.ParseKey(strings.TrimSpace(text))
	if err != nil {
		return "", cmdutil.Usagef("--signing-key: %w", err)
	}
	return key, nil
}
