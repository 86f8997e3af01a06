package caseload

import (
	"fmt"
	"time"
)

// Month is a calendar month in UTC.
type Month struct {
	Year  int
	Month time.Month
}

// MonthLayout is how a month is written: 2026-03.
const MonthLayout = "2006-01"

// ParseMonth reads a month written YYYY-MM.
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse(MonthLayout, s)
	if err != nil {
		return Month{}, fmt.Errorf("%q is not a month: write it as YYYY-MM, for example 2026-03", s)
	}
	return MonthOf(t), nil
}

// MonthOf returns the month holding t (in UTC).
func MonthOf(t time.Time) Month {
	t = t.UTC()
	return Month{t.Year(), t.Month()}
}

// Start is the first instant of the month.
func (m Month) Start() time.Time { return time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, time.UTC) }

// End is the first instant of the next month: the month is [Start, End).
func (m Month) End() time.Time { return m.Start().AddDate(0, 1, 0) }

// Contains reports whether t falls within the month.
func (m Month) Contains(t time.Time) bool {
	return !t.Before(m.Start()) && t.Before(m.End())
}

// String writes the month as YYYY-MM.
func (m Month) String() string { return m.Start().Format(MonthLayout) }

// MarshalText writes the month as YYYY-MM in JSON and YAML.
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }
