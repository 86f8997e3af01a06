package careplan

import (
	"cmp"
	"fmt"
	"github.com/casework/casework/pkg/history"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/assess"
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/consent"
	"github.com/casework/casework/pkg/household"
	"github.com/casework/casework/pkg/redact"
	"github.com/casework/casework/pkg/schedule"
)

// Input is what Build reads.
type Input struct {
	Case      *casefile.Case
	Config    *config.Config
	Workers   map[string]casefile.Worker
	Resources map[string]casefile.Resource
	Today     casefile.Date
	// Redact removes what identifies the client (see package redact).
	Redact bool
	// Professional is set for the professional summary (case-summary),
	// the one document that shows what is recorded as confidential;
	// every other document leaves it out.
	Professional bool
	// Action is the ID of the action the template is about (a referral),
	// or "" for none.
	Action string
	// ConsentOverride is set when a referral letter is written without
	// consent to share, under a duty recorded in the case's history.
	ConsentOverride bool
}

// Build assembles the data of a care plan. It fails when the review
// interval in the configuration is not a duration or when Action names no
// action of the case.
func Build(in Input) (*Data, error) {
	c := in.Case
	clock, err := schedule.NewClock(in.Config)
	if err != nil {
		return nil, err
	}
	shown := c
	if in.Redact {
		shown = redact.Case(c, redact.AgencyNames(in.Config.Agency, in.Resources)...)
	}
	b := builder{in: in}
	d := &Data{
		Agency:    in.Config.Agency,
		Contacts:  AgencyContacts{Crisis: in.Config.CrisisContact, Complaints: in.Config.ComplaintsContact},
		ShowCosts: in.Config.CarePlan.ShowCosts,
		Today:     in.Today,
		Redacted:  in.Redact,
		Case: CaseInfo{
			ID:         c.ID,
			Phase:      c.Phase,
			PhaseSince: casefile.NewDate(history.Of(c).PhaseSince()),
			Model:      c.Model,
			Opened:     c.Opened,
			Open:       c.IsOpen(),
		},
		Worker:   b.person(c.Worker, ""),
		Client:   b.client(shown.Client),
		Referral: shown.Referral,
		Goals:    b.goals(c, shown),
		Cost:     costOf(c, in.Config.Currency),
		Reviews:  b.reviews(c, shown, clock),
	}
	if r := shown.CurrentRisk(); r != nil {
		d.Risk = &RiskInfo{Level: r.Level, Flags: r.Flags, Reason: r.Reason, SafetyPlan: r.SafetyPlan, At: r.At,
			By: b.person(r.By, ""), Highest: r.Level == in.Config.Risk.Highest(), Records: len(c.Risks)}
		if in.Redact {
			// What was disclosed and the safety plan (where a person at
			// risk may go) never leave in a copy made to be shared.
			d.Risk.Reason, d.Risk.SafetyPlan = markIfSet(r.Reason), markIfSet(r.SafetyPlan)
		}
	}
	for _, m := range c.Team {
		d.Team = append(d.Team, b.person(m.Worker, m.Role))
	}
	if as := shown.ClientAssessments(); len(as) > 0 {
		d.Assessment = b.assessment(as)
		d.Needs = prioritised(as[len(as)-1].Needs)
	}
	for _, m := range shown.Household {
		var of []casefile.Assessment
		for _, a := range shown.MemberAssessments() {
			if a.Member == m.ID {
				of = append(of, a)
			}
		}
		if len(of) > 0 {
			d.MemberAssessments = append(d.MemberAssessments, MemberAssessment{Member: m, AssessmentInfo: b.assessment(of)})
		}
	}
	if a := c.Plan.Agreed; a != nil {
		d.Agreement = &AgreementInfo{By: a.By, At: a.At, Current: c.Plan.AgreementCurrent()}
	}
	digest := c.Plan.Digest()
	for _, a := range shown.Approvals {
		if !a.Grants() {
			continue // requests and rejections are not approvals
		}
		d.Approvals = append(d.Approvals, ApprovalInfo{
			At: a.At, By: b.person(a.By, ""), What: string(a.What), Amount: a.Amount, Note: a.Note,
			Current: a.What != casefile.ApprovePlan || a.Digest == digest,
		})
	}
	for _, h := range history.Of(shown).ConsentOverrides() {
		d.Overrides = append(d.Overrides, OverrideInfo{At: h.At, By: b.person(h.By, ""), Action: h.Action, With: h.With, Reason: h.Reason})
	}
	if cl := history.Of(shown).CurrentClosure(); cl != nil {
		d.Closure = &ClosureInfo{Closure: *cl, Days: int(cl.At.Sub(c.Opened.Time()).Hours() / 24)}
	}
	for _, m := range shown.Household {
		if m.Current() {
			d.Household = append(d.Household, m)
		}
	}
	for _, kind := range casefile.ContactKinds {
		for _, n := range shown.Network {
			if n.Current() && n.Kind == kind {
				d.Network = append(d.Network, n)
				if n.Strength != casefile.TieStressful {
					d.Supports = append(d.Supports, n)
				}
			}
		}
	}
	if len(d.Household)+len(d.Network) > 0 {
		d.EcoMap = household.EcoMap(c, in.Redact)
	}
	if in.Action != "" {
		if d.Action, err = selectAction(d, in.Action); err != nil {
			return nil, fmt.Errorf("case %s: %w", c.ID, err)
		}
		b.referral(d.Action, shown)
	}
	return d, nil
}

type builder struct{ in Input }

// markIfSet is redact.Mark for a value that is set, else "".
func markIfSet(s string) string {
	if s == "" {
		return ""
	}
	return redact.Mark
}

// person resolves a worker ID; role, when given, is their role on the
// case.
func (b builder) person(id, role string) Person {
	w, ok := b.in.Workers[id]
	if !ok {
		return Person{ID: id, Name: id, Role: role}
	}
	return Person{ID: id, Name: w.Name, Role: cmp.Or(role, w.Role), Team: w.Team, Email: w.Email, Phone: w.Phone}
}

func (b builder) client(cl casefile.Client) ClientInfo {
	info := ClientInfo{
		Name: cl.Name, Gender: cl.Gender, Phone: cl.Phone, Email: cl.Email,
		Address: cl.Address, Language: cl.Language,
		Representative: cl.Representative,
	}
	c := b.in.Case
	end := b.in.Today.Time().AddDate(0, 0, 1).Add(-time.Nanosecond)
	info.Consent = consent.Summary(c, b.in.Config.Consent.Purposes, end)
	info.ConsentToServices = consent.At(c, consent.Services, consent.Everyone, end).InForce
	switch {
	case b.in.Redact:
		info.Born = redact.Mark
	case !cl.DOB.IsZero():
		years, _ := household.Age(cl.DOB, b.in.Today.Time())
		info.Born = fmt.Sprintf("%s (age %d)", cl.DOB, years)
	}
	return info
}

// assessment describes the latest of the case's assessments (all, in
// time order): its scores set against each domain's first score with the
// same instrument, and the strengths of every assessment.
func (b builder) assessment(all []casefile.Assessment) *AssessmentInfo {
	a := all[len(all)-1]
	info := &AssessmentInfo{
		At: a.At, By: b.person(a.By, ""), Instrument: a.Instrument, InstrumentID: a.Instrument,
		Strengths: strengths(all), Network: a.Network, Level: a.Level, NumAssessments: len(all),
	}
	inst, ok := b.in.Config.Assessment.Instrument(a.Instrument)
	if ok && inst.Name != "" {
		info.Instrument = inst.Name
	}
	label := func(s int) string {
		if ok && assess.IsNA(inst, s) {
			return "not applicable"
		}
		return inst.Labels[s]
	}
	for _, domain := range orderedDomains(a.Scores, inst.Domains) {
		s := a.Scores[domain]
		sc := Score{Domain: domain, Score: s, Label: label(s)}
		if first, found := firstScore(all[:len(all)-1], a.Instrument, domain, inst, ok); found && !(ok && assess.IsNA(inst, s)) {
			sc.HasFirst, sc.First, sc.FirstLabel = true, first, label(first)
			sc.Change = [...]string{"worse", "same", "better"}[assess.Direction(inst, first, s)+1]
			info.Compared = true
		}
		info.Scores = append(info.Scores, sc)
	}
	return info
}

// firstScore is the first score of domain among earlier assessments with
// the same instrument, not counting scores of not applicable.
func firstScore(earlier []casefile.Assessment, instrument, domain string, inst config.Instrument, known bool) (int, bool) {
	for _, a := range earlier {
		s, scored := a.Scores[domain]
		if a.Instrument == instrument && scored && !(known && assess.IsNA(inst, s)) {
			return s, true
		}
	}
	return 0, false
}

// strengths gathers the strengths of every assessment, newest first, each
// once however often it was recorded (compared without case or spacing).
func strengths(all []casefile.Assessment) []string {
	var out []string
	seen := map[string]bool{}
	for i := len(all) - 1; i >= 0; i-- {
		for _, s := range all[i].Strengths {
			k := strings.Join(strings.Fields(strings.ToLower(s)), " ")
			if k != "" && !seen[k] {
				seen[k] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// orderedDomains lists the scored domains in the instrument's order, then
// any others alphabetically.
func orderedDomains(scores map[string]int, order []string) []string {
	var out, rest []string
	for _, d := range order {
		if _, ok := scores[d]; ok {
			out = append(out, d)
		}
	}
	for d := range scores {
		if !slices.Contains(order, d) {
			rest = append(rest, d)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// prioritised returns a copy of the needs, highest priority first.
func prioritised(needs []casefile.Need) []casefile.Need {
	out := slices.Clone(needs)
	assess.SortNeeds(out)
	return out
}

// goals pairs the plan as recorded (for IDs) with the plan as shown (for
// text, which may be redacted).
func (b builder) goals(c, shownCase *casefile.Case) []GoalInfo {
	orig, shown := c.Plan, shownCase.Plan
	var out []GoalInfo
	for i, g := range shown.Goals {
		info := GoalInfo{ID: g.ID, Text: g.Text, Domain: g.Domain, Target: g.Target, Status: string(g.Status)}
		for j, a := range g.Actions {
			act := ActionInfo{
				ID: a.ID, Text: a.Text, ResourceID: a.Resource, Responsible: a.Responsible,
				Cost: a.Cost, Start: a.Start, End: a.End, Due: a.Due, Status: string(a.Status), Service: a.IsService(),
				Units: a.Units, Frequency: a.Frequency, Spent: c.Spent(orig.Goals[i].Actions[j].ID),
			}
			if r, ok := c.ReferralOf(orig.Goals[i].Actions[j].ID); ok {
				act.Referral = string(r.Status)
			}
			if a.IsOpen() {
				act.Overdue = !act.Service && !a.Due.IsZero() && a.Due.Before(b.in.Today)
				act.Ended = act.Service && !a.End.IsZero() && a.End.Before(b.in.Today)
			}
			if r, ok := b.in.Resources[a.Resource]; ok {
				act.Resource = &r
			}
			if w, ok := b.in.Workers[orig.Goals[i].Actions[j].Responsible]; ok {
				act.Responsible = w.Name
			}
			act.ClientTask = IsClientTask(c, orig.Goals[i].Actions[j])
			for k, m := range c.Household {
				if a.For != "" && strings.EqualFold(m.ID, a.For) {
					act.For = shownCase.Household[k].Name
				}
			}
			if !act.ClientTask {
				act.Who = act.Responsible
				if strings.EqualFold(strings.TrimSpace(act.Who), "provider") {
					act.Who = "" // the resource's provider, named below
				}
				if act.Who == "" && act.Resource != nil {
					act.Who = cmp.Or(act.Resource.Provider, act.Resource.Name)
				}
			}
			info.Actions = append(info.Actions, act)
		}
		out = append(out, info)
	}
	return out
}

// costOf is the plan's money (casefile.Money) as the templates get it.
func costOf(c *casefile.Case, currency string) CostInfo {
	m := c.Money()
	info := CostInfo{Total: m.Committed, Budget: m.Budget, Committed: m.Committed, Spent: m.Spent, Remaining: m.Remaining, Currency: currency}
	if m.Budget > 0 && m.Remaining < 0 {
		info.Over, info.OverBy = true, -m.Remaining
	}
	return info
}

// reviews gives the schedule, worked out on the case as recorded, and the
// latest reviews as shown.
func (b builder) reviews(c, shown *casefile.Case, clock schedule.Clock) ReviewInfo {
	info := ReviewInfo{Interval: every(clock.ReviewInterval(c)), Count: len(c.Reviews)}
	if next, ok := clock.NextReview(c); ok && c.IsOpen() {
		info.Next = next
		info.Overdue = next.Before(b.in.Today)
	}
	for i := len(shown.Reviews) - 1; i >= 0 && len(info.Last) < LastReviews; i-- {
		r := shown.Reviews[i]
		e := ReviewEntry{At: r.At, By: b.person(r.By, ""), Note: r.Note, Next: r.Next}
		if b.in.Professional {
			e.Confidential = r.ConfidentialNote
		}
		for _, g := range slices.Sorted(maps.Keys(r.Goals)) {
			e.Goals = append(e.Goals, GoalStatus{Goal: g, Status: string(r.Goals[g])})
		}
		info.Last = append(info.Last, e)
	}
	return info
}

// selectAction finds the action with the given ID (letter case ignored).
func selectAction(d *Data, id string) (*Selected, error) {
	var ids []string
	for _, g := range d.Goals {
		for _, a := range g.Actions {
			if strings.EqualFold(a.ID, id) {
				s := &Selected{Goal: g, Action: a}
				for _, n := range d.Needs {
					if g.Domain != "" && n.Domain == g.Domain {
						s.Needs = append(s.Needs, n)
					}
				}
				return s, nil
			}
			ids = append(ids, a.ID)
		}
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("no action %q: the plan has no actions yet", id)
	}
	return nil, fmt.Errorf("no action %q in the plan; its actions are %s", id, strings.Join(ids, ", "))
}

// every says how often something happens: "30 days", "day", "36 hours".
func every(d time.Duration) string {
	day := 24 * time.Hour
	switch {
	case d == day:
		return "day"
	case d%day == 0:
		return fmt.Sprintf("%d days", d/day)
	case d == time.Hour:
		return "hour"
	}
	return fmt.Sprintf("%d hours", d/time.Hour)
}

// referral completes the selected action of a referral letter: the needs
// of the goal's domain as last assessed (a re-assessment that recorded no
// need in the domain does not erase them), the household member it
// serves, and the consent it is shared on.
func (b builder) referral(sel *Selected, shown *casefile.Case) {
	c := b.in.Case
	for i := len(shown.Assessments) - 1; i >= 0 && len(sel.Needs) == 0 && sel.Goal.Domain != ""; i-- {
		for _, n := range prioritised(shown.Assessments[i].Needs) {
			if n.Domain == sel.Goal.Domain {
				sel.Needs = append(sel.Needs, n)
			}
		}
	}
	for _, g := range c.Plan.Goals {
		for _, a := range g.Actions {
			if !strings.EqualFold(a.ID, sel.Action.ID) {
				continue
			}
			if a.For != "" {
				for i, m := range c.Household {
					if strings.EqualFold(m.ID, a.For) {
						m := shown.Household[i]
						sel.For = &m
					}
				}
			}
			end := b.in.Today.Time().AddDate(0, 0, 1).Add(-time.Nanosecond)
			st := shareConsent(c, a, b.in.Resources[a.Resource], end)
			switch {
			case b.in.ConsentOverride && !st.InForce:
				sel.Override = true
			case st.InForce:
				sel.Consent = "given by the client"
				if st.Entry.GivenBy == casefile.ConsentByRepresentative {
					sel.Consent = "given by the client's representative"
				}
				sel.Consent += " on " + casefile.NewDate(st.Entry.At).String()
				if !st.Entry.Until.IsZero() {
					sel.Consent += ", until " + st.Entry.Until.String()
				}
			}
		}
	}
}
