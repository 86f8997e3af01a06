package casefile

import "time"

// Case is one client's case: the whole of cases/<id>/case.yaml. Field order
// here is the canonical key order of the file.
type Case struct {
	ID          string         `yaml:"id" json:"id"`
	Opened      Date           `yaml:"opened" json:"opened"`
	Phase       string         `yaml:"phase" json:"phase"`
	Model       string         `yaml:"model,omitempty" json:"model,omitempty"`
	Worker      string         `yaml:"worker" json:"worker"`
	Team        []TeamMember   `yaml:"team,omitempty" json:"team,omitempty"`
	Client      Client         `yaml:"client" json:"client"`
	Referral    Referral       `yaml:"referral,omitempty" json:"referral,omitzero"`
	Household   []Member       `yaml:"household,omitempty" json:"household,omitempty"`
	Network     []Contact      `yaml:"network,omitempty" json:"network,omitempty"`
	History     []HistoryEntry `yaml:"history" json:"history"`
	Assessments []Assessment   `yaml:"assessments,omitempty" json:"assessments,omitempty"`
	Risks       []Risk         `yaml:"risks,omitempty" json:"risks,omitempty"`
	Plan        Plan           `yaml:"plan,omitempty" json:"plan,omitzero"`
	Reviews     []Review       `yaml:"reviews,omitempty" json:"reviews,omitempty"`
	Approvals   []Approval     `yaml:"approvals,omitempty" json:"approvals,omitempty"`
	Consents    []ConsentEntry `yaml:"consents,omitempty" json:"consents,omitempty"`
	// Referrals is the append-only course of each referral to a provider
	// (see ReferralEntry); Spending what was actually spent.
	Referrals []ReferralEntry `yaml:"referrals,omitempty" json:"referrals,omitempty"`
	Spending  []SpendEntry    `yaml:"spending,omitempty" json:"spending,omitempty"`
	Closure   *Closure        `yaml:"closure,omitempty" json:"closure,omitempty"`
}

// TeamMember is another professional working on the case beside the
// reference person.
type TeamMember struct {
	Worker string `yaml:"worker" json:"worker"`
	Role   string `yaml:"role,omitempty" json:"role,omitempty"`
}

// Client is the person the case is about. Every field is identifying and is
// removed by redaction.
type Client struct {
	Name           string          `yaml:"name" json:"name"`
	DOB            Date            `yaml:"dob,omitempty" json:"dob,omitzero"`
	Gender         string          `yaml:"gender,omitempty" json:"gender,omitempty"`
	Phone          string          `yaml:"phone,omitempty" json:"phone,omitempty"`
	Email          string          `yaml:"email,omitempty" json:"email,omitempty"`
	Address        string          `yaml:"address,omitempty" json:"address,omitempty"`
	Language       string          `yaml:"language,omitempty" json:"language,omitempty"`
	Representative *Representative `yaml:"representative,omitempty" json:"representative,omitempty"`
	Consent        Consent         `yaml:"consent,omitempty" json:"consent,omitzero"`
}

// Representative is a person who acts on the client's behalf, for example a
// legal guardian where the client has been declared incompetent.
type Representative struct {
	Name         string `yaml:"name" json:"name"`
	Relationship string `yaml:"relationship,omitempty" json:"relationship,omitempty"`
	Phone        string `yaml:"phone,omitempty" json:"phone,omitempty"`
	Email        string `yaml:"email,omitempty" json:"email,omitempty"`
}

// Consent is the old, single record of the client's informed consent to
// case management and to sharing information with the providers in the
// plan. Consents (per purpose, append-only) replace it: package consent
// reads it as the entries it stands for, and 'casework fmt' moves it
// there.
type Consent struct {
	Given bool   `yaml:"given,omitempty" json:"given,omitempty"`
	At    Date   `yaml:"at,omitempty" json:"at,omitzero"`
	Scope string `yaml:"scope,omitempty" json:"scope,omitempty"`
}

// Referral says who sent the client, when and why.
type Referral struct {
	Source string `yaml:"source,omitempty" json:"source,omitempty"`
	Date   Date   `yaml:"date,omitempty" json:"date,omitzero"`
	Reason string `yaml:"reason,omitempty" json:"reason,omitempty"`
}

// HistoryEntry is one append-only record of what happened to the case. A
// phase change has From (empty when the case was opened) and To; a change of
// reference person has Assign; a member leaving the household or a tie of
// the network ending has Left; any other event has a Kind (one of
// HistoryKinds): a consent override names the Action whose provider (With,
// a resource ID) was told without consent, and its Reason; an eligibility
// override names the Action added outside the ages of its resource (With)
// for the person it serves (For), and its Reason.
type HistoryEntry struct {
	At     time.Time   `yaml:"at" json:"at"`
	By     string      `yaml:"by" json:"by"`
	Kind   string      `yaml:"kind,omitempty" json:"kind,omitempty"`
	From   string      `yaml:"from,omitempty" json:"from,omitempty"`
	To     string      `yaml:"to,omitempty" json:"to,omitempty"`
	Assign *Assignment `yaml:"assign,omitempty" json:"assign,omitempty"`
	Action string      `yaml:"action,omitempty" json:"action,omitempty"`
	With   string      `yaml:"with,omitempty" json:"with,omitempty"`
	// For is the household member an eligibility override's action
	// serves (M1); empty means the client.
	For    string     `yaml:"for,omitempty" json:"for,omitempty"`
	Left   *Departure `yaml:"left,omitempty" json:"left,omitempty"`
	Reason string     `yaml:"reason,omitempty" json:"reason,omitempty"`
	Forced bool       `yaml:"forced,omitempty" json:"forced,omitempty"`
}

// IsAssignment reports whether the entry records a change of reference
// person rather than a change of phase.
func (h HistoryEntry) IsAssignment() bool { return h.Assign != nil }

// Departure names who left the client's household (Member, an M-ID) or
// whose tie with the client ended (Contact, an N-ID): one of the two.
// Their entry in household or network is kept, marked with the same end.
type Departure struct {
	Member  string `yaml:"member,omitempty" json:"member,omitempty"`
	Contact string `yaml:"contact,omitempty" json:"contact,omitempty"`
}

// Assignment is a change of reference person.
type Assignment struct {
	From string `yaml:"from,omitempty" json:"from,omitempty"`
	To   string `yaml:"to" json:"to"`
}

// Assessment is a functional-capacity and strengths assessment.
type Assessment struct {
	At time.Time `yaml:"at" json:"at"`
	By string    `yaml:"by" json:"by"`
	// Member is the household member assessed (M1, …); "" for the
	// client. Only the client's assessments set the case's level of
	// attention (see Case.ClientAssessments).
	Member     string         `yaml:"member,omitempty" json:"member,omitempty"`
	Instrument string         `yaml:"instrument" json:"instrument"`
	Strengths  []string       `yaml:"strengths,omitempty" json:"strengths,omitempty"`
	Scores     map[string]int `yaml:"scores" json:"scores"`
	// Network is the support from the client's own network the level
	// took in; NetworkDerived what the recorded network gave then (see
	// household.Derive), and NetworkReason why the worker judged
	// otherwise, when Network differs from it.
	Network        string `yaml:"network,omitempty" json:"network,omitempty"`
	NetworkDerived string `yaml:"network_derived,omitempty" json:"network_derived,omitempty"`
	NetworkReason  string `yaml:"network_reason,omitempty" json:"network_reason,omitempty"`
	Needs          []Need `yaml:"needs,omitempty" json:"needs,omitempty"`
	Level          string `yaml:"level,omitempty" json:"level,omitempty"`
}

// Need is one prioritised need found by an assessment.
type Need struct {
	Domain   string `yaml:"domain" json:"domain"`
	Priority string `yaml:"priority" json:"priority"`
	Text     string `yaml:"text" json:"text"`
}

// Plan is the individualised care plan: goals set with the client, the
// package of services that serves them, and the client's agreement.
type Plan struct {
	Budget float64    `yaml:"budget,omitempty" json:"budget,omitempty"`
	Goals  []Goal     `yaml:"goals,omitempty" json:"goals,omitempty"`
	Agreed *Agreement `yaml:"agreed,omitempty" json:"agreed,omitempty"`
}

// IsZero reports whether nothing has been planned yet.
func (p Plan) IsZero() bool { return p.Budget == 0 && len(p.Goals) == 0 && p.Agreed == nil }

// Goal is one goal of the care plan.
type Goal struct {
	ID      string     `yaml:"id" json:"id"`
	Text    string     `yaml:"text" json:"text"`
	Domain  string     `yaml:"domain,omitempty" json:"domain,omitempty"`
	Target  Date       `yaml:"target,omitempty" json:"target,omitzero"`
	Status  GoalStatus `yaml:"status" json:"status"`
	Actions []Action   `yaml:"actions,omitempty" json:"actions,omitempty"`
}

// Action is one service or task in the package of services for a goal: a
// service runs from Start to End, a task is done by Due (see IsService).
type Action struct {
	ID          string `yaml:"id" json:"id"`
	Text        string `yaml:"text" json:"text"`
	Resource    string `yaml:"resource,omitempty" json:"resource,omitempty"`
	Responsible string `yaml:"responsible,omitempty" json:"responsible,omitempty"`
	// For names the household member the action serves ("M1"); empty
	// means the client.
	For  string  `yaml:"for,omitempty" json:"for,omitempty"`
	Cost float64 `yaml:"cost,omitempty" json:"cost,omitempty"`
	// Units is how many of the resource's units (Resource.Per) the plan
	// commits, Frequency how often they are given ("weekly"); with a
	// resource's unit cost the cost is units times that cost.
	Units     float64      `yaml:"units,omitempty" json:"units,omitempty"`
	Frequency string       `yaml:"frequency,omitempty" json:"frequency,omitempty"`
	Start     Date         `yaml:"start,omitempty" json:"start,omitzero"`
	End       Date         `yaml:"end,omitempty" json:"end,omitzero"`
	Due       Date         `yaml:"due,omitempty" json:"due,omitzero"`
	Status    ActionStatus `yaml:"status" json:"status"`
}

// Agreement records who agreed the plan, when, and which version of it
// (Digest), so a later change to the plan makes the agreement stale.
type Agreement struct {
	By     string    `yaml:"by" json:"by"`
	At     time.Time `yaml:"at" json:"at"`
	Digest string    `yaml:"digest,omitempty" json:"digest,omitempty"`
}

// Review is one monitoring review.
type Review struct {
	At      time.Time               `yaml:"at" json:"at"`
	By      string                  `yaml:"by" json:"by"`
	Goals   map[string]GoalStatus   `yaml:"goals,omitempty" json:"goals,omitempty"`
	Actions map[string]ActionStatus `yaml:"actions,omitempty" json:"actions,omitempty"`
	Note    string                  `yaml:"note,omitempty" json:"note,omitempty"`
	// ConfidentialNote is what the review found that must never reach the
	// client or a provider: only the professional summary shows it.
	ConfidentialNote string `yaml:"confidential_note,omitempty" json:"confidential_note,omitempty"`
	Next             Date   `yaml:"next,omitempty" json:"next,omitzero"`
}

// Approval is a supervisor's approval of a plan, a closure or an expense
// (managerial case management).
type Approval struct {
	At   time.Time    `yaml:"at" json:"at"`
	By   string       `yaml:"by" json:"by"`
	What ApprovalKind `yaml:"what" json:"what"`
	// Decision is empty for an approval; DecisionRequested when a worker
	// submits the plan, closure or expense for approval, DecisionRejected
	// when an approver turns it down (with Reason).
	Decision string `yaml:"decision,omitempty" json:"decision,omitempty"`
	// Digest is the plan's Digest when a plan is approved, so that a later
	// change to the plan needs a new approval.
	Digest string `yaml:"digest,omitempty" json:"digest,omitempty"`
	// Amount is the expenditure approved, for expense approvals.
	Amount float64 `yaml:"amount,omitempty" json:"amount,omitempty"`
	Note   string  `yaml:"note,omitempty" json:"note,omitempty"`
	// Forced is set when an expense was approved beyond the remaining
	// budget; Reason says why.
	Forced bool   `yaml:"forced,omitempty" json:"forced,omitempty"`
	Reason string `yaml:"reason,omitempty" json:"reason,omitempty"`
}

// Decisions an approvals entry may record besides an approval.
const (
	DecisionRequested = "requested"
	DecisionRejected  = "rejected"
)

// Grants reports whether the entry is an approval (not a request for one,
// nor a rejection).
func (a Approval) Grants() bool { return a.Decision == "" }

// IsRequest reports whether the entry submits something for approval.
func (a Approval) IsRequest() bool { return a.Decision == DecisionRequested }

// IsRejection reports whether the entry turns something down.
func (a Approval) IsRejection() bool { return a.Decision == DecisionRejected }

// Closure is the closure record of a case.
type Closure struct {
	At         time.Time `yaml:"at" json:"at"`
	Reason     string    `yaml:"reason" json:"reason"`
	Evaluation string    `yaml:"evaluation,omitempty" json:"evaluation,omitempty"`
	FollowUp   Date      `yaml:"follow_up,omitempty" json:"follow_up,omitzero"`
}

// Worker is a caseworker: workers/<id>.yaml.
type Worker struct {
	ID    string  `yaml:"id" json:"id"`
	Name  string  `yaml:"name" json:"name"`
	Role  string  `yaml:"role,omitempty" json:"role,omitempty"`
	FTE   float64 `yaml:"fte" json:"fte"`
	Team  string  `yaml:"team,omitempty" json:"team,omitempty"`
	Email string  `yaml:"email,omitempty" json:"email,omitempty"`
	// Phone is how clients reach the worker; the care plan prints it.
	Phone string `yaml:"phone,omitempty" json:"phone,omitempty"`
	// SigningKey is the worker's SSH public key ("ssh-ed25519 AAAA..."),
	// with which their commits are signed (see casework git setup --sign).
	SigningKey string  `yaml:"signing_key,omitempty" json:"signing_key,omitempty"`
	Limits     *Limits `yaml:"limits,omitempty" json:"limits,omitempty"`
	// Retired is set when the worker left: the file stays, for the cases
	// and history that name them, and they take no new cases.
	Retired *Retired `yaml:"retired,omitempty" json:"retired,omitempty"`
}

// Retired records that a worker left or a resource stopped: when, who
// recorded it and why. A retired record is never deleted: cases, history
// and plans still name it.
type Retired struct {
	On     Date   `yaml:"date" json:"date"`
	By     string `yaml:"by,omitempty" json:"by,omitempty"`
	Reason string `yaml:"reason,omitempty" json:"reason,omitempty"`
}

// String is the retirement for people: "2026-06-15 by w-ana: left the
// agency".
func (r Retired) String() string {
	s := r.On.String()
	if r.By != "" {
		s += " by " + r.By
	}
	if r.Reason != "" {
		s += ": " + r.Reason
	}
	return s
}

// Date is the date of the retirement, "" when r is nil (not retired).
func (r *Retired) Date() string {
	if r == nil {
		return ""
	}
	return r.On.String()
}

// IsRetired reports whether the worker has retired.
func (w Worker) IsRetired() bool { return w.Retired != nil }

// IsRetired reports whether the resource has retired.
func (r Resource) IsRetired() bool { return r.Retired != nil }

// Limits are per-worker overrides of the agency's caseload limits. A zero
// field means "use the agency's limit".
type Limits struct {
	MaxActive       int `yaml:"max_active,omitempty" json:"max_active,omitempty"`
	WarnActive      int `yaml:"warn_active,omitempty" json:"warn_active,omitempty"`
	MaxNewPerMonth  int `yaml:"max_new_per_month,omitempty" json:"max_new_per_month,omitempty"`
	WarnNewPerMonth int `yaml:"warn_new_per_month,omitempty" json:"warn_new_per_month,omitempty"`
}

// Resource is a community resource or service provider:
// resources/<id>.yaml.
type Resource struct {
	ID       string `yaml:"id" json:"id"`
	Name     string `yaml:"name" json:"name"`
	Category string `yaml:"category" json:"category"`
	Provider string `yaml:"provider,omitempty" json:"provider,omitempty"`
	// Cost is the resource's unit cost, Per its unit ("session",
	// "child-month"): an action's Units of it cost Units times Cost.
	Cost float64 `yaml:"cost,omitempty" json:"cost,omitempty"`
	Per  string  `yaml:"per,omitempty" json:"per,omitempty"`
	// Currency is the ISO 4217 code of Cost (GBP), when the source said.
	Currency string `yaml:"currency,omitempty" json:"currency,omitempty"`
	// Prices are the prices not taken as Cost (conditional, expired or
	// not yet valid), as text.
	Prices []string `yaml:"prices,omitempty" json:"prices,omitempty"`
	// Fees is what the provider says about its fees, in its words.
	Fees    string `yaml:"fees,omitempty" json:"fees,omitempty"`
	Contact string `yaml:"contact,omitempty" json:"contact,omitempty"`
	// Phones are the service's phone numbers, each with its extension.
	Phones []ResourcePhone `yaml:"phones,omitempty" json:"phones,omitempty"`
	// Person is the named contact at the provider.
	Person    *ResourcePerson    `yaml:"person,omitempty" json:"person,omitempty"`
	Locations []ResourceLocation `yaml:"locations,omitempty" json:"locations,omitempty"`
	// Languages the service is offered in.
	Languages []string `yaml:"languages,omitempty" json:"languages,omitempty"`
	// Application is how to apply for the service.
	Application string `yaml:"application,omitempty" json:"application,omitempty"`
	// MinAge and MaxAge bound the ages, in whole years and inclusive, of
	// the people the resource serves (package eligibility); nil means no
	// bound.
	MinAge      *int   `yaml:"min_age,omitempty" json:"min_age,omitempty"`
	MaxAge      *int   `yaml:"max_age,omitempty" json:"max_age,omitempty"`
	Eligibility string `yaml:"eligibility,omitempty" json:"eligibility,omitempty"`
	Status      string `yaml:"status,omitempty" json:"status,omitempty"`
	Source      string `yaml:"source,omitempty" json:"source,omitempty"`
	// Retired is set when the resource stopped being offered: the file
	// stays, for the plans that name it, and no new action uses it.
	Retired *Retired `yaml:"retired,omitempty" json:"retired,omitempty"`
}

// ResourcePhone is a phone number of a resource.
type ResourcePhone struct {
	Number    string `yaml:"number" json:"number"`
	Extension string `yaml:"extension,omitempty" json:"extension,omitempty"`
	// Type is voice, text, fax, … (HSDS phone types).
	Type string `yaml:"type,omitempty" json:"type,omitempty"`
	// Languages are the languages spoken on this line.
	Languages []string `yaml:"languages,omitempty" json:"languages,omitempty"`
}

// ResourcePerson is a named contact person at a resource's provider.
type ResourcePerson struct {
	Name       string `yaml:"name,omitempty" json:"name,omitempty"`
	Title      string `yaml:"title,omitempty" json:"title,omitempty"`
	Department string `yaml:"department,omitempty" json:"department,omitempty"`
	Email      string `yaml:"email,omitempty" json:"email,omitempty"`
	Phone      string `yaml:"phone,omitempty" json:"phone,omitempty"`
}

// ResourceLocation is a place where a resource is delivered.
type ResourceLocation struct {
	Name string `yaml:"name,omitempty" json:"name,omitempty"`
	// Address is the address on one line.
	Address string `yaml:"address,omitempty" json:"address,omitempty"`
}

// Note is a contact note: cases/<id>/notes/<stamp>-<suffix>.md. The front
// matter holds At, By and Kind; Body is the Markdown after it.
type Note struct {
	At   time.Time `yaml:"at" json:"at"`
	By   string    `yaml:"by" json:"by"`
	Kind string    `yaml:"kind" json:"kind"`
	// Confidential marks a note that must never reach the client or a
	// provider: no document given to them shows it.
	Confidential bool   `yaml:"confidential,omitempty" json:"confidential,omitempty"`
	Body         string `yaml:"-" json:"body"`
}

// NoteKinds are the kinds of contact a note may record.
var NoteKinds = []string{"contact", "visit", "call", "meeting"}
