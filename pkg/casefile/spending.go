package casefile

import (
	"math"
	"strconv"
	"time"
)

// SpendEntry is one append-only record of money actually spent on an
// action of the plan (casework spend), as against the cost committed.
type SpendEntry struct {
	At     time.Time `yaml:"at" json:"at"`
	By     string    `yaml:"by" json:"by"`
	Action string    `yaml:"action" json:"action"`
	Amount float64   `yaml:"amount" json:"amount"`
	Note   string    `yaml:"note,omitempty" json:"note,omitempty"`
}

// Money is the plan's money: the budget, what the plan commits
// (Plan.CommittedCost), what was spent (the spending entries), and what
// is left of the budget: the budget less the larger of the committed and
// the spent, since money spent beyond a commitment is gone as well.
// Remaining is negative when the plan is over its budget; it means
// nothing when Budget is zero (no budget set).
type Money struct {
	Budget    float64 `json:"budget" yaml:"budget"`
	Committed float64 `json:"committed" yaml:"committed"`
	Spent     float64 `json:"spent" yaml:"spent"`
	Remaining float64 `json:"remaining" yaml:"remaining"`
}

// Money works out the case's budget figures, rounded to cents.
func (c *Case) Money() Money {
	m := Money{Budget: c.Plan.Budget, Committed: c.Plan.CommittedCost(), Spent: c.Spent("")}
	m.Remaining = cents(m.Budget - max(m.Committed, m.Spent))
	return m
}

// Spent is the total spent on the action, or on the whole plan when
// action is "", rounded to cents.
func (c *Case) Spent(action string) float64 {
	var total float64
	for _, s := range c.Spending {
		if action == "" || s.Action == action {
			total += s.Amount
		}
	}
	return cents(total)
}

// UnitsCost is the cost of units of a resource at unitCost each, rounded
// to cents: how an action's cost follows from the resource's unit cost.
func UnitsCost(units, unitCost float64) float64 { return cents(units * unitCost) }

// Amount writes an amount of money with two decimals and its currency
// ("720.00 GBP"; without a currency, "720.00"): how every message and
// table shows money.
func Amount(x float64, currency string) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	if currency == "" {
		return s
	}
	return s + " " + currency
}

func cents(x float64) float64 { return math.Round(x*100) / 100 }
