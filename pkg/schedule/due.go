package schedule

import (
	"sort"
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

// Until lists what is due on the cases on or before until, overdue items
// included, earliest first (then by case, kind and reference).
func Until(cases []*casefile.Case, interval time.Duration, until casefile.Date) []Item {
	var items []Item
	for _, c := range cases {
		for _, it := range ForCase(c, interval) {
			if !it.Date.After(until) {
				items = append(items, it)
			}
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		switch {
		case !a.Date.Time().Equal(b.Date.Time()):
			return a.Date.Before(b.Date)
		case a.CaseID != b.CaseID:
			return a.CaseID < b.CaseID
		case a.Kind != b.Kind:
			return a.Kind < b.Kind
		}
		return refLess(a.Ref, b.Ref)
	})
	return items
}

// refLess orders A2 before A10.
func refLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}
