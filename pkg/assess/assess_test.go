package assess

import (
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/config"
)

func intp(n int) *int { return &n }

var (
	ssm = config.Instrument{ID: "ssm", Scale: config.Scale{Min: 1, Max: 5, NA: intp(0)}, HigherIs: HigherIsBetter,
		Domains: []string{"housing", "income", "employment", "food", "safety"}}
	cans = config.Instrument{ID: "cans", Scale: config.Scale{Min: 0, Max: 3}, HigherIs: HigherIsNeed,
		Domains: []string{"school", "emotional", "safety"}}
	rule = config.LevelRule{NetworkAdjust: map[string]float64{"low": 0.15, "medium": 0, "high": -0.15}, CareManagement: 0.35, Intensive: 0.6}
)

func TestNeed(t *testing.T) {
	tests := []struct {
		name       string
		in         config.Instrument
		scores     map[string]int
		want       float64
		wantScored int
	}{
		{"ssm all crisis", ssm, map[string]int{"housing": 1, "income": 1}, 1, 2},
		{"ssm all empowered", ssm, map[string]int{"housing": 5}, 0, 1},
		{"ssm mixed", ssm, map[string]int{"housing": 2, "income": 4}, 0.5, 2},
		{"ssm na left out", ssm, map[string]int{"housing": 3, "food": 0}, 0.5, 1},
		{"ssm only na", ssm, map[string]int{"food": 0}, 0, 0},
		{"cans higher is need", cans, map[string]int{"school": 3, "emotional": 0}, 0.5, 2},
		{"cans one actionable", cans, map[string]int{"school": 2}, 2.0 / 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, scored := Need(tt.in, tt.scores)
			if diff := got - tt.want; diff > 1e-12 || diff < -1e-12 || scored != tt.wantScored {
				t.Errorf("Need = %v (%d scored), want %v (%d)", got, scored, tt.want, tt.wantScored)
			}
		})
	}
}

func TestLevel(t *testing.T) {
	tests := []struct {
		need    float64
		network string
		want    string
	}{
		{0, "", SelfManagement},
		{0.34, "", SelfManagement},
		{0.35, "", CareManagement},
		{0.2, "low", CareManagement},           // 0.35 with a weak network
		{0.5, "high", CareManagement},          // 0.5 - 0.15 = 0.35 reaches care-management
		{0.59, "", CareManagement},             // just under intensive
		{0.6, "", Intensive},                   // threshold reached
		{0.45, "low", Intensive},               // 0.6 with a weak network
		{0.75, "high", Intensive},              // still 0.6
		{0.7, "high", CareManagement},          // 0.55
		{0.1 + 0.25, "medium", CareManagement}, // float error must not drop a level
	}
	for _, tt := range tests {
		if _, got := Level(rule, tt.need, tt.network); got != tt.want {
			t.Errorf("Level(%v, %q) = %s, want %s", tt.need, tt.network, got, tt.want)
		}
	}
}

func TestParseScore(t *testing.T) {
	tests := []struct {
		in      config.Instrument
		arg     string
		domain  string
		score   int
		wantErr string
	}{
		{ssm, "housing=3", "housing", 3, ""},
		{ssm, " income = 5 ", "income", 5, ""},
		{ssm, "food=0", "food", 0, ""},
		{ssm, "food=na", "food", 0, ""},
		{ssm, "housing=6", "", 0, "out of the ssm scale: use 1..5, or 0 (or na) for not applicable"},
		{ssm, "housing=-1", "", 0, "out of the ssm scale"},
		{ssm, "housing=three", "", 0, "score for housing is not a whole number (the value given is not shown): use 1..5"},
		{ssm, "garden=3", "", 0, `unknown domain "garden" for instrument ssm: use one of housing, income`},
		{ssm, "housing", "", 0, "write DOMAIN=N"},
		{ssm, "=3", "", 0, "write DOMAIN=N"},
		{cans, "school=0", "school", 0, ""},
		{cans, "school=4", "", 0, "use 0..3"},
		{cans, "school=na", "", 0, "out of the cans scale: use 0..3"},
	}
	for _, tt := range tests {
		d, s, err := ParseScore(tt.in, tt.arg)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseScore(%s, %q) error = %v, want %q", tt.in.ID, tt.arg, err, tt.wantErr)
			}
			continue
		}
		if err != nil || d != tt.domain || s != tt.score {
			t.Errorf("ParseScore(%s, %q) = %s, %d, %v; want %s, %d", tt.in.ID, tt.arg, d, s, err, tt.domain, tt.score)
		}
	}
}

func TestParseNeed(t *testing.T) {
	tests := []struct {
		arg     string
		want    string // domain/priority/text
		wantErr string
	}{
		{"housing:high:Eviction notice for April", "housing/high/Eviction notice for April", ""},
		{"income:low:Benefits: check entitlement", "income/low/Benefits: check entitlement", ""},
		{"housing:urgent:x", "", `unknown priority "urgent": use one of high, medium, low`},
		{"garden:high:x", "", `unknown domain "garden"`},
		{"housing:high", "", "write DOMAIN:PRIORITY:TEXT"},
		{"housing:high: ", "", "write DOMAIN:PRIORITY:TEXT"},
	}
	for _, tt := range tests {
		n, err := ParseNeed(ssm, tt.arg)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseNeed(%q) error = %v, want %q", tt.arg, err, tt.wantErr)
			}
			continue
		}
		if got := n.Domain + "/" + n.Priority + "/" + n.Text; err != nil || got != tt.want {
			t.Errorf("ParseNeed(%q) = %s, %v; want %s", tt.arg, got, err, tt.want)
		}
	}
}

// TestParseMessagesHideClientText holds that a mistyped --need or --score
// never repeats what was typed beyond a casework name: the text may be a
// client's (SPEC section 8).
func TestParseMessagesHideClientText(t *testing.T) {
	tests := []struct {
		need, score string
		want        string
	}{
		{need: "housing:urgent:Aisha Khan at home", want: `--need: unknown priority "urgent": use one of high, medium, low`},
		{need: "Maria Lopez lives at 14 Mill Lane", want: "--need: write DOMAIN:PRIORITY:TEXT, for example housing:high:'Facing eviction in April' (the value given is not shown)"},
		{need: "Maria Lopez:high:14 Mill Lane", want: "--need: unknown domain (not shown: it is not a casework name) for instrument ssm"},
		{need: "housing:Maria Lopez:14 Mill Lane", want: "--need: unknown priority (not shown: it is not a casework name): use one of high, medium, low"},
		{score: "Maria Lopez", want: "--score: write DOMAIN=N, for example housing=3 (the value given is not shown)"},
		{score: "Maria Lopez=3", want: "unknown domain (not shown: it is not a casework name) for instrument ssm"},
		{score: "housing=Maria Lopez", want: "score for housing is not a whole number (the value given is not shown)"},
	}
	for _, tt := range tests {
		var err error
		if tt.need != "" {
			_, err = ParseNeed(ssm, tt.need)
		} else {
			_, _, err = ParseScore(ssm, tt.score)
		}
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q%q: error = %v, want prefix %q", tt.need, tt.score, err, tt.want)
			continue
		}
		for _, secret := range []string{"Aisha", "Maria", "Mill", "Khan"} {
			if strings.Contains(err.Error(), secret) {
				t.Errorf("%q%q: error %q repeats client text %q", tt.need, tt.score, err, secret)
			}
		}
	}
}

func TestCheckInstrument(t *testing.T) {
	bad := func(change func(*config.Instrument)) config.Instrument {
		in := ssm
		change(&in)
		return in
	}
	tests := []struct {
		name    string
		in      config.Instrument
		wantErr string
	}{
		{"ssm", ssm, ""},
		{"cans", cans, ""},
		{"inverted scale", bad(func(in *config.Instrument) { in.Scale = config.Scale{Min: 5, Max: 1} }), "must be greater than min"},
		{"na inside scale", bad(func(in *config.Instrument) { in.Scale.NA = intp(3) }), "must lie outside 1..5"},
		{"direction", bad(func(in *config.Instrument) { in.HigherIs = "worse" }), `higher_is is "worse"`},
		{"no domains", bad(func(in *config.Instrument) { in.Domains = nil }), "has no domains"},
	}
	for _, tt := range tests {
		err := CheckInstrument(tt.in)
		if (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("%s: CheckInstrument = %v, want %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestRecord(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		in        config.Instrument
		input     Input
		wantLevel string
		wantNeed  float64
		wantErr   string
	}{
		{"ssm vulnerable, weak network", ssm, Input{Scores: []string{"housing=2", "income=3"}, Network: "low"}, Intensive, 0.775, ""},
		{"ssm safe, strong network", ssm, Input{Scores: []string{"housing=3", "income=4", "food=na"}, Network: "high"}, SelfManagement, 0.225, ""},
		{"ssm safe, no network given", ssm, Input{Scores: []string{"housing=3", "income=3"}}, CareManagement, 0.5, ""},
		{"cans", cans, Input{Scores: []string{"school=1", "emotional=1"}, Network: "medium"}, SelfManagement, 1.0 / 3, ""},
		{"no scores", ssm, Input{}, "", 0, "give at least one --score"},
		{"only na", ssm, Input{Scores: []string{"food=0"}}, "", 0, "score at least one domain on the scale"},
		{"twice", ssm, Input{Scores: []string{"food=3", "food=4"}}, "", 0, "scored twice"},
		{"bad network", ssm, Input{Scores: []string{"food=3"}, Network: "none"}, "", 0, "use one of low, medium, high"},
		{"bad need", ssm, Input{Scores: []string{"food=3"}, Needs: []string{"garden:high:x"}}, "", 0, "unknown domain"},
		{"bad score", ssm, Input{Scores: []string{"food=9"}}, "", 0, "out of the ssm scale"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.input.At, tt.input.By = at, "w-ana"
			res, err := Record(tt.in, rule, tt.input)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			a := res.Assessment
			if a.Level != tt.wantLevel || res.Need-tt.wantNeed > 1e-9 || tt.wantNeed-res.Need > 1e-9 {
				t.Errorf("level %s need %v, want %s %v", a.Level, res.Need, tt.wantLevel, tt.wantNeed)
			}
			if a.Instrument != tt.in.ID || a.By != "w-ana" || !a.At.Equal(at) || len(a.Scores) != len(tt.input.Scores) {
				t.Errorf("recorded %+v", a)
			}
		})
	}
}

func TestRecordKeepsStrengthsAndSortsNeeds(t *testing.T) {
	res, err := Record(ssm, rule, Input{
		Scores:    []string{"housing=2"},
		Strengths: []string{"Close to her sister", " ", "Keeps appointments"},
		Needs:     []string{"income:low:Debt advice", "housing:high:Eviction", "food:medium:Food bank", "safety:high:Safety plan"},
	})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Assessment
	if len(a.Strengths) != 2 || a.Strengths[0] != "Close to her sister" {
		t.Errorf("strengths = %q", a.Strengths)
	}
	var order []string
	for _, n := range a.Needs {
		order = append(order, n.Domain)
	}
	if got := strings.Join(order, ","); got != "housing,safety,food,income" {
		t.Errorf("needs order = %s", got)
	}
}

func TestRecordNetworkSupport(t *testing.T) {
	scores := []string{"housing=3", "income=3"} // need 0.5: low network 0.65, high 0.35
	for _, tt := range []struct {
		name                     string
		input                    Input
		network, derived, reason string
		level, err               string
	}{
		{"derived from the recorded network", Input{Derived: "high"}, "high", "high", "", CareManagement, ""},
		{"the worker agrees with it", Input{Derived: "low", Network: "low"}, "low", "low", "", Intensive, ""},
		{"an override with its reason", Input{Derived: "high", Network: "low", NetworkReason: " Sister moves away "}, "low", "high", "Sister moves away", Intensive, ""},
		{"an override without a reason", Input{Derived: "high", Network: "low"}, "", "", "", "", "the recorded network gives high network support; say why you judge it low (--reason)"},
		{"a reason without an override", Input{Derived: "high", NetworkReason: "x"}, "", "", "", "", "--reason explains a --network that differs"},
		{"no recorded network: as given", Input{Network: "medium"}, "medium", "", "", CareManagement, ""},
		{"no recorded network: a reason has nothing to explain", Input{Network: "medium", NetworkReason: "x"}, "", "", "", "", "the case records no network"},
		{"a member: no network", Input{Member: "M1", Derived: "high"}, "", "", "", CareManagement, ""},
		{"a member with --network", Input{Member: "M1", Network: "low"}, "", "", "", "", "network support is the client's"},
	} {
		tt.input.Scores = scores
		res, err := Record(ssm, rule, tt.input)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		a := res.Assessment
		if err != nil || a.Network != tt.network || a.NetworkDerived != tt.derived || a.NetworkReason != tt.reason || a.Level != tt.level || a.Member != tt.input.Member {
			t.Errorf("%s: %+v %v, want network %q derived %q reason %q level %s", tt.name, a, err, tt.network, tt.derived, tt.reason, tt.level)
		}
	}
}
