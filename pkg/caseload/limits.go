package caseload

import (
	"fmt"
	"math"
	"strconv"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// MaxLoad is the load past which a worker is over: more hours than
// capacity.
const MaxLoad = 1.0

// Limits are the caseload limits that apply to one worker. A limit of 0
// means "no limit".
type Limits struct {
	MaxActive       int `json:"max_active" yaml:"max_active"`
	WarnActive      int `json:"warn_active" yaml:"warn_active"`
	MaxNewPerMonth  int `json:"max_new_per_month" yaml:"max_new_per_month"`
	WarnNewPerMonth int `json:"warn_new_per_month" yaml:"warn_new_per_month"`
	// WarnLoad is the load (hours / capacity) at which a worker is warned.
	WarnLoad float64 `json:"warn_load" yaml:"warn_load"`
}

// LimitsFor resolves the limits of a worker: the agency's limits, each
// replaced by the worker file's override where one is set. Limits count
// cases, whatever the worker's FTE; part-time work shows in capacity and
// load instead. An agency limit of 0 turns that check off.
func LimitsFor(agency config.Caseload, w casefile.Worker) Limits {
	l := Limits{
		MaxActive:       agency.MaxActive,
		WarnActive:      agency.WarnActive,
		MaxNewPerMonth:  agency.MaxNewPerMonth,
		WarnNewPerMonth: agency.WarnNewPerMonth,
		WarnLoad:        agency.WarnLoad,
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
	case l.WarnLoad > 0 && load >= l.WarnLoad:
		warn = append(warn, fmt.Sprintf("load %s >= %s", Percent(load), Percent(l.WarnLoad)))
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
