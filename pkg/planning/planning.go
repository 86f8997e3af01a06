// Package planning edits the individualised care plan: goals set with the
// client, the actions (package of services) that serve them, the client's
// agreement, reviews of progress and supervisors' approvals. Everything
// here is pure: it changes casefile values in memory.
package planning

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/safetext"
)

// Who can agree a plan.
const (
	ByClient         = "client"
	ByRepresentative = "representative"
)

// AgreedBy are who can agree a plan.
var AgreedBy = []string{ByClient, ByRepresentative}

// Agreement states of a plan.
const (
	AgreementNone    = "none"    // never agreed
	AgreementCurrent = "current" // agreed as it stands
	AgreementStale   = "stale"   // goals or actions changed since
)

// NextGoalID returns the ID for a new goal: G1, G2, …
func NextGoalID(p casefile.Plan) string {
	var ids []string
	for _, g := range p.Goals {
		ids = append(ids, g.ID)
	}
	return casefile.NextID("G", ids)
}

// NextActionID returns the ID for a new action: A1, A2, …, unique across
// the whole plan.
func NextActionID(p casefile.Plan) string {
	var ids []string
	for _, g := range p.Goals {
		for _, a := range g.Actions {
			ids = append(ids, a.ID)
		}
	}
	return casefile.NextID("A", ids)
}

// FindGoal returns the goal with the given ID (any letter case).
func FindGoal(p *casefile.Plan, id string) (*casefile.Goal, error) {
	for i := range p.Goals {
		if strings.EqualFold(p.Goals[i].ID, id) {
			return &p.Goals[i], nil
		}
	}
	if len(p.Goals) == 0 {
		return nil, fmt.Errorf("unknown goal %s: the plan has no goals yet; add one with 'casework plan goal add'", safetext.Word(id))
	}
	var ids []string
	for _, g := range p.Goals {
		ids = append(ids, g.ID)
	}
	return nil, fmt.Errorf("unknown goal %s: the plan has %s", safetext.Word(id), strings.Join(ids, ", "))
}

// FindAction returns the action with the given ID (any letter case),
// under whichever goal it serves.
func FindAction(p *casefile.Plan, id string) (*casefile.Action, error) {
	var ids []string
	for i := range p.Goals {
		for j := range p.Goals[i].Actions {
			a := &p.Goals[i].Actions[j]
			if strings.EqualFold(a.ID, id) {
				return a, nil
			}
			ids = append(ids, a.ID)
		}
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("unknown action %s: the plan has no actions yet; add one with 'casework plan action add'", safetext.Word(id))
	}
	return nil, fmt.Errorf("unknown action %s: the plan has %s", safetext.Word(id), strings.Join(ids, ", "))
}

// AddGoal adds an open goal with the next free ID and returns it.
func AddGoal(p *casefile.Plan, g casefile.Goal) (casefile.Goal, error) {
	g.Text = strings.TrimSpace(g.Text)
	if g.Text == "" {
		return g, fmt.Errorf("the goal's text is empty: say what the client wants to achieve")
	}
	g.ID, g.Status, g.Actions = NextGoalID(*p), casefile.GoalOpen, nil
	p.Goals = append(p.Goals, g)
	return g, nil
}

// AddAction adds a planned action with the next free ID to the goal and
// returns it.
func AddAction(p *casefile.Plan, goalID string, a casefile.Action) (casefile.Action, error) {
	a.Text = strings.TrimSpace(a.Text)
	if a.Text == "" {
		return a, fmt.Errorf("the action's text is empty: say what will be done")
	}
	if err := casefile.CheckAmount(a.Cost); err != nil {
		return a, fmt.Errorf("the action's cost %v", err)
	}
	if err := CheckWhen(a); err != nil {
		return a, err
	}
	g, err := FindGoal(p, goalID)
	if err != nil {
		return a, err
	}
	a.ID, a.Status = NextActionID(*p), casefile.ActionPlanned
	g.Actions = append(g.Actions, a)
	return a, nil
}

// CheckWhen reports an action whose dates do not make it either a
// service (start and end) or a task (due), or a service that ends before
// it starts.
func CheckWhen(a casefile.Action) error {
	switch {
	case a.IsService() && !a.Due.IsZero():
		return fmt.Errorf("an action is a service (start and end dates) or a task (a due date), not both: give --start and --end, or --due")
	case !a.Start.IsZero() && !a.End.IsZero() && a.End.Before(a.Start):
		return fmt.Errorf("the service ends (%s) before it starts (%s)", a.End, a.Start)
	}
	return nil
}

// GoalActionsOpen returns the IDs of the goal's actions still planned or
// active: a goal marked achieved while they run is worth a second look.
func GoalActionsOpen(g casefile.Goal) []string {
	var ids []string
	for _, a := range g.Actions {
		if a.IsOpen() {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

// OverBudget returns the plan's cost total and whether it is over the
// budget. A plan without a budget is never over it.
func OverBudget(p casefile.Plan) (total float64, over bool) {
	total = p.CommittedCost()
	return total, p.Budget > 0 && total > p.Budget
}

// AgreementState says whether the plan was agreed as it stands: none,
// current or stale.
func AgreementState(p casefile.Plan) string {
	switch {
	case p.Agreed == nil:
		return AgreementNone
	case p.AgreementCurrent():
		return AgreementCurrent
	}
	return AgreementStale
}

// Agree records that the client, or their representative, agreed the plan
// as it stands now. A representative can agree only when the case names
// one; a plan without goals cannot be agreed.
func Agree(c *casefile.Case, by string, at time.Time) error {
	switch {
	case !slices.Contains(AgreedBy, by):
		return fmt.Errorf("--by %s: the plan is agreed by %s", safetext.Word(by), strings.Join(AgreedBy, " or "))
	case by == ByRepresentative && c.Client.Representative == nil:
		return fmt.Errorf("case %s has no representative: record one first (casework case set %s client.representative.name=NAME), or have the client agree with --by client", c.ID, c.ID)
	case len(c.Plan.Goals) == 0:
		return fmt.Errorf("the plan of case %s has no goals to agree: add one with 'casework plan goal add'", c.ID)
	}
	c.Plan.Agreed = &casefile.Agreement{By: by, At: at, Digest: c.Plan.Digest()}
	return nil
}

// CheckStatus reports a status that is not one of allowed.
func CheckStatus(kind, status string, allowed []string) error {
	if !slices.Contains(allowed, status) {
		return fmt.Errorf("unknown %s status %s: use one of %s", kind, safetext.Word(status), strings.Join(allowed, ", "))
	}
	return nil
}
