package timeline

import (
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/gitrev"
)

func at(hour int) time.Time { return time.Date(2026, 3, 2, hour, 0, 0, 0, time.UTC) }

func TestDescribe(t *testing.T) {
	tests := []struct {
		entry casefile.HistoryEntry
		want  string
	}{
		{casefile.HistoryEntry{To: "intake", Reason: "opened"}, "opened in intake"},
		{casefile.HistoryEntry{To: "intake", Reason: "legacy import"}, "opened in intake: legacy import"},
		{casefile.HistoryEntry{From: "intake", To: "assessment"}, "intake → assessment"},
		{casefile.HistoryEntry{From: "monitoring", To: "closed", Reason: "goals-met"}, "monitoring → closed: goals-met"},
		{casefile.HistoryEntry{Assign: &casefile.Assignment{To: "w-bo"}}, "assigned — → w-bo"},
		{casefile.HistoryEntry{Assign: &casefile.Assignment{From: "w-ana", To: "w-bo"}, Forced: true, Reason: "leave"}, "assigned w-ana → w-bo (forced): leave"},
		{casefile.HistoryEntry{Kind: casefile.HistoryEligibilityOverride, Action: "A3", With: "home-care", For: "M1", Reason: "respite"}, "eligibility overridden: action A3 (home-care) for M1 added outside the resource's ages: respite"},
		{casefile.HistoryEntry{Left: &casefile.Departure{Member: "M2"}, Reason: "moved out"}, "M2 left the household: moved out"},
		{casefile.HistoryEntry{Left: &casefile.Departure{Contact: "N1"}, Reason: "moved away"}, "the tie with N1 ended: moved away"},
	}
	for _, tt := range tests {
		if got := Describe(tt.entry); got != tt.want {
			t.Errorf("Describe(%+v) = %q, want %q", tt.entry, got, tt.want)
		}
	}
}

func TestMerge(t *testing.T) {
	history := FromHistory([]casefile.HistoryEntry{
		{At: at(9), By: "w-ana", To: "intake", Reason: "opened"},
		{At: at(11), By: "w-ana", From: "intake", To: "assessment"},
	})
	notes := FromNotes([]*casefile.Note{{At: at(10), By: "w-ana", Kind: "call", Body: "private words"}})
	commits := FromCommits([]gitrev.LogEntry{
		{Hash: "aaa", At: at(9), Author: "Ana", Subject: "C-1: case new"},
		{Hash: "bbb", At: at(11), Author: "Ana", Subject: "C-1: intake → assessment"},
		{Hash: "ccc", At: at(12), Author: "Ana", Subject: "C-1: note"},
	})
	got := Merge(commits, notes, history)
	want := []struct{ source, what string }{
		{History, "opened in intake"},
		{Git, "C-1: case new"},
		{Note, "note (call)"},
		{History, "intake → assessment"},
		{Git, "C-1: intake → assessment"},
		{Git, "C-1: note"},
	}
	if len(got) != len(want) {
		t.Fatalf("Merge gave %d events, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Kind != w.source || got[i].What != w.what {
			t.Errorf("event %d = %s %q, want %s %q", i, got[i].Kind, got[i].What, w.source, w.what)
		}
	}
	if got[1].Commit != "aaa" || got[1].By != "Ana" {
		t.Errorf("commit event = %+v", got[1])
	}
	if Merge() != nil {
		t.Error("Merge() of nothing is not empty")
	}
}

// TestOfCase holds each list of a case file to the event it gives: every
// recorded entry is in the chronology, and no free text but reasons.
func TestOfCase(t *testing.T) {
	day := func(s string) casefile.Date { d, _ := casefile.ParseDate(s); return d }
	ended := &casefile.Ended{At: at(16), By: "w-bo", Reason: "moved out"}
	tests := []struct {
		name string
		c    casefile.Case
		want []Event
	}{
		{"history", casefile.Case{History: []casefile.HistoryEntry{{At: at(9), By: "w-ana", To: "intake", Reason: "opened"}}},
			[]Event{{At: at(9), Kind: History, By: "w-ana", What: "opened in intake"}}},
		{"assessment", casefile.Case{Assessments: []casefile.Assessment{
			{At: at(10), By: "w-ana", Instrument: "ssm", Scores: map[string]int{"housing": 2, "income": 3}, Needs: []casefile.Need{{Domain: "housing", Priority: "high", Text: "secret"}}, Level: "intensive", Strengths: []string{"secret"}},
			{At: at(11), By: "w-ana", Instrument: "cans", Scores: map[string]int{"housing": 1}},
		}}, []Event{
			{At: at(10), Kind: Assessment, By: "w-ana", What: "ssm assessment: 2 domains scored, 1 need; level intensive"},
			{At: at(11), Kind: Assessment, By: "w-ana", What: "cans assessment: 1 domain scored"},
		}},
		{"risk", casefile.Case{Risks: []casefile.Risk{
			{At: at(10), By: "w-ana", Level: "low"},
			{At: at(12), By: "w-ana", Level: "high", Flags: []string{"self-harm", "neglect"}, Reason: "said so", SafetyPlan: "secret"},
		}}, []Event{
			{At: at(10), Kind: Risk, By: "w-ana", What: "risk low"},
			{At: at(12), Kind: Risk, By: "w-ana", What: "risk high (self-harm, neglect) with a safety plan: said so"},
		}},
		{"agreement", casefile.Case{Plan: casefile.Plan{Agreed: &casefile.Agreement{At: at(13), By: "client", Digest: "16253814c179"}}},
			[]Event{{At: at(13), Kind: Agreement, By: "client", What: "plan agreed by the client (plan 16253814c179)"}}},
		{"review", casefile.Case{Reviews: []casefile.Review{
			{At: at(14), By: "w-ana", Goals: map[string]casefile.GoalStatus{"G2": "met", "G1": "in-progress"}, Actions: map[string]casefile.ActionStatus{"A1": "done"}, Note: "secret", ConfidentialNote: "secret", Next: day("2026-04-01")},
			{At: at(15), By: "w-ana", Note: "secret"},
		}}, []Event{
			{At: at(14), Kind: Review, By: "w-ana", What: "review; G1 in-progress; G2 met; A1 done; next 2026-04-01"},
			{At: at(15), Kind: Review, By: "w-ana", What: "review"},
		}},
		{"approval", casefile.Case{Approvals: []casefile.Approval{
			{At: at(9), By: "w-ana", What: casefile.ApprovePlan, Decision: casefile.DecisionRequested},
			{At: at(10), By: "w-sup", What: casefile.ApproveExpense, Amount: 120, Decision: casefile.DecisionRejected, Reason: "over budget"},
			{At: at(11), By: "w-sup", What: casefile.ApproveExpense, Amount: 80, Forced: true, Reason: "urgent", Note: "secret"},
		}}, []Event{
			{At: at(9), Kind: Approval, By: "w-ana", What: "approval of the plan requested"},
			{At: at(10), Kind: Approval, By: "w-sup", What: "expense of 120.00 GBP rejected: over budget"},
			{At: at(11), Kind: Approval, By: "w-sup", What: "expense of 80.00 GBP approved (forced): urgent"},
		}},
		{"consent", casefile.Case{Consents: []casefile.ConsentEntry{
			{At: at(9), By: "w-ana", Action: casefile.ConsentGive, Purpose: "share", GivenBy: "client", With: []string{"rent-advice"}, Until: day("2026-12-31")},
			{At: at(10), By: "w-ana", Action: casefile.ConsentWithdraw, Purpose: "share", Reason: "changed her mind"},
		}}, []Event{
			{At: at(9), Kind: Consent, By: "w-ana", What: "consent to share given by the client (with rent-advice) until 2026-12-31"},
			{At: at(10), Kind: Consent, By: "w-ana", What: "consent to share withdrawn: changed her mind"},
		}},
		{"household and network", casefile.Case{
			Household: []casefile.Member{{ID: "M1", Name: "secret", Relationship: "son"}, {ID: "M2", Name: "secret", Relationship: "partner", Removed: ended}},
			Network:   []casefile.Contact{{ID: "N1", Name: "secret", Relationship: "GP", Ended: ended}, {ID: "N2", Name: "secret", Relationship: "aunt"}},
		}, []Event{
			{At: at(16), Kind: Household, By: "w-bo", What: "household member M2 (partner) left: moved out"},
			{At: at(16), Kind: Network, By: "w-bo", What: "network contact N1 (GP) ended: moved out"},
		}},
		{"referral and spending", casefile.Case{
			Referrals: []casefile.ReferralEntry{
				{At: at(9), By: "w-ana", Action: "A1", Resource: "rent-advice", Status: "sent"},
				{At: at(11), By: "w-ana", Action: "A1", Resource: "rent-advice", Status: "declined", Reason: "full until June"},
			},
			Spending: []casefile.SpendEntry{{At: at(10), By: "w-ana", Action: "A2", Amount: 60, Note: "secret"}},
		}, []Event{
			{At: at(9), Kind: Referral, By: "w-ana", What: "referral of action A1 (rent-advice) sent"},
			{At: at(10), Kind: Spend, By: "w-ana", What: "60.00 GBP spent on action A2"},
			{At: at(11), Kind: Referral, By: "w-ana", What: "referral of action A1 (rent-advice) declined: full until June"},
		}},
		{"closure", casefile.Case{
			History: []casefile.HistoryEntry{{At: at(17), By: "w-ana", From: "monitoring", To: "closed", Reason: "goals-met"}},
			Closure: &casefile.Closure{At: at(17), Reason: "goals-met", Evaluation: "secret", FollowUp: day("2026-09-30")},
		}, []Event{
			{At: at(17), Kind: History, By: "w-ana", What: "monitoring → closed: goals-met"},
			{At: at(17), Kind: Closure, By: "w-ana", What: "closed: goals-met; follow-up 2026-09-30"},
		}},
		{"nothing recorded", casefile.Case{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := OfCase(&tt.c, "GBP")
			if len(got) != len(tt.want) {
				t.Fatalf("OfCase gave %d events, want %d: %+v", len(got), len(tt.want), got)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("event %d = %+v\nwant        %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestSelect(t *testing.T) {
	events := []Event{
		{At: at(9), Kind: History}, {At: at(10), Kind: Note}, {At: at(11), Kind: Review}, {At: at(12), Kind: Git},
	}
	tests := []struct {
		since time.Time
		kinds []string
		want  int
	}{
		{time.Time{}, nil, 4},
		{at(10), nil, 3},
		{at(13), nil, 0},
		{time.Time{}, []string{Review, Git}, 2},
		{at(12), []string{Review, Git}, 1},
	}
	for _, tt := range tests {
		got := Select(events, tt.since, tt.kinds)
		if len(got) != tt.want || got == nil {
			t.Errorf("Select(since %v, %v) kept %d (%v), want %d", tt.since, tt.kinds, len(got), got, tt.want)
		}
	}
}

// TestDepartureOnce: a member who left is one event, the household's,
// though the history records the departure too.
func TestDepartureOnce(t *testing.T) {
	end := &casefile.Ended{At: at(10), By: "w-ana", Reason: "moved out"}
	c := &casefile.Case{
		History:   []casefile.HistoryEntry{{At: at(9), By: "w-ana", To: "intake"}, {At: at(10), By: "w-ana", Left: &casefile.Departure{Member: "M1"}, Reason: "moved out"}},
		Household: []casefile.Member{{ID: "M1", Relationship: "son", Removed: end}},
	}
	events := OfCase(c, "GBP")
	if len(events) != 2 || events[1].Kind != Household || events[1].What != "household member M1 (son) left: moved out" {
		t.Errorf("events %+v", events)
	}
}
