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

// AsOf is the moment at which month m is seen from now: its last instant
// once it is over, now while it runs. Its active cases are those open at
// that moment. For a month that has not begun, it is before the month.
func (m Month) AsOf(now time.Time) time.Time {
	if last := m.End().Add(-time.Nanosecond); now.After(last) {
		return last
	}
	return now
}

// String writes the month as YYYY-MM.
func (m Month) String() string { return m.Start().Format(MonthLayout) }

// MarshalText writes the month as YYYY-MM in JSON and YAML.
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }
