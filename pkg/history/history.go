// Package history is the one reader of a case's history: which entries
// are phase changes, openings, closings and reopenings; where the case
// was and with whom at a given time; the stretches of time it was open;
// and whether its closure record is current or belongs to a closing it
// was reopened after. Every package that asks these questions asks here.
//
// The history is append-only and kept in time order; where a file's
// history disagrees with its current phase ('casework validate' reports
// it), the phase decides the present.
package history

import (
	"slices"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// IsPhaseChange reports whether the entry records a change of phase (the
// opening entry included), not a change of reference person, a departure
// nor another event (an entry with a Kind).
func IsPhaseChange(h casefile.HistoryEntry) bool {
	return !h.IsAssignment() && !IsDeparture(h) && h.Kind == "" && h.To != ""
}

// IsConsentOverride reports whether the entry records information shared
// without the client's consent (casefile.HistoryConsentOverride).
func IsConsentOverride(h casefile.HistoryEntry) bool {
	return h.Kind == casefile.HistoryConsentOverride
}

// IsEligibilityOverride reports whether the entry records an action
// added outside its resource's ages (casefile.HistoryEligibilityOverride).
func IsEligibilityOverride(h casefile.HistoryEntry) bool {
	return h.Kind == casefile.HistoryEligibilityOverride
}

// ConsentOverrides returns the consent overrides of the history, oldest
// first.
func (h History) ConsentOverrides() []casefile.HistoryEntry {
	var out []casefile.HistoryEntry
	for _, e := range h.entries {
		if IsConsentOverride(e) {
			out = append(out, e)
		}
	}
	return out
}

// IsDeparture reports whether the entry records a household member
// leaving or a tie of the network ending (see household.RemoveMember and
// household.EndContact), not a phase change or an assignment.
func IsDeparture(h casefile.HistoryEntry) bool { return h.Left != nil }

// DescribeDeparture names a departure for messages and timelines: "M2
// left the household", "the tie with N4 ended".
func DescribeDeparture(d casefile.Departure) string {
	if d.Member != "" {
		return d.Member + " left the household"
	}
	return "the tie with " + d.Contact + " ended"
}

// IsOpening reports whether the entry is the opening of the case: a phase
// change from nowhere.
func IsOpening(h casefile.HistoryEntry) bool { return IsPhaseChange(h) && h.From == "" }

// IsClosing reports whether the entry moves an open case to the closed
// phase.
func IsClosing(h casefile.HistoryEntry) bool {
	return IsPhaseChange(h) && h.From != "" && !casefile.IsOpenPhase(h.To)
}

// IsReopening reports whether the entry moves a closed case back into an
// open phase.
func IsReopening(h casefile.HistoryEntry) bool {
	return IsPhaseChange(h) && !casefile.IsOpenPhase(h.From) && casefile.IsOpenPhase(h.To)
}

// History reads one case's history. Build it with Of; it does not change
// the case.
type History struct {
	c       *casefile.Case
	entries []casefile.HistoryEntry // in time order
}

// Of returns the reader of c's history. Entries out of time order (which
// 'casework validate' reports) are read in time order.
func Of(c *casefile.Case) History {
	entries := c.History
	byTime := func(a, b casefile.HistoryEntry) int { return a.At.Compare(b.At) }
	if !slices.IsSortedFunc(entries, byTime) {
		entries = slices.Clone(entries)
		slices.SortStableFunc(entries, byTime)
	}
	return History{c: c, entries: entries}
}

// Entries returns the entries in time order. The caller must not change
// them.
func (h History) Entries() []casefile.HistoryEntry { return h.entries }

// Last returns the time of the last entry, or the zero time when there is
// none. A new entry may not be dated before it.
func (h History) Last() time.Time {
	if len(h.entries) == 0 {
		return time.Time{}
	}
	return h.entries[len(h.entries)-1].At
}

// OpenedAt is when the case was opened: the start of its opened date, else
// the time of its first history entry, else the zero time.
func (h History) OpenedAt() time.Time {
	if !h.c.Opened.IsZero() {
		return h.c.Opened.Time()
	}
	if len(h.entries) > 0 {
		return h.entries[0].At
	}
	return time.Time{}
}

// PhaseAfter returns the phase the first n entries (as recorded, not
// sorted) lead to: the target of the last phase change among them, or ""
// when there is none.
func PhaseAfter(entries []casefile.HistoryEntry, n int) string {
	for i := min(n, len(entries)) - 1; i >= 0; i-- {
		if IsPhaseChange(entries[i]) {
			return entries[i].To
		}
	}
	return ""
}

// PhaseAt returns the phase the case was in at t: the target of the last
// phase change at or before t, or "" before the case was opened.
func (h History) PhaseAt(t time.Time) string {
	phase := ""
	for _, e := range h.entries {
		if e.At.After(t) {
			break
		}
		if IsPhaseChange(e) {
			phase = e.To
		}
	}
	return phase
}

// EnteredAt returns when the case last entered phase: the time of the last
// phase change into it, and false when it never did.
func (h History) EnteredAt(phase string) (time.Time, bool) {
	for i := len(h.entries) - 1; i >= 0; i-- {
		if e := h.entries[i]; IsPhaseChange(e) && e.To == phase {
			return e.At, true
		}
	}
	return time.Time{}, false
}

// PhaseSince returns when the case entered its current phase: the time of
// the last phase change into it, or the start of its opened date.
func (h History) PhaseSince() time.Time {
	if at, ok := h.EnteredAt(h.c.Phase); ok {
		return at
	}
	return h.c.Opened.Time()
}

// EverClosed reports whether the history records a closing.
func (h History) EverClosed() bool { return slices.ContainsFunc(h.entries, IsClosing) }

// CurrentClosure returns the closure record when it is current: the case
// is closed. It returns nil for an open case, in particular one reopened
// after its last closure, whose closure record is kept as history but no
// longer describes the case.
func (h History) CurrentClosure() *casefile.Closure {
	if h.c.IsOpen() {
		return nil
	}
	return h.c.Closure
}

// Reopened reports whether the case holds the closure record of a closing
// it has since been reopened after.
func (h History) Reopened() bool { return h.c.Closure != nil && h.c.IsOpen() }

// WorkerAt returns the reference person of the case at instant t, read
// from the assignments in its history: the worker of the last assignment
// at or before t, else the worker the first assignment moved the case
// from, else the case's current worker.
func (h History) WorkerAt(t time.Time) string {
	worker := ""
	for _, e := range h.entries {
		if !e.IsAssignment() {
			continue
		}
		if e.At.After(t) {
			if worker == "" && e.Assign.From != "" {
				return e.Assign.From
			}
			break
		}
		worker = e.Assign.To
	}
	if worker == "" {
		return h.c.Worker
	}
	return worker
}

// Span is a stretch of time during which a case was open: [From, To]. A
// zero To means the case is still open.
type Span struct {
	From, To time.Time
}

// Overlaps reports whether the case was open at some moment between start
// and end: opened by end and not closed before start.
func (s Span) Overlaps(start, end time.Time) bool {
	return !s.From.After(end) && (s.To.IsZero() || !s.To.Before(start))
}

// OpenAt reports whether the case was open at t (it is no longer open at
// the instant it closes).
func (s Span) OpenAt(t time.Time) bool {
	return !s.From.After(t) && (s.To.IsZero() || s.To.After(t))
}

// OpenSpans returns the stretches of time the case was open, in order: a
// closing ends a stretch, a reopening starts the next. Where the history
// disagrees with the case's current phase, the phase decides the present:
// a closed case with no recorded closing closes at its closure time, else
// when it was last opened; an open case whose history ends closed is
// taken as still open.
func (h History) OpenSpans() []Span {
	start := h.OpenedAt()
	if start.IsZero() {
		return nil
	}
	var spans []Span
	cur, open := Span{From: start}, true
	for _, e := range h.entries {
		if !IsPhaseChange(e) || IsOpening(e) {
			continue
		}
		closing := !casefile.IsOpenPhase(e.To)
		switch {
		case closing && open:
			cur.To, open = e.At, false
			spans = append(spans, cur)
		case !closing && !open:
			cur, open = Span{From: e.At}, true
		}
	}
	switch {
	case open && !h.c.IsOpen():
		cur.To = cur.From
		if h.c.Closure != nil && h.c.Closure.At.After(cur.From) {
			cur.To = h.c.Closure.At
		}
		spans = append(spans, cur)
	case open:
		spans = append(spans, cur)
	case h.c.IsOpen():
		spans[len(spans)-1].To = time.Time{}
	}
	return spans
}
