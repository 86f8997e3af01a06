package config

import (
	"strings"
	"testing"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestDefault(t *testing.T) {
	cfg := Default()
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

func TestLoadLayers(t *testing.T) {
	file := "agency: Northside\nmodels: [advocacy]\ncaseload:\n  warn_active: 7\n  weights:\n    levels:\n      intensive: 3\n"
	cfg, err := Load([]byte(file), env(map[string]string{
		"CASEWORK_CASELOAD_MAX_ACTIVE":                     "9",
		"CASEWORK_CASELOAD_ENFORCE":                        "true",
		"CASEWORK_CLOSURE_REASONS":                         "goals-met, other",
		"CASEWORK_ASSESSMENT_LEVELS_CARE_MANAGEMENT":       "0.25",
		"CASEWORK_CASELOAD_WEIGHTS_LEVELS_SELF_MANAGEMENT": "0.1",
	}))
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"agency (file)", cfg.Agency, "Northside"},
		{"models (file list replaces)", strings.Join(cfg.Models, ","), "advocacy"},
		{"warn_active (file)", cfg.Caseload.WarnActive, 7},
		{"max_active (env)", cfg.Caseload.MaxActive, 9},
		{"max_new (default)", cfg.Caseload.MaxNewPerMonth, 10},
		{"enforce (env)", cfg.Caseload.Enforce, true},
		{"closure reasons (env list)", strings.Join(cfg.ClosureReasons, ","), "goals-met,other"},
		{"care-management (env, dashed key)", cfg.Assessment.Levels.CareManagement, 0.25},
		{"intensive weight (file map entry)", cfg.Caseload.Weights.Levels["intensive"], 3.0},
		{"care-management weight (default map entry kept)", cfg.Caseload.Weights.Levels["care-management"], 1.0},
		{"self-management weight (env map entry)", cfg.Caseload.Weights.Levels["self-management"], 0.1},
		{"phases (default)", len(cfg.Workflow.Phases), 6},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestLoadBadEnvironmentNamesTheVariable(t *testing.T) {
	tests := []struct{ name, value, want string }{
		{"CASEWORK_CASELOAD_MAX_ACTIVE", "abc", "environment variable CASEWORK_CASELOAD_MAX_ACTIVE=abc: not a whole number (for example 12); correct it or unset it"},
		{"CASEWORK_CASELOAD_WARN_LOAD", "lots", "CASEWORK_CASELOAD_WARN_LOAD=lots: not a number"},
		{"CASEWORK_CASELOAD_ENFORCE", "yes please", "CASEWORK_CASELOAD_ENFORCE=yes please: not true or false"},
		{"CASEWORK_CASELOAD_MAX_ACTIVE", "1\x1b[2J", `CASEWORK_CASELOAD_MAX_ACTIVE="1\x1b[2J": not a whole number`},
		// Durations are checked where they are read, naming the variable,
		// not later as if the file held them.
		{"CASEWORK_REVIEW_INTERVAL", "xx", "environment variable CASEWORK_REVIEW_INTERVAL=xx: not a duration: write a whole number and a unit, h (hours), d (days) or w (weeks), e.g. 7d; correct it or unset it"},
		{"CASEWORK_TIMESCALES_FIRST_CONTACT", "2 days", "CASEWORK_TIMESCALES_FIRST_CONTACT=2 days: not a duration"},
		{"CASEWORK_TIMESCALES_REVIEW_HIGH", "3x", "CASEWORK_TIMESCALES_REVIEW_HIGH=3x: not a duration"},
	}
	for _, tt := range tests {
		_, err := Load(nil, env(map[string]string{tt.name: tt.value}))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s=%q: got %v, want %q", tt.name, tt.value, err, tt.want)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "\n") || strings.Contains(msg, "mapstructure") || strings.Contains(msg, "decoding") {
			t.Errorf("%s: not one plain line: %q", tt.name, msg)
		}
	}
}

func TestLoadStrict(t *testing.T) {
	_, err := Load([]byte("agency: X\ncaseload:\n  max_actve: 3\n"), nil)
	if err == nil || !strings.Contains(err.Error(), `.casework.yaml:3:3: unknown key "max_actve" in caseload; did you mean "max_active"?`) {
		t.Errorf("got %v", err)
	}
	_, err = Load([]byte("caseload:\n  max_active: many\n"), nil)
	if err == nil || !strings.Contains(err.Error(), ".casework.yaml:2:15:") {
		t.Errorf("wrong type: got %v", err)
	}
	_, err = Load([]byte("- a\n- b\n"), nil)
	if err == nil || !strings.Contains(err.Error(), ".casework.yaml:1:1:") {
		t.Errorf("a list: got %v", err)
	}
}

func TestLoadEmptyFileIsDefaults(t *testing.T) {
	for _, data := range []string{"", "# only a comment\n", "~\n"} {
		cfg, err := Load([]byte(data), nil)
		if err != nil {
			t.Fatalf("%q: %v", data, err)
		}
		if cfg.Workflow.Initial != "intake" || cfg.Caseload.MaxActive != 15 {
			t.Errorf("%q did not give defaults: %+v", data, cfg.Workflow)
		}
	}
}

// FuzzLoad checks that no configuration file makes Load panic, and that a
// loaded one always has its phases (a file may replace them, not unset
// them without saying so).
func FuzzLoad(f *testing.F) {
	f.Add([]byte("agency: X\n"))
	f.Add(DefaultYAML)
	f.Add([]byte("caseload: {max_active: 3, weights: {levels: {x: 1}}}\n"))
	f.Add([]byte("workflow: ~\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Load(data, func(string) string { return "" })
	})
}
