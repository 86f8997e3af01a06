package casefile

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// Digest identifies the substance of the plan: its goals and actions as
// agreed with the client (text, domain, target, resource, responsible,
// cost, due, service dates, units, frequency and the household member it
// is for), not their progress statuses or the budget. An agreement records the digest it was given for; when the plan changes, the digests
// differ and the agreement is stale.
func (p Plan) Digest() string {
	type action struct {
		ID, Text, Resource, Responsible string
		Cost                            float64
		Due                             string
		// Start and End are left out when unset, so that plans agreed
		// before services had dates keep their digest.
		Start string `json:",omitempty"`
		End   string `json:",omitempty"`
		// Units and Frequency likewise, for plans agreed before them.
		Units     float64 `json:",omitempty"`
		Frequency string  `json:",omitempty"`
		// For likewise: who the action serves is part of what was agreed.
		For string `json:",omitempty"`
	}
	type goal struct {
		ID, Text, Domain, Target string
		Actions                  []action
	}
	goals := make([]goal, len(p.Goals))
	for i, g := range p.Goals {
		goals[i] = goal{ID: g.ID, Text: g.Text, Domain: g.Domain, Target: g.Target.String()}
		for _, a := range g.Actions {
			goals[i].Actions = append(goals[i].Actions, action{a.ID, a.Text, a.Resource, a.Responsible, a.Cost, a.Due.String(), a.Start.String(), a.End.String(), a.Units, a.Frequency, a.For})
		}
	}
	data, _ := json.Marshal(goals)
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:6])
}

// AgreementCurrent reports whether the client (or representative) agreed
// the plan as it stands now.
func (p Plan) AgreementCurrent() bool {
	return p.Agreed != nil && p.Agreed.Digest == p.Digest()
}
