// Package fhir builds an HL7 FHIR R4 Bundle from a case: the episode of
// care, the care plan and its goals. Only the few elements casework fills
// are modelled here, by hand; the output validates against the official
// FHIR R4 JSON schema.
package fhir

// Bundle is a FHIR Bundle of type collection.
type Bundle struct {
	ResourceType string  `json:"resourceType"`
	ID           string  `json:"id"`
	Type         string  `json:"type"`
	Timestamp    string  `json:"timestamp,omitempty"`
	Entry        []Entry `json:"entry"`
}

// Entry is one resource in a Bundle, with the urn:uuid other resources of
// the bundle refer to it by.
type Entry struct {
	FullURL  string `json:"fullUrl"`
	Resource any    `json:"resource"`
}

// Reference points at another resource: by its fullUrl in the bundle, or
// logically by identifier, with a display text.
type Reference struct {
	Reference  string      `json:"reference,omitempty"`
	Identifier *Identifier `json:"identifier,omitempty"`
	Display    string      `json:"display,omitempty"`
}

// Identifier is a business identifier: a value within a system.
type Identifier struct {
	System string `json:"system"`
	Value  string `json:"value"`
}

// Period is a time range; an open end is left out.
type Period struct {
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
}

// CodeableConcept is a concept given by codes and/or text.
type CodeableConcept struct {
	Coding []Coding `json:"coding,omitempty"`
	Text   string   `json:"text,omitempty"`
}

// Coding is one code from a code system.
type Coding struct {
	System  string `json:"system"`
	Code    string `json:"code"`
	Display string `json:"display,omitempty"`
}

// EpisodeOfCare is the case: the period during which the agency is
// responsible for the client, with its status history and case manager.
type EpisodeOfCare struct {
	ResourceType         string            `json:"resourceType"`
	ID                   string            `json:"id"`
	Identifier           []Identifier      `json:"identifier"`
	Status               string            `json:"status"`
	StatusHistory        []StatusHistory   `json:"statusHistory,omitempty"`
	Type                 []CodeableConcept `json:"type,omitempty"`
	Patient              Reference         `json:"patient"`
	ManagingOrganization *Reference        `json:"managingOrganization,omitempty"`
	Period               Period            `json:"period"`
	CareManager          *Reference        `json:"careManager,omitempty"`
}

// StatusHistory is one past (or the current) status of an episode.
type StatusHistory struct {
	Status string `json:"status"`
	Period Period `json:"period"`
}

// CarePlan is the individualised care plan.
type CarePlan struct {
	ResourceType string       `json:"resourceType"`
	ID           string       `json:"id"`
	Identifier   []Identifier `json:"identifier"`
	Status       string       `json:"status"`
	Intent       string       `json:"intent"`
	Title        string       `json:"title,omitempty"`
	Subject      Reference    `json:"subject"`
	Period       *Period      `json:"period,omitempty"`
	Author       *Reference   `json:"author,omitempty"`
	Goal         []Reference  `json:"goal,omitempty"`
	Activity     []Activity   `json:"activity,omitempty"`
}

// Activity is one action of the plan, described inline.
type Activity struct {
	Detail ActivityDetail `json:"detail"`
}

// ActivityDetail describes an action: what, its status, when and by whom.
type ActivityDetail struct {
	Kind            string      `json:"kind,omitempty"`
	Goal            []Reference `json:"goal,omitempty"`
	Status          string      `json:"status"`
	ScheduledPeriod *Period     `json:"scheduledPeriod,omitempty"`
	Performer       []Reference `json:"performer,omitempty"`
	Description     string      `json:"description,omitempty"`
}

// Goal is one goal of the care plan.
type Goal struct {
	ResourceType      string            `json:"resourceType"`
	ID                string            `json:"id"`
	Identifier        []Identifier      `json:"identifier"`
	LifecycleStatus   string            `json:"lifecycleStatus"`
	AchievementStatus *CodeableConcept  `json:"achievementStatus,omitempty"`
	Category          []CodeableConcept `json:"category,omitempty"`
	Description       CodeableConcept   `json:"description"`
	Subject           Reference         `json:"subject"`
	Target            []GoalTarget      `json:"target,omitempty"`
}

// GoalTarget is when a goal should be met.
type GoalTarget struct {
	DueDate string `json:"dueDate"`
}

// Patient is the client: by default name, birth date and contact; with
// redaction, the identifier only.
type Patient struct {
	ResourceType  string          `json:"resourceType"`
	ID            string          `json:"id"`
	Identifier    []Identifier    `json:"identifier"`
	Name          []HumanName     `json:"name,omitempty"`
	Telecom       []ContactPoint  `json:"telecom,omitempty"`
	Gender        string          `json:"gender,omitempty"`
	BirthDate     string          `json:"birthDate,omitempty"`
	Address       []Address       `json:"address,omitempty"`
	Communication []Communication `json:"communication,omitempty"`
}

// HumanName is a person's name as one text.
type HumanName struct {
	Text string `json:"text"`
}

// ContactPoint is a phone number or an email address.
type ContactPoint struct {
	System string `json:"system"`
	Value  string `json:"value"`
}

// Address is a postal address as one text.
type Address struct {
	Text string `json:"text"`
}

// Communication is a language the client speaks.
type Communication struct {
	Language CodeableConcept `json:"language"`
}
