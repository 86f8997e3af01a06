// Package risk records the risk to and from a client, checks risk records
// against the agency's configured levels and flags, and says what a risk
// level calls for. It is pure: it works on casefile and config values.
package risk

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/assess"
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// Input is a risk record as given on the command line.
type Input struct {
	At         time.Time
	By         string
	Level      string
	Flags      []string
	Reason     string
	SafetyPlan string
}

// Record checks input against the configured levels and flags and
// returns the record to append. Flags are kept in the order given, each
// once.
func Record(cfg config.Risk, in Input) (casefile.Risk, error) {
	r := casefile.Risk{At: in.At, By: in.By, Level: strings.TrimSpace(in.Level),
		Reason: strings.TrimSpace(in.Reason), SafetyPlan: strings.TrimSpace(in.SafetyPlan)}
	if err := CheckLevel(cfg, r.Level); err != nil {
		return r, err
	}
	for _, f := range in.Flags {
		f = strings.TrimSpace(f)
		if f == "" || slices.Contains(r.Flags, f) {
			continue
		}
		if err := CheckFlag(cfg, f); err != nil {
			return r, err
		}
		r.Flags = append(r.Flags, f)
	}
	return r, nil
}

// CheckLevel reports a level that is not configured under risk.levels.
func CheckLevel(cfg config.Risk, level string) error {
	if !slices.Contains(cfg.Levels, level) {
		return fmt.Errorf("unknown risk level %q: use one of %s (risk.levels in %s)", level, strings.Join(cfg.Levels, ", "), config.FileName)
	}
	return nil
}

// CheckFlag reports a flag that is not configured under risk.flags.
func CheckFlag(cfg config.Risk, flag string) error {
	if !slices.Contains(cfg.Flags, flag) {
		return fmt.Errorf("unknown risk flag %q: use one of %s (risk.flags in %s)", flag, strings.Join(cfg.Flags, ", "), config.FileName)
	}
	return nil
}

// Level returns the case's current risk level, "" when none is recorded.
func Level(c *casefile.Case) string {
	if r := c.CurrentRisk(); r != nil {
		return r.Level
	}
	return ""
}

// IsHighest reports whether the case's current risk is the highest
// configured level.
func IsHighest(cfg config.Risk, c *casefile.Case) bool {
	l := Level(c)
	return l != "" && l == cfg.Highest()
}

// Summary describes the current risk in one line for tables and
// documents: "high (self-harm, exploitation)", or "" with no record.
func Summary(c *casefile.Case) string {
	r := c.CurrentRisk()
	if r == nil {
		return ""
	}
	if len(r.Flags) == 0 {
		return r.Level
	}
	return r.Level + " (" + strings.Join(r.Flags, ", ") + ")"
}

// Priority ranks a case for triage, higher first: by its current risk
// level, then, within a level, an intensive level of attention (a single
// domain scored at its worst) before the rest. A case with no risk
// recorded ranks with the lowest level: no record is not evidence of low
// risk, so it never ranks below one.
func Priority(cfg config.Risk, c *casefile.Case) int {
	p := max(cfg.Rank(Level(c)), 1) * 10
	if assess.Current(c, cfg) == assess.Intensive {
		p++
	}
	return p
}
