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
		{casefile.HistoryEntry{Override: &casefile.Override{Rule: "eligibility", Action: "A3", Resource: "home-care"}, Reason: "respite"}, "eligibility override for A3 (home-care): respite"},
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
		if got[i].Source != w.source || got[i].What != w.what {
			t.Errorf("event %d = %s %q, want %s %q", i, got[i].Source, got[i].What, w.source, w.what)
		}
	}
	if got[1].Commit != "aaa" || got[1].By != "Ana" {
		t.Errorf("commit event = %+v", got[1])
	}
	if Merge() != nil {
		t.Error("Merge() of nothing is not empty")
	}
}
