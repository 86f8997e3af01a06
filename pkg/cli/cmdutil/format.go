package cmdutil

import (
	"strconv"
	"time"
)

// Number formats a number without trailing zeros: 1, 0.5, 12.75.
func Number(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// Money formats an amount with two decimals, or "" for zero.
func Money(x float64) string {
	if x == 0 {
		return ""
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}

// Stamp formats a time for tables: 2026-03-02 09:15 (UTC).
func Stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04")
}
