package validate

import (
	"fmt"
	"strings"

	"github.com/casework/casework/pkg/casefile"
)

// checkHousehold checks the household and the network: unique IDs and a
// reason for every member who left and every tie that ended (roles, kinds
// of support, kinds and strengths of ties: checkEnums).
func (v *validator) checkHousehold(cr *caseRecord) {
	c, rec := &cr.data, cr.record
	seen := map[string]bool{}
	for i, m := range c.Household {
		key := fmt.Sprintf("household[%d]", i)
		v.uniqueEntryID(rec, key, m.ID, seen)
		v.checkEnded(rec, key+".removed", m.Removed)
	}
	for i, n := range c.Network {
		key := fmt.Sprintf("network[%d]", i)
		v.uniqueEntryID(rec, key, n.ID, seen)
		v.checkEnded(rec, key+".ended", n.Ended)
	}
}

// uniqueEntryID reports an entry ID used twice in a case.
func (v *validator) uniqueEntryID(rec *record, key, id string, seen map[string]bool) {
	k := strings.ToUpper(id)
	if seen[k] {
		v.add(rec, key+".id", Error, "duplicate-id", "%s.id %s is used twice in the case; IDs are never reused", key, id)
	}
	seen[k] = true
}

// checkEnded checks the record of an end: a reason, and not in the future.
func (v *validator) checkEnded(rec *record, key string, e *casefile.Ended) {
	if e == nil {
		return
	}
	if strings.TrimSpace(e.Reason) == "" {
		v.add(rec, key+".reason", Error, "missing-value", "%s has no reason; it is part of the record", key)
	}
	if v.future(e.At) {
		v.add(rec, key+".at", Error, "future-date", "%s is dated in the future", key)
	}
}
