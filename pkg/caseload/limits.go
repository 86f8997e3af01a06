package caseload

import (
	"fmt"
	"math"
	"strconv"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// Load thresholds: a worker is warned at WarnLoad of capacity and over past
// MaxLoad.
const (
	WarnLoad = 0.8
	MaxLoad  = 1.0
)

// Limits are the caseload limits that apply to one worker. A limit of 0
// means "no limit".
type Limits struct {
	MaxActive       int `json:"max_active" yaml:"max_active"`
	WarnActive      int `json:"warn_active" yaml:"warn_active"`
	MaxNewPerMonth  int `json:"max_new_per_month" yaml:"max_new_per_month"`
	WarnNewPerMonth int `json:"warn_new_per_month" yaml:"warn_new_per_month"`
}

// LimitsFor resolves the limits of a worker. The agency's limits are for a
// full-time worker: they are scaled by the worker's FTE and rounded down
// (never below 1). A limit set in the worker file replaces the agency's
// and is used as written, unscaled. An agency limit of 0 turns that check
// off.
func LimitsFor(agency config.Caseload, w casefile.Worker) Limits {
	scale := func(limit int) int {
		if limit <= 0 {
			return 0
		}
		return max(1, int(math.Floor(float64(limit)*w.FTE+1e-9)))
	}
	l := Limits{
		MaxActive:       scale(agency.MaxActive),
		WarnActive:      scale(agency.WarnActive),
		MaxNewPerMonth:  scale(agency.MaxNewPerMonth),
		WarnNewPerMonth: scale(agency.WarnNewPerMonth),
	}
	if o := w.Limits; o != nil {
		override(&l.MaxActive, o.MaxActive)
		override(&l.WarnActive, o.WarnActive)
		override(&l.MaxNewPerMonth, o.MaxNewPerMonth)
		override(&l.WarnNewPerMonth, o.WarnNewPerMonth)
	}
	return l
}

func override(limit *int, v int) {
	if v != 0 {
		*limit = v
	}
}

// Full reports whether a worker holding active cases may take no more:
// they are at or past MaxActive.
func (l Limits) Full(active int) bool { return l.MaxActive > 0 && active >= l.MaxActive }

// Status is a worker's standing against the limits.
type Status string

// Statuses, from best to worst.
const (
	OK   Status = "ok"
	Warn Status = "warn"
	Over Status = "over"
)

// ParseStatus reads "warn" or "over", the statuses --fail-on accepts.
func ParseStatus(s string) (Status, error) {
	switch Status(s) {
	case Warn, Over:
		return Status(s), nil
	}
	return "", fmt.Errorf("%q is not a status to fail on: use warn or over", s)
}

func (s Status) rank() int {
	switch s {
	case Warn:
		return 1
	case Over:
		return 2
	}
	return 0
}

// AtLeast reports whether s is as bad as t or worse.
func (s Status) AtLeast(t Status) bool { return s.rank() >= t.rank() }

// Evaluate gives the status of a worker with active cases, fresh new
// cases, and load (hours over capacity; capacity 0 means the worker has no
// capacity), and the reasons for it, worst first. At MaxActive a worker is
// full, which is warn: over means past a limit.
func Evaluate(l Limits, active, fresh int, hours, capacity, load float64) (Status, []string) {
	var over, warn []string
	switch {
	case l.MaxActive > 0 && active > l.MaxActive:
		over = append(over, fmt.Sprintf("%d active > max %d", active, l.MaxActive))
	case l.MaxActive > 0 && active == l.MaxActive:
		warn = append(warn, fmt.Sprintf("%d active, at max %d", active, l.MaxActive))
	case l.WarnActive > 0 && active >= l.WarnActive:
		warn = append(warn, fmt.Sprintf("%d active >= warn %d", active, l.WarnActive))
	}
	switch {
	case l.MaxNewPerMonth > 0 && fresh > l.MaxNewPerMonth:
		over = append(over, fmt.Sprintf("%d new > max %d", fresh, l.MaxNewPerMonth))
	case l.MaxNewPerMonth > 0 && fresh == l.MaxNewPerMonth:
		warn = append(warn, fmt.Sprintf("%d new, at max %d", fresh, l.MaxNewPerMonth))
	case l.WarnNewPerMonth > 0 && fresh >= l.WarnNewPerMonth:
		warn = append(warn, fmt.Sprintf("%d new >= warn %d", fresh, l.WarnNewPerMonth))
	}
	switch {
	case capacity <= 0 && hours > 0:
		over = append(over, "no capacity (fte 0 or no worker file)")
	case load > MaxLoad:
		over = append(over, fmt.Sprintf("load %s > 100%%", Percent(load)))
	case load >= WarnLoad:
		warn = append(warn, fmt.Sprintf("load %s >= %s", Percent(load), Percent(WarnLoad)))
	}
	switch {
	case len(over) > 0:
		return Over, append(over, warn...)
	case len(warn) > 0:
		return Warn, warn
	}
	return OK, nil
}

// Percent writes a load as a percentage with at most one decimal: 0.456
// is "45.6%", 0.5 is "50%".
func Percent(load float64) string {
	return strconv.FormatFloat(math.Round(load*1000)/10, 'f', -1, 64) + "%"
}
