// Package redact removes what identifies the people of a case, so that a
// care plan or summary rendered from it can be shared: the client's,
// representative's, household members' and informal network's fields,
// and any occurrence of their values inside the free-text fields of the
// case. Professionals of the network keep their role and organisation.
package redact

import (
	"maps"
	"slices"

	"github.com/casework/casework/pkg/casefile"
)

// Mark replaces every redacted value.
const Mark = "[redacted]"

// Case returns a redacted deep copy of c; c itself is not changed. Every
// identifying client field is replaced with Mark (dates are cleared), the
// representative keeps only the fact that there is one, and every
// free-text field is scrubbed of the client's identifying values and of
// the parts of their names (see Scrubber). IDs of workers, resources,
// goals and actions are kept: they identify staff and services, not the
// client, and the case ID stands in as the client's identity. keep are
// phrases never scrubbed from free text: the agency's own name and the
// names of its resources and providers (see Scrubber.Keep).
func Case(c *casefile.Case, keep ...string) *casefile.Case {
	s := For(c, keep...)
	out := *c
	out.Team = slices.Clone(c.Team)
	out.Client = redactClient(c.Client, s)
	out.Household = make([]casefile.Member, len(c.Household))
	for i, m := range c.Household {
		out.Household[i] = casefile.Member{ID: m.ID, Name: mark(m.Name), Relationship: s.Text(m.Relationship),
			LivesWith: m.LivesWith, Role: m.Role, Phone: mark(m.Phone), Removed: redactEnded(m.Removed, s)}
	}
	out.Network = make([]casefile.Contact, len(c.Network))
	for i, n := range c.Network {
		n.Provides = slices.Clone(n.Provides)
		for j := range n.Provides {
			n.Provides[j] = s.Text(n.Provides[j])
		}
		n.Relationship, n.Organisation = s.Text(n.Relationship), s.Text(n.Organisation)
		n.Ended = redactEnded(n.Ended, s)
		// Professionals too: they stay known by their role and
		// organisation, which is what a reader of a shared copy needs.
		n.Name, n.Contact = mark(n.Name), mark(n.Contact)
		out.Network[i] = n
	}
	out.Referral.Source = s.Text(c.Referral.Source)
	out.Referral.Reason = s.Text(c.Referral.Reason)
	out.History = make([]casefile.HistoryEntry, len(c.History))
	for i, h := range c.History {
		h.Reason, h.With = s.Text(h.Reason), s.Text(h.With)
		if h.Assign != nil {
			a := *h.Assign
			h.Assign = &a
		}
		out.History[i] = h
	}
	out.Assessments = make([]casefile.Assessment, len(c.Assessments))
	for i, a := range c.Assessments {
		out.Assessments[i] = redactAssessment(a, s)
	}
	out.Plan = redactPlan(c.Plan, s)
	out.Reviews = make([]casefile.Review, len(c.Reviews))
	for i, r := range c.Reviews {
		r.Goals = maps.Clone(r.Goals)
		r.Note = s.Text(r.Note)
		r.ConfidentialNote = s.Text(r.ConfidentialNote)
		out.Reviews[i] = r
	}
	out.Risks = make([]casefile.Risk, len(c.Risks))
	for i, r := range c.Risks {
		r.Flags = slices.Clone(r.Flags)
		r.Reason = s.Text(r.Reason)
		r.SafetyPlan = s.Text(r.SafetyPlan)
		out.Risks[i] = r
	}
	out.Approvals = make([]casefile.Approval, len(c.Approvals))
	for i, a := range c.Approvals {
		a.Note = s.Text(a.Note)
		a.Reason = s.Text(a.Reason)
		out.Approvals[i] = a
	}
	out.Consents = make([]casefile.ConsentEntry, len(c.Consents))
	for i, e := range c.Consents {
		e.With = slices.Clone(e.With)
		for j := range e.With {
			e.With[j] = s.Text(e.With[j])
		}
		e.Basis, e.Reason = s.Text(e.Basis), s.Text(e.Reason)
		out.Consents[i] = e
	}
	out.Referrals = make([]casefile.ReferralEntry, len(c.Referrals))
	for i, e := range c.Referrals {
		e.Reason = s.Text(e.Reason)
		out.Referrals[i] = e
	}
	out.Spending = make([]casefile.SpendEntry, len(c.Spending))
	for i, e := range c.Spending {
		e.Note = s.Text(e.Note)
		out.Spending[i] = e
	}
	if c.Closure != nil {
		cl := *c.Closure
		cl.Reason = s.Text(cl.Reason)
		cl.Evaluation = s.Text(cl.Evaluation)
		out.Closure = &cl
	}
	return &out
}

// For returns the Scrubber of every person of the case: the client, the
// representative, the household members and the people of the network.
// keep are phrases never scrubbed (see Scrubber.Keep and AgencyNames).
// Every output that offers --redact scrubs free text with it.
func For(c *casefile.Case, keep ...string) *Scrubber {
	s := NewScrubber(&c.Client)
	for _, m := range c.Household {
		s.Add(Person{Name: m.Name, DOB: m.DOB, Phone: m.Phone})
	}
	for _, n := range c.Network {
		s.Add(Person{Name: n.Name, Phone: n.Contact, Email: n.Contact})
	}
	s.Keep(keep...)
	return s
}

// redactClient keeps only whether a value was recorded, and the consent.
func redactClient(cl casefile.Client, s *Scrubber) casefile.Client {
	out := casefile.Client{
		Name:     mark(cl.Name),
		Gender:   mark(cl.Gender),
		Phone:    mark(cl.Phone),
		Email:    mark(cl.Email),
		Address:  mark(cl.Address),
		Language: mark(cl.Language),
		Consent:  cl.Consent,
	}
	out.Consent.Scope = s.Text(cl.Consent.Scope)
	if r := cl.Representative; r != nil {
		out.Representative = &casefile.Representative{
			Name:         mark(r.Name),
			Relationship: mark(r.Relationship),
			Phone:        mark(r.Phone),
			Email:        mark(r.Email),
		}
	}
	return out
}

func redactAssessment(a casefile.Assessment, s *Scrubber) casefile.Assessment {
	a.Scores = maps.Clone(a.Scores)
	a.Strengths = slices.Clone(a.Strengths)
	for i := range a.Strengths {
		a.Strengths[i] = s.Text(a.Strengths[i])
	}
	a.NetworkReason = s.Text(a.NetworkReason)
	a.Needs = slices.Clone(a.Needs)
	for i := range a.Needs {
		a.Needs[i].Text = s.Text(a.Needs[i].Text)
	}
	return a
}

func redactPlan(p casefile.Plan, s *Scrubber) casefile.Plan {
	p.Goals = slices.Clone(p.Goals)
	for i := range p.Goals {
		g := &p.Goals[i]
		g.Text = s.Text(g.Text)
		g.Actions = slices.Clone(g.Actions)
		for j := range g.Actions {
			a := &g.Actions[j]
			a.Text = s.Text(a.Text)
			a.Responsible = s.Text(a.Responsible)
			a.Frequency = s.Text(a.Frequency)
		}
	}
	if p.Agreed != nil {
		a := *p.Agreed
		p.Agreed = &a
	}
	return p
}

// AgencyNames are the phrases of an agency's own vocabulary that
// redaction keeps: its name, and the names and providers of its
// resources.
func AgencyNames(agency string, resources map[string]casefile.Resource) []string {
	names := []string{agency}
	for _, r := range resources {
		names = append(names, r.Name, r.Provider)
	}
	return names
}

// redactEnded copies the record of an end with its reason scrubbed.
func redactEnded(e *casefile.Ended, s *Scrubber) *casefile.Ended {
	if e == nil {
		return nil
	}
	out := *e
	out.Reason = s.Text(e.Reason)
	return &out
}

// mark returns Mark for a recorded value and "" for an empty one.
func mark(s string) string {
	if s == "" {
		return ""
	}
	return Mark
}
