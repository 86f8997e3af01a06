package workflow

import (
	"github.com/casework/casework/pkg/history"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

func TestOpen(t *testing.T) {
	tests := []struct {
		name    string
		initial string
		reason  string
		forced  bool
		wantErr string
	}{
		{"default", "intake", "", false, ""},
		{"own reason, forced", "intake", "urgent referral", true, ""},
		{"unknown initial", "nowhere", "", false, `no case can be opened: initial phase "nowhere" is not one of the phases`},
		{"closed initial", "closed", "", false, `initial phase "closed" is the phase of closed cases`},
		{"no initial", "", "", false, "workflow.initial is not set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := defaultConfig(t)
			cfg.Initial = tt.initial
			c := &casefile.Case{ID: "C-1", Worker: "w-ana"}
			err := New(cfg).Open(c, t0, "w-ana", tt.reason, tt.forced)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Open error %v, want %q", err, tt.wantErr)
				}
				if c.Phase != "" || c.History != nil {
					t.Errorf("a refused Open changed the case: %+v", c)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := casefile.HistoryEntry{At: t0, By: "w-ana", To: tt.initial, Reason: tt.reason, Forced: tt.forced}
			if want.Reason == "" {
				want.Reason = casefile.OpeningReason
			}
			if c.Phase != tt.initial || len(c.History) != 1 || c.History[0] != want {
				t.Errorf("opened %s with %+v", c.Phase, c.History)
			}
			if err := New(cfg).Open(c, t1, "w-ana", "", false); err == nil {
				t.Error("a case was opened twice")
			}
		})
	}
}

// TestMoveOpenOnly: Move moves open cases between open phases; closing
// and reopening have their own functions.
func TestMoveOpenOnly(t *testing.T) {
	w := New(defaultConfig(t))
	tests := []struct {
		name, from, to, wantErr string
	}{
		{"open to open", "intake", "assessment", ""},
		{"into closed", "monitoring", "closed", "close cases with 'casework case close C-1 --reason REASON'"},
		{"out of closed", "closed", "assessment", "case C-1 is closed; reopen it with 'casework case reopen C-1 --reason REASON'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := caseIn(tt.from)
			err := w.Move(c, tt.to, t2, "w-ana", "")
			if tt.wantErr == "" {
				if err != nil || c.Phase != tt.to {
					t.Fatalf("Move: %v, phase %s", err, c.Phase)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || c.Phase != tt.from {
				t.Fatalf("Move error %v (phase %s), want %q", err, c.Phase, tt.wantErr)
			}
		})
	}
}

func TestAssign(t *testing.T) {
	tests := []struct {
		name    string
		phase   string
		worker  string
		at      time.Time
		wantErr string
	}{
		{"to another worker", "implementation", "w-ben", t2, ""},
		{"closed case", "closed", "w-ben", t2, "case C-1 is closed; reopen it with 'casework case reopen' before assigning it"},
		{"same worker", "implementation", "w-ana", t2, "case C-1 is already assigned to w-ana"},
		{"before the last entry", "implementation", "w-ben", t0, "before the case's last history entry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := caseIn(tt.phase)
			before := len(c.History)
			err := Assign(c, tt.worker, tt.at, "w-sup", "leave", true)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || c.Worker != "w-ana" || len(c.History) != before {
					t.Fatalf("Assign error %v, want %q and the case unchanged", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			last := c.History[len(c.History)-1]
			if c.Worker != tt.worker || last.Assign == nil || *last.Assign != (casefile.Assignment{From: "w-ana", To: tt.worker}) || !last.Forced || last.By != "w-sup" {
				t.Errorf("after Assign: worker %s, entry %+v", c.Worker, last)
			}
		})
	}
}

// TestCheckHistory checks recorded histories against the default
// workflow: one rule@key per problem.
func TestCheckHistory(t *testing.T) {
	open := casefile.HistoryEntry{At: t0, By: "w-ana", To: "intake", Reason: "opened"}
	move := func(at time.Time, from, to string) casefile.HistoryEntry {
		return casefile.HistoryEntry{At: at, By: "w-ana", From: from, To: to}
	}
	assign := func(at time.Time, from, to string) casefile.HistoryEntry {
		return casefile.HistoryEntry{At: at, By: "w-ana", Assign: &casefile.Assignment{From: from, To: to}}
	}
	left := func(at time.Time, d casefile.Departure) casefile.HistoryEntry {
		return casefile.HistoryEntry{At: at, By: "w-ana", Left: &d, Reason: "moved out"}
	}
	override := func(at time.Time, reason string) casefile.HistoryEntry {
		return casefile.HistoryEntry{At: at, By: "w-ana", Reason: reason, Kind: casefile.HistoryEligibilityOverride, Action: "A1", With: "home-care"}
	}
	tests := []struct {
		name    string
		phase   string
		worker  string
		history []casefile.HistoryEntry
		closure *casefile.Closure
		want    []string
	}{
		{"opened", "intake", "w-ana", []casefile.HistoryEntry{open}, nil, nil},
		{"legal walk", "assessment", "w-ben", []casefile.HistoryEntry{open, move(t1, "intake", "assessment"), assign(t2, "w-ana", "w-ben")}, nil, nil},
		{"closed and reopened", "assessment", "w-ana", []casefile.HistoryEntry{open, move(t1, "intake", "closed"), move(t2, "closed", "assessment")}, &casefile.Closure{At: t1, Reason: "other"}, nil},
		{"starts elsewhere", "assessment", "w-ana", []casefile.HistoryEntry{{At: t0, To: "assessment"}}, nil, []string{"history-start@history[0]"}},
		{"starts with a from", "intake", "w-ana", []casefile.HistoryEntry{move(t0, "closed", "intake")}, nil, []string{"history-start@history[0]"}},
		{"gap", "planning", "w-ana", []casefile.HistoryEntry{open, move(t1, "assessment", "planning")}, nil, []string{"history-gap@history[1].from"}},
		{"unknown phase", "limbo", "w-ana", []casefile.HistoryEntry{open, move(t1, "intake", "limbo")}, nil, []string{"unknown-phase@history[1].to"}},
		{"illegal skip", "planning", "w-ana", []casefile.HistoryEntry{open, move(t1, "intake", "planning")}, nil, []string{"illegal-transition@history[1]"}},
		{"guard did not hold", "planning", "w-ana", []casefile.HistoryEntry{open, move(t1, "intake", "assessment"), move(t2, "assessment", "planning")}, nil, []string{"guard-failed@history[2]"}},
		{"closed without closure", "closed", "w-ana", []casefile.HistoryEntry{open, move(t1, "intake", "closed")}, nil, []string{"guard-failed@history[1]"}},
		{"phase disagrees", "assessment", "w-ana", []casefile.HistoryEntry{open}, nil, []string{"phase-mismatch@phase"}},
		{"worker disagrees", "intake", "w-cy", []casefile.HistoryEntry{open, assign(t1, "w-ana", "w-ben")}, nil, []string{"worker-mismatch@worker"}},
		{"handover from the wrong worker", "intake", "w-cy", []casefile.HistoryEntry{open, assign(t1, "w-ana", "w-ben"), assign(t2, "w-ana", "w-cy")}, nil, []string{"history-gap@history[2].assign.from"}},
		{"both kinds in one entry", "intake", "w-ben", []casefile.HistoryEntry{open, {At: t1, To: "intake", Assign: &casefile.Assignment{To: "w-ben"}}}, nil, []string{"invalid-history-entry@history[1]"}},
		{"neither kind", "intake", "w-ana", []casefile.HistoryEntry{open, {At: t1, By: "w-ana"}}, nil, []string{"invalid-history-entry@history[1]"}},
		{"a departure between moves", "assessment", "w-ana", []casefile.HistoryEntry{open, left(t1, casefile.Departure{Member: "M2"}), move(t2, "intake", "assessment"), left(t3, casefile.Departure{Contact: "N1"})}, nil, nil},
		{"a departure naming nobody", "intake", "w-ana", []casefile.HistoryEntry{open, left(t1, casefile.Departure{})}, nil, []string{"invalid-history-entry@history[1]"}},
		{"a departure naming two", "intake", "w-ana", []casefile.HistoryEntry{open, left(t1, casefile.Departure{Member: "M1", Contact: "N1"})}, nil, []string{"invalid-history-entry@history[1]"}},
		{"a departure and a move in one entry", "intake", "w-ana", []casefile.HistoryEntry{open, {At: t1, From: "intake", To: "assessment", Left: &casefile.Departure{Member: "M1"}}}, nil, []string{"invalid-history-entry@history[1]"}},
		{"eligibility override", "assessment", "w-ana", []casefile.HistoryEntry{open, override(t1, "respite"), move(t2, "intake", "assessment")}, nil, nil},
	}
	w := New(defaultConfig(t))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &casefile.Case{ID: "C-1", Opened: casefile.NewDate(t0), Phase: tt.phase, Worker: tt.worker, History: tt.history, Closure: tt.closure}
			var got []string
			for _, p := range w.CheckHistory(c) {
				got = append(got, p.Rule+"@"+p.Key)
				if p.Msg == "" || (p.Rule == "guard-failed") != (p.Guard != "") {
					t.Errorf("problem %+v lacks its message or guard", p)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCheckConfigInitial: the rule Open applies is the one CheckConfig
// reports, so validate and case new agree.
func TestCheckConfigInitial(t *testing.T) {
	for _, initial := range []string{"", "nowhere", "closed"} {
		cfg := config.Workflow{Initial: initial, Phases: []config.Phase{
			{Name: "intake", Next: []string{"closed"}},
			{Name: "closed", Next: []string{"intake"}},
		}}
		var rules []string
		for _, p := range CheckConfig(cfg) {
			rules = append(rules, p.Rule)
		}
		openErr := New(cfg).Open(&casefile.Case{}, t0, "w-ana", "", false)
		if !slices.Contains(rules, "workflow-initial") || openErr == nil {
			t.Errorf("initial %q: CheckConfig %v, Open %v", initial, rules, openErr)
		}
	}
}

func TestCloseTable(t *testing.T) {
	reasons := []string{"goals-met", "other"}
	tests := []struct {
		name    string
		phase   string
		cl      casefile.Closure
		wantErr string
	}{
		{"goals met", "monitoring", casefile.Closure{At: t2, Reason: "goals-met", Evaluation: "housed"}, ""},
		{"from intake", "intake", casefile.Closure{At: t2, Reason: "other"}, ""},
		{"unknown reason", "monitoring", casefile.Closure{At: t2, Reason: "bored"}, `unknown closure reason "bored": use one of goals-met, other`},
		{"follow-up before closure", "monitoring", casefile.Closure{At: t2, Reason: "other", FollowUp: casefile.NewDate(t1)}, "follow-up"},
		{"already closed", "closed", casefile.Closure{At: t2, Reason: "other"}, "already closed"},
		{"backdated", "monitoring", casefile.Closure{At: t0, Reason: "other"}, "before the case's last history entry"},
	}
	w := New(defaultConfig(t))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := caseIn(tt.phase)
			before := len(c.History)
			err := w.Close(c, tt.cl, "w-ana", reasons)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || c.Phase != tt.phase || c.Closure != nil || len(c.History) != before {
					t.Fatalf("Close error %v, want %q and the case unchanged", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			last := c.History[len(c.History)-1]
			if c.Phase != casefile.ClosedPhase || *c.Closure != tt.cl || last.To != casefile.ClosedPhase || last.Reason != tt.cl.Reason {
				t.Errorf("after Close: phase %s, closure %+v, entry %+v", c.Phase, c.Closure, last)
			}
		})
	}
}

func TestReopenTable(t *testing.T) {
	tests := []struct {
		name      string
		phase, to string
		wantPhase string
		wantErr   string
	}{
		{"default target", "closed", "", "assessment", ""},
		{"into intake", "closed", "intake", "intake", ""},
		{"not allowed", "closed", "planning", "", "the workflow allows closed → intake, assessment"},
		{"into closed", "closed", "closed", "", "cannot reopen case C-1 into closed"},
		{"open case", "monitoring", "", "", "case C-1 is not closed (it is in monitoring)"},
	}
	w := New(defaultConfig(t))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := caseIn(tt.phase)
			if tt.phase == casefile.ClosedPhase {
				c.Closure = &casefile.Closure{At: t1, Reason: "other"}
			}
			before := len(c.History)
			err := w.Reopen(c, tt.to, t2, "w-ana", "back")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || c.Phase != tt.phase || len(c.History) != before {
					t.Fatalf("Reopen error %v, want %q and the case unchanged", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Phase != tt.wantPhase || c.Closure == nil || !reopenedLast(c) {
				t.Errorf("after Reopen: phase %s, closure %v, history %+v", c.Phase, c.Closure, c.History)
			}
		})
	}
	// The workflow may not let closed cases go anywhere.
	cfg := config.Workflow{Initial: "intake", Phases: []config.Phase{{Name: "intake", Next: []string{"closed"}}, {Name: "closed"}}}
	if err := New(cfg).Reopen(caseIn("closed"), "", t2, "w-ana", "back"); err != ErrCannotReopen {
		t.Errorf("reopen with nowhere to go: %v", err)
	}
}

// reopenedLast reports whether c's last entry is a reopening.
func reopenedLast(c *casefile.Case) bool {
	return history.IsReopening(c.History[len(c.History)-1])
}
