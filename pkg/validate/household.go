package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// checkHousehold checks the household and the network: unique IDs, the
// configured roles and kinds of support, known kinds and strengths of
// ties, and a reason for every member who left and every tie that ended.
func (v *validator) checkHousehold(cr *caseRecord) {
	c, rec := &cr.data, cr.record
	seen := map[string]bool{}
	for i, m := range c.Household {
		key := fmt.Sprintf("household[%d]", i)
		v.uniqueEntryID(rec, key, m.ID, seen)
		if m.Role != "" && !slices.Contains(v.Config.Household.Roles, m.Role) {
			v.add(rec, key+".role", Error, "invalid-value", "%s.role is not one of household.roles in %s (%s)", key, config.FileName, strings.Join(v.Config.Household.Roles, ", "))
		}
		v.checkEnded(rec, key+".removed", m.Removed)
	}
	for i, n := range c.Network {
		key := fmt.Sprintf("network[%d]", i)
		v.uniqueEntryID(rec, key, n.ID, seen)
		if !slices.Contains(casefile.ContactKinds, n.Kind) {
			v.add(rec, key+".kind", Error, "invalid-value", "%s.kind must be one of %s", key, strings.Join(casefile.ContactKinds, ", "))
		}
		if n.Strength != "" && !slices.Contains(casefile.TieStrengths, n.Strength) {
			v.add(rec, key+".strength", Error, "invalid-value", "%s.strength must be one of %s", key, strings.Join(casefile.TieStrengths, ", "))
		}
		for j, p := range n.Provides {
			if !slices.Contains(v.Config.Network.Provides, p) {
				v.add(rec, fmt.Sprintf("%s.provides[%d]", key, j), Error, "invalid-value", "%s.provides[%d] is not one of network.provides in %s (%s)", key, j, config.FileName, strings.Join(v.Config.Network.Provides, ", "))
			}
		}
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
