package schedule

import (
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// DaysFrom returns how many days after today the item is due: 0 today,
// negative when overdue.
func (it Item) DaysFrom(today casefile.Date) int {
	return int(it.Date.Time().Sub(today.Time()).Round(24*time.Hour) / (24 * time.Hour))
}

// Key identifies the item stably across runs: case, kind, reference and
// date. A calendar export uses it as the event's UID.
func (it Item) Key() string {
	parts := []string{it.CaseID, it.Kind}
	if it.Ref != "" {
		parts = append(parts, it.Ref)
	}
	return strings.Join(append(parts, it.Date.Time().Format("20060102")), "-")
}

// refLess orders A2 before A10.
func refLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}
