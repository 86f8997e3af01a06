package fhir

import "strings"

// Code systems of the risk Flag.
const (
	// flagCategorySystem is FHIR's flag-category code system; casework's
	// risk flags are of category "safety".
	flagCategorySystem = "http://terminology.hl7.org/CodeSystem/flag-category"
	// SystemRiskLevel codes the risk level (risk.levels in the agency's
	// configuration).
	SystemRiskLevel = "urn:casework:risk-level"
)

// Flag is a FHIR R4 Flag: the client's current risk, a warning for anyone
// who works with them.
type Flag struct {
	ResourceType string            `json:"resourceType"`
	ID           string            `json:"id"`
	Identifier   []Identifier      `json:"identifier"`
	Status       string            `json:"status"`
	Category     []CodeableConcept `json:"category"`
	Code         CodeableConcept   `json:"code"`
	Subject      Reference         `json:"subject"`
	Period       *Period           `json:"period,omitempty"`
	Author       *Reference        `json:"author,omitempty"`
}

// riskFlag is the case's current risk as a Flag: the level coded, the
// safeguarding flags in its text, active while the case is open and
// inactive from its closure. The reason and the safety plan are left out:
// a Flag is a warning that travels, not the assessment. Nil when no risk
// is recorded.
func (b *builder) riskFlag() *Flag {
	r := b.c.CurrentRisk()
	if r == nil {
		return nil
	}
	text := "Risk: " + r.Level
	if len(r.Flags) > 0 {
		text += " (" + strings.Join(r.Flags, ", ") + ")"
	}
	f := &Flag{
		ResourceType: "Flag",
		ID:           UUID(b.name("risk")),
		Identifier:   []Identifier{{System: SystemCase, Value: b.c.ID + "/risk"}},
		Status:       "active",
		Category:     []CodeableConcept{{Coding: []Coding{{System: flagCategorySystem, Code: "safety", Display: "Safety"}}}},
		Code:         CodeableConcept{Coding: []Coding{{System: SystemRiskLevel, Code: r.Level}}, Text: text},
		Subject:      b.patient,
		Period:       &Period{Start: stamp(r.At)},
		Author:       b.worker(r.By),
	}
	if cl := b.c.Closure; cl != nil && !cl.At.Before(r.At) && b.c.Phase == "closed" {
		f.Status = "inactive"
		f.Period.End = stamp(cl.At)
	}
	return f
}
