package report

import (
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/history"
)

// spell is one stretch of a case between an opening and the closure that
// ends it, with the reason recorded for that closure and when the case was
// reopened after it (zero while it stays closed).
type spell struct {
	opened, closed, reopened time.Time
	reason                   string
}

// spells are the case's open spans (history.OpenSpans), each with the
// reason recorded for the closing that ends it and when the case was
// reopened after it. The reason of a current closure is the closure
// record's.
func spells(c *casefile.Case) []spell {
	hist := history.Of(c)
	reasons := map[int64]string{}
	for _, e := range hist.Entries() {
		if history.IsClosing(e) {
			reasons[e.At.UnixNano()] = e.Reason
		}
	}
	spans := hist.OpenSpans()
	out := make([]spell, len(spans))
	for i, s := range spans {
		out[i] = spell{opened: s.From, closed: s.To}
		if !s.To.IsZero() {
			out[i].reason = reasons[s.To.UnixNano()]
		}
		if i+1 < len(spans) {
			out[i].reopened = spans[i+1].From
		}
	}
	if cl := hist.CurrentClosure(); cl != nil && len(out) > 0 {
		out[len(out)-1].reason = cl.Reason
	}
	return out
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
