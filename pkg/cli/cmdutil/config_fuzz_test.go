package cmdutil

import (
	"strings"
	"testing"

	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/workflow"
)

// FuzzLoadConfig feeds any bytes to the configuration loader, as a
// repository's .casework.yaml arrives by pull request: it loads or is
// refused with a message, never panics, and a loaded workflow can be
// checked and used.
func FuzzLoadConfig(f *testing.F) {
	f.Add(config.DefaultYAML)
	f.Add([]byte("agency: X\ncaseload:\n  max_actve: 3\n"))
	f.Add([]byte("workflow:\n  initial: a\n  phases:\n    - name: a\n      next: [a, b]\n      requires: [nope]\n"))
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Add([]byte("caseload:\n  max_active: -1\n  hours_per_fte_month: 1e400\n"))
	f.Add([]byte("workflow: {phases: []}\n"))
	f.Add([]byte("agency: !!binary QQ==\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := config.Load(data, func(string) string { return "" })
		if err != nil {
			if strings.Contains(err.Error(), "goroutine ") || strings.Contains(err.Error(), "panic") {
				t.Fatalf("internals in the message: %v", err)
			}
			return
		}
		w := workflow.New(cfg.Workflow)
		for _, p := range cfg.Workflow.Phases {
			w.Next(p.Name)
			w.Requires(p.Name)
		}
		workflow.CheckConfig(cfg.Workflow)
	})
}
