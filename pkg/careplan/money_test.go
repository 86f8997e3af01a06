package careplan

import (
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// The templates get the plan's money as casefile.Money works it out, in
// the agency's currency, and each action's units, frequency, spending and
// referral.
func TestBuildGivesCommittedSpentRemaining(t *testing.T) {
	in := fixture(t)
	c := *in.Case
	at := time.Date(2026, 2, 20, 9, 0, 0, 0, time.UTC)
	c.Spending = []casefile.SpendEntry{{At: at, By: "w-ana", Action: "A1", Amount: 400}, {At: at, By: "w-ana", Action: "A4", Amount: 40}}
	c.Referrals = []casefile.ReferralEntry{{At: at, By: "w-ana", Action: "A1", Resource: c.Plan.Goals[0].Actions[0].Resource, Status: casefile.ReferralAccepted}}
	c.Plan.Goals[0].Actions[0].Units, c.Plan.Goals[0].Actions[0].Frequency = 4, "monthly"
	in.Case = &c
	in.Config.Currency = "EUR"
	d, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	want := CostInfo{Total: 1500, Budget: 1500, Committed: 1500, Spent: 440, Remaining: 0, Currency: "EUR"}
	if d.Cost != want {
		t.Errorf("Cost = %+v, want %+v", d.Cost, want)
	}
	a := d.Goals[0].Actions[0]
	if a.Units != 4 || a.Frequency != "monthly" || a.Spent != 400 || a.Referral != "accepted" {
		t.Errorf("action A1: units %v, frequency %q, spent %v, referral %q", a.Units, a.Frequency, a.Spent, a.Referral)
	}
	if r := d.Goals[0].Actions[1].Referral; r != "" {
		t.Errorf("A2 was never referred, yet its referral is %q", r)
	}
	c.Spending = append(c.Spending, casefile.SpendEntry{At: at, By: "w-ana", Action: "A3", Amount: 1200})
	if d, _ = Build(in); !d.Cost.Over || d.Cost.OverBy != 140 || d.Cost.Remaining != -140 {
		t.Errorf("spending 1,640 against 1,500: %+v", d.Cost)
	}
}
