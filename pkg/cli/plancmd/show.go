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
// cost total, whether it is over budget, what was committed, spent and
// remains of the budget (in Currency), and the state of the agreement.
type View struct {
	Case          string `json:"case" yaml:"case"`
	casefile.Plan `yaml:",inline"`
	CostTotal     float64 `json:"cost_total" yaml:"cost_total"`
	OverBudget    bool    `json:"over_budget" yaml:"over_budget"`
	Committed     float64 `json:"committed" yaml:"committed"`
	Spent         float64 `json:"spent" yaml:"spent"`
	// Remaining is the budget less the larger of committed and spent;
	// left out when the plan has no budget.
	Remaining *float64 `json:"remaining,omitempty" yaml:"remaining,omitempty"`
	Currency  string   `json:"currency" yaml:"currency"`
	Agreement string   `json:"agreement" yaml:"agreement"`
}

// NewCmdShow returns `casework plan show ID`.
func NewCmdShow(f *cmdutil.Factory) *cobra.Command {
	return cmdutil.Prints(&cobra.Command{
		Use:   "show ID",
		Short: "Show the plan: goals, actions, cost against budget, agreement",
		Long: `Show the care plan as a table of goals, each followed by its actions, with
their statuses; the cost total against the budget; and the state of the
client's agreement: current, stale (the plan changed since) or none.
Amounts are in the agency's currency (currency in .casework.yaml). The
budget line says what is committed (the cost of every action not
cancelled), what was spent ('casework spend') and what remains: the
budget less the larger of the committed and the spent.
-o json|yaml gives the plan's data with cost_total, over_budget,
committed, spent, remaining, currency and agreement added.`,
		Example: "  casework plan show C-2026-7K3Q\n  casework plan show C-2026-7K3Q -o json",
		Args:    cmdutil.ExactArgs(1, "one case ID (or a unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p := f.Printer()
			rec, err := f.LoadCase(args[0])
			if err != nil {
				return err
			}
			cfg, err := f.Config()
			if err != nil {
				return err
			}
			c := &rec.Data
			m := c.Money()
			over := m.Budget > 0 && m.Remaining < 0
			view := View{Case: c.ID, Plan: c.Plan, CostTotal: m.Committed, OverBudget: over, Committed: m.Committed, Spent: m.Spent,
				Currency: cfg.Currency, Agreement: planning.AgreementState(c.Plan)}
			if m.Budget > 0 {
				view.Remaining = &m.Remaining
			}
			if p.Format == output.Table && len(c.Plan.Goals) == 0 {
				_, err := fmt.Fprintf(f.IO.Out, "No goals yet: add one with 'casework plan goal add %s TEXT'.\n", c.ID)
				return err
			}
			if err := p.Print(view, table(c, cfg.Currency)); err != nil {
				return err
			}
			if p.Format == output.Table {
				return summary(f.IO.Out, c, m, cfg.Currency)
			}
			return nil
		},
	}, output.Table, output.JSON, output.YAML)
}

// table lays the plan out as rows: each goal, then its actions, with
// each action's cost and what was spent on it, in currency.
func table(c *casefile.Case, currency string) *output.Tabular {
	cost, spent := "cost", "spent"
	if currency != "" {
		cost, spent = "cost "+currency, "spent "+currency
	}
	tab := &output.Tabular{Header: []string{"id", "text", "domain", "resource", "responsible", "date", cost, spent, "status"}}
	for _, g := range c.Plan.Goals {
		tab.Rows = append(tab.Rows, []string{g.ID, g.Text, g.Domain, "", "", g.Target.String(), "", "", string(g.Status)})
		for _, a := range g.Actions {
			tab.Rows = append(tab.Rows, []string{a.ID, "  " + a.Text, "", a.Resource, a.Responsible, a.Due.String(), cmdutil.Money(a.Cost), cmdutil.Money(c.Spent(a.ID)), string(a.Status)})
		}
	}
	m := c.Money()
	tab.Footer = []string{"", "total", "", "", "", "", cmdutil.Money(m.Committed), cmdutil.Money(m.Spent), ""}
	return tab
}

// summary writes the budget, spending and agreement lines under the
// table.
func summary(w io.Writer, c *casefile.Case, m casefile.Money, currency string) error {
	amount := func(x float64) string { return cmdutil.Amount(x, currency) }
	budget := "Budget:     none set, cost total " + amount(m.Committed)
	if m.Budget > 0 {
		state := fmt.Sprintf("%s left", amount(m.Remaining))
		switch {
		case m.Remaining == 0:
			state = "all allocated"
		case m.Remaining < 0:
			state = fmt.Sprintf("OVER BUDGET by %s", amount(-m.Remaining))
		}
		budget = fmt.Sprintf("Budget:     %s, cost total %s (%s)", amount(m.Budget), amount(m.Committed), state)
	}
	budget += fmt.Sprintf("\nSpent:      %s of %s committed", amount(m.Spent), amount(m.Committed))
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
