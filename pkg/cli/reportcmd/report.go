// Package reportcmd implements `casework report outcomes|caseload|flow`:
// the agency's reports for funders, boards and managers.
package reportcmd

import (
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseload"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/report"
	"github.com/spf13/cobra"
)

// The formats a report is written in besides json and csv.
const (
	Markdown = "markdown"
	HTML     = "html"
)

// Options are the inputs of `casework report KIND`.
type Options struct {
	F          *cmdutil.Factory
	Kind       string
	From, To   string
	Team       string
	Worker     string
	Instrument string
}

// NewCmdReport returns `casework report` with its three reports.
func NewCmdReport(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Agency reports: outcomes, caseload trend, flow",
		Long: `Reports for funders, boards and managers, computed from the case files:

  outcomes   how clients' scores changed, per domain of each instrument
  caseload   each worker's and team's caseload month by month
  flow       days from opening to assessment, agreed plan and closure;
             closures by reason; reopenings
  board      the three in one document: a board pack

No report names a client. A group of fewer clients than reports.min_cell
(default 5) is shown as "<5". Output: -o markdown (default, with Mermaid
charts that GitHub and GitLab draw), html (one self-contained page with
SVG charts, for printing), json or csv. docs/reports.md defines every
figure.`,
		GroupID: "agency",
		Args:    cmdutil.ExactArgs(0, "a report name: outcomes, caseload or flow"),
	}
	for _, kind := range []struct{ name, short string }{
		{"outcomes", "How clients' scores changed, per domain of each instrument"},
		{"caseload", "Each worker's and team's caseload month by month"},
		{"flow", "Days to each stage, closures by reason, reopenings"},
		{"board", "A board pack: outcomes, caseload and flow in one document"},
	} {
		cmd.AddCommand(newCmdKind(f, kind.name, kind.short))
	}
	return cmd
}

func newCmdKind(f *cmdutil.Factory, kind, short string) *cobra.Command {
	opts := &Options{F: f, Kind: kind}
	cmd := &cobra.Command{
		Use:   kind,
		Short: short,
		Example: `  casework report ` + kind + `
  casework report ` + kind + ` --from 2026-01 --to 2026-06 -o html > ` + kind + `.html`,
		Args: cmdutil.ExactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error { return run(opts) },
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.From, "from", "", "first `YYYY-MM` month (default: eleven months before --to)")
	fl.StringVar(&opts.To, "to", "", "last `YYYY-MM` month (default: this month)")
	fl.StringVar(&opts.Team, "team", "", "only the cases of `TEAM`")
	fl.StringVar(&opts.Worker, "worker", "", "only the cases of worker `ID`")
	if kind == "outcomes" || kind == "board" {
		fl.StringVar(&opts.Instrument, "instrument", "", "only assessment instrument `ID` (in the outcomes)")
	}
	if kind == "board" {
		// One document of three reports: no single flat table for CSV.
		cmdutil.Prints(cmd, Markdown, HTML, output.JSON)
		return cmd
	}
	cmdutil.Prints(cmd, Markdown, HTML, output.JSON, output.CSV)
	return cmd
}

func run(opts *Options) error {
	f := opts.F
	p := f.Printer()
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	o, err := opts.options(f.Now(), cfg)
	if err != nil {
		return err
	}
	if opts.Worker != "" {
		if _, err := f.RequireWorker(opts.Worker); err != nil {
			return err
		}
	}
	pop, err := population(f)
	if err != nil {
		return err
	}
	if err := opts.checkTeam(pop.Workers); err != nil {
		return err
	}
	var doc report.Doc
	var data any
	var flat report.Table
	switch opts.Kind {
	case "outcomes":
		r := report.ComputeOutcomes(pop, cfg.Assessment, o)
		data, doc, flat = r, r.Doc(cfg.Assessment, o.MinCell), r.Flat()
	case "caseload":
		r := report.ComputeCaseload(pop, cfg.Caseload, o)
		data, doc, flat = r, r.Doc(o.MinCell), r.Flat()
	case "board":
		out := report.ComputeOutcomes(pop, cfg.Assessment, o)
		load := report.ComputeCaseload(pop, cfg.Caseload, o)
		flow := report.ComputeFlow(pop, cfg, o)
		data = map[string]any{"outcomes": out, "caseload": load, "flow": flow}
		doc = report.Pack("Board pack, "+o.From.String()+" to "+o.To.String(),
			"How clients' situations changed, how each worker's caseload moved month by month, and how long each stage of a case takes. Counts only: no client is named.",
			out.Doc(cfg.Assessment, o.MinCell), load.Doc(o.MinCell), flow.Doc(o.MinCell))
	default:
		r := report.ComputeFlow(pop, cfg, o)
		data, doc, flat = r, r.Doc(o.MinCell), r.Flat()
	}
	return write(p, data, doc, flat)
}

// options reads the flags into report options.
func (opts *Options) options(now time.Time, cfg *config.Config) (report.Options, error) {
	o := report.Options{Team: opts.Team, Worker: opts.Worker, Instrument: opts.Instrument, MinCell: cfg.Reports.MinCell, Now: now}
	o.From, o.To = report.DefaultPeriod(now)
	var err error
	if opts.To != "" {
		if o.To, err = caseload.ParseMonth(opts.To); err != nil {
			return o, cmdutil.Usagef("--to: %w", err)
		}
		if opts.From == "" {
			o.From = caseload.MonthOf(o.To.Start().AddDate(0, -11, 0))
		}
	}
	if opts.From != "" {
		if o.From, err = caseload.ParseMonth(opts.From); err != nil {
			return o, cmdutil.Usagef("--from: %w", err)
		}
	}
	if err := o.Check(); err != nil {
		return o, cmdutil.Usagef("%w", err)
	}
	if opts.Instrument != "" {
		if _, ok := cfg.Assessment.Instrument(opts.Instrument); !ok {
			return o, cmdutil.Usagef("--instrument %s: no such instrument in .casework.yaml (assessment.instruments)", opts.Instrument)
		}
	}
	return o, nil
}

// checkTeam refuses a --team no worker is in, as caseload does: an empty
// report would read as a team with no cases.
func (opts *Options) checkTeam(workers []casefile.Worker) error {
	if opts.Team == "" || slices.ContainsFunc(workers, func(w casefile.Worker) bool { return w.Team == opts.Team }) {
		return nil
	}
	var teams []string
	for _, w := range workers {
		if w.Team != "" && !slices.Contains(teams, w.Team) {
			teams = append(teams, w.Team)
		}
	}
	slices.Sort(teams)
	if len(teams) == 0 {
		teams = []string{"(none set)"}
	}
	return cmdutil.Usagef("no worker is in team %q; teams: %s", opts.Team, strings.Join(teams, ", "))
}

// population reads every case as the index summarises it, and every
// worker. A case file that fails to load is left out with a warning, and
// the command exits 1 (cmdutil.Factory.CaseSummaries): figures are never
// silently short.
func population(f *cmdutil.Factory) (report.Population, error) {
	cases, err := f.CaseSummaries()
	if err != nil {
		return report.Population{}, err
	}
	repo, err := f.Repo()
	if err != nil {
		return report.Population{}, err
	}
	wrecs, err := repo.AllWorkers()
	if err != nil {
		return report.Population{}, err
	}
	workers := make([]casefile.Worker, len(wrecs))
	for i, r := range wrecs {
		workers[i] = r.Data
	}
	rrecs, err := repo.AllResources()
	if err != nil {
		return report.Population{}, err
	}
	providers := make(map[string]string, len(rrecs))
	for _, r := range rrecs {
		providers[r.Data.ID] = r.Data.Provider
	}
	return report.Population{Cases: cases, Workers: workers, Providers: providers}, nil
}

// write prints the report in the chosen format.
func write(p *output.Printer, data any, doc report.Doc, flat report.Table) error {
	switch p.Format {
	case Markdown:
		return report.WriteMarkdown(p.Out, doc)
	case HTML:
		return report.WriteHTML(p.Out, doc)
	case output.CSV:
		return output.WriteCSV(p.Out, &output.Tabular{Header: flat.Header, Rows: flat.Rows})
	default:
		return p.Print(data, nil)
	}
}
