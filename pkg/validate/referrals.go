package validate

import (
	"fmt"
	"time"

	"github.com/casework/casework/pkg/planning"
	"github.com/casework/casework/pkg/referral"
)

// checkReferrals holds the case's referrals to their course (package
// referral: each step legal after the one before, a decline with its
// reason, in time order) and dates them in the past.
func (v *validator) checkReferrals(cr *caseRecord) {
	c := &cr.data
	v.futureTimes(cr.record, "referrals", len(c.Referrals), func(i int) time.Time { return c.Referrals[i].At })
	probs := referral.CheckHistory(c)
	for i := range c.Referrals {
		if err, ok := probs[i]; ok {
			v.add(cr.record, fmt.Sprintf("referrals[%d]", i), Error, "referral-course", "referrals[%d]: %v", i, err)
		}
	}
}

// checkSpending checks each spending entry (a known action, a positive
// amount, in time order, not in the future) and warns where spending
// passes the expenses approved, the plan's budget or an action's cost
// (planning.Overspending).
func (v *validator) checkSpending(cr *caseRecord) {
	c := &cr.data
	v.futureTimes(cr.record, "spending", len(c.Spending), func(i int) time.Time { return c.Spending[i].At })
	for i, s := range c.Spending {
		key := fmt.Sprintf("spending[%d]", i)
		if _, err := planning.FindAction(&c.Plan, s.Action); err != nil {
			v.add(cr.record, key+".action", Error, "unknown-action", "%s: %v", key, err)
		}
		if err := planning.CheckAmount(s.Amount); err != nil {
			v.add(cr.record, key+".amount", Error, "invalid-value", "%s: amount %.2f: money spent is more than zero", key, s.Amount)
		}
		if i > 0 && s.At.Before(c.Spending[i-1].At) {
			v.add(cr.record, key+".at", Error, "out-of-order", "%s is dated before the entry above it; spending entries are recorded in time order", key)
		}
	}
	for _, o := range planning.Overspending(c, v.currency()) {
		v.currencyShown()
		v.add(cr.record, o.Key, Warning, "overspent", "%s", o.Message)
	}
}
