package validate

import (
	"fmt"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/consent"
)

// checkConsents checks a case's consent entries (known purposes, actions
// and givers, who recorded each, a reason for each withdrawal, time order, nothing in the
// future), names the old single client.consent record so that it is
// migrated, and warns about a case whose services run without consent to
// them.
func (v *validator) checkConsents(cr *caseRecord) {
	c, rec := &cr.data, cr.record
	v.futureTimes(rec, "consents", len(c.Consents), func(i int) time.Time { return c.Consents[i].At })
	for i, e := range c.Consents {
		key := fmt.Sprintf("consents[%d]", i)
		if e.Action == casefile.ConsentWithdraw && strings.TrimSpace(e.Reason) == "" {
			v.add(rec, key+".reason", Error, "missing-value", "%s withdraws consent without a reason; the reason is part of the record", key)
		}
		if strings.TrimSpace(e.By) == "" {
			v.add(rec, key+".by", Error, "missing-value", "%s does not say who recorded it: set by to the worker who did ('casework worker list')", key)
		}
		if i > 0 && e.At.Before(c.Consents[i-1].At) {
			v.add(rec, key+".at", Error, "out-of-order", "%s is dated before the entry above it; consent entries are kept in time order", key)
		}
	}
	if c.Client.Consent != (casefile.Consent{}) {
		v.add(rec, "client.consent", Warning, "old-form", "client.consent is the old single consent record: run 'casework migrate' to move it into consents, per purpose, losing nothing")
	}
	if c.Phase == "implementation" && !v.consentInForce(c, consent.Services, consent.Everyone) {
		v.add(rec, "phase", Warning, "no-consent", "case %s is in implementation with no consent to services in force; record it with 'casework consent %s give --purpose services'", c.ID, c.ID)
	}
}
