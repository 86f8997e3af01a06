package workflow

import (
	"bytes"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// FuzzMove drives a case through random moves at random times on the
// default workflow, with random parts of the record present. A move either
// fails and leaves the case exactly as it was, or succeeds and appends one
// legal, time-ordered step whose target is the new phase.
func FuzzMove(f *testing.F) {
	var cfg config.Config
	if err := yaml.Unmarshal(config.DefaultYAML, &cfg); err != nil {
		f.Fatal(err)
	}
	w := New(cfg.Workflow)
	phases := cfg.Workflow.PhaseNames()
	f.Add([]byte{1, 2, 3, 4, 5, 0}, byte(0xff))
	f.Add([]byte{5, 1, 5, 0, 1, 2}, byte(0))
	f.Add([]byte{2, 2, 9, 1}, byte(0x0f))
	f.Fuzz(func(t *testing.T, steps []byte, parts byte) {
		start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
		c := &casefile.Case{ID: "C-1", Phase: cfg.Workflow.Initial, Client: casefile.Client{Name: "X"},
			History: []casefile.HistoryEntry{{At: start, By: "w", To: cfg.Workflow.Initial}}}
		if parts&1 != 0 {
			c.Assessments = []casefile.Assessment{{At: start.Add(time.Hour), By: "w", Instrument: "ssm"}}
		}
		if parts&2 != 0 {
			c.Plan.Goals = []casefile.Goal{{ID: "G1", Text: "t", Status: "open"}}
		}
		if parts&4 != 0 {
			c.Plan.Agreed = &casefile.Agreement{By: "client", At: start.Add(2 * time.Hour), Digest: c.Plan.Digest()}
		}
		if parts&8 != 0 {
			c.Closure = &casefile.Closure{At: start.Add(3 * time.Hour), Reason: "other"}
		}
		for i, s := range steps {
			to := "nowhere"
			if int(s)%8 < len(phases) {
				to = phases[int(s)%8]
			}
			at := start.Add(time.Duration(int(s)-100+i*24) * time.Hour)
			before, _ := yaml.Marshal(c)
			from := c.Phase
			if err := w.Move(c, to, at, "w", "fuzz"); err != nil {
				if after, _ := yaml.Marshal(c); !bytes.Equal(before, after) {
					t.Fatalf("failed move %s -> %s changed the case: %v", from, to, err)
				}
				continue
			}
			last := c.History[len(c.History)-1]
			prev := c.History[len(c.History)-2]
			switch {
			case c.Phase != to || last.To != to || last.From != from:
				t.Fatalf("move %s -> %s recorded as %s -> %s, phase %s", from, to, last.From, last.To, c.Phase)
			case !w.CanMove(from, to):
				t.Fatalf("illegal move %s -> %s accepted", from, to)
			case last.At.Before(prev.At):
				t.Fatalf("move recorded at %s, before the previous entry at %s", last.At, prev.At)
			case to == casefile.ClosedPhase && c.Closure == nil:
				t.Fatal("closed without a closure")
			case to == "planning" && len(c.Assessments) == 0:
				t.Fatal("entered planning without an assessment")
			}
		}
	})
}
