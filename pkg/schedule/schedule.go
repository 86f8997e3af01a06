// Package schedule works out what is due on a case under the agency's
// timescales (Clock): first contact and screening, the assessment, an
// agreed plan, monitoring reviews at the interval for the case's risk,
// re-assessment, tasks and services of the plan, and the follow-up after
// closure. `casework due`, `case list --overdue`, the calendar, the CSV
// export and the care plan all use it.
package schedule

import (
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// Kinds of due item.
const (
	Review   = "review"
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

// Overdue reports whether the item's date is before today. A service is
// never overdue: one past its end is Ended.
func (it Item) Overdue(today casefile.Date) bool { return it.Kind != Service && it.Date.Before(today) }

// PhaseSince returns when the case entered its current phase: the time of
// the last phase change in its history, or the opening date.
func PhaseSince(c *casefile.Case) time.Time {
	for i := len(c.History) - 1; i >= 0; i-- {
		if h := c.History[i]; !h.IsAssignment() && h.To == c.Phase {
			return h.At
		}
	}
	return c.Opened.Time()
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
		return casefile.NewDate(PhaseSince(c).Add(interval)), true
	}
	return casefile.Date{}, false
}

// followedUp reports whether a review was recorded after the case was
// closed, which is the follow-up.
func followedUp(c *casefile.Case) bool {
	for _, r := range c.Reviews {
		if !r.At.Before(c.Closure.At) {
			return true
		}
	}
	return false
}
