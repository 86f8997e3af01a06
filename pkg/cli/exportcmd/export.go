// Package exportcmd implements `casework export fhir|csv`: a case as an
// HL7 FHIR R4 Bundle, and every case as one CSV row for spreadsheets.
package exportcmd

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseindex"
	"github.com/casework/casework/pkg/casetable"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/fhir"
	"github.com/casework/casework/pkg/store"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework export fhir` and `export csv`.
type Options struct {
	F       *cmdutil.Factory
	CaseArg string // "" with All
	Redact  bool
	All     bool
	Out     string // with All: the directory the bundles are written to
	Force   bool   // with Out: replace existing bundles
}

// NewCmdExport returns `casework export` and its subcommands.
func NewCmdExport(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "export",
		Short:   "Export cases for other systems: FHIR R4, CSV",
		GroupID: "cases",
	}
	cmd.AddCommand(newCmdFHIR(f), newCmdCSV(f))
	return cmd
}

func newCmdFHIR(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "fhir ID [--redact] | fhir --all --out DIR [--force] [--redact]",
		Short: "Print a case as an HL7 FHIR R4 Bundle (EpisodeOfCare, CarePlan, Goal)",
		Long: `Print one case as an HL7 FHIR R4 Bundle of type collection, in JSON: an
EpisodeOfCare (status from the phase, statusHistory from the history, the
reference person as careManager), a CarePlan (status from the phase and
the client's agreement, one activity per action) with one Goal per goal,
and the Patient they are about. fullUrls are urn:uuid URNs derived from
the case ID, so exporting a case again gives the same URNs.

The Patient carries the client's name, date of birth and contact details;
--redact leaves them out (the Patient holds only an identifier) and
scrubs client data from free text, as render --redact does.

--all --out DIR writes every case, open or closed, as its own bundle,
DIR/<case-id>.json (the directory is made if needed; files are readable
by their owner only), in parallel, a case at a time. Bundles are
moved into DIR only when every case has exported: a case that does not
load stops it (exit 2) with nothing written. DIR follows the --out rules
of every command: never inside the repository's records, never a
symbolic link, and a bundle that already exists is replaced only with
--force (every such file is checked before anything is written).`,
		Example: "  casework export fhir C-2026-7K3Q > bundle.json\n  casework export fhir C-2026-7K3Q --redact\n  casework export fhir --all --out fhir/",
		Args:    cmdutil.RangeArgs(0, 1, "one case ID (or a unique prefix), or --all --out DIR"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.CaseArg = args[0]
			}
			switch {
			case opts.All && opts.CaseArg != "":
				return cmdutil.Usagef("give either a case ID or --all, not both")
			case !opts.All && opts.CaseArg == "":
				return cmdutil.Usagef("export fhir takes one case ID (or a unique prefix), or --all --out DIR")
			case opts.All && opts.Out == "":
				return cmdutil.Usagef("--all needs --out DIR: it writes one bundle per case")
			case !opts.All && opts.Out != "":
				return cmdutil.Usagef("--out is for --all; one case's bundle goes to stdout (redirect it to a file)")
			case opts.Force && opts.Out == "":
				return cmdutil.Usagef("--force is for --out: it replaces bundles that already exist there; drop --force")
			}
			if opts.All {
				return runFHIRAll(opts)
			}
			return runFHIR(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Redact, "redact", false, "leave the client's identifying data out")
	cmd.Flags().BoolVar(&opts.All, "all", false, "export every case, one bundle each, into --out DIR")
	cmd.Flags().StringVar(&opts.Out, "out", "", "with --all: the `DIR` to write DIR/<case-id>.json into")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "with --out: replace bundles that already exist in DIR")
	cmdutil.Prints(cmd, output.JSON)
	return cmd
}

func runFHIR(opts *Options) error {
	f := opts.F
	p := f.Printer()
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	rec, err := f.LoadCase(opts.CaseArg)
	if err != nil {
		return err
	}
	workers, resources, err := f.WorkersAndResources()
	if err != nil {
		return err
	}
	in := fhir.Input{
		Case: &rec.Data, Workers: workers, Resources: resources,
		Agency: cfg.Agency, Initial: cfg.Workflow.Initial, Now: f.Now(), Redact: opts.Redact,
	}
	return output.WriteJSON(p.Out, fhir.Build(in))
}

// runFHIRAll writes every case's bundle into opts.Out, built in parallel.
func runFHIRAll(opts *Options) error {
	f := opts.F
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	dir := opts.Out
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(f.Cwd, dir)
	}
	repo, err := f.Repo()
	if err != nil {
		return err
	}
	ids, err := repo.CaseIDs()
	if err != nil {
		return err
	}
	// The one --out rule, as render --all --out has it: never among the
	// records, never through a link, an existing bundle only with --force.
	files := make([]string, len(ids))
	for i, id := range ids {
		files[i] = id + ".json"
	}
	paths, err := store.NewOutGuard(repo.Root, opts.Force, f.Rel).Dir(dir, files)
	if err != nil {
		return err
	}
	workers, resources, err := f.WorkersAndResources()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, store.DirMode); err != nil {
		return fmt.Errorf("cannot create %s: %w", opts.Out, err)
	}
	// Each case is loaded, built and written by one goroutine, so memory
	// does not grow with the repository; the bundles go to a directory
	// beside them first and are moved in only when every case exported,
	// so a case that does not load leaves nothing written.
	tmp, err := os.MkdirTemp(dir, ".export-")
	if err != nil {
		return fmt.Errorf("cannot write to %s: %w", opts.Out, err)
	}
	defer os.RemoveAll(tmp)
	errs := make([]error, len(ids))
	written := make([]bool, len(ids))
	now := f.Now()
	store.Parallel(len(ids), func(i int) {
		rec, err := store.Load[casefile.Case](repo, store.CasePath(ids[i]))
		if errors.Is(err, fs.ErrNotExist) {
			return // removed since listed
		}
		if err != nil {
			errs[i] = err
			return
		}
		in := fhir.Input{
			Case: &rec.Data, Workers: workers, Resources: resources,
			Agency: cfg.Agency, Initial: cfg.Workflow.Initial, Now: now, Redact: opts.Redact,
		}
		var buf bytes.Buffer
		if errs[i] = output.WriteJSON(&buf, fhir.Build(in)); errs[i] == nil {
			errs[i] = os.WriteFile(filepath.Join(tmp, ids[i]+".json"), buf.Bytes(), store.FileMode)
			written[i] = errs[i] == nil
		}
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	n := 0
	for i, id := range ids {
		if !written[i] {
			continue
		}
		path := paths[i]
		if err := os.Rename(filepath.Join(tmp, id+".json"), path); err != nil {
			return fmt.Errorf("cannot write %s: %w", f.Rel(path), err)
		}
		n++
	}
	f.Infof("Wrote %d FHIR bundles to %s", n, f.Rel(dir))
	return nil
}

func newCmdCSV(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "csv [--redact]",
		Short: "Print every case as one CSV row, for spreadsheets",
		Long: `Print every case as one row of CSV: id, phase, model, worker, opened,
client_name, client_dob, referral_source, referral_date, level (of the
latest assessment), goals, actions, cost_total (actions not cancelled),
agreement (none, current or stale), next_due, closed_at, closure_reason.

--redact replaces the client's name with [redacted], leaves the date of
birth empty and scrubs client data from the referral source. Text that a
spreadsheet would run as a formula (starting with =, +, -, @, a tab or
a carriage return) is prefixed with an apostrophe, and control
characters other than newline and tab are escaped (ESC as \x1b), as in
every CSV that casework prints.`,
		Example: "  casework export csv > cases.csv\n  casework export csv --redact",
		Args:    cmdutil.ExactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCSV(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Redact, "redact", false, "leave the client's identifying data out")
	cmdutil.Prints(cmd, output.CSV)
	return cmd
}

func runCSV(opts *Options) error {
	f := opts.F
	p := f.Printer()
	clock, err := f.Clock()
	if err != nil {
		return err
	}
	repo, err := f.Repo()
	if err != nil {
		return err
	}
	tab := &output.Tabular{Header: casetable.Header}
	if !opts.Redact {
		// From the case index: only the files changed since it was
		// written are read.
		if tab.Rows, err = caseindex.Rows(repo, clock); err != nil {
			return err
		}
		return p.Print(nil, tab)
	}
	// Redacting scrubs free text of the client's identifying data, which
	// the index does not hold: the files are read, in parallel.
	recs, err := repo.AllCases()
	if err != nil {
		return err
	}
	tab.Rows = make([][]string, len(recs))
	store.Parallel(len(recs), func(i int) {
		tab.Rows[i] = casetable.Row(&recs[i].Data, clock, true)
	})
	return p.Print(nil, tab)
}
