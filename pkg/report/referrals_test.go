package report

import (
	"fmt"
	"testing"

	"github.com/casework/casework/pkg/casefile"
)

func TestFlowReferralsPerProvider(t *testing.T) {
	cfg := defaults(t)
	step := func(day int, resource string, s casefile.ReferralStatus) casefile.ReferralEntry {
		return casefile.ReferralEntry{At: at("2026-03-01T09:00:00Z").AddDate(0, 0, day), Action: "A1", Resource: resource, Status: s}
	}
	var cases []*casefile.Case
	// Six clients referred to the club (Parks Trust): five accepted (one
	// from the waiting list), one declined; three to the food bank, all
	// declined; one answer outside the period.
	for i := 0; i < 10; i++ {
		c := client(fmt.Sprint("C-", i), "w-a")
		switch {
		case i < 4:
			c.Referrals = []casefile.ReferralEntry{step(0, "kids-club", casefile.ReferralSent), step(2, "kids-club", casefile.ReferralAccepted), step(3, "kids-club", casefile.ReferralStarted)}
		case i == 4:
			c.Referrals = []casefile.ReferralEntry{step(0, "kids-club", casefile.ReferralSent), step(1, "kids-club", casefile.ReferralWaitlisted), step(9, "kids-club", casefile.ReferralAccepted)}
		case i == 5:
			c.Referrals = []casefile.ReferralEntry{step(0, "kids-club", casefile.ReferralSent), step(1, "kids-club", casefile.ReferralDeclined)}
		case i < 9:
			c.Referrals = []casefile.ReferralEntry{step(0, "food-bank", casefile.ReferralSent), step(1, "food-bank", casefile.ReferralDeclined)}
		default:
			c.Referrals = []casefile.ReferralEntry{step(0, "food-bank", casefile.ReferralSent), step(400, "food-bank", casefile.ReferralDeclined)}
		}
		cases = append(cases, c)
	}
	pop := Population{Cases: cases, Providers: map[string]string{"kids-club": "Parks Trust"}}
	o := options("2026-01", "2026-12")
	o.MinCell = 3
	rep := ComputeFlow(pop, cfg, o)
	want := []struct {
		provider           string
		accepted, declined int
		hideA, hideD       bool
	}{
		{"Parks Trust", 5, 1, false, true},
		{"food-bank", 0, 3, false, false}, // none is no group to hide
	}
	if len(rep.Referrals) != len(want) {
		t.Fatalf("referrals %+v, want %d providers", rep.Referrals, len(want))
	}
	for i, w := range want {
		r := rep.Referrals[i]
		if r.Provider != w.provider || r.Accepted.Suppressed != w.hideA || r.Declined.Suppressed != w.hideD ||
			(!w.hideA && r.Accepted.N != w.accepted) || (!w.hideD && r.Declined.N != w.declined) {
			t.Errorf("provider %d: %+v, want %+v", i, r, w)
		}
	}
	doc := rep.Doc(3)
	if s := doc.Sections[len(doc.Sections)-1]; s.Heading != "Referrals by provider" || len(s.Tables) != 1 || s.Tables[0].Rows[0][2] != "<3" {
		t.Errorf("section %+v", s)
	}
}
