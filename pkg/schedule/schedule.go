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
	"github.com/casework/casework/pkg/history"
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
// closed, which is the follow-up. A review in the same second as the
// closure is the last one before it (a script that reviews and closes at
// once), not the follow-up.
func followedUp(c *casefile.Case, cl *casefile.Closure) bool {
	for _, r := range c.Reviews {
		if r.At.After(cl.At) {
			return true
		}
	}
	return false
}
