package fhir

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// roleCodesUsed are the v3 RoleCode codes casework sends (from the
// code system's personal relationship codes); every one sent must be one.
var roleCodesUsed = []string{
	"CHILD", "SONC", "DAUC", "STPSON", "STPDAU", "STPCHLD", "CHLDFOST", "GRNDCHILD", "GRNDSON", "GRNDDAU",
	"MTH", "FTH", "PRN", "STPMTH", "STPFTH", "GRMTH", "GRFTH", "GRPRN", "SIS", "BRO", "SIB", "HSIS", "HBRO",
	"AUNT", "UNCLE", "COUSN", "NIECE", "NEPHEW", "SPS", "HUSB", "WIFE", "SIGOTHR", "DOMPART",
	"MTHINLAW", "FTHINLAW", "FRND", "NBOR", "ROOM", "FAMMEMB",
}

// checkRelatedPerson checks the elements FHIR R4 requires of a
// RelatedPerson (patient), and the types and value sets of those
// casework fills.
func checkRelatedPerson(t *testing.T, r map[string]any) {
	t.Helper()
	if p, ok := r["patient"].(map[string]any); !ok || !strings.HasPrefix(p["reference"].(string), "urn:uuid:") {
		t.Errorf("RelatedPerson.patient missing or not a reference: %v", r["patient"])
	}
	if _, ok := r["active"].(bool); !ok {
		t.Errorf("RelatedPerson.active is not a boolean: %v", r["active"])
	}
	ids, _ := r["identifier"].([]any)
	if len(ids) != 1 || ids[0].(map[string]any)["value"] == "" {
		t.Errorf("RelatedPerson.identifier: %v", r["identifier"])
	}
	rels, _ := r["relationship"].([]any)
	for _, rel := range rels {
		cc := rel.(map[string]any)
		if len(cc) == 0 {
			t.Error("an empty relationship")
		}
		codings, _ := cc["coding"].([]any)
		for _, c := range codings {
			c := c.(map[string]any)
			if c["system"] != RoleCodeSystem || !slices.Contains(roleCodesUsed, c["code"].(string)) {
				t.Errorf("relationship coding %v is not a v3 RoleCode", c)
			}
		}
	}
	for _, tp := range asList(r["telecom"]) {
		if s := tp["system"]; s != "phone" && s != "email" || tp["value"] == "" {
			t.Errorf("telecom %v", tp)
		}
	}
	if p, ok := r["period"].(map[string]any); ok && len(p) == 0 {
		t.Error("an empty period")
	}
}

func asList(v any) []map[string]any {
	var out []map[string]any
	list, _ := v.([]any)
	for _, x := range list {
		out = append(out, x.(map[string]any))
	}
	return out
}

func TestRelatedPersons(t *testing.T) {
	b := Build(input(loadCase(t), false))
	var got []*RelatedPerson
	for _, e := range b.Entry {
		if r, ok := e.Resource.(*RelatedPerson); ok {
			got = append(got, r)
			if e.FullURL != "urn:uuid:"+r.ID {
				t.Errorf("fullUrl %s for %s", e.FullURL, r.ID)
			}
		}
	}
	type want struct {
		id, code, text, name, born, telecom, end string
		active                                   bool
	}
	wants := []want{
		{"C-2026-7K3QX9M2AB/M1", "SONC", "son", "Leo Lopez", "2015-02-11", "", "", true},
		{"C-2026-7K3QX9M2AB/M2", "DAUC", "Daughter", "Ana Lopez", "2018-09-30", "", "2026-03-01T09:00:00Z", false},
		{"C-2026-7K3QX9M2AB/M3", "", "godmother", "Rosa Lopez Vega", "", "phone 07700-900555", "", true},
		{"C-2026-7K3QX9M2AB/N1", "SIS", "sister", "Carmen Lopez", "", "email carmen@example.org", "", true},
		{"C-2026-7K3QX9M2AB/N3", "NBOR", "neighbour", "Jo Pike", "", "", "", true},
	}
	if len(got) != len(wants) {
		t.Fatalf("%d related persons, want %d (professionals are not related persons)", len(got), len(wants))
	}
	patient := b.Entry[len(b.Entry)-1].FullURL
	for i, w := range wants {
		r := got[i]
		code := ""
		if c := r.Relationship[0].Coding; len(c) > 0 {
			code = c[0].Code
		}
		telecom := ""
		if len(r.Telecom) > 0 {
			telecom = r.Telecom[0].System + " " + r.Telecom[0].Value
		}
		end := ""
		if r.Period != nil {
			end = r.Period.End
		}
		g := want{r.Identifier[0].Value, code, r.Relationship[0].Text, r.Name[0].Text, r.BirthDate, telecom, end, r.Active}
		if g != w {
			t.Errorf("related person %d:\n got %+v\nwant %+v", i, g, w)
		}
		if r.Patient.Reference != patient {
			t.Errorf("%s refers to %s, not the patient %s", w.id, r.Patient.Reference, patient)
		}
	}
}

func TestRelationshipCodes(t *testing.T) {
	for _, tc := range []struct{ recorded, role, code string }{
		{"son", "", "SONC"}, {"Mother", "", "MTH"}, {"  half-sister ", "", "HSIS"}, {"neighbor", "", "NBOR"},
		{"partner", "", "SIGOTHR"}, {"friend", "", "FRND"}, {"wife", "", "WIFE"},
		{"ward", "child", "CHILD"}, {"godmother", "other", ""}, {"form tutor", "", ""},
	} {
		rel := relationship(tc.recorded, tc.role)
		code := ""
		if len(rel) == 1 && len(rel[0].Coding) == 1 {
			code = rel[0].Coding[0].Code
			if !slices.Contains(roleCodesUsed, code) {
				t.Errorf("%s: %s is not in the list of codes the checker knows", tc.recorded, code)
			}
		}
		if code != tc.code || rel[0].Text != tc.recorded {
			t.Errorf("relationship(%q, %q) = %+v, want code %q", tc.recorded, tc.role, rel, tc.code)
		}
	}
	for _, c := range roleCodes {
		if !slices.Contains(roleCodesUsed, c[0]) {
			t.Errorf("roleCodes sends %s, which the checker does not know", c[0])
		}
	}
}

func TestRedactedRelatedPersons(t *testing.T) {
	c := loadCase(t)
	full, _ := json.Marshal(Build(input(c, false)))
	redacted, _ := json.Marshal(Build(input(c, true)))
	for _, v := range []string{"Leo Lopez", "2015-02-11", "Rosa Lopez Vega", "07700-900555", "Carmen", "carmen@example.org", "Jo Pike"} {
		if !strings.Contains(string(full), v) {
			t.Errorf("full export lacks %q", v)
		}
		if strings.Contains(string(redacted), v) {
			t.Errorf("redacted export holds %q", v)
		}
	}
	rs := resources(t, generic(t, Build(input(c, true))))
	if len(rs["RelatedPerson"]) != 5 {
		t.Fatalf("%d related persons in the redacted export", len(rs["RelatedPerson"]))
	}
	for _, r := range rs["RelatedPerson"] {
		checkRelatedPerson(t, r)
		if r["relationship"] == nil {
			t.Errorf("redaction dropped the relationship: %v", r)
		}
	}
}
