package casefile

import "time"

// Risk is one append-only risk record: the level of risk to or from the
// client as judged at At, the safeguarding flags raised, why, and the
// safety plan agreed. The latest record is the case's current risk.
type Risk struct {
	At         time.Time `yaml:"at" json:"at"`
	By         string    `yaml:"by" json:"by"`
	Level      string    `yaml:"level" json:"level"`
	Flags      []string  `yaml:"flags,omitempty" json:"flags,omitempty"`
	Reason     string    `yaml:"reason,omitempty" json:"reason,omitempty"`
	SafetyPlan string    `yaml:"safety_plan,omitempty" json:"safety_plan,omitempty"`
}

// CurrentRisk returns the case's latest risk record, or nil when no risk
// has been recorded.
func (c *Case) CurrentRisk() *Risk {
	if len(c.Risks) == 0 {
		return nil
	}
	return &c.Risks[len(c.Risks)-1]
}

// IsService reports whether the action is a service, which runs from a
// start to an end date, rather than a task done by a due date.
func (a Action) IsService() bool { return !a.Start.IsZero() || !a.End.IsZero() }
