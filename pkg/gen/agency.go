package gen

import (
	"fmt"
	"math/rand/v2"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/schedule"
	"github.com/casework/casework/pkg/workflow"
)

// agency is what every case is drawn against: the configuration, the
// workers who hold cases and the resources plans use.
type agency struct {
	cfg       *config.Config
	wf        *workflow.Workflow
	workers   []casefile.Worker
	holders   []string // IDs of the workers who hold cases (not supervisors)
	approvers []string // IDs of the supervisors, who approve closures at high risk
	resources []casefile.Resource
	clock     schedule.Clock
}

// supervisorEvery makes one worker in so many a supervisor, who holds no
// cases.
const supervisorEvery = 12

func newAgency(opts Options, cfg *config.Config) *agency {
	rng := rand.New(rand.NewPCG(opts.Seed, ^uint64(0)))
	a := &agency{cfg: cfg, wf: workflow.New(cfg.Workflow)}
	a.clock, _ = schedule.NewClock(cfg) // a bad timescale leaves that deadline off
	teams := max(1, opts.Workers/10)
	ftes := []float64{1, 1, 1, 0.8, 0.5}
	for i := range opts.Workers {
		w := casefile.Worker{
			ID:   fmt.Sprintf("w-%04d", i+1),
			Name: pick(rng, firstNames) + " " + pick(rng, lastNames),
			Role: pick(rng, roles),
			FTE:  pick(rng, ftes),
			Team: fmt.Sprintf("team-%02d", i%teams+1),
		}
		if i%supervisorEvery == supervisorEvery-1 && opts.Workers > 1 {
			w.Role, w.FTE = "supervisor", 1
			a.approvers = append(a.approvers, w.ID)
		} else {
			a.holders = append(a.holders, w.ID)
		}
		w.Email = w.ID + "@agency.example"
		a.workers = append(a.workers, w)
	}
	if len(a.holders) == 0 {
		a.holders = []string{a.workers[0].ID}
	}
	for i, cat := range categories {
		for j := range 3 {
			a.resources = append(a.resources, casefile.Resource{
				ID:       fmt.Sprintf("%s-%d", cat, j+1),
				Name:     fmt.Sprintf("%s service %d", cat, j+1),
				Category: cat,
				Provider: pick(rng, lastNames) + " Trust",
				Cost:     float64(20 + 10*((i+j)%9)),
				Per:      "month",
				Contact:  fmt.Sprintf("0100 555 %04d", 100*i+j),
			})
		}
	}
	return a
}

// pick returns a random element of list.
func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }
