package assess

import (
	"strings"
	"testing"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// builtinCANS is the CANS-style instrument as the built-in configuration
// defines it, escalation floors included.
var builtinCANS = config.Instrument{ID: "cans", Scale: config.Scale{Min: 0, Max: 3}, HigherIs: HigherIsNeed,
	Labels:   map[int]string{0: "No evidence", 1: "Watch", 2: "Act", 3: "Act immediately"},
	Domains:  []string{"living_situation", "school", "family_functioning", "social_functioning", "physical_health", "emotional", "behavioral", "risk_behaviors", "substance_use", "safety"},
	Escalate: map[int]string{3: Intensive, 2: CareManagement}}

var builtinSSM = config.Instrument{ID: "ssm", Scale: config.Scale{Min: 1, Max: 5, NA: intp(0)}, HigherIs: HigherIsBetter,
	Labels:   map[int]string{1: "In Crisis", 2: "Vulnerable", 3: "Safe", 4: "Building Capacity", 5: "Empowered"},
	Domains:  []string{"housing", "income", "employment", "food", "safety"},
	Escalate: map[int]string{1: CareManagement}}

var riskRules = config.Risk{Levels: []string{"low", "medium", "high"}, Escalate: map[string]string{"high": Intensive}}

func TestDecide(t *testing.T) {
	noFloors := builtinCANS
	noFloors.Escalate = map[int]string{}
	tests := []struct {
		name    string
		in      config.Instrument
		scores  map[string]int
		network string
		risk    string
		want    string
		byMean  string
		why     string // what Why() must contain
	}{
		{"diluted mean: two domains at 3, five at 0", builtinCANS,
			map[string]int{"emotional": 3, "risk_behaviors": 3, "school": 0, "living_situation": 0, "family_functioning": 0, "social_functioning": 0, "physical_health": 0},
			"", "", Intensive, SelfManagement, "intensive: emotional scored 3, Act immediately; risk_behaviors scored 3, Act immediately"},
		{"self-harm disclosed: emotional 3 alone among many", builtinCANS,
			map[string]int{"emotional": 3, "school": 1, "living_situation": 0, "family_functioning": 1, "social_functioning": 0, "physical_health": 0, "behavioral": 0, "safety": 1},
			"high", "", Intensive, SelfManagement, "emotional scored 3, Act immediately"},
		{"one domain at 2 is at least care-management", builtinCANS,
			map[string]int{"school": 2, "emotional": 0, "behavioral": 0, "safety": 0},
			"", "", CareManagement, SelfManagement, "care-management: school scored 2, Act"},
		{"the mean raises above the floor", builtinCANS,
			map[string]int{"school": 2, "emotional": 2, "behavioral": 2},
			"low", "", Intensive, Intensive, "mean need"},
		{"mean and floor agree: both reasons", builtinCANS,
			map[string]int{"school": 2, "emotional": 1},
			"", "", CareManagement, CareManagement, "mean need 0.50 over 2 scored domains; school scored 2, Act"},
		{"nothing escalates: the mean decides", builtinCANS,
			map[string]int{"school": 1, "emotional": 0},
			"high", "", SelfManagement, SelfManagement, "self-management: mean need"},
		{"escalate switched off: the mean alone", noFloors,
			map[string]int{"emotional": 3, "school": 0, "behavioral": 0, "safety": 0, "physical_health": 0},
			"", "", SelfManagement, SelfManagement, "mean need"},
		{"ssm in crisis in one domain of five", builtinSSM,
			map[string]int{"housing": 1, "income": 5, "employment": 5, "food": 5, "safety": 5},
			"", "", CareManagement, SelfManagement, "housing scored 1, In Crisis"},
		{"ssm not applicable never escalates", builtinSSM,
			map[string]int{"housing": 0, "income": 5},
			"", "", SelfManagement, SelfManagement, "mean need"},
		{"a current high risk raises to intensive", builtinSSM,
			map[string]int{"housing": 5, "income": 5},
			"", "high", Intensive, SelfManagement, "intensive: current risk high"},
		{"a medium risk calls for nothing by default", builtinSSM,
			map[string]int{"housing": 5},
			"", "medium", SelfManagement, SelfManagement, "mean need"},
		{"risk and a domain both call for intensive", builtinCANS,
			map[string]int{"emotional": 3, "school": 0},
			"", "high", Intensive, CareManagement, "emotional scored 3, Act immediately; current risk high"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Decide(tt.in, rule, tt.scores, tt.network, riskRules, tt.risk)
			if d.Level != tt.want || d.ByMean != tt.byMean {
				t.Errorf("level %s (mean alone %s), want %s (%s); why %q", d.Level, d.ByMean, tt.want, tt.byMean, d.Why())
			}
			if !strings.Contains(d.Why(), tt.why) || !strings.HasPrefix(d.Why(), d.Level+": ") {
				t.Errorf("Why() = %q, want it to contain %q", d.Why(), tt.why)
			}
		})
	}
}

func TestFloorsFallBackToBuiltin(t *testing.T) {
	// A configuration written before escalation existed lists the
	// built-in instruments without escalate: they keep their floors.
	old := builtinCANS
	old.Escalate = nil
	if l, _ := Floor(old, map[string]int{"emotional": 3}); l != Intensive {
		t.Errorf("cans without escalate: floor %q, want %q", l, Intensive)
	}
	own := config.Instrument{ID: "own", Scale: config.Scale{Min: 0, Max: 3}, HigherIs: HigherIsNeed, Domains: []string{"a"}}
	if l, _ := Floor(own, map[string]int{"a": 3}); l != "" {
		t.Errorf("an agency's own instrument without escalate: floor %q, want none", l)
	}
}

func TestCurrent(t *testing.T) {
	tests := []struct {
		levels []string
		risk   string
		want   string
	}{
		{nil, "", ""},
		{[]string{Intensive, SelfManagement}, "", SelfManagement}, // the latest assessment counts
		{[]string{SelfManagement}, "high", Intensive},
		{[]string{CareManagement}, "low", CareManagement},
		{nil, "high", Intensive},
	}
	for _, tt := range tests {
		c := caseWith(tt.levels, tt.risk)
		if got := Current(c, riskRules); got != tt.want {
			t.Errorf("Current(%v, risk %q) = %q, want %q", tt.levels, tt.risk, got, tt.want)
		}
	}
}

func caseWith(levels []string, risk string) *casefile.Case {
	c := &casefile.Case{}
	for _, l := range levels {
		c.Assessments = append(c.Assessments, casefile.Assessment{Level: l})
	}
	if risk != "" {
		c.Risks = []casefile.Risk{{Level: risk}}
	}
	return c
}
