package caseload

import (
	"github.com/casework/casework/pkg/history"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

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
	hist := history.Of(c)
	var last history.Span
	found := false
	for _, s := range hist.OpenSpans() {
		if s.Overlaps(m.Start(), asOf) {
			last, found = s, true
		}
	}
	if !found {
		return Activity{}, false
	}
	held := asOf
	active := last.OpenAt(asOf)
	if !active {
		held = last.To
	}
	within := func(t time.Time) bool { return !t.Before(m.Start()) && !t.After(asOf) }
	a := Activity{Case: c.ID, Worker: hist.WorkerAt(held), Active: active, New: within(hist.OpenedAt())}
	var latest time.Time
	for _, as := range c.Assessments {
		if within(as.At) {
			a.Assessed = true // a household member's assessment is work too
		}
		if as.Member == "" && !as.At.After(asOf) && !as.At.Before(latest) { // the level is the client's
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
