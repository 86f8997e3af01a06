package validate

import (
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/eligibility"
	"github.com/casework/casework/pkg/history"
	"github.com/casework/casework/pkg/household"
)

// checkEligibility checks the action at key serves a current household
// member (when it names one), and warns when its resource's ages exclude
// the person it serves, judged on the day it starts (else is due; an
// undated action still open, today), with no eligibility override for it in the history: an action added before
// the check existed, or by hand.
func (v *validator) checkEligibility(cr *caseRecord, key string, a casefile.Action) {
	c := &cr.data
	if a.For != "" {
		if _, err := household.FindMember(c, a.For); err != nil {
			v.add(cr.record, key+".for", Warning, "unknown-member", "action %s: %v", a.ID, err)
			return
		}
	}
	person, err := eligibility.PersonFor(c, a.For)
	if err != nil {
		return // a member who has left since: the action was checked when it was added
	}
	if a.Resource == "" {
		return // no resource, no ages to be within
	}
	r, ok := v.resourceAges(a.Resource)
	if !ok {
		return
	}
	var verdict eligibility.Verdict
	var msg string
	switch {
	case !a.Start.IsZero():
		verdict, msg = eligibility.Check(r, person, a.Start.Time())
	case !a.Due.IsZero():
		verdict, msg = eligibility.Check(r, person, a.Due.Time())
	case a.IsOpen():
		if verdict, msg, ok = v.eligibleToday(r, person); !ok {
			return
		}
	default:
		return
	}
	if verdict != eligibility.Outside {
		return
	}
	for _, h := range c.History {
		if history.IsEligibilityOverride(h) && h.Action == a.ID {
			return
		}
	}
	v.add(cr.record, key, Warning, "not-eligible", "action %s: %s, and no eligibility override is recorded for it; review the action, or re-add it with 'casework plan action add --force --reason'", a.ID, msg)
}
