package casetable

import (
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/schedule"
)

func date(s string) casefile.Date {
	d, err := casefile.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// canaries are client values that must never appear in a redacted row.
var canaries = []string{"Zorblax Quintavius", "Zorblax", "Quintavius", "1961-07-13", "3 Gorsewood Lane"}

func sample() *casefile.Case {
	return &casefile.Case{
		ID: "C-1", Opened: date("2026-01-05"), Phase: "closed", Model: "brokerage", Worker: "w-ana",
		Client:      casefile.Client{Name: "Zorblax Quintavius", DOB: date("1961-07-13"), Address: "3 Gorsewood Lane"},
		Referral:    casefile.Referral{Source: "Zorblax's GP near 3 Gorsewood Lane", Date: date("2026-01-04")},
		History:     []casefile.HistoryEntry{{At: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC), By: "w-ana", To: "intake"}},
		Assessments: []casefile.Assessment{{Level: "care-management"}, {Level: "intensive"}},
		Plan: casefile.Plan{Goals: []casefile.Goal{
			{ID: "G1", Status: "achieved", Actions: []casefile.Action{{ID: "A1", Cost: 10.5, Status: "done"}, {ID: "A2", Cost: 100, Status: "cancelled"}}},
			{ID: "G2", Status: "open"},
		}},
		Closure: &casefile.Closure{At: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), Reason: "goals-met", FollowUp: date("2026-06-01")},
	}
}

func TestRow(t *testing.T) {
	row := Row(sample(), schedule.Clock{ReviewDefault: 30 * 24 * time.Hour}, false)
	if len(row) != len(Header) {
		t.Fatalf("row has %d cells, header %d", len(row), len(Header))
	}
	want := map[string]string{
		"id": "C-1", "phase": "closed", "model": "brokerage", "client_name": "Zorblax Quintavius", "client_dob": "1961-07-13",
		"referral_source": "Zorblax's GP near 3 Gorsewood Lane", "referral_date": "2026-01-04", "level": "intensive",
		"goals": "2", "actions": "2", "cost_total": "10.50", "agreement": "none", "next_due": "2026-06-01",
		"closed_at": "2026-03-01T12:00:00Z", "closure_reason": "goals-met",
	}
	for i, col := range Header {
		if w, ok := want[col]; ok && row[i] != w {
			t.Errorf("%s = %q, want %q", col, row[i], w)
		}
	}
}

func TestRowRedactedHasNoClientValue(t *testing.T) {
	c := sample()
	row := strings.Join(Row(c, schedule.Clock{ReviewDefault: 30 * 24 * time.Hour}, true), "|")
	for _, canary := range canaries {
		if strings.Contains(row, canary) {
			t.Errorf("redacted row holds %q: %s", canary, row)
		}
	}
	if !strings.Contains(row, "|[redacted]||") {
		t.Errorf("name not marked redacted, dob not empty: %s", row)
	}
	if c.Client.Name != "Zorblax Quintavius" {
		t.Error("Row changed the case")
	}
}

// TestRowReopened: a reopened case keeps its last closure record, but its
// row is an open case's: no closed_at, no closure_reason.
func TestRowReopened(t *testing.T) {
	c := sample()
	c.Phase = "assessment"
	row := Row(c, schedule.Clock{ReviewDefault: 30 * 24 * time.Hour}, false)
	closedAt, reason := row[len(row)-2], row[len(row)-1]
	if closedAt != "" || reason != "" {
		t.Errorf("reopened case: closed_at %q, closure_reason %q", closedAt, reason)
	}
	row = Row(sample(), schedule.Clock{ReviewDefault: 30 * 24 * time.Hour}, false)
	if row[len(row)-2] != "2026-03-01T12:00:00Z" || row[len(row)-1] != "goals-met" {
		t.Errorf("closed case: %v", row[len(row)-2:])
	}
}
