package casefile

import (
	"encoding/json"
	"errors"
	"time"

	"go.yaml.in/yaml/v3"
)

// DateLayout is the only accepted form of a calendar date.
const DateLayout = "2006-01-02"

// Date is a calendar date with no time of day, written YYYY-MM-DD.
// The zero Date means "not set".
type Date struct {
	t time.Time
}

// NewDate returns the date of t in UTC.
func NewDate(t time.Time) Date {
	y, m, d := t.UTC().Date()
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// ParseDate reads a YYYY-MM-DD date and rejects impossible dates such as
// 2026-02-30.
func ParseDate(s string) (Date, error) {
	if !shaped(s, "9999-99-99") {
		return Date{}, notADate(s)
	}
	y, m, d, ok := calendarDay(s)
	if !ok || y < 1800 {
		return Date{}, notADate(s)
	}
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}, nil
}

// The errors of ParseDate and ParseTime do not repeat the text they were
// given: it may be a client's date of birth.
var (
	errNotADate = errors.New("not a valid date: write it as YYYY-MM-DD, for example 2026-03-14")
	errNotATime = errors.New("not a valid time: write it in RFC 3339 UTC, for example 2026-03-14T09:30:00Z")
)

func notADate(string) error {
	return errNotADate
}

// digitsValue reads a run of ASCII digits that shaped has already checked.
func digitsValue(digits string) int {
	n := 0
	for i := 0; i < len(digits); i++ {
		n = n*10 + int(digits[i]-'0')
	}
	return n
}

// calendarDay reads the YYYY-MM-DD that starts s, whose digits shaped has
// already checked, and reports whether that day exists.
func calendarDay(s string) (y int, m time.Month, d int, ok bool) {
	y, m, d = digitsValue(s[0:4]), time.Month(digitsValue(s[5:7])), digitsValue(s[8:10])
	if m < time.January || m > time.December || d < 1 {
		return y, m, d, false
	}
	// Day 0 of the next month is the last of this one.
	return y, m, d, d <= time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// shaped reports whether s matches shape, where '9' stands for any digit
// and every other byte for itself: cheaper than a regular expression on
// the hot path of loading every case.
func shaped(s, shape string) bool {
	if len(s) != len(shape) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if shape[i] == '9' {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		} else if s[i] != shape[i] {
			return false
		}
	}
	return true
}

// isTimeShape reports whether s is YYYY-MM-DDTHH:MM:SS, optionally with a
// fraction of up to nine digits, then Z or a ±HH:MM offset.
func isTimeShape(s string) bool {
	if len(s) < 20 || !shaped(s[:19], "9999-99-99T99:99:99") {
		return false
	}
	rest := s[19:]
	if rest[0] == '.' {
		digits := 1
		for digits < len(rest) && rest[digits] >= '0' && rest[digits] <= '9' {
			digits++
		}
		if digits == 1 || digits > 10 {
			return false
		}
		rest = rest[digits:]
	}
	return rest == "Z" || (len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && shaped(rest[1:], "99:99"))
}

// ParseTime reads an RFC 3339 time such as 2026-03-14T09:30:00Z, strictly:
// two-digit fields, a zone, and a year from 1900.
//
// The form casework writes, whole seconds in UTC, is read without
// time.Parse: every case file holds dozens of times, and loading the
// whole repository (validate) is dominated by such small costs.
func ParseTime(s string) (time.Time, error) {
	if len(s) == len("2006-01-02T15:04:05Z") && s[19] == 'Z' && shaped(s[:19], "9999-99-99T99:99:99") {
		y, mo, d, ok := calendarDay(s)
		h, mi, sec := digitsValue(s[11:13]), digitsValue(s[14:16]), digitsValue(s[17:19])
		if !ok || y < 1900 || h > 23 || mi > 59 || sec > 59 {
			return time.Time{}, notATime(s)
		}
		return time.Date(y, mo, d, h, mi, sec, 0, time.UTC), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil || !isTimeShape(s) || t.Year() < 1900 {
		return time.Time{}, notATime(s)
	}
	return t, nil
}

func notATime(string) error {
	return errNotATime
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns midnight UTC at the start of the date.
func (d Date) Time() time.Time { return d.t }

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(DateLayout)
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// AddDays returns the date n days later.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// MarshalYAML writes the date as a plain YAML timestamp, unquoted, and an
// unset date as null.
func (d Date) MarshalYAML() (any, error) {
	if d.IsZero() {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: d.String()}, nil
}

// IsZeroer lets yaml's omitempty leave unset dates out.
var _ interface{ IsZero() bool } = Date{}

// MarshalJSON writes the date as a "YYYY-MM-DD" string.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads a "YYYY-MM-DD" string.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}
