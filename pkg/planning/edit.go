package planning

import (
	"fmt"
	"strings"

	"github.com/casework/casework/pkg/casefile"
)

// GoalEdit is a change to a goal's wording: each field that is not nil
// replaces the goal's. The status is a review's to change (Review), and a
// goal is never erased (DropGoal).
type GoalEdit struct {
	Text   *string
	Domain *string
	Target *casefile.Date
}

// EditGoal changes the goal with the given ID (any letter case) and
// returns it.
func EditGoal(p *casefile.Plan, id string, e GoalEdit) (*casefile.Goal, error) {
	g, err := FindGoal(p, id)
	if err != nil {
		return nil, err
	}
	changed := *g
	if e.Text != nil {
		if changed.Text = strings.TrimSpace(*e.Text); changed.Text == "" {
			return nil, fmt.Errorf("the goal's text is empty: say what the client wants to achieve")
		}
	}
	if e.Domain != nil {
		changed.Domain = *e.Domain
	}
	if e.Target != nil {
		changed.Target = *e.Target
	}
	*g = changed
	return g, nil
}

// ActionEdit is a change to an action: each field that is not nil
// replaces the action's (a zero date clears it). The status is a review's
// to change, and an action is never erased (CancelAction).
type ActionEdit struct {
	Text        *string
	Resource    *string
	Responsible *string
	Cost        *float64
	Due         *casefile.Date
	Start       *casefile.Date
	End         *casefile.Date
}

// EditAction changes the action with the given ID (any letter case) and
// returns it. The result must still be a service or a task (CheckWhen);
// otherwise nothing changes.
func EditAction(p *casefile.Plan, id string, e ActionEdit) (*casefile.Action, error) {
	a, err := FindAction(p, id)
	if err != nil {
		return nil, err
	}
	changed := *a
	if e.Text != nil {
		if changed.Text = strings.TrimSpace(*e.Text); changed.Text == "" {
			return nil, fmt.Errorf("the action's text is empty: say what will be done")
		}
	}
	for _, f := range []struct {
		from *string
		to   *string
	}{{e.Resource, &changed.Resource}, {e.Responsible, &changed.Responsible}} {
		if f.from != nil {
			*f.to = *f.from
		}
	}
	if e.Cost != nil {
		if err := casefile.CheckAmount(*e.Cost); err != nil {
			return nil, fmt.Errorf("the action's cost %w", err)
		}
		changed.Cost = *e.Cost
	}
	for _, f := range []struct {
		from *casefile.Date
		to   *casefile.Date
	}{{e.Due, &changed.Due}, {e.Start, &changed.Start}, {e.End, &changed.End}} {
		if f.from != nil {
			*f.to = *f.from
		}
	}
	if err := CheckWhen(changed); err != nil {
		return nil, err
	}
	*a = changed
	return a, nil
}

// DropGoal marks the goal with the given ID dropped, and its actions still
// planned or active cancelled, whose IDs it returns: the goal stays in the
// plan, with its history in reviews, and its ID is never reused. A goal
// already dropped, or achieved, is refused.
func DropGoal(p *casefile.Plan, id string) (*casefile.Goal, []string, error) {
	g, err := FindGoal(p, id)
	if err != nil {
		return nil, nil, err
	}
	switch g.Status {
	case casefile.GoalDropped:
		return nil, nil, fmt.Errorf("goal %s is already dropped", g.ID)
	case casefile.GoalAchieved:
		return nil, nil, fmt.Errorf("goal %s was achieved: an achieved goal is not dropped (a review can set another status: casework review ID --goal %s=STATUS)", g.ID, g.ID)
	}
	cancelled := GoalActionsOpen(*g)
	for i := range g.Actions {
		if g.Actions[i].IsOpen() {
			g.Actions[i].Status = casefile.ActionCancelled
		}
	}
	g.Status = casefile.GoalDropped
	return g, cancelled, nil
}

// CancelAction marks the action with the given ID cancelled: it stays in
// the plan, out of its cost, and its ID is never reused. An action done or
// already cancelled is refused.
func CancelAction(p *casefile.Plan, id string) (*casefile.Action, error) {
	a, err := FindAction(p, id)
	if err != nil {
		return nil, err
	}
	switch a.Status {
	case casefile.ActionCancelled:
		return nil, fmt.Errorf("action %s is already cancelled", a.ID)
	case casefile.ActionDone:
		return nil, fmt.Errorf("action %s is done: a finished action is not cancelled (a review can set another status: casework review ID --action %s=STATUS)", a.ID, a.ID)
	}
	a.Status = casefile.ActionCancelled
	return a, nil
}
