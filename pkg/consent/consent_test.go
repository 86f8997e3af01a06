package consent

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func at(day int) time.Time { return time.Date(2026, 3, day, 9, 0, 0, 0, time.UTC) }

func give(day int, purpose string, with ...string) casefile.ConsentEntry {
	return casefile.ConsentEntry{At: at(day), By: "w-ana", Action: casefile.ConsentGive, Purpose: purpose, With: with, GivenBy: "client"}
}

func withdraw(day int, purpose string, with ...string) casefile.ConsentEntry {
	e := give(day, purpose, with...)
	e.Action, e.Reason = casefile.ConsentWithdraw, "changed her mind"
	return e
}

var foodBank = Party{Resource: "food-bank", Provider: "Northside Churches"}

func TestAt(t *testing.T) {
	until := func(e casefile.ConsentEntry, d string) casefile.ConsentEntry {
		e.Until, _ = casefile.ParseDate(d)
		return e
	}
	for _, tc := range []struct {
		name    string
		entries []casefile.ConsentEntry
		purpose string
		party   Party
		day     int
		want    bool
		says    string
	}{
		{"nothing recorded", nil, Share, foodBank, 10, false, "no consent to share is recorded"},
		{"given to everyone", []casefile.ConsentEntry{give(1, Share, "*")}, Share, foodBank, 10, true, "consent to share given by the client on 2026-03-01"},
		{"given with no one named covers everyone", []casefile.ConsentEntry{give(1, Share)}, Share, foodBank, 10, true, ""},
		{"given to the resource", []casefile.ConsentEntry{give(1, Share, "food-bank")}, Share, foodBank, 10, true, ""},
		{"given to the provider, any case of letters", []casefile.ConsentEntry{give(1, Share, "northside churches")}, Share, foodBank, 10, true, ""},
		{"given to someone else", []casefile.ConsentEntry{give(1, Share, "counselling")}, Share, foodBank, 10, false, ""},
		{"given to one is not given to everyone", []casefile.ConsentEntry{give(1, Share, "food-bank")}, Share, Everyone, 10, false, ""},
		{"another purpose", []casefile.ConsentEntry{give(1, Services)}, Share, foodBank, 10, false, ""},
		{"not yet given at the time", []casefile.ConsentEntry{give(12, Share)}, Share, foodBank, 10, false, ""},
		{"withdrawn", []casefile.ConsentEntry{give(1, Share), withdraw(5, Share)}, Share, foodBank, 10, false, "consent to share was withdrawn on 2026-03-05"},
		{"withdrawn from another party only", []casefile.ConsentEntry{give(1, Share), withdraw(5, Share, "counselling")}, Share, foodBank, 10, true, ""},
		{"withdrawn from this party only", []casefile.ConsentEntry{give(1, Share), withdraw(5, Share, "food-bank")}, Share, foodBank, 10, false, ""},
		{"given again after a withdrawal", []casefile.ConsentEntry{give(1, Share), withdraw(5, Share), give(8, Share, "food-bank")}, Share, foodBank, 10, true, ""},
		{"holds through its last day", []casefile.ConsentEntry{until(give(1, Share), "2026-03-10")}, Share, foodBank, 10, true, ", until 2026-03-10"},
		{"ran out", []casefile.ConsentEntry{until(give(1, Share), "2026-03-09")}, Share, foodBank, 10, false, "consent to share ran out on 2026-03-09"},
	} {
		c := &casefile.Case{ID: "C-1", Consents: tc.entries}
		st := At(c, tc.purpose, tc.party, at(tc.day))
		if st.InForce != tc.want {
			t.Errorf("%s: in force %v, want %v", tc.name, st.InForce, tc.want)
		}
		if tc.says != "" && !strings.Contains(st.Describe(tc.purpose), tc.says) {
			t.Errorf("%s: %q does not say %q", tc.name, st.Describe(tc.purpose), tc.says)
		}
	}
}

func TestLegacyAndMigrate(t *testing.T) {
	given, _ := casefile.ParseDate("2026-01-05")
	c := &casefile.Case{ID: "C-1", Opened: given,
		Client: casefile.Client{Consent: casefile.Consent{Given: true, At: given, Scope: "share with the providers in the plan"}},
		Plan:   casefile.Plan{Goals: []casefile.Goal{{Actions: []casefile.Action{{Resource: "food-bank"}, {Resource: ""}, {Resource: "food-bank"}}}}},
	}
	if !At(c, Services, Everyone, at(1)).InForce || !At(c, Share, foodBank, at(1)).InForce {
		t.Fatal("the old record is not read as consent to services and to share with the plan's resources")
	}
	if At(c, Share, Party{Resource: "counselling"}, at(1)).InForce {
		t.Fatal("the old record is read as consent to share with anyone")
	}
	c.Worker = "w-ben"
	c.History = []casefile.HistoryEntry{{At: at(1), By: "w-ana", Assign: &casefile.Assignment{From: "w-ana", To: "w-ben"}}}
	if !Migrate(c, "w-cy") || c.Client.Consent != (casefile.Consent{}) || len(c.Consents) != 2 {
		t.Fatalf("Migrate: %+v", c.Consents)
	}
	if c.Consents[0].By != "w-ana" || c.Consents[1].By != "w-ana" {
		t.Errorf("migrated entries are recorded by %q and %q, want the worker of the case at the time, w-ana", c.Consents[0].By, c.Consents[1].By)
	}
	if c.Consents[1].Purpose != Share || len(c.Consents[1].With) != 1 || !strings.Contains(c.Consents[0].Reason, "share with the providers in the plan") {
		t.Errorf("migrated entries lose something: %+v", c.Consents)
	}
	if !At(c, Share, foodBank, at(1)).InForce || Migrate(c, "w-cy") {
		t.Error("migration changed what is in force, or ran twice")
	}
	refused := &casefile.Case{Client: casefile.Client{Consent: casefile.Consent{At: given, Scope: "no sharing"}}}
	if !Migrate(refused, "w-cy") || refused.Consents[0].By != "w-cy" || refused.Consents[0].Action != casefile.ConsentWithdraw || !strings.Contains(refused.Consents[0].Reason, "no sharing") {
		t.Errorf("a record of consent not given migrates to %+v", refused.Consents)
	}
}

func TestRecordRefuses(t *testing.T) {
	purposes := []string{Services, Share}
	parties := []Party{foodBank, {Resource: "a"}, {Resource: "b"}}
	until, _ := casefile.ParseDate("2026-02-01")
	for _, tc := range []struct {
		name string
		req  Request
		want string
	}{
		{"unknown purpose", Request{Action: "give", Purpose: "marketing"}, "unknown purpose"},
		{"unknown action", Request{Action: "maybe", Purpose: Share}, "unknown consent action"},
		{"representative without one", Request{Action: "give", Purpose: Share, GivenBy: "representative", Basis: "x"}, "no representative"},
		{"withdrawal without a reason", Request{Action: "withdraw", Purpose: Share}, "needs --reason"},
		{"until in the past", Request{Action: "give", Purpose: Share, Until: until}, "before today"},
		{"someone else gives", Request{Action: "give", Purpose: Share, GivenBy: "neighbour"}, "unknown --by"},
		{"an unknown party", Request{Action: "give", Purpose: Share, With: []string{"food-bank", "nores"}}, `no resource or provider "nores"; 'casework resource list' shows them`},
		{"an unknown party withdrawn", Request{Action: "withdraw", Purpose: Share, With: []string{"nores"}, Reason: "r"}, `no resource or provider "nores"`},
	} {
		c := &casefile.Case{ID: "C-1"}
		tc.req.At = at(1)
		err := Record(c, purposes, parties, tc.req)
		if err == nil || !strings.Contains(err.Error(), tc.want) || len(c.Consents) != 0 {
			t.Errorf("%s: %v (want %q, nothing recorded)", tc.name, err, tc.want)
		}
	}
	for _, with := range [][]string{{"food-bank"}, {"NORTHSIDE churches"}, {"*"}, nil} {
		c := &casefile.Case{ID: "C-1"}
		if err := Record(c, purposes, parties, Request{At: at(1), Action: "give", Purpose: Share, With: with}); err != nil || len(c.Consents) != 1 {
			t.Errorf("with %v: %v", with, err)
		}
	}
	c := &casefile.Case{ID: "C-1", Client: casefile.Client{Representative: &casefile.Representative{Name: "N"}}}
	if err := Record(c, purposes, parties, Request{At: at(2), By: "w-ana", Action: "give", Purpose: Share, With: []string{"b", "a", "b"}, GivenBy: "representative", Basis: "parental responsibility"}); err != nil {
		t.Fatal(err)
	}
	if got := c.Consents[0].With; len(got) != 2 || got[0] != "a" {
		t.Errorf("with = %v, want [a b]", got)
	}
	if err := Record(c, purposes, parties, Request{At: at(1), Action: "give", Purpose: Services}); err == nil || !strings.Contains(err.Error(), "time order") {
		t.Errorf("an entry before the last: %v", err)
	}
}

func TestSummary(t *testing.T) {
	rep := give(2, Share, "food-bank")
	rep.GivenBy = casefile.ConsentByRepresentative
	for _, tc := range []struct {
		name     string
		entries  []casefile.ConsentEntry
		inForce  bool
		everyone bool
		with     []string
		except   []string
		text     string
	}{
		{"nothing recorded", nil, false, false, nil, nil, "no consent to share is recorded"},
		{"everyone", []casefile.ConsentEntry{give(1, Share, "*")}, true, true, nil, nil, "consent to share given by the client on 2026-03-01"},
		{"some parties: in force, and said what is recorded", []casefile.ConsentEntry{give(1, Share, "food-bank", "after-school")},
			true, false, []string{"after-school", "food-bank"}, nil, "consent to share given by the client on 2026-03-01 with after-school, food-bank"},
		{"parties from two entries", []casefile.ConsentEntry{give(1, Share, "after-school"), rep},
			true, false, []string{"after-school", "food-bank"}, nil,
			"consent to share given by the client on 2026-03-01 with after-school; consent to share given by the client's representative on 2026-03-02 with food-bank"},
		{"one party withdrawn", []casefile.ConsentEntry{give(1, Share, "food-bank", "after-school"), withdraw(5, Share, "food-bank")},
			true, false, []string{"after-school"}, nil, "consent to share given by the client on 2026-03-01 with after-school"},
		{"every party withdrawn", []casefile.ConsentEntry{give(1, Share, "food-bank"), withdraw(5, Share, "food-bank")},
			false, false, nil, nil, "consent to share with food-bank was withdrawn on 2026-03-05"},
		{"everyone but one", []casefile.ConsentEntry{give(1, Share), withdraw(5, Share, "food-bank")},
			true, true, nil, []string{"food-bank"}, "consent to share given by the client on 2026-03-01, except with food-bank"},
		{"everyone withdrawn", []casefile.ConsentEntry{give(1, Share, "*"), withdraw(5, Share, "*")},
			false, false, nil, nil, "consent to share was withdrawn on 2026-03-05"},
	} {
		c := &casefile.Case{ID: "C-1", Consents: tc.entries}
		l := Summary(c, []string{Share}, at(10))[0]
		if l.InForce != tc.inForce || l.Everyone != tc.everyone || !slices.Equal(l.With, tc.with) || !slices.Equal(l.Except, tc.except) || l.Text != tc.text {
			t.Errorf("%s: got %+v\nwant in force %v, everyone %v, with %v, except %v, %q", tc.name, l, tc.inForce, tc.everyone, tc.with, tc.except, tc.text)
		}
	}
}
