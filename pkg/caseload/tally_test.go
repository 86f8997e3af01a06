package caseload

import (
	"testing"

	"github.com/casework/casework/pkg/casefile"
)

func TestTally(t *testing.T) {
	now := at(t, "2026-03-20T12:00:00Z")
	open := func(id, worker, opened string) *casefile.Case {
		return &casefile.Case{ID: id, Phase: "intake", Worker: worker, Opened: casefile.NewDate(at(t, opened+"T09:00:00Z")),
			History: []casefile.HistoryEntry{{At: at(t, opened+"T09:00:00Z"), To: "intake"}}}
	}
	closed := open("C-3", "w-ana", "2026-01-10")
	closed.Phase = "closed"
	closed.History = append(closed.History, casefile.HistoryEntry{At: at(t, "2026-02-01T09:00:00Z"), From: "intake", To: "closed"})
	cases := []*casefile.Case{open("C-1", "w-ana", "2026-03-02"), open("C-2", "w-ana", "2026-01-05"), closed, open("C-4", "w-ben", "2026-03-10")}
	tally := TallyOf(cases, now)
	if !tally.Current(now) || tally.Current(at(t, "2026-04-01T00:00:00Z")) {
		t.Errorf("month %s", tally.Month)
	}
	for _, w := range []string{"w-ana", "w-ben"} {
		if got, want := tally.Holding[w], HoldingOf(cases, w, now); got != want {
			t.Errorf("%s: tally %+v, HoldingOf %+v", w, got, want)
		}
	}
	tally.Add("w-ana", -1, 0)
	tally.Add("w-cy", 1, 1)
	tally.Add("w-ben", -5, -5)
	if got := tally.Holding["w-ana"]; got != (Holding{Active: 1, New: 1}) {
		t.Errorf("after adding: w-ana %+v", got)
	}
	if got := tally.Holding["w-cy"]; got != (Holding{Active: 1, New: 1}) {
		t.Errorf("after adding: w-cy %+v", got)
	}
	if got := tally.Holding["w-ben"]; got != (Holding{}) {
		t.Errorf("counts went below zero: %+v", got)
	}
}

// TestTallyBase: a worker not yet in Holding starts from Base.
func TestTallyBase(t *testing.T) {
	tally := Tally{Holding: map[string]Holding{}, Base: func(w string) Holding {
		if w == "w-ana" {
			return Holding{Active: 14, New: 2}
		}
		return Holding{}
	}}
	tally.Add("w-ana", 1, 0)
	tally.Add("w-ana", 1, -1)
	tally.Add("w-bo", -1, 1)
	if got := tally.Holding["w-ana"]; got != (Holding{Active: 16, New: 1}) {
		t.Fatalf("w-ana holds %+v, want 16 active and 1 new", got)
	}
	if got := tally.Holding["w-bo"]; got != (Holding{New: 1}) {
		t.Fatalf("w-bo holds %+v, want 1 new and none below zero", got)
	}
}
