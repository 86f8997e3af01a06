package validate

import (
	"fmt"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/safetext"
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
	for i, h := range c.History {
		if h.Left == nil {
			continue
		}
		key := fmt.Sprintf("history[%d].left", i)
		switch {
		case h.Left.Member != "" && !ended(c.Household, h.Left.Member, func(m casefile.Member) (string, bool) { return m.ID, !m.Current() }):
			v.add(rec, key+".member", Error, "unknown-entry", "%s names member %s, who is not recorded as having left the household", key, safetext.Token(h.Left.Member))
		case h.Left.Contact != "" && !ended(c.Network, h.Left.Contact, func(n casefile.Contact) (string, bool) { return n.ID, !n.Current() }):
			v.add(rec, key+".contact", Error, "unknown-entry", "%s names network contact %s, whose tie is not recorded as ended", key, safetext.Token(h.Left.Contact))
		}
	}
	for i, a := range c.Assessments {
		if a.Member != "" && !ended(c.Household, a.Member, func(m casefile.Member) (string, bool) { return m.ID, true }) {
			v.add(rec, fmt.Sprintf("assessments[%d].member", i), Error, "unknown-entry", "assessments[%d] is of member %s, who is not in the household list", i, safetext.Token(a.Member))
		}
	}
}

// ended reports whether list holds the entry id whose end (as get tells)
// is recorded.
func ended[T any](list []T, id string, get func(T) (string, bool)) bool {
	for _, x := range list {
		if xid, done := get(x); xid == id {
			return done
		}
	}
	return false
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
