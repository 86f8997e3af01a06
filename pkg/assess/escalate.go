package assess

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// Levels are the levels of attention, least intensive first.
var Levels = []string{SelfManagement, CareManagement, Intensive}

// Rank orders levels of attention: 0 for none or an unknown level, then 1
// for self-management up to 3 for intensive.
func Rank(level string) int { return slices.Index(Levels, level) + 1 }

// Higher returns the more intensive of two levels.
func Higher(a, b string) string {
	if Rank(b) > Rank(a) {
		return b
	}
	return a
}

// Decision is a level of attention and why it was reached.
type Decision struct {
	// Level is the level of attention: the highest of what the mean calls
	// for, the floor of the worst domain and the floor of the current risk.
	Level string
	// Need is the mean normalised need plus the network adjustment.
	Need float64
	// ByMean is the level the mean need alone reaches.
	ByMean string
	// Because says why Level was reached, in the caseworker's words:
	// "emotional scored 3, Act immediately".
	Because []string
}

// Why reads "intensive: emotional scored 3, Act immediately; current risk
// high".
func (d Decision) Why() string {
	return d.Level + ": " + strings.Join(d.Because, "; ")
}

// Floor is the lowest level of attention the scores allow: the highest
// level that any one domain's score escalates to (config escalate), with
// the domains that call for it, in the instrument's domain order. It is
// "" when no score escalates.
func Floor(in config.Instrument, scores map[string]int) (level string, because []string) {
	floors := in.Floors()
	for _, d := range domainOrder(in, scores) {
		s := scores[d]
		l, ok := floors[s]
		if !ok || IsNA(in, s) {
			continue
		}
		why := fmt.Sprintf("%s scored %d", d, s)
		if label := in.Labels[s]; label != "" {
			why += ", " + label
		}
		switch {
		case Rank(l) > Rank(level):
			level, because = l, []string{why}
		case l == level:
			because = append(because, why)
		}
	}
	return level, because
}

// RiskFloor is the lowest level of attention a current risk level calls
// for (risk.escalate), "" when it calls for none.
func RiskFloor(cfg config.Risk, riskLevel string) string {
	if riskLevel == "" {
		return ""
	}
	return cfg.Escalate[riskLevel]
}

// Decide sets the level of attention of an assessment: the level the mean
// need plus the network adjustment reaches (rule), raised to the floor of
// the worst-scored domain and to the floor of the current risk. A mean
// may raise the level; nothing lowers it below a floor.
func Decide(in config.Instrument, rule config.LevelRule, scores map[string]int, network string, riskCfg config.Risk, riskLevel string) Decision {
	need, scored := Need(in, scores)
	adjusted, byMean := Level(rule, need, network)
	d := Decision{Level: byMean, Need: adjusted, ByMean: byMean}
	floor, because := Floor(in, scores)
	if Rank(floor) > Rank(d.Level) {
		d.Level, d.Because = floor, because
	} else if floor == d.Level {
		d.Because = because
	}
	if rf := RiskFloor(riskCfg, riskLevel); Rank(rf) > Rank(d.Level) {
		d.Level, d.Because = rf, []string{"current risk " + riskLevel}
	} else if rf != "" && rf == d.Level {
		d.Because = append(d.Because, "current risk "+riskLevel)
	}
	if len(d.Because) == 0 || d.Level == byMean {
		mean := fmt.Sprintf("mean need %.2f over %d scored domains", adjusted, scored)
		if network != "" {
			mean += fmt.Sprintf(" (with %s network support)", network)
		}
		d.Because = append([]string{mean}, d.Because...)
	}
	return d
}

// Current is the case's level of attention now: the level of the latest
// assessment of the client (not of a household member), raised to what its current risk calls for. It is "" for a
// case never assessed and at no risk that escalates.
func Current(c *casefile.Case, riskCfg config.Risk) string {
	level := ""
	if as := c.ClientAssessments(); len(as) > 0 {
		level = as[len(as)-1].Level
	}
	if r := c.CurrentRisk(); r != nil {
		level = Higher(level, RiskFloor(riskCfg, r.Level))
	}
	return level
}

// domainOrder lists the scored domains in the instrument's order, then any
// others alphabetically.
func domainOrder(in config.Instrument, scores map[string]int) []string {
	var out, rest []string
	for _, d := range in.Domains {
		if _, ok := scores[d]; ok {
			out = append(out, d)
		}
	}
	for d := range scores {
		if !slices.Contains(in.Domains, d) {
			rest = append(rest, d)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}
