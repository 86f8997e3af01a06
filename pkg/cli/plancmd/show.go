package plancmd

import (
	"fmt"
	"io"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/planning"
	"github.com/spf13/cobra"
)

// View is what `plan show -o json|yaml` prints: the plan's data, plus its
// cost total, whether it is over budget and the state of the agreement.
type View struct {
	Case          string `json:"case" yaml:"case"`
	casefile.Plan `yaml:",inline"`
	CostTotal     float64 `json:"cost_total" yaml:"cost_total"`
	OverBudget    bool    `json:"over_budget" yaml:"over_budget"`
	Agreement     string  `json:"agreement" yaml:"agreement"`
}

// NewCmdShow returns `casework plan show ID`.
func NewCmdShow(f *cmdutil.Factory) *cobra.Command {
	return cmdutil.Prints(&cobra.Command{
		Use:   "show ID",
		Short: "Show the plan: goals, actions, cost against budget, agreement",
		Long: `Show the care plan as a table of goals, each followed by its actions, with
their statuses; the cost total against the budget; and the state of the
client's agreement: current, stale (the plan changed since) or none.
-o json|yaml gives the plan's data with cost_total, over_budget and
agreement added.`,
		Example: "  casework plan show C-2026-7K3Q\n  casework plan show C-2026-7K3Q -o json",
		Args:    cmdutil.ExactArgs(1, "one case ID (or a unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p := f.Printer()
			rec, err := f.LoadCase(args[0])
			if err != nil {
				return err
			}
			c := &rec.Data
			total, over := planning.OverBudget(c.Plan)
			view := View{Case: c.ID, Plan: c.Plan, CostTotal: total, OverBudget: over, Agreement: planning.AgreementState(c.Plan)}
			if p.Format == output.Table && len(c.Plan.Goals) == 0 {
				_, err := fmt.Fprintf(f.IO.Out, "No goals yet: add one with 'casework plan goal add %s TEXT'.\n", c.ID)
				return err
			}
			if err := p.Print(view, table(c.Plan, total)); err != nil {
				return err
			}
			if p.Format == output.Table {
				return summary(f.IO.Out, c, total, over)
			}
			return nil
		},
	}, output.Table, output.JSON, output.YAML)
}

// table lays the plan out as rows: each goal, then its actions.
func table(plan casefile.Plan, total float64) *output.Tabular {
	tab := &output.Tabular{Header: []string{"id", "text", "domain", "resource", "responsible", "date", "cost", "status"}}
	for _, g := range plan.Goals {
		tab.Rows = append(tab.Rows, []string{g.ID, g.Text, g.Domain, "", "", g.Target.String(), "", string(g.Status)})
		for _, a := range g.Actions {
			tab.Rows = append(tab.Rows, []string{a.ID, "  " + a.Text, "", a.Resource, a.Responsible, a.Due.String(), cmdutil.Money(a.Cost), string(a.Status)})
		}
	}
	tab.Footer = []string{"", "total", "", "", "", "", cmdutil.Money(total), ""}
	return tab
}

// summary writes the budget and agreement lines under the table.
func summary(w io.Writer, c *casefile.Case, total float64, over bool) error {
	budget := "Budget:     none set, cost total " + orZero(total)
	if b := c.Plan.Budget; b > 0 {
		state := fmt.Sprintf("%s left", cmdutil.Money(b-total))
		if b == total {
			state = "all allocated"
		}
		if over {
			state = fmt.Sprintf("OVER BUDGET by %s", cmdutil.Money(total-b))
		}
		budget = fmt.Sprintf("Budget:     %s, cost total %s (%s)", cmdutil.Money(b), orZero(total), state)
	}
	agreement := "Agreement:  none (agree it with 'casework plan agree " + c.ID + " --by client')"
	if a := c.Plan.Agreed; a != nil {
		when := fmt.Sprintf("by the %s on %s", a.By, a.At.Format(time.DateOnly))
		agreement = "Agreement:  current, " + when
		if !c.Plan.AgreementCurrent() {
			agreement = "Agreement:  STALE, " + when + "; the plan changed since: agree it again"
		}
	}
	_, err := fmt.Fprintf(w, "\n%s\n%s\n", budget, agreement)
	return err
}

func orZero(x float64) string {
	if x == 0 {
		return "0.00"
	}
	return cmdutil.Money(x)
}
