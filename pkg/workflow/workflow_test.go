package workflow

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"go.yaml.in/yaml/v3"
)

func defaultConfig(t *testing.T) config.Workflow {
	t.Helper()
	var cfg config.Config
	if err := yaml.Unmarshal(config.DefaultYAML, &cfg); err != nil {
		t.Fatal(err)
	}
	return cfg.Workflow
}

var phases = []string{"intake", "assessment", "planning", "implementation", "monitoring", "closed"}

// TestCanMoveDefault checks every pair of default phases against SPEC
// section 4, written out here independently of default.yaml.
func TestCanMoveDefault(t *testing.T) {
	allowed := map[string][]string{
		"intake":         {"assessment", "closed"},
		"assessment":     {"planning", "closed"},
		"planning":       {"implementation", "assessment", "closed"},
		"implementation": {"monitoring", "planning", "closed"},
		"monitoring":     {"assessment", "planning", "implementation", "closed"},
		"closed":         {"intake", "assessment"},
	}
	w := New(defaultConfig(t))
	for _, from := range phases {
		for _, to := range append(slices.Clone(phases), "nowhere") {
			want := slices.Contains(allowed[from], to)
			if got := w.CanMove(from, to); got != want {
				t.Errorf("CanMove(%s, %s) = %v, want %v", from, to, got, want)
			}
		}
	}
	if w.Initial() != "intake" || w.ReopenTarget() != "assessment" {
		t.Errorf("initial %q, reopen target %q", w.Initial(), w.ReopenTarget())
	}
}

var (
	t0 = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	t1 = t0.Add(24 * time.Hour)
	t2 = t1.Add(24 * time.Hour)
	t3 = t2.Add(24 * time.Hour)
)

// caseIn returns a case that reached phase by legal moves, the last at t1.
func caseIn(phase string) *casefile.Case {
	c := &casefile.Case{ID: "C-1", Opened: casefile.NewDate(t0), Phase: phase, Worker: "w-ana"}
	c.History = []casefile.HistoryEntry{{At: t0, By: "w-ana", To: "intake", Reason: "opened"}}
	if phase != "intake" {
		c.History = append(c.History, casefile.HistoryEntry{At: t1, By: "w-ana", From: "intake", To: phase})
	}
	return c
}

func withAssessment(c *casefile.Case) {
	c.Assessments = append(c.Assessments, casefile.Assessment{At: t1, By: "w-ana", Instrument: "ssm"})
}

func withGoal(c *casefile.Case) {
	c.Plan.Goals = append(c.Plan.Goals, casefile.Goal{ID: "g1", Text: "Stable housing", Status: "open"})
}

func withAgreement(c *casefile.Case) {
	c.Plan.Agreed = &casefile.Agreement{By: "client", At: t1, Digest: c.Plan.Digest()}
}

func TestMoveDefaultGuards(t *testing.T) {
	tests := []struct {
		name     string
		from, to string
		setup    []func(*casefile.Case)
		wantErr  string // "" when the move must succeed
	}{
		{"intake to assessment needs nothing", "intake", "assessment", nil, ""},
		{"planning without assessment", "assessment", "planning", nil, "guard assessment failed: no assessment has been recorded; run 'casework assess C-1"},
		{"planning with assessment", "assessment", "planning", []func(*casefile.Case){withAssessment}, ""},
		{"implementation without goals or agreement", "planning", "implementation", nil, "guard goals failed"},
		{"implementation without agreement", "planning", "implementation", []func(*casefile.Case){withGoal}, "guard agreement failed: the client has not agreed the plan; run 'casework plan agree C-1 --by client'"},
		{"implementation with stale agreement", "planning", "implementation", []func(*casefile.Case){withGoal, withAgreement, withGoal}, "not agreed the current plan"},
		{"implementation with agreement", "planning", "implementation", []func(*casefile.Case){withGoal, withAgreement}, ""},
		{"closed only by Close", "monitoring", "closed", nil, "close cases with 'casework case close C-1 --reason REASON'"},
		{"monitoring from implementation", "implementation", "monitoring", nil, ""},
		{"illegal skip", "intake", "planning", nil, "the workflow allows intake → assessment, closed"},
		{"unknown phase", "intake", "limbo", nil, `unknown phase "limbo"`},
		{"same phase", "intake", "intake", nil, "already in intake"},
	}
	w := New(defaultConfig(t))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := caseIn(tt.from)
			for _, f := range tt.setup {
				f(c)
			}
			before := len(c.History)
			err := w.Move(c, tt.to, t2, "w-ben", "why")
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Move: %v", err)
				}
				last := c.History[len(c.History)-1]
				want := casefile.HistoryEntry{At: t2, By: "w-ben", From: tt.from, To: tt.to, Reason: "why"}
				if c.Phase != tt.to || len(c.History) != before+1 || last != want {
					t.Errorf("phase %s, history %+v", c.Phase, c.History)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Move error %v, want %q", err, tt.wantErr)
			}
			if c.Phase != tt.from || len(c.History) != before {
				t.Errorf("failed move changed the case: phase %s, %d entries", c.Phase, len(c.History))
			}
		})
	}
}

// TestGuards checks every guard, holding and failing, through a workflow
// that requires it on entering monitoring.
func TestGuards(t *testing.T) {
	tests := []struct {
		guard    string
		to       string
		setup    func(*casefile.Case)
		wantFail string
	}{
		{"assessment", "monitoring", withAssessment, ""},
		{"assessment", "monitoring", func(c *casefile.Case) {
			c.Assessments = []casefile.Assessment{{At: t3}} // after the move
		}, "no assessment"},
		{"goals", "monitoring", withGoal, ""},
		{"goals", "monitoring", func(*casefile.Case) {}, "no goals"},
		{"agreement", "monitoring", func(c *casefile.Case) { withGoal(c); withAgreement(c) }, ""},
		{"agreement", "monitoring", withGoal, "has not agreed"},
		{"consent", "monitoring", func(c *casefile.Case) { c.Client.Consent.Given = true }, ""},
		{"consent", "monitoring", func(c *casefile.Case) {
			c.Client.Consent = casefile.Consent{Given: true, At: casefile.NewDate(t3)}
		}, "no consent to services is recorded"},
		{"consent", "monitoring", func(*casefile.Case) {}, "no consent to services is recorded"},
		{"consent", "monitoring", func(c *casefile.Case) {
			c.Consents = []casefile.ConsentEntry{{At: t1, Action: "give", Purpose: "services"}}
		}, ""},
		{"consent", "monitoring", func(c *casefile.Case) {
			c.Consents = []casefile.ConsentEntry{{At: t1, Action: "give", Purpose: "services"}, {At: t1.Add(time.Hour), Action: "withdraw", Purpose: "services", Reason: "r"}}
		}, "was withdrawn"},
		{"consent", "monitoring", func(c *casefile.Case) {
			c.Consents = []casefile.ConsentEntry{{At: t1, Action: "give", Purpose: "share"}}
		}, "no consent to services is recorded"},
		{"review", "monitoring", func(c *casefile.Case) { c.Reviews = []casefile.Review{{At: t1.Add(time.Hour)}} }, ""},
		{"review", "monitoring", func(c *casefile.Case) { c.Reviews = []casefile.Review{{At: t0}} }, "no review has been recorded since the case entered implementation; run 'casework review C-1 --note TEXT'"},
		{"approval", "monitoring", func(c *casefile.Case) {
			withGoal(c)
			c.Approvals = []casefile.Approval{{At: t1, What: "plan", Digest: c.Plan.Digest()}}
		}, ""},
		{"approval", "monitoring", func(c *casefile.Case) {
			c.Approvals = []casefile.Approval{{At: t1, What: "plan", Digest: c.Plan.Digest()}}
			withGoal(c) // the plan changed after the approval
		}, "approved the current plan; run 'casework approve C-1 plan --as SUPERVISOR'"},
		{"approval", "closed", func(c *casefile.Case) {
			c.Closure = &casefile.Closure{At: t2, Reason: "goals-met"}
			c.Approvals = []casefile.Approval{{At: t1.Add(time.Hour), What: "closure"}}
		}, ""},
		{"approval", "closed", func(c *casefile.Case) {
			c.Closure = &casefile.Closure{At: t2, Reason: "goals-met"}
			c.Approvals = []casefile.Approval{{At: t0, What: "closure"}} // before entering implementation
		}, "approved the closure since the case entered implementation; run 'casework approve C-1 closure --as SUPERVISOR'"},
		{"closure", "closed", func(c *casefile.Case) { c.Closure = &casefile.Closure{At: t2, Reason: "goals-met"} }, ""},
		{"closure", "closed", func(c *casefile.Case) { c.Closure = &casefile.Closure{At: t2} }, "no reason"},
		{"closure", "closed", func(c *casefile.Case) { c.Closure = &casefile.Closure{At: t0, Reason: "other"} }, "does not belong to this move"},
	}
	for _, tt := range tests {
		t.Run(tt.guard+"/"+tt.wantFail, func(t *testing.T) {
			cfg := config.Workflow{Initial: "intake", Phases: []config.Phase{
				{Name: "intake", Next: []string{"implementation"}},
				{Name: "implementation", Next: []string{"monitoring", "closed"}},
				{Name: "monitoring", Next: []string{"closed"}, Requires: []string{tt.guard}},
				{Name: "closed", Requires: []string{tt.guard}},
			}}
			c := caseIn("implementation")
			tt.setup(c)
			err := New(cfg).move(c, tt.to, t2, "w-ana", "")
			if tt.wantFail == "" {
				if err != nil {
					t.Fatalf("guard %s: %v", tt.guard, err)
				}
				return
			}
			var gf *GuardsFailed
			if !errors.As(err, &gf) || len(gf.Failed) != 1 || gf.Failed[0].Guard != tt.guard {
				t.Fatalf("got %v, want guard %s to fail", err, tt.guard)
			}
			if msg := err.Error(); !strings.Contains(msg, "guard "+tt.guard+" failed: ") || !strings.Contains(msg, tt.wantFail) || !strings.Contains(msg, "casework") {
				t.Errorf("message %q lacks the guard, %q or a fix", msg, tt.wantFail)
			}
		})
	}
}

func TestMoveTimeOrder(t *testing.T) {
	w := New(defaultConfig(t))
	c := caseIn("assessment")
	withAssessment(c)
	if err := w.Move(c, "planning", t1.Add(-time.Second), "w-ana", ""); err == nil || !strings.Contains(err.Error(), "before the case's last history entry") {
		t.Fatalf("backdated before last entry: %v", err)
	}
	// An assessment recorded after the backdated move does not count.
	c.Assessments[0].At = t2
	if err := w.Move(c, "planning", t1.Add(time.Hour), "w-ana", ""); err == nil || !strings.Contains(err.Error(), "guard assessment") {
		t.Fatalf("move before the assessment: %v", err)
	}
	if err := w.Move(c, "planning", t2, "w-ana", ""); err != nil {
		t.Fatal(err)
	}
}

func TestCloseAndReopen(t *testing.T) {
	w := New(defaultConfig(t))
	reasons := []string{"goals-met", "other"}
	c := caseIn("monitoring")
	if err := w.Close(c, casefile.Closure{At: t2, Reason: "bored"}, "w-ana", reasons); err == nil || !strings.Contains(err.Error(), `unknown closure reason "bored": use one of goals-met, other`) {
		t.Fatalf("unknown reason: %v", err)
	}
	if err := w.Close(c, casefile.Closure{At: t2, Reason: "other", FollowUp: casefile.NewDate(t1)}, "w-ana", reasons); err == nil || !strings.Contains(err.Error(), "follow-up") {
		t.Fatalf("follow-up before closure: %v", err)
	}
	if c.Closure != nil || c.Phase != "monitoring" {
		t.Fatalf("failed close changed the case")
	}
	if err := w.Close(c, casefile.Closure{At: t2, Reason: "goals-met", Evaluation: "housed"}, "w-ana", reasons); err != nil {
		t.Fatal(err)
	}
	last := c.History[len(c.History)-1]
	if c.Phase != "closed" || c.Closure.Reason != "goals-met" || last.To != "closed" || last.Reason != "goals-met" {
		t.Fatalf("after close: %+v %+v", c.Closure, last)
	}
	if err := w.Close(c, casefile.Closure{At: t3, Reason: "other"}, "w-ana", reasons); err == nil || !strings.Contains(err.Error(), "already closed") {
		t.Fatalf("close twice: %v", err)
	}
	if err := w.Reopen(c, "planning", t3, "w-ana", "back"); err == nil || !strings.Contains(err.Error(), "closed → intake, assessment") {
		t.Fatalf("reopen into planning: %v", err)
	}
	if err := w.Reopen(c, "", t3, "w-ana", "relapse"); err != nil {
		t.Fatal(err)
	}
	if c.Phase != "assessment" || c.Closure == nil || len(c.History) != 4 {
		t.Fatalf("after reopen: phase %s closure %v history %d", c.Phase, c.Closure, len(c.History))
	}
	if err := w.Reopen(c, "", t3, "w-ana", "again"); err == nil || !strings.Contains(err.Error(), "not closed") {
		t.Fatalf("reopen open case: %v", err)
	}
	// The old closure does not let the case be closed again by a plain move.
	if err := w.move(c, "closed", t3.Add(time.Hour), "w-ana", ""); err == nil || !strings.Contains(err.Error(), "does not belong to this move") {
		t.Fatalf("move to closed with stale closure: %v", err)
	}
}

func TestCheckConfig(t *testing.T) {
	base := func() config.Workflow {
		return config.Workflow{Initial: "intake", Phases: []config.Phase{
			{Name: "intake", Next: []string{"closed"}},
			{Name: "closed", Next: []string{"intake"}, Requires: []string{"closure"}},
		}}
	}
	tests := []struct {
		name   string
		change func(*config.Workflow)
		want   []string // "rule@key"
	}{
		{"default is clean", nil, nil},
		{"unknown initial", func(w *config.Workflow) { w.Initial = "start" }, []string{"workflow-initial@workflow.initial"}},
		{"no initial", func(w *config.Workflow) { w.Initial = "" }, []string{"workflow-initial@workflow.initial"}},
		{"unknown next", func(w *config.Workflow) { w.Phases[0].Next = append(w.Phases[0].Next, "limbo") }, []string{"workflow-unknown-phase@workflow.phases[0].next[1]"}},
		{"unknown guard", func(w *config.Workflow) { w.Phases[1].Requires = []string{"closure", "stars"} }, []string{"workflow-unknown-guard@workflow.phases[1].requires[1]"}},
		{"unreachable", func(w *config.Workflow) {
			w.Phases = append(w.Phases, config.Phase{Name: "island", Next: []string{"closed"}})
		}, []string{"workflow-unreachable@workflow.phases[2]"}},
		{"duplicate", func(w *config.Workflow) { w.Phases = append(w.Phases, w.Phases[0]) }, []string{"workflow-duplicate-phase@workflow.phases[2].name"}},
		{"no closed", func(w *config.Workflow) {
			w.Phases = []config.Phase{{Name: "intake", Next: []string{"intake"}}}
		}, []string{"workflow-no-closed@workflow.phases"}},
		{"dead end", func(w *config.Workflow) { w.Phases[0].Next = nil }, []string{"workflow-dead-end@workflow.phases[0]", "workflow-unreachable@workflow.phases[1]"}},
		{"empty", func(w *config.Workflow) { w.Phases = nil }, []string{"workflow-empty@workflow.phases"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := base()
			if tt.change != nil {
				tt.change(&w)
			}
			var got []string
			for _, p := range CheckConfig(w) {
				got = append(got, p.Rule+"@"+p.Key)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if probs := CheckConfig(defaultConfig(t)); len(probs) > 0 {
		t.Errorf("default workflow: %v", probs)
	}
}

func TestAsOf(t *testing.T) {
	c := caseIn("planning")
	c.History = append(c.History, casefile.HistoryEntry{At: t2, From: "intake", To: "planning"})
	c.Assessments = []casefile.Assessment{{At: t1}, {At: t3}}
	c.Closure = &casefile.Closure{At: t3}
	v := AsOf(c, 2, t2)
	if v.Phase != "planning" || len(v.History) != 2 || len(v.Assessments) != 1 || v.Closure != nil {
		t.Errorf("AsOf: phase %s, %d entries, %d assessments, closure %v", v.Phase, len(v.History), len(v.Assessments), v.Closure)
	}
	if len(c.Assessments) != 2 || c.Closure == nil || len(c.History) != 3 {
		t.Error("AsOf changed the case")
	}
}

// TestMoveBeforeAgreement: a move recorded late (--at) cannot come before
// the agreement it needs.
func TestMoveBeforeAgreement(t *testing.T) {
	w := New(defaultConfig(t))
	c := caseIn("planning")
	withGoal(c)
	withAgreement(c)
	c.Plan.Agreed.At = t2
	err := w.Move(c, "implementation", t2.Add(-time.Minute), "w-ana", "")
	if err == nil || !strings.Contains(err.Error(), "guard agreement failed: the plan was agreed at "+t2.Format(time.RFC3339)+", after the move at") {
		t.Fatalf("move before the agreement: %v", err)
	}
	if err := w.Move(c, "implementation", t2, "w-ana", ""); err != nil {
		t.Fatal(err)
	}
}
