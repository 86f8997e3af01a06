package caseindex

import (
	"math"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/casetable"
	"github.com/casework/casework/pkg/planning"
)

// summary is what the index keeps of one case: the fields that `case
// list`, `caseload`, `due` and `dupes` read, in a form gob encodes quickly (times
// as nanoseconds, see stamp).
type summary struct {
	ID, Phase, Model, Worker, Client string
	DOB                              int64 // the client's date of birth (for dupes)
	Opened                           int64
	ReferralSource                   string // for export csv, as Figures
	ReferralDate                     int64
	Figures                          casetable.Figures
	History                          []historyEntry
	Assessments                      []assessment
	Actions                          []action
	Reviews                          []review
	Closure                          *closure
	// Agreed is when the client agreed the current plan (reports, and
	// the timescale of an agreed plan).
	Agreed  int64
	Risk    *riskEntry // the current risk only
	Pending []pending
	// Referrals are the steps of the case's referrals, without who
	// recorded them or why (due, and the flow report per provider).
	Referrals []referralStep
	// Members are the household members, for dupes: a person may be a
	// client in one case and a member in another.
	Members []member
}

// member is a household member as dupes compares them.
type member struct {
	ID, Name string
	DOB      int64
	Removed  bool
}

// referralStep is a referral entry without its by and reason.
type referralStep struct {
	At                       int64
	Action, Resource, Status string
}

// riskEntry is the case's current risk record, without its free text.
type riskEntry struct {
	At    int64
	Level string
	Flags []string
}

// pending is a request for approval nobody has decided on yet.
type pending struct {
	What, By string
	At       int64
	Amount   float64
}

// historyEntry is a history entry without who made it; its reason is kept
// only for closings, where it is the closure reason that reports count.
type historyEntry struct {
	At                   int64
	From, To             string
	Assign               bool
	AssignFrom, AssignTo string
	Reason               string
}

// assessment keeps an assessment's time, level and scores: the scores
// are what `casework report outcomes` compares.
type assessment struct {
	At                int64
	Level, Instrument string
	Member            string // the household member assessed; "" for the client
	Scores            map[string]int
}

// action is a planned action that is still to do and has a due date or
// service dates: the only ones the schedule lists.
type action struct {
	ID, Text, Status string
	Due              int64
	Start, End       int64
}

type review struct{ At, Next int64 }

type closure struct {
	At, FollowUp int64
	Reason       string
}

// noTime stands for the zero time.
const noTime = math.MinInt64

// stamp turns a time into nanoseconds since 1970, noTime when unset.
func stamp(t time.Time) int64 {
	if t.IsZero() {
		return noTime
	}
	return t.UnixNano()
}

// unstamp is the inverse of stamp, in UTC.
func unstamp(n int64) time.Time {
	if n == noTime {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

func stampDate(d casefile.Date) int64 { return stamp(d.Time()) }

func unstampDate(n int64) casefile.Date {
	if n == noTime {
		return casefile.Date{}
	}
	return casefile.NewDate(unstamp(n))
}

// summarize keeps what the index needs of c.
func summarize(c *casefile.Case) summary {
	s := summary{ID: c.ID, Phase: c.Phase, Model: c.Model, Worker: c.Worker, Client: c.Client.Name, DOB: stampDate(c.Client.DOB), Opened: stampDate(c.Opened),
		ReferralSource: c.Referral.Source, ReferralDate: stampDate(c.Referral.Date), Figures: casetable.FiguresOf(c.Plan)}
	for _, h := range c.History {
		e := historyEntry{At: stamp(h.At), From: h.From, To: h.To}
		if h.To == casefile.ClosedPhase {
			e.Reason = h.Reason
		}
		if h.Assign != nil {
			e.Assign, e.AssignFrom, e.AssignTo = true, h.Assign.From, h.Assign.To
		}
		s.History = append(s.History, e)
	}
	for _, a := range c.Assessments {
		s.Assessments = append(s.Assessments, assessment{At: stamp(a.At), Level: a.Level, Instrument: a.Instrument, Member: a.Member, Scores: a.Scores})
	}
	if c.IsOpen() {
		for _, g := range c.Plan.Goals {
			for _, a := range g.Actions {
				if a.IsOpen() && (!a.Due.IsZero() || a.IsService()) {
					s.Actions = append(s.Actions, action{ID: a.ID, Text: a.Text, Status: string(a.Status), Due: stampDate(a.Due), Start: stampDate(a.Start), End: stampDate(a.End)})
				}
			}
		}
	}
	for _, r := range c.Reviews {
		s.Reviews = append(s.Reviews, review{At: stamp(r.At), Next: stampDate(r.Next)})
	}
	if c.Closure != nil {
		s.Closure = &closure{At: stamp(c.Closure.At), FollowUp: stampDate(c.Closure.FollowUp), Reason: c.Closure.Reason}
	}
	if r := c.CurrentRisk(); r != nil {
		s.Risk = &riskEntry{At: stamp(r.At), Level: r.Level, Flags: r.Flags}
	}
	s.Agreed = noTime
	if c.Plan.Agreed != nil {
		s.Agreed = stamp(c.Plan.Agreed.At)
	}
	for _, m := range c.Household {
		s.Members = append(s.Members, member{ID: m.ID, Name: m.Name, DOB: stampDate(m.DOB), Removed: !m.Current()})
	}
	for _, a := range planning.Pending(c) {
		s.Pending = append(s.Pending, pending{What: string(a.What), By: a.By, At: stamp(a.At), Amount: a.Amount})
	}
	for _, r := range c.Referrals {
		s.Referrals = append(s.Referrals, referralStep{At: stamp(r.At), Action: r.Action, Resource: r.Resource, Status: string(r.Status)})
	}
	return s
}

// Case rebuilds a partial case from the summary: ID, phase, model,
// worker, client name and date of birth, referral source and date,
// opening, history (without who, or why but for closings), the time,
// level, instrument, member and scores of each assessment, the household
// members' IDs, names, dates of birth and whether they left (without
// when or why), when the plan was
// agreed, the open actions that have a due date (in one goal), the time
// and next date of each review, the closure's time, reason and
// follow-up, the current risk without its text, the steps of its
// referrals without who or why, and the requests for approval still
// pending (the plan's figures for export csv are in
// Figures). That is everything schedule, caseload, reports, due, dupes
// and export csv read, so they work on it as on the whole case.
func (s *summary) Case() *casefile.Case {
	c := &casefile.Case{ID: s.ID, Phase: s.Phase, Model: s.Model, Worker: s.Worker, Opened: unstampDate(s.Opened)}
	c.Client.Name, c.Client.DOB = s.Client, unstampDate(s.DOB)
	c.Referral.Source, c.Referral.Date = s.ReferralSource, unstampDate(s.ReferralDate)
	c.History = make([]casefile.HistoryEntry, len(s.History))
	for i, h := range s.History {
		c.History[i] = casefile.HistoryEntry{At: unstamp(h.At), From: h.From, To: h.To, Reason: h.Reason}
		if h.Assign {
			c.History[i].Assign = &casefile.Assignment{From: h.AssignFrom, To: h.AssignTo}
		}
	}
	// Lists are made at their length: growing them by append would copy
	// these large structs several times over, for each of 100,000 cases.
	if len(s.Assessments) > 0 {
		c.Assessments = make([]casefile.Assessment, len(s.Assessments))
		for i, a := range s.Assessments {
			c.Assessments[i] = casefile.Assessment{At: unstamp(a.At), Level: a.Level, Instrument: a.Instrument, Member: a.Member, Scores: a.Scores}
		}
	}
	if len(s.Actions) > 0 {
		g := casefile.Goal{Actions: make([]casefile.Action, len(s.Actions))}
		for i, a := range s.Actions {
			g.Actions[i] = casefile.Action{ID: a.ID, Text: a.Text, Status: casefile.ActionStatus(a.Status), Due: unstampDate(a.Due), Start: unstampDate(a.Start), End: unstampDate(a.End)}
		}
		c.Plan.Goals = []casefile.Goal{g}
	}
	if len(s.Reviews) > 0 {
		c.Reviews = make([]casefile.Review, len(s.Reviews))
		for i, r := range s.Reviews {
			c.Reviews[i] = casefile.Review{At: unstamp(r.At), Next: unstampDate(r.Next)}
		}
	}
	if s.Closure != nil {
		c.Closure = &casefile.Closure{At: unstamp(s.Closure.At), FollowUp: unstampDate(s.Closure.FollowUp), Reason: s.Closure.Reason}
	}
	if s.Risk != nil {
		c.Risks = []casefile.Risk{{At: unstamp(s.Risk.At), Level: s.Risk.Level, Flags: s.Risk.Flags}}
	}
	if s.Agreed != noTime {
		c.Plan.Agreed = &casefile.Agreement{At: unstamp(s.Agreed)}
	}
	if len(s.Referrals) > 0 {
		c.Referrals = make([]casefile.ReferralEntry, len(s.Referrals))
		for i, r := range s.Referrals {
			c.Referrals[i] = casefile.ReferralEntry{At: unstamp(r.At), Action: r.Action, Resource: r.Resource, Status: casefile.ReferralStatus(r.Status)}
		}
	}
	if len(s.Members) > 0 {
		c.Household = make([]casefile.Member, len(s.Members))
		for i, m := range s.Members {
			c.Household[i] = casefile.Member{ID: m.ID, Name: m.Name, DOB: unstampDate(m.DOB)}
			if m.Removed {
				c.Household[i].Removed = &casefile.Ended{}
			}
		}
	}
	// Pending requests were found on the whole case; a plan request is
	// given the digest of the partial plan, so planning.Pending finds it
	// again here.
	for _, p := range s.Pending {
		a := casefile.Approval{At: unstamp(p.At), By: p.By, What: casefile.ApprovalKind(p.What), Decision: casefile.DecisionRequested, Amount: p.Amount}
		if p.What == string(casefile.ApprovePlan) {
			a.Digest = c.Plan.Digest()
		}
		c.Approvals = append(c.Approvals, a)
	}
	return c
}
