package schedule

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/history"
)

// Kinds of due item that the agency's timescales add (see Clock).
const (
	FirstContact   = "first-contact"
	Screening      = "screening"
	Assessment     = "assessment"
	AgreedPlan     = "plan"
	Reassessment   = "reassessment"
	Task           = "task"
	Service        = "service"
	ReferralAnswer = "referral-answer"
)

// Phases the timescales look at: the default workflow's names.
const (
	assessmentPhase = "assessment"
	planningPhase   = "planning"
)

// Clock is the agency's timescales (config timescales), read: the
// deadline of every stage of case management. A zero duration switches
// that deadline off.
type Clock struct {
	// Initial is the workflow's initial phase (screening and first contact).
	Initial                        string
	FirstContact, Screening        time.Duration
	Assessment, Plan, Reassessment time.Duration
	ReferralAnswer, FollowUp       time.Duration
	NoFollowUp                     []string
	// Review is the review interval per risk level; ReviewDefault the one
	// for a case with no risk recorded or at a level not listed.
	Review        map[string]time.Duration
	ReviewDefault time.Duration
	// Contacted reports whether a contact with the client (a note) was
	// recorded on the case at or after since. Nil means "not known": no
	// first-contact deadline is set.
	Contacted func(caseID string, since time.Time) bool
}

// NewClock reads the timescales of cfg. An error names the key that is
// not a duration.
func NewClock(cfg *config.Config) (Clock, error) {
	k := Clock{Initial: cfg.Workflow.Initial, NoFollowUp: cfg.Timescales.NoFollowUp, Review: map[string]time.Duration{}}
	var err error
	if k.ReviewDefault, err = config.ParseDuration(cfg.ReviewInterval); err != nil {
		return k, fmt.Errorf("review_interval in %s: %w", config.FileName, err)
	}
	ts := cfg.Timescales
	for _, f := range []struct {
		key   string
		value string
		into  *time.Duration
	}{
		{"first_contact", ts.FirstContact, &k.FirstContact},
		{"screening", ts.Screening, &k.Screening},
		{"assessment", ts.Assessment, &k.Assessment},
		{"plan", ts.Plan, &k.Plan},
		{"reassessment", ts.Reassessment, &k.Reassessment},
		{"referral_answer", ts.ReferralAnswer, &k.ReferralAnswer},
		{"follow_up", ts.FollowUp, &k.FollowUp},
	} {
		if *f.into, err = optional(f.value); err != nil {
			return k, fmt.Errorf("timescales.%s in %s: %w", f.key, config.FileName, err)
		}
	}
	for level, v := range ts.Review {
		d, err := optional(v)
		if err != nil {
			return k, fmt.Errorf("timescales.review.%s in %s: %w", level, config.FileName, err)
		}
		if d > 0 {
			k.Review[level] = d
		}
	}
	return k, nil
}

// optional reads a duration where "" means none.
func optional(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	return config.ParseDuration(s)
}

// ReviewInterval is the review interval that applies to the case: the one
// for its current risk level, else the default.
func (k Clock) ReviewInterval(c *casefile.Case) time.Duration {
	if r := c.CurrentRisk(); r != nil {
		if d, ok := k.Review[r.Level]; ok {
			return d
		}
	}
	return k.ReviewDefault
}

// NextReview is the date of the case's next monitoring review (see the
// package function NextReview) at the interval that applies to it; a risk
// recorded since the last review (or since the case entered its phase)
// brings the review forward to one interval after the risk was recorded.
func (k Clock) NextReview(c *casefile.Case) (casefile.Date, bool) {
	interval := k.ReviewInterval(c)
	next, ok := NextReview(c, interval)
	r := c.CurrentRisk()
	if !ok || r == nil {
		return next, ok
	}
	base := history.Of(c).PhaseSince()
	if n := len(c.Reviews); n > 0 && c.Reviews[n-1].At.After(base) {
		base = c.Reviews[n-1].At
	}
	if r.At.Before(base) {
		return next, ok
	}
	if sooner := casefile.NewDate(r.At.Add(interval)); sooner.Before(next) {
		return sooner, true
	}
	return next, ok
}

// ForCase lists every deadline of the case, earliest first: first contact
// and screening in the initial phase, the assessment, an agreed plan, the
// next review, re-assessment, tasks and services of the plan and the
// answers to referrals sent while it is open, and the follow-up once it
// is closed.
func (k Clock) ForCase(c *casefile.Case) []Item {
	var items []Item
	add := func(kind, ref, what string, d casefile.Date) {
		if !d.IsZero() {
			items = append(items, Item{CaseID: c.ID, Worker: c.Worker, Kind: kind, Ref: ref, What: what, Date: d})
		}
	}
	after := func(t time.Time, d time.Duration) casefile.Date {
		if d <= 0 || t.IsZero() {
			return casefile.Date{}
		}
		return casefile.NewDate(t.Add(d))
	}
	h := history.Of(c)
	if !c.IsOpen() {
		if cl := h.CurrentClosure(); cl != nil && !followedUp(c, cl) {
			d := cl.FollowUp
			if d.IsZero() && !slices.Contains(k.NoFollowUp, cl.Reason) {
				d = after(cl.At, k.FollowUp)
			}
			add(FollowUp, "", "follow-up after closure", d)
		}
		return items
	}
	since := h.PhaseSince()
	var latest *casefile.Assessment
	if as := c.ClientAssessments(); len(as) > 0 {
		latest = &as[len(as)-1]
	}
	switch c.Phase {
	case k.Initial:
		if k.Contacted != nil && !k.contacted(c, since) {
			add(FirstContact, "", "first contact with the client", after(since, k.FirstContact))
		}
		add(Screening, "", "screening decision", after(since, k.Screening))
	case assessmentPhase:
		if latest == nil || latest.At.Before(since) {
			add(Assessment, "", "assessment completed", after(since, k.Assessment))
		}
	}
	if latest != nil && (c.Phase == assessmentPhase || c.Phase == planningPhase) &&
		(c.Plan.Agreed == nil || c.Plan.Agreed.At.Before(latest.At)) {
		add(AgreedPlan, "", "plan agreed with the client", after(latest.At, k.Plan))
	}
	if next, ok := k.NextReview(c); ok {
		add(Review, "", "monitoring review", next)
	}
	if latest != nil && c.Phase != k.Initial && c.Phase != assessmentPhase {
		add(Reassessment, "", "re-assessment", after(latest.At, k.Reassessment))
	}
	for _, g := range c.Plan.Goals {
		for _, a := range g.Actions {
			if !a.IsOpen() {
				continue
			}
			if a.IsService() {
				add(Service, a.ID, a.Text, a.End)
			} else {
				add(Task, a.ID, a.Text, a.Due)
			}
		}
	}
	for _, r := range c.CurrentReferrals() {
		if r.Status.Awaiting() {
			add(ReferralAnswer, r.Action, "answer to the referral to "+r.Resource, k.ReferralAnswerDue(r.At))
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].Date.Before(items[j].Date) })
	return items
}

// contacted reports whether the client was contacted since the case
// entered its phase: a note, an assessment, a risk record or a review.
func (k Clock) contacted(c *casefile.Case, since time.Time) bool {
	for _, a := range c.Assessments {
		if !a.At.Before(since) {
			return true
		}
	}
	for _, r := range c.Risks {
		if !r.At.Before(since) {
			return true
		}
	}
	for _, r := range c.Reviews {
		if !r.At.Before(since) {
			return true
		}
	}
	return k.Contacted(c.ID, since)
}

// ReferralAnswerDue is when a provider's answer to a referral sent at
// sent is due, zero when the agency sets no deadline. ForCase lists an
// item of kind ReferralAnswer at this date for each referral of an open
// case still waiting for its answer.
func (k Clock) ReferralAnswerDue(sent time.Time) casefile.Date {
	if k.ReferralAnswer <= 0 {
		return casefile.Date{}
	}
	return casefile.NewDate(sent.Add(k.ReferralAnswer))
}

// Until lists what is due on the cases on or before until, overdue
// items included, earliest first (then by case, kind and reference). Use
// ByRisk to order them for a caseworker.
func (k Clock) Until(cases []*casefile.Case, until casefile.Date) []Item {
	var items []Item
	for _, c := range cases {
		for _, it := range k.ForCase(c) {
			if !it.Date.After(until) {
				items = append(items, it)
			}
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return itemLess(items[i], items[j]) })
	return items
}

// itemLess orders by date, then case, kind and reference.
func itemLess(a, b Item) bool {
	switch {
	case !a.Date.Time().Equal(b.Date.Time()):
		return a.Date.Before(b.Date)
	case a.CaseID != b.CaseID:
		return a.CaseID < b.CaseID
	case a.Kind != b.Kind:
		return a.Kind < b.Kind
	}
	return refLess(a.Ref, b.Ref)
}

// ByRisk orders items as `due` shows them: risk first, then lateness.
// Items of cases at a higher rank (risk.Priority: the case's current
// risk, then its level of attention) come first; within a rank, the earliest
// (the most overdue) first.
func ByRisk(items []Item, rank func(caseID string) int) {
	ranks := make(map[string]int)
	for _, it := range items {
		if _, ok := ranks[it.CaseID]; !ok {
			ranks[it.CaseID] = rank(it.CaseID)
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		if ri, rj := ranks[items[i].CaseID], ranks[items[j].CaseID]; ri != rj {
			return ri > rj
		}
		return itemLess(items[i], items[j])
	})
}

// Overdue reports whether anything on the case is overdue today. A
// service past its end is not overdue: it is listed for review.
func (k Clock) Overdue(c *casefile.Case, today casefile.Date) bool {
	for _, it := range k.ForCase(c) {
		if it.Overdue(today) {
			return true
		}
	}
	return false
}

// Ended reports whether the item is a service whose end has passed while
// it is still planned or active: "ended? review it".
func (it Item) Ended(today casefile.Date) bool {
	return it.Kind == Service && it.Date.Before(today)
}
