package caseload

import (
	"cmp"
	"fmt"
	"github.com/casework/casework/pkg/history"
	"slices"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// Move is a proposed reassignment of an open case.
type Move struct {
	Case   string        `json:"case" yaml:"case"`
	Opened casefile.Date `json:"opened" yaml:"opened"`
	From   string        `json:"from" yaml:"from"`
	To     string        `json:"to" yaml:"to"`
	Reason string        `json:"reason" yaml:"reason"`
}

// Stuck is a worker left over the limit because no one has room.
type Stuck struct {
	Worker string `json:"worker" yaml:"worker"`
	Excess int    `json:"excess" yaml:"excess"`
}

// Proposal is the outcome of Rebalance: the moves, and who stays over.
type Proposal struct {
	Moves []Move  `json:"moves" yaml:"moves"`
	Stuck []Stuck `json:"stuck,omitempty" yaml:"stuck,omitempty"`
}

// Rebalance proposes moves of open cases from workers holding more than
// their max_active to workers with room (holding fewer than their
// max_active), until no one is over or no one has room. A worker's most
// recently opened cases move first; closed cases never move. The receiver
// is a worker of the same team when one has room, else anyone, with the
// fewest open cases first (then by ID). Workers whose role is in
// skipRoles (supervisors) and workers with no FTE receive nothing.
func Rebalance(cases []*casefile.Case, workers []casefile.Worker, cfg config.Caseload, skipRoles []string) Proposal {
	held := map[string][]*casefile.Case{}
	for _, c := range cases {
		if c.IsOpen() {
			held[c.Worker] = append(held[c.Worker], c)
		}
	}
	count := map[string]int{}
	limits := map[string]Limits{}
	for _, w := range workers {
		count[w.ID] = len(held[w.ID])
		limits[w.ID] = LimitsFor(cfg, w)
	}
	p := Proposal{Moves: []Move{}}
	givers := slices.SortedFunc(slices.Values(workers), func(a, b casefile.Worker) int { return cmp.Compare(a.ID, b.ID) })
	for _, g := range givers {
		l := limits[g.ID]
		excess := count[g.ID] - l.MaxActive
		if l.MaxActive == 0 || excess <= 0 {
			continue
		}
		had := count[g.ID]
		mine := held[g.ID]
		slices.SortFunc(mine, newestFirst)
		for _, c := range mine[:excess] {
			to, ok := receiver(g, workers, count, limits, skipRoles)
			if !ok {
				p.Stuck = append(p.Stuck, Stuck{Worker: g.ID, Excess: count[g.ID] - l.MaxActive})
				break
			}
			p.Moves = append(p.Moves, Move{
				Case: c.ID, Opened: c.Opened, From: g.ID, To: to,
				Reason: fmt.Sprintf("caseload rebalance: %s held %d open cases, over max_active %d", g.ID, had, l.MaxActive),
			})
			count[g.ID]--
			count[to]++
		}
	}
	return p
}

// newestFirst orders cases by opening, most recent first, then by ID
// descending.
func newestFirst(a, b *casefile.Case) int {
	if c := history.Of(b).OpenedAt().Compare(history.Of(a).OpenedAt()); c != 0 {
		return c
	}
	return cmp.Compare(b.ID, a.ID)
}

// receiver picks who takes a case from giver: a worker with room, of the
// giver's team first, then with the fewest open cases, then by ID.
func receiver(giver casefile.Worker, workers []casefile.Worker, count map[string]int, limits map[string]Limits, skipRoles []string) (string, bool) {
	best, found := casefile.Worker{}, false
	key := func(w casefile.Worker) []int {
		other := 1
		if giver.Team != "" && w.Team == giver.Team {
			other = 0
		}
		return []int{other, count[w.ID]}
	}
	for _, w := range workers {
		if w.ID == giver.ID || w.FTE <= 0 || w.IsRetired() || slices.Contains(skipRoles, w.Role) || limits[w.ID].Full(count[w.ID]) {
			continue
		}
		if !found {
			best, found = w, true
			continue
		}
		if c := slices.Compare(key(w), key(best)); c < 0 || c == 0 && w.ID < best.ID {
			best = w
		}
	}
	return best.ID, found
}
