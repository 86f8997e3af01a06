package referral

import (
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

const (
	none       = casefile.ReferralStatus("")
	sent       = casefile.ReferralSent
	accepted   = casefile.ReferralAccepted
	declined   = casefile.ReferralDeclined
	waitlisted = casefile.ReferralWaitlisted
	started    = casefile.ReferralStarted
	ended      = casefile.ReferralEnded
)

func TestLegal(t *testing.T) {
	all := []casefile.ReferralStatus{sent, accepted, declined, waitlisted, started, ended}
	legal := map[casefile.ReferralStatus][]casefile.ReferralStatus{
		none:       {sent},
		sent:       {accepted, declined, waitlisted},
		waitlisted: {accepted, declined},
		accepted:   {started},
		started:    {ended},
		declined:   {sent},
		ended:      {sent},
	}
	for from, allowed := range legal {
		for _, to := range all {
			want := false
			for _, a := range allowed {
				want = want || a == to
			}
			if got := Legal(from, to); got != want {
				t.Errorf("Legal(%q, %q) = %v, want %v", from, to, got, want)
			}
		}
	}
}

func plan() *casefile.Case {
	return &casefile.Case{ID: "C-1", Plan: casefile.Plan{Goals: []casefile.Goal{{ID: "G1", Actions: []casefile.Action{
		{ID: "A1", Resource: "kids-club", Status: casefile.ActionPlanned},
		{ID: "A2", Status: casefile.ActionPlanned},
		{ID: "A3", Resource: "food-bank", Status: casefile.ActionDone},
	}}}}}
}

func at(day int) time.Time { return time.Date(2026, 3, day, 9, 0, 0, 0, time.UTC) }

func TestRecord(t *testing.T) {
	type step struct {
		action string
		status casefile.ReferralStatus
		reason string
		day    int
		err    string // a part of the error, "" for none
		after  casefile.ActionStatus
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"the whole course", []step{
			{"A1", sent, "", 1, "", casefile.ActionPlanned},
			{"a1", waitlisted, "", 2, "", casefile.ActionPlanned},
			{"A1", accepted, "", 3, "", casefile.ActionPlanned},
			{"A1", started, "", 4, "", casefile.ActionActive},
			{"A1", ended, "", 5, "", casefile.ActionDone},
		}},
		{"an answer before sending", []step{{"A1", accepted, "", 1, "was never referred: send the referral first with 'casework refer C-1 --action A1'", ""}}},
		{"sent twice", []step{
			{"A1", sent, "", 1, "", casefile.ActionPlanned},
			{"A1", sent, "", 2, "is sent, not yet answered or ended; it can next be accepted or declined or waitlisted", ""},
		}},
		{"started before accepted", []step{
			{"A1", sent, "", 1, "", ""},
			{"A1", started, "", 2, "is sent and cannot become started", ""},
		}},
		{"ended before started", []step{
			{"A1", sent, "", 1, "", ""},
			{"A1", accepted, "", 2, "", ""},
			{"A1", ended, "", 3, "is accepted and cannot become ended; it can next be started", ""},
		}},
		{"declined needs a reason", []step{
			{"A1", sent, "", 1, "", ""},
			{"A1", declined, " ", 2, "needs the provider's reason", ""},
		}},
		{"declined reopens planning, then sent again", []step{
			{"A1", sent, "", 1, "", ""},
			{"A1", accepted, "", 2, "", ""},
			{"A1", started, "", 3, "", casefile.ActionActive},
			{"A1", ended, "", 4, "", casefile.ActionDone},
			{"A1", sent, "", 5, "is done: only a planned or active action is referred", ""},
		}},
		{"declined from the waiting list", []step{
			{"A1", sent, "", 1, "", ""},
			{"A1", waitlisted, "", 2, "", ""},
			{"A1", declined, "No places", 3, "", casefile.ActionPlanned},
			{"A1", sent, "", 4, "", casefile.ActionPlanned},
		}},
		{"backdated step", []step{
			{"A1", sent, "", 5, "", ""},
			{"A1", accepted, "", 4, "cannot be dated before it", ""},
		}},
		{"no resource", []step{{"A2", sent, "", 1, "has no resource to refer to", ""}}},
		{"unknown action", []step{{"A9", sent, "", 1, `unknown action "A9"`, ""}}},
		{"closed action", []step{{"A3", sent, "", 1, "is done", ""}}},
		{"unknown status", []step{{"A1", "lost", "", 1, `"lost" is not a referral status`, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := plan()
			for i, s := range tt.steps {
				n := len(c.Referrals)
				_, err := Record(c, casefile.ReferralEntry{At: at(s.day), By: "w-ana", Action: s.action, Status: s.status, Reason: s.reason})
				switch {
				case s.err == "" && err != nil:
					t.Fatalf("step %d: %v", i, err)
				case s.err != "" && (err == nil || !strings.Contains(err.Error(), s.err)):
					t.Fatalf("step %d: error %v, want one with %q", i, err, s.err)
				case s.err != "" && len(c.Referrals) != n:
					t.Fatalf("step %d: a refused step was recorded", i)
				}
				if s.after != "" {
					if got := c.Plan.Goals[0].Actions[0].Status; got != s.after {
						t.Errorf("step %d: action is %s, want %s", i, got, s.after)
					}
				}
			}
		})
	}
}

func TestRecordKeepsTheResource(t *testing.T) {
	c := plan()
	if _, err := Record(c, casefile.ReferralEntry{At: at(1), Action: "A1", Status: sent}); err != nil {
		t.Fatal(err)
	}
	c.Plan.Goals[0].Actions[0].Resource = "other"
	e, err := Record(c, casefile.ReferralEntry{At: at(2), Action: "A1", Status: accepted})
	if err != nil || e.Resource != "kids-club" {
		t.Errorf("answer for resource %q (%v), want kids-club, the one referred to", e.Resource, err)
	}
}

func TestAwaitingAndCheckHistory(t *testing.T) {
	c := plan()
	c.Plan.Goals[0].Actions[1].Resource = "debt-advice"
	c.Referrals = []casefile.ReferralEntry{
		{At: at(1), Action: "A1", Resource: "kids-club", Status: sent},
		{At: at(2), Action: "A2", Resource: "debt-advice", Status: sent},
		{At: at(3), Action: "A1", Resource: "kids-club", Status: accepted},
		{At: at(4), Action: "A2", Resource: "debt-advice", Status: ended},    // not started
		{At: at(5), Action: "A1", Resource: "kids-club", Status: declined},   // no reason, and not from accepted
		{At: at(6), Action: "A3", Resource: "food-bank", Status: sent},       // A3 is done now, but was sent then: legal
		{At: at(2), Action: "A3", Resource: "food-bank", Status: waitlisted}, // before the step it follows
	}
	if aw := Awaiting(&casefile.Case{Referrals: c.Referrals[:3]}); len(aw) != 1 || aw[0].Action != "A2" {
		t.Errorf("Awaiting = %+v, want A2 only (A1 was accepted)", aw)
	}
	if aw := Awaiting(c); len(aw) != 0 {
		t.Errorf("Awaiting = %+v, want none: every referral has a later step", aw)
	}
	probs := CheckHistory(c)
	for i, want := range map[int]bool{0: false, 1: false, 2: false, 3: true, 4: true, 5: false, 6: true} {
		if _, got := probs[i]; got != want {
			t.Errorf("entry %d: problem %v, want %v (%v)", i, got, want, probs[i])
		}
	}
	if c.Plan.Goals[0].Actions[0].Status != casefile.ActionPlanned {
		t.Error("CheckHistory changed the case's plan")
	}
}

func TestEffect(t *testing.T) {
	tests := []struct {
		step   casefile.ReferralStatus
		action casefile.ActionStatus
		want   casefile.ActionStatus
		moved  bool
	}{
		{declined, casefile.ActionActive, casefile.ActionPlanned, true},
		{declined, casefile.ActionPlanned, casefile.ActionPlanned, false},
		{declined, casefile.ActionCancelled, casefile.ActionCancelled, false},
		{started, casefile.ActionPlanned, casefile.ActionActive, true},
		{started, casefile.ActionActive, casefile.ActionActive, false},
		{ended, casefile.ActionActive, casefile.ActionDone, true},
		{ended, casefile.ActionPlanned, casefile.ActionDone, true},
		{ended, casefile.ActionCancelled, casefile.ActionCancelled, false},
		{sent, casefile.ActionPlanned, casefile.ActionPlanned, false},
		{accepted, casefile.ActionPlanned, casefile.ActionPlanned, false},
		{waitlisted, casefile.ActionActive, casefile.ActionActive, false},
	}
	for _, tt := range tests {
		if got, moved := Effect(tt.step, tt.action); got != tt.want || moved != tt.moved {
			t.Errorf("Effect(%s, %s) = %s, %v; want %s, %v", tt.step, tt.action, got, moved, tt.want, tt.moved)
		}
	}
}

// FuzzCheckHistory replays referrals as a case file may hold them, written
// by hand: any statuses, actions and times; it never panics and never
// changes the case's plan.
func FuzzCheckHistory(f *testing.F) {
	f.Add("A1", "sent", "A1", "accepted", "a1", "started", int64(0), int64(3600))
	f.Add("A9", "lost", "", "", "A1", "declined", int64(-5), int64(0))
	f.Fuzz(func(t *testing.T, a1, s1, a2, s2, a3, s3 string, d1, d2 int64) {
		c := plan()
		base := at(1)
		c.Referrals = []casefile.ReferralEntry{
			{At: base, Action: a1, Status: casefile.ReferralStatus(s1)},
			{At: base.Add(time.Duration(d1)), Action: a2, Status: casefile.ReferralStatus(s2)},
			{At: base.Add(time.Duration(d2)), Action: a3, Status: casefile.ReferralStatus(s3), Reason: s3},
		}
		before := c.Plan.Goals[0].Actions[0]
		probs := CheckHistory(c)
		for i := range probs {
			if i < 0 || i >= len(c.Referrals) {
				t.Fatalf("problem at index %d", i)
			}
		}
		if c.Plan.Goals[0].Actions[0] != before {
			t.Fatal("CheckHistory changed the plan")
		}
		_ = Awaiting(c)
	})
}
