package casefile

import (
	"slices"
	"time"
)

// Member is a person of the client's household. Members are never
// erased: removing one sets Removed, and the ID is never reused.
type Member struct {
	ID           string `yaml:"id" json:"id"`
	Name         string `yaml:"name" json:"name"`
	Relationship string `yaml:"relationship" json:"relationship"`
	DOB          Date   `yaml:"dob,omitempty" json:"dob,omitzero"`
	// LivesWith says the member lives with the client.
	LivesWith bool `yaml:"lives_with,omitempty" json:"lives_with,omitempty"`
	// Role is the member's role in the household (household.roles in
	// the configuration: carer, child, partner, …).
	Role    string `yaml:"role,omitempty" json:"role,omitempty"`
	Phone   string `yaml:"phone,omitempty" json:"phone,omitempty"`
	Removed *Ended `yaml:"removed,omitempty" json:"removed,omitempty"`
}

// Contact is a person or organisation of the client's network: family
// and friends (informal) or professionals around them (a GP, a school).
// A contact whose tie ended keeps its entry, with Ended set.
type Contact struct {
	ID           string `yaml:"id" json:"id"`
	Name         string `yaml:"name" json:"name"`
	Kind         string `yaml:"kind" json:"kind"`
	Relationship string `yaml:"relationship" json:"relationship"`
	Organisation string `yaml:"organisation,omitempty" json:"organisation,omitempty"`
	Contact      string `yaml:"contact,omitempty" json:"contact,omitempty"`
	// Provides is what they give the client: practical, emotional,
	// financial, childcare, … (network.provides in the configuration).
	Provides []string `yaml:"provides,omitempty" json:"provides,omitempty"`
	// Strength is the tie: strong, moderate, weak or stressful.
	Strength string `yaml:"strength,omitempty" json:"strength,omitempty"`
	Ended    *Ended `yaml:"ended,omitempty" json:"ended,omitempty"`
}

// Ended records when and why a member left the household or a tie ended,
// and who recorded it.
type Ended struct {
	At     time.Time `yaml:"at" json:"at"`
	By     string    `yaml:"by" json:"by"`
	Reason string    `yaml:"reason" json:"reason"`
}

// The kinds of network contact.
const (
	Informal     = "informal"
	Professional = "professional"
)

// The strengths of a tie, strongest first; stressful is a tie that costs
// the client more than it gives.
const (
	TieStrong    = "strong"
	TieModerate  = "moderate"
	TieWeak      = "weak"
	TieStressful = "stressful"
)

// ContactKinds and TieStrengths are the values Kind and Strength take.
var (
	ContactKinds = []string{Informal, Professional}
	TieStrengths = []string{TieStrong, TieModerate, TieWeak, TieStressful}
)

// Current reports whether the member still belongs to the household.
func (m Member) Current() bool { return m.Removed == nil }

// Current reports whether the tie still holds.
func (c Contact) Current() bool { return c.Ended == nil }

// ClientAssessments are the assessments of the client, in recorded order:
// those of household members left out. The case's level of attention, its
// deadlines and the progress its documents show read these only.
func (c *Case) ClientAssessments() []Assessment {
	for i, a := range c.Assessments {
		if a.Member != "" {
			out := slices.Clip(c.Assessments[:i])
			for _, a := range c.Assessments[i+1:] {
				if a.Member == "" {
					out = append(out, a)
				}
			}
			return out
		}
	}
	return c.Assessments
}

// MemberAssessments are the assessments of household members, in recorded
// order.
func (c *Case) MemberAssessments() []Assessment {
	var out []Assessment
	for _, a := range c.Assessments {
		if a.Member != "" {
			out = append(out, a)
		}
	}
	return out
}
