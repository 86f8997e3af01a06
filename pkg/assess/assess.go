// Package assess scores functional-capacity assessments with the
// instruments defined as data in the configuration, and maps the scores
// plus the client's network support to a level of attention (the Kaiser
// pyramid). Everything here is pure arithmetic over config and casefile
// values.
package assess

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/safetext"
)

// Levels of attention, from least to most intensive.
const (
	SelfManagement = "self-management"
	CareManagement = "care-management"
	Intensive      = "intensive"
)

// Directions an instrument's scale can run in (config higher_is).
const (
	HigherIsBetter = "better"
	HigherIsNeed   = "need"
)

// Networks are the levels of support from the client's own network.
var Networks = []string{"low", "medium", "high"}

// Priorities are the priorities a need can have, highest first.
var Priorities = []string{"high", "medium", "low"}

// CheckInstrument reports an instrument whose definition cannot be scored:
// an empty or inverted scale, an NA value inside the scale, an unknown
// direction or no domains.
func CheckInstrument(in config.Instrument) error {
	switch {
	case in.Scale.Max <= in.Scale.Min:
		return fmt.Errorf("instrument %q: scale max (%d) must be greater than min (%d)", in.ID, in.Scale.Max, in.Scale.Min)
	case in.Scale.NA != nil && *in.Scale.NA >= in.Scale.Min && *in.Scale.NA <= in.Scale.Max:
		return fmt.Errorf("instrument %q: scale na (%d) must lie outside %d..%d", in.ID, *in.Scale.NA, in.Scale.Min, in.Scale.Max)
	case in.HigherIs != HigherIsBetter && in.HigherIs != HigherIsNeed:
		return fmt.Errorf("instrument %q: higher_is is %q; use %q or %q", in.ID, in.HigherIs, HigherIsBetter, HigherIsNeed)
	case len(in.Domains) == 0:
		return fmt.Errorf("instrument %q has no domains", in.ID)
	}
	return nil
}

// ScaleText describes the valid scores of an instrument: "1..5, or 0 for
// not applicable".
func ScaleText(in config.Instrument) string {
	s := fmt.Sprintf("%d..%d", in.Scale.Min, in.Scale.Max)
	if in.Scale.NA != nil {
		s += fmt.Sprintf(", or %d (or na) for not applicable", *in.Scale.NA)
	}
	return s
}

// IsNA reports whether score means "not applicable" on the instrument.
func IsNA(in config.Instrument, score int) bool {
	return in.Scale.NA != nil && score == *in.Scale.NA
}

// ParseScore reads one DOMAIN=N score and checks the domain and the value
// against the instrument. N may be "na" where the scale has a
// not-applicable value.
func ParseScore(in config.Instrument, arg string) (domain string, score int, err error) {
	domain, value, ok := strings.Cut(arg, "=")
	domain, value = strings.TrimSpace(domain), strings.TrimSpace(value)
	if !ok || domain == "" || value == "" {
		return "", 0, errors.New("--score: write DOMAIN=N, for example housing=3 (the value given is not shown)")
	}
	if err := CheckDomain(in, domain); err != nil {
		return "", 0, err
	}
	if strings.EqualFold(value, "na") && in.Scale.NA != nil {
		return domain, *in.Scale.NA, nil
	}
	score, err = strconv.Atoi(value)
	if err != nil && !strings.EqualFold(value, "na") {
		return "", 0, fmt.Errorf("score for %s is not a whole number (the value given is not shown): use %s", domain, ScaleText(in))
	}
	if err != nil || !IsNA(in, score) && (score < in.Scale.Min || score > in.Scale.Max) {
		return "", 0, fmt.Errorf("score %s=%s is out of the %s scale: use %s", domain, value, in.ID, ScaleText(in))
	}
	return domain, score, nil
}

// CheckDomain reports a domain the instrument does not have, listing the
// ones it has.
func CheckDomain(in config.Instrument, domain string) error {
	if !slices.Contains(in.Domains, domain) {
		return fmt.Errorf("unknown domain %s for instrument %s: use one of %s", safetext.Word(domain), in.ID, strings.Join(in.Domains, ", "))
	}
	return nil
}

// ParseNeed reads one DOMAIN:PRIORITY:TEXT need; the text may itself hold
// colons.
func ParseNeed(in config.Instrument, arg string) (casefile.Need, error) {
	parts := strings.SplitN(arg, ":", 3)
	if len(parts) != 3 || strings.TrimSpace(parts[2]) == "" {
		return casefile.Need{}, errors.New("--need: write DOMAIN:PRIORITY:TEXT, for example housing:high:'Facing eviction in April' (the value given is not shown)")
	}
	n := casefile.Need{Domain: strings.TrimSpace(parts[0]), Priority: strings.TrimSpace(parts[1]), Text: strings.TrimSpace(parts[2])}
	if err := CheckDomain(in, n.Domain); err != nil {
		return casefile.Need{}, fmt.Errorf("--need: %w", err)
	}
	if !slices.Contains(Priorities, n.Priority) {
		return casefile.Need{}, fmt.Errorf("--need: unknown priority %s: use one of %s", safetext.Word(n.Priority), strings.Join(Priorities, ", "))
	}
	return n, nil
}

// SortNeeds orders needs by priority, highest first, keeping the given
// order within a priority.
func SortNeeds(needs []casefile.Need) {
	sort.SliceStable(needs, func(i, j int) bool {
		return slices.Index(Priorities, needs[i].Priority) < slices.Index(Priorities, needs[j].Priority)
	})
}

// Need is the mean normalised need over the scored (not NA) domains, from
// 0 (no need) to 1 (the greatest need the scale can show), and how many
// domains were scored. Scores must already be on the scale.
func Need(in config.Instrument, scores map[string]int) (need float64, scored int) {
	span := float64(in.Scale.Max - in.Scale.Min)
	var sum float64
	for _, s := range scores {
		if IsNA(in, s) {
			continue
		}
		if in.HigherIs == HigherIsNeed {
			sum += float64(s-in.Scale.Min) / span
		} else {
			sum += float64(in.Scale.Max-s) / span
		}
		scored++
	}
	if scored == 0 {
		return 0, 0
	}
	return sum / float64(scored), scored
}

// Level maps need plus the network adjustment to a level of attention:
// the highest threshold reached wins. Need is rounded to 1e-9 first so
// that, say, a mean of exactly 0.35 reaches a 0.35 threshold despite
// floating-point error.
func Level(rule config.LevelRule, need float64, network string) (adjusted float64, level string) {
	adjusted = math.Round((need+rule.NetworkAdjust[network])*1e9) / 1e9
	switch {
	case adjusted >= rule.Intensive:
		return adjusted, Intensive
	case adjusted >= rule.CareManagement:
		return adjusted, CareManagement
	}
	return adjusted, SelfManagement
}
