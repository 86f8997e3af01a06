package caseload

import (
	"slices"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// span is a stretch of time during which a case was open: [from, to]. A
// zero to means the case is still open.
type span struct {
	from, to time.Time
}

// overlaps reports whether the case was open at some moment between start
// and asOf: opened by asOf and not closed before start.
func (s span) overlaps(start, asOf time.Time) bool {
	return !s.from.After(asOf) && (s.to.IsZero() || !s.to.Before(start))
}

// openAt reports whether the case was open at t.
func (s span) openAt(t time.Time) bool {
	return !s.from.After(t) && (s.to.IsZero() || s.to.After(t))
}

// openedAt is when the case was opened: the start of its opened date, else
// the time of its first history entry.
func openedAt(c *casefile.Case) time.Time {
	if !c.Opened.IsZero() {
		return c.Opened.Time()
	}
	if len(c.History) > 0 {
		return c.History[0].At
	}
	return time.Time{}
}

// history returns the case's history in time order (as written when the
// file is in order).
func history(c *casefile.Case) []casefile.HistoryEntry {
	h := slices.Clone(c.History)
	slices.SortStableFunc(h, func(a, b casefile.HistoryEntry) int { return a.At.Compare(b.At) })
	return h
}

// openSpans returns the stretches of time the case was open, in order,
// read from the phase changes in its history: a move to the closed phase
// ends a stretch, a move out of it (a reopening) starts the next. Where the
// history disagrees with the case's current phase ('casework validate'
// reports it), the phase decides the present: a closed case with no
// recorded closing closes at its closure time, else when it was last
// opened; an open case whose history ends closed is taken as still open.
func openSpans(c *casefile.Case) []span {
	start := openedAt(c)
	if start.IsZero() {
		return nil
	}
	var spans []span
	cur, open := span{from: start}, true
	for _, e := range history(c) {
		if e.To == "" || e.From == "" {
			continue // assignments, and the opening entry
		}
		closing := !casefile.IsOpenPhase(e.To)
		switch {
		case closing && open:
			cur.to, open = e.At, false
			spans = append(spans, cur)
		case !closing && !open:
			cur, open = span{from: e.At}, true
		}
	}
	switch {
	case open && !c.IsOpen():
		cur.to = cur.from
		if c.Closure != nil && c.Closure.At.After(cur.from) {
			cur.to = c.Closure.At
		}
		spans = append(spans, cur)
	case open:
		spans = append(spans, cur)
	case c.IsOpen():
		spans[len(spans)-1].to = time.Time{}
	}
	return spans
}

// WorkerAt returns the reference person of the case at instant t, read
// from the assignments in its history: the worker of the last assignment
// at or before t, else the worker the first assignment moved the case
// from, else the case's current worker.
func WorkerAt(c *casefile.Case, t time.Time) string {
	worker := ""
	for _, e := range history(c) {
		if e.Assign == nil {
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
		return c.Worker
	}
	return worker
}

// Activity is what one case contributed to the caseload of one month.
type Activity struct {
	Case     string  `json:"case" yaml:"case"`
	Worker   string  `json:"worker" yaml:"worker"`
	Active   bool    `json:"active" yaml:"active"`
	New      bool    `json:"new" yaml:"new"`
	Assessed bool    `json:"assessed" yaml:"assessed"`
	Level    string  `json:"level,omitempty" yaml:"level,omitempty"`
	Hours    float64 `json:"hours" yaml:"hours"`
}

// InMonth returns what the case contributed to month m seen at asOf (see
// Month.AsOf), and false when it was not open at any moment of m up to
// asOf.
//
// The case is active when it was open at asOf: at the end of a past month,
// or now in the current month; so a case closed in a later month is
// active in every month-end it was open at, and a case closed today is not
// active today. It is new when it was opened in m. It counts for the
// worker who held it at asOf, or at the moment it closed when it closed
// within m. Every case open at some moment of m costs hours, active at
// asOf or closed during the month:
//
//	(case_management + intake if opened in m + assessment if assessed in m)
//	  × the multiplier of the level of its latest assessment up to asOf
//
// with a multiplier of 1 for a case never assessed or a level with no
// configured weight.
func InMonth(c *casefile.Case, m Month, asOf time.Time, w config.Weights) (Activity, bool) {
	if asOf.Before(m.Start()) {
		return Activity{}, false // a month that has not begun
	}
	var last span
	found := false
	for _, s := range openSpans(c) {
		if s.overlaps(m.Start(), asOf) {
			last, found = s, true
		}
	}
	if !found {
		return Activity{}, false
	}
	held := asOf
	active := last.openAt(asOf)
	if !active {
		held = last.to
	}
	within := func(t time.Time) bool { return !t.Before(m.Start()) && !t.After(asOf) }
	a := Activity{Case: c.ID, Worker: WorkerAt(c, held), Active: active, New: within(openedAt(c))}
	var latest time.Time
	for _, as := range c.Assessments {
		if within(as.At) {
			a.Assessed = true
		}
		if !as.At.After(asOf) && !as.At.Before(latest) {
			latest, a.Level = as.At, as.Level
		}
	}
	hours := w.CaseManagement
	if a.New {
		hours += w.Intake
	}
	if a.Assessed {
		hours += w.Assessment
	}
	a.Hours = hours * Multiplier(w, a.Level)
	return a, true
}

// Multiplier is the workload multiplier of a level of attention: its
// configured weight, else 1.
func Multiplier(w config.Weights, level string) float64 {
	if x, ok := w.Levels[level]; ok && level != "" {
		return x
	}
	return 1
}
