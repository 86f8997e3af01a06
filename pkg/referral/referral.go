// Package referral holds the course of a referral of a plan's action to
// its provider (SPEC section 12): which status may follow which, what a
// step needs, and what a step does to the action. It is the one home of
// that rule; casework refer, casework referral and validate ask it.
//
//	(none) ──refer──▶ sent ──▶ accepted ──▶ started ──▶ ended
//	                   │  ▲        ▲
//	                   │  └─ waitlisted ──▶ declined
//	                   └──────────────────▶ declined
//
// declined and ended close the referral; the action may then be referred
// again (sent).
package referral

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/planning"
)

// course maps a referral's status ("" for none yet) to the statuses that
// may follow it.
var course = map[casefile.ReferralStatus][]casefile.ReferralStatus{
	"":                          {casefile.ReferralSent},
	casefile.ReferralSent:       {casefile.ReferralAccepted, casefile.ReferralDeclined, casefile.ReferralWaitlisted},
	casefile.ReferralWaitlisted: {casefile.ReferralAccepted, casefile.ReferralDeclined},
	casefile.ReferralAccepted:   {casefile.ReferralStarted},
	casefile.ReferralStarted:    {casefile.ReferralEnded},
	casefile.ReferralDeclined:   {casefile.ReferralSent},
	casefile.ReferralEnded:      {casefile.ReferralSent},
}

// Next returns the statuses that may follow from ("" when the action was
// never referred).
func Next(from casefile.ReferralStatus) []casefile.ReferralStatus {
	return course[from]
}

// Legal reports whether a referral at from may move to to.
func Legal(from, to casefile.ReferralStatus) bool {
	return slices.Contains(course[from], to)
}

// Answers are the statuses `casework referral` records: everything but
// sent, which `casework refer` records with the letter.
var Answers = []string{string(casefile.ReferralAccepted), string(casefile.ReferralDeclined), string(casefile.ReferralWaitlisted), string(casefile.ReferralStarted), string(casefile.ReferralEnded)}

// Record checks the entry e against the course of its action's referral
// and appends it to the case: the action must exist and still be open
// (planned or active), the move must be legal, a decline needs a
// reason, and the entry must not be dated before the referral's last
// step. A sent entry takes the action's resource; an answer repeats the
// resource it answers for. What a step does to the action (see Effect)
// is applied. Errors say how to proceed.
func Record(c *casefile.Case, e casefile.ReferralEntry) (casefile.ReferralEntry, error) {
	a, err := planning.FindAction(&c.Plan, e.Action)
	if err != nil {
		return e, err
	}
	e.Action = a.ID
	cur, referred := c.ReferralOf(a.ID)
	switch {
	case !e.Status.Known():
		return e, fmt.Errorf("%q is not a referral status: use one of %s", e.Status, strings.Join(Answers, ", "))
	case e.Status == casefile.ReferralSent && !c.IsOpen():
		return e, fmt.Errorf("case %s is closed: reopen it with 'casework case reopen %s --reason R' before referring", c.ID, c.ID)
	case e.Status == casefile.ReferralSent && !a.IsOpen():
		return e, fmt.Errorf("action %s of case %s is %s: only a planned or active action is referred", a.ID, c.ID, a.Status)
	case e.Status == casefile.ReferralSent && a.Resource == "":
		return e, fmt.Errorf("action %s of case %s has no resource to refer to; give it one with 'casework plan action set'", a.ID, c.ID)
	case !Legal(cur.Status, e.Status):
		return e, illegal(c, a.ID, cur.Status, e.Status, referred)
	case e.Status == casefile.ReferralDeclined && strings.TrimSpace(e.Reason) == "":
		return e, fmt.Errorf("a declined referral needs the provider's reason: add --reason R")
	case referred && e.At.Before(cur.At):
		return e, fmt.Errorf("the referral of action %s was last recorded at %s; a later step cannot be dated before it", a.ID, cur.At.UTC().Format(time.RFC3339))
	}
	if e.Status == casefile.ReferralSent {
		e.Resource = a.Resource
	} else {
		e.Resource = cur.Resource
	}
	if s, ok := Effect(e.Status, a.Status); ok {
		a.Status = s
	}
	c.Referrals = append(c.Referrals, e)
	return e, nil
}

// Effect is what a referral step does to its action's status, and false
// when it leaves it alone: a declined referral reopens the action's
// planning (an active action goes back to planned, to find another
// provider; a cancelled or done one stays as it is), a started
// service makes a planned action active, an ended service makes an open
// action done.
func Effect(step casefile.ReferralStatus, action casefile.ActionStatus) (casefile.ActionStatus, bool) {
	switch {
	case step == casefile.ReferralDeclined && action == casefile.ActionActive:
		return casefile.ActionPlanned, true
	case step == casefile.ReferralStarted && action == casefile.ActionPlanned:
		return casefile.ActionActive, true
	case step == casefile.ReferralEnded && action.IsOpen():
		return casefile.ActionDone, true
	}
	return action, false
}

// illegal explains a move the course does not allow, naming the moves it
// does.
func illegal(c *casefile.Case, action string, from, to casefile.ReferralStatus, referred bool) error {
	if !referred {
		return fmt.Errorf("action %s of case %s was never referred: send the referral first with 'casework refer %s --action %s'", action, c.ID, c.ID, action)
	}
	var next []string
	for _, s := range Next(from) {
		if s == casefile.ReferralSent {
			next = append(next, "sent again (casework refer)")
			continue
		}
		next = append(next, string(s))
	}
	if to == casefile.ReferralSent {
		return fmt.Errorf("the referral of action %s of case %s is %s, not yet answered or ended; it can next be %s", action, c.ID, from, strings.Join(next, " or "))
	}
	return fmt.Errorf("the referral of action %s of case %s is %s and cannot become %s; it can next be %s", action, c.ID, from, to, strings.Join(next, " or "))
}

// Awaiting returns the referrals of the case still waiting for the
// provider's answer: those whose latest step is sent.
func Awaiting(c *casefile.Case) []casefile.ReferralEntry {
	var out []casefile.ReferralEntry
	for _, e := range c.CurrentReferrals() {
		if e.Status.Awaiting() {
			out = append(out, e)
		}
	}
	return out
}

// CheckHistory reports each entry of the case's referrals that breaks
// the course, by index: an unknown action, an illegal move, a decline
// without reason, or a step dated before the one it follows.
func CheckHistory(c *casefile.Case) map[int]error {
	probs := map[int]error{}
	replay := &casefile.Case{ID: c.ID, Plan: clonePlan(c.Plan)}
	for i, e := range c.Referrals {
		if e.Status == casefile.ReferralSent {
			// The action may since have changed (done, or another
			// resource): a sent entry is checked against the course only.
			if a, err := planning.FindAction(&replay.Plan, e.Action); err == nil {
				a.Status, a.Resource = casefile.ActionPlanned, "-"
			}
		}
		if _, err := Record(replay, e); err != nil {
			probs[i] = err
		}
	}
	return probs
}

// clonePlan copies the plan's goals and actions, so a replay may change
// statuses without touching the case.
func clonePlan(p casefile.Plan) casefile.Plan {
	out := p
	out.Goals = make([]casefile.Goal, len(p.Goals))
	for i, g := range p.Goals {
		out.Goals[i] = g
		out.Goals[i].Actions = slices.Clone(g.Actions)
	}
	return out
}
