package config

import (
	"slices"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Risk holds the levels of risk an agency records, lowest first, the
// safeguarding flags a risk record may raise, and the level of attention
// each risk level calls for at least.
type Risk struct {
	Levels   []string          `yaml:"levels" mapstructure:"levels"`
	Flags    []string          `yaml:"flags" mapstructure:"flags"`
	Escalate map[string]string `yaml:"escalate" mapstructure:"escalate"`
}

// Highest returns the highest configured risk level, "" when none is.
func (r Risk) Highest() string {
	if len(r.Levels) == 0 {
		return ""
	}
	return r.Levels[len(r.Levels)-1]
}

// Rank returns the position of level among the configured levels, lowest
// 1, and 0 for no level or one not configured: the order `due` and `case
// list` sort by.
func (r Risk) Rank(level string) int {
	return slices.Index(r.Levels, level) + 1
}

// Timescales are the deadlines of every stage of case management, written
// as durations (7d, 2w, 36h). An empty value switches that deadline off.
// docs/risk-and-timescales.md gives each default and its source.
type Timescales struct {
	// FirstContact is the time from opening to the first contact with the
	// client (a note, or any record, after opening).
	FirstContact string `yaml:"first_contact" mapstructure:"first_contact" casework:"duration"`
	// Screening is the time from opening to the screening decision: the
	// case leaves the initial phase.
	Screening string `yaml:"screening" mapstructure:"screening" casework:"duration"`
	// Assessment is the time from entering the assessment phase to a
	// recorded assessment.
	Assessment string `yaml:"assessment" mapstructure:"assessment" casework:"duration"`
	// Plan is the time from the latest assessment to the client's
	// agreement to a plan.
	Plan string `yaml:"plan" mapstructure:"plan" casework:"duration"`
	// Review is the review interval per risk level; a case without a risk
	// record, or at a level not listed, is reviewed every review_interval.
	Review map[string]string `yaml:"review" mapstructure:"review" casework:"duration"`
	// Reassessment is the time from the latest assessment of an open case
	// to the next.
	Reassessment string `yaml:"reassessment" mapstructure:"reassessment" casework:"duration"`
	// ReferralAnswer is the time a provider has to answer a referral sent
	// to them.
	ReferralAnswer string `yaml:"referral_answer" mapstructure:"referral_answer" casework:"duration"`
	// FollowUp is the time from closure to the follow-up, when the closure
	// gives no follow-up date.
	FollowUp string `yaml:"follow_up" mapstructure:"follow_up" casework:"duration"`
	// NoFollowUp lists the closure reasons that call for no follow-up.
	NoFollowUp []string `yaml:"no_follow_up" mapstructure:"no_follow_up"`
}

// builtin is the built-in configuration, read once from DefaultYAML.
var builtin = sync.OnceValue(func() *Config {
	var c Config
	if err := yaml.Unmarshal(DefaultYAML, &c); err != nil {
		panic("config: built-in default.yaml: " + err.Error())
	}
	return &c
})

// Floors returns the instrument's escalation floors: its own escalate
// map, or, when the instrument leaves escalate out, the built-in one of
// the instrument with the same ID. A configuration written before
// escalation existed (or listing the built-in instruments again, which
// replaces the built-in list) so keeps the floors; `escalate: {}` turns
// them off.
func (in Instrument) Floors() map[int]string {
	if in.Escalate != nil {
		return in.Escalate
	}
	if b, ok := builtin().Assessment.Instrument(in.ID); ok {
		return b.Escalate
	}
	return nil
}
