package report

import (
	"github.com/casework/casework/pkg/history"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// spell is one stretch of a case between an opening and the closure that
// ends it, with the reason recorded for that closure and when the case was
// reopened after it (zero while it stays closed).
type spell struct {
	opened, closed, reopened time.Time
	reason                   string
}

// spells reads the case's open spells from the phase changes in its
// history. The reason of the last closure is the closure record's when
// the case is closed now; earlier closures keep the reason of their
// history entry.
func spells(c *casefile.Case) []spell {
	hist := history.Of(c)
	cur := spell{opened: hist.OpenedAt()}
	var out []spell
	open := true
	for _, e := range hist.Entries() {
		if !history.IsPhaseChange(e) || history.IsOpening(e) {
			continue
		}
		switch closing := !casefile.IsOpenPhase(e.To); {
		case closing && open:
			cur.closed, cur.reason, open = e.At, e.Reason, false
		case !closing && !open:
			cur.reopened = e.At
			out = append(out, cur)
			cur, open = spell{opened: e.At}, true
		}
	}
	if cl := hist.CurrentClosure(); !open && cl != nil {
		cur.reason = cl.Reason
	}
	return append(out, cur)
}

// closings lists the times the case was closed.
func closings(c *casefile.Case) []time.Time {
	var out []time.Time
	for _, s := range spells(c) {
		if !s.closed.IsZero() {
			out = append(out, s.closed)
		}
	}
	return out
}
