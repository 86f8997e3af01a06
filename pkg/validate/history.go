package validate

import (
	"fmt"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// checkHistory checks the recorded history against the workflow (see
// workflow.CheckHistory) and checks each entry is dated, in order and not
// in the future.
func (v *validator) checkHistory(cr *caseRecord) {
	c := &cr.data
	rec := cr.record
	if len(c.History) == 0 {
		if _, ok := Lookup(rec.root, "history"); ok {
			v.add(rec, "history", Error, "empty-history", "history is empty; it starts with the case's opening entry (to: %s)", v.wf.Initial())
		}
		return
	}
	for i := range c.History {
		v.checkEntryTime(cr, i)
	}
	for _, p := range v.wf.CheckHistory(c) {
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
