package validate

import (
	"fmt"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/history"
	"github.com/casework/casework/pkg/planning"
)

// checkHistory checks the recorded history against the workflow (see
// workflow.CheckHistory) and checks each entry is dated, in order and not
// in the future.
func (v *validator) checkHistory(cr *caseRecord) {
	c := &cr.data
	rec := cr.record
	if len(c.History) == 0 {
		if _, ok := Lookup(rec.root, "history"); ok {
			v.add(rec, "history", Error, "empty-history", "history is empty; it starts with the case's opening entry (to: %s)", v.workflow().Initial())
		}
		return
	}
	for i := range c.History {
		v.checkEntryTime(cr, i)
		v.checkEvent(cr, i)
	}
	for _, p := range v.workflow().CheckHistory(c) {
		if p.Guard == "closure" && c.Closure == nil {
			continue // reported once, as missing-closure or by the closure checks
		}
		if p.Rule == "unknown-phase" {
			continue // reported once, by checkEnums from schema.CaseEnums
		}
		v.add(rec, p.Key, Error, p.Rule, "%s", p.Msg)
	}
}

// checkEntryTime checks entry i is dated, in order and not in the future.
func (v *validator) checkEntryTime(cr *caseRecord, i int) {
	c := &cr.data
	h := c.History[i]
	key := fmt.Sprintf("history[%d].at", i)
	switch {
	case h.At.IsZero():
		return // reported by the decoder
	case v.future(h.At):
		v.add(cr.record, key, Error, "future-date", "history[%d] is dated %s, in the future", i, h.At.Format(time.RFC3339))
	case i == 0 && !c.Opened.IsZero() && casefile.NewDate(h.At).Before(c.Opened):
		v.add(cr.record, key, Error, "history-order", "history[0] is dated %s, before the case was opened (%s)", h.At.Format(time.RFC3339), c.Opened)
	case i > 0 && h.At.Before(c.History[i-1].At):
		v.add(cr.record, key, Error, "history-order", "history[%d] (%s) is earlier than history[%d] (%s); history is appended in time order", i, h.At.Format(time.RFC3339), i-1, c.History[i-1].At.Format(time.RFC3339))
	}
}

// checkEvent checks an entry with a kind (an event that is neither a
// phase change nor an assignment): it records nothing else, and a consent
// override names the action whose provider was told, and why; an
// eligibility override the action added outside its resource's ages, and
// why. The kind
// itself is checked by checkEnums (schema.CaseEnums).
func (v *validator) checkEvent(cr *caseRecord, i int) {
	h := cr.data.History[i]
	if h.Kind == "" {
		return
	}
	key := fmt.Sprintf("history[%d]", i)
	if h.From != "" || h.To != "" || h.Assign != nil {
		v.add(cr.record, key, Error, "invalid-history-entry", "%s is a %s entry and also records a phase change or an assignment; an entry is one or the other", key, h.Kind)
		return
	}
	// each override names its action and says why; told is what the
	// action is to the override, reason what the reason records.
	var rule, what, told, reason string
	switch {
	case history.IsConsentOverride(h):
		rule, what, told, reason = "consent-override", "consent", "whose provider was told", "the duty that required it"
	case history.IsEligibilityOverride(h):
		rule, what, told, reason = "eligibility-override", "eligibility", "added outside its resource's ages", "why the person is served anyway"
	default:
		return
	}
	switch {
	case h.Action == "":
		v.add(cr.record, key, Error, rule, "%s overrides %s without naming the action (action:) %s", key, what, told)
	case strings.TrimSpace(h.Reason) == "":
		v.add(cr.record, key, Error, rule, "%s overrides %s without a reason; an override is recorded with %s", key, what, reason)
	default:
		if _, err := planning.FindAction(&cr.data.Plan, h.Action); err != nil {
			v.add(cr.record, key+".action", Warning, rule, "%s overrides %s for action %s, which the plan no longer has", key, what, h.Action)
		}
	}
}
