// Package config holds the agency configuration of a case repository
// (.casework.yaml): its types, its built-in defaults, and the checks that
// need nothing but the config itself.
package config

import (
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// FileName is the name of the configuration file that marks a repository's
// root.
const FileName = ".casework.yaml"

// DefaultYAML is the commented default configuration that `casework init`
// writes. It is also the only place where defaults are set.
//
//go:embed default.yaml
var DefaultYAML []byte

// Config is the agency configuration.
type Config struct {
	Agency string `yaml:"agency" mapstructure:"agency"`
	// Currency is the ISO 4217 code of every amount (budgets, costs,
	// spending, expense approvals); every amount printed carries it.
	Currency string `yaml:"currency" mapstructure:"currency"`
	// CrisisContact and ComplaintsContact are how a client reaches the
	// agency in a crisis and to complain (a phone number, an address, a
	// web page); the client's care plan prints them. Empty: the plan
	// tells the client to ask their worker.
	CrisisContact     string   `yaml:"crisis_contact" mapstructure:"crisis_contact"`
	ComplaintsContact string   `yaml:"complaints_contact" mapstructure:"complaints_contact"`
	IDPrefix          string   `yaml:"id_prefix" mapstructure:"id_prefix"`
	User              string   `yaml:"user" mapstructure:"user"`
	Models            []string `yaml:"models" mapstructure:"models"`
	DefaultModel      string   `yaml:"default_model" mapstructure:"default_model"`
	ClosureReasons    []string `yaml:"closure_reasons" mapstructure:"closure_reasons"`
	ReviewInterval    string   `yaml:"review_interval" mapstructure:"review_interval" casework:"duration"`
	ApproverRoles     []string `yaml:"approver_roles" mapstructure:"approver_roles"`
	// ApprovalLimits is the largest expense each approver role may
	// approve at once; a role without an entry has no limit.
	ApprovalLimits map[string]float64 `yaml:"approval_limits" mapstructure:"approval_limits"`
	Integrity      Integrity          `yaml:"integrity" mapstructure:"integrity"`
	Workflow       Workflow           `yaml:"workflow" mapstructure:"workflow"`
	Caseload       Caseload           `yaml:"caseload" mapstructure:"caseload"`
	Assessment     Assessment         `yaml:"assessment" mapstructure:"assessment"`
	Reports        Reports            `yaml:"reports" mapstructure:"reports"`
	Risk           Risk               `yaml:"risk" mapstructure:"risk"`
	Timescales     Timescales         `yaml:"timescales" mapstructure:"timescales"`
	// RequireClosureEvaluation makes an evaluation a requirement of every
	// closure, not only of closing a case at the highest risk level.
	RequireClosureEvaluation bool      `yaml:"require_closure_evaluation" mapstructure:"require_closure_evaluation"`
	Consent                  Consent   `yaml:"consent" mapstructure:"consent"`
	Household                Household `yaml:"household" mapstructure:"household"`
	Network                  Network   `yaml:"network" mapstructure:"network"`
	CarePlan                 CarePlan  `yaml:"careplan" mapstructure:"careplan"`
}

// CarePlan holds what the client's care plan (the default template)
// shows.
type CarePlan struct {
	// ShowCosts prints the cost of each service and the total in the
	// client's care plan; off, the client's plan shows no amounts (the
	// professional summary always does).
	ShowCosts bool `yaml:"show_costs" mapstructure:"show_costs"`
}

// Household holds the roles a household member may have.
type Household struct {
	Roles []string `yaml:"roles" mapstructure:"roles"`
}

// Network holds the kinds of support a network contact may give.
type Network struct {
	Provides []string `yaml:"provides" mapstructure:"provides"`
}

// Consent holds the purposes consent is recorded for.
type Consent struct {
	// Purposes are what a client may consent to; services and share are
	// the ones casework itself checks.
	Purposes []string `yaml:"purposes" mapstructure:"purposes"`
}

// Reports holds the settings of `casework report`.
type Reports struct {
	// MinCell is the smallest group of clients a report shows figures
	// for; smaller groups are shown as "<MinCell".
	MinCell int `yaml:"min_cell" mapstructure:"min_cell"`
}

// Integrity holds what `casework validate --against` checks of the commits
// since a revision.
type Integrity struct {
	// Signatures is SignaturesRequired to check commit signatures on every
	// validate --against (as --signatures does), else SignaturesOptional.
	Signatures string `yaml:"signatures" mapstructure:"signatures"`
}

// Values of integrity.signatures.
const (
	SignaturesOptional = "optional"
	SignaturesRequired = "required"
)

// Workflow is the phases of case management and the allowed moves.
type Workflow struct {
	Initial string  `yaml:"initial" json:"initial" mapstructure:"initial"`
	Phases  []Phase `yaml:"phases" json:"phases" mapstructure:"phases"`
}

// Phase is one phase: where a case may go next, and the guards that must
// hold to enter it.
type Phase struct {
	Name     string   `yaml:"name" json:"name" mapstructure:"name"`
	Next     []string `yaml:"next" json:"next,omitempty" mapstructure:"next"`
	Requires []string `yaml:"requires" json:"requires,omitempty" mapstructure:"requires"`
}

// Caseload holds the agency's caseload limits and workload weights.
type Caseload struct {
	MaxActive        int     `yaml:"max_active" mapstructure:"max_active"`
	WarnActive       int     `yaml:"warn_active" mapstructure:"warn_active"`
	MaxNewPerMonth   int     `yaml:"max_new_per_month" mapstructure:"max_new_per_month"`
	WarnNewPerMonth  int     `yaml:"warn_new_per_month" mapstructure:"warn_new_per_month"`
	HoursPerFTEMonth float64 `yaml:"hours_per_fte_month" mapstructure:"hours_per_fte_month"`
	WarnLoad         float64 `yaml:"warn_load" mapstructure:"warn_load"`
	Enforce          bool    `yaml:"enforce" mapstructure:"enforce"`
	Weights          Weights `yaml:"weights" mapstructure:"weights"`
}

// Weights are workload hours per month.
type Weights struct {
	CaseManagement float64            `yaml:"case_management" mapstructure:"case_management"`
	Intake         float64            `yaml:"intake" mapstructure:"intake"`
	Assessment     float64            `yaml:"assessment" mapstructure:"assessment"`
	Levels         map[string]float64 `yaml:"levels" mapstructure:"levels"`
}

// Assessment holds the instruments and the level-of-attention rule.
type Assessment struct {
	DefaultInstrument string       `yaml:"default_instrument" mapstructure:"default_instrument"`
	Instruments       []Instrument `yaml:"instruments" mapstructure:"instruments"`
	Levels            LevelRule    `yaml:"levels" mapstructure:"levels"`
}

// Instrument is an assessment instrument defined as data.
type Instrument struct {
	ID         string         `yaml:"id" mapstructure:"id"`
	Name       string         `yaml:"name" mapstructure:"name"`
	Scale      Scale          `yaml:"scale" mapstructure:"scale"`
	HigherIs   string         `yaml:"higher_is" mapstructure:"higher_is"`
	Actionable int            `yaml:"actionable" mapstructure:"actionable"`
	Labels     map[int]string `yaml:"labels" mapstructure:"labels"`
	Domains    []string       `yaml:"domains" mapstructure:"domains"`
	// Escalate maps a score to the lowest level of attention a case with
	// that score in any domain can have (see assess.Floor).
	Escalate map[int]string `yaml:"escalate" mapstructure:"escalate"`
}

// Scale is the range of an instrument's scores; NA, when set, is the score
// meaning "not applicable".
type Scale struct {
	Min int  `yaml:"min" mapstructure:"min"`
	Max int  `yaml:"max" mapstructure:"max"`
	NA  *int `yaml:"na" mapstructure:"na"`
}

// LevelRule maps need plus network support to a level of attention.
type LevelRule struct {
	NetworkAdjust  map[string]float64 `yaml:"network_adjust" mapstructure:"network_adjust"`
	CareManagement float64            `yaml:"care-management" mapstructure:"care-management"`
	Intensive      float64            `yaml:"intensive" mapstructure:"intensive"`
}

// Phase returns the named phase.
func (w Workflow) Phase(name string) (Phase, bool) {
	for _, p := range w.Phases {
		if p.Name == name {
			return p, true
		}
	}
	return Phase{}, false
}

// PhaseNames lists the phases in configured order.
func (w Workflow) PhaseNames() []string {
	names := make([]string, len(w.Phases))
	for i, p := range w.Phases {
		names[i] = p.Name
	}
	return names
}

// Instrument returns the instrument with the given ID.
func (a Assessment) Instrument(id string) (Instrument, bool) {
	for _, in := range a.Instruments {
		if in.ID == id {
			return in, true
		}
	}
	return Instrument{}, false
}

// ReviewEvery returns the review interval as a duration.
func (c *Config) ReviewEvery() (time.Duration, error) {
	return ParseDuration(c.ReviewInterval)
}

var durationRE = regexp.MustCompile(`^(\d+)([hdw])$`)

// ParseDuration reads durations written like 36h, 7d or 2w.
func ParseDuration(s string) (time.Duration, error) {
	m := durationRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, fmt.Errorf("%q is not a duration: write a whole number and a unit, h (hours), d (days) or w (weeks), e.g. 7d", s)
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n > 100000 {
		return 0, fmt.Errorf("%q is too long a duration", s)
	}
	unit := map[string]time.Duration{"h": time.Hour, "d": 24 * time.Hour, "w": 7 * 24 * time.Hour}[m[2]]
	return time.Duration(n) * unit, nil
}
