package history

import (
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// reopened is a case opened, moved on, reassigned, closed and reopened.
func reopened(t *testing.T) *casefile.Case {
	t.Helper()
	return &casefile.Case{
		ID: "C-1", Opened: casefile.NewDate(at(t, "2026-01-05T00:00:00Z")), Phase: "assessment", Worker: "w-ben",
		History: []casefile.HistoryEntry{
			{At: at(t, "2026-01-05T09:00:00Z"), To: "intake", Reason: "opened"},
			{At: at(t, "2026-01-10T09:00:00Z"), From: "intake", To: "assessment"},
			{At: at(t, "2026-02-01T09:00:00Z"), Assign: &casefile.Assignment{From: "w-ana", To: "w-ben"}},
			{At: at(t, "2026-02-10T09:00:00Z"), From: "assessment", To: "closed", Reason: "other"},
			{At: at(t, "2026-03-01T09:00:00Z"), From: "closed", To: "assessment", Reason: "back"},
		},
		Closure: &casefile.Closure{At: at(t, "2026-02-10T09:00:00Z"), Reason: "other"},
	}
}

func TestEntryKinds(t *testing.T) {
	c := reopened(t)
	c.History = append(c.History, casefile.HistoryEntry{At: at(t, "2026-03-02T09:00:00Z"), Reason: "respite",
		Kind: casefile.HistoryEligibilityOverride, Action: "A1", With: "home-care"})
	type kinds struct{ change, opening, closing, reopening, override bool }
	want := []kinds{{true, true, false, false, false}, {true, false, false, false, false}, {}, {true, false, true, false, false}, {true, false, false, true, false}, {override: true}}
	for i, h := range c.History {
		got := kinds{IsPhaseChange(h), IsOpening(h), IsClosing(h), IsReopening(h), IsEligibilityOverride(h)}
		if got != want[i] || IsDeparture(h) {
			t.Errorf("history[%d]: got %+v, want %+v", i, got, want[i])
		}
	}
}

// TestDepartures: a member leaving or a tie ending is a departure, not a
// phase change, and leaves the phase and the spells open as they were.
func TestDepartures(t *testing.T) {
	c := reopened(t)
	last := c.History[len(c.History)-1].At
	spans := Of(c).OpenSpans()
	c.History = append(c.History,
		casefile.HistoryEntry{At: last.Add(time.Hour), By: "w-ana", Left: &casefile.Departure{Member: "M2"}, Reason: "moved out"},
		casefile.HistoryEntry{At: last.Add(2 * time.Hour), By: "w-ana", Left: &casefile.Departure{Contact: "N1"}, Reason: "moved away"})
	for _, h := range c.History[len(c.History)-2:] {
		if !IsDeparture(h) || IsPhaseChange(h) || IsOpening(h) || IsClosing(h) || IsReopening(h) {
			t.Errorf("%+v is not read as a departure only", h)
		}
	}
	h := Of(c)
	if got := PhaseAfter(c.History, len(c.History)); got != c.Phase {
		t.Errorf("PhaseAfter = %s, want %s", got, c.Phase)
	}
	if got := h.OpenSpans(); len(got) != len(spans) || got[len(got)-1] != spans[len(spans)-1] {
		t.Errorf("spans %+v, want %+v", got, spans)
	}
	for d, want := range map[casefile.Departure]string{{Member: "M2"}: "M2 left the household", {Contact: "N4"}: "the tie with N4 ended"} {
		if got := DescribeDeparture(d); got != want {
			t.Errorf("DescribeDeparture(%+v) = %q, want %q", d, got, want)
		}
	}
}

func TestPhaseAndWorkerAt(t *testing.T) {
	h := Of(reopened(t))
	tests := []struct {
		at, phase, worker string
	}{
		{"2026-01-01T00:00:00Z", "", "w-ana"},
		{"2026-01-05T09:00:00Z", "intake", "w-ana"},
		{"2026-01-20T00:00:00Z", "assessment", "w-ana"},
		{"2026-02-01T09:00:00Z", "assessment", "w-ben"},
		{"2026-02-15T00:00:00Z", "closed", "w-ben"},
		{"2026-03-02T00:00:00Z", "assessment", "w-ben"},
	}
	for _, tt := range tests {
		if got := h.PhaseAt(at(t, tt.at)); got != tt.phase {
			t.Errorf("PhaseAt(%s) = %q, want %q", tt.at, got, tt.phase)
		}
		if got := h.WorkerAt(at(t, tt.at)); got != tt.worker {
			t.Errorf("WorkerAt(%s) = %q, want %q", tt.at, got, tt.worker)
		}
	}
	if got := PhaseAfter(reopened(t).History, 4); got != "closed" {
		t.Errorf("PhaseAfter(4) = %q", got)
	}
	if got := PhaseAfter(nil, 3); got != "" {
		t.Errorf("PhaseAfter(nil) = %q", got)
	}
}

func TestEnteredAt(t *testing.T) {
	c := reopened(t)
	h := Of(c)
	if got, ok := h.EnteredAt("assessment"); !ok || !got.Equal(at(t, "2026-03-01T09:00:00Z")) {
		t.Errorf("EnteredAt(assessment) = %v %v: want the last entry", got, ok)
	}
	if _, ok := h.EnteredAt("planning"); ok {
		t.Error("EnteredAt(planning) found")
	}
	if got := h.PhaseSince(); !got.Equal(at(t, "2026-03-01T09:00:00Z")) {
		t.Errorf("PhaseSince = %v", got)
	}
	c.Phase = "monitoring" // disagrees with the history: the opened date
	if got := Of(c).PhaseSince(); !got.Equal(c.Opened.Time()) {
		t.Errorf("PhaseSince without an entry = %v", got)
	}
	if got := h.Last(); !got.Equal(at(t, "2026-03-01T09:00:00Z")) || !Of(&casefile.Case{}).Last().IsZero() {
		t.Errorf("Last = %v", got)
	}
}

func TestCurrentClosure(t *testing.T) {
	c := reopened(t)
	if Of(c).CurrentClosure() != nil || !Of(c).Reopened() {
		t.Error("a reopened case has a current closure")
	}
	c.Phase = casefile.ClosedPhase
	if Of(c).CurrentClosure() != c.Closure || Of(c).Reopened() {
		t.Error("a closed case has no current closure")
	}
	c.Closure = nil
	if Of(c).CurrentClosure() != nil {
		t.Error("closure invented")
	}
	if !Of(c).EverClosed() || Of(&casefile.Case{History: c.History[:2]}).EverClosed() {
		t.Error("EverClosed")
	}
}

func TestOpenSpans(t *testing.T) {
	c := reopened(t)
	spans := Of(c).OpenSpans()
	want := []Span{
		{From: c.Opened.Time(), To: at(t, "2026-02-10T09:00:00Z")},
		{From: at(t, "2026-03-01T09:00:00Z")},
	}
	if len(spans) != len(want) || spans[0] != want[0] || spans[1] != want[1] {
		t.Fatalf("OpenSpans = %+v, want %+v", spans, want)
	}
	if !spans[0].OpenAt(at(t, "2026-02-10T08:59:59Z")) || spans[0].OpenAt(at(t, "2026-02-10T09:00:00Z")) {
		t.Error("a case is open until the instant it closes")
	}
	if !spans[1].Overlaps(at(t, "2026-03-01T00:00:00Z"), at(t, "2026-03-01T10:00:00Z")) || spans[1].Overlaps(at(t, "2026-02-01T00:00:00Z"), at(t, "2026-02-28T00:00:00Z")) {
		t.Error("Overlaps")
	}
	// The phase decides the present: closed by hand, closed at its closure.
	c.Phase = casefile.ClosedPhase
	c.History = c.History[:2]
	c.Closure = &casefile.Closure{At: at(t, "2026-01-20T00:00:00Z")}
	if spans := Of(c).OpenSpans(); len(spans) != 1 || !spans[0].To.Equal(c.Closure.At) {
		t.Errorf("closed by hand: %+v", spans)
	}
	if Of(&casefile.Case{}).OpenSpans() != nil {
		t.Error("spans of a case never opened")
	}
}

// TestOutOfOrder: entries out of time order are read in time order, and
// the case is left alone.
func TestOutOfOrder(t *testing.T) {
	c := reopened(t)
	c.History[1], c.History[2] = c.History[2], c.History[1]
	h := Of(c)
	if got := h.PhaseAt(at(t, "2026-01-20T00:00:00Z")); got != "assessment" {
		t.Errorf("PhaseAt = %q", got)
	}
	if c.History[1].Assign == nil {
		t.Error("Of reordered the case's history")
	}
}
