package fhir

import (
	"github.com/casework/casework/pkg/history"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/redact"
)

// Identifier systems of casework's business identifiers.
const (
	SystemCase     = "urn:casework:case"
	SystemClient   = "urn:casework:client"
	SystemGoal     = "urn:casework:goal"
	SystemWorker   = "urn:casework:worker"
	SystemResource = "urn:casework:resource"
)

// achievementSystem is the code system of Goal.achievementStatus.
const achievementSystem = "http://terminology.hl7.org/CodeSystem/goal-achievement"

// Input is what a bundle is built from.
type Input struct {
	Case      *casefile.Case
	Workers   map[string]casefile.Worker
	Resources map[string]casefile.Resource
	Agency    string
	Initial   string // the workflow's initial phase
	Now       time.Time
	// Redact leaves the client's identifying data out: the Patient holds
	// only its identifier, and free text is scrubbed as render --redact
	// does.
	Redact bool
}

// builder holds what every resource of one bundle shares.
type builder struct {
	in      Input
	c       *casefile.Case
	patient Reference
}

// name is the UUID name of a resource of the case: "<case>/<kind>[/<sub>]".
func (b *builder) name(kind string, sub ...string) string {
	return strings.Join(append([]string{b.c.ID, kind}, sub...), "/")
}

// Build returns the case as a Bundle of type collection: its
// EpisodeOfCare, CarePlan, one Goal per goal, one ServiceRequest per
// action referred (servicerequest.go), a Flag with the current risk (when
// one is recorded), a RelatedPerson per household member and informal
// network person, and the Patient they are about. fullUrls are urn:uuid URNs derived from the case ID, so the same
// case always gives the same URNs.
func Build(in Input) *Bundle {
	c := in.Case
	if in.Redact {
		c = redact.Case(c, redact.AgencyNames(in.Agency, in.Resources)...)
	}
	b := &builder{in: in, c: c}
	patientURN := URN(b.name("patient"))
	b.patient = Reference{Reference: patientURN}
	bundle := &Bundle{ResourceType: "Bundle", ID: UUID(b.name("bundle")), Type: "collection", Timestamp: stamp(in.Now)}
	add := func(urn string, r any) { bundle.Entry = append(bundle.Entry, Entry{FullURL: urn, Resource: r}) }
	add(URN(b.name("episode")), b.episode())
	add(URN(b.name("careplan")), b.carePlan())
	for _, g := range c.Plan.Goals {
		add(URN(b.name("goal", g.ID)), b.goal(g))
	}
	for _, s := range b.serviceRequests() {
		add("urn:uuid:"+s.ID, s)
	}
	if f := b.riskFlag(); f != nil {
		add(URN(b.name("risk")), f)
	}
	b.relatedPersons(add)
	add(patientURN, b.patientResource(in.Case.Client))
	return bundle
}

func (b *builder) episode() *EpisodeOfCare {
	c := b.c
	e := &EpisodeOfCare{
		ResourceType:  "EpisodeOfCare",
		ID:            UUID(b.name("episode")),
		Identifier:    []Identifier{{System: SystemCase, Value: c.ID}},
		Status:        episodeStatus(c.Phase, b.in.Initial, b.plannedCare(len(c.History))),
		StatusHistory: b.statusHistory(),
		Patient:       b.patient,
		Period:        Period{Start: c.Opened.String()},
		CareManager:   b.worker(c.Worker),
	}
	if c.Model != "" {
		e.Type = []CodeableConcept{{Text: c.Model}}
	}
	if b.in.Agency != "" {
		e.ManagingOrganization = &Reference{Display: b.in.Agency}
	}
	if cl := history.Of(c).CurrentClosure(); cl != nil {
		e.Period.End = stamp(cl.At)
	}
	return e
}

// plannedCare reports whether, in the first n history entries, the case
// went past intake and assessment since it was last (re)opened.
func (b *builder) plannedCare(n int) bool {
	planned := false
	for _, h := range b.c.History[:n] {
		switch {
		case !history.IsPhaseChange(h):
		case beforeCare(h.To, b.in.Initial):
			if history.IsOpening(h) || history.IsReopening(h) {
				planned = false
			}
		case casefile.IsOpenPhase(h.To):
			planned = true
		}
	}
	return planned
}

// statusHistory lists the statuses the episode went through, one period
// each, from the phase changes in the case's history; consecutive phases
// with the same status make one period, and the current one is open.
func (b *builder) statusHistory() []StatusHistory {
	var out []StatusHistory
	for i, h := range b.c.History {
		if !history.IsPhaseChange(h) {
			continue
		}
		status := episodeStatus(h.To, b.in.Initial, b.plannedCare(i+1))
		at := stamp(h.At)
		if n := len(out); n > 0 {
			if out[n-1].Status == status {
				continue
			}
			out[n-1].Period.End = at
		}
		out = append(out, StatusHistory{Status: status, Period: Period{Start: at}})
	}
	return out
}

func (b *builder) carePlan() *CarePlan {
	c := b.c
	p := &CarePlan{
		ResourceType: "CarePlan",
		ID:           UUID(b.name("careplan")),
		Identifier:   []Identifier{{System: SystemCase, Value: c.ID}},
		Status:       carePlanStatus(c),
		Intent:       "plan",
		Title:        "Care plan",
		Subject:      b.patient,
		Author:       b.worker(c.Worker),
	}
	var period Period
	if c.Plan.Agreed != nil {
		period.Start = stamp(c.Plan.Agreed.At)
	}
	if cl := history.Of(c).CurrentClosure(); cl != nil {
		period.End = stamp(cl.At)
	}
	if period != (Period{}) {
		p.Period = &period
	}
	for _, g := range c.Plan.Goals {
		goalRef := Reference{Reference: URN(b.name("goal", g.ID))}
		p.Goal = append(p.Goal, goalRef)
		for _, a := range g.Actions {
			p.Activity = append(p.Activity, Activity{Detail: b.activity(a, goalRef)})
		}
	}
	return p
}

// activity describes an action: a ServiceRequest when it uses a community
// resource, else a Task; performed by the resource and by whoever is
// responsible.
func (b *builder) activity(a casefile.Action, goal Reference) ActivityDetail {
	d := ActivityDetail{Kind: "Task", Goal: []Reference{goal}, Status: activityStatus(a.Status), Description: a.Text}
	if a.Resource != "" {
		d.Kind = "ServiceRequest"
		d.Performer = append(d.Performer, b.resource(a.Resource))
	}
	if r := b.responsible(a.Responsible); r != nil {
		d.Performer = append(d.Performer, *r)
	}
	switch {
	case a.IsService():
		d.ScheduledPeriod = &Period{Start: a.Start.String(), End: a.End.String()}
	case !a.Due.IsZero():
		d.ScheduledPeriod = &Period{End: a.Due.String()}
	}
	return d
}

// responsible refers to who is responsible for an action: a worker, the
// client, or anyone else by name. "provider" is the resource itself.
func (b *builder) responsible(who string) *Reference {
	switch who {
	case "", "provider":
		return nil
	case "client":
		r := b.patient
		return &r
	}
	if _, ok := b.in.Workers[who]; ok {
		return b.worker(who)
	}
	return &Reference{Display: who}
}

func (b *builder) goal(g casefile.Goal) *Goal {
	lifecycle, achievement := goalStatus(g.Status, b.c.Plan.Agreed != nil)
	out := &Goal{
		ResourceType:    "Goal",
		ID:              UUID(b.name("goal", g.ID)),
		Identifier:      []Identifier{{System: SystemGoal, Value: b.c.ID + "/" + g.ID}},
		LifecycleStatus: lifecycle,
		Description:     CodeableConcept{Text: g.Text},
		Subject:         b.patient,
	}
	if achievement != "" {
		out.AchievementStatus = &CodeableConcept{Coding: []Coding{{System: achievementSystem, Code: achievement}}}
	}
	if g.Domain != "" {
		out.Category = []CodeableConcept{{Text: g.Domain}}
	}
	if !g.Target.IsZero() {
		out.Target = []GoalTarget{{DueDate: g.Target.String()}}
	}
	return out
}

// patientResource is the client, or with redaction only the identifier
// that ties the bundle's resources to the case.
func (b *builder) patientResource(cl casefile.Client) *Patient {
	p := &Patient{ResourceType: "Patient", ID: UUID(b.name("patient")), Identifier: []Identifier{{System: SystemClient, Value: b.c.ID}}}
	if b.in.Redact {
		return p
	}
	p.Name = []HumanName{{Text: cl.Name}}
	p.BirthDate = cl.DOB.String()
	if gender := strings.ToLower(cl.Gender); gender == "male" || gender == "female" || gender == "other" || gender == "unknown" {
		p.Gender = gender
	}
	if cl.Phone != "" {
		p.Telecom = append(p.Telecom, ContactPoint{System: "phone", Value: cl.Phone})
	}
	if cl.Email != "" {
		p.Telecom = append(p.Telecom, ContactPoint{System: "email", Value: cl.Email})
	}
	if cl.Address != "" {
		p.Address = []Address{{Text: cl.Address}}
	}
	if cl.Language != "" {
		p.Communication = []Communication{{Language: CodeableConcept{Text: cl.Language}}}
	}
	return p
}

// worker refers to a caseworker by identifier, with their name.
func (b *builder) worker(id string) *Reference {
	r := &Reference{Identifier: &Identifier{System: SystemWorker, Value: id}, Display: id}
	if w, ok := b.in.Workers[id]; ok && w.Name != "" {
		r.Display = w.Name
	}
	return r
}

// resource refers to a community resource by identifier, with its name
// and provider.
func (b *builder) resource(id string) Reference {
	r := Reference{Identifier: &Identifier{System: SystemResource, Value: id}, Display: id}
	if res, ok := b.in.Resources[id]; ok {
		r.Display = res.Name
		if res.Provider != "" {
			r.Display += " (" + res.Provider + ")"
		}
	}
	return r
}

// stamp formats a time as a FHIR dateTime (RFC 3339, UTC), or "" when
// unset.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
