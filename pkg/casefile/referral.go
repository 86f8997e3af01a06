package casefile

import "time"

// ReferralEntry is one append-only step in the course of a referral of a
// plan's action to its provider: the referral sent (casework refer), the
// provider's answer, and the start and end of the service (casework
// referral). A referral's status is its latest entry for the action.
type ReferralEntry struct {
	At time.Time `yaml:"at" json:"at"`
	// By is the worker who recorded it.
	By string `yaml:"by" json:"by"`
	// Action is the plan's action referred (A1).
	Action string `yaml:"action" json:"action"`
	// Resource is the resource referred to, as the action named it when
	// the referral was sent; answers repeat it.
	Resource string         `yaml:"resource,omitempty" json:"resource,omitempty"`
	Status   ReferralStatus `yaml:"status" json:"status"`
	// Reason is why the provider declined, or any note on the step.
	Reason string `yaml:"reason,omitempty" json:"reason,omitempty"`
}

// ReferralOf returns the latest referral entry of the action, that is
// where its referral stands, and false when it was never referred.
func (c *Case) ReferralOf(action string) (ReferralEntry, bool) {
	for i := len(c.Referrals) - 1; i >= 0; i-- {
		if c.Referrals[i].Action == action {
			return c.Referrals[i], true
		}
	}
	return ReferralEntry{}, false
}

// CurrentReferrals returns where each referred action's referral stands:
// the latest entry of each action, in the order the actions were first
// referred.
func (c *Case) CurrentReferrals() []ReferralEntry {
	var out []ReferralEntry
	at := map[string]int{}
	for _, e := range c.Referrals {
		if i, ok := at[e.Action]; ok {
			out[i] = e
			continue
		}
		at[e.Action] = len(out)
		out = append(out, e)
	}
	return out
}
