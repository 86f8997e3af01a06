package planning

import (
	"fmt"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// ReviewInput is a monitoring review as given on the command line.
type ReviewInput struct {
	At      time.Time
	By      string
	Goals   []string // G=STATUS
	Actions []string // A=STATUS
	Note    string
	// ConfidentialNote is recorded apart from Note: see
	// casefile.Review.ConfidentialNote.
	ConfidentialNote string
	// Next is the next review date; zero means today plus Interval.
	Next     casefile.Date
	Interval time.Duration
}

// Review records a monitoring review on the case: each goal and action
// named gets its new status, in the review and in the plan. The next review date must
// not be in the past; without one, it is one interval from today. A
// review of a closed case is its follow-up and sets no next date unless
// asked.
func Review(c *casefile.Case, in ReviewInput, open bool) (casefile.Review, error) {
	today := casefile.NewDate(in.At)
	r := casefile.Review{At: in.At, By: in.By, Note: strings.TrimSpace(in.Note), ConfidentialNote: strings.TrimSpace(in.ConfidentialNote), Next: in.Next}
	if r.Next.IsZero() && open {
		r.Next = casefile.NewDate(in.At.Add(in.Interval))
	}
	if r.Next.Before(today) && !r.Next.IsZero() {
		return r, fmt.Errorf("next review %s is in the past: give a date from %s on", r.Next, today)
	}
	var err error
	r.Goals, err = setStatuses("goal", in.Goals, casefile.GoalStatuses, func(id string) (string, *casefile.GoalStatus, error) {
		g, err := FindGoal(&c.Plan, id)
		if err != nil {
			return "", nil, err
		}
		return g.ID, &g.Status, nil
	})
	if err != nil {
		return r, err
	}
	r.Actions, err = setStatuses("action", in.Actions, casefile.ActionStatuses, func(id string) (string, *casefile.ActionStatus, error) {
		a, err := FindAction(&c.Plan, id)
		if err != nil {
			return "", nil, err
		}
		return a.ID, &a.Status, nil
	})
	if err != nil {
		return r, err
	}
	c.Reviews = append(c.Reviews, r)
	return r, nil
}

// setStatuses applies ID=STATUS arguments of one kind (goal or action):
// find locates the item and returns its canonical ID and its status field.
// It returns the statuses set, by ID, or nil when none were given.
func setStatuses[S ~string](kind string, args, allowed []string, find func(id string) (string, *S, error)) (map[string]S, error) {
	var set map[string]S
	for _, arg := range args {
		id, status, ok := strings.Cut(arg, "=")
		if !ok || strings.TrimSpace(id) == "" {
			return nil, fmt.Errorf("--%s: write ID=STATUS, for example %s (the value given is not shown)", kind, map[string]string{"goal": "G1=in-progress", "action": "A1=done"}[kind])
		}
		canonical, field, err := find(strings.TrimSpace(id))
		if err != nil {
			return nil, err
		}
		status = strings.TrimSpace(status)
		if err := CheckStatus(kind, status, allowed); err != nil {
			return nil, fmt.Errorf("--%s: %w", kind, err)
		}
		if _, dup := set[canonical]; dup {
			return nil, fmt.Errorf("%s %s is given twice", kind, canonical)
		}
		if set == nil {
			set = map[string]S{}
		}
		set[canonical] = S(status)
		*field = S(status)
	}
	return set, nil
}
