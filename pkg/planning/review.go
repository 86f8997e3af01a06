package planning

import (
	"fmt"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// ReviewInput is a monitoring review as given on the command line.
type ReviewInput struct {
	At    time.Time
	By    string
	Goals []string // G=STATUS
	Note  string
	// Next is the next review date; zero means today plus Interval.
	Next     casefile.Date
	Interval time.Duration
}

// Review records a monitoring review on the case: each goal named gets its
// new status, in the review and in the plan. The next review date must
// not be in the past; without one, it is one interval from today. A
// review of a closed case is its follow-up and sets no next date unless
// asked.
func Review(c *casefile.Case, in ReviewInput, open bool) (casefile.Review, error) {
	today := casefile.NewDate(in.At)
	r := casefile.Review{At: in.At, By: in.By, Note: strings.TrimSpace(in.Note), Next: in.Next}
	if r.Next.IsZero() && open {
		r.Next = casefile.NewDate(in.At.Add(in.Interval))
	}
	if r.Next.Before(today) && !r.Next.IsZero() {
		return r, fmt.Errorf("next review %s is in the past: give a date from %s on", r.Next, today)
	}
	for _, arg := range in.Goals {
		id, status, ok := strings.Cut(arg, "=")
		if !ok || strings.TrimSpace(id) == "" {
			return r, fmt.Errorf("--goal %q: write G=STATUS, for example G1=in-progress", arg)
		}
		g, err := FindGoal(&c.Plan, strings.TrimSpace(id))
		if err != nil {
			return r, err
		}
		status = strings.TrimSpace(status)
		if err := CheckStatus("goal", status, GoalStatuses); err != nil {
			return r, fmt.Errorf("--goal %s: %w", arg, err)
		}
		if _, dup := r.Goals[g.ID]; dup {
			return r, fmt.Errorf("goal %s is given twice", g.ID)
		}
		if r.Goals == nil {
			r.Goals = map[string]string{}
		}
		r.Goals[g.ID] = status
		g.Status = status
	}
	c.Reviews = append(c.Reviews, r)
	return r, nil
}
