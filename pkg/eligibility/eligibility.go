// Package eligibility answers one question: do a resource's ages include
// the person an action serves? A resource's min_age and max_age are whole
// years and inclusive (HSDS minimum_age and maximum_age): a resource for
// "12 to 17" serves a person from their 12th birthday until the day
// before their 18th. The person is the client, or the household member
// the action is for; their age is taken on the day the action starts (a
// service's start date), else on the day it is added. A person whose date
// of birth is not recorded is not refused: the check cannot be made, and
// the caller says so.
package eligibility

import (
	"fmt"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/household"
)

// Range describes a resource's ages for messages: "12 to 17", "65 and
// over", "up to 17", or "" when it has no bound.
func Range(r casefile.Resource) string {
	switch {
	case r.MinAge != nil && r.MaxAge != nil:
		return fmt.Sprintf("%d to %d", *r.MinAge, *r.MaxAge)
	case r.MinAge != nil:
		return fmt.Sprintf("%d and over", *r.MinAge)
	case r.MaxAge != nil:
		return fmt.Sprintf("up to %d", *r.MaxAge)
	}
	return ""
}

// CheckRange reports ages no resource can have: a negative one, or a
// minimum above the maximum.
func CheckRange(minAge, maxAge *int) error {
	switch {
	case minAge != nil && *minAge < 0:
		return fmt.Errorf("min_age %d is negative", *minAge)
	case maxAge != nil && *maxAge < 0:
		return fmt.Errorf("max_age %d is negative", *maxAge)
	case minAge != nil && maxAge != nil && *minAge > *maxAge:
		return fmt.Errorf("min_age %d is above max_age %d", *minAge, *maxAge)
	}
	return nil
}

// Person is whom an action serves: Who names them for messages ("the
// client", "member M1"), never with their name.
type Person struct {
	Who    string
	Member string // the member's ID; empty for the client
	DOB    casefile.Date
}

// PersonFor returns the person an action serves in case c: the client
// when member is empty, else that household member, who must be current
// (not removed).
func PersonFor(c *casefile.Case, member string) (Person, error) {
	if member == "" {
		return Person{Who: "the client", DOB: c.Client.DOB}, nil
	}
	m, err := household.FindMember(c, member)
	if err != nil {
		return Person{}, err
	}
	if m.Removed != nil {
		return Person{}, fmt.Errorf("household member %s was removed from the household on %s; an action can serve only a current member", m.ID, m.Removed.At.Format("2006-01-02"))
	}
	return Person{Who: "member " + m.ID, Member: m.ID, DOB: m.DOB}, nil
}

// Verdict is the outcome of Check.
type Verdict int

const (
	// Fits: the resource has no ages, or the person's age is within them.
	Fits Verdict = iota
	// Unknown: the resource has ages but the person's date of birth is
	// not recorded, so they could not be checked.
	Unknown
	// Outside: the person's age is outside the resource's ages.
	Outside
)

// Check says whether p's age on the day on is within r's ages, and for
// Unknown and Outside a one-line message naming the resource's ages and
// whether the person is younger or older, never their date of birth or
// age.
func Check(r casefile.Resource, p Person, on time.Time) (Verdict, string) {
	ages := Range(r)
	if ages == "" {
		return Fits, ""
	}
	age, ok := household.Age(p.DOB, on)
	switch {
	case !ok:
		return Unknown, fmt.Sprintf("%s's date of birth is not recorded, so the ages of resource %s (%s) were not checked", p.Who, r.ID, ages)
	case r.MinAge != nil && age < *r.MinAge:
		return Outside, fmt.Sprintf("resource %s is for ages %s, and %s is younger", r.ID, ages, p.Who)
	case r.MaxAge != nil && age > *r.MaxAge:
		return Outside, fmt.Sprintf("resource %s is for ages %s, and %s is older", r.ID, ages, p.Who)
	}
	return Fits, ""
}

// On is the day an action's eligibility is judged on: its start date
// when it has one, else now.
func On(a casefile.Action, now time.Time) time.Time {
	if !a.Start.IsZero() {
		return a.Start.Time()
	}
	return now
}

// Override is the history entry that records adding action a for p
// although Check found it Outside, and why.
func Override(a casefile.Action, p Person, at time.Time, by, reason string) casefile.HistoryEntry {
	return casefile.HistoryEntry{At: at, By: by, Kind: casefile.HistoryEligibilityOverride, Action: a.ID, With: a.Resource, For: p.Member, Reason: reason}
}
