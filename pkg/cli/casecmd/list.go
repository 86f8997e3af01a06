package casecmd

import (
	"sort"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/risk"
	"github.com/casework/casework/pkg/schedule"
	"github.com/spf13/cobra"
)

// ListOptions are the inputs of `casework case list`.
type ListOptions struct {
	F       *cmdutil.Factory
	Phase   string
	Worker  string
	Open    bool
	Closed  bool
	Overdue bool
	Risk    string
}

// Summary is one row of `case list`: the few fields a caseworker scans.
type Summary struct {
	ID      string        `json:"id" yaml:"id"`
	Client  string        `json:"client" yaml:"client"`
	Phase   string        `json:"phase" yaml:"phase"`
	Model   string        `json:"model" yaml:"model"`
	Worker  string        `json:"worker" yaml:"worker"`
	Risk    string        `json:"risk,omitempty" yaml:"risk,omitempty"`
	Opened  casefile.Date `json:"opened" yaml:"opened"`
	NextDue casefile.Date `json:"next_due,omitzero" yaml:"next_due,omitempty"`
	Overdue bool          `json:"overdue" yaml:"overdue"`
}

// NewCmdList returns `casework case list`.
func NewCmdList(f *cmdutil.Factory) *cobra.Command {
	opts := &ListOptions{F: f}
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "List cases",
		Example: "  casework case list --worker w-ana --open\n  casework case list --risk high\n  casework case list --overdue -o json",
		Args:    cmdutil.ExactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Open && opts.Closed {
				return cmdutil.Usagef("--open and --closed cannot be used together")
			}
			return runList(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Phase, "phase", "", "only cases in `PHASE`")
	fl.StringVar(&opts.Worker, "worker", "", "only cases whose reference person is `ID`")
	fl.BoolVar(&opts.Open, "open", false, "only open cases")
	fl.BoolVar(&opts.Closed, "closed", false, "only closed cases")
	fl.BoolVar(&opts.Overdue, "overdue", false, "only cases with something overdue (any timescale, task or follow-up; see 'casework due')")
	fl.StringVar(&opts.Risk, "risk", "", "only cases whose current risk is `LEVEL` (risk.levels)")
	cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML, output.CSV)
	return cmd
}

func runList(opts *ListOptions) error {
	f := opts.F
	p := f.Printer()
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	if opts.Phase != "" {
		if _, ok := cfg.Workflow.Phase(opts.Phase); !ok {
			return cmdutil.Usagef("unknown phase %q: use one of %s", opts.Phase, strings.Join(cfg.Workflow.PhaseNames(), ", "))
		}
	}
	if opts.Worker != "" {
		if _, err := f.RequireWorker(opts.Worker); err != nil {
			return err
		}
	}
	if opts.Risk != "" {
		if err := risk.CheckLevel(cfg.Risk, opts.Risk); err != nil {
			return cmdutil.Usagef("--risk: %w", err)
		}
	}
	clock, err := f.Clock()
	if err != nil {
		return err
	}
	cases, err := f.CaseSummaries()
	if err != nil {
		return err
	}
	today := f.Today()
	var rows []Summary
	for _, c := range cases {
		s := summarize(c, clock, today)
		if !opts.keep(s) {
			continue
		}
		rows = append(rows, s)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if !rows[i].Opened.Time().Equal(rows[j].Opened.Time()) {
			return rows[i].Opened.Before(rows[j].Opened)
		}
		return rows[i].ID < rows[j].ID
	})
	tab := &output.Tabular{Header: []string{"id", "client", "phase", "worker", "risk", "opened", "next due"}}
	for _, s := range rows {
		due := s.NextDue.String()
		if s.Overdue {
			due += " (overdue)"
		}
		tab.Rows = append(tab.Rows, []string{s.ID, s.Client, s.Phase, s.Worker, s.Risk, s.Opened.String(), due})
	}
	if rows == nil {
		rows = []Summary{}
	}
	return p.Print(rows, tab)
}

// summarize makes the row of a case. NextDue is its earliest deadline;
// Overdue is true when any deadline has passed (a service past its end is
// listed by due for review, not counted as overdue).
func summarize(c *casefile.Case, clock schedule.Clock, today casefile.Date) Summary {
	s := Summary{ID: c.ID, Client: c.Client.Name, Phase: c.Phase, Model: c.Model, Worker: c.Worker, Risk: risk.Level(c), Opened: c.Opened}
	for i, it := range clock.ForCase(c) {
		if i == 0 {
			s.NextDue = it.Date
		}
		s.Overdue = s.Overdue || it.Overdue(today)
	}
	return s
}

func (o *ListOptions) keep(s Summary) bool {
	open := casefile.IsOpenPhase(s.Phase)
	switch {
	case o.Phase != "" && s.Phase != o.Phase,
		o.Worker != "" && s.Worker != o.Worker,
		o.Open && !open,
		o.Closed && open,
		o.Overdue && !s.Overdue,
		o.Risk != "" && s.Risk != o.Risk:
		return false
	}
	return true
}
