package caseload

import (
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// weights are the built-in defaults, written out so the tests read alone.
var weights = config.Weights{
	CaseManagement: 3.5, Intake: 1.75, Assessment: 3.75,
	Levels: map[string]float64{"self-management": 0.5, "care-management": 1, "intensive": 2},
}

var agency = config.Caseload{
	MaxActive: 15, WarnActive: 12, MaxNewPerMonth: 10, WarnNewPerMonth: 8,
	HoursPerFTEMonth: 120, WarnLoad: 0.8, Weights: weights,
}

func at(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func day(t testing.TB, s string) casefile.Date {
	t.Helper()
	d, err := casefile.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func month(t testing.TB, s string) Month {
	t.Helper()
	m, err := ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// caseBuilder writes a case's history the way the commands do.
type caseBuilder struct {
	t testing.TB
	c *casefile.Case
}

func newCase(t testing.TB, id, worker, opened string) *caseBuilder {
	c := &casefile.Case{ID: id, Opened: day(t, opened), Phase: "intake", Worker: worker}
	c.History = []casefile.HistoryEntry{{At: day(t, opened).Time().Add(9 * time.Hour), By: worker, To: "intake", Reason: "opened"}}
	return &caseBuilder{t, c}
}

func (b *caseBuilder) move(when, to string) *caseBuilder {
	b.c.History = append(b.c.History, casefile.HistoryEntry{At: at(b.t, when), By: "x", From: b.c.Phase, To: to})
	b.c.Phase = to
	if to == casefile.ClosedPhase {
		b.c.Closure = &casefile.Closure{At: at(b.t, when), Reason: "goals-met"}
	}
	return b
}

func (b *caseBuilder) assign(when, to string) *caseBuilder {
	b.c.History = append(b.c.History, casefile.HistoryEntry{At: at(b.t, when), By: "x", Assign: &casefile.Assignment{From: b.c.Worker, To: to}})
	b.c.Worker = to
	return b
}

func (b *caseBuilder) assess(when, level string) *caseBuilder {
	b.c.Assessments = append(b.c.Assessments, casefile.Assessment{At: at(b.t, when), By: "x", Instrument: "ssm", Level: level})
	return b
}
