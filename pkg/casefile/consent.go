package casefile

import "time"

// ConsentEntry is one append-only record of consent: the client (or their
// representative) giving or withdrawing consent for one purpose, with
// whom it may be shared, until when. A withdrawal is a new entry, never an
// edit of the one it withdraws; package consent reads what is in force.
type ConsentEntry struct {
	At time.Time `yaml:"at" json:"at"`
	// By is the worker who recorded it.
	By string `yaml:"by" json:"by"`
	// Action is ConsentGive or ConsentWithdraw.
	Action  string `yaml:"action" json:"action"`
	Purpose string `yaml:"purpose" json:"purpose"`
	// With lists the resources (by ID) or providers (by name) the consent
	// covers; "*" or an empty list covers everyone.
	With []string `yaml:"with,omitempty" json:"with,omitempty"`
	// GivenBy is who gave or withdrew it: ConsentByClient or
	// ConsentByRepresentative.
	GivenBy string `yaml:"given_by,omitempty" json:"given_by,omitempty"`
	// Basis is the representative's legal basis for acting (for example
	// "parental responsibility", "lasting power of attorney").
	Basis string `yaml:"basis,omitempty" json:"basis,omitempty"`
	// Until is the last day the consent holds; zero for no end.
	Until Date `yaml:"until,omitempty" json:"until,omitzero"`
	// Reason is why consent was withdrawn, or notes on how it was given.
	Reason string `yaml:"reason,omitempty" json:"reason,omitempty"`
}

// The actions of a consent entry.
const (
	ConsentGive     = "give"
	ConsentWithdraw = "withdraw"
)

// Who gives consent.
const (
	ConsentByClient         = "client"
	ConsentByRepresentative = "representative"
)

// ConsentActions and ConsentGivers are the values the Action and GivenBy
// fields may take.
var (
	ConsentActions = []string{ConsentGive, ConsentWithdraw}
	ConsentGivers  = []string{ConsentByClient, ConsentByRepresentative}
)

// Everyone in a consent's With covers every resource and provider.
const Everyone = "*"
