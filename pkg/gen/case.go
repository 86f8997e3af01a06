package gen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/casework/casework/pkg/assess"
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/household"
	"github.com/casework/casework/pkg/planning"
	"github.com/casework/casework/pkg/risk"
	"github.com/casework/casework/pkg/schedule"
	"github.com/casework/casework/pkg/store"
	"github.com/casework/casework/pkg/workflow"
)

// generated is one case and its contact notes.
type generated struct {
	c     *casefile.Case
	notes []casefile.Note
}

// life is a case being lived through: its clock advances step by step and
// stops at the end of the synthetic history.
type life struct {
	a     *agency
	rng   *rand.Rand
	c     *casefile.Case
	t     time.Time
	end   time.Time
	notes []casefile.Note
}

// rngReader turns the random source into bytes for store.NewCaseID.
type rngReader struct{ rng *rand.Rand }

func (r rngReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r.rng.Uint32())
	}
	return len(p), nil
}

// newCase draws case number i: opened some time in the last opts.Years
// years, with a household and network fitting its story, then moved
// through the workflow as far as it got by opts.End.
func (a *agency) newCase(rng *rand.Rand, opts Options, i int) *generated {
	// More recent cases than old ones: the age is skewed towards zero, so
	// that a fair share of cases is still open at the end.
	span := opts.End.Sub(opts.End.AddDate(-opts.Years, 0, 0))
	age := time.Duration(math.Pow(rng.Float64(), 1.5) * float64(span))
	opened := opts.End.Add(-age - time.Hour).Truncate(24 * time.Hour)
	t0 := opened.Add(8*time.Hour + time.Duration(rng.IntN(9*60))*time.Minute)
	id, _ := store.NewCaseID(a.cfg.IDPrefix, opened, rngReader{rng})
	worker := pick(rng, a.holders)
	c := &casefile.Case{
		ID: id, Opened: casefile.NewDate(opened),
		Model: pick(rng, a.cfg.Models), Worker: worker,
		Client:   client(rng, opened),
		Referral: casefile.Referral{Source: pick(rng, sources), Date: casefile.NewDate(opened.AddDate(0, 0, -rng.IntN(10))), Reason: pick(rng, reasons)},
	}
	if err := a.wf.Open(c, t0, worker, "", false); err != nil {
		panic(err) // unreachable: Generate refuses a broken workflow
	}
	if c.Model == "" {
		c.Model = a.cfg.DefaultModel
	}
	a.surround(rng, c, opened, i, opts)
	c.Consents = []casefile.ConsentEntry{
		{At: t0, By: worker, Action: casefile.ConsentGive, Purpose: "services", GivenBy: casefile.ConsentByClient},
		{At: t0, By: worker, Action: casefile.ConsentGive, Purpose: "share", With: []string{casefile.Everyone}, GivenBy: casefile.ConsentByClient},
	}
	if rng.IntN(4) == 0 {
		c.Team = []casefile.TeamMember{{Worker: pick(rng, a.holders), Role: pick(rng, roles)}}
	}
	l := &life{a: a, rng: rng, c: c, t: t0, end: opts.End}
	l.live()
	return &generated{c: c, notes: l.notes}
}

// client draws a client, a tenth of them with a representative.
func client(rng *rand.Rand, opened time.Time) casefile.Client {
	last := pick(rng, lastNames)
	cl := casefile.Client{
		Name:     pick(rng, firstNames) + " " + last,
		DOB:      casefile.NewDate(time.Date(1930+rng.IntN(90), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)),
		Gender:   pick(rng, genders),
		Phone:    fmt.Sprintf("07700 %06d", rng.IntN(1000000)),
		Address:  fmt.Sprintf("%d %s", 1+rng.IntN(200), pick(rng, streets)),
		Language: pick(rng, languages),
	}
	if rng.IntN(10) == 0 {
		cl.Representative = &casefile.Representative{Name: pick(rng, firstNames) + " " + last, Relationship: pick(rng, relations), Phone: fmt.Sprintf("07700 %06d", rng.IntN(1000000))}
	}
	return cl
}

// wait advances the clock by between lo and hi days (and a few hours),
// and reports whether that is still before the end of the history.
func (l *life) wait(lo, hi int) bool {
	d := time.Duration(lo*24)*time.Hour + time.Duration(l.rng.Int64N(int64(time.Duration(hi-lo+1)*24*time.Hour)))
	l.t = l.t.Add(d).Truncate(time.Minute)
	return l.t.Before(l.end)
}

func (l *life) worker() string { return l.c.Worker }

// move records a move; the generator only makes legal ones.
func (l *life) move(to string) bool {
	return l.a.wf.Move(l.c, to, l.t, l.worker(), "") == nil
}

// live walks the case through the workflow until the history ends or the
// case is closed for good.
func (l *life) live() {
	for round := 0; round < 3; round++ {
		if !l.intakeToPlan() || !l.implement() {
			return
		}
		if !l.close() {
			return
		}
		// A few closed cases come back.
		if l.rng.IntN(20) != 0 || !l.wait(30, 400) || l.a.wf.Reopen(l.c, pick(l.rng, []string{"intake", "assessment"}), l.t, l.worker(), "") != nil {
			return
		}
	}
}

// intakeToPlan goes from intake (or a reopening into assessment) to an
// agreed plan, possibly withdrawing early.
func (l *life) intakeToPlan() bool {
	if l.c.Phase == "intake" {
		l.note()
		l.rateRisk()
		if !l.wait(1, 14) {
			return false
		}
		if l.rng.IntN(15) == 0 {
			l.closeAs("client-withdrew") // and nothing more happens
			return false
		}
		l.maybeAssign()
		if !l.move("assessment") {
			return false
		}
	}
	if !l.wait(0, 5) {
		return false
	}
	l.assess()
	l.note()
	if !l.wait(1, 10) || !l.move("planning") {
		return false
	}
	l.plan()
	if !l.wait(1, 7) {
		return false
	}
	by := planning.ByClient
	if l.c.Client.Representative != nil && l.rng.IntN(2) == 0 {
		by = planning.ByRepresentative
	}
	if planning.Agree(l.c, by, l.t) != nil {
		return false
	}
	return l.wait(0, 3) && l.move("implementation")
}

// implement runs the plan: monitoring with regular reviews, sometimes a
// re-assessment.
func (l *life) implement() bool {
	l.note()
	if !l.wait(20, 60) || !l.move("monitoring") {
		return false
	}
	reviews := 1 + l.rng.IntN(8)
	for i := 0; i < reviews; i++ {
		if !l.wait(20, 40) {
			return false
		}
		l.review(i == reviews-1)
		l.moveOut()
		if l.rng.IntN(6) == 0 {
			l.rateRisk()
		}
		l.note()
		l.maybeAssign()
		if l.rng.IntN(25) == 0 {
			if !l.wait(1, 5) || !l.move("assessment") || !l.wait(0, 3) {
				return false
			}
			l.assess()
			return l.wait(1, 5) && l.move("planning") && l.wait(1, 5) && l.move("implementation") && l.implement()
		}
	}
	return true
}

// close ends the case with a reason fitting how it went.
func (l *life) close() bool {
	if !l.wait(1, 20) {
		return false
	}
	reason := casefile.ClosureGoalsMet
	if l.rng.IntN(4) == 0 {
		reason = pick(l.rng, l.a.cfg.ClosureReasons)
	}
	return l.closeAs(reason)
}

func (l *life) closeAs(reason string) bool {
	cl := casefile.Closure{At: l.t, Reason: reason, Evaluation: pick(l.rng, evaluations)}
	if l.rng.IntN(2) == 0 {
		cl.FollowUp = casefile.NewDate(l.t.AddDate(0, 3, 0))
	}
	if risk.IsHighest(l.a.cfg.Risk, l.c) && len(l.a.approvers) > 0 {
		// A case at the highest risk closes only with a supervisor's say.
		l.c.Approvals = append(l.c.Approvals, casefile.Approval{At: l.t, By: pick(l.rng, l.a.approvers), What: casefile.ApproveClosure, Note: "Safety plan handed on"})
	}
	if l.a.wf.CloseChecked(l.c, cl, l.worker(), l.a.cfg.ClosureReasons, workflow.ClosureRulesOf(l.a.cfg)) != nil {
		return false
	}
	l.followUp()
	return true
}

// followUp records the follow-up review of a closed case when it falls
// due before the end of the history, as most agencies manage to.
func (l *life) followUp() {
	for _, it := range l.a.clock.ForCase(l.c) {
		if it.Kind != schedule.FollowUp || l.rng.IntN(30) == 0 {
			continue
		}
		at := it.Date.Time().Add(9*time.Hour + time.Duration(l.rng.IntN(8*60))*time.Minute)
		if !at.Before(l.end) {
			return
		}
		l.t = at
		planning.Review(l.c, planning.ReviewInput{At: at, By: l.worker(), Note: "Follow-up call: " + pick(l.rng, reviewNotes)}, false)
	}
}

// rateRisk records the client's risk: mostly low, some medium, a few high
// with flags and a safety plan; now and then none at all.
func (l *life) rateRisk() {
	levels := l.a.cfg.Risk.Levels
	if len(levels) == 0 || l.rng.IntN(20) == 0 {
		return
	}
	in := risk.Input{At: l.t, By: l.worker(), Level: levels[0], Reason: pick(l.rng, riskReasons)}
	switch n := l.rng.IntN(20); {
	case n == 0:
		in.Level = levels[len(levels)-1]
		in.SafetyPlan = pick(l.rng, safetyPlans)
	case n < 5:
		in.Level = levels[len(levels)/2]
	}
	if in.Level != levels[0] && len(l.a.cfg.Risk.Flags) > 0 {
		in.Flags = []string{pick(l.rng, l.a.cfg.Risk.Flags)}
	}
	if r, err := risk.Record(l.a.cfg.Risk, in); err == nil {
		l.c.Risks = append(l.c.Risks, r)
	}
}

// maybeAssign hands the case to another worker now and then.
func (l *life) maybeAssign() {
	if l.rng.IntN(12) != 0 || len(l.a.holders) < 2 {
		return
	}
	// Assign refuses what the CLI would: a closed case, or the same worker.
	_ = workflow.Assign(l.c, pick(l.rng, l.a.holders), l.t, l.worker(), "caseload rebalance", false)
}

// assess records an assessment of the client on the default instrument
// or another one, and now and then of a member of the household.
func (l *life) assess() {
	ins := l.a.cfg.Assessment.Instruments
	in := ins[0]
	if len(ins) > 1 && l.rng.IntN(4) == 0 {
		in = ins[1]
	}
	l.record(in, "")
	l.assessMember()
}

// record records an assessment of the client (member "") or of a member
// on the instrument. The client's network support is read from the
// recorded network when there is one, and now and then the worker judges
// otherwise, with a reason.
func (l *life) record(in config.Instrument, member string) {
	var scores []string
	for _, d := range in.Domains {
		if l.rng.IntN(3) != 0 {
			scores = append(scores, fmt.Sprintf("%s=%d", d, in.Scale.Min+l.rng.IntN(in.Scale.Max-in.Scale.Min+1)))
		}
	}
	if len(scores) == 0 {
		scores = []string{fmt.Sprintf("%s=%d", in.Domains[0], in.Scale.Max)}
	}
	in2 := assess.Input{At: l.t, By: l.worker(), Scores: scores, Member: member, Risk: risk.Level(l.c), RiskRules: l.a.cfg.Risk}
	switch d := household.Derive(l.c); {
	case member != "":
	case !d.Recorded:
		in2.Network = pick(l.rng, networks)
	default:
		in2.Derived = d.Level
		if l.rng.IntN(8) == 0 {
			if other := pick(l.rng, networks); other != d.Level {
				in2.Network, in2.NetworkReason = other, pick(l.rng, networkReasons)
			}
		}
	}
	for range 1 + l.rng.IntN(2) {
		in2.Strengths = append(in2.Strengths, pick(l.rng, strengths))
	}
	for range 1 + l.rng.IntN(3) {
		in2.Needs = append(in2.Needs, fmt.Sprintf("%s:%s:%s", pick(l.rng, in.Domains), pick(l.rng, priorities), pick(l.rng, needTexts)))
	}
	res, err := assess.Record(in, l.a.cfg.Assessment.Levels, in2)
	if err == nil {
		l.c.Assessments = append(l.c.Assessments, res.Assessment)
	}
}

// plan adds one to three goals with one to three actions each (to the
// goals of an earlier plan, when the case is planned again).
func (l *life) plan() {
	if l.c.Plan.Budget == 0 && l.rng.IntN(3) == 0 {
		l.c.Plan.Budget = float64(500 * (1 + l.rng.IntN(10)))
	}
	domains := l.a.cfg.Assessment.Instruments[0].Domains
	for range 1 + l.rng.IntN(3) {
		g, err := planning.AddGoal(&l.c.Plan, casefile.Goal{
			Text: pick(l.rng, goalTexts), Domain: pick(l.rng, domains),
			Target: casefile.NewDate(l.t.AddDate(0, 3+l.rng.IntN(9), 0)),
		})
		if err != nil {
			continue
		}
		for range 1 + l.rng.IntN(3) {
			a := casefile.Action{Text: pick(l.rng, actionTexts), Responsible: pick(l.rng, responsibles), Due: casefile.NewDate(l.t.AddDate(0, 0, 14+l.rng.IntN(90)))}
			if l.rng.IntN(2) == 0 {
				// A service from a resource, running for one to six months.
				r := pick(l.rng, l.a.resources)
				months := 1 + l.rng.IntN(6)
				a.Resource, a.Cost = r.ID, r.Cost*float64(months)
				a.Start = casefile.NewDate(l.t.AddDate(0, 0, l.rng.IntN(14)))
				a.End, a.Due = a.Start.AddDays(30*months), casefile.Date{}
			}
			planning.AddAction(&l.c.Plan, g.ID, a)
		}
	}
}

// review records a monitoring review that moves goals and actions on.
func (l *life) review(last bool) {
	in := planning.ReviewInput{At: l.t, By: l.worker(), Note: pick(l.rng, reviewNotes), Interval: l.a.clock.ReviewInterval(l.c)}
	for _, g := range l.c.Plan.Goals {
		if g.Status == casefile.GoalAchieved {
			continue
		}
		status := casefile.GoalInProgress
		if last {
			status = casefile.GoalAchieved
		}
		in.Goals = append(in.Goals, g.ID+"="+string(status))
		for _, a := range g.Actions {
			st := casefile.ActionActive
			if last || l.rng.IntN(3) == 0 {
				st = casefile.ActionDone
			}
			in.Actions = append(in.Actions, a.ID+"="+string(st))
		}
	}
	planning.Review(l.c, in, casefile.IsOpenPhase(l.c.Phase))
}

// note writes a contact note now and then.
func (l *life) note() {
	if l.rng.IntN(4) != 0 {
		return
	}
	l.notes = append(l.notes, casefile.Note{At: l.t, By: l.worker(), Kind: pick(l.rng, casefile.NoteKinds), Body: pick(l.rng, noteBodies)})
}
