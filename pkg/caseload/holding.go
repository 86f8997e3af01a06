package caseload

import (
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// Holding is what a worker holds at a moment: active (open) cases, and
// cases opened in that month.
type Holding struct {
	Active int
	New    int
}

// HoldingOf counts what worker holds at now, as the report of the current
// month counts it: their open cases, and the cases opened this month that
// they hold (or held when the case closed).
func HoldingOf(cases []*casefile.Case, worker string, now time.Time) Holding {
	var h Holding
	for _, c := range cases {
		a, ok := InMonth(c, MonthOf(now), now, config.Weights{})
		if !ok || a.Worker != worker {
			continue
		}
		if a.Active {
			h.Active++
		}
		if a.New {
			h.New++
		}
	}
	return h
}
