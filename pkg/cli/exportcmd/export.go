// Package exportcmd implements `casework export fhir|csv`: a case as an
// HL7 FHIR R4 Bundle, and every case as one CSV row for spreadsheets.
package exportcmd

import (
	"github.com/casework/casework/pkg/casetable"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/fhir"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework export fhir` and `export csv`.
type Options struct {
	F       *cmdutil.Factory
	CaseArg string
	Redact  bool
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
		Use:   "fhir ID [--redact]",
		Short: "Print a case as an HL7 FHIR R4 Bundle (EpisodeOfCare, CarePlan, Goal)",
		Long: `Print one case as an HL7 FHIR R4 Bundle of type collection, in JSON: an
EpisodeOfCare (status from the phase, statusHistory from the history, the
reference person as careManager), a CarePlan (status from the phase and
the client's agreement, one activity per action) with one Goal per goal,
and the Patient they are about. fullUrls are urn:uuid URNs derived from
the case ID, so exporting a case again gives the same URNs.

The Patient carries the client's name, date of birth and contact details;
--redact leaves them out (the Patient holds only an identifier) and
scrubs client data from free text, as render --redact does.`,
		Example: "  casework export fhir C-2026-7K3Q > bundle.json\n  casework export fhir C-2026-7K3Q --redact",
		Args:    cmdutil.ExactArgs(1, "one case ID (or a unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CaseArg = args[0]
			return runFHIR(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Redact, "redact", false, "leave the client's identifying data out")
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
a carriage return) is prefixed with an apostrophe, as in every CSV that
casework prints.`,
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
	recs, err := repo.AllCases()
	if err != nil {
		return err
	}
	tab := &output.Tabular{Header: casetable.Header}
	for _, rec := range recs {
		tab.Rows = append(tab.Rows, casetable.Row(&rec.Data, clock, opts.Redact))
	}
	return p.Print(nil, tab)
}
