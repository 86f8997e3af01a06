package cmdutil

import (
	"strings"
	"testing"

	"github.com/casework/casework/pkg/config"
)

func TestLoadConfigDefaults(t *testing.T) {
	cfg, err := LoadConfig(config.DefaultYAML)
	if err != nil {
		t.Fatal(err)
	}
	ssm, ok := cfg.Assessment.Instrument("ssm")
	checks := []struct {
		name      string
		got, want any
	}{
		{"max_active", cfg.Caseload.MaxActive, 15},
		{"warn_active", cfg.Caseload.WarnActive, 12},
		{"hours", cfg.Caseload.HoursPerFTEMonth, 120.0},
		{"initial", cfg.Workflow.Initial, "intake"},
		{"phases", len(cfg.Workflow.Phases), 6},
		{"ssm", ok, true},
		{"ssm label", ssm.Labels[1], "In Crisis"},
		{"ssm domains", len(ssm.Domains), 15},
		{"intensive weight", cfg.Caseload.Weights.Levels["intensive"], 2.0},
		{"closure reasons", len(cfg.ClosureReasons), 7},
		{"intensive threshold", cfg.Assessment.Levels.Intensive, 0.6},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestLoadConfigOverrides(t *testing.T) {
	t.Setenv("CASEWORK_CASELOAD_MAX_ACTIVE", "9")
	cfg, err := LoadConfig([]byte("agency: Northside\ncaseload:\n  warn_active: 7\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Agency != "Northside" || cfg.Caseload.WarnActive != 7 || cfg.Caseload.MaxActive != 9 || cfg.Caseload.MaxNewPerMonth != 10 {
		t.Errorf("got agency %q warn %d max %d new %d", cfg.Agency, cfg.Caseload.WarnActive, cfg.Caseload.MaxActive, cfg.Caseload.MaxNewPerMonth)
	}
}

func TestLoadConfigStrict(t *testing.T) {
	_, err := LoadConfig([]byte("agency: X\ncaseload:\n  max_actve: 3\n"))
	if err == nil || !strings.Contains(err.Error(), `.casework.yaml:3:3: unknown key "max_actve" in caseload; did you mean "max_active"?`) {
		t.Errorf("got %v", err)
	}
}

func TestLoadConfigEmptyFileIsDefaults(t *testing.T) {
	cfg, err := LoadConfig(nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Workflow.Initial != "intake" || cfg.Caseload.MaxActive != 15 {
		t.Errorf("empty config did not give defaults: %+v", cfg.Workflow)
	}
}
