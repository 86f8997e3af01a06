// Package careplan builds what a care plan template shows from a case, the
// agency configuration, the workers and the resources, and renders
// Markdown templates over it. It is pure: the caller loads the records and
// chooses where the templates come from and where the output goes.
package careplan

import (
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/consent"
)

// Data is what a template is executed over. Everything is already in
// display order: needs by priority, scores in the instrument's domain
// order, reviews newest first. When Redacted, the client's identifying
// values are replaced with redact.Mark and the case ID is their identity.
type Data struct {
	Agency string
	// Contacts are how a client reaches the agency in a crisis and to
	// complain (crisis_contact, complaints_contact); empty when not
	// configured.
	Contacts AgencyContacts
	// ShowCosts says whether the client's care plan shows amounts
	// (careplan.show_costs).
	ShowCosts bool
	Today     casefile.Date
	// Household are the current members of the client's household, and
	// Network the current ties, informal first; EcoMap is the eco-map as
	// a Mermaid flowchart (names left out of a redacted copy).
	Household []casefile.Member
	Network   []casefile.Contact
	// Supports are the current ties of the network that are not
	// stressful, informal first: the people and services the client
	// named as supporting them.
	Supports   []casefile.Contact
	EcoMap     string
	Redacted   bool
	Case       CaseInfo
	Risk       *RiskInfo // the current risk; nil when none is recorded
	Worker     Person    // the reference person
	Team       []Person  // other professionals on the case
	Client     ClientInfo
	Referral   casefile.Referral
	Assessment *AssessmentInfo // the latest assessment of the client; nil before the first
	// MemberAssessments are the latest assessment of each household
	// member assessed ('assess --member'), in household order.
	MemberAssessments []MemberAssessment
	Needs             []casefile.Need // the latest assessment's needs, highest priority first
	Goals             []GoalInfo
	Cost              CostInfo
	Reviews           ReviewInfo
	Agreement         *AgreementInfo // nil until the plan is agreed
	Approvals         []ApprovalInfo
	// Overrides are the times information was shared without the
	// client's consent, oldest first (history entries of kind
	// consent-override).
	Overrides []OverrideInfo
	Closure   *ClosureInfo // nil while the case is open
	Action    *Selected    // the action a template is about (a referral); nil unless asked for
}

// AgencyContacts are the agency's contacts for clients.
type AgencyContacts struct {
	Crisis     string
	Complaints string
}

// CaseInfo is the case itself.
type CaseInfo struct {
	ID         string
	Phase      string
	PhaseSince casefile.Date
	Model      string
	Opened     casefile.Date
	Open       bool
}

// Person is a worker named by ID in the case, resolved from workers/. An
// ID with no worker file keeps the ID as its name.
type Person struct {
	ID    string
	Name  string
	Role  string // the role on this case for team members, else the worker's role
	Team  string
	Email string
	Phone string
}

// ClientInfo is the client as shown. Born is the date of birth with the
// age, "" when unknown, and redact.Mark when redacted.
type ClientInfo struct {
	Name           string
	Born           string
	Gender         string
	Phone          string
	Email          string
	Address        string
	Language       string
	Representative *casefile.Representative
	// Consent is what the client has consented to today, one line per
	// purpose ("services: yes", "share: with food-bank").
	Consent []consent.Line
	// ConsentToServices says whether consent to services is in force.
	ConsentToServices bool
}

// AssessmentInfo is one assessment, with its scores labelled.
type AssessmentInfo struct {
	At           time.Time
	By           Person
	Instrument   string // the instrument's name from config, else its ID
	InstrumentID string
	// Strengths are every strength recorded in any assessment, newest
	// first, each once: a re-assessment adds to them, never erases them.
	Strengths []string
	Scores    []Score
	// Compared is set when some domain has an earlier score to compare
	// with.
	Compared       bool
	Network        string
	Level          string
	NumAssessments int // how many assessments the case has had
}

// MemberAssessment is the latest assessment of a household member, as
// AssessmentInfo describes the client's (NumAssessments counts the
// member's), with the member as shown (their name redacted in a
// redacted copy).
type MemberAssessment struct {
	Member casefile.Member
	*AssessmentInfo
}

// Score is one domain's latest score with the instrument's label for it,
// and, when an earlier assessment with the same instrument scored the
// domain, the first such score and the direction of the change.
type Score struct {
	Domain string
	Score  int
	Label  string
	// First and FirstLabel are the domain's first score; HasFirst says
	// whether there is one.
	HasFirst   bool
	First      int
	FirstLabel string
	// Change is "better", "same" or "worse" on the instrument's scale.
	Change string
}

// GoalInfo is a goal with its actions.
type GoalInfo struct {
	ID      string
	Text    string
	Domain  string
	Target  casefile.Date
	Status  string
	Actions []ActionInfo
}

// ActionInfo is one service or task of the plan, with its resource and the
// person responsible resolved.
type ActionInfo struct {
	ID          string
	Text        string
	Resource    *casefile.Resource // nil when the action names no known resource
	ResourceID  string
	Responsible string // the worker's name when it is a worker ID, else as written
	Cost        float64
	Start       casefile.Date // a service's start; zero for a task
	End         casefile.Date // a service's end
	Due         casefile.Date // a task's due date
	Status      string
	// For is the name of the household member the action serves; ""
	// when it serves the client.
	For string
	// ClientTask is set when the client is responsible for the action
	// (see IsClientTask).
	ClientTask bool
	// Who does it, in the words of a document for the client: the
	// person responsible (a worker's name), else (no one, or
	// "provider") the resource's provider or name, else "" (the
	// reference person).
	Who       string
	Service   bool    // a service (start and end) rather than a task (due)
	Overdue   bool    // a task due before today and neither done nor cancelled
	Ended     bool    // a service past its end, still planned or active: review it
	Units     float64 // units of the resource committed (its Per), 0 when not given
	Frequency string  // how often the service is given, as written
	Spent     float64 // money spent on the action ('casework spend')
	Referral  string  // where its referral stands (sent, accepted, ...); "" when never referred
}

// ResourceName is the resource's name, else its ID, else "".
func (a ActionInfo) ResourceName() string {
	if a.Resource != nil {
		return a.Resource.Name
	}
	return a.ResourceID
}

// CostInfo is the cost of the package of services against the budget.
type CostInfo struct {
	Total     float64 // of every action not cancelled
	Budget    float64 // 0 when no budget is set
	Committed float64 // the same as Total: what the plan commits
	Spent     float64 // what was spent ('casework spend')
	Remaining float64 // Budget less the larger of Committed and Spent
	Over      bool    // a budget is set and Remaining is below zero
	OverBy    float64 // how far Remaining is below zero, when Over
	Currency  string  // the agency's currency (config currency), e.g. GBP
}

// RiskInfo is the case's current risk. Reason and SafetyPlan belong in
// documents for the case manager, supervisor and client, never in a
// letter to a provider.
type RiskInfo struct {
	Level      string
	Flags      []string
	Reason     string
	SafetyPlan string
	At         time.Time
	By         Person
	Highest    bool // the highest configured level
	Records    int  // how many risk records the case has
}

// ReviewInfo is the review schedule and the latest reviews.
type ReviewInfo struct {
	Interval string        // the review interval that applies to this case (by its risk level), in words: "7 days"
	Next     casefile.Date // zero when no review is scheduled
	Overdue  bool
	Count    int
	Last     []ReviewEntry // newest first, at most LastReviews
}

// LastReviews is how many of the latest reviews a care plan shows.
const LastReviews = 3

// ReviewEntry is one review.
type ReviewEntry struct {
	At    time.Time
	By    Person
	Goals []GoalStatus // sorted by goal ID
	Note  string
	// Confidential is the review's confidential note: set only for the
	// professional summary (Input.Professional).
	Confidential string
	Next         casefile.Date
}

// GoalStatus is a goal's status as recorded at a review.
type GoalStatus struct {
	Goal   string
	Status string
}

// AgreementInfo is the client's agreement to the plan. Current is false
// when the plan changed after it was agreed.
type AgreementInfo struct {
	By      string
	At      time.Time
	Current bool
}

// ApprovalInfo is a supervisor's approval. Current is false for a plan
// approval given to an earlier version of the plan.
type ApprovalInfo struct {
	At      time.Time
	By      Person
	What    string
	Amount  float64
	Note    string
	Current bool
}

// OverrideInfo is one consent override: who shared what about which
// action, when, and why.
type OverrideInfo struct {
	At     time.Time
	By     Person
	Action string
	With   string
	Reason string
}

// ClosureInfo is the closure record with the length of the case.
type ClosureInfo struct {
	casefile.Closure
	Days int // from opening to closure
}

// Selected is the one action a template is about, with its goal, the
// needs of the goal's domain (from the latest assessment that recorded
// any there) and the resource's full record.
type Selected struct {
	Goal   GoalInfo
	Action ActionInfo
	Needs  []casefile.Need
	// For is the household member the action serves, nil when it serves
	// the client.
	For *casefile.Member
	// Consent says on what the information is shared: the consent to
	// share with the action's resource that is in force ("given by the
	// client on 2026-02-09"), or, with Override, nothing.
	Consent string
	// Override is set when the letter is written without consent, under
	// a duty recorded in the case's history (render --override-consent).
	Override bool
}
