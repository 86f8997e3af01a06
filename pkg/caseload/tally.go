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
}

// TallyOf counts what every worker holds at now.
func TallyOf(cases []*casefile.Case, now time.Time) Tally {
	month := MonthOf(now)
	t := Tally{Month: month.String(), Holding: map[string]Holding{}}
	for _, c := range cases {
		a, ok := InMonth(c, month, now, config.Weights{})
		if !ok {
			continue
		}
		h := t.Holding[a.Worker]
		if a.Active {
			h.Active++
		}
		if a.New {
			h.New++
		}
		t.Holding[a.Worker] = h
	}
	return t
}

// Current reports whether the tally is for the month of now.
func (t Tally) Current(now time.Time) bool { return t.Month == MonthOf(now).String() }

// Add changes what worker holds by active open cases and fresh new ones
// (negative to take away), never below zero.
func (t *Tally) Add(worker string, active, fresh int) {
	if t.Holding == nil {
		t.Holding = map[string]Holding{}
	}
	h := t.Holding[worker]
	h.Active = max(0, h.Active+active)
	h.New = max(0, h.New+fresh)
	t.Holding[worker] = h
}
