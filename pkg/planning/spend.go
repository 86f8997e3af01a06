package planning

import (
	"fmt"
	"math"

	"github.com/casework/casework/pkg/casefile"
)

// CheckAmount refuses an amount of money spent that is not a positive
// number.
func CheckAmount(x float64) error {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return fmt.Errorf("--amount must be a number")
	case x <= 0:
		return fmt.Errorf("--amount must be more than zero: record money spent; a refund is noted on the next entry, not recorded as a negative amount")
	}
	return nil
}

// Spend records money actually spent on an action of the plan: the
// action must exist, the amount be positive (rounded to cents), and the
// entry not dated before the case's last spending entry (entries are kept
// in time order). It returns the entry as recorded.
func Spend(c *casefile.Case, e casefile.SpendEntry) (casefile.SpendEntry, error) {
	if err := CheckAmount(e.Amount); err != nil {
		return e, err
	}
	a, err := FindAction(&c.Plan, e.Action)
	if err != nil {
		return e, err
	}
	e.Action = a.ID
	e.Amount = math.Round(e.Amount*100) / 100
	if e.Amount <= 0 {
		return e, fmt.Errorf("--amount must be at least 0.01")
	}
	if n := len(c.Spending); n > 0 && e.At.Before(c.Spending[n-1].At) {
		return e, fmt.Errorf("the last spending of case %s was recorded at %s; a new entry cannot be dated before it", c.ID, c.Spending[n-1].At.UTC().Format("2006-01-02T15:04:05Z"))
	}
	c.Spending = append(c.Spending, e)
	return e, nil
}

// Approved is the total of the expenses approved for the case, and
// whether any was.
func Approved(c *casefile.Case) (float64, bool) {
	var total float64
	found := false
	for _, a := range c.Approvals {
		if a.Grants() && a.What == casefile.ApproveExpense {
			total += a.Amount
			found = true
		}
	}
	return math.Round(total*100) / 100, found
}

// Overspend is one way a case's spending passes what was allowed.
type Overspend struct {
	// Key is the case file's key the finding points at.
	Key     string
	Message string
}

// Overspending reports where the case's spending passes what was
// allowed: the expenses approved for it (when any were), the plan's
// budget (when it has one), and each action's committed cost (when it
// has one).
func Overspending(c *casefile.Case, currency string) []Overspend {
	var out []Overspend
	m := c.Money()
	if m.Spent == 0 {
		return nil
	}
	amount := func(x float64) string { return casefile.Amount(x, currency) }
	if approved, ok := Approved(c); ok && m.Spent > approved+0.005 {
		out = append(out, Overspend{"spending", fmt.Sprintf("%s spent on case %s, more than the %s of expenses approved: ask for approval with 'casework approve %s expense --request --amount X'", amount(m.Spent), c.ID, amount(approved), c.ID)})
	}
	if m.Budget > 0 && m.Spent > m.Budget+0.005 {
		out = append(out, Overspend{"spending", fmt.Sprintf("%s spent on case %s, more than the plan's budget of %s", amount(m.Spent), c.ID, amount(m.Budget))})
	}
	for _, g := range c.Plan.Goals {
		for _, a := range g.Actions {
			if spent := c.Spent(a.ID); a.Cost > 0 && spent > a.Cost+0.005 {
				out = append(out, Overspend{"spending", fmt.Sprintf("%s spent on action %s of case %s, more than its cost of %s in the plan", amount(spent), a.ID, c.ID, amount(a.Cost))})
			}
		}
	}
	return out
}
