package assess

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/safetext"
)

// Input is what a caseworker records in an assessment, as given on the
// command line.
type Input struct {
	At        time.Time
	By        string
	Strengths []string
	Scores    []string // DOMAIN=N
	// Member is the household member assessed (an M-ID the caller has
	// checked), "" for the client.
	Member string
	// Network is the support from the client's own network the worker
	// gives (low, medium, high), "" to take Derived.
	Network string
	// Derived is the support the recorded network gives
	// (household.Derive), "" when the case records no network.
	Derived string
	// NetworkReason says why Network differs from Derived.
	NetworkReason string
	Needs         []string // DOMAIN:PRIORITY:TEXT
	// Risk is the case's current risk level ("" for none) and RiskRules
	// the configuration that says what each level calls for.
	Risk      string
	RiskRules config.Risk
}

// Result is a recorded assessment and the need it was computed from.
type Result struct {
	Assessment casefile.Assessment
	// Need is the mean normalised need plus the network adjustment.
	Need float64
	// Scored is how many domains were scored (not NA).
	Scored int
	// Decision is how the level was reached.
	Decision Decision
}

// Record checks an assessment against the instrument and computes its
// level of attention with the rule, the instrument's escalation floors and
// the case's current risk (see Decide). At least one domain must be scored on
// the scale; each domain may be scored once.
func Record(in config.Instrument, rule config.LevelRule, input Input) (Result, error) {
	if err := CheckInstrument(in); err != nil {
		return Result{}, err
	}
	if len(input.Scores) == 0 {
		return Result{}, fmt.Errorf("give at least one --score DOMAIN=N (%s scale %s)", in.ID, ScaleText(in))
	}
	if input.Network != "" && !slices.Contains(Networks, input.Network) {
		return Result{}, fmt.Errorf("unknown network support %s: use one of %s", safetext.Word(input.Network), strings.Join(Networks, ", "))
	}
	a := casefile.Assessment{At: input.At, By: input.By, Member: input.Member, Instrument: in.ID, Scores: map[string]int{}}
	if err := network(&a, input); err != nil {
		return Result{}, err
	}
	for _, s := range input.Strengths {
		if s = strings.TrimSpace(s); s != "" {
			a.Strengths = append(a.Strengths, s)
		}
	}
	for _, arg := range input.Scores {
		domain, score, err := ParseScore(in, arg)
		if err != nil {
			return Result{}, err
		}
		if _, dup := a.Scores[domain]; dup {
			return Result{}, fmt.Errorf("domain %s is scored twice; give each domain once", domain)
		}
		a.Scores[domain] = score
	}
	for _, arg := range input.Needs {
		n, err := ParseNeed(in, arg)
		if err != nil {
			return Result{}, err
		}
		a.Needs = append(a.Needs, n)
	}
	SortNeeds(a.Needs)
	_, scored := Need(in, a.Scores)
	if scored == 0 {
		return Result{}, errors.New("every score given is 'not applicable': score at least one domain on the scale")
	}
	d := Decide(in, rule, a.Scores, a.Network, input.RiskRules, input.Risk)
	a.Level = d.Level
	return Result{Assessment: a, Need: d.Need, Scored: scored, Decision: d}, nil
}

// network sets the network support of a: for the client, the support the
// recorded network gives, or the worker's judgment with the reason it
// differs; none for a household member, whose network is the client's.
func network(a *casefile.Assessment, input Input) error {
	switch {
	case input.Member != "" && (input.Network != "" || input.NetworkReason != ""):
		return fmt.Errorf("network support is the client's: leave --network and --reason out of a member's assessment")
	case input.Member != "":
		return nil
	case input.Derived == "":
		if input.NetworkReason != "" {
			return fmt.Errorf("--reason explains a --network that differs from what the recorded network gives, and the case records no network ('casework network add')")
		}
		a.Network = input.Network
		return nil
	}
	a.Network, a.NetworkDerived = cmp.Or(input.Network, input.Derived), input.Derived
	reason := strings.TrimSpace(input.NetworkReason)
	switch {
	case a.Network != input.Derived && reason == "":
		return fmt.Errorf("the recorded network gives %s network support; say why you judge it %s (--reason), or leave --network out to take %s", input.Derived, a.Network, input.Derived)
	case a.Network == input.Derived && reason != "":
		return fmt.Errorf("--reason explains a --network that differs from what the recorded network gives (%s); leave it out", input.Derived)
	}
	a.NetworkReason = reason
	return nil
}
