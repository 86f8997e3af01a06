package workflow

import (
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func TestCloseChecked(t *testing.T) {
	reasons := []string{"goals-met", "client-withdrew"}
	rules := ClosureRules{HighestRisk: "high"}
	withRisk := func(level string) func(*casefile.Case) {
		return func(c *casefile.Case) { c.Risks = append(c.Risks, casefile.Risk{At: t1, By: "w-ana", Level: level}) }
	}
	approved := func(at time.Time) func(*casefile.Case) {
		return func(c *casefile.Case) {
			c.Approvals = append(c.Approvals, casefile.Approval{At: at, By: "w-sue", What: "closure"})
		}
	}
	tests := []struct {
		name       string
		setup      []func(*casefile.Case)
		evaluation string
		rules      ClosureRules
		approvalWF bool     // the workflow itself requires approval to enter closed
		want       []string // parts of the refusal, none when it closes
	}{
		{"no risk, no evaluation: closes", nil, "", rules, false, nil},
		{"medium risk: closes", []func(*casefile.Case){withRisk("medium")}, "", rules, false, nil},
		{"high risk, nothing given: both missing", []func(*casefile.Case){withRisk("high")}, "", rules, false,
			[]string{"guard risk failed: the case's current risk is high, and a case at that level is not closed without a final evaluation; give it with 'casework case close C-1 --reason client-withdrew --evaluation TEXT'",
				"guard risk failed: the case's current risk is high, and no supervisor has approved the closure since the case entered monitoring; run 'casework approve C-1 closure --as SUPERVISOR' first"}},
		{"high risk, evaluation only", []func(*casefile.Case){withRisk("high")}, "Safe with family", rules, false,
			[]string{"no supervisor has approved the closure"}},
		{"high risk, approval only", []func(*casefile.Case){withRisk("high"), approved(t2)}, "", rules, false,
			[]string{"not closed without a final evaluation"}},
		{"high risk, approval before entering the phase does not count", []func(*casefile.Case){withRisk("high"), approved(t0)}, "Safe", rules, false,
			[]string{"no supervisor has approved the closure since the case entered monitoring"}},
		{"high risk, evaluation and approval: closes", []func(*casefile.Case){withRisk("high"), approved(t2)}, "Safe with family", rules, false, nil},
		{"risk lowered since: closes", []func(*casefile.Case){withRisk("high"), withRisk("low")}, "", rules, false, nil},
		{"approval required by the workflow is named once", []func(*casefile.Case){withRisk("high")}, "Safe", rules, true,
			[]string{"guard approval failed"}},
		{"an agency that requires an evaluation", nil, " ", ClosureRules{HighestRisk: "high", RequireEvaluation: true}, false,
			[]string{"guard evaluation failed: the closure has no final evaluation, which require_closure_evaluation in .casework.yaml asks for"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wf := defaultConfig(t)
			if tt.approvalWF {
				for i := range wf.Phases {
					if wf.Phases[i].Name == casefile.ClosedPhase {
						wf.Phases[i].Requires = []string{"closure", "approval"}
					}
				}
			}
			c := caseIn("monitoring")
			for _, f := range tt.setup {
				f(c)
			}
			err := New(wf).CloseChecked(c, casefile.Closure{At: t3, Reason: "client-withdrew", Evaluation: tt.evaluation}, "w-ana", reasons, tt.rules)
			if len(tt.want) == 0 {
				if err != nil || c.Phase != casefile.ClosedPhase {
					t.Fatalf("want closed, got %v (phase %s)", err, c.Phase)
				}
				return
			}
			if err == nil {
				t.Fatal("closed; want a refusal")
			}
			if c.Phase != "monitoring" || c.Closure != nil {
				t.Errorf("a refused closure changed the case")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\nwant it to contain %q", err, w)
				}
			}
			if got := strings.Count(err.Error(), "no supervisor has approved"); got > 1 {
				t.Errorf("approval named %d times: %q", got, err)
			}
		})
	}
}
