// Package schedule works out what is due on a case: the next monitoring
// review, the due dates of planned actions, and the follow-up after
// closure. `casework due` and `case list --overdue` both use it.
package schedule

import (
	"github.com/casework/casework/pkg/history"
	"sort"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// Kinds of due item.
const (
	Review   = "review"
	Action   = "action"
	FollowUp = "follow-up"
)

// reviewedPhases are the phases in which a case is reviewed regularly.
var reviewedPhases = map[string]bool{"implementation": true, "monitoring": true}

// Item is one thing due on a case.
type Item struct {
	CaseID string        `json:"case"`
	Worker string        `json:"worker"`
	Kind   string        `json:"kind"`
	Ref    string        `json:"ref,omitempty"` // action ID for actions
	What   string        `json:"what"`
	Date   casefile.Date `json:"date"`
}

// Overdue reports whether the item's date is before today.
func (it Item) Overdue(today casefile.Date) bool { return it.Date.Before(today) }

// ForCase lists what is due on a case, earliest first. interval is the
// agency's review interval.
func ForCase(c *casefile.Case, interval time.Duration) []Item {
	var items []Item
	add := func(kind, ref, what string, d casefile.Date) {
		if !d.IsZero() {
			items = append(items, Item{CaseID: c.ID, Worker: c.Worker, Kind: kind, Ref: ref, What: what, Date: d})
		}
	}
	if !c.IsOpen() {
		if cl := history.Of(c).CurrentClosure(); cl != nil && !followedUp(c, cl) {
			add(FollowUp, "", "follow-up after closure", cl.FollowUp)
		}
		return items
	}
	if next, ok := NextReview(c, interval); ok {
		add(Review, "", "monitoring review", next)
	}
	for _, g := range c.Plan.Goals {
		for _, a := range g.Actions {
			if a.IsOpen() {
				add(Action, a.ID, a.Text, a.Due)
			}
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].Date.Before(items[j].Date) })
	return items
}

// NextReview returns the date of the next monitoring review: the next date
// set at the last review, else one interval after the last review or after
// the case entered its current phase. Only cases being implemented or
// monitored are reviewed on a schedule.
func NextReview(c *casefile.Case, interval time.Duration) (casefile.Date, bool) {
	if len(c.Reviews) > 0 {
		last := c.Reviews[len(c.Reviews)-1]
		if !last.Next.IsZero() {
			return last.Next, true
		}
		if reviewedPhases[c.Phase] {
			return casefile.NewDate(last.At.Add(interval)), true
		}
	}
	if reviewedPhases[c.Phase] {
		return casefile.NewDate(history.Of(c).PhaseSince().Add(interval)), true
	}
	return casefile.Date{}, false
}

// followedUp reports whether a review was recorded after the case was
// closed, which is the follow-up.
func followedUp(c *casefile.Case, cl *casefile.Closure) bool {
	for _, r := range c.Reviews {
		if !r.At.Before(cl.At) {
			return true
		}
	}
	return false
}

// IsOverdue reports whether anything on the case is overdue today.
func IsOverdue(c *casefile.Case, interval time.Duration, today casefile.Date) bool {
	for _, it := range ForCase(c, interval) {
		if it.Overdue(today) {
			return true
		}
	}
	return false
}
