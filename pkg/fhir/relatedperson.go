package fhir

import (
	"strings"

	"github.com/casework/casework/pkg/casefile"
)

// Identifier systems of the people around the client: a household member
// ("<case>/M1") and a contact of the network ("<case>/N1").
const (
	SystemMember  = "urn:casework:member"
	SystemContact = "urn:casework:contact"
)

// RoleCodeSystem is the HL7 v3 RoleCode code system, whose personal
// relationship codes FHIR R4 binds RelatedPerson.relationship to.
const RoleCodeSystem = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"

// RelatedPerson is a person with a personal relationship to the client: a
// member of their household or of their informal network. Professionals
// are not related persons.
type RelatedPerson struct {
	ResourceType string            `json:"resourceType"`
	ID           string            `json:"id"`
	Identifier   []Identifier      `json:"identifier"`
	Active       bool              `json:"active"`
	Patient      Reference         `json:"patient"`
	Relationship []CodeableConcept `json:"relationship,omitempty"`
	Name         []HumanName       `json:"name,omitempty"`
	Telecom      []ContactPoint    `json:"telecom,omitempty"`
	BirthDate    string            `json:"birthDate,omitempty"`
	Period       *Period           `json:"period,omitempty"`
}

// roleCodes are the v3 RoleCode personal relationships a recorded
// relationship (lower case, as caseworkers write it) maps to, with their
// display. A relationship not in the table is sent as text only.
var roleCodes = map[string][2]string{
	"child": {"CHILD", "child"}, "son": {"SONC", "son"}, "daughter": {"DAUC", "daughter"},
	"stepson": {"STPSON", "stepson"}, "stepdaughter": {"STPDAU", "stepdaughter"}, "stepchild": {"STPCHLD", "step child"},
	"foster child": {"CHLDFOST", "foster child"}, "grandchild": {"GRNDCHILD", "grandchild"},
	"grandson": {"GRNDSON", "grandson"}, "granddaughter": {"GRNDDAU", "granddaughter"},
	"mother": {"MTH", "mother"}, "father": {"FTH", "father"}, "parent": {"PRN", "parent"},
	"stepmother": {"STPMTH", "stepmother"}, "stepfather": {"STPFTH", "stepfather"},
	"grandmother": {"GRMTH", "grandmother"}, "grandfather": {"GRFTH", "grandfather"}, "grandparent": {"GRPRN", "grandparent"},
	"sister": {"SIS", "sister"}, "brother": {"BRO", "brother"}, "sibling": {"SIB", "sibling"},
	"half-sister": {"HSIS", "half-sister"}, "half-brother": {"HBRO", "half-brother"},
	"aunt": {"AUNT", "aunt"}, "uncle": {"UNCLE", "uncle"}, "cousin": {"COUSN", "cousin"},
	"niece": {"NIECE", "niece"}, "nephew": {"NEPHEW", "nephew"},
	"spouse": {"SPS", "spouse"}, "husband": {"HUSB", "husband"}, "wife": {"WIFE", "wife"},
	"partner": {"SIGOTHR", "significant other"}, "domestic partner": {"DOMPART", "domestic partner"},
	"mother-in-law": {"MTHINLAW", "mother-in-law"}, "father-in-law": {"FTHINLAW", "father-in-law"},
	"friend": {"FRND", "unrelated friend"}, "neighbour": {"NBOR", "neighbor"}, "neighbor": {"NBOR", "neighbor"},
	"roommate": {"ROOM", "roommate"}, "flatmate": {"ROOM", "roommate"}, "family member": {"FAMMEMB", "family member"},
}

// roleByHouseholdRole is the code of a member whose relationship the
// table does not know, from their role in the household.
var roleByHouseholdRole = map[string]string{"child": "child", "partner": "partner", "parent": "parent", "sibling": "sibling"}

// relationship is the CodeableConcept of a recorded relationship: its
// v3 RoleCode where one fits (else the household role's), and the words
// recorded as text.
func relationship(recorded, role string) []CodeableConcept {
	cc := CodeableConcept{Text: recorded}
	key := strings.Join(strings.Fields(strings.ToLower(recorded)), " ")
	code, ok := roleCodes[key]
	if !ok {
		code, ok = roleCodes[roleByHouseholdRole[role]]
	}
	if ok {
		cc.Coding = []Coding{{System: RoleCodeSystem, Code: code[0], Display: code[1]}}
	}
	if cc.Text == "" && cc.Coding == nil {
		return nil
	}
	return []CodeableConcept{cc}
}

// relatedPersons adds a RelatedPerson for each member of the household
// and each person of the informal network, those who left included
// (inactive, their period ended). With redaction they keep only their
// identifier, relationship and dates of the tie.
func (b *builder) relatedPersons(add func(urn string, r any)) {
	for _, m := range b.c.Household {
		r := b.relatedPerson("member", m.ID, SystemMember, relationship(m.Relationship, m.Role), m.Removed)
		if !b.in.Redact {
			r.Name = named(m.Name)
			r.BirthDate = m.DOB.String()
			if m.Phone != "" {
				r.Telecom = []ContactPoint{{System: "phone", Value: m.Phone}}
			}
		}
		add(URN(b.name("member", m.ID)), r)
	}
	for _, n := range b.c.Network {
		if n.Kind != casefile.Informal {
			continue
		}
		r := b.relatedPerson("contact", n.ID, SystemContact, relationship(n.Relationship, ""), n.Ended)
		if !b.in.Redact {
			r.Name = named(n.Name)
			if n.Contact != "" {
				r.Telecom = []ContactPoint{contactPoint(n.Contact)}
			}
		}
		add(URN(b.name("contact", n.ID)), r)
	}
}

// relatedPerson is the part of a RelatedPerson that redaction keeps.
func (b *builder) relatedPerson(kind, id, system string, rel []CodeableConcept, ended *casefile.Ended) *RelatedPerson {
	r := &RelatedPerson{
		ResourceType: "RelatedPerson",
		ID:           UUID(b.name(kind, id)),
		Identifier:   []Identifier{{System: system, Value: b.c.ID + "/" + id}},
		Active:       ended == nil,
		Patient:      b.patient,
		Relationship: rel,
	}
	if ended != nil && !ended.At.IsZero() {
		r.Period = &Period{End: stamp(ended.At)}
	}
	return r
}

func named(name string) []HumanName {
	if name == "" {
		return nil
	}
	return []HumanName{{Text: name}}
}

// contactPoint is how to reach a contact: an email address when it holds
// an @, else a phone number.
func contactPoint(s string) ContactPoint {
	if strings.Contains(s, "@") {
		return ContactPoint{System: "email", Value: s}
	}
	return ContactPoint{System: "phone", Value: s}
}
