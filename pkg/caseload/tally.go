package caseload

import (
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// Tally is what every worker holds in one month, as HoldingOf counts it:
// kept beside the case index so that giving a worker one more case can be
// checked without looking at every case.
type Tally struct {
	Month   string             // YYYY-MM the counts are for
	Holding map[string]Holding // by worker ID
	// Base, when set, is what a worker not in Holding holds before Add
	// changes it: an update reads the one or two workers it changes from
	// the tally on disk rather than all of them (nil: nothing).
	Base func(worker string) Holding
}

// NewTally is an empty tally of the month of now, to Count cases into.
func NewTally(now time.Time) Tally {
	return Tally{Month: MonthOf(now).String(), Holding: map[string]Holding{}}
}

// TallyOf counts what every worker holds at now.
func TallyOf(cases []*casefile.Case, now time.Time) Tally {
	t := NewTally(now)
	for _, c := range cases {
		t.Count(c, now, 1)
	}
	return t
}

// Count adds what case c holds its worker to at now (sign 1), or takes it
// away (sign -1): an update that changes a case takes the case away as it
// was and adds it as it is, so the tally follows every change.
func (t *Tally) Count(c *casefile.Case, now time.Time, sign int) {
	a, ok := InMonth(c, MonthOf(now), now, config.Weights{})
	if !ok {
		return
	}
	var active, fresh int
	if a.Active {
		active = sign
	}
	if a.New {
		fresh = sign
	}
	t.Add(a.Worker, active, fresh)
}

// Current reports whether the tally is for the month of now.
func (t Tally) Current(now time.Time) bool { return t.Month == MonthOf(now).String() }

// Add changes what worker holds by active open cases and fresh new ones
// (negative to take away), never below zero.
func (t *Tally) Add(worker string, active, fresh int) {
	if t.Holding == nil {
		t.Holding = map[string]Holding{}
	}
	h, ok := t.Holding[worker]
	if !ok && t.Base != nil {
		h = t.Base(worker)
	}
	h.Active = max(0, h.Active+active)
	h.New = max(0, h.New+fresh)
	t.Holding[worker] = h
}
