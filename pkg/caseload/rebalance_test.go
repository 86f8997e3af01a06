package caseload

import (
	"testing"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

func TestRebalance(t *testing.T) {
	cfg := agency
	cfg.MaxActive = 2
	workers := []casefile.Worker{
		{ID: "w-ana", FTE: 1, Team: "north"},
		{ID: "w-ben", FTE: 1, Team: "south"},
		{ID: "w-cy", FTE: 1, Team: "north"},
		{ID: "w-dee", FTE: 1, Team: "south"},
		{ID: "w-sue", FTE: 1, Role: "supervisor"},
	}
	cases := []*casefile.Case{
		newCase(t, "A-1", "w-ana", "2026-01-01").c,
		newCase(t, "A-2", "w-ana", "2026-01-05").c,
		newCase(t, "A-3", "w-ana", "2026-02-01").c,
		newCase(t, "A-4", "w-ana", "2026-02-10").c,
		newCase(t, "A-5", "w-ana", "2026-02-20").c,
		newCase(t, "A-6", "w-ana", "2026-03-01").move("2026-03-02T00:00:00Z", "closed").c,
		newCase(t, "C-1", "w-cy", "2026-01-01").c,
		newCase(t, "B-1", "w-ben", "2026-01-01").c,
	}
	p := Rebalance(cases, workers, cfg, []string{"supervisor"})
	want := []struct{ c, from, to string }{
		{"A-5", "w-ana", "w-cy"},  // same team first
		{"A-4", "w-ana", "w-dee"}, // team full: fewest active
		{"A-3", "w-ana", "w-ben"},
	}
	if len(p.Moves) != len(want) {
		t.Fatalf("got %+v", p.Moves)
	}
	for i, w := range want {
		m := p.Moves[i]
		if m.Case != w.c || m.From != w.from || m.To != w.to {
			t.Errorf("move %d: got %+v, want %+v", i, m, w)
		}
	}
	if p.Moves[0].Reason != "caseload rebalance: w-ana held 5 open cases, over max_active 2" {
		t.Errorf("reason %q", p.Moves[0].Reason)
	}
	if len(p.Stuck) != 0 {
		t.Errorf("stuck %+v", p.Stuck)
	}
}

func TestRebalanceNoRoom(t *testing.T) {
	cfg := agency
	cfg.MaxActive = 1
	workers := []casefile.Worker{{ID: "w-ana", FTE: 1}, {ID: "w-ben", FTE: 1}, {ID: "w-sue", FTE: 1, Role: "supervisor"}}
	cases := []*casefile.Case{
		newCase(t, "A-1", "w-ana", "2026-01-01").c,
		newCase(t, "A-2", "w-ana", "2026-01-02").c,
		newCase(t, "A-3", "w-ana", "2026-01-03").c,
	}
	p := Rebalance(cases, workers, cfg, []string{"supervisor"})
	if len(p.Moves) != 1 || p.Moves[0].Case != "A-3" || p.Moves[0].To != "w-ben" {
		t.Errorf("moves %+v", p.Moves)
	}
	if len(p.Stuck) != 1 || p.Stuck[0] != (Stuck{Worker: "w-ana", Excess: 1}) {
		t.Errorf("stuck %+v", p.Stuck)
	}
	if p := Rebalance(cases, workers, config.Caseload{}, nil); len(p.Moves) != 0 {
		t.Errorf("no limits, yet moves %+v", p.Moves)
	}
}
