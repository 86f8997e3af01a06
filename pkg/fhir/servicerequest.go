package fhir

import "github.com/casework/casework/pkg/casefile"

// SystemReferral identifies a referral: "<case>/<action>".
const SystemReferral = "urn:casework:referral"

// ServiceRequest is a FHIR R4 ServiceRequest: a referral of an action of
// the care plan to the provider of its resource.
type ServiceRequest struct {
	ResourceType     string            `json:"resourceType"`
	ID               string            `json:"id"`
	Identifier       []Identifier      `json:"identifier"`
	BasedOn          []Reference       `json:"basedOn,omitempty"`
	Status           string            `json:"status"`
	Intent           string            `json:"intent"`
	Category         []CodeableConcept `json:"category,omitempty"`
	Code             *CodeableConcept  `json:"code,omitempty"`
	Subject          Reference         `json:"subject"`
	OccurrencePeriod *Period           `json:"occurrencePeriod,omitempty"`
	AuthoredOn       string            `json:"authoredOn,omitempty"`
	Requester        *Reference        `json:"requester,omitempty"`
	Performer        []Reference       `json:"performer,omitempty"`
	Note             []Annotation      `json:"note,omitempty"`
}

// Annotation is a text note.
type Annotation struct {
	Text string `json:"text"`
}

// serviceRequestStatus maps where a referral stands to a
// ServiceRequest's status. R4's ServiceRequest says whether the request
// stands, not how the provider answered it, so every referral still in
// course is active; a declined one is revoked (it no longer stands) and
// one whose service ended is completed. The step itself goes in a note
// ("Referral status: waitlisted"), so nothing is lost.
//
//	sent, accepted, waitlisted, started → active
//	declined                           → revoked
//	ended                              → completed
//
// The intent is always "order": the agency asks the provider to act.
func serviceRequestStatus(s casefile.ReferralStatus) string {
	switch s {
	case casefile.ReferralDeclined:
		return "revoked"
	case casefile.ReferralEnded:
		return "completed"
	case casefile.ReferralSent, casefile.ReferralAccepted, casefile.ReferralWaitlisted, casefile.ReferralStarted:
		return "active"
	}
	return "unknown"
}

// serviceRequests are the case's referrals, one ServiceRequest per
// action referred, as its referral stands: based on the care plan, about
// the patient, requested by the worker who sent it (on the date it was
// sent), performed by the resource referred to. The provider's reason
// for a decline is left out: it is free text that may name the client.
func (b *builder) serviceRequests() []*ServiceRequest {
	var out []*ServiceRequest
	sent := map[string]casefile.ReferralEntry{}
	for _, e := range b.c.Referrals {
		if e.Status == casefile.ReferralSent {
			sent[e.Action] = e
		}
	}
	texts := map[string]casefile.Action{}
	for _, g := range b.c.Plan.Goals {
		for _, a := range g.Actions {
			texts[a.ID] = a
		}
	}
	for _, r := range b.c.CurrentReferrals() {
		s := &ServiceRequest{
			ResourceType: "ServiceRequest",
			ID:           UUID(b.name("referral", r.Action)),
			Identifier:   []Identifier{{System: SystemReferral, Value: b.c.ID + "/" + r.Action}},
			BasedOn:      []Reference{{Reference: URN(b.name("careplan"))}},
			Status:       serviceRequestStatus(r.Status),
			Intent:       "order",
			Subject:      b.patient,
			Note:         []Annotation{{Text: "Referral status: " + string(r.Status)}},
		}
		if from, ok := sent[r.Action]; ok {
			s.AuthoredOn = stamp(from.At)
			s.Requester = b.worker(from.By)
		}
		if r.Resource != "" {
			s.Performer = []Reference{b.resource(r.Resource)}
			if res, ok := b.in.Resources[r.Resource]; ok && res.Category != "" {
				s.Category = []CodeableConcept{{Text: res.Category}}
			}
		}
		if a, ok := texts[r.Action]; ok {
			s.Code = &CodeableConcept{Text: a.Text}
			if a.IsService() {
				s.OccurrencePeriod = &Period{Start: a.Start.String(), End: a.End.String()}
			}
		}
		out = append(out, s)
	}
	return out
}
