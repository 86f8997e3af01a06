package caseload

import (
	"slices"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func TestCompute(t *testing.T) {
	workers := []casefile.Worker{
		{ID: "w-ben", Name: "Ben", FTE: 0.5, Team: "north"},
		{ID: "w-ana", Name: "Ana", FTE: 1, Team: "north", Limits: &casefile.Limits{MaxActive: 2}},
		{ID: "w-sue", Name: "Sue", FTE: 1, Role: "supervisor"},
	}
	cases := []*casefile.Case{
		newCase(t, "C-1", "w-ana", "2026-03-02").assess("2026-03-03T10:00:00Z", "intensive").c, // (3.5+1.75+3.75)*2 = 18
		newCase(t, "C-2", "w-ana", "2026-01-05").c,                                             // 3.5
		newCase(t, "C-3", "w-ana", "2026-01-05").move("2026-03-20T10:00:00Z", "closed").c,      // 3.5, closed later in the month
		newCase(t, "C-4", "w-ana", "2026-01-05").move("2026-02-20T10:00:00Z", "closed").c,      // not active
		newCase(t, "C-5", "w-ana", "2026-01-05").assign("2026-03-09T10:00:00Z", "w-ben").c,     // Ben: 3.5
		newCase(t, "C-6", "w-gone", "2026-02-05").c,                                            // no worker file: 3.5
	}
	rep := Compute(cases, workers, agency, month(t, "2026-03"), at(t, "2026-03-25T12:00:00Z"))
	if rep.Month.String() != "2026-03" || !rep.AsOf.Equal(at(t, "2026-03-25T12:00:00Z")) {
		t.Errorf("month %s as of %s", rep.Month, rep.AsOf)
	}
	if past := Compute(cases, workers, agency, month(t, "2026-02"), at(t, "2026-03-25T12:00:00Z")); past.AsOf.Format(time.RFC3339Nano) != "2026-02-28T23:59:59.999999999Z" {
		t.Errorf("a past month is seen at its end, got %s", past.AsOf)
	}
	type row struct {
		worker        string
		active, fresh int
		hours, cap    float64
		load, perFTE  float64
		status        Status
		cases         []string
	}
	want := []row{
		{"w-ana", 2, 1, 25, 120, 0.2083, 2, Warn, []string{"C-1", "C-2"}},
		{"w-ben", 1, 0, 3.5, 60, 0.0583, 2, OK, []string{"C-5"}},
		{"w-gone", 1, 0, 3.5, 0, 0, 0, Over, []string{"C-6"}},
		{"w-sue", 0, 0, 0, 120, 0, 0, OK, []string{}},
	}
	if len(rep.Workers) != len(want) {
		t.Fatalf("got %d rows: %+v", len(rep.Workers), rep.Workers)
	}
	for i, w := range want {
		r := rep.Workers[i]
		got := row{r.Worker, r.Active, r.New, r.Hours, r.Capacity, r.Load, r.ActivePerFTE, r.Status, r.Cases}
		if got.worker != w.worker || got.active != w.active || got.fresh != w.fresh || got.hours != w.hours ||
			got.cap != w.cap || got.load != w.load || got.perFTE != w.perFTE || got.status != w.status || !slices.Equal(got.cases, w.cases) {
			t.Errorf("row %d: got %+v, want %+v", i, got, w)
		}
	}
	if !rep.Workers[2].Unknown || rep.Workers[0].Unknown {
		t.Error("unknown worker not flagged")
	}
	tot := rep.Totals
	wantTot := Totals{Workers: 4, FTE: 2.5, Active: 4, New: 1, Hours: 32, Capacity: 300, Load: 0.1067, ActivePerFTE: 1.6, Warn: 1, Over: 1}
	if tot != wantTot {
		t.Errorf("totals %+v, want %+v", tot, wantTot)
	}
	if Worst(rep.Workers) != Over || Worst(rep.Workers[1:2]) != OK {
		t.Error("Worst is wrong")
	}
}

func TestComputeEmpty(t *testing.T) {
	rep := Compute(nil, nil, agency, month(t, "2026-03"), at(t, "2026-03-25T12:00:00Z"))
	if rep.Workers == nil || len(rep.Workers) != 0 || rep.Totals != (Totals{}) {
		t.Errorf("got %+v", rep)
	}
}

func TestHoldingOf(t *testing.T) {
	cases := []*casefile.Case{
		newCase(t, "C-1", "w-ana", "2026-03-01").c,
		newCase(t, "C-2", "w-ana", "2026-01-05").c,
		newCase(t, "C-3", "w-ana", "2026-03-01").move("2026-03-02T00:00:00Z", "closed").c,
		newCase(t, "C-4", "w-ben", "2026-03-01").c,
	}
	got := HoldingOf(cases, "w-ana", at(t, "2026-03-15T00:00:00Z"))
	if got != (Holding{Active: 2, New: 2}) {
		t.Errorf("got %+v", got)
	}
}

// TestWorkedExample is the worked example of docs/caseload.md.
func TestWorkedExample(t *testing.T) {
	workers := []casefile.Worker{{ID: "w-ana", FTE: 0.8}}
	cases := []*casefile.Case{
		newCase(t, "C-1", "w-ana", "2026-01-05").assess("2026-01-06T10:00:00Z", "intensive").c,
		newCase(t, "C-2", "w-ana", "2026-03-02").assess("2026-03-03T10:00:00Z", "intensive").c,
		newCase(t, "C-3", "w-ana", "2026-02-05").c,
		newCase(t, "C-4", "w-ana", "2026-01-05").assess("2026-03-10T10:00:00Z", "self-management").c,
		newCase(t, "C-5", "w-ana", "2026-01-05").move("2026-03-12T10:00:00Z", "closed").c,
		newCase(t, "C-6", "w-ana", "2026-01-05").move("2026-02-12T10:00:00Z", "closed").c,
	}
	r := Compute(cases, workers, agency, month(t, "2026-03"), at(t, "2026-04-10T00:00:00Z")).Workers[0]
	if r.Active != 4 || r.New != 1 || r.Hours != 35.625 || r.Capacity != 96 || Percent(r.Load) != "37.1%" || r.Status != OK {
		t.Errorf("got %+v", r)
	}
}
