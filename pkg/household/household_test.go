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

func TestDerive(t *testing.T) {
	tie := func(kind, strength string, gives ...string) casefile.Contact {
		return casefile.Contact{Kind: kind, Strength: strength, Provides: gives}
	}
	ended := tie(casefile.Informal, casefile.TieStrong, "emotional")
	ended.Ended = &casefile.Ended{}
	for _, tc := range []struct {
		name                    string
		network                 []casefile.Contact
		want                    string
		score, informal, profes int
		recorded                bool
	}{
		{"nobody", nil, "low", 0, 0, 0, false},
		{"one strong tie that helps", []casefile.Contact{tie("informal", "strong", "childcare")}, "medium", 2, 1, 0, true},
		{"a strong tie that gives nothing counts 1", []casefile.Contact{tie("informal", "strong")}, "low", 1, 1, 0, true},
		{"two strong ties that help", []casefile.Contact{tie("informal", "strong", "childcare"), tie("informal", "strong", "emotional")}, "high", 4, 2, 0, true},
		{"moderate 1, weak 0", []casefile.Contact{tie("informal", "moderate"), tie("informal", "weak", "practical")}, "low", 1, 2, 0, true},
		{"a stressful tie takes away", []casefile.Contact{tie("informal", "strong", "childcare"), tie("informal", "stressful")}, "low", 1, 2, 0, true},
		{"professionals alone are not a network", []casefile.Contact{tie("professional", "strong", "practical"), tie("professional", "strong", "practical")}, "low", 1, 0, 2, true},
		{"professionals add one point together", []casefile.Contact{tie("informal", "moderate"), tie("informal", "moderate"), tie("professional", "", "health"), tie("professional", "moderate", "education")}, "medium", 3, 2, 2, true},
		{"a professional lifts medium to high", []casefile.Contact{tie("informal", "strong", "childcare"), tie("informal", "moderate"), tie("professional", "", "health")}, "high", 4, 2, 1, true},
		{"a professional giving nothing, weak or stressful is no support", []casefile.Contact{tie("professional", "strong"), tie("professional", "weak", "health"), tie("professional", "stressful", "supervision")}, "low", 0, 0, 0, true},
		{"an ended tie does not count but is recorded", []casefile.Contact{ended, tie("informal", "moderate")}, "low", 1, 1, 0, true},
	} {
		got := Derive(&casefile.Case{Network: tc.network})
		if got.Level != tc.want || got.Score != tc.score || got.Informal != tc.informal || got.Professional != tc.profes || got.Recorded != tc.recorded {
			t.Errorf("%s: %+v, want %s with %d points, %d informal, %d professional, recorded %v", tc.name, got, tc.want, tc.score, tc.informal, tc.profes, tc.recorded)
		}
	}
	d := Derive(&casefile.Case{Network: []casefile.Contact{tie("informal", "strong", "childcare"), tie("professional", "", "health")}})
	if got, want := d.Why(), "medium: 3 points from 1 informal tie and 1 professional support"; got != want {
		t.Errorf("Why() = %q, want %q", got, want)
	}
}

func TestMemberToAssess(t *testing.T) {
	c := &casefile.Case{ID: "C-1", Household: []casefile.Member{{ID: "M1"}, {ID: "M2", Removed: &casefile.Ended{At: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}}}}
	if id, err := MemberToAssess(c, "m1"); err != nil || id != "M1" {
		t.Errorf("m1: %q %v", id, err)
	}
	for id, want := range map[string]string{"M2": "left the household on 2026-03-01", "M3": `has no household member "M3"; its members are M1, M2`} {
		if _, err := MemberToAssess(c, id); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", id, err, want)
		}
	}
}

func TestDeparturesAreHistory(t *testing.T) {
	opened := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	c := &casefile.Case{ID: "C-1", History: []casefile.HistoryEntry{{At: opened, By: "w-ana", To: "intake"}}}
	AddMember(c, casefile.Member{Name: "Leo", Relationship: "son"}, roles)
	AddContact(c, casefile.Contact{Name: "Rosa", Relationship: "sister"}, provides)
	at := opened.Add(48 * time.Hour)
	if err := RemoveMember(c, "M1", casefile.Ended{At: at, By: "w-ana", Reason: "moved to his father's"}); err != nil {
		t.Fatal(err)
	}
	if err := EndContact(c, "n1", casefile.Ended{At: at.Add(time.Hour), By: "w-ana", Reason: "moved away"}); err != nil {
		t.Fatal(err)
	}
	want := []casefile.HistoryEntry{
		{At: at, By: "w-ana", Left: &casefile.Departure{Member: "M1"}, Reason: "moved to his father's"},
		{At: at.Add(time.Hour), By: "w-ana", Left: &casefile.Departure{Contact: "N1"}, Reason: "moved away"},
	}
	if len(c.History) != 3 || !sameJSON(c.History[1:], want) {
		t.Errorf("history %+v", c.History)
	}
	if c.Household[0].Removed == nil || c.Network[0].Ended == nil {
		t.Error("the entries are not marked ended")
	}
	// An end dated before the last history entry would break its order.
	AddMember(c, casefile.Member{Name: "Ana", Relationship: "daughter"}, roles)
	if err := RemoveMember(c, "M2", casefile.Ended{At: opened, By: "w-ana", Reason: "x"}); err == nil || !strings.Contains(err.Error(), "time order") {
		t.Errorf("backdated removal: %v", err)
	}
	if len(c.History) != 3 || !c.Household[1].Current() {
		t.Error("a refused removal changed the case")
	}
}

func TestKept(t *testing.T) {
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	end := &casefile.Ended{At: at, By: "w-ana", Reason: "moved"}
	base := func() *casefile.Case {
		return &casefile.Case{
			Household: []casefile.Member{{ID: "M1", Name: "Leo", Relationship: "son"}, {ID: "M2", Name: "Ana", Relationship: "daughter", Removed: end}},
			Network:   []casefile.Contact{{ID: "N1", Name: "Rosa", Relationship: "sister", Kind: "informal"}},
		}
	}
	departure := func(d casefile.Departure) []casefile.HistoryEntry {
		return []casefile.HistoryEntry{{At: at, By: "w-ana", Left: &d, Reason: "moved"}}
	}
	for _, tc := range []struct {
		name     string
		change   func(c *casefile.Case)
		appended []casefile.HistoryEntry
		want     string // rule, "" for none
		key      string
	}{
		{"nothing changed", func(c *casefile.Case) {}, nil, "", ""},
		{"a member added at the end", func(c *casefile.Case) { c.Household = append(c.Household, casefile.Member{ID: "M3"}) }, nil, "", ""},
		{"a current member changed (member set)", func(c *casefile.Case) { c.Household[0].LivesWith = true }, nil, "", ""},
		{"a member removed with its departure", func(c *casefile.Case) { c.Household[0].Removed = end }, departure(casefile.Departure{Member: "M1"}), "", ""},
		{"a member erased", func(c *casefile.Case) { c.Household = c.Household[:1] }, nil, "entry-removed", "household[1]"},
		{"members reordered", func(c *casefile.Case) { c.Household[0], c.Household[1] = c.Household[1], c.Household[0] }, nil, "entry-rewritten", "household[0]"},
		{"an ended member changed", func(c *casefile.Case) { c.Household[1].Name = "Anna" }, nil, "entry-rewritten", "household[1]"},
		{"an ended member's end rewritten", func(c *casefile.Case) { c.Household[1].Removed = &casefile.Ended{At: at, By: "w-ana", Reason: "other"} }, nil, "entry-rewritten", "household[1]"},
		{"an end erased", func(c *casefile.Case) { c.Household[1].Removed = nil }, nil, "entry-reopened", "household[1]"},
		{"a member removed by hand", func(c *casefile.Case) { c.Household[0].Removed = end }, nil, "unrecorded-departure", "household[0]"},
		{"a tie ended with its departure", func(c *casefile.Case) { c.Network[0].Ended = end }, departure(casefile.Departure{Contact: "N1"}), "", ""},
		{"a tie ended by hand", func(c *casefile.Case) { c.Network[0].Ended = end }, departure(casefile.Departure{Member: "N1"}), "unrecorded-departure", "network[0]"},
		{"a tie erased", func(c *casefile.Case) { c.Network = nil }, nil, "entry-removed", "network[0]"},
	} {
		old, now := base(), base()
		tc.change(now)
		probs := Kept(old, now, tc.appended)
		switch {
		case tc.want == "" && len(probs) > 0:
			t.Errorf("%s: %+v", tc.name, probs)
		case tc.want != "" && (len(probs) == 0 || probs[0].Rule != tc.want || probs[0].Key != tc.key):
			t.Errorf("%s: %+v, want %s at %s first", tc.name, probs, tc.want, tc.key)
		}
	}
	now := base()
	now.Household = now.Household[:1]
	now.Network[0].ID = "N\x1b[2J"
	probs := Kept(base(), now, nil)
	if len(probs) != 2 || probs[0].Msg != `member "M2" was erased; entries are never erased: record that they left with 'casework member remove' or 'casework network end'` ||
		strings.ContainsRune(probs[1].Msg, 0x1b) {
		t.Errorf("messages: %+v", probs)
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

func TestAge(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		dob, on string
		want    int
		known   bool
	}{
		{"1984-05-01", "2026-04-30", 41, true},
		{"1984-05-01", "2026-05-01", 42, true},
		{"2000-02-29", "2026-02-28", 25, true},
		{"2000-02-29", "2026-03-01", 26, true},
		{"", "2026-03-01", 0, false},
	}
	for _, tt := range tests {
		var dob casefile.Date
		if tt.dob != "" {
			dob = casefile.NewDate(day(tt.dob))
		}
		if got, known := Age(dob, day(tt.on)); got != tt.want || known != tt.known {
			t.Errorf("Age(%q, %s) = %d, %v; want %d, %v", tt.dob, tt.on, got, known, tt.want, tt.known)
		}
	}
}
