package caseload

import (
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// Holding is what a worker holds at a moment: open cases, and cases opened
// in that month.
type Holding struct {
	Active int
	New    int
}

// HoldingOf counts what worker holds at now: the open cases whose
// reference person they are, and those of their cases (open or closed
// since) opened in the month of now.
func HoldingOf(cases []*casefile.Case, worker string, now time.Time) Holding {
	var h Holding
	m := MonthOf(now)
	for _, c := range cases {
		if c.Worker != worker {
			continue
		}
		if config.IsOpen(c.Phase) {
			h.Active++
		}
		if m.Contains(openedAt(c)) {
			h.New++
		}
	}
	return h
}
