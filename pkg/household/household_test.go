package household

import (
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

var roles = []string{"carer", "child", "partner", "other"}
var provides = []string{"practical", "emotional", "childcare"}

func TestMembersKeepTheirIDs(t *testing.T) {
	c := &casefile.Case{ID: "C-1"}
	for _, name := range []string{"Leo", "Ana", "Pablo"} {
		if _, err := AddMember(c, casefile.Member{Name: name, Relationship: "son", Role: "child"}, roles); err != nil {
			t.Fatal(err)
		}
	}
	when := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	if err := RemoveMember(c, "m2", casefile.Ended{At: when, By: "w-ana", Reason: "moved to his father's"}); err != nil {
		t.Fatal(err)
	}
	m, _ := AddMember(c, casefile.Member{Name: "Rosa", Relationship: "aunt"}, roles)
	if m.ID != "M4" || len(c.Household) != 4 || c.Household[1].Current() {
		t.Fatalf("IDs reused or the removed member erased: %+v", c.Household)
	}
	if _, err := SetMember(c, "M2", roles, func(m *casefile.Member) { m.Name = "x" }); err == nil || !strings.Contains(err.Error(), "left the household") {
		t.Errorf("a removed member was changed: %v", err)
	}
	if err := RemoveMember(c, "M2", casefile.Ended{At: when, Reason: "again"}); err == nil {
		t.Error("removed twice")
	}
}

func TestRefusals(t *testing.T) {
	c := &casefile.Case{ID: "C-1"}
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"member without a name", second(AddMember(c, casefile.Member{Relationship: "son"}, roles)), "needs a name"},
		{"member without a relationship", second(AddMember(c, casefile.Member{Name: "Leo"}, roles)), "--relationship"},
		{"unknown role", second(AddMember(c, casefile.Member{Name: "Leo", Relationship: "son", Role: "pet"}, roles)), `unknown role "pet"`},
		{"unknown kind", second(AddContact(c, casefile.Contact{Name: "Dr Shah", Relationship: "GP", Kind: "medical"}, provides)), "unknown --kind"},
		{"unknown strength", second(AddContact(c, casefile.Contact{Name: "Rosa", Relationship: "sister", Strength: "great"}, provides)), "unknown --strength"},
		{"unknown support", second(AddContact(c, casefile.Contact{Name: "Rosa", Relationship: "sister", Provides: []string{"money"}}, provides)), "unknown --provides"},
		{"no such member", second(FindMember(c, "M9")), "has no household member"},
		{"removal without a reason", RemoveMember(&casefile.Case{Household: []casefile.Member{{ID: "M1"}}}, "M1", casefile.Ended{}), "--reason"},
	} {
		if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, tc.err, tc.want)
		}
	}
	if len(c.Household) != 0 || len(c.Network) != 0 {
		t.Errorf("a refused entry was added: %+v %+v", c.Household, c.Network)
	}
}

func second[T any](_ T, err error) error { return err }

func TestSupport(t *testing.T) {
	tie := func(kind, strength string, gives ...string) casefile.Contact {
		return casefile.Contact{Kind: kind, Strength: strength, Provides: gives}
	}
	ended := tie(casefile.Informal, casefile.TieStrong, "emotional")
	ended.Ended = &casefile.Ended{}
	for _, tc := range []struct {
		name    string
		network []casefile.Contact
		want    string
	}{
		{"nobody", nil, "low"},
		{"one strong tie that helps", []casefile.Contact{tie("informal", "strong", "childcare")}, "medium"},
		{"two strong ties that help", []casefile.Contact{tie("informal", "strong", "childcare"), tie("informal", "strong", "emotional")}, "high"},
		{"a stressful tie takes away", []casefile.Contact{tie("informal", "strong", "childcare"), tie("informal", "stressful")}, "low"},
		{"professionals are services, not support", []casefile.Contact{tie("professional", "strong", "practical"), tie("professional", "strong", "practical")}, "low"},
		{"an ended tie does not count", []casefile.Contact{ended, tie("informal", "moderate")}, "low"},
	} {
		if got := Support(&casefile.Case{Network: tc.network}); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestEcoMap(t *testing.T) {
	c := &casefile.Case{Client: casefile.Client{Name: `Maria "M" Lopez`},
		Household: []casefile.Member{{ID: "M1", Name: "Leo", Relationship: "son", LivesWith: true}, {ID: "M2", Name: "Gone", Relationship: "x", Removed: &casefile.Ended{}}},
		Network: []casefile.Contact{
			{ID: "N1", Name: "Rosa", Relationship: "sister", Kind: "informal", Strength: "strong"},
			{ID: "N2", Name: "Carlos", Relationship: "ex-partner", Kind: "informal", Strength: "stressful"},
			{ID: "N3", Name: "Dr Shah", Relationship: "GP", Kind: "professional", Organisation: "Mill Lane Surgery"},
		}}
	m := EcoMap(c, false)
	for _, want := range []string{
		"flowchart LR\n", `client(("Maria 'M' Lopez"))`, `M1["Leo (son)"]`, "client === M1",
		"client === N1", "client -. stressful .- N2", `N3["Dr Shah (GP), Mill Lane Surgery"]`, "client --- N3", "linkStyle 2 stroke:#d55e00",
	} {
		if !strings.Contains(m, want) {
			t.Errorf("eco-map lacks %q:\n%s", want, m)
		}
	}
	if strings.Contains(m, "Gone") {
		t.Error("a removed member is drawn")
	}
	anon := EcoMap(c, true)
	for _, name := range []string{"Maria", "Leo", "Rosa", "Carlos", "Shah", "Mill Lane"} {
		if strings.Contains(anon, name) {
			t.Errorf("the anonymous eco-map names %q:\n%s", name, anon)
		}
	}
}
