package report

import (
	"slices"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// spell is one stretch of a case between an opening and the closure that
// ends it, with the reason recorded for that closure and when the case was
// reopened after it (zero while it stays closed).
type spell struct {
	opened, closed, reopened time.Time
	reason                   string
}

// openedAt is when the case was opened: its opened date, else its first
// history entry.
func openedAt(c *casefile.Case) time.Time {
	if !c.Opened.IsZero() {
		return c.Opened.Time()
	}
	if len(c.History) > 0 {
		return c.History[0].At
	}
	return time.Time{}
}

// spells reads the case's open spells from the phase changes in its
// history. The reason of the last closure is the closure record's when
// the case is closed now; earlier closures keep the reason of their
// history entry.
func spells(c *casefile.Case) []spell {
	h := slices.Clone(c.History)
	slices.SortStableFunc(h, func(a, b casefile.HistoryEntry) int { return a.At.Compare(b.At) })
	cur := spell{opened: openedAt(c)}
	var out []spell
	open := true
	for _, e := range h {
		if e.Assign != nil || e.From == "" || e.To == "" {
			continue
		}
		switch closing := !config.IsOpen(e.To); {
		case closing && open:
			cur.closed, cur.reason, open = e.At, e.Reason, false
		case !closing && !open:
			cur.reopened = e.At
			out = append(out, cur)
			cur, open = spell{opened: e.At}, true
		}
	}
	if !open && c.Closure != nil && !config.IsOpen(c.Phase) {
		cur.reason = c.Closure.Reason
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
